from . import test_settings
from . import test_claim_check
from . import test_claim_review
from . import test_work_order
from . import test_accounting
from . import test_portal
from . import test_scrap
from . import test_vehicle_return
