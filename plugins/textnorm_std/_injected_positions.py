"""Where a token sits: the position classes of ``injected-tokens``.

Injected tokens are put where natural text does not put words: before the final
punctuation of a sentence that was already complete (``... the ferry Token.``), with a
space before that punctuation (``Token .``), glued after the end of a sentence
(``...the ferry.Token.``), as a one-word sentence after one (``...the ferry. Token.``), or
inside a word (``isl Token.nd`` for ``island``). This module looks at the characters around one
occurrence and names its position; it knows no words, only punctuation, spacing
and word boundaries, so it works for any script.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from textnorm.text import WORD_RE

TERMINALS = frozenset(".!?…。！？｡।॥؟‼")
"""Marks that end a sentence, in Latin, CJK, Devanagari and Arabic scripts."""

ODD_SPACED_TERMINALS = frozenset(".。｡")
"""Full stops: a space before one is never typography. (A space before ``?``, ``!``,
``:`` is French typography, so those count only as sentence-final.)"""

CJK_TERMINALS = frozenset("。！？｡")
"""Terminal marks of scripts written without spaces: what follows them may be a letter."""

CLOSERS = frozenset("\"'”’»)]」』）›")
"""Closing quotes and brackets that may follow a sentence's final punctuation."""

INLINE_SPACE = frozenset(" \t\u00a0\u3000")
"""White space that does not break a line."""

_LETTER_RE = regex.compile(r"\p{L}")

# Position classes of one occurrence.
NATURAL = "natural"
FINAL = "final"              # "... the ferry Token."  before the final punctuation of a sentence
SPACED = "spaced"            # "... the ferry Token ."  a space before a full stop
GLUED = "glued"              # "...ferry.Token."     glued after the end of a sentence
AFTER_END = "after_end"      # "...ferry. Token."    a one-word sentence after a sentence
IN_WORD = "in_word"          # "isl Token.nd"        splitting a word

STRONG_KINDS = frozenset({SPACED, GLUED, AFTER_END})
"""Positions natural text almost never produces (an in-word split is strong when confirmed)."""

DESCRIPTIONS = {
    FINAL: "before the final punctuation of a complete sentence",
    SPACED: "with a space before the final full stop",
    GLUED: "glued after the end of a sentence",
    AFTER_END: "as a one-word sentence after a complete sentence",
    IN_WORD: "splitting a word",
}


class Left(NamedTuple):
    """What precedes an occurrence starting at ``start`` on its line.

    ``ws_start`` is where the white space before it begins; ``kind`` is ``"line"``
    (line start), ``"end"`` (the end of a sentence) or ``"word"`` (anything else).
    (A named tuple, not an attrs class: one is made for every phrase the detector
    looks at, and a tuple is made several times faster.)
    """

    kind: str
    ws_start: int


class Right(NamedTuple):
    """What follows an occurrence ending at ``end``.

    ``kind`` is ``"final"`` (sentence punctuation follows, maybe after spaces),
    ``"split"`` (a single full stop then a letter: the right half of a split word)
    or ``"none"``. ``punct_start``/``punct_end`` bound the punctuation run;
    ``frag_end`` is the end of the right fragment of a split word. (A named tuple,
    as :class:`Left`.)
    """

    kind: str
    punct_start: int
    punct_end: int
    frag_end: int = -1

    def spaced(self, end: int) -> bool:
        """Whether white space separates the occurrence ending at ``end`` from the punctuation."""
        return self.punct_start > end


def left_of(text: str, start: int) -> Left:
    """Classify what precedes position ``start`` (same line only)."""
    ws = start
    while ws > 0 and text[ws - 1] in INLINE_SPACE:
        ws -= 1
    if ws == 0 or text[ws - 1] in "\n\r":
        return Left("line", ws)
    # A sentence end may be followed by closing quotes: 'said.” Token.'
    k = ws
    while k > 0 and text[k - 1] in CLOSERS:
        k -= 1
    if k > 0 and text[k - 1] in TERMINALS and not _is_ellipsis(text, k - 1):
        return Left("end", ws)
    return Left("word", ws)


def _is_ellipsis(text: str, i: int) -> bool:
    """Whether the mark at ``i`` belongs to an ellipsis ("…", ".." or more), which
    continues a thought ("Move from here..." / "...to there") rather than ending it."""
    if text[i] == "…":
        return True
    return text[i] == "." and (i > 0 and text[i - 1] == "." or i + 1 < len(text) and text[i + 1] == ".")


def right_of(text: str, end: int) -> Right:
    """Classify what follows position ``end`` (same line only)."""
    n = len(text)
    p = end
    while p < n and text[p] in INLINE_SPACE:
        p += 1
    if p >= n or text[p] not in TERMINALS:
        return Right("none", p, p)
    q = p
    while q < n and text[q] in TERMINALS:
        q += 1
    if all(c in ".…" for c in text[p:q]) and (q - p > 1 or text[p] == "…"):
        return Right("none", p, q)  # an ellipsis: the thought goes on
    if q >= n or text[q].isspace() or text[q] in CLOSERS:
        return Right("final", p, q)
    if any(c in CJK_TERMINALS for c in text[p:q]):
        return Right("final", p, q)  # scripts without spaces go on right after a full stop
    if q - p == 1 and text[p] == "." and _LETTER_RE.match(text, q):
        m = WORD_RE.match(text, q)
        return Right("split", p, q, m.end() if m else q)
    return Right("none", p, q)  # "../dir", "3.5", "a.b": not a sentence end


def classify(text: str, start: int, end: int, right: Right | None = None) -> tuple[str, Left, Right]:
    """The position class of the occurrence ``text[start:end]`` and its two contexts
    (``right``: ``right_of(text, end)`` when the caller has it already)."""
    left = left_of(text, start)
    if right is None:
        right = right_of(text, end)
    if right.kind == "split":
        return IN_WORD, left, right
    if right.kind != "final":
        return NATURAL, left, right
    if left.kind == "end":
        return (GLUED if left.ws_start == start else AFTER_END), left, right
    if right.spaced(end) and text[right.punct_start] in ODD_SPACED_TERMINALS:
        return SPACED, left, right
    return FINAL, left, right
