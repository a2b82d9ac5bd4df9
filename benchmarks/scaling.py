"""How time and memory grow with the length of one document.

For each size (10 KB, 100 KB, 1 MB, 10 MB by default) ``seeds`` generated documents
(:func:`benchmarks.corpus_gen.long_document`: noisy articles one after another, the same
make-up from other random draws; 3 by default) are written to ``benchmarks/out/cache``;
then, for each standard normalizer, the default chain and two references (the naive
baseline, and ``pair-index``: one index of the text's word pairs and nothing else), fresh
subprocesses read them and

1. time the step on each (CPU time; short runs repeated with caches emptied, the best
   kept), and record how much the process's peak RSS grew during the call. A size's time
   is the median of its documents' times per byte, times the first document's size: one
   document alone moves by about 15% from one draw, or one run, to the next, more than
   the difference between linear and the limit the issue sets;
2. up to 1 MB (``traced_max``), run it once more on the first document under
   :mod:`tracemalloc` for the peak of memory allocated during the call (the document itself, already in memory, does not
   count). tracemalloc slows a run 3-6x, which at 10 MB would cost more than the rest of
   the benchmarks together; there the RSS growth stands in for it (at 1 MB the two agree
   within a few percent, as the report shows). Both are multiples of the document's
   UTF-8 size.

The growth exponent is the least-squares slope of log(time) against log(size) over all
sizes: 1.0 is linear, 2.0 quadratic. The slope between each pair of neighbouring sizes is
reported too, so a bend at the large end shows. ``pair-index`` tells what growing one
table with the text costs on the machine itself: once such a table outgrows the CPU's
cache, each lookup waits longer for memory, and the same work takes more than 10x per
10x of length. The last column divides a step's growth by that reference's over the same
sizes: 1.0x grows exactly as one index does. A step that exceeds the time budget at a
size is reported as such and not run at larger sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from . import corpus_gen
from ._common import OUT, ROOT, cpu_time, log, md_table, naive_clean, pair_index

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
SEEDS = 3  # documents per size
MEMORY_TARGET = 10.0  # peak memory below 10x the document size
EXPONENT_LIMIT = 1.15  # above this, a step is called super-linear in the report
REFERENCES = ("naive", "pair-index")  # measured like the steps, judged by no target
INDEX_REFERENCE = "pair-index"
RSS_MIN_SIZE = 1_000_000  # below this, RSS growth is mostly allocator granularity


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (Linux), so the peak read after a call is the
    call's own and not that of the imports before it."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _peak_rss() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _worker(name: str, path: str, traced: bool) -> dict[str, Any]:
    """Run in the subprocess: time ``name`` on the document at ``path``, then trace it."""
    import textnorm
    from textnorm.apply import apply_proposal
    from textnorm.pipeline import Pipeline
    from textnorm.text import case_shape
    from textnorm.text.words import re_agrees

    text = Path(path).read_text(encoding="utf-8")
    pipeline = Pipeline.default()
    # The text module builds two tables from the running Python's Unicode data on first
    # use, once per process, as compiling a pattern would (the word pattern's and the
    # case shape's, ~20 ms and ~2 MB while building each): built here, so that no step is
    # charged for them at 10 KB.
    re_agrees("\u00e9")
    case_shape("\u00c9")
    if name == "chain":
        def fn() -> Any:
            return pipeline(text)
    elif name == "naive":
        def fn() -> Any:
            return naive_clean(text)
    elif name == INDEX_REFERENCE:
        def fn() -> Any:
            return pair_index(text)
    else:
        step = next(s for s in pipeline.steps if s.name == name)
        doc = textnorm.Document.from_text(text)

        def fn() -> Any:
            return apply_proposal(doc, step.normalizer(doc), step.name)
    if traced:
        tracemalloc.start()
        fn()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {"traced_peak": peak}
    # No warm-up: memory a first run leaves to the allocator would hide the next run's
    # growth. Patterns are compiled when the pipeline is built (and the table above), before this point.
    _reset_peak_rss()
    rss0 = _rss()
    seconds = cpu_time(fn, repeat=1, min_total=0.3)
    return {"seconds": seconds, "rss_growth": max(0, _peak_rss() - rss0)}


def _spawn(name: str, path: Path, traced: bool, budget: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.scaling", "--worker", name, str(path)] + (["--traced"] if traced else [])
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return {"timeout": budget}
    if p.returncode != 0:
        return {"error": p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}"}
    return json.loads(p.stdout.strip().splitlines()[-1])


def _document(size: int, draw: int = 0) -> Path:
    """The cached document of about ``size`` bytes; ``draw`` 0 is the generator's default
    seed, the others the next ones."""
    # The generator's source is in the name, so a changed generator never reuses an old file.
    version = hashlib.sha1(Path(corpus_gen.__file__).read_bytes()).hexdigest()[:8]
    suffix = f"_{draw}" if draw else ""
    path = OUT / "cache" / f"scaling_{size}_{version}{suffix}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(corpus_gen.long_document(size, seed=2 + draw), encoding="utf-8")
        tmp.replace(path)
    return path


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def run(sizes: tuple[int, ...] = SIZES, budget: float = 300.0, names: tuple[str, ...] | None = None,
        traced_max: int = 1_000_000, seeds: int = SEEDS) -> dict[str, Any]:
    """Measure every step at every size on ``seeds`` documents (tracemalloc on the first,
    up to ``traced_max`` bytes, since it slows a run 3-6x); a step over ``budget`` seconds
    at one size is not run at the larger ones."""
    from textnorm.pipeline import Pipeline

    if seeds < 1:
        raise ValueError(f"seeds must be at least 1, not {seeds}")
    names = names or (*Pipeline.default().names, "chain", *REFERENCES)
    docs: dict[int, list[tuple[Path, int]]] = {}
    for size in sizes:
        t0 = time.perf_counter()
        docs[size] = [(path, len(path.read_bytes())) for path in (_document(size, k) for k in range(seeds))]
        log(f"scaling: {seeds} document(s) of {docs[size][0][1] / 1e6:.2f} MB ready "
            f"({time.perf_counter() - t0:.1f}s)")
    results: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        results[name] = []
        for size in sizes:
            row = _measure(name, docs[size], budget, traced=size <= traced_max)
            row["size"] = size
            results[name].append(row)
            if "timeout" in row or "error" in row:
                log(f"scaling: {name} at {row['bytes'] / 1e6:.2f} MB: {row.get('error') or 'over the budget'}; "
                    "larger sizes skipped")
                break
    return {"sizes": list(sizes), "budget": budget, "traced_max": traced_max, "seeds": seeds,
            "results": results}


def _measure(name: str, docs: list[tuple[Path, int]], budget: float, traced: bool) -> dict[str, Any]:
    """One step at one size: each document timed, the median time per byte kept; the
    peak memory traced on the first; the largest RSS growth of any."""
    runs: list[dict[str, Any]] = []
    for path, n_bytes in docs:
        t0 = time.perf_counter()
        run = {"bytes": n_bytes, **_spawn(name, path, False, budget)}
        runs.append(run)
        if "seconds" not in run:
            return {"bytes": docs[0][1], "runs": runs, **{k: run[k] for k in ("timeout", "error") if k in run}}
        log(f"scaling: {name} at {n_bytes / 1e6:.2f} MB ({path.stem}): {run['seconds']:.3f}s CPU "
            f"(wall {time.perf_counter() - t0:.1f}s)")
    n_bytes = docs[0][1]
    rates = [r["seconds"] / r["bytes"] for r in runs]
    row: dict[str, Any] = {
        "bytes": n_bytes,
        "seconds": _median(rates) * n_bytes,
        "spread": (min(rates) * n_bytes, max(rates) * n_bytes),
        "rss_growth": max(r["rss_growth"] / r["bytes"] for r in runs) * n_bytes,
        "runs": runs,
    }
    if traced:
        row["traced_peak"] = _spawn(name, docs[0][0], True, budget * 8).get("traced_peak")  # 3-6x slower
    return row


def exponent(rows: list[dict[str, Any]]) -> float | None:
    """Least-squares slope of log(seconds) against log(bytes)."""
    pts = [(math.log(r["bytes"]), math.log(r["seconds"])) for r in rows if r.get("seconds")]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def _slopes(rows: list[dict[str, Any]]) -> list[float]:
    """The growth exponent between each pair of neighbouring sizes."""
    ok = [r for r in rows if r.get("seconds")]
    return [math.log(b["seconds"] / a["seconds"]) / math.log(b["bytes"] / a["bytes"])
            for a, b in itertools.pairwise(ok)]


def _slopes_by_sizes(rows: list[dict[str, Any]]) -> dict[tuple[int, int], float]:
    """:func:`_slopes`, each under the pair of sizes it spans."""
    ok = [r for r in rows if r.get("seconds")]
    return dict(zip(((a["size"], b["size"]) for a, b in itertools.pairwise(ok)), _slopes(rows)))


def _relative(slopes: dict[tuple[int, int], float], reference: dict[tuple[int, int], float]) -> str:
    """Per 10x of length, how many times as much a step's time grows as the reference's
    over the same sizes (1.0x: the same growth)."""
    shared = [k for k in slopes if k in reference]
    return " ".join(f"{10 ** (slopes[k] - reference[k]):.2f}x" for k in shared) or "-"


def _seconds(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def _size_label(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n / 1e3:g} KB"


def report(res: dict[str, Any]) -> str:
    """Markdown: time and memory per size, the growth exponents, and the verdicts."""
    sizes = res["sizes"]
    head = ["step"] + [f"{_size_label(s)} s" for s in sizes] + ["exponent", "between sizes", "per 10x",
                                                                 f"per 10x / {INDEX_REFERENCE}'s"]
    time_rows, mem_rows, verdicts = [], [], []
    reference = _slopes_by_sizes(res["results"].get(INDEX_REFERENCE, []))
    for name, rows in res["results"].items():
        by_size = {r["size"]: r for r in rows}
        cells: list[Any] = [name]
        mem: list[Any] = [name]
        for s in sizes:
            r = by_size.get(s)
            if r is None:
                cells.append("skipped")
                mem.append("-")
            elif "timeout" in r:
                cells.append(f"> {r['timeout']:.0f}")
                mem.append("-")
            elif "error" in r:
                cells.append("error")
                mem.append("-")
            else:
                cells.append(_seconds(r["seconds"]) + (f" ({_seconds(r['spread'][0])}-{_seconds(r['spread'][1])})"
                                                       if len(r.get("runs", ())) > 1 else ""))
                peak = r.get("traced_peak")
                rss = r["rss_growth"] / r["bytes"]
                mem.append((f"{peak / r['bytes']:.1f}x" if peak is not None else "-")
                           + (f" / {rss:.1f}x" if r["size"] >= RSS_MIN_SIZE else f" / ({r['rss_growth'] / 1e6:.0f} MB)"))
        e = exponent(rows)
        slopes = _slopes(rows)
        # Per 10x of length a step takes 10 ** slope times as long: the dedup issue's
        # "10 times longer takes at most about 10 times as long".
        cells += [f"{e:.2f}" if e is not None else "-", " ".join(f"{x:.2f}" for x in slopes) or "-",
                  " ".join(f"{10 ** x:.1f}x" for x in slopes) or "-",
                  _relative(_slopes_by_sizes(rows), reference)]
        time_rows.append(cells)
        peaks = [(r["size"], r["traced_peak"] / r["bytes"]) for r in rows if r.get("traced_peak") is not None]
        peaks += [(r["size"], r["rss_growth"] / r["bytes"]) for r in rows
                  if "rss_growth" in r and r["size"] >= RSS_MIN_SIZE]
        worst = max((p for _, p in peaks), default=None)
        # Small documents add a fixed few hundred KB of tables to a few KB of text: the
        # multiple says more from 1 MB on, where the text's own cost dominates.
        large = max((p for size, p in peaks if size >= RSS_MIN_SIZE), default=None)
        mem.append(f"{worst:.1f}x" if worst is not None else "-")
        mem.append(f"{large:.1f}x" if large is not None else "-")
        mem_rows.append(mem)
        if name in REFERENCES:
            continue
        if any("timeout" in r for r in rows):
            verdicts.append(f"- **{name}** ran over the {res['budget']:.0f}s budget: super-linear or too slow "
                            "at that size.")
        elif e is not None and e > EXPONENT_LIMIT:
            verdicts.append(f"- **{name}** grows super-linearly (exponent {e:.2f}).")
        if worst is not None and worst >= MEMORY_TARGET:
            verdicts.append(f"- **{name}** peaks at {worst:.1f}x the document size (target below "
                            f"{MEMORY_TARGET:.0f}x)" + (f"; {large:.1f}x from {_size_label(RSS_MIN_SIZE)} on."
                                                       if large is not None else "."))
    n = res.get("seeds", 1)
    per_size = (f"the median over {n} documents per size of the time per byte, times the first one's size; "
                "in brackets the least and the most of them"
                if n > 1 else "one document per size")
    out = [f"Time (CPU seconds; {per_size}), growth exponent "
           "(least-squares slope of log time vs log size; 1.00 = linear), how many times as long "
           "each size takes as the one before, per 10x of length, and that growth divided by the "
           f"growth of `{INDEX_REFERENCE}` (one index of the text's word pairs, nothing else: what one "
           "table growing with the text costs on this machine; 1.00x grows as it does):", "",
           md_table(head, time_rows), "",
           "Peak memory during the call, as a multiple of the document's UTF-8 size: tracemalloc peak "
           f"(traced up to {_size_label(res.get('traced_max', sizes[-1]))}) / growth of the process's peak RSS "
           f"(below {_size_label(RSS_MIN_SIZE)} the RSS is too coarse to divide - allocator arenas - and is "
           "shown in MB):", "",
           md_table(["step"] + [_size_label(s) for s in sizes]
                    + ["worst", f"worst from {_size_label(RSS_MIN_SIZE)}"], mem_rows), ""]
    if verdicts:
        out += ["Short of the targets (exponent near 1, memory below 10x):", ""] + verdicts
    else:
        out.append("Every step is near-linear and below 10x the document size in memory.")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description="scaling worker (run by python -m benchmarks --scaling)")
    ap.add_argument("--worker", nargs=2, metavar=("NAME", "PATH"), required=True)
    ap.add_argument("--traced", action="store_true")
    args = ap.parse_args()
    print(json.dumps(_worker(args.worker[0], args.worker[1], args.traced)))


if __name__ == "__main__":
    main()
