/**
 * A salesperson creates a company customer from the Freight CRM customers
 * menu, makes themselves its account manager, adds a contact of it and saves
 * both.
 */
import {registry} from "@web/core/registry";

const mainForm = "body:not(:has(.modal)) .o_form_view";

registry.category("web_tour.tours").add("freight_crm_customer_create", {
    steps: () => [
        {
            content: "Name the new company customer",
            trigger: `${mainForm} .o_field_widget[name=name] :is(input, textarea)`,
            run: "edit 宁波北仑精密机械有限公司",
        },
        {
            content: "Open the Sales & Purchase tab",
            trigger: `${mainForm} .o_notebook_headers .nav-link[name=sales_purchases]`,
            run: "click",
        },
        {
            content: "Search the account manager",
            trigger: `${mainForm} .o_field_widget[name=user_id] input`,
            run: "edit Freight Tour Creator",
        },
        {
            content: "Pick the salesperson",
            trigger: ".o-autocomplete--dropdown-item a:contains(Freight Tour Creator)",
            run: "click",
        },
        {
            content: "Save the customer",
            trigger: `${mainForm} .o_form_button_save`,
            run: "click",
        },
        {
            content: "The customer is saved",
            trigger: `${mainForm}.o_form_saved, ${mainForm} .o_form_saved`,
        },
        {
            content: "Open the Contacts tab",
            trigger: `${mainForm} .o_notebook_headers .nav-link[name=contact_addresses]`,
            run: "click",
        },
        {
            content: "Add a contact",
            trigger: `${mainForm} .o_field_widget[name=child_ids] .o-kanban-button-new`,
            run: "click",
        },
        {
            content: "Name the contact",
            trigger: ".modal .o_field_widget[name=name] :is(input, textarea)",
            run: "edit 王立新",
        },
        {
            content: "Save and close the contact",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The contact is listed on the customer",
            trigger: `${mainForm} .o_field_widget[name=child_ids] .o_kanban_record:contains(王立新)`,
        },
        {
            content: "Save the customer with its contact",
            trigger: `${mainForm} .o_form_button_save`,
            run: "click",
        },
        {
            content: "Both are saved",
            trigger: `${mainForm}.o_form_saved, ${mainForm} .o_form_saved`,
        },
    ],
});
