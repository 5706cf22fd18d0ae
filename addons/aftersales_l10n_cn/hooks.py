def post_init_hook(env):
    """Companies already on China's chart get the after-sales accounts (see res.company._as_cn_setup_accounts)."""
    env["res.company"].search([("chart_template", "=", "cn")])._as_cn_setup_accounts()
