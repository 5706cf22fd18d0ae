from odoo import fields, models


class AftersalesWorkshopTeam(models.Model):
    _name = "aftersales.workshop.team"
    _description = "Workshop Team"
    _order = "sequence, name"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    leader_id = fields.Many2one("res.users", string="Team Leader", check_company=True)
    member_ids = fields.Many2many("res.users", string="Technicians", check_company=True)
    category = fields.Selection([("mechanical", "Mechanical"), ("body", "Body"), ("paint", "Paint")])


class AftersalesWorkshopBay(models.Model):
    _name = "aftersales.workshop.bay"
    _description = "Workshop Bay"
    _order = "sequence, name"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    team_id = fields.Many2one("aftersales.workshop.team", check_company=True)
    hours_per_day = fields.Float(default=8.0, help="Working hours the bay offers each day.")
    bay_type = fields.Selection(
        [
            ("maintenance", "Quick maintenance"),
            ("general", "General repair"),
            ("body", "Body"),
            ("paint", "Paint booth"),
        ],
        default="general",
    )
