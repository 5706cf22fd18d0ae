import base64

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.addons.aftersales_base.tools import vin_check_digit
from odoo.tests import TransactionCase, new_test_user


def make_vin(serial):
    """A valid VIN (correct check digit) for a serial number."""
    raw = f"LGXCE4CB0R{serial:07d}"
    return raw[:8] + vin_check_digit(raw) + raw[9:]


class WarrantyCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.as_claim_min_attachments = 2
        # the site's day: its users' time zone (Asia/Shanghai for a Chinese company), not the test runner's UTC
        cls.today = fields.Date.context_today(cls.env["res.partner"].with_context(tz=cls.company._as_tz()))
        cls.brand = cls.env["fleet.vehicle.model.brand"].create({"name": "测试品牌"})
        cls.model = cls.env["fleet.vehicle.model"].create({"name": "秦PLUS", "brand_id": cls.brand.id})
        cls.other_model = cls.env["fleet.vehicle.model"].create({"name": "汉EV", "brand_id": cls.brand.id})
        cls.owner = cls.env["res.partner"].create({"name": "张伟"})
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.model.id,
                "vin_sn": make_vin(9000001),
                "owner_id": cls.owner.id,
                "sale_date": cls.today - relativedelta(months=12),
            }
        )
        cls.categ_chassis = cls.env["product.category"].create({"name": "底盘件"})
        cls.categ_wear = cls.env["product.category"].create({"name": "易损件"})
        cls.categ_battery = cls.env["product.category"].create({"name": "动力电池"})
        cls.supplier = cls.env["res.partner"].create({"name": "宁波减震器有限公司", "is_company": True})
        cls.part = cls.env["product.product"].create(
            {
                "name": "前减震器",
                "default_code": "SA-001",
                "is_storable": True,
                "categ_id": cls.categ_chassis.id,
                "standard_price": 500.0,
                "list_price": 800.0,
                "seller_ids": [Command.create({"partner_id": cls.supplier.id, "price": 450.0})],
            }
        )
        cls.wear_part = cls.env["product.product"].create(
            {"name": "刹车片", "default_code": "BP-001", "categ_id": cls.categ_wear.id, "standard_price": 200.0}
        )
        cls.battery = cls.env["product.product"].create(
            {
                "name": "动力电池包",
                "default_code": "BAT-001",
                "categ_id": cls.categ_battery.id,
                "standard_price": 30000.0,
            }
        )
        cls.policy = cls.env["aftersales.warranty.policy"].create(
            {
                "name": "整车三年或10万公里",
                "brand_id": cls.brand.id,
                "months": 36,
                "km": 100000,
                "labour_rate": 100.0,
                "handling_percent": 10.0,
                "exception_ids": [
                    Command.create({"categ_id": cls.categ_wear.id, "excluded": True}),
                    Command.create({"categ_id": cls.categ_battery.id, "months": 96, "km": 150000}),
                ],
            }
        )
        cls.operation = cls.env["aftersales.operation"].create(
            {
                "code": "WTY-SA01",
                "name": "更换前减震器",
                "default_hours": 2.0,
                "warranty_categ_ids": [Command.link(cls.categ_chassis.id)],
            }
        )
        cls.oem = cls.env["res.partner"].create({"name": "比亚迪汽车销售有限公司", "is_company": True})
        cls.dealer = cls.env["res.partner"].create({"name": "杭州华通汽车销售服务有限公司", "is_company": True})
        cls.other_dealer = cls.env["res.partner"].create({"name": "苏州恒远汽车4S店", "is_company": True})
        cls.clerk = new_test_user(
            cls.env, login="wty_clerk", name="索赔员李娜", groups="aftersales_warranty.group_aftersales_warranty_clerk"
        )
        cls.reviewer = new_test_user(
            cls.env,
            login="wty_reviewer",
            name="审核员王强",
            groups="aftersales_warranty.group_aftersales_warranty_reviewer",
        )
        cls.manager = new_test_user(
            cls.env,
            login="wty_manager",
            name="索赔经理刘洋",
            groups="aftersales_warranty.group_aftersales_warranty_manager",
        )
        cls.reason = cls.env.ref("aftersales_warranty.reason_misuse")

    @classmethod
    def _claim_vals(cls, **kw):
        vals = {
            "dealer_id": cls.dealer.id,
            "vehicle_id": cls.vehicle.id,
            "repair_date": cls.today,
            "mileage": 23000,
            "complaint": "过减速带时前部异响",
            "cause": "前减震器漏油",
            "correction": "更换前减震器",
            "causal_product_id": cls.part.id,
            "line_ids": [
                Command.create({"line_type": "part", "product_id": cls.part.id, "quantity": 1}),
                Command.create({"line_type": "labour", "operation_id": cls.operation.id}),
            ],
        }
        vals.update(kw)
        return vals

    @classmethod
    def _attach(cls, claim, count=2):
        cls.env["ir.attachment"].create(
            [
                {
                    "name": f"photo{i}.jpg",
                    "datas": base64.b64encode(b"photo"),
                    "res_model": claim._name,
                    "res_id": claim.id,
                }
                for i in range(count)
            ]
        )

    def _new_claim(self, user=None, attach=2, **kw):
        claim = self.env["aftersales.warranty.claim"].with_user(user or self.clerk).create(self._claim_vals(**kw))
        if attach:
            self._attach(claim, attach)
        return claim

    def _submitted_claim(self, **kw):
        claim = self._new_claim(**kw)
        claim.action_submit()
        return claim
