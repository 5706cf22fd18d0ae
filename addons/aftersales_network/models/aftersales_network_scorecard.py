from odoo import Command, api, fields, models


class NetworkScorecard(models.Model):
    _name = "aftersales.network.scorecard"
    _description = "Network Scorecard"
    _order = "kind, version desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    version = fields.Char(required=True, default="1.0")
    kind = fields.Selection(
        [
            ("application", "Application scoring"),
            ("interview", "Interview scoring"),
            ("acceptance", "Acceptance inspection"),
            ("evaluation", "Dealer evaluation / flying inspection"),
        ],
        required=True,
        default="application",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    criterion_ids = fields.One2many(
        "aftersales.network.scorecard.criterion", "scorecard_id", string="Criteria", copy=True
    )
    max_total = fields.Float(string="Maximum Points", compute="_compute_max_total", store=True)
    pass_score = fields.Float(
        help="Minimum total to pass an interview, an acceptance inspection or an evaluation. "
        "Applications use the qualifying score of the settings.",
    )
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")

    _sql_constraints = [
        ("version_uniq", "unique(kind, version, company_id)", "A scorecard version must be unique per kind."),
    ]

    @api.depends("criterion_ids.max_points")
    def _compute_max_total(self):
        for scorecard in self:
            scorecard.max_total = sum(scorecard.criterion_ids.mapped("max_points"))

    def _compute_evaluation_count(self):
        groups = self.env["aftersales.network.evaluation"]._read_group(
            [("scorecard_id", "in", self.ids)], ["scorecard_id"], ["__count"]
        )
        counts = {scorecard.id: count for scorecard, count in groups}
        for scorecard in self:
            scorecard.evaluation_count = counts.get(scorecard.id, 0)

    @api.depends("name", "version")
    def _compute_display_name(self):
        for scorecard in self:
            scorecard.display_name = f"{scorecard.name} v{scorecard.version}"

    @api.model
    def _get_current(self, kind, company=None):
        """The newest active scorecard of a kind: new evaluations use it, old ones keep theirs."""
        company = company or self.env.company
        return self.search([("kind", "=", kind), ("company_id", "in", (False, company.id))], order="id desc", limit=1)

    def _prepare_evaluation_line_commands(self):
        self.ensure_one()
        return [Command.clear()] + [
            Command.create({"criterion_id": criterion.id, "points": 0.0}) for criterion in self.criterion_ids
        ]
