from . import test_settings
from . import test_network_flow
from . import test_network_refusals
from . import test_network_portal
from . import test_network_integrity
from . import test_network_attacks
from . import test_network_tours
