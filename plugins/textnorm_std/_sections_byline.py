"""Bylines: who wrote the text and when, and whether the author is an unfilled placeholder.

A byline is a short line that opens with an authorship word in one of several
languages (``By``, ``Written by``, ``Von``, ``Par``, ``Por``, ``Di``, ``Door``,
``Av``, ``Af``, ``Przez``, ``Autor:`` ...) followed by a name, optionally a date;
or a short line that is mostly a date (``June 27, 2025``, ``Published 27.06.2025``).
"""

from __future__ import annotations

import attrs
import regex

from ._sections_dates import find_dates

# Authorship words, by language: en, de, fr, es/pt, it, nl, sv/no/da, pl, and the
# "Author:" label forms. Case matters for the bare prepositions ("by the way ..."
# starts a sentence, "By Jane Roe" a byline), so they must be capitalised.
_BY_RE = regex.compile(
    r"""^\s*(?:
        (?P<credit>(?:Edited|(?:Medically\s+|Fact[- ]checked\s+and\s+)?[Rr]eviewed|Fact[- ]checked|Illustrated|
                      Translated|Compiled|Photographs?|Photography|Illustrations?|Graphics|Video)\s+[Bb]y)
      | (?:(?:Written|Posted|Published|Reported|Words|Story|Text|Photos?)\s+[Bb]y)
      | (?:Geschrieben\s+von|Écrit\s+par|Ecrit\s+par|Escrito\s+por|Scritto\s+da)
      | By | BY | Von | VON | Par | PAR | Por | POR | Di | Door | Av | Af | Przez | Автор | От
      | (?:Autor(?:in)?|Author|Auteur|Autore|Auteurs?|Authors|Verfasser|Redakteur|Redaktion)\s*:
    )(?=[\s:])[\s:]+(?P<rest>\S.*)$""",
    regex.VERBOSE,
)

# Words that may join or follow an author's name before the date; the name ends at
# the first of these, at a separator, or at the date.
_NAME_END_RE = regex.compile(
    r"\s*(?:[|•·—–]|\s-\s|,|;|\(|\bon\b|\bam\b|\ble\b|\bel\b|\bil\b|\bem\b|\bop\b|\bden\b|"
    r"\bpublished\b|\bupdated\b|\bveröffentlicht\b|\bpublié\b|\bpublicado\b|\bpubblicato\b)",
    regex.IGNORECASE,
)
# Date-line labels: "Published", "Updated", "Veröffentlicht", "Publié le" ...
_DATE_LABEL_RE = regex.compile(
    r"^\s*(?:(?:published|updated|posted|last\s+updated|veröffentlicht|aktualisiert|stand|publié|mis\s+à\s+jour|"
    r"publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|opublikowano)\b"
    r"(?:\s+(?:on|am|le|el|il|em|op|den))?\s*:?\s*)?",
    regex.IGNORECASE,
)
_WORD_RE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*")

# Unfilled template placeholders: text in brackets or braces, moustaches, percent or
# dollar variables, "lorem ipsum", and the stock "your name"/"author name" phrases.
_PLACEHOLDER_RE = regex.compile(
    r"""^\s*(?:\[[^\]]*\]|\{\{?[^}]*\}?\}|<[^>]*>|%[\w ]+%|\$\{?\w+\}?)\s*$
      | \blorem\s+ipsum\b
      | ^\s*(?:your|author(?:'s)?|full|first|writer|insert)\s+(?:full\s+)?name\s*$
      | ^\s*(?:first\s*name\s+last\s*name|name\s+surname|vorname\s+nachname|ihr\s+name|votre\s+nom|
             nom\s+(?:de\s+l'auteur|prénom)|prénom\s+nom|tu\s+nombre|nombre\s+(?:del\s+)?autor|
             nome\s+(?:cognome|autore)|seu\s+nome|uw\s+naam|naam\s+auteur|author|name|nom|nombre|nome)\s*$
      | \b(?:placeholder|tbd|tba|xxx+)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)


@attrs.frozen(slots=True)
class Byline:
    """What a byline line says: the author (None when it names none), the ISO date
    (None when it has none), whether the author is an unfilled placeholder, and
    whether the line credits someone other than the author (``Edited by``,
    ``Reviewed by``, ``Photos by``): such a name is not the author."""

    author: str | None
    date: str | None
    placeholder: bool
    credit: bool = False


def is_placeholder(name: str) -> bool:
    """True when ``name`` is a template placeholder rather than a person's name."""
    return bool(_PLACEHOLDER_RE.search(name))


def _name_like(name: str, max_words: int) -> bool:
    words = _WORD_RE.findall(name)
    if not 1 <= len(words) <= max_words:
        return False
    # A name is written with capitals; joining words ("and", "und", "et") and
    # particles ("van", "de", "da") may be lower case, but a name starts with a capital.
    capitalised = sum(1 for w in words if w[0].isupper() or not w[0].islower())
    return not words[0][0].islower() and capitalised >= max(1, (len(words) + 1) // 2)


def opens_with_authorship(line: str) -> bool:
    """True when ``line`` opens with an authorship word (``By``, ``Von``, ``Author:`` ...):
    only such a line can name an author (a date line names none)."""
    return _BY_RE.match(line) is not None


def read_byline(line: str, *, max_name_words: int, numeric_order: str) -> Byline | None:
    """Read ``line`` as a byline, or return None when it is not one."""
    dates = find_dates(line, numeric_order)
    date = dates[0].iso if dates else None
    m = _BY_RE.match(line)
    if m is not None:
        rest = m.group("rest")
        offset = m.start("rest")
        # The author runs up to the first date or separator.
        cut = len(rest)
        for d in dates:
            if d.start >= offset:
                cut = min(cut, d.start - offset)
                break
        if rest.lstrip().startswith(("[", "{", "<")):
            closing = {"[": "]", "{": "}", "<": ">"}[rest.lstrip()[0]]
            end = rest.find(closing)
            if end >= 0:
                cut = min(cut, end + 1 + (1 if rest[end + 1:end + 2] == "}" else 0))
        else:
            sep = _NAME_END_RE.search(rest, 1)
            if sep is not None:
                cut = min(cut, sep.start())
        author = rest[:cut].strip(" \t,;:|-–—")
        if not author:
            return Byline(None, date, False) if date else None
        credit = m.group("credit") is not None
        if is_placeholder(author):
            return Byline(author, date, True, credit)
        if _name_like(author, max_name_words):
            return Byline(author, date, False, credit)
        return None
    if date is not None:
        label = _DATE_LABEL_RE.match(line)
        head = label.end() if label and label.end() <= dates[0].start else 0
        remainder = line[head:dates[0].start] + " " + line[dates[0].end:]
        # A date line holds little besides the date: a weekday, a time, a label.
        if len(_WORD_RE.findall(remainder)) <= 3:
            return Byline(None, date, False)
    return None
