def post_init_hook(env):
    """Removed old parts of existing warehouses go to their old-parts location (旧件库)."""
    env["stock.warehouse"].search([])._as_route_removed_parts_to_old_parts()
