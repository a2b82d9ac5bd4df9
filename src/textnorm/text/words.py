"""Words: runs of letters, combining marks and digits, in any script.

An apostrophe between letters keeps a word whole (``don't``, ``l'eau``,
``Pakistan’s``-shaped possessives). Han ideographs and kana are one word each,
since those scripts do not separate words with spaces.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .spans import Span

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
WORD_RE = regex.compile(
    rf"[{_CJK}]|[[\p{{L}}\p{{M}}\p{{N}}]--[{_CJK}]]+(?:['’][[\p{{L}}\p{{M}}]--[{_CJK}]]+)*",
    regex.V1,
)
"""The compiled word pattern; ``WORD_RE.finditer(text)`` is the fastest way through a text."""


def iter_words(text: str) -> Iterator[regex.Match[str]]:
    """Match objects of the words of ``text``, in order."""
    return WORD_RE.finditer(text)


def words(text: str) -> list[str]:
    """The words of ``text`` as strings, in order."""
    return WORD_RE.findall(text)


def word_spans(text: str) -> list[Span]:
    """The words of ``text`` with their offsets."""
    return [Span(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
