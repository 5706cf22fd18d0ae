def uninstall_hook(env):
    """Stock as it was: the Inventory adjustment and Scrap locations without this addon's loss and gain accounts."""
    env["res.company"]._as_uninstall_restore_loss_locations()
