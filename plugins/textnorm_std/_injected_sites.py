"""Where a candidate token can end, and which of those places deserve a close look.

Every candidate ends right before sentence punctuation, so one ``split`` of the
reversed text on a pattern that starts with the punctuation finds every place and
the word before it (no word pattern over the whole text, no Python object per word:
the offsets come from the lengths of the pieces). The detector then looks closely
only at the places whose last word could belong to an injected token, by conditions
that are *necessary* for the judgement in :mod:`._injected_detect` and cost a few
string operations each:

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
from itertools import accumulate, compress
from typing import NamedTuple

import regex

from textnorm.text.words import re_agrees

from ._injected_positions import (
    CJK_TERMINALS,
    CLOSERS,
    INLINE_SPACE,
    ODD_SPACED_TERMINALS,
    TERMINALS,
)
from ._injected_words import (
    CJK,
    WORD_CHAR_RE,
    chunk_start,
    is_word_char,
    last_word_start,
    line_pieces,
)

_T = re.escape("".join(sorted(TERMINALS)))
_S = re.escape("".join(sorted(INLINE_SPACE)))
_TERMINAL_RUN_RE = re.compile(f"[{_T}]+")
_LEAD = "".join(sorted(CLOSERS | INLINE_SPACE))


# On the reversed text: a run of sentence punctuation (from its last mark: no mark
# follows it) and inline spaces; the word before them, if there is one; an apostrophe
# if one precedes. Possessive, so that no run or word is tried twice. The word before
# the punctuation is one CJK character or the run of other letters, marks and digits,
# unless an apostrophe precedes that run ("l'eau", "ab'c1": then the word pattern
# decides). Every run of punctuation matches, with a word or not, so that the text
# between two matches holds none. ``re`` runs it 2x faster where it sees letters and
# digits as ``regex`` does (``re_agrees``: no marks, ideographs or kana). The groups
# and the text between matches make up the whole text, so ``split`` gives every offset
# by their lengths.
_SITE_BACK_RE = re.compile(rf"([{_T}](?<![{_T}][{_T}])[{_T}]*+[{_S}]*+)([^\W_]*+)(['’]?)")
_SITE_BACK_FULL_RE = regex.compile(
    rf"([{_T}](?<![{_T}][{_T}])[{_T}]*+[{_S}]*+)((?:[{CJK}]|[[\p{{L}}\p{{M}}\p{{N}}]--[{CJK}]]++)?)(['’]?)",
    regex.V1)


def _site_pattern(text: str) -> re.Pattern[str] | regex.Pattern[str]:
    return _SITE_BACK_RE if re_agrees(text) else _SITE_BACK_FULL_RE


# For counting the places that close a sentence (``right_of`` says "final"), on the
# reversed text, a pattern that starts with the punctuation as the one above: the run
# of sentence punctuation from its last mark (the text's order), which white space, a
# closer or the end of the text follows, and which is no ellipsis ("…", "..", ".…");
# or a run holding a terminal of a script without spaces (followed by anything); then
# the inline spaces and the first character of the word before (a letter, mark or
# digit). ``str.isspace`` decides white space in ``right_of``: the same characters here.
_WS = "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x3001)) if c.isspace())
_C = re.escape("".join(sorted(CLOSERS)))
_J = re.escape("".join(sorted(CJK_TERMINALS)))
_FINAL_BACK = (rf"[{_T}](?<![{_T}][{_T}])"
               rf"(?:(?<![^{_WS}{_C}][{_T}])(?!(?<=…)[.…]*+(?![{_T}])|(?<=\.)[.…]++(?![{_T}]))"
               rf"|(?<=[{_J}])|(?=[{_T}]*?[{_J}]))"
               rf"[{_T}]*+[{_S}]*+")
_FINAL_BACK_RE = re.compile(_FINAL_BACK + r"[^\W_]")
_FINAL_BACK_FULL_RE = regex.compile(_FINAL_BACK + r"[\p{L}\p{M}\p{N}]")
# A full stop that a letter follows and a letter, mark, digit or inline space precedes:
# maybe a split word (``right_of`` says "split"), checked one by one (they are few).
_SPLIT_RE = re.compile(rf"\.(?<=[^\W_]\.|[{_S}]\.)(?=[^\W\d_])")
_SPLIT_FULL_RE = regex.compile(rf"\.(?<=[\p{{L}}\p{{M}}\p{{N}}{_S}]\.)(?=\p{{L}})")


def count_final_places(text: str) -> int:
    """How many of the places of :func:`sentence_end_words` (``min_count`` 1) close a
    sentence or split a word after a space and a word: ``right_of`` says "final", or
    "split" and ``left_of`` the word's start says "word", white space before it and a
    word character before that (the places ``_occurrence`` can make a split of).

    Compiled passes instead of a look at each place (tests/plugins/test_injected_words.py
    checks the count against that definition)."""
    fast = re_agrees(text)
    final, split = (_FINAL_BACK_RE, _SPLIT_RE) if fast else (_FINAL_BACK_FULL_RE, _SPLIT_FULL_RE)
    n = 0
    for a, b in line_pieces(text):
        n += len(final.findall(text[a:b][::-1]))
    for m in split.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in INLINE_SPACE:
            end -= 1
        if end == 0 or not is_word_char(text, end - 1):
            continue
        start = last_word_start(text, end)
        ws = start
        while ws > 0 and text[ws - 1] in INLINE_SPACE:
            ws -= 1
        if 0 < ws < start and is_word_char(text, ws - 1):
            n += 1
    return n


def sentence_ends(text: str) -> list[int]:
    """The ends of the words that sentence punctuation follows (after inline spaces):
    every place where a candidate can end."""
    ends: list[int] = []
    spaces = INLINE_SPACE
    word_char = WORD_CHAR_RE.match
    for m in _TERMINAL_RUN_RE.finditer(text):
        e = m.start()
        while e and text[e - 1] in spaces:
            e -= 1
        if e:
            c = text[e - 1]
            if c.isalnum() if c.isascii() else word_char(c):
                ends.append(e)
    return ends


class Places(NamedTuple):
    """Places where a candidate can end, in the order of the text: the end and the start
    of the word that sentence punctuation follows, and the end of the sentence
    punctuation before that word (0 if none)."""

    ends: list[int]
    starts: list[int]
    before: list[int]


def sentence_end_words(text: str, min_count: int = 1) -> Places:
    """The words that sentence punctuation follows (their ends as :func:`sentence_ends`);
    only those that end at least ``min_count`` sentences (the others cannot lead to a
    candidate).

    One ``split`` of each reversed piece of the text (``line_pieces``: a site never
    spans a line break) and list operations: no Python work per place (except after an
    apostrophe, where the word pattern decides). The split of the whole text at once
    held a copy of it and four strings per place: ten times the text at its peak.
    """
    pattern = _site_pattern(text)  # chosen for the whole text, whatever the piece holds
    words: list[str] = []  # reversed; "" after punctuation that follows no word
    ends: list[int] = []
    starts: list[int] = []
    before: list[int] = []
    last_end = 0  # the end of the last sentence punctuation of the pieces so far
    for a, b in line_pieces(text):
        parts = pattern.split(text[a:b][::-1])
        if len(parts) == 1:
            continue  # no sentence punctuation in the piece
        piece_words = parts[2::4]
        # Offsets in the reversed piece: position p there is b - p in the text.
        offsets = list(accumulate(map(len, parts)))
        word_starts = offsets[1::4]  # where each word begins in the reversed piece...
        word_ends = offsets[2::4]  # ...and ends
        # The punctuation before a word is the next match's (for the piece's first
        # word, the last of the pieces before).
        previous = offsets[4::4]
        if any(parts[3::4]):
            for i, apostrophe in enumerate(parts[3::4]):
                if apostrophe and piece_words[i]:
                    end = b - word_starts[i]
                    start = last_word_start(text, end)
                    word_ends[i] = b - start
                    piece_words[i] = text[start:end][::-1]
        words += reversed(piece_words)
        ends += [b - x for x in reversed(word_starts)]
        starts += [b - x for x in reversed(word_ends)]
        before.append(last_end)
        before += [b - x for x in reversed(previous[:-1])]
        last_end = b - offsets[0]
    if not any(words):
        return Places([], [], [])
    if min_count > 1:
        frequent = {w for w, c in Counter(words).items() if c >= min_count and w}
        keep = list(map(frequent.__contains__, words))
    else:
        keep = list(map(bool, words))
    return Places(*(list(compress(x, keep)) for x in (ends, starts, before)))


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


def worth_a_look(text: str, places: Places, *, min_anomalous: int, need_odd: int,
                 plain_min_anomalous: int, max_words: int) -> list[int]:
    """Indices of the places whose last word passes the necessary conditions of the
    module docstring."""
    ends, starts, before = places
    keys = [text[s:e] for s, e in zip(starts, ends)]
    counts = Counter(keys)
    odd: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    accepted = set()
    frequent = []
    for i, key in enumerate(keys):
        if counts[key] < min_anomalous:
            continue
        frequent.append(i)
        if key in accepted:
            continue
        s, e = starts[i], ends[i]
        if _odd_possible(text, s, e, before[i], max_words):
            odd[key] += 1
            if odd[key] >= need_odd:
                accepted.add(key)
                continue
        # A lower-case word after a space starts no capitalised token (the usual case).
        if (key[0].isupper() or text[s - 1] not in INLINE_SPACE) and _plain_possible(text, s, e):
            plain[key] += 1
            if plain[key] >= plain_min_anomalous:
                accepted.add(key)
    return [i for i in frequent if keys[i] in accepted]
