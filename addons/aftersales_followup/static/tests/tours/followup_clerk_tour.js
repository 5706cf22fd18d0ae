import { registry } from "@web/core/registry";

const button = (name) => `.o_form_view .o_statusbar_buttons button[name="${name}"]:not(.d-none)`;
const state = (value) => `.o_form_view .o_field_widget[name="state"] button.o_arrow_button_current[data-value="${value}"]`;
const save = { trigger: ".o_form_view .o_form_button_save:enabled", run: "click" };

// The follow-up clerk logs the result of a first call after delivery.
registry.category("web_tour.tours").add("aftersales_followup_clerk_call", {
    steps: () => [
        { trigger: state("planned") },
        { trigger: ".o_field_widget[name=vehicle_condition] textarea", run: "edit 车况良好，刹车无异响" },
        { trigger: ".o_field_widget[name=service_opinion] select", run: 'select "satisfied"' },
        { trigger: ".o_field_widget[name=tips_given] textarea", run: "edit 提醒冬季检查防冻液" },
        save,
        { trigger: button("action_log_call"), run: "click" },
        { trigger: state("done") },
    ],
});

// The clerk registers a complaint and moves it on to "cause analysed".
registry.category("web_tour.tours").add("aftersales_followup_clerk_complaint", {
    steps: () => [
        { trigger: state("received") },
        { trigger: ".o_field_widget[name=partner_id] input", run: "edit 投诉客户周" },
        { trigger: ".o-autocomplete--dropdown-item:contains(投诉客户周)", run: "click" },
        { trigger: ".o_field_widget[name=description] textarea", run: "edit 保养后仪表盘机油灯常亮" },
        save,
        { trigger: ".o_field_widget[name=cause_id] input", run: "edit 维修质量" },
        { trigger: ".o-autocomplete--dropdown-item:contains(维修质量)", run: "click" },
        { trigger: ".o_field_widget[name=cause_analysis] textarea", run: "edit 机油滤清器未拧紧" },
        save,
        { trigger: button("action_analyse"), run: "click" },
        { trigger: state("analysed") },
    ],
});
