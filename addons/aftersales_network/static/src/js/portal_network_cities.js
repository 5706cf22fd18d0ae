/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// Network application on the portal: choosing a province offers the cities of that province.
import publicWidget from "@web/legacy/js/public/public_widget";
import { rpc } from "@web/core/network/rpc";

publicWidget.registry.AftersalesNetworkCities = publicWidget.Widget.extend({
    selector: ".o_network_form",
    events: {
        "change select[name='state_id']": "_onProvinceChange",
    },

    async _onProvinceChange(ev) {
        const select = this.el.querySelector("select[name='city_id']");
        if (!select) {
            return;
        }
        const cities = await rpc("/my/network/cities", { state_id: ev.currentTarget.value || null });
        const placeholder = select.options[0];
        select.replaceChildren(placeholder, ...cities.map(([id, name]) => new Option(name, id)));
        select.value = "";
    },
});
