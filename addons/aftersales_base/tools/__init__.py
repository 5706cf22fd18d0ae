from .vehicle_codes import (
    VIN_LENGTH,
    normalize_plate,
    normalize_vin,
    plate_is_valid,
    vin_check_digit,
    vin_model_year,
    vin_problem,
    vin_with_check_digit,
)
from .cron_batch import BATCH_SIZE_PARAM, cron_batch_size, run_cron_batches
