from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def default_get(self, fields_list):
        """New users of a Chinese company live in its time zone (screens, printouts, portal), not UTC."""
        values = super().default_get(fields_list)
        if "tz" in fields_list and not values.get("tz"):
            company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
            tz = company._as_tz()
            if tz:
                values["tz"] = tz
        return values

    @api.model
    def _as_home_starts(self):
        """Where the roles of the other addons start when they open the app.

        A list of ``(sequence, group xmlid, action xmlid)``: each addon adds its roles with ``super()``; a user
        with no workshop role starts on the action of the first (lowest sequence) of its groups. The workshop
        roles of this addon always start on the work orders (see ``_as_home_action``)."""
        return []

    def _as_home_action(self):
        """The action the app opens for this user: its own role's first screen."""
        self.ensure_one()
        Actions = self.env["ir.actions.actions"]
        roles = [
            role
            for role in ("technician", "team_leader", "inspector", "advisor")
            if self.has_group(f"aftersales_base.group_aftersales_{role}")
        ]
        if not roles:
            for __, group_xmlid, action_xmlid in sorted(self._as_home_starts()):
                group = self.env.ref(group_xmlid, raise_if_not_found=False)
                if group and group in self.groups_id and self.env.ref(action_xmlid, raise_if_not_found=False):
                    return Actions._for_xml_id(action_xmlid)
        if roles == ["technician"]:
            return Actions._for_xml_id("aftersales_base.repair_order_action_my_queue")
        action = Actions._for_xml_id("aftersales_base.repair_order_action_workshop")
        views = action["views"]
        action["views"] = [v for v in views if v[1] == "kanban"] + [v for v in views if v[1] != "kanban"]
        return action
