/** Customer service records a major complaint from the Complaints menu. */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("freight_complaint_intake", {
    steps: () => [
        {
            content: "Title of the complaint",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit 整柜货物破损",
        },
        {
            content: "Pick the customer",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit 绍兴柯桥",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(绍兴柯桥纺织品)",
            run: "click",
        },
        {
            content: "Class it as a major complaint",
            trigger: ".o_form_view .o_field_widget[name=freight_complaint_class] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(Major)",
            run: "click",
        },
        {
            content: "Describe the matter",
            trigger: ".o_form_view .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor 宁波港出运的整柜到港后发现外包装严重受损。",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, with a deadline",
            trigger: ".o_form_saved .o_field_widget[name=freight_deadline]:not(:empty)",
        },
    ],
});
