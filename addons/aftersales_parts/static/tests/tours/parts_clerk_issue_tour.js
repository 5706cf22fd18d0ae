/** @odoo-module **/
import { registry } from "@web/core/registry";

// The parts clerk at the counter: a customer's demand for a part in stock, confirmed and issued.
registry.category("web_tour.tours").add("aftersales_parts_clerk_issue_tour", {
    steps: () => [
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=partner_id] input", run: "edit 柜台测试客户" },
        { trigger: ".o-autocomplete--dropdown-item:contains(柜台测试客户)", run: "click" },
        { trigger: ".o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=product_id] input", run: "edit 空气滤清器" },
        { trigger: ".o-autocomplete--dropdown-item:contains(空气滤清器（柜台）)", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=product_id] input:value(空气滤清器（柜台）)" },
        { trigger: ".o_data_row .o_field_widget[name=product_uom_qty] input", run: "edit 2" },
        // the catalogue price is the rule: the clerk cannot type another one
        { trigger: ".o_data_row .o_field_widget[name=price_unit].o_readonly_modifier" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: ".o_data_row td[name=qty_shortage]:contains(0)" },
        { trigger: "button[name=action_confirm]", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value=confirmed]" },
        { trigger: "button[name=action_generate_issue]", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value=issued]" },
    ],
});
