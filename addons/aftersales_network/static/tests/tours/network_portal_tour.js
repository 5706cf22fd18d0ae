import { registry } from "@web/core/registry";

function attachFiles() {
    for (const input of document.querySelectorAll("input[type=file][name^=document_]")) {
        const transfer = new DataTransfer();
        transfer.items.add(new File(["%PDF-1.4 tour"], `${input.name}.pdf`, { type: "application/pdf" }));
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }
}

registry.category("web_tour.tours").add("aftersales_network_portal_apply", {
    url: "/my/network",
    steps: () => [
        {
            content: "Start a new application",
            trigger: "button.o_network_new_application",
            run: "click",
        },
        {
            content: "Business licence number",
            trigger: "input[name=business_licence_no]",
            run: "edit 91440300MA5TOUR01X",
        },
        {
            content: "Legal representative",
            trigger: "input[name=legal_representative]",
            run: "edit 黄志强",
        },
        {
            content: "Province",
            trigger: "select[name=state_id]",
            run: "selectByLabel 广东省",
        },
        {
            // China's list of cities (l10n_cn_city) offers the cities of the province, else the city is typed
            content: "City",
            trigger: "select[name=city_id]:has(option:contains(深圳市南山区)), input[name=city]",
            run: async (helpers) => {
                if (document.querySelector("select[name=city_id]")) {
                    await helpers.selectByLabel("深圳市南山区", "select[name=city_id]");
                } else {
                    await helpers.edit("深圳", "input[name=city]");
                }
            },
        },
        {
            content: "Site area",
            trigger: "input[name=site_area]",
            run: "edit 2800",
        },
        {
            content: "Investment",
            trigger: "input[name=investment]",
            run: "edit 4000000",
        },
        {
            content: "Attach the documents",
            trigger: "input[type=file][name^=document_]",
            run: attachFiles,
        },
        {
            content: "Submit the application",
            trigger: "button.o_network_submit",
            run: "click",
        },
        {
            content: "The application is submitted",
            trigger: ".o_network_submitted",
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_network_portal_sign", {
    steps: () => [
        {
            content: "Open the signature dialog",
            trigger: "a.o_network_sign_open",
            run: "click",
        },
        {
            content: "The signer's name is filled in",
            trigger: ".modal .o_web_sign_name_and_signature input:value(刘华达)",
        },
        {
            content: "Choose a signature style",
            trigger: ".modal .o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            content: "Pick the fourth style",
            trigger: ".o-dropdown-item:eq(3)",
            run: "click",
        },
        {
            content: "Sign with Odoo's signature widget",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "The letter is signed",
            trigger: ".o_network_signed, .o_portal_sign_error_msg",
            run() {
                const error = document.querySelector(".o_portal_sign_error_msg");
                if (error) {
                    throw new Error(`Signature refused: ${error.textContent}`);
                }
            },
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_network_backend_form", {
    steps: () => [
        {
            content: "Open the application from the list",
            trigger: ".o_list_view .o_data_row:first .o_data_cell:first",
            run: "click",
        },
        {
            content: "A qualified application offers to plan the site visit",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_plan_visit]",
        },
        {
            content: "Open the site visit page",
            trigger: ".o_notebook a.nav-link[name=visit]",
            run: "click",
        },
        {
            content: "The interviewers can be chosen",
            trigger: ".o_field_widget[name=interviewer_ids]",
        },
    ],
});

function editPoints(row, points) {
    return [
        {
            content: `Score criterion ${row}`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row:nth-child(${row}) .o_data_cell[name=points]`,
            run: "click",
        },
        {
            content: `Points of criterion ${row}`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row:nth-child(${row}) .o_field_widget[name=points] input`,
            run: `edit ${points}`,
        },
    ];
}

registry.category("web_tour.tours").add("aftersales_network_officer_score", {
    steps: () => [
        {
            content: "Score the submitted application",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_start_scoring]",
            timeout: 30000, // the first tour of a run waits for the back-end assets
            run: "click",
        },
        {
            content: "The scoring sheet opens with the scorecard's criteria",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o_data_row",
        },
        ...editPoints(1, 40),
        ...editPoints(2, 30),
        {
            content: "Confirm the scores",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The sheet is confirmed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_network_manager_decide", {
    steps: () => [
        {
            content: "Open the committee page",
            trigger: ".o_notebook a.nav-link[name=committee]",
            timeout: 30000, // the first tour of a run waits for the back-end assets
            run: "click",
        },
        {
            content: "Two members voted",
            trigger: ".o_field_widget[name=vote_ids] .o_data_row:nth-child(2)",
        },
        {
            content: "Write the committee minutes",
            trigger: ".o_field_widget[name=committee_minutes] .odoo-editor-editable",
            run: "editor 委员会讨论：同意发展为特约服务中心。",
        },
        {
            content: "Record the decision",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_committee_decide]",
            run: "click",
        },
        {
            content: "The application is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=approved]",
        },
    ],
});
