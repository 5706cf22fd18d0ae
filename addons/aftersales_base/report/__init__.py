from . import work_order_register
