"""The role × model access matrix of the whole suite, held against the table below.

Each role is a user holding that one group (with what it implies); each cell says what the
role may do on the model: r(ead) w(rite) c(reate) u(nlink), '-' where refused. A changed ACL
shows here as a diff to review. Models or roles of addons that are not installed are skipped.
Regenerate the table after a deliberate change with ``scripts/access_matrix.py`` and review
the diff like code.
"""

from odoo.tests import TransactionCase, tagged

from .access_matrix import access_matrix
from .access_matrix_table import EXPECTED, MODELS, ROLES


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    def test_every_role_has_exactly_the_access_of_the_table(self):
        actual = access_matrix(self.env, ROLES, MODELS)
        diff = [
            f"{role} on {model}: expected {EXPECTED[role][model]}, got {got}"
            for role, cells in actual.items()
            for model, got in cells.items()
            if role in EXPECTED and model in EXPECTED[role] and EXPECTED[role][model] != got
        ]
        missing = [
            f"{role} on {model}"
            for role, cells in actual.items()
            for model in cells
            if model not in EXPECTED.get(role, {})
        ]
        self.assertFalse(diff, "access changed:\n" + "\n".join(diff))
        self.assertFalse(missing, "not in the table (regenerate it):\n" + "\n".join(missing))
