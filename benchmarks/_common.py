"""Shared pieces of the benchmarks: the baselines, timing, markdown tables, output paths."""

from __future__ import annotations

import itertools
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
SHARED = ROOT.parent / "shared"

# ---------------------------------------------------------------------------------------
# The baselines. Measured in the same run as textnorm, so that a ratio against them means
# the same on any machine.

_FINDALL_RE = re.compile(r"\w+")


def findall_pass(text: str) -> int:
    """One ``re.findall(r"\\w+")`` pass: the floor any word-level cleaner pays."""
    return len(_FINDALL_RE.findall(text))


def pair_index(text: str) -> int:
    """One index of every word pair of ``text`` (its hash -> where it first occurs): the
    "hashing, shingles, an index" that a linear duplicate finder is built on, and nothing
    else. Its cost per byte is the machine's price of one table that grows with the text:
    the scaling report compares each step's growth with it."""
    words = _FINDALL_RE.findall(text.casefold())
    first: dict[int, int] = {}
    setdefault = first.setdefault
    for i, key in enumerate(map(hash, itertools.pairwise(words))):
        setdefault(key, i)
    return len(first)


def word_counts(text: str) -> int:
    """How often each word of ``text`` occurs, case folded: the least a finder of words
    repeated out of place (injected tokens) reads."""
    return len(Counter(_FINDALL_RE.findall(text.casefold())))


# What people write when they clean scraped text by hand: split lines, drop exact
# repeats (after case and white-space folding), and a handful of regexes for calls to
# action, menus, share counters and stray markup.
_NAIVE_PROMO_RE = re.compile(
    r"(?i)\b(?:subscribe|sign up|newsletter|read more|related|advertisement|click here|follow us|"
    r"share this|download our|most read)\b")
_NAIVE_MENU_RE = re.compile(r"(?:\s\|\s.*){2,}")
_NAIVE_COUNTER_RE = re.compile(r"\s\d+(?:[.,]\d+)?[KkMm]?\s*$")
_NAIVE_URL_RE = re.compile(r"https?://\S+|www\.\S+")
_NAIVE_SPACE_RE = re.compile(r"[ \t\u00a0]{2,}")


def naive_clean(text: str) -> str:
    """The naive baseline cleaner (see the module comment)."""
    seen: set[str] = set()
    out = []
    for line in text.splitlines():
        key = _NAIVE_SPACE_RE.sub(" ", line).strip().lower()
        if not key:
            out.append("")
            continue
        if key in seen:
            continue
        seen.add(key)
        if _NAIVE_PROMO_RE.search(line) or _NAIVE_MENU_RE.search(line) or _NAIVE_COUNTER_RE.search(line):
            continue
        out.append(_NAIVE_URL_RE.sub("", line))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------
# Timing: CPU time of this process, so the figure is per core and other load on the
# machine (it is shared) does not count.

def clear_caches() -> None:
    """Empty every ``functools`` cache of textnorm and its plugins, so that a repeated run
    starts as cold as the first (a cache helps within one run, never across repeats)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(("textnorm", "textnorm_std")) or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, type):
                continue  # a class's cache_clear is unbound; its instances are found themselves
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def cpu_time(fn: Callable[[], Any], *, repeat: int = 1, min_total: float = 0.0) -> float:
    """The best CPU time of ``fn()`` over ``repeat`` runs (more runs while their total is
    under ``min_total`` seconds, for short ones); caches are emptied before each run."""
    best = float("inf")
    total = 0.0
    runs = 0
    while runs < repeat or (total < min_total and runs < 1000):
        clear_caches()
        t0 = time.process_time()
        fn()
        dt = time.process_time() - t0
        best = min(best, dt)
        total += dt
        runs += 1
    return best


def mb(n_bytes: float) -> float:
    return n_bytes / 1e6


# ---------------------------------------------------------------------------------------
# Reporting

def md_table(head: Sequence[str], rows: Iterable[Sequence[Any]], align: str | None = None) -> str:
    """A markdown table; numbers right-aligned unless ``align`` (one of l/r per column) says."""
    rows = [[_cell(v) for v in r] for r in rows]
    align = align or "l" + "r" * (len(head) - 1)
    sep = ["---:" if a == "r" else ":---" for a in align]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        if v != v:  # NaN
            return "-"
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}"
    return str(v)


def machine() -> str:
    """One line on where the figures were measured."""
    return (f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}, "
            f"{os.cpu_count()} CPUs, {platform.system()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def log(msg: str) -> None:
    """Progress to stderr (the tables go to stdout)."""
    print(msg, file=sys.stderr, flush=True)


__all__ = ["OUT", "ROOT", "SHARED", "cpu_time", "findall_pass", "log", "machine", "md_table", "naive_clean", "pair_index", "word_counts"]
