def uninstall_hook(env):
    """Repair and stock as they were: removed-parts destinations, no old parts left counted as stock."""
    env["stock.warehouse"]._as_uninstall_restore_core()
