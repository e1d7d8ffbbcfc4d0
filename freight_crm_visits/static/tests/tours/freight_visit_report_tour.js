/** A salesperson records a held visit and submits it for approval. */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("freight_visit_report", {
    steps: () => [
        {
            content: "Mark the visit as done",
            trigger: ".o_form_view button[name=action_done]",
            run: "click",
        },
        {
            content: "Write what was actually discussed",
            trigger: ".o_form_view .o_field_widget[name=actual_content] textarea",
            run: "edit 确认明年一季度海运整柜运价，客户计划新增宁波至汉堡航线。",
        },
        {
            content: "Submit it for approval",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Submitted)",
        },
    ],
});
