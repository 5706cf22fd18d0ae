from . import test_cn_accounting
