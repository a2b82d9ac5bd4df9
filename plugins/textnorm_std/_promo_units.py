"""The content units of ``promo-lines`` and how well a line shares them with the main
content.

Content units are the words of at least ``CONTENT_WORD_MIN_CHARS`` characters (the
same rule as the shared line features) and, for Chinese and Japanese, pairs of
adjacent ideographs or kana: a single character is shared by nearly any two texts of
those scripts, a pair much less so. :class:`Vocabulary` counts in how many lines of
the main region each unit stands, so that any line's *coherence* (the share of its
units the main content also uses, each weighted by its :func:`_specificity`) is read
in C.
"""

from __future__ import annotations

import operator
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, filterfalse, repeat

import regex

from textnorm.text import nfkc_casefold
from textnorm.text.features import CONTENT_WORD_MIN_CHARS
from textnorm.text.words import WORD_RE, re_agrees

_CJK_CHAR_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_HANGUL_RE = regex.compile(r"\p{Hangul}")
# Runs of two or more ideographs or kana (each a word of one character).
_CJK_RUN_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]{2,}")
_PAIR_SPECIFICITY = 3  # an ideograph pair weighs as a word of average length (six letters)


def content_units(text: str) -> set[str]:
    """The distinct content units of ``text`` (see the module docstring), as text."""
    # NFKC leaves ASCII alone and case folding only lowers it.
    folded = text.lower() if text.isascii() else nfkc_casefold(text)
    return {_unit_text(u) for u in units_of_words(WORD_RE.findall(folded), folded)[0]}


Unit = str | int
"""A content unit as the model keeps it: a word, or an ideograph pair as one number
(the 64-bit number whose two halves are the code points of its characters, see
:func:`_pairs`), which takes less than half the memory of a string of two characters;
no number equals a word."""

# The halves of a pair's number: the two characters as UTF-32 in the machine's byte
# order are the eight bytes of that number (see _pairs).
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_FIRST_SHIFT, _SECOND_SHIFT = (0, 32) if sys.byteorder == "little" else (32, 0)
_HALF = 0xFFFFFFFF


def _pair(first: str, second: str) -> int:
    """The unit of the pair ``first + second``."""
    return (ord(first) << _FIRST_SHIFT) | (ord(second) << _SECOND_SHIFT)


def _unit_text(unit: Unit) -> str:
    """The text of a unit (a pair's two characters)."""
    if isinstance(unit, str):
        return unit
    return chr((unit >> _FIRST_SHIFT) & _HALF) + chr((unit >> _SECOND_SHIFT) & _HALF)


def _pairs(run: str) -> list[int]:
    """The pairs of neighbours in ``run``, as units: the run as UTF-32 read as 64-bit
    numbers, from its first character and from its second (in C, no arithmetic per pair)."""
    n = len(run)
    if n < 2:
        return []
    data = memoryview(run.encode(_UTF32))
    return [*data[:8 * (n // 2)].cast("Q").tolist(), *data[4:4 + 8 * ((n - 1) // 2)].cast("Q").tolist()]


# Whether a word is long enough to be a content unit, as a C function (see _long_words).
_LONG_ENOUGH = CONTENT_WORD_MIN_CHARS.__le__
_NUMBER_RE = regex.compile(r"[\d\p{N}]+")  # (fullmatch: a word that is a number)
# A longer unit opening with a Hangul syllable (a Korean word) weighs as a pair too; in
# units joined by line breaks. (No longer unit opens with an ideograph or kana: each of
# those is a word of its own.)
_HANGUL_UNIT_RE = regex.compile(rf"(?m)^\p{{Hangul}}.{{{CONTENT_WORD_MIN_CHARS - 1},}}")


def _long_words(words: Sequence[str]) -> set[str]:
    """The distinct ``words`` of at least ``CONTENT_WORD_MIN_CHARS`` characters, chosen
    in C (no Python frame per word)."""
    return set(compress(words, map(_LONG_ENOUGH, map(len, words))))


def _word_units(words: Sequence[str], ascii: bool) -> set[Unit]:
    """The words among the content units: the long ``words``, without the numbers."""
    units: set[Unit] = _long_words(words)  # type: ignore[assignment]
    # Without the numbers. A word of letters only is none (a letter is no numeral), so
    # only the others are looked at (in C: no Python frame per word); on ASCII those of
    # digits are the numbers (WORD_RE runs ASCII on ``re`` by itself).
    others = [*filterfalse(str.isalpha, units)]  # (all words so far)
    if others:
        numbers = [*filter(str.isdigit if ascii else _NUMBER_RE.fullmatch, others)]
        if numbers:
            units.difference_update(numbers)
    return units


def units_of_runs(others: Sequence[str], runs: Sequence[str]) -> set[Unit]:
    """:func:`units_of_words` of a non-ASCII text without Hangul, given its words that
    are not ideographs or kana (``others``) and its runs of ideographs and kana
    (``runs``), which make up its words (see ``_promo_view._words_and_units``)."""
    units = _word_units(others, False)
    for run in runs:
        if len(run) > 1:
            units.update(_pairs(run))
    return units


def units_of_words(words: Sequence[str], folded: str,
                   agrees: bool | None = None) -> tuple[set[Unit], bool]:
    """:func:`content_units` of a text whose folded form is ``folded`` and whose words
    (``WORD_RE.findall(folded)``) are ``words`` (the caller may have them already), and
    whether the text holds Hangul (see :class:`LineUnits`). ``agrees``: ``re_agrees(folded)``
    when the caller knows it."""
    units = _word_units(words, folded.isascii())
    if folded.isascii():
        return units, False
    # An ideograph or kana is a word of one character, too short to be kept above. Text
    # that ``re`` reads as ``regex`` does holds none (see ``re_agrees``: a fast search),
    # which leaves only Hangul to look for.
    if agrees is None:
        agrees = re_agrees(folded)
    if _HANGUL_RE.search(folded) is None if agrees else _CJK_CHAR_RE.search(folded) is None:
        return units, False
    if _HANGUL_RE.search(folded) is None:
        # Ideographs and kana are words of one character each, so two of them next to
        # each other are two adjacent words: every pair of neighbours in a run of them
        # (joined in C).
        for run in _CJK_RUN_RE.findall(folded):
            units.update(_pairs(run))
        return units, False
    # Hangul: a syllable is a pair's member only when it stands as a word of its own
    # (a Korean word is several syllables), so the pairs are read word by word.
    prev_cjk: str | None = None
    prev_end = -1
    for m in WORD_RE.finditer(folded):
        w = m.group()
        if len(w) == 1 and _CJK_CHAR_RE.match(w):
            if prev_cjk is not None and m.start() == prev_end:
                units.add(_pair(prev_cjk, w))
            prev_cjk, prev_end = w, m.end()
        else:
            prev_cjk = None
    return units, True


class LineUnits:
    """The distinct content units of one line with their total :func:`_specificity`,
    worked out once per distinct line text (the passes and the repeats of a line share
    it). The units are a tuple: a quarter of a set's memory, and :class:`Vocabulary`
    reads any iterable. With ``shared``, each unit is the one object ``shared`` holds
    for it (the lines of a document repeat their words: one object per word saves most
    of the memory)."""

    __slots__ = ("_total", "hangul", "korean", "pairs", "units")

    def __init__(self, units: Iterable[Unit], shared: dict[Unit, Unit] | None = None,
                 hangul: bool = True, pairs: bool = True) -> None:
        """``hangul``: the line may hold Hangul; ``pairs``: its units may hold pairs
        (false: they are all words, whose weights are their lengths less a constant)."""
        self.units = tuple(units if shared is None else map(shared.setdefault, units, units))
        self.hangul = hangul
        self.pairs = pairs
        # The Korean words among the units weigh as pairs (see _specificity): found with
        # one pattern pass, on a line that holds Hangul (``hangul``: it may) only.
        self.korean: frozenset[str] = _NO_UNITS
        if hangul and self.units:
            joined = "\n".join(_words_only(self.units))  # no unit holds a line break
            if not joined.isascii():
                self.korean = frozenset(_HANGUL_UNIT_RE.findall(joined)) or _NO_UNITS
        self._total: int | None = None

    @property
    def total(self) -> int:
        """The total specificity of the line's units (worked out when first asked: most
        lines are never asked their coherence)."""
        if self._total is None:
            self._total = self.weigh(self.units)
        return self._total

    def weigh(self, units: Iterable[Unit]) -> int:
        """The total specificity of ``units``, some of this line's units."""
        if not self.korean:
            if self.pairs:
                return _weight(units)
            # Words only: no type test per unit (see _weight).
            units = units if isinstance(units, (list, tuple)) else [*units]
            return sum(map(len, units)) - len(units) * (CONTENT_WORD_MIN_CHARS - 1)
        units = [*units]
        korean = self.korean.intersection(units)
        # Each weighs _PAIR_SPECIFICITY instead of what its length gives.
        return (_weight(units) + len(korean) * (_PAIR_SPECIFICITY + CONTENT_WORD_MIN_CHARS - 1)
                - sum(map(len, korean)))


_NO_UNITS: frozenset[str] = frozenset()


def _weight(units: Iterable[Unit]) -> int:
    """The total :func:`_specificity` of distinct ``units``, in C whatever their number:
    every word weighs ``len - CONTENT_WORD_MIN_CHARS + 1``, every ideograph pair (a
    number) ``_PAIR_SPECIFICITY``. (See LineUnits.weigh for the Korean words.)"""
    units = units if isinstance(units, (list, tuple)) else [*units]
    is_word = [*map(isinstance, units, repeat(str))]
    n_words = is_word.count(True)
    return (sum(map(len, compress(units, is_word))) - n_words * (CONTENT_WORD_MIN_CHARS - 1)
            + (len(units) - n_words) * _PAIR_SPECIFICITY)


def _words_only(units: Sequence[Unit]) -> Iterator[str]:
    """The words among ``units`` (not the pairs), in C."""
    return compress(units, map(isinstance, units, repeat(str)))  # type: ignore[return-value]


def line_units(text: str, shared: dict[Unit, Unit] | None = None) -> LineUnits:
    """:func:`content_units` of ``text`` with their total specificity (see
    :class:`LineUnits` for ``shared``)."""
    folded = text.lower() if text.isascii() else nfkc_casefold(text)
    units, hangul = units_of_words(WORD_RE.findall(folded), folded)
    return LineUnits(units, shared, hangul)


class Vocabulary:
    """How many lines of a region use each content unit (all that :meth:`coherence`
    asks is whether one does, or two; one count per unit is a third of the memory
    of a set of the units used once and one of those used twice)."""

    def __init__(self, lines: Iterable[LineUnits], counts: Counter[Unit] | None = None) -> None:
        """``counts``: a table to count in, every count set to zero first (the caller's
        table of the document's units, so that there is no second one)."""
        if counts is None:
            counts = Counter()
        else:
            dict.update(counts, zip(counts, repeat(0)))  # (the same keys: nothing is added)
        # Each line's units are distinct, so counting them all counts lines (in C).
        counts.update(chain.from_iterable(map(_UNITS, lines)))
        self._lines = counts

    def coherence(self, line: LineUnits, own: bool) -> float | None:
        """Share of the line's units used by the region, each weighted by its specificity
        (see :func:`_specificity`); ``own`` says the line is itself part of the region, so
        its own use does not count. None when there are no units."""
        if not line.units:
            return None
        used = map(self._lines.get, line.units, repeat(0))
        return line.weigh(compress(line.units, map((2 if own else 1).__le__, used))) / line.total


_UNITS = operator.attrgetter("units")


def _specificity(unit: Unit) -> int:
    """How much a shared unit says about a shared subject: a long word more than a
    short one ("comprehensively" against "about", which any two texts share); an
    ideograph pair counts as a word of average length. (:func:`_weight` sums these.)"""
    if isinstance(unit, int) or _HANGUL_UNIT_RE.fullmatch(unit):
        return _PAIR_SPECIFICITY
    return len(unit) - CONTENT_WORD_MIN_CHARS + 1
