"""Words: runs of letters, combining marks and digits, in any script.

An apostrophe between letters keeps a word whole (``don't``, ``l'eau``,
``Pakistan’s``-shaped possessives). Han ideographs and kana are one word each,
since those scripts do not separate words with spaces.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

import regex

from .spans import Span

SINGLE_CHARACTER_WORDS = r"\p{Han}\p{Hiragana}\p{Katakana}"
"""The scripts whose every character is a word of its own (as a ``regex`` character-class
body): they do not separate words with spaces."""
_CJK = SINGLE_CHARACTER_WORDS
_FULL_WORD_RE = regex.compile(
    rf"[{_CJK}]|[[\p{{L}}\p{{M}}\p{{N}}]--[{_CJK}]]+(?:['’][[\p{{L}}\p{{M}}]--[{_CJK}]]+)*",
    regex.V1,
)

# The same words, for text in which the standard library's `re` finds them too: `re` runs
# this 3x faster than `regex` runs the pattern above, but knows no Unicode properties.
# `[^\W_]` is "alphanumeric", `[^\W\d_]` the same without decimal digits. They agree with
# the classes above on most characters, not on combining marks (not alphanumeric for
# `re`), ideographs and kana (one word each above) and a few numerals; a text holding none
# of those has the same words under both (`_fast_safe` decides, a test checks it).
_FAST_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
_FAST_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")

FAST_RANGES = ((0x80, 0x2DFF), (0x3130, 0x318F), (0xAC00, 0xD7A3))
"""The non-ASCII code points where ``re`` may stand in for ``regex`` (see :func:`re_agrees`):
scripts written with spaces, up to the CJK blocks, and Hangul. Everything else (rarer
scripts, emoji sequences, private use) takes the full pattern, which is always right."""


class WordPattern:
    """The word pattern: :meth:`findall` and :meth:`finditer` as a compiled pattern has them,
    and :meth:`count`.

    Whole-text passes take the fastest engine that gives the same words for that
    text: a plain ASCII pattern for ASCII text, the standard library's ``re`` for text in
    scripts where it agrees with Unicode properties, ``regex`` otherwise. Every other
    attribute (``match``, ``sub``, ``pattern``, ...) is the ``regex`` pattern's.
    """

    __slots__ = ()

    @staticmethod
    def _engine(text: str) -> Any:
        if text.isascii():  # O(1): CPython flags ASCII strings
            return _FAST_ASCII_WORD_RE
        if re_agrees(text):
            return _FAST_WORD_RE
        return _FULL_WORD_RE

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        """The words of ``string`` (from ``pos`` to ``endpos``) as strings, in order."""
        if pos or endpos != sys.maxsize:
            return _FULL_WORD_RE.findall(string, pos, endpos)
        engine = self._engine(string)
        if engine is _FULL_WORD_RE:
            return _findall_around_runs(string)
        return engine.findall(string)  # type: ignore[no-any-return]

    def count(self, string: str) -> int:
        """The number of words of ``string``, without making a string of each."""
        return self._engine(string).subn("", string)[1]  # type: ignore[no-any-return]

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        """Match objects of the words of ``string``, in order (``regex`` or ``re`` matches:
        both have ``group``, ``start``, ``end`` and ``span``)."""
        if pos or endpos != sys.maxsize:
            return _FULL_WORD_RE.finditer(string, pos, endpos)  # type: ignore[no-any-return]
        return self._engine(string).finditer(string)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(_FULL_WORD_RE, name)

    def __repr__(self) -> str:
        return f"WordPattern({_FULL_WORD_RE.pattern!r})"


SINGLE_CHARACTER_RUN_RE = regex.compile(f"[{SINGLE_CHARACTER_WORDS}]+")
"""Runs of the characters that are words on their own (ideographs, kana)."""
_SINGLE_CHARACTER_RUN_SPLIT_RE = regex.compile(f"({SINGLE_CHARACTER_RUN_RE.pattern})")  # ``split`` keeps the runs


def _findall_around_runs(text: str) -> list[str]:
    """``_FULL_WORD_RE.findall(text)``, faster on text holding ideographs or kana.

    The full engine makes a match of each such character. No other word holds one, so
    the words are those of the stretches between their runs (each found by the fastest
    engine the stretch allows: most lines of a mixed text need not the full one) and the
    runs' characters, in order.
    """
    parts = _SINGLE_CHARACTER_RUN_SPLIT_RE.split(text)
    if len(parts) == 1:
        return _FULL_WORD_RE.findall(text)  # type: ignore[no-any-return]
    found: list[str] = []
    for k, part in enumerate(parts):
        if k % 2:
            found.extend(part)  # each character of a run is a word
        elif part:
            found.extend(WordPattern._engine(part).findall(part))
    return found


_UNSAFE: re.Pattern[str] | None = None


def _fast_unsafe() -> re.Pattern[str]:
    """The pattern of :func:`_build_unsafe`, built once per process (like a pattern
    compiled at import, it is no cache to empty between runs)."""
    global _UNSAFE
    if _UNSAFE is None:
        _UNSAFE = _build_unsafe()
    return _UNSAFE


def _build_unsafe() -> re.Pattern[str]:
    """A pattern matching any character on which the fast pattern could find other words.

    Built on first use from the two engines' own Unicode tables (so it holds whatever
    Unicode versions the running Python and ``regex`` know): a character is safe when the
    fast and the full pattern agree on it as a word character and as a letter after an
    apostrophe, and it is not an ideograph or kana. About 20 ms, once per process.
    """
    chars = "".join(chr(cp) for lo, hi in FAST_RANGES for cp in range(lo, hi + 1))

    def members(pattern: Any) -> set[str]:
        return set(pattern.findall(chars))

    run_full = members(regex.compile(rf"[[\p{{L}}\p{{M}}\p{{N}}]--[{_CJK}]]", regex.V1))
    tail_full = members(regex.compile(rf"[[\p{{L}}\p{{M}}]--[{_CJK}]]", regex.V1))
    cjk = members(regex.compile(rf"[{_CJK}]"))
    run_fast = members(re.compile(r"[^\W_]"))
    tail_fast = members(re.compile(r"[^\W\d_]"))
    unsafe = (run_full ^ run_fast) | (tail_full ^ tail_fast) | cjk
    safe = [ord(c) for c in chars if c not in unsafe]
    return re.compile(f"[^\\x00-\\x7f{code_point_ranges(safe)}]")


def code_point_ranges(code_points: list[int]) -> str:
    """A character-class body (for ``re`` or ``regex``) matching the sorted ``code_points``,
    as escaped ranges."""
    out = []
    start = prev = None
    for cp in [*code_points, None]:
        if cp is not None and prev is not None and cp == prev + 1:
            prev = cp
            continue
        if start is not None and prev is not None:
            out.append(f"\\U{start:08x}" if start == prev else f"\\U{start:08x}-\\U{prev:08x}")
        start = prev = cp
    return "".join(out)


def re_agrees(text: str) -> bool:
    """Whether the standard library's ``re`` sees the characters of ``text`` as ``regex``
    does: ``[^\\W_]`` as letters and digits, ``[^\\W\\d_]`` as letters, no combining marks,
    ideographs or kana. Patterns for such text may use ``re``, which is faster."""
    return text.isascii() or (_UNSAFE or _fast_unsafe()).search(text) is None


WORD_RE = WordPattern()
"""The word pattern; ``WORD_RE.findall(text)`` / ``WORD_RE.finditer(text)`` are the fastest
ways through a text (see :class:`WordPattern`)."""


def iter_words(text: str) -> Iterator[Any]:
    """Match objects of the words of ``text``, in order."""
    return WORD_RE.finditer(text)


def words(text: str) -> list[str]:
    """The words of ``text`` as strings, in order."""
    return WORD_RE.findall(text)


def word_spans(text: str) -> list[Span]:
    """The words of ``text`` with their offsets."""
    return [Span(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
