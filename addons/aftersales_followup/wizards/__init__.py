from . import aftersales_followup_handover
