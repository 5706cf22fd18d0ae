from . import test_settings
from . import test_followup
from . import test_campaign
from . import test_complaint
from . import test_satisfaction
from . import test_quality_info
from . import test_quality_portal
from . import test_integrity
