from . import test_settings
from . import test_parts_master
from . import test_parts_demand
from . import test_stocktake
from . import test_writeoff
from . import test_old_part
from . import test_stock_rules
from . import test_tour
