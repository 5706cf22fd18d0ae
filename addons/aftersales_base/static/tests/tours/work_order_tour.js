/** @odoo-module **/
// One work order through the workshop, each role in its own session as its own user
// (tests/test_tour.py). Selectors use button and field names; the few labels are the
// English ones of the test users.
import { registry } from "@web/core/registry";

const PLATE = "粤A66666";
const form = ".o_form_view";
const statusButton = (name) => `.o_statusbar_buttons button[name="${name}"]`;
const button = (name) => `${form} ${statusButton(name)}`;
const checkButton = (label) => `${statusButton("action_check_pass")}:contains("${label}")`;
const check = (label) => `${form} ${checkButton(label)}`;
// The form shows none of these buttons (each a selector relative to the form).
const without = (...buttons) => `${form}:not(:has(${buttons.join(", ")}))`;
const noButton = (name) => without(statusButton(name));
const stage = (value) =>
    `${form} .o_field_widget[name=service_stage] .o_arrow_button_current[data-value="${value}"]`;
const tab = (name) => `${form} .o_notebook .nav-link[name="${name}"]`;
const field = (name) => `${form} .o_field_widget[name="${name}"]`;
// The quality checks list has exactly ``count`` checks, one of them by ``name``.
const checks = (count, name) =>
    `${field("check_ids")} tbody:has(tr.o_data_row:nth-child(${count})):not(:has(tr.o_data_row:nth-child(${count + 1}))):contains(${name})`;
const tours = registry.category("web_tour.tours");

const openApp = () => [
    { trigger: ".o_navbar_apps_menu button:enabled", run: "click" },
    { trigger: '.o_app[data-menu-xmlid="aftersales_base.menu_aftersales_root"]', run: "click" },
];
const openMenu = (xmlid) => [
    { trigger: '.o_menu_sections [data-menu-xmlid="aftersales_base.menu_aftersales_workshop"]', run: "click" },
    { trigger: `.dropdown-item[data-menu-xmlid="aftersales_base.${xmlid}"]`, run: "click" },
];
// The work order of the tour, in the list or the kanban of the menu just opened.
const openOrder = {
    trigger: `.o_data_row:contains(${PLATE}) td.o_data_cell[name=name], .o_kanban_record:contains(${PLATE})`,
    run: "click",
};

// The customer signs on the pad: one stroke of the pointer.
function drawSignature() {
    const canvas = this.anchor;
    const box = canvas.getBoundingClientRect();
    const pointer = (type, x, y) =>
        canvas.dispatchEvent(
            new PointerEvent(type, {
                bubbles: true,
                cancelable: true,
                pointerId: 1,
                pointerType: "mouse",
                isPrimary: true,
                buttons: type === "pointerup" ? 0 : 1,
                pressure: 0.5,
                clientX: box.left + x,
                clientY: box.top + y,
            })
        );
    pointer("pointerdown", 20, 20);
    for (let step = 1; step <= 10; step++) {
        pointer("pointermove", 20 + step * 15, 20 + (step % 3) * 10);
    }
    pointer("pointerup", 170, 30);
}

// Advisor: the customer brings the car; vehicle, odometer, request and the customer's signature.
tours.add("aftersales_advisor_reception", {
    steps: () => [
        ...openApp(),
        ...openMenu("menu_aftersales_work_orders"),
        { trigger: ".o_control_panel_main_buttons button.o_list_button_add, .o_control_panel_main_buttons button.o-kanban-button-new", run: "click" },
        { trigger: `${field("vehicle_id")} input`, run: `edit ${PLATE}` },
        { trigger: `.o-autocomplete--dropdown-item:contains(${PLATE})`, run: "click" },
        { trigger: `${field("partner_id")} input:value(Mr Liu)` },
        { trigger: tab("reception"), run: "click" },
        { trigger: `${field("odometer_in")} input`, run: "edit 8000" },
        { trigger: `${field("complaint")} textarea`, run: "edit Brakes squeak when stopping" },
        { trigger: `${field("customer_signed_by")} input`, run: "edit Mr Liu" },
        { trigger: `${field("customer_signature")} .o_signature`, run: "click" },
        { trigger: ".modal .o_web_sign_draw_button", run: "click" },
        { trigger: ".modal .o_web_sign_draw_button.active" },
        { trigger: ".modal canvas.o_web_sign_signature", run: drawSignature },
        { trigger: ".modal .modal-footer .btn-primary:enabled", run: "click" },
        { trigger: `body:not(:has(.modal)) ${field("customer_signature")} img.o_signature` },
        { trigger: `${form} button[name=action_customer_sign]`, run: "click" },
        { trigger: `${form}:not(:has(button[name=action_customer_sign]))` },
        { trigger: stage("reception") },
    ],
});

// Team leader: takes the vehicle over from the advisor.
tours.add("aftersales_leader_accept", {
    steps: () => [
        { trigger: stage("reception") },
        { trigger: button("action_accept_vehicle"), run: "click" },
        { trigger: noButton("action_accept_vehicle") },
        { trigger: `${field("accepted_by_id")}:contains(Tour Leader)` },
        // Confirming the reception is the advisor's.
        { trigger: noButton("action_confirm_reception") },
    ],
});

// Advisor: everything is there (signature, team leader's acceptance): reception confirmed.
tours.add("aftersales_advisor_confirm_reception", {
    steps: () => [
        { trigger: stage("reception") },
        { trigger: button("action_confirm_reception"), run: "click" },
        { trigger: stage("diagnosis") },
    ],
});

// Technician: finds the car in the work orders, records the diagnosis.
tours.add("aftersales_technician_diagnosis", {
    steps: () => [
        ...openApp(),
        ...openMenu("menu_aftersales_work_orders"),
        openOrder,
        { trigger: stage("diagnosis") },
        { trigger: tab("diagnosis"), run: "click" },
        { trigger: `${field("diagnosis")} textarea`, run: "edit Front brake pads worn to the limit" },
        { trigger: button("action_to_estimate"), run: "click" },
        { trigger: stage("estimate") },
        // The customer's approval is taken by the advisor.
        { trigger: noButton("action_approve_estimate") },
        // Shown as an editable many2one although only the step writes it (see the report to the lead).
        {
            trigger: `${field("diagnosis_user_id")}:contains(Tour Technician), ${field("diagnosis_user_id")} input:value(Tour Technician)`,
        },
    ],
});

// Advisor: labour and parts of the estimate, the customer's approval.
tours.add("aftersales_advisor_estimate", {
    steps: () => [
        { trigger: stage("estimate") },
        { trigger: tab("labour"), run: "click" },
        { trigger: `${field("labour_line_ids")} .o_field_x2many_list_row_add a`, run: "click" },
        { trigger: `${field("labour_line_ids")} .o_data_row .o_field_widget[name=operation_id] input`, run: "edit ZD01" },
        { trigger: ".o-autocomplete--dropdown-item:contains(ZD01)", run: "click" },
        { trigger: `${field("labour_line_ids")} .o_data_row .o_field_widget[name=operation_id] input:value(ZD01)` },
        { trigger: tab("parts"), run: "click" },
        { trigger: `${field("move_ids")} .o_field_x2many_list_row_add a`, run: "click" },
        { trigger: `${field("move_ids")} .o_data_row .o_field_widget[name=product_id] input`, run: "edit Tour Oil Filter" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Tour Oil Filter)", run: "click" },
        { trigger: `${field("move_ids")} .o_data_row .o_field_widget[name=product_id] input:value(Tour Oil Filter)` },
        { trigger: tab("labour"), run: "click" },
        { trigger: `${field("estimate_approved_by")} input`, run: "edit Mr Liu" },
        { trigger: `${form} .o_form_button_save:enabled`, run: "click" },
        { trigger: `${form} .o_form_saved, ${form}:not(:has(.o_form_button_save:enabled))` },
        { trigger: `${field("amount_total")}:contains(189)` },
        { trigger: button("action_approve_estimate"), run: "click" },
        { trigger: stage("approved") },
        // Dispatching is the team leader's.
        { trigger: noButton("action_dispatch") },
    ],
});

// Team leader: assigns the technician and dispatches.
tours.add("aftersales_leader_dispatch", {
    steps: () => [
        { trigger: stage("approved") },
        { trigger: tab("dispatch"), run: "click" },
        { trigger: `${field("technician_ids")} input`, run: "edit Tour Technician" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Tour Technician)", run: "click" },
        { trigger: `${field("technician_ids")} .o_tag:contains(Tour Technician)` },
        { trigger: button("action_dispatch"), run: "click" },
        { trigger: stage("dispatched") },
    ],
});

// Technician: opens the order from the queue, works, gets the parts, asks for the checks, self-checks.
tours.add("aftersales_technician_work", {
    steps: () => [
        ...openApp(),
        ...openMenu("menu_aftersales_my_queue"),
        openOrder,
        { trigger: stage("dispatched") },
        { trigger: button("action_start_work"), run: "click" },
        { trigger: stage("in_progress") },
        { trigger: button("action_issue_parts"), run: "click" },
        { trigger: noButton("action_issue_parts") },
        { trigger: button("action_request_quality_check"), run: "click" },
        { trigger: stage("quality_check") },
        // The final inspection is the inspector's.
        { trigger: without(checkButton("Final Inspection")) },
        { trigger: check("Self Check"), run: "click" },
        { trigger: tab("quality_checks"), run: "click" },
        { trigger: `${checks(1, "Tour Technician")}` },
    ],
});

// Team leader: mutual check.
tours.add("aftersales_leader_mutual_check", {
    steps: () => [
        { trigger: stage("quality_check") },
        { trigger: check("Mutual Check"), run: "click" },
        { trigger: tab("quality_checks"), run: "click" },
        { trigger: `${checks(2, "Tour Leader")}` },
        { trigger: stage("quality_check") },
    ],
});

// Inspector: final inspection; the car goes to washing.
tours.add("aftersales_inspector_final_check", {
    steps: () => [
        { trigger: stage("quality_check") },
        { trigger: check("Final Inspection"), run: "click" },
        { trigger: stage("washing") },
        { trigger: tab("quality_checks"), run: "click" },
        { trigger: `${checks(3, "Tour Inspector")}` },
    ],
});

// Technician (or the washer, any workshop user): washed, the car is ready.
tours.add("aftersales_technician_washed", {
    steps: () => [
        { trigger: stage("washing") },
        { trigger: button("action_wash_done"), run: "click" },
        { trigger: stage("ready") },
        // Settling and handing over are the advisor's.
        { trigger: without(statusButton("action_settle"), statusButton("action_deliver")) },
    ],
});

// Advisor: settles; the car does not leave unpaid; as cashier posts the invoice and takes the payment.
tours.add("aftersales_advisor_settle_and_collect", {
    steps: () => [
        { trigger: stage("ready") },
        // Credit is the service manager's.
        { trigger: noButton("action_approve_credit") },
        { trigger: button("action_settle"), run: "click" },
        { trigger: `${form} .oe_stat_button[name=action_view_sale_order]` },
        { trigger: button("action_deliver"), run: "click" },
        { trigger: ".modal .o_error_dialog:contains(must be paid)" },
        { trigger: ".modal .modal-footer .btn-primary", run: "click" },
        { trigger: `body:not(:has(.modal)) ${stage("ready")}` },
        { trigger: `${form} .oe_stat_button[name=action_view_sale_order]`, run: "click" },
        { trigger: `${form} .oe_stat_button[name=action_view_invoice]`, run: "click" },
        { trigger: button("action_post"), run: "click" },
        { trigger: `${form} .o_statusbar_buttons #account_invoice_payment_btn`, run: "click" },
        { trigger: ".modal button[name=action_create_payments]", run: "click" },
        { trigger: `body:not(:has(.modal)) ${form}:not(:has(#account_invoice_payment_btn))` },
        { trigger: `${form} .ribbon span:contains(Paid), ${form} .ribbon span:contains(In Payment)` },
    ],
});

// Advisor: hands the car over (paid, or credit approved by the manager).
tours.add("aftersales_advisor_deliver", {
    steps: () => [
        { trigger: stage("ready") },
        { trigger: button("action_deliver"), run: "click" },
        { trigger: stage("delivered") },
    ],
});

// Service manager: the customer pays later; the car may leave.
tours.add("aftersales_manager_credit", {
    steps: () => [
        { trigger: stage("ready") },
        { trigger: button("action_approve_credit"), run: "click" },
        { trigger: noButton("action_approve_credit") },
        { trigger: stage("ready") },
    ],
});

// What each role sees first: the After-Sales app in the apps menu, then its own screen.
const landing = (checks) => ({
    steps: () => [
        ...openApp(),
        { trigger: ".o_main_navbar .o_menu_brand:contains(After-Sales)" },
        ...checks,
    ],
});
tours.add(
    "aftersales_home_queue",
    landing([
        { trigger: ".o_kanban_view" },
        { trigger: ".o_breadcrumb .active:contains(My Queue)" },
        { trigger: ".o_searchview_facet:contains(My Queue)" },
    ])
);
tours.add(
    "aftersales_home_work_orders",
    landing([
        { trigger: ".o_kanban_view .o_kanban_group" },
        { trigger: ".o_breadcrumb .active:contains(Work Orders)" },
    ])
);
