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
