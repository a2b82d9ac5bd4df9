"""The lines of a text as ``promo-lines`` reads them: one fold and one word pass per
distinct line give its word count and its content units together.

The shared line features (:func:`textnorm.text.line_features`) hold more than this
step reads (case shape, vocabulary overlap with the rest of the document, an object
of sixteen fields per line) and cost as much as all of the step's own work, which
then folded and split every line into words a second time for its content units.
:class:`PromoLine` has exactly the fields of :class:`~textnorm.text.LineFeatures` the
step reads, with the same values (tests/plugins/test_promo_fast_paths.py checks them
against ``line_features`` itself); the two that few lines need (separators and
ideographs: headline candidates, prose in Chinese or Japanese) are counted on first
use. The patterns are the line features' own, imported, so the two cannot drift apart.
"""

from __future__ import annotations

import unicodedata

import regex

from textnorm.text import (
    count_ideographs,
    ends_sentence,
    ends_with_colon,
    iter_lines,
    nfkc_casefold,
)
from textnorm.text.words import (
    SINGLE_CHARACTER_RUN_RE,
    SINGLE_CHARACTER_WORDS,
    WORD_RE,
    re_agrees,
)

from ._line_view import LineView
from ._promo_units import _HANGUL_RE, LineUnits, units_of_runs, units_of_words

# The word pattern is "one ideograph or kana, or a word of other letters, marks and
# digits"; that second branch never holds the first's characters, so its matches over a
# text are the text's other words (the scan stops at the same places).
_FIRST_BRANCH = f"[{SINGLE_CHARACTER_WORDS}]|"
assert WORD_RE.pattern.startswith(_FIRST_BRANCH)
_OTHER_WORD_RE = regex.compile(WORD_RE.pattern[len(_FIRST_BRANCH):], WORD_RE.flags)


class PromoLine(LineView):
    """One line: its number, span (without the break) and stripped text, and what the
    step reads of it (see :class:`~textnorm.text.LineFeatures` for each field), with
    its content units (:class:`._promo_units.LineUnits`, None for a blank line)."""

    __slots__ = ("_ideographs", "colon_end", "hangul", "n_words", "terminal", "units")

    def __init__(self, index: int, start: int, end: int, text: str, n_words: int,
                 units: LineUnits | None, ideographs: int | None = None) -> None:
        super().__init__(index, start, end, text)
        self.n_words = n_words
        self.units = units
        # Whether the line holds Hangul (its folded form does: folding keeps Hangul Hangul
        # and makes nothing else Hangul, checked over all of Unicode in the tests).
        self.hangul = units is not None and units.hangul
        self.terminal = ends_sentence(text)
        self.colon_end = ends_with_colon(text)
        self._ideographs = ideographs  # (None: counted on first use)

    @property
    def n_ideographs(self) -> int:
        """How many of the words are single ideographs or kana (each such character is one)."""
        if self._ideographs is None:
            # (Text that ``re`` reads as ``regex`` does holds none: see ``re_agrees``.)
            self._ideographs = 0 if re_agrees(self.text) else count_ideographs(self.text)
        return self._ideographs

    @property
    def word_length(self) -> float:
        """``n_words`` with ideographs and kana counting half a word each."""
        return self.n_words - self.n_ideographs / 2


def read_lines(text: str, memo: dict[str, tuple[int, LineUnits, int | None]],
               shared: dict[str, str] | None = None) -> list[PromoLine]:
    """Every line of ``text`` (blank ones included, breaks ``\\n``, ``\\r\\n`` and ``\\r``
    as :func:`textnorm.text.lines` finds them). ``memo`` keeps the word count and
    units of each distinct stripped line, and its ideograph count where that came
    for free (the passes and the repeats of a line share them); ``shared`` gives one string object per distinct unit (see :class:`LineUnits`)."""
    out = []
    for i, (start, end, raw) in enumerate(iter_lines(text)):
        stripped = raw.strip()
        if not stripped:
            out.append(PromoLine(i, start, end, stripped, 0, None))
            continue
        known = memo.get(stripped)
        if known is None:
            known = memo[stripped] = _words_and_units(stripped, shared)
        out.append(PromoLine(i, start, end, stripped, *known))
    return out


def _words_and_units(stripped: str, shared: dict[str, str] | None) -> tuple[int, LineUnits, int | None]:
    """The word count of a stripped line, as the line features count it, its content
    units, from one fold and one word pass, and its ideograph count when the fold
    tells it (None: to be counted on first use)."""
    agrees = True
    ideographs: int | None = 0
    if stripped.isascii():
        folded = stripped.lower()  # what NFKC and case folding do to ASCII
        words = WORD_RE.findall(folded)
        n_words = len(words)
    else:
        folded = nfkc_casefold(stripped)
        agrees = re_agrees(folded)
        if not agrees and _HANGUL_RE.search(folded) is None:
            # Ideographs and kana are a word each: counted by the runs they make (whose
            # pairs are units), and only the other words made strings, by the word
            # pattern's other branch (one word of a text is one or the other; see
            # _OTHER_WORD_RE). Hangul is left to units_of_words (pairs word by word).
            runs = SINGLE_CHARACTER_RUN_RE.findall(folded)
            others = _OTHER_WORD_RE.findall(folded)
            if unicodedata.is_normalized("NFKC", stripped):
                n_words = sum(map(len, runs)) + len(others)
            else:
                n_words = len(WORD_RE.findall(stripped))
            return n_words, LineUnits(units_of_runs(others, runs), shared, False), None
        words = WORD_RE.findall(folded)
        # Case folding keeps every character's kind, so only NFKC can change the words
        # (the line features count them on the line itself then).
        if unicodedata.is_normalized("NFKC", stripped):
            n_words = len(words)
            # The line is its folded form but for case, which no ideograph or kana has:
            # a fold that re reads as regex does holds none, nor does the line then.
            ideographs = 0 if agrees else None
        else:
            n_words = len(WORD_RE.findall(stripped))
            ideographs = None
    units, hangul = units_of_words(words, folded, agrees)
    # Pairs are made only of ideographs and kana (the branch above) and of Hangul.
    return n_words, LineUnits(units, shared, hangul, pairs=hangul), ideographs
