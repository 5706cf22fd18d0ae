from . import aftersales_work_check_fail
from . import aftersales_part_fit_override
