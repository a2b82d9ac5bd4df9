"""Where a candidate token can end, and which of those places deserve a close look.

Every candidate ends right before sentence punctuation, so one scan for the
punctuation (the standard library's ``re`` on a literal class: no word pattern, no
Python object per word) finds every place. The detector then looks closely only at
the places whose last word could belong to an injected token, by conditions that are
*necessary* for the judgement in :mod:`._injected_detect` and cost a few string
operations each:

* the anomalous occurrences of a token all end with the same word before sentence
  punctuation, so that word must end at least ``min_anomalous`` sentences;
* the odd route needs ``max(min_strong, min_kinds)`` odd occurrences, each of them at
  a place where the punctuation is spaced (``Token .``), may split a word
  (``Token.nd``), or where a sentence end comes at most ``max_words`` words before
  (``ferry. Token.``, ``ferry.Token.``);
* the plain route needs ``plain_min_anomalous`` occurrences of a capitalised token
  after a space.

A last word that fails all of these cannot lead to a judged token, so skipping its
places changes no result; most documents have no place left after this.
"""

from __future__ import annotations

import re
from collections import Counter

from ._injected_positions import CJK_TERMINALS, CLOSERS, INLINE_SPACE, ODD_SPACED_TERMINALS, TERMINALS
from ._injected_words import WORD_CHAR_RE as _WORD_CHAR_RE
from ._injected_words import chunk_start

_TERMINAL_RUN_RE = re.compile("[" + re.escape("".join(sorted(TERMINALS))) + "]+")
_LEAD = "".join(sorted(CLOSERS | INLINE_SPACE))


def sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """The ends of the words that sentence punctuation follows (after inline spaces),
    and for each the end of the sentence punctuation before it (0 if none)."""
    ends: list[int] = []
    before: list[int] = []
    prev = 0
    spaces = INLINE_SPACE
    word_char = _WORD_CHAR_RE.match
    for m in _TERMINAL_RUN_RE.finditer(text):
        p, q = m.span()
        e = p
        while e and text[e - 1] in spaces:
            e -= 1
        if e:
            c = text[e - 1]
            if c.isalnum() if c.isascii() else word_char(c):
                ends.append(e)
                before.append(prev)
        prev = q
    return ends, before


def _odd_possible(text: str, start: int, end: int, prev_end: int, max_words: int) -> bool:
    """Whether a phrase ending with the word ``text[start:end]`` could stand in an odd position."""
    n = len(text)
    p = end
    while p < n and text[p] in INLINE_SPACE:
        p += 1
    if p > end and text[p] in ODD_SPACED_TERMINALS:
        return True  # "Token ."
    if text[p] == "." and p + 1 < n and not text[p + 1].isspace():
        return True  # "Token.nd": maybe a split word
    if prev_end == 0:
        return False  # no sentence end before it
    # "ferry. Token." / "ferry.Token.": only closers, spaces and a phrase of at most
    # max_words words (single spaces) between the sentence end and this word.
    between = text[prev_end:start]
    if "\n" in between or "\r" in between:
        return False
    rest = between.lstrip(_LEAD)
    if rest.count(" ") >= max_words:
        return False
    # Glued right after a full stop of a script without spaces is how those scripts
    # start every sentence: not odd (see _injected_detect._odd_kind).
    return not (text[prev_end - 1] in CJK_TERMINALS and not any(
        c in INLINE_SPACE for c in between[:len(between) - len(rest)]))


def _plain_possible(text: str, start: int, end: int) -> bool:
    """Whether a capitalised token without white space, after a word and a space,
    could end with the word ``text[start:end]``: such a token starts where the run of
    word characters holding this word starts, and that run follows an inline space."""
    c0 = start
    if start and text[start - 1] not in INLINE_SPACE:
        c0 = chunk_start(text, end)
    return c0 > 0 and text[c0 - 1] in INLINE_SPACE and text[c0].isupper()


def worth_a_look(text: str, ends: list[int], starts: list[int], before: list[int], *,
                 min_anomalous: int, need_odd: int, plain_min_anomalous: int, max_words: int) -> list[int]:
    """Indices of the places (``ends[i]``, last word ``text[starts[i]:ends[i]]``) whose
    last word passes the necessary conditions of the module docstring."""
    keys = [text[s:e] for s, e in zip(starts, ends)]
    counts = Counter(keys)
    odd: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    frequent = []
    for i, key in enumerate(keys):
        if counts[key] < min_anomalous:
            continue
        frequent.append(i)
        s = starts[i]
        if _odd_possible(text, s, ends[i], before[i], max_words):
            odd[key] += 1
        if _plain_possible(text, s, ends[i]):
            plain[key] += 1
    return [i for i in frequent if odd[keys[i]] >= need_odd or plain[keys[i]] >= plain_min_anomalous]
