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
- How well a line belongs to the main content (its *coherence*, the share of its
  content units the main content also uses) is :mod:`._promo_units`.
- :func:`lead_ins` links the items of a list to the line that announces it.
- :func:`repeated_outside` finds the extra copies of short lines a page template
  printed twice outside the content (one dictionary of comparison keys, linear).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex

from textnorm.text import comparison_key, count_sentence_ends, sentences

_HANGUL_RUN_RE = regex.compile(r"\p{Hangul}+")


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
                        and words > max_sentence_words * count_sentence_ends(f.text)):
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
