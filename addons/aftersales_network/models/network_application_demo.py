import base64
from datetime import timedelta

from odoo import Command, api, fields, models

# 1x1 PNG used as the demo candidates' signature
_SIGNATURE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="

# company, province, city, representative, e-mail domain, target stage, application score (% of max)
DEMO_CANDIDATES = [
    ("杭州钱塘汽车服务有限公司", "state_cn_ZJ", "杭州", "周立新", "qiantang", "draft", 80),
    ("南京金陵汽车维修有限公司", "state_cn_JS", "南京", "吴海涛", "jinling", "submitted", 80),
    ("合肥庐州汽车服务有限公司", "state_cn_AH", "合肥", "郑国强", "luzhou", "scoring", 75),
    ("济南泉城汽车维修服务有限公司", "state_cn_SD", "济南", "孙建平", "quancheng", "qualified", 78),
    ("兰州金城汽车修理厂", "state_cn_GS", "兰州", "马德福", "jincheng", "reserve", 48),
    ("郑州中原汽车服务有限公司", "state_cn_HA", "郑州", "韩志刚", "zhongyuan", "visit", 82),
    ("武汉江城汽车服务有限公司", "state_cn_HB", "武汉", "胡文斌", "jiangcheng", "committee", 85),
    ("长沙湘江汽车维修有限公司", "state_cn_HN", "长沙", "谭志远", "xiangjiang", "approved", 77),
    ("成都蓉城汽车服务有限公司", "state_cn_SC", "成都", "何晓东", "rongcheng", "intent", 88),
    ("西安长安汽车服务有限公司", "state_cn_SN", "西安", "杨卫国", "changan", "orders", 73),
    ("大连海湾汽车维修有限公司", "state_cn_LN", "大连", "于海波", "haiwan", "acceptance", 90),
    ("石家庄燕赵汽车服务有限公司", "state_cn_HE", "石家庄", "张振华", "yanzhao", "rectification", 70),
    ("沈阳华达汽车服务有限公司", "state_cn_LN", "沈阳", "刘华达", "huada", "contracted", 92),
    ("哈尔滨冰城汽车维修有限公司", "state_cn_HL", "哈尔滨", "王立军", "bingcheng", "cancelled", 68),
]
# typical days spent in each stage, to give the days-per-stage report realistic demo figures
STAGE_DAYS = {
    "draft": 8,
    "submitted": 3,
    "scoring": 4,
    "qualified": 12,
    "visit": 9,
    "committee": 16,
    "approved": 5,
    "intent": 11,
    "orders": 38,
    "acceptance": 7,
    "rectification": 26,
}
ORDER = [
    "draft",
    "submitted",
    "scoring",
    "qualified",
    "visit",
    "committee",
    "approved",
    "intent",
    "orders",
    "acceptance",
    "rectification",
    "contracted",
]


class NetworkApplicationDemo(models.Model):
    _inherit = "aftersales.network.application"

    @api.model
    def _demo_populate(self):
        """Demo candidates in every stage, each pushed through the real workflow by the role that owns the step."""
        oem = self.env.ref("aftersales_base.demo_company_oem", raise_if_not_found=False) or self.env.company
        self = self.with_company(oem)
        Partner = self.env["res.partner"]
        if Partner.search_count([("ref", "=like", "NW-DEMO-%")]):
            return
        if not oem.chart_template:
            # The OEM's site keeps its own books: give its demo company a chart of accounts.
            self.env["account.chart.template"].try_loading(
                self.env["res.company"]._as_demo_chart_template(), company=oem, install_demo=False
            )
        officer = self.env.ref("aftersales_network.demo_user_officer")
        member_1 = self.env.ref("aftersales_network.demo_user_member_1")
        member_2 = self.env.ref("aftersales_network.demo_user_member_2")
        manager = self.env.ref("aftersales_network.demo_user_manager")
        team = self.env.ref("aftersales_network.crm_team_dealer_network")
        for index, (name, province, city, person, domain, target, score) in enumerate(DEMO_CANDIDATES, start=1):
            state = self.env.ref(f"base.{province}")
            company = Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "ref": f"NW-DEMO-{index:02d}",
                    "city": city,
                    "state_id": state.id,
                    "country_id": state.country_id.id,
                    "street": f"{city}市经济开发区汽车服务园{index}号",
                    "phone": f"0{20 + index}-8866{index:04d}",
                    "email": f"service@{domain}.example.com",
                }
            )
            contact = Partner.create(
                {"name": person, "parent_id": company.id, "function": "总经理", "email": f"gm@{domain}.example.com"}
            )
            if target in ("draft", "intent"):
                # portal candidates: one fills in its application, one signs its letter of intent
                self.env["res.users"].with_context(no_reset_password=True).create(
                    {
                        "login": f"candidate_{domain}",
                        "password": f"candidate_{domain}",
                        "partner_id": contact.id,
                        "company_id": oem.id,
                        "company_ids": [Command.set([oem.id])],
                        "groups_id": [Command.set([self.env.ref("base.group_portal").id])],
                    }
                )
            lead = self.env["crm.lead"].create(
                {
                    "name": f"{name} 申请加入服务网络",
                    "type": "opportunity",
                    "team_id": team.id,
                    "partner_id": company.id,
                    "user_id": officer.id,
                    "contact_name": person,
                }
            )
            action = lead.with_user(officer).action_start_network_application()
            application = self.browse(action["res_id"])
            application.write(
                {
                    "business_licence_no": f"91{index:02d}0100MA{index:04d}NW8X",
                    "legal_representative": person,
                    "site_area": 1800 + 150 * index,
                    "workshop_area": 900 + 80 * index,
                    "investment": 2000000 + 250000 * index,
                    "staff_count": 18 + index,
                    "technician_count": 8 + index // 2,
                    "brands_carried": "金杯海狮, 中华" if index % 2 else "中华",
                }
            )
            if target == "draft":
                continue
            for document in application.document_ids.filtered("required"):
                document.attachment_ids = [
                    Command.create(
                        {
                            "name": f"{document.type_id.name}.pdf",
                            "datas": base64.b64encode(f"{name} {document.type_id.name}".encode()),
                            "res_model": self._name,
                            "res_id": application.id,
                        }
                    )
                ]
            application.with_user(officer).action_submit()
            if target == "submitted":
                continue
            application._demo_score(officer, "application", score, confirm=target != "scoring")
            if target in ("scoring", "qualified", "reserve"):
                continue
            application.with_user(officer).write(
                {"interviewer_ids": [Command.set([officer.id, member_1.id])], "visit_date": False}
            )
            application.with_user(officer).action_plan_visit()
            if target == "visit":
                continue
            application._demo_score(officer, "interview", score + 2)
            application._demo_score(member_1, "interview", score - 3)
            application.interview_line_ids.write({"is_done": True, "answer": "已访谈，情况属实。"})
            application.with_user(
                officer
            ).interview_record = (
                f"<p>{person}介绍了投资计划；现场面积与申请表一致，维修车间布局合理，技术团队有品牌维修经验。</p>"
            )
            application.with_user(officer).action_to_committee()
            if target == "committee":
                application.with_user(member_1).action_vote_approve()
                continue
            application.with_user(member_1).action_vote_approve()
            application.with_user(member_2).action_vote_approve()
            application.with_user(manager).action_vote_approve()
            application.with_user(manager).committee_minutes = "<p>服务网络发展委员会讨论：同意发展为特约服务中心。</p>"
            application.with_user(manager).action_committee_decide()
            if target == "approved":
                continue
            application.with_user(officer).action_issue_intent()
            if target == "intent":
                continue
            application.action_sign_intent(person, _SIGNATURE)
            if target == "orders":
                continue
            application._demo_deliver()
            application.with_user(officer).action_request_acceptance()
            if target == "acceptance":
                continue
            if target in ("rectification", "cancelled"):
                application._demo_score(officer, "acceptance", 60)
                if target == "rectification":
                    continue
                application.with_user(officer).action_reinspect()
                application._demo_score(officer, "acceptance", 70)
                continue
            application._demo_score(officer, "acceptance", 92)
            application.with_user(manager).action_contract()
            application._demo_dealer_evaluations(officer)
        self.search([("partner_id.ref", "=like", "NW-DEMO-%")])._demo_spread_stage_history()

    def _demo_spread_stage_history(self):
        """Demo runs in a second: spread each application's stage history back in time."""
        now = fields.Datetime.now()
        for application in self:
            end = now - timedelta(days=2 + application.id % 5)
            application.state_date = end
            for log in application.stage_log_ids.sorted("id", reverse=True):
                days = STAGE_DAYS.get(log.state, 5) * (0.7 + 0.1 * (application.id % 7))
                log.write({"date_to": end, "date_from": end - timedelta(days=days), "days": days})
                end -= timedelta(days=days)

    def _demo_score(self, user, kind, percent, confirm=True):
        self.ensure_one()
        method = {
            "application": "action_start_scoring",
            "interview": "action_score_interview",
            "acceptance": "action_start_inspection",
        }[kind]
        action = getattr(self.with_user(user), method)()
        evaluation = self.env["aftersales.network.evaluation"].with_user(user).browse(action["res_id"])
        for line in evaluation.line_ids:
            line.points = round(line.max_points * percent / 100.0)
        if confirm:
            evaluation.action_confirm()
        return evaluation

    def _demo_deliver(self):
        pickings = self.starter_order_ids.picking_ids
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids.picked = True
        pickings.button_validate()

    def _demo_dealer_evaluations(self, user):
        Evaluation = self.env["aftersales.network.evaluation"].with_user(user)
        periodic = Evaluation.create({"kind": "periodic", "partner_id": self.partner_id.id})
        for line in periodic.line_ids:
            line.points = round(line.max_points * 0.9)
        periodic.write({"reward_amount": 5000, "result_note": "<p>季度考核优秀，给予奖励。</p>"})
        periodic.action_confirm()
        flying = Evaluation.create({"kind": "flying", "partner_id": self.partner_id.id})
        for line in flying.line_ids:
            line.points = round(line.max_points * 0.75)
        flying.write(
            {"penalty_amount": 2000, "result_note": "<p>飞行检查发现旧件未按规定回收，予以处罚并限期整改。</p>"}
        )
        flying.action_confirm()
