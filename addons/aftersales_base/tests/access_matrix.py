"""The access of a role (a user holding one group) on models: r(ead) w(rite) c(reate) u(nlink)."""

from odoo.tests import new_test_user

OPERATIONS = (("read", "r"), ("write", "w"), ("create", "c"), ("unlink", "u"))


def access_matrix(env, roles, models):
    """{role: {model: 'rwcu'}} for the roles and models present in ``env``'s database."""
    matrix = {}
    for role in roles:
        group = env.ref(role, raise_if_not_found=False)
        if not group:
            continue
        login = "matrix_" + role.replace(".", "_")
        user = env["res.users"].search([("login", "=", login)]) or new_test_user(env, login, groups=role)
        matrix[role] = {
            model: "".join(
                letter if env[model].with_user(user).has_access(operation) else "-" for operation, letter in OPERATIONS
            )
            for model in models
            if model in env
        }
    return matrix
