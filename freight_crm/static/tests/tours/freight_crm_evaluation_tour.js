/** Manager scores a criterion of a draft evaluation, saves and confirms it. */
import {registry} from "@web/core/registry";

const firstLineScore =
    ".o_field_one2many[name=line_ids] .o_data_row:first .o_data_cell[name=score]";

registry.category("web_tour.tours").add("freight_crm_confirm_evaluation", {
    steps: () => [
        {
            content: "Open the first criterion's score",
            trigger: firstLineScore,
            run: "click",
        },
        {
            content: "Score it 95",
            trigger: `${firstLineScore} input`,
            run: "edit 95",
        },
        {
            content: "Save the evaluation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Confirm it",
            trigger: ".o_form_view button[name=action_confirm]:not(:disabled)",
            run: "click",
        },
        {
            content: "The evaluation is confirmed",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Confirmed)",
        },
    ],
});
