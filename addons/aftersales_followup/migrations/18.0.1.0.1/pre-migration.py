def migrate(cr, version):
    """The "Recall / Service Action" type of customer care campaigns is gone: an OEM recall is the warranty addon's
    Recall / Service Campaign (OEM); the dealer's calls inviting the owners to it are a service event campaign."""
    cr.execute("UPDATE aftersales_campaign SET campaign_type = 'service' WHERE campaign_type = 'recall'")
