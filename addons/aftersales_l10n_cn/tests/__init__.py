from . import test_cn_accounting
from . import test_cn_addresses
from . import test_cn_opening_stock
