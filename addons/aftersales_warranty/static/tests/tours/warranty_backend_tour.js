/** @odoo-module **/

import { registry } from "@web/core/registry";

const button = (name) => `.o_form_view .o_statusbar_buttons button[name="${name}"]:enabled`;
const state = (value) => `.o_form_view .o_field_widget[name=state] .o_arrow_button_current[data-value="${value}"]`;

// The dealer's warranty clerk: claim from a finished work order, run the checker, submit to the OEM.
registry.category("web_tour.tours").add("aftersales_warranty_clerk_claim_from_work_order", {
    steps: () => [
        { content: "Create the claim from the work order", trigger: button("action_create_warranty_claims"), run: "click" },
        { content: "The claim form opens", trigger: ".o_form_view .o_field_widget[name=causal_product_id]" },
        { content: "Run the checker", trigger: button("action_check"), run: "click" },
        { content: "Open the checker's page", trigger: ".o_form_view .o_notebook .nav-link[name=check]", run: "click" },
        { content: "Checked", trigger: ".o_form_view .o_field_widget[name=checked_date] span:contains(20)" },
        { content: "Submit to the OEM", trigger: button("action_submit"), run: "click" },
        { content: "Submitted", trigger: state("submitted") },
    ],
});

// The OEM reviewer: a claim under review approved partially, the labour cut with its reason.
registry.category("web_tour.tours").add("aftersales_warranty_reviewer_partial_approval", {
    steps: () => [
        { content: "Approve partially", trigger: button("action_open_review"), run: "click" },
        {
            content: "Open the labour line",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:last td.o_data_cell[name=approved_quantity]",
            run: "click",
        },
        {
            content: "Approved hours",
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name=approved_quantity] input",
            run: "edit 1.5",
        },
        {
            content: "Reason of the cut",
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name=cut_reason] input",
            run: "edit 工时按1.5小时核定",
        },
        { content: "Approve", trigger: ".modal .modal-footer button[name=action_confirm]", run: "click" },
        { content: "Partially approved", trigger: `body:not(:has(.modal)) ${state("partially_approved")}` },
    ],
});
