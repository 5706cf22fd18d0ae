from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestChinesePhones(TransactionCase):
    """The advisor types a mobile number as the customer says it; the archive keeps it as
    +86 and 11 digits, and finds the customer by it in any common format."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advisor = new_test_user(cls.env, "phone_advisor", groups="aftersales_base.group_aftersales_advisor")
        cls.Partner = cls.env["res.partner"].with_user(cls.advisor)

    def test_mobile_numbers_are_normalised_to_plus_86(self):
        for typed in ("13800138000", "138 0013 8000", "+86 138-0013-8000", "0086 13800138000"):
            partner = self.Partner.create({"name": "刘先生", "mobile": typed})
            self.assertEqual(partner.mobile, "+86 138 0013 8000", typed)
        partner.write({"phone": "139-2000-0001"})
        self.assertEqual(partner.phone, "+86 139 2000 0001")

    def test_an_impossible_mobile_is_refused_with_the_rule(self):
        with self.assertRaisesRegex(ValidationError, "11 digits starting with 1"):
            self.Partner.create({"name": "王女士", "mobile": "12345678901"})
        self.assertFalse(self.env["res.partner"].search([("name", "=", "王女士")]))

    def test_a_landline_is_kept(self):
        partner = self.Partner.create({"name": "广州某公司", "phone": "020-8888 6666"})
        self.assertIn("20", partner.phone)

    def test_customers_are_found_by_their_number_in_any_format(self):
        partner = self.Partner.create({"name": "赵先生", "mobile": "13600136000"})
        for typed in ("13600136000", "136 0013 6000", "+86-136-0013-6000", "0013 6000"):
            found = self.Partner.search([("as_phone_search", "ilike", typed)])
            self.assertIn(partner, found, typed)
