"""Words near a position, without indexing every word of the text.

``injected-tokens`` looks at a few words before each sentence end, and at the
occurrences of a handful of tokens. Segmenting the whole text with ``WORD_RE`` costs
a pattern match and Python objects for every word; these helpers segment only the run
of word characters around a position, and give exactly the words ``WORD_RE`` finds
over the whole text.

Why that is exact: a word of ``WORD_RE`` holds only letters, marks, digits and
apostrophes, so a character that is none of these (a space, a punctuation mark) is
never inside a word, and ``WORD_RE`` started right after one finds the same words as
over the whole text. Such a stretch of letters, marks, digits and apostrophes between
two other characters is called a *chunk* here; most chunks are one word.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textnorm.text import WORD_RE
from textnorm.text.words import SINGLE_CHARACTER_WORDS as CJK

# CJK: the scripts ``WORD_RE`` takes one character at a time
# (tests/plugins/test_injected_words.py checks the helpers against ``WORD_RE``).

PIECE_CHARS = 1 << 14
"""Characters of text a whole-text pass takes at once where it makes an object per word
or per sentence: the list of every word of a long text weighs ten times the text."""


def line_pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` of about ``PIECE_CHARS`` characters,
    each cut after a line break (``\\n``): no word, and no sentence punctuation with the
    inline spaces and the word before it, spans one."""
    start, n = 0, len(text)
    while start < n:
        cut = text.find("\n", start + PIECE_CHARS)
        end = n if cut < 0 else cut + 1
        yield start, end
        start = end


_CHUNK = r"\p{L}\p{M}\p{N}'’"
_CHUNK_BACK_RE = regex.compile(rf"[{_CHUNK}]+", regex.REVERSE | regex.V1)
_CHUNK_FWD_RE = regex.compile(rf"[{_CHUNK}]*", regex.V1)
_GAP_BACK_RE = regex.compile(rf"[^{_CHUNK}]*", regex.REVERSE | regex.V1)
# The last word before a position when no apostrophe precedes it: one CJK character,
# or the run of other letters, marks and digits.
_LAST_WORD_BACK_RE = regex.compile(rf"[{CJK}]|[[\p{{L}}\p{{M}}\p{{N}}]--[{CJK}]]+", regex.REVERSE | regex.V1)
WORD_CHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}]")
"""A letter, mark or digit: a character of some word."""
_CHUNK_CHAR_RE = regex.compile(rf"[{_CHUNK}]", regex.V1)
_CJK_RE = regex.compile(rf"[{CJK}]")
# A word character then a letter or mark (not CJK): the two are always in one word
# (a run of word characters, or the letters after an apostrophe, goes on).
_INSIDE_RE = regex.compile(rf"[[\p{{L}}\p{{M}}\p{{N}}]--[{CJK}]][[\p{{L}}\p{{M}}]--[{CJK}]]", regex.V1)

APOSTROPHES = "'’"


def is_word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a letter, mark or digit (a character of some word)."""
    c = text[i]
    if c.isascii():
        return c.isalnum()
    return WORD_CHAR_RE.match(c) is not None


def words_back(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the words ending at or before ``pos``, the last first.

    ``pos`` must not be inside a word (a word start or end, or outside any word)."""
    i = pos
    while i > 0:
        i = _GAP_BACK_RE.match(text, 0, i).start()
        if i == 0:
            return
        c0 = _CHUNK_BACK_RE.match(text, 0, i).start()
        spans = [m.span() for m in WORD_RE.finditer(text, c0, i)]
        yield from reversed(spans)
        i = c0


def word_before(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the last word ending at or before ``pos`` (the first of
    :func:`words_back`), or None. ``pos`` must not be inside a word.

    Without a pass over the words of its chunk where the chunk ends in a letter, mark or
    digit: that character's word ends there (every such character is in a word, and a
    chunk's end ends it), so :func:`last_word_start` finds it."""
    i = _GAP_BACK_RE.match(text, 0, pos).start()
    if i == 0:
        return None
    if text[i - 1] in APOSTROPHES:
        return next(words_back(text, pos), None)  # no word ends at i: segment
    return last_word_start(text, i), i


def last_word_start(text: str, end: int) -> int:
    """Start of the word that ends at ``end`` (which must be a word's end)."""
    s = _LAST_WORD_BACK_RE.match(text, 0, end).start()
    if s > 0 and text[s - 1] in APOSTROPHES:
        # Letters after an apostrophe may belong to the word before it ("l'eau"): segment.
        for start, _ in words_back(text, end):
            return start
    return s


def chunk_start(text: str, end: int) -> int:
    """Start of the chunk (letters, marks, digits, apostrophes) that ends at ``end``."""
    return _CHUNK_BACK_RE.match(text, 0, end).start()


def _chunk_words(text: str, i: int) -> list[tuple[int, int]]:
    """The words of the chunk holding ``text[i]``."""
    c0 = _CHUNK_BACK_RE.match(text, 0, i + 1).start()
    c1 = _CHUNK_FWD_RE.match(text, i).end()
    return [m.span() for m in WORD_RE.finditer(text, c0, c1)]


def is_word_start(text: str, s: int) -> bool:
    """Whether a word starts at ``s`` (``text[s]`` being a word character)."""
    if s == 0 or not _CHUNK_CHAR_RE.match(text, s - 1) or _CJK_RE.match(text, s):
        return True
    if _INSIDE_RE.match(text, s - 1):
        return False
    return any(ws == s for ws, _ in _chunk_words(text, s))


def is_word_end(text: str, e: int) -> bool:
    """Whether a word ends at ``e`` (``text[e - 1]`` being a word character)."""
    if e >= len(text) or not _CHUNK_CHAR_RE.match(text, e) or _CJK_RE.match(text, e - 1):
        return True
    if _INSIDE_RE.match(text, e - 1):
        return False
    return any(we == e for _, we in _chunk_words(text, e - 1))


def phrase_starts(text: str, token: str) -> list[int]:
    """Where ``token`` (a sequence of whole words, as cut from this text) occurs as
    whole words: it starts at a word start and ends at a word end. Overlapping
    occurrences count ("ha ha" twice in "ha ha ha")."""
    out = []
    n = len(token)
    i = text.find(token)
    while i >= 0:
        if is_word_start(text, i) and is_word_end(text, i + n):
            out.append(i)
        i = text.find(token, i + 1)
    return out


MAX_GLUED = 6
"""Longest run of words written without spaces (CJK characters) taken as one word of a phrase."""



def phrases_ending_at(text: str, start: int, end: int, max_words: int
                      ) -> Iterator[tuple[int, tuple[int, int] | None]]:
    """The tight phrases ending with the word ``text[start:end]``: (first word's start,
    the span of the word before it or None), of at most ``max_words`` words written
    with single spaces; a run of words written without spaces (CJK) counts as one
    word of up to ``MAX_GLUED`` characters."""
    cur_start = start
    prev = word_before(text, start)
    units = glued = 1
    yield cur_start, prev
    while prev is not None:
        gap_start = prev[1]
        if gap_start == cur_start:
            glued += 1
            if glued > MAX_GLUED:
                return
        elif gap_start + 1 == cur_start and text[gap_start] == " ":
            units, glued = units + 1, 1
            if units > max_words:
                return
        else:
            return  # not written tight against the word before
        cur_start = prev[0]
        prev = word_before(text, cur_start)
        yield cur_start, prev
