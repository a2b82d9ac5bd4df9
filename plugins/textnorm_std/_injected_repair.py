"""Turning the anomalous occurrences of an injected token into changes.

Each removal also takes the spacing and punctuation the injection brought with it,
so that the sentence reads as before: ``the ferry Token.`` -> ``the ferry.``,
``the ferry Token .`` -> ``the ferry.``, ``the ferry. Token.`` and ``the ferry.Token.`` ->
``the ferry.``, ``Token Token.`` (repeated) -> ``.``. A word split by the token is
rejoined; where the injection overwrote a character the word is restored from the
document's own vocabulary when exactly one word fits, otherwise the fragments are
joined and the change is marked uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import regex

from textnorm import Change
from textnorm.text import nfkc_casefold

from ._injected_detect import Detection, Occurrence, TokenStats
from ._injected_positions import (
    AFTER_END,
    DESCRIPTIONS,
    FINAL,
    GLUED,
    IN_WORD,
    NATURAL,
    SPACED,
    TERMINALS,
    classify,
    left_of,
)
from ._injected_words import WORD_CHAR_RE as _WORD_CHAR_RE
from ._injected_words import is_word_char, last_word_start

_ORPHAN_RE = regex.compile(r"\p{Ll}")


def summary(stats: TokenStats) -> str:
    """The evidence about a token, as the first half of every reason."""
    kinds = ", ".join(f"{n} {DESCRIPTIONS[k]}" for k, n in sorted(stats.by_kind.items(), key=lambda kv: -kv[1]))
    text = (f"injected token {stats.token!r}: {len(stats.anomalous)} of {stats.total} occurrences "
            f"in anomalous positions ({kinds})")
    if stats.known:
        return text + "; listed in known_tokens"
    if stats.plain:
        return (text + f"; a capitalised token closing sentences after different lower-case words; "
                f"the document's other words end a sentence at a rate of {stats.final_rate:.3f} "
                f"(binomial p = {stats.p_value:.1g})")
    return (text + f"; {stats.distinct_strong} independent odd positions, of {stats.odd_kinds} "
            f"kinds; the document's other words end a sentence at a rate of "
            f"{stats.final_rate:.3f} (binomial p = {stats.p_value:.1g})")


def changes_for(text: str, found: Detection) -> list[Change]:
    """The changes removing every anomalous occurrence of the detected tokens.

    Where two would overlap, the one for the longer token wins (a phrase over its
    last word); then the earlier one.
    """
    ranked: list[tuple[int, int, Change]] = []
    # Every reason repeats its token's whole evidence (hundreds of characters) and most
    # occurrences of a token share one: one string object per distinct reason keeps the
    # edit log of a densely injected text from costing about the text's size again.
    shared: dict[str, str] = {}
    for rank, stats in enumerate(found.tokens):  # found.tokens is longest first
        say = partial(_reason, shared, summary(stats))
        for occ in stats.anomalous:
            if occ.kind == FINAL and occ.prev_word in stats.natural_before:
                continue  # "an update." where "an update on ..." stands elsewhere: the same phrase
            change = _change(text, stats.token, occ, found, say)
            if change is not None:
                ranked.append((change.start, rank, change))
    ranked.sort(key=lambda t: (t[0], t[1]))
    out: list[tuple[int, Change]] = []
    for _, rank, change in ranked:
        if out and change.start < out[-1][1].end:
            if rank < out[-1][0] and (len(out) < 2 or out[-2][1].end <= change.start):
                out[-1] = (rank, change)
            continue
        out.append((rank, change))
    return [c for _, c in out]


def _reason(shared: dict[str, str], head: str, rest: str) -> str:
    """``head + rest``, as the one string object ``shared`` holds for that text."""
    reason = head + rest
    return shared.setdefault(reason, reason)


_Say = Callable[[str], str]
"""The reason of a change, given what it adds to its token's evidence."""


def _change(text: str, token: str, occ: Occurrence, found: Detection, say: _Say) -> Change | None:
    if occ.kind == IN_WORD:
        return _split_change(text, token, occ, found, say)
    return _removal(text, token, occ.start, occ.end, say, found, seen=occ)


def _removal(text: str, token: str, start: int, end: int, say: _Say, found: Detection,
             note: str = "", as_final: bool = False, seen: Occurrence | None = None) -> Change | None:
    """``seen``: the occurrence ``text[start:end]`` (not a split word), whose position
    the detector classified already."""
    # A run of copies ("Token Token.") goes as a whole.
    left = left_of(text, start) if seen is None else seen.left
    n = len(token)
    moved = False
    while (left.ws_start < start and left.ws_start - n >= 0
           and text[left.ws_start - n:left.ws_start] == token
           and not (left.ws_start - n > 0 and _WORD_CHAR_RE.match(text, left.ws_start - n - 1))):
        start = left.ws_start - n
        left = left_of(text, start)
        note = note or "; with the copies of it just before"
        moved = True
    if seen is not None and not moved:
        kind, right = seen.kind, seen.right  # (what classify would say again)
    else:
        kind, left, right = classify(text, start, end)
    if as_final and kind == IN_WORD:
        kind = SPACED if right.spaced(end) else FINAL
    uncertain = False
    replacement = ""
    if kind in (GLUED, AFTER_END):
        # "...the ferry. Token." : the token brought its own full stop.
        s, e = left.ws_start, right.punct_end
        closer = _lost_closer(text, s, e)
        if closer:
            # The injection overwrote the quote or bracket that closed the paragraph.
            replacement, uncertain = closer, True
            note += f"; the unclosed {_OPENER_OF[closer]!r} of the paragraph closed again"
    elif kind in (FINAL, SPACED):
        # "...the ferry Token ." : the sentence's own punctuation stays, glued back.
        s, e = left.ws_start, right.punct_start
        orphan = _orphan_fragment(text, left.ws_start, start, found)
        if orphan is not None:
            # "...the ferries.m Token ." : a one-letter fragment glued after the sentence end
            # is debris of the injection, as is the punctuation it brought.
            s, e = orphan, right.punct_end
            uncertain = True
            note += f"; with the fragment {text[orphan:left.ws_start]!r} glued to the sentence end before it"
    else:
        return None
    return Change(s, e, say(f"; this one {DESCRIPTIONS[kind]}{note}"), replacement=replacement,
                  kind="replace" if replacement else "remove", uncertain=uncertain)


_CLOSER_OF = {"“": "”", "(": ")", "«": "»", "「": "」", "『": "』", "（": "）"}
_OPENER_OF = {v: k for k, v in _CLOSER_OF.items()} | {'"': '"'}
_MARKS_RE = re.compile(f"[{re.escape(''.join(sorted(_CLOSER_OF.keys() | _OPENER_OF.keys())))}]")


def _lost_closer(text: str, start: int, end: int) -> str:
    """The closing mark a paragraph-final injection replaced, if the line before it
    leaves exactly one quote or bracket open; else ``""``."""
    if end < len(text) and text[end] not in "\n\r":
        return ""
    # A "\r" only matters after the last "\n": looking for one further back would scan
    # the whole text before the line, for every injection at a paragraph's end.
    newline = text.rfind("\n", 0, start)
    line_start = max(newline, text.rfind("\r", newline + 1, start)) + 1
    stack: list[str] = []
    straight = 0
    for c in _MARKS_RE.findall(text, line_start, start):  # (the other characters do not count)
        if c in _CLOSER_OF:
            stack.append(_CLOSER_OF[c])
        elif c in _OPENER_OF and c != '"':
            if stack and stack[-1] == c:
                stack.pop()
            else:
                return ""  # unbalanced the other way: not ours to fix
        elif c == '"':
            straight += 1
    if straight % 2 == 1:
        stack.append('"')
    return stack[0] if len(stack) == 1 else ""


def _orphan_fragment(text: str, ws_start: int, start: int, found: Detection) -> int | None:
    """Start of a lone lower-case letter glued after terminal punctuation just before the token."""
    if ws_start >= start or ws_start == 0 or not is_word_char(text, ws_start - 1):
        return None  # no word ends where the white space before the token begins
    fs = last_word_start(text, ws_start)
    if (ws_start - fs == 1 and _ORPHAN_RE.match(text, fs) and fs >= 2
            and text[fs - 1] in TERMINALS and _WORD_CHAR_RE.match(text, fs - 2)):
        return fs
    return None


def _split_change(text: str, token: str, occ: Occurrence, found: Detection, say: _Say) -> Change | None:
    assert occ.fragments is not None
    ls, le, rs, re_ = occ.fragments
    left_frag, right_frag = text[ls:le], text[rs:re_]
    cands = sorted(found.splits.get((nfkc_casefold(left_frag), nfkc_casefold(right_frag)), ()))
    if len(cands) == 1:
        form = found.vocab[cands[0]]
        middle = form[len(left_frag):len(form) - len(right_frag)]
        if left_frag.isupper() and right_frag.isupper():
            middle = middle.upper()
        restored = left_frag + middle + right_frag
        how = f"rejoined as {restored!r}, the only fitting word of the document"
        uncertain = False
    else:
        restored = left_frag + right_frag
        if cands:
            shown = ", ".join(repr(found.vocab[c]) for c in cands[:5])
            how = f"fragments joined as {restored!r}: {len(cands)} words of the document fit ({shown})"
        else:
            how = f"fragments joined as {restored!r}: no word of the document fits"
        uncertain = True
    if nfkc_casefold(restored) == nfkc_casefold(token):
        # The token was injected into a copy of itself ("the pier Tok Token .en."): the
        # restored copy is judged by its own position.
        kind, _, right = classify(text, ls, re_)
        # "...Tok Token .en.Token.": what follows the restored copy is one more copy.
        then_copy = kind == IN_WORD and text[right.punct_end:right.frag_end] == token
        if kind not in (NATURAL, IN_WORD) or then_copy:
            return _removal(text, token, ls, re_, say, found, as_final=then_copy,
                            note=f"; it had split another copy of the token ({text[ls:re_]!r})")
    return Change(ls, re_, say(f"; this one {DESCRIPTIONS[IN_WORD]}: {how}"),
                  replacement=restored, kind="repair", uncertain=uncertain)
