/**
 * A salesperson logs in and lands on their dashboard: its parts load their
 * lists and the grade chart.
 */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("freight_crm_board_sales_home", {
    steps: () => [
        {
            content: "The dashboard is the home, titled after it",
            trigger: ".o_dashboard .o-dashboard-action",
            run() {
                if (!document.title.includes("Sales Dashboard")) {
                    throw new Error(`Not the sales dashboard: ${document.title}`);
                }
            },
        },
        {
            content: "The draft evaluations part lists them",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(My Draft Evaluations)) .o_list_view",
        },
        {
            content: "The contracts part lists them",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(My Contracts in Progress)) .o_list_view",
        },
        {
            content: "The grade chart is drawn",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(My Customers by Grade)) .o_graph_view",
        },
    ],
});
