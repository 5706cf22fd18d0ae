from . import stocktake_variance_xlsx
from . import writeoff_list_xlsx
