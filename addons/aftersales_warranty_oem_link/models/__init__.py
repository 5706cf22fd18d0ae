from . import res_company
from . import res_config_settings
from . import aftersales_oem_exchange
from . import aftersales_warranty_claim
from . import aftersales_warranty_claim_oem
from . import aftersales_quality_info
from . import aftersales_quality_info_oem
