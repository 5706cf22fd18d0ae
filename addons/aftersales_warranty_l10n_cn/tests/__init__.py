from . import test_claim_fapiao
