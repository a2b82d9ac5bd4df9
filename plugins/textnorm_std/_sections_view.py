"""The lines of a text as ``sections`` reads them: one fold and one word pass per
distinct line give its word count and its comparison key together.

The shared line features (:func:`textnorm.text.line_features`) hold more than this
step reads, and for every line: case shape and capital ratio, trailing numbers and
separators, an object of sixteen fields. Most of a text's characters are in body
lines, and of those the step reads only the length and how the line ends; the case
shape and the separators matter for the few short lines that could be headings.
:class:`SectionLine` has the fields of :class:`~textnorm.text.LineFeatures` the step
reads, with the same values (tests/plugins/test_sections_view.py checks them against
``line_features`` itself), computes those two on first use, and adds the line's
:func:`~textnorm.text.comparison_key`, from the same word pass as the word count.
"""

from __future__ import annotations

import unicodedata

from textnorm.text import (
    case_shape,
    count_ideographs,
    ends_sentence,
    ends_with_colon,
    iter_lines,
    nfkc_casefold,
)
from textnorm.text.words import WORD_RE, re_agrees

from ._line_view import LineView


class SectionLine(LineView):
    """One line: its number, span (without the break), stripped text and what
    ``sections`` reads of it (see :class:`~textnorm.text.LineFeatures` for each field),
    with ``key``, the :func:`~textnorm.text.comparison_key` of the line."""

    __slots__ = ("_shape", "colon_end", "key", "n_ideographs", "n_words", "terminal", "word_length")

    def __init__(self, index: int, start: int, end: int, own: tuple[str, int, str, int, float, bool, bool]) -> None:
        """``own``: what the line shows on its own (see :func:`_own`)."""
        super().__init__(index, start, end, own[0])
        _, self.n_words, self.key, self.n_ideographs, self.word_length, self.terminal, self.colon_end = own
        self._shape: str | None = None

    @property
    def case_shape(self) -> str:
        """``upper``, ``title``, ``sentence``, ``lower``, ``caseless`` or ``empty``."""
        if self._shape is None:
            self._shape = case_shape(self.text)[0]
        return self._shape


def read_lines(text: str) -> list[SectionLine]:
    """Every line of ``text`` (blank ones included, breaks ``\\n``, ``\\r\\n`` and ``\\r``
    as :func:`textnorm.text.lines` finds them)."""
    # Text that `re` reads as `regex` does holds no ideograph or kana (see re_agrees).
    fast = re_agrees(text)
    memo: dict[str, tuple[str, int, str, int, float, bool, bool]] = {}  # a repeated line is read once
    out = []
    for i, (start, end, raw) in enumerate(iter_lines(text)):
        stripped = raw.strip()
        own = memo.get(stripped)
        if own is None:
            own = memo[stripped] = _own(stripped, fast)
        out.append(SectionLine(i, start, end, own))
    return out


def _own(stripped: str, fast: bool) -> tuple[str, int, str, int, float, bool, bool]:
    """What a stripped line shows on its own: its text, word count, comparison key,
    ideograph count, word length (as LineFeatures.word_length: ideographs and kana count
    half), whether it ends a sentence and whether it ends with a colon."""
    n_words, key, n_ideographs = _words(stripped, fast)
    return (stripped, n_words, key, n_ideographs, n_words - n_ideographs / 2, ends_sentence(stripped),
            ends_with_colon(stripped))


def _words(stripped: str, fast: bool) -> tuple[int, str, int]:
    """Word count, comparison key and ideograph count of a stripped line, from one fold
    and one word pass (``fast``: the whole text holds no ideograph or kana)."""
    if stripped.isascii():
        # What NFKC and case folding do to ASCII; the word pattern ignores case there.
        words = WORD_RE.findall(stripped.lower())
        return len(words), " ".join(words), 0
    # A line `re` reads as `regex` does holds no ideograph or kana, even in a text that
    # does (most lines of a mixed text): one fast scan spares it two slower ones.
    plain = fast or re_agrees(stripped)
    if unicodedata.is_normalized("NFKC", stripped):
        # Case folding keeps every character's kind (tests/text/test_features.py checks all
        # of Unicode), so it keeps the words; only NFKC can change them.
        words = WORD_RE.findall(stripped.casefold())
        n_words = len(words)
    else:
        words = WORD_RE.findall(nfkc_casefold(stripped))
        n_words = len(WORD_RE.findall(stripped))
    return n_words, " ".join(words), 0 if plain else count_ideographs(stripped)
