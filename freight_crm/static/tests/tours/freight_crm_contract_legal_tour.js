/** Legal reviewer approves the legal step of a contract (法务审核). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("freight_crm_contract_legal_approval", {
    steps: () => [
        {
            content: "The contract awaits legal review",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Legal Review)",
        },
        {
            content: "Approve it as legal",
            trigger: ".o_form_view button[name=action_legal_approve]:not(:disabled)",
            run: "click",
        },
        {
            content: "It goes on to the deputy general manager",
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains(Deputy GM Approval)",
        },
    ],
});
