from . import test_settings
from . import test_warehouse_hooks
