"""The content model of ``promo-lines``: where the main content is, and how well a
line belongs to it.

Two pieces, both linear in the text:

- :func:`main_region` finds the densest run of prose. Every non-blank line gets a
  weight: a prose line (a sentence, or a long line) weighs its word count, any
  other line a fixed negative cost. The run of lines with the largest total weight
  (the maximum-sum segment, one pass of Kadane's algorithm) is the main content, the
  idea of Finn et al.'s "body text extraction" applied to lines: menus, link
  lists and footers are long runs of short lines, so they fall outside it.
- :class:`Vocabulary` counts the content units of the main region so that any
  line's *coherence* (the share of its content units the main content also uses)
  costs one look-up per unit. Content units are the words of at least
  ``CONTENT_WORD_MIN_CHARS`` characters (the same rule as the shared line
  features) and, for Chinese and Japanese, pairs of adjacent ideographs or kana: a
  single character is shared by nearly any two texts of those scripts, a pair much
  less so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from textnorm.text import nfkc_casefold
from textnorm.text.features import CONTENT_WORD_MIN_CHARS
from textnorm.text.words import WORD_RE

_CJK_CHAR_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_DIGITS_RE = regex.compile(r"[\d\p{N}]+")


def content_units(text: str) -> set[str]:
    """The distinct content units of ``text`` (see the module docstring)."""
    units: set[str] = set()
    prev_cjk: str | None = None
    prev_end = -1
    for m in WORD_RE.finditer(nfkc_casefold(text)):
        w = m.group()
        if _CJK_CHAR_RE.fullmatch(w):
            if prev_cjk is not None and m.start() == prev_end:
                units.add(prev_cjk + w)
            prev_cjk, prev_end = w, m.end()
            continue
        prev_cjk = None
        if len(w) >= CONTENT_WORD_MIN_CHARS and not _DIGITS_RE.fullmatch(w):
            units.add(w)
    return units


class Vocabulary:
    """How many lines of a region use each content unit."""

    def __init__(self, unit_sets: Sequence[set[str]]) -> None:
        self._counts: Counter[str] = Counter()
        for units in unit_sets:
            self._counts.update(units)

    def coherence(self, units: set[str], own: bool) -> float | None:
        """Share of ``units`` used by the region, each weighted by its specificity (see
        :func:`_specificity`); ``own`` says the line is itself part of the region, so
        its own use does not count. None when there are no units."""
        if not units:
            return None
        need = 2 if own else 1
        total = shared = 0
        for u in units:
            w = _specificity(u)
            total += w
            if self._counts[u] >= need:
                shared += w
        return shared / total


def _specificity(unit: str) -> int:
    """How much a shared unit says about a shared subject: a long word more than a
    short one ("comprehensively" against "about", which any two texts share); an
    ideograph pair counts as a word of average length."""
    if _CJK_CHAR_RE.match(unit):
        return 3
    return len(unit) - CONTENT_WORD_MIN_CHARS + 1


def main_region(weights: Sequence[float]) -> tuple[int, int] | None:
    """The ``[first, last]`` positions of the maximum-sum run of ``weights``, or None
    when no weight is positive (a text without any prose has no main region)."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, run_start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span
