from . import aftersales_work_check_fail
