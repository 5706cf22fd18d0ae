import base64

from odoo import Command
from odoo.tests import new_test_user

OFFICER = "aftersales_network.group_aftersales_network_officer"
COMMITTEE = "aftersales_network.group_aftersales_committee_member"
MANAGER = "aftersales_network.group_aftersales_network_manager"


class NetworkCommon:
    """Set-up shared by the network stories: roles, scorecards, packages, one candidate lead."""

    @classmethod
    def _setup_network(cls):
        env = cls.env
        cls.company = env.company
        cls.company.as_application_threshold = 60.0
        cls.officer = new_test_user(env, login="nw_officer", name="王专员", groups=OFFICER, email="officer@oem.example")
        cls.member_1 = new_test_user(env, login="nw_member1", name="李委员", groups=COMMITTEE, email="m1@oem.example")
        cls.member_2 = new_test_user(env, login="nw_member2", name="赵委员", groups=COMMITTEE, email="m2@oem.example")
        cls.manager = new_test_user(env, login="nw_manager", name="陈经理", groups=MANAGER, email="mgr@oem.example")
        cls.stock_user = new_test_user(env, login="nw_stock", groups="stock.group_stock_user")

        Scorecard = env["aftersales.network.scorecard"]
        # Archive whatever demo data installed so that the tests use their own versions.
        Scorecard.search([]).action_archive()
        env["aftersales.network.package"].search([]).action_archive()
        cls.scorecard = Scorecard.create(
            {
                "name": "申请评分标准",
                "version": "T1",
                "kind": "application",
                "criterion_ids": [
                    Command.create({"group_name": "资质", "name": "营业执照与资质", "max_points": 40}),
                    Command.create({"group_name": "场地", "name": "场地面积", "max_points": 30}),
                    Command.create({"group_name": "资金", "name": "投资能力", "max_points": 30}),
                ],
            }
        )
        cls.interview_scorecard = Scorecard.create(
            {
                "name": "专项访谈评分标准",
                "version": "T1",
                "kind": "interview",
                "pass_score": 60,
                "criterion_ids": [
                    Command.create({"group_name": "管理", "name": "经营理念", "max_points": 50}),
                    Command.create({"group_name": "人员", "name": "技术团队", "max_points": 50}),
                ],
            }
        )
        cls.acceptance_scorecard = Scorecard.create(
            {
                "name": "验收标准",
                "version": "T1",
                "kind": "acceptance",
                "pass_score": 80,
                "criterion_ids": [
                    Command.create({"group_name": "设备", "name": "专用工具到位", "max_points": 50}),
                    Command.create({"group_name": "形象", "name": "VI 标识", "max_points": 50}),
                ],
            }
        )
        Product = env["product.product"]
        cls.tool = Product.create({"name": "专用工具套装", "type": "consu", "list_price": 50000})
        cls.part = Product.create({"name": "启动库存机油滤清器", "type": "consu", "list_price": 30})
        cls.sign = Product.create({"name": "VI 门头招牌", "type": "consu", "list_price": 20000})
        Package = env["aftersales.network.package"]
        cls.packages = Package.create(
            [
                {
                    "name": "工具设备",
                    "department": "aftersales",
                    "line_ids": [Command.create({"product_id": cls.tool.id, "quantity": 1})],
                },
                {
                    "name": "启动库存备件",
                    "department": "parts",
                    "line_ids": [Command.create({"product_id": cls.part.id, "quantity": 100})],
                },
                {
                    "name": "VI 用品",
                    "department": "marketing",
                    "line_ids": [Command.create({"product_id": cls.sign.id, "quantity": 1})],
                },
            ]
        )
        cls.team = env.ref("aftersales_network.crm_team_dealer_network")
        cls.candidate = env["res.partner"].create(
            {"name": "沈阳华达汽车服务有限公司", "is_company": True, "email": "info@huada.example"}
        )
        cls.candidate_contact = env["res.partner"].create(
            {"name": "刘总", "parent_id": cls.candidate.id, "email": "liu@huada.example", "type": "contact"}
        )
        cls.lead = env["crm.lead"].create(
            {
                "name": "沈阳华达申请加入服务网络",
                "type": "opportunity",
                "team_id": cls.team.id,
                "partner_id": cls.candidate.id,
                "user_id": cls.officer.id,
            }
        )

    # ---------------------------------------------------------------- story helpers
    def _start(self, user=None):
        action = self.lead.with_user(user or self.officer).action_start_network_application()
        return self.env["aftersales.network.application"].browse(action["res_id"])

    def _fill(self, application):
        application.write(
            {
                "business_licence_no": "91210100MA0XXXXX1K",
                "legal_representative": "刘华达",
                "city": "沈阳",
                "site_area": 3000,
                "investment": 5000000,
                "staff_count": 35,
                "brands_carried": "金杯, 中华",
            }
        )

    def _attach_documents(self, application, only_required=True):
        for document in application.document_ids.filtered(lambda d: d.required or not only_required):
            # linked to the document line, as the many2many_binary widget of the form does
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{document.type_id.name}.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 demo"),
                    "res_model": document._name,
                    "res_id": document.id,
                }
            )
            document.attachment_ids = [Command.link(attachment.id)]

    def _score(self, application, kind, user, points):
        """Score as `user`: fill every line with its share of `points` (a percentage of the maximum)."""
        Evaluation = self.env["aftersales.network.evaluation"].with_user(user)
        if kind == "application":
            action = application.with_user(user).action_start_scoring()
        elif kind == "interview":
            action = application.with_user(user).action_score_interview()
        else:
            action = application.with_user(user).action_start_inspection()
        evaluation = Evaluation.browse(action["res_id"])
        for line in evaluation.line_ids:
            line.points = line.max_points * points / 100.0
        evaluation.action_confirm()
        return evaluation

    def _to_qualified(self, application, points=80):
        self._fill(application)
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        self._score(application, "application", self.officer, points)

    def _to_committee(self, application):
        self._to_qualified(application)
        application.with_user(self.officer).write(
            {"interviewer_ids": [Command.set([self.officer.id, self.member_1.id])]}
        )
        application.with_user(self.officer).action_plan_visit()
        self._score(application, "interview", self.officer, 80)
        self._score(application, "interview", self.member_1, 70)
        application.with_user(self.officer).interview_record = "<p>场地规范，团队有经验。</p>"
        application.with_user(self.officer).action_to_committee()

    def _to_intent(self, application):
        self._to_committee(application)
        application.with_user(self.member_1).action_vote_approve()
        application.with_user(self.member_2).action_vote_approve()
        application.with_user(self.manager).committee_minutes = "<p>同意发展为特约服务中心。</p>"
        application.with_user(self.manager).action_committee_decide()
        application.with_user(self.officer).action_issue_intent()

    def _deliver(self, application):
        pickings = application.starter_order_ids.picking_ids.with_user(self.stock_user)
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids.picked = True
        pickings.button_validate()

    def _to_acceptance(self, application):
        self._to_intent(application)
        application.sudo().action_sign_intent("刘华达", base64.b64encode(_PNG))
        self._deliver(application)
        application.with_user(self.officer).action_request_acceptance()


# 1x1 transparent PNG: a valid image for the signature field
_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
PNG = _PNG
