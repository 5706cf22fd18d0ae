from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartsHome(TransactionCase):
    """The After-Sales app opens on each role's own screen; the parts clerk's comes from this addon's hook."""

    def _home(self, user):
        return self.env.ref("aftersales_base.action_aftersales_home").with_user(user).run()

    def test_parts_clerk_starts_on_the_demands(self):
        clerk = new_test_user(
            self.env, login="as_home_clerk", groups="base.group_user,aftersales_parts.group_aftersales_parts_clerk"
        )
        self.assertEqual(self._home(clerk)["xml_id"], "aftersales_parts.aftersales_parts_demand_action")
        starts = self.env["res.users"]._as_home_starts()
        self.assertIn(
            (70, "aftersales_parts.group_aftersales_parts_clerk", "aftersales_parts.aftersales_parts_demand_action"),
            starts,
        )

    def test_workshop_roles_keep_their_screens(self):
        technician = new_test_user(
            self.env, login="as_home_tech", groups="base.group_user,aftersales_base.group_aftersales_technician"
        )
        self.assertEqual(self._home(technician)["xml_id"], "aftersales_base.repair_order_action_my_queue")
        # a workshop role wins over the parts clerk's start
        advisor = new_test_user(
            self.env,
            login="as_home_advisor",
            groups="base.group_user,aftersales_base.group_aftersales_advisor,aftersales_parts.group_aftersales_parts_clerk",
        )
        action = self._home(advisor)
        self.assertEqual(action["xml_id"], "aftersales_base.repair_order_action_workshop")
        self.assertEqual(action["views"][0][1], "kanban")
