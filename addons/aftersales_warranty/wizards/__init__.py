from . import aftersales_warranty_claim_decision
from . import aftersales_warranty_claim_review
