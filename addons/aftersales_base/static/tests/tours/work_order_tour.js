import { registry } from "@web/core/registry";

const button = (name) => `.o_form_view .o_statusbar_buttons button[name="${name}"]:not(.d-none)`;
const stage = (label) => `.o_form_view .o_field_widget[name="service_stage"] button.o_arrow_button_current:contains("${label}")`;
const tab = (label) => `.o_form_view .o_notebook .nav-link:contains("${label}")`;
const save = { trigger: ".o_form_view .o_form_button_save:enabled", run: "click" };

registry.category("web_tour.tours").add("aftersales_work_order_reception_to_work_done", {
    steps: () => [
        { trigger: stage("Reception") },
        { trigger: button("action_accept_vehicle"), run: "click" },
        { trigger: button("action_confirm_reception"), run: "click" },
        { trigger: stage("Diagnosis") },
        { trigger: tab("Diagnosis"), run: "click" },
        { trigger: ".o_field_widget[name=diagnosis] textarea", run: "edit Front brake pads worn out" },
        save,
        { trigger: button("action_to_estimate"), run: "click" },
        { trigger: stage("Estimate") },
        { trigger: tab("Labour"), run: "click" },
        { trigger: ".o_field_widget[name=labour_line_ids] .o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".o_field_widget[name=labour_line_ids] .o_data_row .o_field_widget[name=operation_id] input", run: "edit ZD01" },
        { trigger: ".o-autocomplete--dropdown-item:contains(ZD01)", run: "click" },
        { trigger: ".o_field_widget[name=estimate_approved_by] input", run: "edit Mr Liu" },
        save,
        { trigger: ".o_field_widget[name=amount_total]:contains(144)" },
        { trigger: button("action_approve_estimate"), run: "click" },
        { trigger: stage("Approved") },
        { trigger: tab("Dispatch"), run: "click" },
        { trigger: ".o_field_widget[name=technician_ids] input", run: "edit Tour Technician" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Tour Technician)", run: "click" },
        save,
        { trigger: button("action_dispatch"), run: "click" },
        { trigger: stage("Dispatched") },
        { trigger: button("action_start_work"), run: "click" },
        { trigger: stage("In Progress") },
        { trigger: button("action_request_quality_check"), run: "click" },
        { trigger: stage("Quality Check") },
    ],
});

registry.category("web_tour.tours").add("aftersales_work_order_settle_and_deliver", {
    steps: () => [
        { trigger: stage("Ready") },
        { trigger: button("action_settle"), run: "click" },
        { trigger: ".o_form_view .oe_stat_button[name=action_view_sale_order]", run: "click" },
        { trigger: ".o_form_view .oe_stat_button[name=action_view_invoice]", run: "click" },
        { trigger: ".o_form_view .o_statusbar_buttons button[name=action_post]", run: "click" },
        { trigger: ".o_form_view .o_statusbar_buttons button[name=button_draft]" },
        { trigger: ".o_breadcrumb .breadcrumb-item a:contains('/RO/')", run: "click" },
        { trigger: button("action_deliver"), run: "click" },
        { trigger: stage("Delivered") },
    ],
});
