from odoo import models
from odoo.exceptions import AccessError


class AftersalesFollowupWorkflow(models.AbstractModel):
    """Checks shared by the follow-up documents' workflow buttons: the caller's group and the person
    the document names (its clerk, responsible or supervisor). Only the superuser skips them; no
    context key does."""

    _name = "aftersales.followup.workflow"
    _inherit = ["aftersales.workflow.mixin"]
    _description = "Follow-up Workflow Checks"

    def _as_user_has_any(self, xmlids):
        return self.env.su or any(self.env.user.has_group(xmlid) for xmlid in xmlids)

    def _as_records_label(self):
        return ", ".join(str(name) for name in self.mapped("display_name")) or self.env._("(new)")

    def _ensure_group(self, step, *xmlids):
        """The caller holds one of the groups ``xmlids``, or the step ``step`` is refused."""
        if self._as_user_has_any(xmlids):
            return
        raise AccessError(
            self.env._(
                "%(document)s %(records)s: only %(groups)s may %(step)s.",
                document=self._description,
                records=self._as_records_label(),
                groups=" / ".join(self.env.ref(xmlid).name for xmlid in xmlids),
                step=step,
            )
        )

    def _ensure_person(self, person_field, step, *override_xmlids):
        """Each record's named person (``person_field``) takes the step; holders of ``override_xmlids``
        (the supervisors) may take it for them. A record naming nobody is anyone's of the group."""
        if self._as_user_has_any(override_xmlids):
            return
        for record in self:
            person = record[person_field]
            if person and person != self.env.user:
                raise AccessError(
                    self.env._(
                        "%(document)s %(record)s: %(person)s, not %(user)s, may %(step)s.",
                        document=self._description,
                        record=record.display_name,
                        person=person.name,
                        user=self.env.user.name,
                        step=step,
                    )
                )

    def _ensure_handover(self, vals, person_field, *override_xmlids):
        """Only the named person hands the document over to someone else (or a supervisor does)."""
        if person_field not in vals or self._as_user_has_any(override_xmlids):
            return
        if not self._as_workflow_same(person_field, vals[person_field]):
            self._ensure_person(person_field, self.env._("hand it over"), *override_xmlids)
