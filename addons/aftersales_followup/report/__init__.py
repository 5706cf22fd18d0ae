from . import quality_daily_xlsx
