from . import aftersales_warranty_claim
from . import res_company
from . import res_config_settings
