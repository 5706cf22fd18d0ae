"""Parsing of untrusted input (portal forms, RPC): every value is hostile until parsed.

Each parser returns the clean value or raises ``InputError`` with an English message and its
parameters; ``PortalInput`` turns them into translated ``ValidationError``s, collecting every
problem of a form so the user sees them all at once. Numbers are finite and within bounds
(``nan``, ``inf``, ``1e308``, negatives and text are refused), dates are real calendar dates
within bounds, files have an allowed type and size.
"""

import base64
import binascii
import hashlib
import math
from datetime import date, datetime

from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

ALLOWED_MIMETYPES = ("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf")
DEFAULT_MAX_UPLOAD_MB = 10

REQUIRED = _lt("%(field)s is required.")
NOT_A_NUMBER = _lt("%(field)s must be a number, not %(value)s.")
NOT_FINITE = _lt("%(field)s must be a finite number.")
NOT_WHOLE = _lt("%(field)s must be a whole number.")
OUT_OF_BOUNDS = _lt("%(field)s must be between %(minimum)s and %(maximum)s.")
BAD_DATE = _lt("%(field)s is not a valid date: %(value)s.")
DATE_TOO_EARLY = _lt("%(field)s cannot be before %(date)s.")
DATE_TOO_LATE = _lt("%(field)s cannot be after %(date)s.")
UNKNOWN_CHOICE = _lt("%(field)s: unknown choice.")
TOO_LONG = _lt("%(field)s is longer than %(length)s characters.")
BAD_FILE_TYPE = _lt("%(file)s: only images and PDF files can be attached.")
FILE_TOO_LARGE = _lt("%(file)s is larger than %(size)s MB.")
BAD_BASE64 = _lt("%(field)s is not valid base64 data.")


class InputError(ValueError):
    """A value the user typed is not acceptable: ``message`` (a lazy translation) with ``params``."""

    def __init__(self, message, **params):
        super().__init__(message._source)
        self.message = message
        self.params = params


def parse_number(value, label, minimum=0.0, maximum=1e9, integer=False, required=False, default=None):
    """A finite number in [minimum, maximum] (an integer when ``integer``)."""
    text = str(value).strip().replace(",", "") if value is not None else ""
    if not text:
        if required:
            raise InputError(REQUIRED, field=label)
        return default
    try:
        number = float(text)
    except ValueError:
        raise InputError(NOT_A_NUMBER, field=label, value=text[:40]) from None
    if not math.isfinite(number):
        raise InputError(NOT_FINITE, field=label)
    if integer and number != int(number):
        raise InputError(NOT_WHOLE, field=label)
    if number < minimum or number > maximum:
        raise InputError(
            OUT_OF_BOUNDS,
            field=label,
            minimum=_fmt(minimum),
            maximum=_fmt(maximum),
        )
    return int(number) if integer else number


def parse_date(value, label, minimum=None, maximum=None, required=False):
    """A real date (ISO ``YYYY-MM-DD``) in [minimum, maximum]."""
    text = (value or "").strip() if isinstance(value, str) else value
    if not text:
        if required:
            raise InputError(REQUIRED, field=label)
        return None
    if isinstance(text, datetime):
        parsed = text.date()
    elif isinstance(text, date):
        parsed = text
    else:
        try:
            parsed = date.fromisoformat(str(text)[:10])
        except ValueError:
            raise InputError(BAD_DATE, field=label, value=str(text)[:40]) from None
    if minimum and parsed < minimum:
        raise InputError(DATE_TOO_EARLY, field=label, date=minimum.isoformat())
    if maximum and parsed > maximum:
        raise InputError(DATE_TOO_LATE, field=label, date=maximum.isoformat())
    return parsed


def parse_id(value, label, allowed_ids=None, required=False):
    """A record id among ``allowed_ids`` (an iterable of int) when given."""
    text = str(value).strip() if value is not None else ""
    if not text:
        if required:
            raise InputError(REQUIRED, field=label)
        return False
    if not text.isdigit():
        raise InputError(UNKNOWN_CHOICE, field=label)
    record_id = int(text)
    if allowed_ids is not None and record_id not in set(allowed_ids):
        raise InputError(UNKNOWN_CHOICE, field=label)
    return record_id


def parse_text(value, label, max_length=2000, required=False):
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text and required:
        raise InputError(REQUIRED, field=label)
    if len(text) > max_length:
        raise InputError(TOO_LONG, field=label, length=max_length)
    return text


def check_upload(filename, mimetype, size, max_mb=DEFAULT_MAX_UPLOAD_MB, allowed=ALLOWED_MIMETYPES):
    """An uploaded file of an allowed type, no larger than ``max_mb`` MB."""
    if (mimetype or "").split(";")[0].strip().lower() not in allowed:
        raise InputError(BAD_FILE_TYPE, file=filename or "?")
    if size > max_mb * 1024 * 1024:
        raise InputError(FILE_TOO_LARGE, file=filename or "?", size=_fmt(max_mb))


def read_upload(upload, max_mb=DEFAULT_MAX_UPLOAD_MB, allowed=ALLOWED_MIMETYPES):
    """(filename, mimetype, bytes) of a werkzeug FileStorage, checked; None for an empty field."""
    if not upload or not getattr(upload, "filename", None):
        return None
    data = upload.read(int(max_mb * 1024 * 1024) + 1)
    check_upload(upload.filename, upload.mimetype, len(data), max_mb, allowed)
    return upload.filename, upload.mimetype, data


def decode_base64(data, label):
    try:
        return base64.b64decode(data or b"", validate=True)
    except (binascii.Error, ValueError):
        raise InputError(BAD_BASE64, field=label) from None


def submission_key(*parts):
    """A digest of what a form submitted, to recognise the same submission sent twice."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def _fmt(number):
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


class PortalInput:
    """Collects the problems of one form: ``get(parser, ...)`` returns the parsed value or None
    and remembers the translated error; ``raise_if_errors()`` raises them together."""

    def __init__(self, env):
        self.env = env
        self.errors = []

    def translate(self, error):
        return self.env._(error.message) % error.params

    def get(self, parser, *args, **kwargs):
        try:
            return parser(*args, **kwargs)
        except InputError as error:
            self.errors.append(self.translate(error))
            return None

    def raise_if_errors(self):
        if self.errors:
            raise ValidationError("\n".join(self.errors))
