"""Aligning repeated lines into runs and copies for ``dedup-blocks``.

A *pair* says "unit j repeats earlier unit i". A *run* is a list of pairs on one diagonal
(i, j), (i+1, j+1), ...: consecutive lines repeating consecutive lines. A *copy* is a list
of runs that follow each other in both places with at most a few unmatched lines between
them (a promo line inserted into the second copy, a paragraph that only one copy has):
a whole repeated article is one copy, a repeated paragraph is a copy of one run.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._dedup_lines import LineIndex, Unit, similarity


@attrs.frozen(slots=True)
class Pair:
    """Unit ``dup`` repeats the earlier unit ``src`` with similarity ``sim``."""

    src: int
    dup: int
    sim: float


@attrs.define(slots=True)
class Copy:
    """Pairs whose ``dup`` units form one repeated stretch of the text, in order."""

    pairs: list[Pair]

    @property
    def src_first(self) -> int:
        return self.pairs[0].src

    @property
    def src_last(self) -> int:
        return max(p.src for p in self.pairs)

    @property
    def dup_first(self) -> int:
        return self.pairs[0].dup

    @property
    def dup_last(self) -> int:
        return self.pairs[-1].dup


@attrs.frozen(slots=True)
class AlignParams:
    """The alignment's thresholds (see :class:`DedupBlocksOptions` for their meaning)."""

    threshold: float
    run_threshold: float
    max_gap: int
    max_postings: int
    numbers_must_match: bool
    max_changed: int
    lookup_pairs: int | None = None


def find_runs(units: Sequence[Unit], p: AlignParams, pairs: dict[int, list[int]] | None = None
              ) -> list[list[Pair]]:
    """Runs of repeated lines, in text order of their repeats.

    One pass: a line continues the run of the line before it when it is similar enough
    (``run_threshold``) to the line after that run's last source; otherwise a line similar
    enough (``threshold``) to an earlier line found through the index starts a new run.
    Then each run grows backwards over weaker pairs (a retitled heading, a byline with an
    injected word) before its first strong pair. ``pairs``: the lines' word pair hashes,
    kept by the caller from one pass over the same lines to the next (see
    :class:`LineIndex`).
    """
    index = LineIndex(units, p.max_postings, p.numbers_must_match, p.max_changed, max_lists=p.lookup_pairs,
                      pairs=pairs)
    runs: list[list[Pair]] = []
    in_run: dict[int, int] = {}  # dup unit -> its run's position in ``runs``
    for u in units:
        pair = None
        prev = in_run.get(u.index - 1)
        expect = None
        if runs and u.index - runs[-1][-1].dup <= p.max_gap + 1:
            expect = runs[-1][-1].src + u.index - runs[-1][-1].dup
        if prev is not None:
            run = runs[prev]
            i = run[-1].src + 1
            if i < run[0].dup:  # the source stays entirely before the repeat
                s = similarity(units[i], u, p.numbers_must_match, p.max_changed, p.run_threshold)
                if s >= p.run_threshold:
                    pair = Pair(i, u.index, s)
            found = None if pair is not None and pair.sim >= p.threshold else index.best(u, p.threshold, expect)
            if found is not None and (pair is None or found[1] > pair.sim):
                runs.append([Pair(found[0], u.index, found[1])])
                in_run[u.index] = len(runs) - 1
            elif pair is not None:
                run.append(pair)
                in_run[u.index] = prev
        else:
            found = index.best(u, p.threshold, expect)
            if found is not None:
                runs.append([Pair(found[0], u.index, found[1])])
                in_run[u.index] = len(runs) - 1
        index.add(u)
    for run in runs:
        _grow_back(run, units, in_run, p)
    runs.sort(key=lambda r: r[0].dup)
    return runs


def _grow_back(run: list[Pair], units: Sequence[Unit], in_run: dict[int, int], p: AlignParams) -> None:
    last_src = max(x.src for x in run)
    before: list[Pair] = []
    i, j = run[0].src - 1, run[0].dup - 1
    while i >= 0 and j > last_src and j not in in_run:
        s = similarity(units[i], units[j], p.numbers_must_match, p.max_changed, p.run_threshold)
        if s < p.run_threshold:
            break
        before.append(Pair(i, j, s))
        in_run[j] = -1  # taken; the run's position is not needed any more
        i, j = i - 1, j - 1
    run[:0] = before[::-1]


def group_copies(runs: Sequence[list[Pair]], units: Sequence[Unit], max_gap: int, min_words: int) -> list[Copy]:
    """Join runs that continue each other (in both places, gap <= ``max_gap`` lines) into
    copies.

    A gap is bridged only when both sides of it are runs of at least ``min_words`` words and
    outweigh the unmatched lines in it: a promo line inside a copied article is bridged, but
    headings listed in a table of contents and repeated above paragraphs of their own are
    separate one-line repeats (the paragraphs between them outweigh them).
    """
    def words(us: Sequence[int]) -> int:
        return sum(units[k].n_words for k in us)

    copies: list[Copy] = []
    sizes = [words([x.dup for x in run]) for run in runs]
    copy_size = 0
    for k, run in enumerate(runs):
        if copies and sizes[k] >= min_words and sizes[k - 1] >= min_words:
            c = copies[-1]
            first, last = run[0], run[-1]
            src_gap = range(c.pairs[-1].src + 1, first.src)
            dup_gap = range(c.dup_last + 1, first.dup)
            if (first.src > c.pairs[-1].src and first.dup > c.dup_last
                    and len(src_gap) <= max_gap and len(dup_gap) <= max_gap
                    and max(c.src_last, max(x.src for x in run)) < c.dup_first
                    and last.dup >= first.dup
                    and words(src_gap) + words(dup_gap) < min(sizes[k], copy_size)):
                c.pairs.extend(run)
                copy_size += sizes[k]
                continue
        copies.append(Copy(list(run)))
        copy_size = sizes[k]
    return copies
