"""The content model of ``promo-lines``: where the main content is, and how well a
line belongs to it. Everything here is one pass over the lines, linear in the text.

- :func:`prose_flags` says which lines are running text (a sentence of some length,
  or a long line; a hard-wrapped sentence is judged whole).
- :func:`line_weights` and :func:`main_region` find the densest run of prose: a prose
  line weighs its word count, any other line a negative cost that grows along a run
  of short lines. The run of lines with the largest total weight (the maximum-sum
  segment, one pass of Kadane's algorithm) is the main content: the idea of Finn et
  al.'s "body text extraction" applied to lines. Menus, link lists and footers are
  long runs of short lines, so they fall outside it.
- :class:`Vocabulary` counts in how many lines of the main region each content unit
  stands, so that any line's *coherence* (the share of its content units the main
  content also uses) is read in C. Content units are the words of at least
  ``CONTENT_WORD_MIN_CHARS`` characters (the same rule as the shared line
  features) and, for Chinese and Japanese, pairs of adjacent ideographs or kana: a
  single character is shared by nearly any two texts of those scripts, a pair much
  less so.
- :func:`lead_ins` links the items of a list to the line that announces it.
- :func:`repeated_outside` finds the extra copies of short lines a page template
  printed twice outside the content (one dictionary of comparison keys, linear).
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, filterfalse, repeat
from typing import Protocol

import regex

from textnorm.text import comparison_key, nfkc_casefold, sentences
from textnorm.text.features import CONTENT_WORD_MIN_CHARS
from textnorm.text.spans import _SENTENCE_END_RE
from textnorm.text.words import WORD_RE, re_agrees

_CJK_CHAR_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_HANGUL_RE = regex.compile(r"\p{Hangul}")
_HANGUL_RUN_RE = regex.compile(r"\p{Hangul}+")
# Runs of two or more ideographs or kana (each a word of one character).
_CJK_RUN_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]{2,}")
_PAIR_SPECIFICITY = 3  # an ideograph pair weighs as a word of average length (six letters)


class Line(Protocol):
    """What the model reads of a line (``_promo_view.PromoLine`` has it; each field as
    :class:`~textnorm.text.LineFeatures` defines it, and ``hangul``: the line holds Hangul)."""

    index: int
    text: str
    n_words: int
    n_ideographs: int
    terminal: bool
    colon_end: bool
    hangul: bool

    @property
    def word_length(self) -> float: ...


def content_units(text: str) -> set[str]:
    """The distinct content units of ``text`` (see the module docstring), as text."""
    # NFKC leaves ASCII alone and case folding only lowers it.
    folded = text.lower() if text.isascii() else nfkc_casefold(text)
    return {_unit_text(u) for u in units_of_words(WORD_RE.findall(folded), folded)[0]}


Unit = str | int
"""A content unit as the model keeps it: a word, or an ideograph pair as one number
(``_PAIR_BASE`` times its first character's code point plus its second's), which takes
less than half the memory of a string of two characters; no number equals a word."""

_PAIR_BASE = 0x110000  # one more than the largest code point


def _unit_text(unit: Unit) -> str:
    """The text of a unit (a pair's two characters)."""
    return unit if isinstance(unit, str) else chr(unit // _PAIR_BASE) + chr(unit % _PAIR_BASE)


def _pairs(run: str) -> Iterator[int]:
    """The pairs of neighbours in ``run``, as units (in C)."""
    codes = [*map(ord, run)]
    return map(operator.add, map(operator.mul, codes, repeat(_PAIR_BASE)), codes[1:])


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


def units_of_words(words: Sequence[str], folded: str) -> tuple[set[Unit], bool]:
    """:func:`content_units` of a text whose folded form is ``folded`` and whose words
    (``WORD_RE.findall(folded)``) are ``words`` (the caller may have them already), and
    whether the text holds Hangul (see :class:`LineUnits`)."""
    units: set[Unit] = _long_words(words)  # type: ignore[assignment]
    # Without the numbers. A word of letters only is none (a letter is no numeral), so
    # only the others are looked at (in C: no Python frame per word); on ASCII those of
    # digits are the numbers (WORD_RE runs ASCII on ``re`` by itself).
    others = [*filterfalse(str.isalpha, units)]  # (all words so far)
    if others:
        numbers = [*filter(str.isdigit if folded.isascii() else _NUMBER_RE.fullmatch, others)]
        if numbers:
            units.difference_update(numbers)
    if folded.isascii():
        return units, False
    # An ideograph or kana is a word of one character, too short to be kept above. Text
    # that ``re`` reads as ``regex`` does holds none (see ``re_agrees``: a fast search),
    # which leaves only Hangul to look for.
    if _HANGUL_RE.search(folded) is None if re_agrees(folded) else _CJK_CHAR_RE.search(folded) is None:
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
                units.add(ord(prev_cjk) * _PAIR_BASE + ord(w))
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

    __slots__ = ("_total", "hangul", "korean", "units")

    def __init__(self, units: Iterable[Unit], shared: dict[Unit, Unit] | None = None,
                 hangul: bool = True) -> None:
        self.units = tuple(units if shared is None else map(shared.setdefault, units, units))
        self.hangul = hangul
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
            self._total = _weight(self.units) if not self.korean else self.weigh(self.units)
        return self._total

    def weigh(self, units: Iterable[Unit]) -> int:
        """The total specificity of ``units``, some of this line's units."""
        if not self.korean:
            return _weight(units)
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


CJK_CHARS_PER_WORD = 2
"""Chinese and Japanese words average one and a half to two characters; the shared
line features count each ideograph or kana as a word, so their counts are divided by
this to compare with the word counts of spaced scripts."""


def word_equivalents(f: Line) -> float:
    """The line's word count with each run of ideographs and kana counted as words of
    ``CJK_CHARS_PER_WORD`` characters."""
    cjk = 0
    if not f.text.isascii():
        # The line features count the ideographs and kana (each a word of its own);
        # Hangul syllables are counted here, a run at a time, on a line that holds
        # them (``hangul``, known from its content units: folding keeps Hangul Hangul).
        cjk = f.n_ideographs
        if f.hangul:
            cjk += sum(map(len, _HANGUL_RUN_RE.findall(f.text)))
    return f.n_words - cjk + cjk / CJK_CHARS_PER_WORD


# An ellipsis closing a line: the sentence was cut off (a teaser or a title shortened
# to fit a box), or trails away; either way it is not a finished sentence.
_ELLIPSIS_END_RE = regex.compile(r"(?:…|\.\.\.)[\"'”’»)\]」』）]*\s*\Z")
# What the pattern above finds, without a scan: on a stripped line (``str.strip`` removes
# every character ``\s`` matches) it matches when the line, its closing quotes and
# brackets taken off, ends in an ellipsis (neither ellipsis character closes anything).
_ELLIPSIS_CLOSERS = "\"'”’»)]」』）"


def prose_flags(lines: Sequence[Line], min_sentence_words: int, long_line_words: int,
                ellipsis_ends: bool = True) -> list[bool]:
    """Which lines are prose. A hard-wrapped sentence runs over several lines (a line
    without end punctuation followed by one that opens in lower case): the lines of
    such a run are judged together, as the sentence they make.

    With ``ellipsis_ends`` false, a line ending in an ellipsis is prose only next to
    other prose (a sentence that trails away inside a paragraph run) or when long
    enough without a full stop: among short lines it is a teaser or a title cut off
    to fit a box."""
    loose = _prose_flags(lines, min_sentence_words, long_line_words, True)
    if ellipsis_ends or not any(_ellipsis_end(f) for f in lines):
        return loose  # (without a line ending in an ellipsis, the strict flags are the same)
    strict = _prose_flags(lines, min_sentence_words, long_line_words, False)
    out = list(strict)
    for k, (s, lo) in enumerate(zip(strict, loose, strict=True)):
        if lo and not s and ((k > 0 and strict[k - 1]) or (k + 1 < len(strict) and strict[k + 1])):
            out[k] = True
    return out


def _ellipsis_end(f: Line) -> bool:
    """The line ends a sentence with an ellipsis."""
    return f.terminal and f.text.rstrip(_ELLIPSIS_CLOSERS).endswith(("…", "..."))


def _prose_flags(lines: Sequence[Line], min_sentence_words: int, long_line_words: int,
                 ellipsis_ends: bool) -> list[bool]:
    flags: list[bool] = []
    start = 0
    n = len(lines)
    for k, f in enumerate(lines):
        terminal = f.terminal and (ellipsis_ends or not _ellipsis_end(f))
        ends = terminal or f.colon_end  # a sentence, or one that introduces a list or quote
        if not ends and k + 1 < n and lines[k + 1].text[:1].islower():
            continue
        if start == k:  # (most lines are a sentence or a paragraph of their own)
            n_words = f.n_words
            flags.append((ends and n_words >= min_sentence_words) or n_words >= long_line_words)
        else:
            run = lines[start:k + 1]
            n_words = sum(g.n_words for g in run)
            ok = (ends and n_words >= min_sentence_words) or n_words >= long_line_words
            flags.extend([ok] * len(run))
        start = k + 1
    return flags


def lead_ins(lines: Sequence[Line], prose: Sequence[bool],
             numbers: Sequence[int] | None = None) -> list[int | None]:
    """For each line of a list that a lead-in line ending in a colon opens (the short
    lines after it, up to a blank line, the next prose or the next lead-in), the
    position of that lead-in; None for other lines. ``numbers`` are the lines' numbers
    in the text (blank lines counted), by default their ``index``."""
    if numbers is None:
        numbers = [f.index for f in lines]
    out: list[int | None] = []
    lead: int | None = None
    for k in range(len(lines)):
        if k == 0 or numbers[k - 1] + 1 != numbers[k] or prose[k]:
            lead = None
        elif lines[k - 1].colon_end:
            lead = k - 1
        out.append(lead)
    return out


def line_weights(lines: Sequence[Line], prose: Sequence[bool], *, short_line_cost: float,
                 run_growth: int, max_sentence_words: int, memo: dict[str, float] | None = None) -> list[float]:
    """The weight of each line for :func:`main_region`: prose brings its words (at most
    ``max_sentence_words`` per sentence, so that one endless unpunctuated list of names
    or tags does not outweigh an article), a short line costs more the longer the run
    of short lines it belongs to. ``memo`` keeps the words of each prose line's text
    from one call to the next (with the same ``max_sentence_words``)."""
    out: list[float] = []
    run = 0
    if memo is None:
        memo = {}
    for f, p in zip(lines, prose, strict=True):
        if p:
            run = 0
            words = memo.get(f.text)
            if words is None:
                words = word_equivalents(f)
                # The cap is at least max_sentence_words per sentence, and a stripped line
                # holds more sentences than ". " (each ends one, and text follows it) and
                # at least as many as sentence ends: only a line that outgrows those
                # counts (in C) is split into its sentences.
                if (words > max_sentence_words
                        and words > max_sentence_words * (f.text.count(". ") + 1)
                        and words > max_sentence_words * len(_SENTENCE_END_RE.findall(f.text))):
                    words = min(words, max_sentence_words * max(1, len(sentences(f.text))))
                memo[f.text] = words
            out.append(words)
        else:
            run += 1
            out.append(-short_line_cost * min(run, run_growth))
    return out


def repeated_outside(lines: Sequence[Line], prose: Sequence[bool], first: int, last: int,
                     min_words: int, keys: dict[str, str] | None = None) -> dict[int, int]:
    """Short lines (not prose, at least ``min_words`` words, ideographs counting
    half) all of whose copies (same comparison key: case, punctuation and spacing
    ignored) lie outside the span ``[first, last]``, each mapped to the copy that
    stays, the one nearest to the span (the first of two as near). A line with a
    copy inside the span is left alone: a table of contents repeats the headings.
    ``keys`` keeps the comparison key of each line text from one call to the next."""
    if keys is None:
        keys = {}
    copies: dict[str, list[int]] = {}
    for i, f in enumerate(lines):
        if not prose[i]:
            key = keys.get(f.text)
            if key is None:
                key = keys[f.text] = comparison_key(f.text)
            if key:
                copies.setdefault(key, []).append(i)

    def distance(i: int) -> int:
        return 0 if first <= i <= last else (first - i if i < first else i - last)

    out: dict[int, int] = {}
    for found in copies.values():
        if len(found) < 2 or any(distance(i) == 0 for i in found) or lines[found[0]].word_length < min_words:
            continue
        kept = min(found, key=lambda i: (distance(i), i))
        for i in found:
            if i != kept:
                out[i] = kept
    return out
