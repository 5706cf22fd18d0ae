from . import stage_days_xlsx
