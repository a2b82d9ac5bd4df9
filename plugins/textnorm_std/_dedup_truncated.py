"""Truncated copies for ``dedup-blocks``: a line cut off with an ellipsis that repeats the
beginning of another line of the document (a teaser link ``Discuss: <title>...``, a
``Read more: <first words of a paragraph>…``).

A line is a *truncated copy* of another when

* it ends in a truncation mark (``...``, ``…``, ``⋯``), possibly followed by closing
  punctuation (brackets, quotes);
* its words, after at most a short leading label (``Discuss:``, ``Weiterlesen:``,
  ``[Video]``, ``続きを読む：``) are the first words of the other line, the last of them
  possibly cut (a prefix of the other line's word at that place);
* at least ``min_words`` whole words are in common;
* the other line is longer (it continues after the truncated copy's words).

It then says nothing the other line does not, but for its label. The two may stand in any
order and at any distance. Words are :data:`textnorm.text.WORD_RE`'s after NFKC and case
folding: in scripts written without spaces each ideograph or kana is one word.

Cost: a candidate must end in a truncation mark, found by one search over the text; when
there is none (most documents) nothing more is done. Otherwise the lines whose first word
is some candidate's first word are sorted by their words once, and each candidate is
looked up by bisection: the lines that begin with a sequence of words, the last one
possibly cut, lie next to each other in that order. No pair of lines is compared unless
one begins with the other's words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import attrs
import regex

from textnorm.text import WORD_RE, nfkc_casefold

from ._dedup_lines import Unit

TRUNCATED = "truncated copy"
"""The note of a truncated copy's removal (its reason is worded apart, see ``_dedup_edits``)."""

_MARK_AT_END_RE = regex.compile(r"(?:\.\.\.|[…⋯]|．．．)[\p{Pe}\p{Pf}\"'\s]*\Z")
"""A (stripped) line ending in a truncation mark, possibly followed by closing brackets
and quotes (``(more…)``, ``“A title...”``, ``[...]``)."""

_TAIL = 32
"""Characters at the end of a line in which its truncation mark and closers are looked
for: the search costs the same for a long line as for a short one."""

_SEPARATOR_RE = regex.compile(r"[:：]|\s[|¦»›•·/–—-](?=\s)|(?P<close>\p{Pe})")
"""Where a leading label may end: a colon, a spaced separator (``Video | ...``,
``News » ...``, ``Blog - ...``), or the closing bracket of a bracketed lead
(``[Video] ...``, ``【関連】...``; only when the line starts with an opening bracket)."""

_OPENS_RE = regex.compile(r"\p{Ps}")


@attrs.frozen
class Truncated:
    """One truncated copy: the unit, the unit it is a copy of, the words in common, and
    the label before them ("" when none)."""

    unit: int
    full: int
    common: int
    label: str

    @property
    def note(self) -> str:
        """What the reason of its removal says about it (after "truncated copy")."""
        label = f", after the label {self.label!r}" if self.label else ""
        return f"{TRUNCATED}: its first {self.common} words{label}"


def _variants(raw: str, max_label_tokens: int, max_label_chars: int) -> list[tuple[str, list[str]]]:
    """The ways to read ``raw`` (a stripped line) as a truncated copy: (label, words after
    it), the whole line without a label first, then after each possible leading label (at
    most ``max_label_tokens`` space-separated tokens and ``max_label_chars`` characters,
    holding a word, ended by a separator)."""
    out = [("", WORD_RE.findall(nfkc_casefold(raw)))]
    if not max_label_tokens:
        return out
    bracketed = _OPENS_RE.match(raw) is not None
    for m in _SEPARATOR_RE.finditer(raw, 0, max_label_chars + 3):
        head = raw[:m.start()].strip()
        if len(head) > max_label_chars or len(head.split()) > max_label_tokens:
            break  # a longer head only grows
        if (m.group("close") and not bracketed) or not WORD_RE.search(head):
            continue
        out.append((raw[:m.end()].strip(), WORD_RE.findall(nfkc_casefold(raw[m.end():]))))
    return out


def _continues(words: Sequence[str], full: Sequence[str]) -> int:
    """How many whole words ``words`` and ``full`` have in common when ``full`` begins with
    ``words`` (the last one possibly cut: a prefix of ``full``'s word there) and goes on
    after them; 0 otherwise."""
    n = len(words)
    if len(full) < n or tuple(full[:n - 1]) != tuple(words[:n - 1]):
        return 0
    last, there = words[-1], full[n - 1]
    if last == there:
        return n if len(full) > n else 0  # the same words: not a longer line
    return n - 1 if there.startswith(last) else 0


def truncated_copies(units: Sequence[Unit], min_words: int, max_label_tokens: int,
                     max_label_chars: int) -> list[Truncated]:
    """The units of ``units`` (the non-blank lines of a text, all of them) that are
    truncated copies of another unit, each with the longer line it repeats."""
    if not min_words:
        return []
    candidates: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    for u in units:
        # A line ending in a letter or a digit (one test in C) needs no search.
        if u.raw[-1].isalnum() or not _MARK_AT_END_RE.search(u.raw, max(0, len(u.raw) - _TAIL)):
            continue
        found = [(label, tuple(ws)) for label, ws in _variants(u.raw, max_label_tokens, max_label_chars)
                 if len(ws) >= min_words]
        if found:
            candidates[u.index] = found
    if not candidates:
        return []
    # The lines that may continue a candidate begin with its first word: sorted by their
    # words, those that begin with a given sequence of words lie next to each other.
    firsts = {ws[0] for found in candidates.values() for _, ws in found}
    pool = sorted((u.words, u.index) for u in units if u.words and u.words[0] in firsts)
    keys = [ws for ws, _ in pool]
    out: list[Truncated] = []
    for k, found in candidates.items():
        best: Truncated | None = None
        for label, ws in found:
            # Lines with exactly these words (the candidate itself, its copies) are no
            # longer line; the first one after them that continues the words is the
            # shortest such line (the earliest among equal ones), and holds the most
            # whole words in common: a line whose next word only begins with the last one
            # sorts after those where it is the same word.
            at = bisect_right(keys, ws)
            while at < len(pool):
                common = _continues(ws, keys[at])
                if common < min_words:
                    break
                if pool[at][1] != k:
                    if best is None or common > best.common:
                        best = Truncated(unit=k, full=pool[at][1], common=common, label=label)
                    break
                at += 1
        if best is not None:
            out.append(best)
    return out
