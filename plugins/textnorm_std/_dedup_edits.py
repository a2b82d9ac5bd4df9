"""Removed lines of ``dedup-blocks`` as changes with their reasons."""

from __future__ import annotations

from collections.abc import Sequence

import textnorm

from ._dedup_lines import Unit
from ._dedup_truncated import TRUNCATED


def resolve(removed: dict[int, tuple[int, float, str]]) -> dict[int, tuple[int, float, str]]:
    """Point a repeat of a line that was itself removed to the copy that stayed."""
    out = {}
    for k, (target, sim, note) in removed.items():
        seen = {k}
        while target in removed and target not in seen:
            seen.add(target)
            target = removed[target][0]
        out[k] = (target, sim, note)
    return out


def changes(text: str, units: Sequence[Unit], removed: dict[int, tuple[int, float, str]]) -> list[textnorm.Change]:
    """One change per stretch of consecutive removed lines, each taking its line breaks along."""
    out = []
    order = sorted(removed)
    k = 0
    while k < len(order):
        end = k
        # A truncated copy next to a repeat is a change of its own: the reasons differ.
        while end + 1 < len(order) and order[end + 1] == order[end] + 1 \
                and _truncated(removed[order[end + 1]]) == _truncated(removed[order[k]]):
            end += 1
        first, last = order[k], order[end]
        if last + 1 < len(units):
            start, stop = units[first].start, units[last + 1].start
        elif first - 1 in removed:
            # The last lines, after a change of another kind that took the line break
            # before them along: take the rest of the text (only blank lines follow).
            start, stop = units[first].start, len(text)
        elif first > 0:
            start, stop = units[first - 1].end, units[last].end
        else:  # a single line: cannot happen, every removed line has a kept one
            start, stop = units[first].start, units[last].end
        out.append(textnorm.Change(start, stop, reason(units, [removed[u] for u in order[k:end + 1]])))
        k = end + 1
    return out


def _truncated(entry: tuple[int, float, str]) -> bool:
    return entry[2].startswith(TRUNCATED)


def reason(units: Sequence[Unit], entries: list[tuple[int, float, str]]) -> str:
    kept_lines = sorted(units[t].line + 1 for t, _, _ in entries)
    lo, hi = kept_lines[0], kept_lines[-1]
    if _truncated(entries[0]):
        # "truncated copy of line 17 (kept copy): its first 6 words, after the label 'Discuss:'"
        details = "; ".join(n[len(TRUNCATED) + 2:] for _, _, n in entries)
        if len(entries) == 1:
            return f"{TRUNCATED} of line {lo} (kept copy): {details}"
        kept = list(dict.fromkeys(units[t].line + 1 for t, _, _ in entries))
        if len(kept) == 1:
            return f"truncated copies of line {lo} (kept copy): {details}"
        return f"truncated copies of lines {', '.join(map(str, kept))} (kept copies): {details}"
    where = f"line {lo}" if lo == hi else f"lines {lo}-{hi}"
    sims = [s for _, s, _ in entries]
    sim = sum(sims) / len(sims)
    notes = sorted({n for _, _, n in entries if n})
    extra = f"; {notes[0]}" if notes else ""
    low = f", lowest {min(sims):.2f}" if min(sims) < sim - 0.005 else ""
    return f"repeats {where} (kept copy), similarity {sim:.2f}{low}{extra}"
