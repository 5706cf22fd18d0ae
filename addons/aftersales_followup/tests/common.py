from odoo.tests import TransactionCase, new_test_user


class FollowupCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.company = cls.env.company
        cls.company.write({"as_followup_user_id": False})
        cls.clerk = new_test_user(
            cls.env, login="fu_clerk", name="回访员小李", groups="aftersales_followup.group_aftersales_followup_clerk"
        )
        cls.stand_in = new_test_user(
            cls.env, login="fu_standin", name="回访员小王", groups="aftersales_followup.group_aftersales_followup_clerk"
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="fu_supervisor",
            name="回访主管张姐",
            groups="aftersales_followup.group_aftersales_followup_supervisor",
        )
        cls.advisor = new_test_user(
            cls.env, login="fu_advisor", name="服务顾问陈", groups="aftersales_base.group_aftersales_advisor"
        )
        cls.officer = new_test_user(
            cls.env,
            login="qi_officer",
            name="质量信息员",
            groups="aftersales_followup.group_aftersales_quality_officer",
        )
        cls.qa = new_test_user(
            cls.env,
            login="qi_qa",
            name="质量保证部工程师",
            groups="aftersales_followup.group_aftersales_quality_assurance",
        )
        cls.manager = new_test_user(
            cls.env,
            login="qi_manager",
            name="售后服务部经理",
            email="manager@example.com",
            groups="aftersales_followup.group_aftersales_aftersales_manager",
        )
        cls.company.write(
            {
                "as_followup_user_id": cls.clerk.id,
                "as_followup_supervisor_id": cls.supervisor.id,
                "as_qa_user_id": cls.qa.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "王先生",
                "phone": "13800001111",
                "email": "wang@example.com",
                "street": "天河路100号",
                "city": "广州",
            }
        )
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "测试品牌"})
        cls.model_a = cls.env["fleet.vehicle.model"].create({"name": "轿车A", "brand_id": brand.id})
        cls.model_b = cls.env["fleet.vehicle.model"].create({"name": "SUV B", "brand_id": brand.id})
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {"model_id": cls.model_a.id, "owner_id": cls.customer.id, "license_plate": "粤A12345"}
        )

    @classmethod
    def _ready_order(cls, partner=None, vehicle=None, advisor=None):
        order = cls.env["repair.order"].create(
            {
                "partner_id": (partner or cls.customer).id,
                "vehicle_id": (vehicle or cls.vehicle).id,
                "user_id": (advisor or cls.advisor).id,
            }
        )
        order.write({"service_stage": "ready"})
        return order
