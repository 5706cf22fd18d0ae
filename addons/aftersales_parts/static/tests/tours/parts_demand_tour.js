/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("aftersales_parts_demand_tour", {
    steps: () => [
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=partner_id] input", run: "edit 巡回测试客户" },
        { trigger: ".o-autocomplete--dropdown-item:contains(巡回测试客户)", run: "click" },
        { trigger: ".o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=product_id] input", run: "edit 离合器分泵" },
        { trigger: ".o-autocomplete--dropdown-item:contains(离合器分泵（巡回）)", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=product_id] input:value(离合器分泵（巡回）)" },
        { trigger: ".o_data_row .o_field_widget[name=product_uom_qty] input", run: "edit 3" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: ".o_data_row td[name=qty_shortage]:contains(3)" },
        { trigger: "button[name=action_confirm]", run: "click" },
        { trigger: "button[name=action_convert_to_order]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=partner_id] input:value(华晨配件供应有限公司)" },
        { trigger: "button[name=button_confirm]", run: "click" },
        { trigger: "button[name=action_view_picking]", run: "click" },
        { trigger: ".o_form_view button[name=button_validate]", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current:contains(Done), .o_statusbar_status .o_arrow_button_current:contains(完成)" },
        { trigger: ".o_breadcrumb a:contains(XQ)", run: "click" },
        { trigger: "button[name=action_generate_issue]", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value=issued]" },
    ],
});
