from odoo import api, models
from odoo.exceptions import AccessError

DEFAULT_PREFIX = "default_"


class AftersalesWorkflowMixin(models.AbstractModel):
    """Workflow fields are written by the document's workflow methods only.

    A document declares its workflow fields in ``_as_workflow_fields`` (state or stage,
    decisions, approvals and who approved, reviewer, approved quantities and amounts, voter,
    checker, confirmed scores); an addon extending the document adds its own through
    ``_as_workflow_field_names`` and ``super()``. A document whose every record is written by
    its workflow alone (a vote, a quality check, a stage log) sets ``_as_workflow_locked``.

    ``create`` and ``write`` refuse those fields to every caller but the superuser; ``create``
    keeps their initial value (a ``default_<field>`` context key is ignored). An ``action_*``
    method checks group, state and person, then writes through ``_as_workflow_write`` /
    ``_as_workflow_create`` (``sudo()``). No context key unlocks any of this: JSON-RPC callers
    choose their context, never the environment's superuser flag (``sudo`` is private).
    """

    _name = "aftersales.workflow.mixin"
    _description = "After-Sales Workflow Guard"

    _as_workflow_fields = ()
    _as_workflow_locked = False

    # ------------------------------------------------------------ declaration
    @api.model
    def _as_workflow_field_names(self):
        """The fields only the workflow writes (extend with super() in other addons)."""
        return set(self._as_workflow_fields)

    # ------------------------------------------------------------------ guard
    def _as_workflow_refuse(self, names):
        labels = ", ".join(sorted(self._fields[name].get_description(self.env)["string"] for name in names))
        raise AccessError(
            self.env._(
                "%(document)s %(records)s: %(fields)s change only through the workflow buttons of the document.",
                document=self._description,
                records=", ".join(str(name) for name in self.mapped("display_name")) or self.env._("(new)"),
                fields=labels,
            )
        )

    def _as_workflow_default(self, name):
        field = self._fields[name]
        if not field.default:
            return False
        return field.convert_to_write(field.convert_to_cache(field.default(self), self), self)

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        if self._as_workflow_locked:
            self.browse()._as_workflow_refuse(set(vals_list[0]) if vals_list else {"id"})
        guarded = self._as_workflow_field_names()
        # A default_<field> context key is a value chosen by the caller like any other: it is removed, so the
        # context is replaced by a copy without it (with_context(key=False) would make False the default).
        context = self.env.context
        self = self.with_context(  # pylint: disable=context-overridden
            {
                key: value
                for key, value in context.items()
                if not (key.startswith(DEFAULT_PREFIX) and key[len(DEFAULT_PREFIX) :] in guarded)
            }
        )
        for vals in vals_list:
            forged = {
                name
                for name in guarded.intersection(vals)
                if vals[name] and vals[name] != self._as_workflow_default(name)
            }
            if forged:
                self.browse()._as_workflow_refuse(forged)
            for name in guarded.intersection(vals):
                del vals[name]  # the initial value (the field's default) applies
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if self._as_workflow_locked:
                self._as_workflow_refuse(set(vals) or {"id"})
            changed = {
                name
                for name in self._as_workflow_field_names().intersection(vals)
                if not self._as_workflow_same(name, vals[name])
            }
            if changed:
                self._as_workflow_refuse(changed)
        return super().write(vals)

    def _as_workflow_same(self, name, value):
        """Whether writing ``value`` leaves the field as it is on every record (a form saving
        an unchanged value is no forgery)."""
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            return False
        new = field.convert_to_record(field.convert_to_cache(value, self), self)
        return all(record[name] == new for record in self)

    @api.ondelete(at_uninstall=False)
    def _as_workflow_unlink_locked(self):
        if self._as_workflow_locked and not self.env.su:
            self._as_workflow_refuse({"id"})

    # --------------------------------------------------------- workflow side
    def _as_workflow_write(self, vals):
        """Write workflow fields after the calling action checked group, state and person.

        Safe: only action methods call this, with values they computed themselves; sudo() lifts
        the field guard (and the record rules the action has already applied to ``self``).
        """
        if self:
            self.sudo().write(vals)
        return True

    @api.model
    def _as_workflow_create(self, vals_list):
        """Create records of a locked document (a vote, a check) from an action that checked
        group, state and person; the records come back in the caller's environment."""
        return self.sudo().create(vals_list).with_env(self.env)
