from . import test_settings
from . import test_network_flow
from . import test_network_refusals
from . import test_network_portal
