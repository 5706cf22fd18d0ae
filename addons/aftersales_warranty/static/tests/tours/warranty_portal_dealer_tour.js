/** @odoo-module **/

import { registry } from "@web/core/registry";

// The smallest PNG (1x1 pixel), as a photo of the old part.
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

async function choosePhoto(input, name) {
    const blob = await (await fetch(`data:image/png;base64,${PNG}`)).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], name, { type: "image/png" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("aftersales_warranty_portal_photo", {
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
            content: "Causal part",
            trigger: "form.o_warranty_new_form .o_warranty_part_row:first input[name=part_code]",
            run: "edit SA-001",
        },
        {
            content: "Operation code",
            trigger: "form.o_warranty_new_form .o_warranty_operation_row:first input[name=operation_code]",
            run: "edit WTY-SA01",
        },
        {
            content: "Complaint",
            trigger: "form.o_warranty_new_form textarea[name=complaint]",
            run: "edit 过减速带时前部异响",
        },
        {
            content: "Photo of the old part",
            trigger: "form.o_warranty_new_form input[name=attachments]",
            async run({ anchor }) {
                await choosePhoto(anchor, "old_part.png");
            },
        },
        {
            content: "Create the claim with a wrong mileage (the browser would refuse 1e308: post it anyway)",
            trigger: "form.o_warranty_new_form",
            run({ anchor }) {
                anchor.querySelector("input[name=mileage]").value = "1e308";
                anchor.noValidate = true;
                anchor.querySelector("button.o_warranty_create").click();
            },
        },
        {
            content: "The form comes back with the error and keeps the photo",
            trigger: ".o_warranty_error:contains(2,000,000)",
        },
        {
            trigger: ".o_warranty_pending_file:contains(old_part.png)",
        },
        {
            content: "Correct the mileage",
            trigger: "form.o_warranty_new_form input[name=mileage]",
            run: "edit 23000",
        },
        {
            content: "Create the claim",
            trigger: "button.o_warranty_create",
            run: "click",
        },
        {
            content: "The claim is a draft and lists the photo",
            trigger: ".o_warranty_state[data-state=draft]",
        },
        {
            trigger: ".o_warranty_attachment:contains(old_part.png) img",
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_warranty_portal_answer", {
    url: "/my/warranty",
    steps: () => [
        {
            content: "Open the claim the OEM asks about",
            trigger: "tr:has(.o_warranty_state[data-state=info_requested]) a",
            run: "click",
        },
        {
            content: "Answer the question",
            trigger: "textarea[name=answer]",
            run: "edit 里程表照片已上传",
        },
        {
            content: "Send the answer",
            trigger: "button.o_warranty_answer",
            run: "click",
        },
        {
            content: "The claim is under review again",
            trigger: ".o_warranty_state[data-state=under_review]",
        },
    ],
});
