from . import aftersales_warranty_claim_decision
from . import aftersales_warranty_claim_review
from . import aftersales_warranty_claim_review_line
