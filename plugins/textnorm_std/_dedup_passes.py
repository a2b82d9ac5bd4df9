"""Later passes of ``dedup-blocks``: which lines to read again after a pass removed some.

A removal mostly reveals repeats near itself and its kept copy, so a later pass reads the
lines around them only, put together as one text with barrier lines between stretches.
"""

from __future__ import annotations

from bisect import bisect_left

from ._dedup_lines import Unit


def windows(alive: list[int], touched: list[int], margin: int) -> list[range]:
    """Stretches of ``alive`` (sorted unit indices) around each touched unit (a removed
    line or its kept copy), ``margin`` units on each side, merged."""
    spans = sorted({bisect_left(alive, x) for x in touched})
    out: list[range] = []
    for p in spans:
        a, b = max(0, p - margin), min(len(alive), p + margin + 1)
        if out and a <= out[-1].stop:
            out[-1] = range(out[-1].start, max(out[-1].stop, b))
        elif a < b:
            out.append(range(a, b))
    return out


def barrier(index: int) -> Unit:
    """A unit that repeats nothing and that nothing repeats (its one word is its own)."""
    raw = f"\0barrier {index}"
    return Unit(index=index, line=-1, start=0, end=0, words=(raw,), numbers=(), raw=raw, symbols=1.0)
