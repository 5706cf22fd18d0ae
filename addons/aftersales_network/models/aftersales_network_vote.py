from odoo import api, fields, models
from odoo.exceptions import ValidationError


class NetworkVote(models.Model):
    _name = "aftersales.network.vote"
    _inherit = ["aftersales.workflow.mixin"]
    _description = "Network Committee Vote"
    _order = "application_id, create_date, id"
    _check_company_auto = True
    # Created only by the vote buttons of the application, with the caller as the voter.
    _as_workflow_locked = True

    application_id = fields.Many2one(
        "aftersales.network.application", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Committee Member", required=True, default=lambda self: self.env.user)
    decision = fields.Selection([("approve", "Approve"), ("archive", "Archive to reserve")], required=True)
    comment = fields.Text()

    _sql_constraints = [
        ("vote_once", "unique(application_id, user_id)", "A committee member votes only once on an application."),
    ]

    @api.constrains("user_id", "application_id")
    def _check_voter(self):
        for vote in self:
            if vote.application_id.state != "committee":
                raise ValidationError(
                    self.env._(
                        "Application %(name)s is not before the committee: votes are closed.",
                        name=vote.application_id.name,
                    )
                )
            if not vote.user_id.has_group("aftersales_network.group_aftersales_committee_member"):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of the network development committee and cannot vote.",
                        user=vote.user_id.name,
                    )
                )
            candidate = vote.application_id.partner_id.commercial_partner_id
            if vote.user_id.partner_id.commercial_partner_id == candidate:
                raise ValidationError(
                    self.env._(
                        "%(user)s is a contact of the candidate %(candidate)s and can never vote on its application.",
                        user=vote.user_id.name,
                        candidate=candidate.name,
                    )
                )
