from . import aftersales_old_part
from . import aftersales_warranty_part_return
