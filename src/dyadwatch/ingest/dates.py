"""Publication dates from header lines, meta tags and datelines."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A header line must look like a date: digits and at most a few words.
_DATEISH = re.compile(
    r"^[\w ,.:/+\-]*\b(\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b[\w ,.:/+\-]*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\-]{2,40},\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)"
)

_parser = None


def _date_parser():
    global _parser
    if _parser is None:
        from dateparser.date import DateDataParser

        _parser = DateDataParser(languages=["en"], settings={"STRICT_PARSING": False})
    return _parser


def parse_iso(value: str | None) -> str | None:
    """'2025-06-19', '2025-06-19T08:42:00Z' -> '2025-06-19'; anything else -> None."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_IN_LINE = re.compile(
    r"(?P<update>\b(?:updated|last updated|modified)\b[^0-9A-Za-z]*(?:on\s+)?)?"
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)


def find_header_dates(line: str) -> list[tuple[str, bool]]:
    """Every full date in a header line, with whether it is an update date.

    'Published Jun 26, 2024 6:30 AM | Updated Jun 26, 2024 9:12 AM' gives two dates;
    'New Delhi, October 31, 2024' and 'Aug 27, 2019 | 6:05 PM' one each.
    """
    found = []
    for match in _DATE_IN_LINE.finditer(line):
        iso = parse_header_date(match["date"])
        if iso:
            found.append((iso, bool(match["update"])))
    return found


_NUMERIC = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$|^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def _numeric_date(text: str) -> str | None:
    """'2023.03.14', '2023/3/14', '28/11/2020' (day first unless that is impossible)."""
    match = _NUMERIC.match(text.strip())
    if not match:
        return None
    if match[1]:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        first, second, year = int(match[4]), int(match[5]), int(match[6])
        day, month = (second, first) if second > 12 else (first, second)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_from_url(url: str | None) -> str | None:
    """'https://wire.example/2020/03/03/somalia-kenya' -> '2020-03-03' (a common URL layout)."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_NAMED = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[a-z]{3,9})\.?,?)"
    r"\s+(?P<y>\d{4})$",
    re.IGNORECASE,
)


def _named_month_date(text: str) -> str | None:
    """'Feb 19, 2026', 'Thursday, 19th February 2026' -> ISO, without dateparser (the common, fast case)."""
    match = _NAMED.match(text)
    if not match:
        return None
    name = (match["m1"] or match["m2"]).lower()
    month = _MONTHS.get(name[:3])
    full = "january february march april may june july august september october november december".split()
    if month is None or not (len(name) == 3 or name == "sept" or full[month - 1].startswith(name)):
        return None
    try:
        return date(int(match["y"]), month, int(match["d1"] or match["d2"])).isoformat()
    except ValueError:
        return None


def parse_header_date(line: str) -> str | None:
    """A header line such as 'Feb 19, 2026' or '2025-06-19 08:42' -> ISO date, else None.

    Only lines that carry a full day-month-year are accepted: a header with just
    'Tuesday' or 'March' is not a publication date.
    """
    line = line.strip().rstrip(".")
    if not line or not _DATEISH.match(line) or not re.search(r"\d{4}", line):
        return None
    iso = parse_iso(line) or _numeric_date(line) or _named_month_date(line)
    if iso:
        return iso

    data = _date_parser().get_date_data(line)
    if data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date().isoformat()


def parse_dateline(text: str, year_hint: int | None = None) -> str | None:
    """'NAIROBI, March 3 (Wire) -' at the top of a wire story -> ISO date when a year is known."""
    match = _DATELINE.match(text.lstrip())
    if not match:
        return None
    fragment = match[1]
    if not re.search(r"\d{4}", fragment):
        if year_hint is None:
            return None
        fragment = f"{fragment} {year_hint}"
    data = _date_parser().get_date_data(fragment)
    return data.date_obj.date().isoformat() if data.date_obj else None


def today() -> str:
    return datetime.now().date().isoformat()
