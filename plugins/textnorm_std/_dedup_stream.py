"""Repeats with different line breaks, for ``dedup-blocks``: a copy whose paragraphs are
wrapped into several lines (or joined into one) matches no earlier *line*, but its words
follow an earlier stretch of the text word for word.

The text is read as one stream of words. Each run of ``k`` words (a shingle) points to the
first place it occurred; a line is a repeat when most of its words are covered by shingles
pointing back, in order, into earlier lines, and the words left uncovered are isolated
(an injected token) rather than a phrase of its own.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from collections.abc import Sequence
from statistics import median

import attrs

from ._dedup_lines import Unit, unexplained


_COUNT_FROM = 8192
"""Runs of words from which the matcher first counts them, to keep single ones out of its
dictionary: below it (texts up to some 50 KB) the dictionary takes less than a megabyte,
and counting would cost more time than it saves memory."""


_TWO_UNCOVERED = b"\x00\x00"


@attrs.frozen(slots=True)
class WrappedRepeat:
    """Units ``dup_first``..``dup_last`` repeat the text of units ``src_first``..``src_last``;
    ``coverage`` is the share of their words found there in order."""

    dup_first: int
    dup_last: int
    src_first: int
    src_last: int
    coverage: float
    lost: tuple[str, ...] = ()
    """Words of the stretch its source lacks that are no damage of the source's words."""


@attrs.define
class ShingleCounts:
    """The bucket counts of one text's shingles, kept from one pass of the matcher to the
    next within one call (see :func:`wrapped_repeats`).

    A later pass reads the same text with lines removed: each of its shingles was counted
    already, but for those that now run across the place of a removal, which are added.
    Counts of removed lines' shingles stay: a bucket counted too high only lets a single
    shingle into the dictionary, which then finds nothing (as a shared bucket does).
    """

    mask: int = 0
    counts: bytearray | None = None
    follows: dict[int, int] = attrs.Factory(dict)
    """Line number of a line with words -> that of the next line with words, in the text
    counted."""


def wrapped_repeats(units: Sequence[Unit], k: int, threshold: float, line_threshold: float,
                    max_changed: int, numbers_must_match: bool,
                    memo: ShingleCounts | None = None) -> list[WrappedRepeat]:
    """Stretches of consecutive units whose words repeat earlier text (see the module
    docstring), in text order.

    Each unit of a stretch has at least ``line_threshold`` of its words covered (a short
    line with an injected token still belongs), the whole stretch at least ``threshold``,
    and the stretch's source lines are covered at least as much (they are repeated nearly
    whole). With ``numbers_must_match`` both hold the same numbers in the same order.
    A stretch is refused when both it and its source have words of their own that the
    other lacks (beyond ``max_changed`` not explained as damage, as for single lines):
    then they say different things. Linear in the number of words: one dictionary of
    shingles, one pass over each unit's own shingles.

    ``memo`` carries the shingle counts from one call to the next when ``units`` are those
    of the call before with some removed (in order): the counting pass is then skipped.
    """
    stream: list[str] = []
    owner: list[int] = []
    starts: list[int] = []
    for u in units:
        starts.append(len(stream))
        stream.extend(u.words)
        owner.extend([u.index] * u.n_words)
    # Shingle (its hash: an int key takes less memory than a tuple of k words) -> where it
    # first occurred. Most shingles occur once: a first pass counts them in buckets of a
    # byte array (a few bytes per word), and only shingles whose bucket holds two or more
    # enter the dictionary (about a hundred bytes each); a shared bucket only lets a
    # single shingle in, which then finds nothing.
    n = max(0, len(stream) - k + 1)
    worded = [u for u in units if u.n_words]
    counts: bytearray | None = None  # None: a short text, every shingle enters the dictionary
    if memo is not None and memo.counts is not None:
        # The text counted before, with lines removed: count the shingles that now run
        # across a place where lines were removed (they start in the k - 1 words before it).
        mask, counts = memo.mask, memo.counts
        for a, b in zip(worded, worded[1:]):
            if memo.follows.get(a.line) != b.line:
                at = starts[b.index]
                for p in range(max(0, at - k + 1), min(at, n)):
                    key = hash(tuple(stream[p:p + k])) & mask
                    if counts[key] < 2:
                        counts[key] += 1
    elif n >= _COUNT_FROM:  # below it the dictionary stays small, and counting costs more
        mask = (1 << max(10, (8 * n).bit_length())) - 1
        counts = bytearray(mask + 1)
        for key in map(hash, zip(*(islice(stream, i, None) for i in range(k)))):
            if counts[key & mask] < 2:
                counts[key & mask] += 1
    if memo is not None and counts is not None:
        memo.mask, memo.counts = mask, counts
        memo.follows = {a.line: b.line for a, b in zip(worded, worded[1:])}
    first: dict[int, int] = {}
    src = [-1] * len(stream)
    setdefault = first.setdefault
    hashes = map(hash, zip(*(islice(stream, i, None) for i in range(k))))
    if counts is None:
        listed = list(hashes)
        if len(set(listed)) == len(listed):
            # No run of words occurs twice (two texts in three once their copies are gone,
            # on the generated news): nothing repeats, found without a Python loop.
            return []
        for p, key in enumerate(listed):
            q = setdefault(key, p)
            if q != p and owner[q + k - 1] < owner[p]:
                src[p] = q
    else:
        for p, key in enumerate(hashes):
            if counts[key & mask] < 2:
                continue
            q = setdefault(key, p)
            if q != p and owner[q + k - 1] < owner[p]:
                src[p] = q
    found: list[tuple[int, list[int], float]] = []  # (unit, source shingle starts, coverage)
    for u in units:
        if not u.n_words:
            continue
        s0 = starts[u.index]
        s1 = s0 + u.n_words
        lo = max(0, s0 - k + 1)
        if src[lo:s1].count(-1) == s1 - lo:
            continue  # nothing in this line repeats earlier text (most lines: counted in C)
        pairs = [(p, src[p]) for p in range(lo, s1) if src[p] >= 0]
        if not pairs:
            continue
        # Keep the shingles that agree on where the copy's source lies: an injected token
        # shifts the offset by one, a common phrase found elsewhere by far more.
        mid = median(p - q for p, q in pairs)
        kept = [(p, q) for p, q in pairs if abs((p - q) - mid) <= u.n_words]
        # One byte per word of the line, 1 where a kept shingle covers it (a slice each).
        covered = bytearray(u.n_words)
        for p, _ in kept:
            a, b = max(p, s0) - s0, min(p + k, s1) - s0
            covered[a:b] = b"\x01" * (b - a)
        coverage = covered.count(1) / u.n_words
        # Two words in a row left uncovered are a phrase of the line's own, not a token.
        if coverage < line_threshold or _TWO_UNCOVERED in covered:
            continue
        if max(owner[q + k - 1] for _, q in kept) >= u.index:
            continue
        found.append((u.index, [q for _, q in kept], coverage))
    stretches = _stretches(found, units, stream, owner, starts, k, max_changed, threshold, numbers_must_match)
    return [w for w in stretches if w.coverage >= threshold]


def _stretches(found: list[tuple[int, list[int], float]], units: Sequence[Unit], stream: list[str],
               owner: list[int], starts: list[int], k: int, max_changed: int, threshold: float,
               numbers_must_match: bool) -> list[WrappedRepeat]:
    """Consecutive repeating units with advancing sources, as stretches; refused when both
    sides have unexplained words of their own."""
    out: list[WrappedRepeat] = []
    group: list[tuple[int, list[int], float]] = []

    def close() -> None:
        if not group:
            return
        qs = [q for _, g, _ in group for q in g]
        src_first, src_last = owner[min(qs)], owner[max(qs) + k - 1]
        if src_last >= group[0][0]:
            return
        src_covered = set()
        for q in qs:
            src_covered.update(range(q, q + k))
        src_range = range(starts[src_first], starts[src_last] + units[src_last].n_words)
        # The source lines must be repeated nearly whole too: a heading or a pull quote that
        # echoes a phrase of a longer paragraph is not a copy of that paragraph. Every covered
        # position lies inside the range, so this is decided before the range's words are
        # counted: counting first made a far-flung group cost the whole range (quadratic).
        if len(src_covered) < threshold * len(src_range):
            return
        src_extra = Counter(stream[x] for x in src_range if x not in src_covered)
        if numbers_must_match and (tuple(n for d, _, _ in group for n in units[d].numbers)
                                   != tuple(n for i in range(src_first, src_last + 1) for n in units[i].numbers)):
            return
        dup_words: Counter[str] = Counter()
        for d, _, _ in group:
            dup_words.update(units[d].words)
        # Words each side has that the other's matched text lacks.
        dup_extra = dup_words - Counter(stream[x] for x in src_covered)
        if src_extra and dup_extra and unexplained(src_extra, dup_extra, max_changed) > max_changed \
                and unexplained(dup_extra, src_extra, max_changed) > max_changed:
            return
        lost = tuple(w for w in dup_extra if unexplained(Counter([w]), src_extra))
        words = sum(units[d].n_words for d, _, _ in group)
        cover = sum(c * units[d].n_words for d, _, c in group) / words
        out.append(WrappedRepeat(group[0][0], group[-1][0], src_first, src_last, cover, lost))

    for item in found:
        if group and item[0] == group[-1][0] + 1 and min(item[1]) >= min(group[-1][1]):
            group.append(item)
        else:
            close()
            group = [item]
    close()
    return out
