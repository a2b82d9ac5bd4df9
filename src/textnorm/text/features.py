"""Line features: the shared evidence of the promo filter and of section detection.

One pass over the document computes, for each line, its size, its case shape, how
it ends, and how much of its vocabulary the rest of the document shares. Both the
promo-line filter (an unrelated headline shares little) and section detection (a
heading shares much with the text after it) read the same numbers.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from itertools import chain, compress
from typing import Any

import attrs
import regex

from .keys import nfkc_casefold
from .spans import Span, lines
from .words import (
    FAST_RANGES,
    SINGLE_CHARACTER_RUN_RE,
    WORD_RE,
    code_point_ranges,
    re_agrees,
)

_SENTENCE_TERMINAL_RE = regex.compile(r"[.!?…。！？｡।॥؟][\"'”’»)\]」』）]*\s*\Z")
_TRAILING_NUMBER_RE = regex.compile(r"(?<=\s)[\d.,]+[KkMm]?\s*\Z")
# The same two patterns read from the end ((?r): `match` tries the end of the line only).
# A forward `search` tries every position of the line before it can fail, and most lines
# hold full stops and digits; these find the same matches (a test checks it) in a few steps.
_SENTENCE_TERMINAL_END = regex.compile(f"(?r){_SENTENCE_TERMINAL_RE.pattern}")
_TRAILING_NUMBER_END = regex.compile(f"(?r){_TRAILING_NUMBER_RE.pattern}")
# `re` finds the same as `regex` would with `\s` (which `re` widens by \x1c-\x1f), faster.
_SEPARATOR_RE = re.compile(r"[|»›·•→/>]|[^\S\x1c-\x1f][-–—][^\S\x1c-\x1f]")
# Every separator holds one of these: a line without any (most lines) has none, and one
# scan for a character class costs a fifth of the alternation's.
_SEPARATOR_CHAR_RE = re.compile(r"[|»›·•→/>\-–—]")
_CASED_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}'’]*")
# The same words on a line where `re` agrees with `regex` (see words.re_agrees).
_FAST_CASED_WORD_RE = re.compile(r"[^\W\d_]+(?:['’]+[^\W\d_]*)*")
_IDEOGRAPH_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Last characters a line must end with for the two end-anchored patterns above to match:
# checking the last character first spares a regex scan of every line (most fail it).
_TERMINAL_LAST = frozenset(".!?…。！？｡।॥؟\"'”’»)]」』）")
_COLON_ENDS = (":", ";", "：", "；")
_NUMBER_LAST = frozenset(".,KkMm")  # and digits; a non-ASCII last character is left to the pattern

CONTENT_WORD_MIN_CHARS = 4
"""Words this long or longer (and every ideograph) count as content words in
:attr:`LineFeatures.content_overlap`; shorter ones are mostly function words in
alphabetic scripts and would make any line look related to any document."""


@attrs.frozen(slots=True)
class LineFeatures:
    """What one line looks like, and how it relates to the rest of its document.

    Attributes:
        index: the line's number (0-based) in the text.
        start, end: its span in the text, without the line break.
        text: the line, white space stripped.
        n_chars: length of ``text``.
        n_words: number of words.
        case_shape: ``"upper"`` (all cased letters capitals), ``"title"`` (most words
            start with a capital), ``"sentence"`` (first word capitalised, most others
            not), ``"lower"``, ``"caseless"`` (no cased letters: CJK, digits) or ``"empty"``.
        capitalized_ratio: share of cased words that start with a capital.
        terminal: ends with sentence punctuation (``. ! ? …`` and their CJK forms).
        colon_end: ends with ``:`` or ``;``.
        trailing_number: ends with a bare number (``... 7``, ``1.2K``), as view counts do.
        separators: number of separator marks (``| » › · •`` and spaced dashes).
        overlap: share of the line's distinct words found in other lines (None when
            :func:`line_features` was asked for shapes only, ``overlap=False``).
        content_overlap: the same over content words only (see ``CONTENT_WORD_MIN_CHARS``);
            ``overlap`` when the line has no content words (None like ``overlap``).
        blank: the line holds only white space.
        n_ideographs: how many of its words are single Han ideographs or kana (the
            word pattern counts each of those characters as a word).
    """

    index: int
    start: int
    end: int
    text: str
    n_chars: int
    n_words: int
    case_shape: str
    capitalized_ratio: float
    terminal: bool
    colon_end: bool
    trailing_number: bool
    separators: int
    overlap: float | None
    content_overlap: float | None
    blank: bool
    n_ideographs: int = 0

    @property
    def word_length(self) -> float:
        """``n_words`` with ideographs and kana counting half a word each.

        Chinese and Japanese write a word in about two characters, which the word
        pattern counts one by one; halving them makes one length threshold mean
        the same in every script.
        """
        return self.n_words - self.n_ideographs / 2


# The content words among words written one per line (a word never holds a line break):
# CONTENT_WORD_MIN_CHARS characters or more, or opening with an ideograph, kana or Hangul.
_LONG_WORD_RE = re.compile(f"^.{{{CONTENT_WORD_MIN_CHARS},}}$", re.MULTILINE)
_CONTENT_WORD_RE = regex.compile(
    rf"^(?:.{{{CONTENT_WORD_MIN_CHARS},}}|{_IDEOGRAPH_RE.pattern}.*)$", regex.MULTILINE)


_FIRST = operator.itemgetter(0)


_CASELESS: re.Pattern[str] | None = None


def _caseless_letters() -> re.Pattern[str]:
    """A pattern matching the letters without case (``c.lower() == c.upper()``: Hebrew,
    Arabic, Indic scripts, ...) among the characters ``re`` handles (see
    :func:`~textnorm.text.words.re_agrees`). Built once per process from the running
    Python's own tables."""
    global _CASELESS
    if _CASELESS is None:
        chars = "".join(chr(cp) for lo, hi in FAST_RANGES for cp in range(lo, hi + 1))
        letters = re.findall(r"[^\W\d_]", chars)
        # (map/compress with C functions: this runs in every process that meets such text)
        caseless = compress(letters, map(operator.eq, map(str.lower, letters), map(str.upper, letters)))
        _CASELESS = re.compile(f"[{code_point_ranges(list(map(ord, caseless)))}]")
    return _CASELESS


def _case_shape(text: str, fast: bool) -> tuple[str, float]:
    found = (_FAST_CASED_WORD_RE if fast else _CASED_WORD_RE).findall(text)
    # A word of this pattern starts with a letter; when the line holds no caseless letter
    # (always so in ASCII), that letter has case, and so has the word: skip the test.
    # (map/compress with C functions: no Python frame per word.)
    if text.isascii() or (fast and (_CASELESS or _caseless_letters()).search(text) is None):
        cased = found
    else:
        cased = list(compress(found, map(operator.ne, map(str.lower, found), map(str.upper, found))))
    if not cased:
        return ("caseless" if text.strip() else "empty"), 0.0
    ratio = sum(map(str.isupper, map(_FIRST, cased))) / len(cased)
    letters = "".join(cased)
    if len(letters) >= 2 and letters.isupper():
        return "upper", ratio
    if len(cased) > 1 and ratio >= 0.6:
        return "title", ratio
    if cased[0][0].isupper():
        return "sentence", ratio
    return ("lower" if ratio == 0 else "sentence"), ratio


def line_features(text: str, *, overlap: bool = True) -> list[LineFeatures]:
    """The features of every line of ``text`` (blank lines included), in one pass.

    ``overlap=False``: the lines' shapes only. What relates a line to the rest of the
    document (``overlap``, ``content_overlap``) is left out (None), and with it about
    half of the cost and most of the memory: the folded vocabulary of every line.
    """
    # Cost: a few compiled-pattern passes per line and set operations in C; the per-word
    # Python work is done once per DISTINCT word of the document, not per occurrence.
    # What a line shows on its own is kept from the previous call (see _LineCache), so the
    # passes of one step and the steps of one chain, which see mostly the same lines, share it.
    spans = lines(text)
    fast = re_agrees(text)
    local = _LINE_CACHE.lookup([s.text for s in spans], fast=fast, vocabulary=overlap)
    if not overlap:
        return [_features(i, span, one, None, None) for i, (span, one) in enumerate(zip(spans, local, strict=True))]
    # Each line's vocabulary holds a word once, so counting over all of them counts lines.
    line_freq: Counter[str] = Counter(chain.from_iterable(map(_FIRST, local)))
    repeated = {w for w, n in line_freq.items() if n > 1}  # words found in more than one line
    # One pattern pass over the distinct words, one per line: long words by length alone,
    # short ones when they are ideographs (a text `re` agrees on holds none).
    content_words = set((_LONG_WORD_RE if fast else _CONTENT_WORD_RE).findall("\n".join(line_freq)))
    out = []
    for i, (span, one) in enumerate(zip(spans, local, strict=True)):
        v = one[0]
        content = content_words.intersection(v)
        share = len(repeated.intersection(v)) / len(v) if v else 0.0
        out.append(_features(i, span, one, share, len(content & repeated) / len(content) if content else share))
    return out


def _features(i: int, span: Span, one: tuple[Any, ...], overlap: float | None,
              content_overlap: float | None) -> LineFeatures:
    _, stripped, n_words, shape, ratio, terminal, colon_end, trailing_number, separators, n_ideographs = one
    return LineFeatures(
        index=i,
        start=span.start,
        end=span.end,
        text=stripped,
        n_chars=len(stripped),
        n_words=n_words,
        case_shape=shape,
        capitalized_ratio=ratio,
        terminal=terminal,
        colon_end=colon_end,
        trailing_number=trailing_number,
        separators=separators,
        overlap=overlap,
        content_overlap=content_overlap,
        blank=not stripped,
        n_ideographs=n_ideographs,
    )


class _LineCache:
    """The own features of the lines of the most recent :func:`line_features` call.

    A call reuses what the previous one computed for the lines they share, then keeps its
    own lines only. So memory stays at one document's worth, however long the document
    (an LRU of fixed size would thrash on a long one and cost time from that size on),
    and results never depend on the cache: each entry is a pure function of its line.
    Calls from several threads at once only lower the share of lines found.
    """

    def __init__(self) -> None:
        self._previous: dict[str, tuple[Any, ...]] = {}
        self._used = False

    def lookup(self, raw_lines: list[str], fast: bool = False, vocabulary: bool = True) -> list[tuple[Any, ...]]:
        """The own features of each of ``raw_lines``; ``fast``: ``re`` agrees on them all;
        ``vocabulary``: with each line's folded vocabulary (else it may be None)."""
        previous = self._previous
        current: dict[str, tuple[Any, ...]] = {}
        # One string object per distinct word across the lines' vocabularies: the cache
        # holds every line's vocabulary, and a word repeated on many lines would
        # otherwise be stored once per line.
        shared: dict[str, str] = {}
        out = []
        for raw in raw_lines:
            one = current.get(raw) or previous.get(raw)
            if one is None or (vocabulary and one[0] is None):
                one = _one_line(raw, fast, shared, vocabulary)
            current[raw] = one
            out.append(one)
        self._previous = current
        self._used = True
        return out

    def cache_clear(self) -> None:
        """Forget the kept lines (benchmarks call this between timed runs)."""
        self._previous = {}
        self._used = False

    def step_boundary(self) -> None:
        """Forget the kept lines unless the step that just ended used them.

        The pipeline calls this before each step. The lines pay off between steps that
        read features one after another, or when a step reads them again in the next
        round; kept through a step that never reads them, they only add to its memory.
        """
        if not self._used:
            self._previous = {}
        self._used = False


_LINE_CACHE = _LineCache()


def step_boundary() -> None:
    """Between two steps of a chain: let go of the lines kept by :func:`line_features`
    unless the step that just ended used them (the pipeline calls this)."""
    _LINE_CACHE.step_boundary()


def forget_lines() -> None:
    """Let go of every line kept by :func:`line_features` (the pipeline calls this when a
    document is done, so nothing of it stays in memory after it)."""
    _LINE_CACHE.cache_clear()


def _one_line(raw: str, fast: bool = False, shared: dict[str, str] | None = None, vocabulary: bool = True,
              ) -> tuple[tuple[str, ...] | None, str, int, str, float, bool, bool, bool, int, int]:
    """What a line shows on its own: its folded vocabulary (distinct words), stripped text, word count,
    case shape and ratio, terminal, colon end, trailing number, separators, ideographs.

    ``fast``: ``re`` agrees with ``regex`` on the line's characters (the results are the
    same either way); ``shared``: the word objects to reuse (see _LineCache.lookup);
    ``vocabulary`` False: no vocabulary (None), the words are only counted.
    """
    stripped = raw.strip()
    ascii_line = stripped.isascii()
    # Most lines of a text that `re` does not read as `regex` (one holding a Chinese
    # phrase) are read alike by both: a fast scan of the line spares them the slower engine.
    fast = fast or ascii_line or re_agrees(stripped)
    if not vocabulary:
        return (None, stripped, len(WORD_RE.findall(stripped)), *_own_shape(stripped, fast))
    folded = WORD_RE.findall(nfkc_casefold(raw))
    return (
        # Distinct words, as a tuple: a quarter of a set's memory, and the set operations
        # above take any iterable.
        tuple(dict.fromkeys(folded if shared is None else map(shared.setdefault, folded, folded))),
        stripped,
        # Case folding maps every character to characters of its own kind (letter or mark,
        # digit, ideograph or kana, other: tests/text/test_features.py checks all of
        # Unicode), so it keeps the words; only NFKC can change them.
        len(folded) if ascii_line or unicodedata.is_normalized("NFKC", raw) else len(WORD_RE.findall(stripped)),
        *_own_shape(stripped, fast),
    )


def case_shape(line: str) -> tuple[str, float]:
    """The case shape and the capitalised ratio of ``line`` (stripped of surrounding
    white space): :attr:`LineFeatures.case_shape` and
    :attr:`LineFeatures.capitalized_ratio`, for a caller that needs them for a few
    lines only."""
    return _case_shape(line, re_agrees(line))


def ends_sentence(line: str) -> bool:
    """Whether ``line`` (stripped of surrounding white space) ends with sentence-terminal
    punctuation (Latin, CJK full-width, Devanagari danda, Arabic question mark, ellipsis),
    closing quotes or brackets allowed after it: :attr:`LineFeatures.terminal`."""
    # The last character first: it spares most lines the scan.
    return line[-1:] in _TERMINAL_LAST and _SENTENCE_TERMINAL_END.match(line) is not None


def count_separators(line: str) -> int:
    """Separator marks in ``line`` (``| » › · • → / >`` and dashes with white space on
    both sides): :attr:`LineFeatures.separators`."""
    return 0 if _SEPARATOR_CHAR_RE.search(line) is None else len(_SEPARATOR_RE.findall(line))


def ends_with_colon(line: str) -> bool:
    """Whether ``line`` (stripped) ends with a colon or a semicolon, full-width ones
    included (a lead-in to a list or a quote): :attr:`LineFeatures.colon_end`."""
    return line.endswith(_COLON_ENDS)


def count_ideographs(line: str) -> int:
    """The words of ``line`` that are single Han ideographs or kana:
    :attr:`LineFeatures.n_ideographs`. Text on which ``re`` agrees with ``regex``
    (:func:`~textnorm.text.words.re_agrees`) holds none, so a caller that knows it may
    skip the count."""
    # Every Han or kana character is a word of its own (see WORD_RE), and no other word
    # holds one, so counting the characters counts those words.
    # Removing their runs counts them with one match a run, not a string a character.
    return len(line) - len(SINGLE_CHARACTER_RUN_RE.sub("", line))


def _own_shape(stripped: str, fast: bool) -> tuple[str, float, bool, bool, bool, int, int]:
    """Case shape and ratio, terminal, colon end, trailing number, separators, ideographs."""
    shape, ratio = _case_shape(stripped, fast)
    last = stripped[-1:]
    return (
        shape,
        ratio,
        ends_sentence(stripped),
        ends_with_colon(stripped),
        ((not last.isascii() or last.isdigit() or last in _NUMBER_LAST)
         and _TRAILING_NUMBER_END.match(stripped) is not None),
        count_separators(stripped),
        0 if fast else count_ideographs(stripped),  # `re` agreeing: none of those characters
    )
