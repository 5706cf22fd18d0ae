from . import account_chart_template
from . import account_move
from . import repair_order
from . import res_company
from . import res_partner
