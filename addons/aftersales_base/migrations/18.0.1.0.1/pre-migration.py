def migrate(cr, version):
    """The demo's OEM company moved to aftersales_base's demo (it was made by the network addon's demo XML or the
    warranty addon's demo function): its XML ids move with it, so a database updated keeps its one company."""
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'aftersales_base'
         WHERE module = 'aftersales_network'
           AND name IN ('demo_company_oem', 'demo_partner_oem')
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data
                WHERE module = 'aftersales_base' AND name IN ('demo_company_oem', 'demo_partner_oem')
           )
        """
    )
    cr.execute("DELETE FROM ir_model_data WHERE module = 'aftersales_warranty' AND name = 'demo_company_oem'")
