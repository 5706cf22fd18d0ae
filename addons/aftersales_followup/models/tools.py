"""Small numbering helpers shared by the follow-up models."""


def bulk_sequence_names(env, code, count):
    """Draw ``count`` names of the sequence ``code`` in one query.

    ``next_by_code`` costs one query per record; crons that create thousands of records at once
    draw the numbers of a standard (no-gap free) sequence with a single ``generate_series``.
    """
    if not count:
        return []
    # sudo: reading the sequence definition only; users may lack read access on ir.sequence.
    sequence = (
        env["ir.sequence"]
        .sudo()
        .search([("code", "=", code), ("company_id", "in", [env.company.id, False])], order="company_id", limit=1)
    )
    if not sequence or sequence.implementation != "standard" or sequence.use_date_range:
        return [env["ir.sequence"].sudo().next_by_code(code) for _i in range(count)]
    env.cr.execute(
        "SELECT nextval(%s) FROM generate_series(1, %s)",
        ["ir_sequence_%03d" % sequence.id, count],
    )
    # what ``get_next_char`` does for each number, with the prefix and suffix interpolated once
    prefix, suffix = sequence._get_prefix_suffix()
    return ["%s%0*d%s" % (prefix, sequence.padding, row[0], suffix) for row in env.cr.fetchall()]
