"""Dates in bylines: month names in several languages and numeric forms, to ISO 8601.

Used by ``sections`` to read the date of a byline (``By Jane Roe, June 27, 2025``,
``Von Anna Berg | 27. Juni 2025``, ``Par Luc Martin, le 27/06/2025``). Only full dates
(day, month and year) are returned; a month and a year alone are not a date here.

Numeric rules:

* ``2025-06-27`` and ``2025/06/27`` are year-month-day.
* ``27.06.2025`` (dots) is day-month-year: the dotted form is the day-first
  convention of German, Dutch, Scandinavian and Slavic usage.
* ``27/06/2025`` and ``06-27-2025``: when one of the first two numbers is above 12
  it must be the day; when both are 12 or less the order is ambiguous and the
  ``numeric_order`` argument decides (``"dmy"``, the convention of most of the
  world, by default; ``"mdy"`` for US-style sources; ``"none"`` to refuse).
"""

from __future__ import annotations

import datetime

import attrs
import regex

# Month names and their usual abbreviations, casefolded. Languages: en, de, fr, es,
# it, pt, nl, plus sv/da/no and pl where the common forms are short to list.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari", "styczeń", "stycznia"),
    2: ("february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
        "fevereiro", "fev", "februari", "luty", "lutego"),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "marts", "mars",
        "marzec", "marca"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpień", "sierpnia"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
        "wrzesień", "września"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "październik", "października"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
         "dezembro", "desember", "grudzień", "grudnia"),
}
MONTHS: dict[str, int] = {name: month for month, names in _MONTH_NAMES.items() for name in names}
"""Casefolded month name or abbreviation -> month number."""

_MONTH_ALT = "|".join(sorted((regex.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?"
_YEAR = r"(?P<year>(?:1[6-9]|2\d)\d\d)"
_MONTH = rf"(?P<month>{_MONTH_ALT})\.?"
# "of"/"de"/"di" join day, month and year in several Romance languages and English.
_JOIN = r"(?:\s+(?:de|del|di|of)\s+|\s*[.,]?\s+)"

_PATTERNS = (
    ("ymd", regex.compile(r"(?<!\d)(?P<year>(?:1[6-9]|2\d)\d\d)[-/](?P<month>[01]?\d)[-/](?P<day>[0-3]?\d)(?!\d)")),
    ("dot", regex.compile(r"(?<!\d)(?P<a>[0-3]?\d)\.\s?(?P<b>[01]?\d)\.\s?" + _YEAR + r"(?!\d)")),
    ("num", regex.compile(r"(?<![\d.])(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)[/-]" + _YEAR + r"(?!\d)")),
    ("dmy", regex.compile(rf"(?<![\p{{L}}\d]){_DAY}\.?{_JOIN}{_MONTH}{_JOIN}{_YEAR}(?!\d)", regex.IGNORECASE)),
    ("mdy", regex.compile(rf"(?<!\p{{L}}){_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}(?!\d)", regex.IGNORECASE)),
)

# Every pattern above holds the year: a text without one holds no date, and one scan for
# it spares the five (the month-name patterns try every letter of the text).
_ANY_YEAR_RE = regex.compile(_YEAR)

NUMERIC_ORDERS = ("dmy", "mdy", "none")


@attrs.frozen(slots=True)
class FoundDate:
    """A date found in a text: its ISO 8601 form and the span it was read from."""

    iso: str
    start: int
    end: int


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _read(kind: str, m: regex.Match[str], numeric_order: str) -> str | None:
    if kind in ("ymd", "dmy", "mdy"):
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.casefold())
        if month is None:
            return None
        return _iso(int(m.group("year")), month, int(m.group("day")))
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if kind == "dot":
        return _iso(year, b, a)
    if a > 12 >= b:
        return _iso(year, b, a)
    if b > 12 >= a:
        return _iso(year, a, b)
    if a == b:
        return _iso(year, a, a)
    if numeric_order == "dmy":
        return _iso(year, b, a)
    if numeric_order == "mdy":
        return _iso(year, a, b)
    return None


def find_dates(text: str, numeric_order: str = "dmy") -> list[FoundDate]:
    """Every full date in ``text``, in order of position, non-overlapping."""
    found: list[FoundDate] = []
    if _ANY_YEAR_RE.search(text) is None:
        return found
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            iso = _read(kind, m, numeric_order)
            if iso is not None:
                found.append(FoundDate(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str, numeric_order: str = "dmy") -> str | None:
    """The ISO 8601 form of the first full date in ``text``, or None.

    >>> parse_date("June 27, 2025")
    '2025-06-27'
    >>> parse_date("27. Juni 2025")
    '2025-06-27'
    """
    dates = find_dates(text, numeric_order)
    return dates[0].iso if dates else None
