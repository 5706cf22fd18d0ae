/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("aftersales_warranty_portal_submit", {
    url: "/my/warranty",
    steps: () => [
        {
            content: "Open the new claim form",
            trigger: "a.o_warranty_new",
            run: "click",
        },
        {
            content: "VIN",
            trigger: "form.o_warranty_new_form input[name=vin]",
            run: "edit LGXCE4CB2R9000001",
        },
        {
            content: "Mileage",
            trigger: "form.o_warranty_new_form input[name=mileage]",
            run: "edit 23000",
        },
        {
            content: "Causal part",
            trigger: "form.o_warranty_new_form input[name=part_code]",
            run: "edit SA-001",
        },
        {
            content: "Operation code",
            trigger: "form.o_warranty_new_form input[name=operation_code]",
            run: "edit WTY-SA01",
        },
        {
            content: "Complaint",
            trigger: "form.o_warranty_new_form textarea[name=complaint]",
            run: "edit 过减速带时前部异响",
        },
        {
            content: "Create the claim",
            trigger: "button.o_warranty_create",
            run: "click",
        },
        {
            content: "The claim is a draft",
            trigger: ".o_warranty_state[data-state=draft]",
        },
        {
            content: "Submit it to the OEM",
            trigger: "button.o_warranty_submit",
            run: "click",
        },
        {
            content: "The claim is submitted",
            trigger: ".o_warranty_state[data-state=submitted]",
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_warranty_portal_settled", {
    url: "/my/warranty",
    steps: () => [
        {
            content: "The claim shows as settled in the list",
            trigger: "tr:has(.o_warranty_state[data-state=settled]) a",
            run: "click",
        },
        {
            content: "Detail with the review result",
            trigger: ".o_warranty_approved:contains(700)",
        },
    ],
});
