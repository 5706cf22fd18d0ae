"""Pure functions for vehicle identification codes: VIN (ISO 3779) and Chinese plates."""

import re

VIN_LENGTH = 17
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# Position 10 encodes the model year on a 30-year cycle (no I, O, Q, U, Z, 0).
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Z"
# Regular plate: province + issuing letter + 5 characters (letters without I/O, digits),
# the last may be a special suffix (挂 trailer, 学 coach, 警 police, 港/澳 cross-border).
_PLATE_RE = re.compile(rf"^[{_PROVINCES}][{_LETTER}][{_LETTER}0-9]{{4}}[{_LETTER}0-9挂学警港澳]$")
# New-energy plate: province + letter + 6 characters: D/F then a letter or digit and
# 4 digits (small vehicles), or 5 digits then D/F (large vehicles).
_NEV_PLATE_RE = re.compile(rf"^[{_PROVINCES}][{_LETTER}](?:[DF][{_LETTER}0-9][0-9]{{4}}|[0-9]{{5}}[DF])$")


def normalize_vin(vin):
    return re.sub(r"[\s\-]", "", vin or "").upper()


def vin_check_digit(vin):
    """The check digit (position 9) that a 17-character VIN must carry."""
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    rest = total % 11
    return "X" if rest == 10 else str(rest)


def vin_problem(vin):
    """Return None when ``vin`` (normalized) is a valid VIN, else a short English reason key."""
    if len(vin) != VIN_LENGTH:
        return "length"
    if re.search(r"[IOQ]", vin):
        return "letters"
    if not re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", vin):
        return "characters"
    if vin[8] != vin_check_digit(vin):
        return "check_digit"
    return None


def vin_model_year(vin, this_year):
    """Model year from position 10: the latest year of the 30-year cycle not after next year."""
    code = vin[9:10]
    if code not in _YEAR_CODES:
        return False
    year = 1980 + _YEAR_CODES.index(code)
    while year + 30 <= this_year + 1:
        year += 30
    return year


def normalize_plate(plate):
    return re.sub(r"[\s\-·•.]", "", plate or "").upper()


def plate_is_valid(plate):
    return bool(_PLATE_RE.match(plate) or _NEV_PLATE_RE.match(plate))


def vin_with_check_digit(vin):
    """Return ``vin`` with its position 9 set to the right check digit (for data entry tools and demo)."""
    vin = normalize_vin(vin)
    return vin[:8] + vin_check_digit(vin[:8] + "0" + vin[9:]) + vin[9:]
