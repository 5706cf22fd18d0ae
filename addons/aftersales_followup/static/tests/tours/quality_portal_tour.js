import { registry } from "@web/core/registry";

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
            content: "The report is shown with its state",
            trigger: ".card-header:contains('门店反馈：变速箱换挡顿挫') ~ .card-body .o_quality_state",
        },
    ],
});
