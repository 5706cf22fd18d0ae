import { registry } from "@web/core/registry";

function attachPhoto() {
    const input = document.querySelector("form.o_quality_form input[type=file][name=attachments]");
    const transfer = new DataTransfer();
    transfer.items.add(new File(["\x89PNG tour"], "gearbox.png", { type: "image/png" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("aftersales_quality_portal_tour", {
    url: "/my/quality",
    steps: () => [
        {
            content: "Open the form to report quality information",
            trigger: "a.o_quality_new",
            run: "click",
        },
        {
            content: "Title",
            trigger: "form.o_quality_form input[name='title']",
            run: "edit 门店反馈：变速箱换挡顿挫",
        },
        {
            content: "Type: important",
            trigger: "form.o_quality_form select[name='info_type']",
            run: "select important",
        },
        {
            content: "VIN",
            trigger: "form.o_quality_form input[name='vin']",
            run: "edit LSVAU218XN2183294",
        },
        {
            content: "Mileage",
            trigger: "form.o_quality_form input[name='mileage']",
            run: "edit 12500",
        },
        {
            content: "The driver was injured",
            trigger: "form.o_quality_form input[name='c1_injury']",
            run: "click",
        },
        {
            content: "Customer's compensation demand",
            trigger: "form.o_quality_form input[name='compensation_demand']",
            run: "edit 60000",
        },
        {
            content: "A photo",
            trigger: "form.o_quality_form input[name='attachments']",
            run: attachPhoto,
        },
        {
            content: "Description",
            trigger: "form.o_quality_form textarea[name='description']",
            run: "edit 三台同批次车辆在2挡升3挡时出现明显顿挫，已检查油液正常。",
        },
        {
            content: "Submit",
            trigger: "button.o_quality_submit",
            run: "click",
        },
        {
            content: "The report is shown with its state, its proposed level and its photo",
            trigger: ".card-header:contains('门店反馈：变速箱换挡顿挫') ~ .card-body .o_quality_state",
        },
        {
            content: "The photo is listed",
            trigger: ".o_quality_attachments a:contains('gearbox.png')",
        },
    ],
});
