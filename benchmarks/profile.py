"""Where the default chain spends its time: ``python -m benchmarks --profile``.

Runs the chain over the generated news corpus twice: under :mod:`cProfile` (standard
library) for the functions with the most time of their own, and, when pyinstrument is
importable, under pyinstrument for the call tree. Both are written to
``benchmarks/out/profile-*.txt``; the top of the cProfile table is returned for the report.

pyinstrument is not a dependency of textnorm: install it into a separate virtualenv, e.g.
``python3 -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install pyinstrument -e .``,
and run ``/tmp/benchvenv/bin/python -m benchmarks --profile``.
"""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path

from textnorm.pipeline import Pipeline

from . import corpus_gen
from ._common import OUT, log, md_table


def run(n_docs: int = 120, top: int = 25, out: Path = OUT) -> str:
    """Profile the chain; return a markdown table of the ``top`` functions by own time."""
    out.mkdir(parents=True, exist_ok=True)
    texts = [t for t, _ in corpus_gen.news_corpus(n_docs)]
    pipeline = Pipeline.default()
    for t in texts[:5]:  # warm up: imports and first-use compilation stay out of the profile
        pipeline(t)

    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        pipeline(t)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(60)
    (out / "profile-cprofile.txt").write_text(buf.getvalue(), encoding="utf-8")
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    ranked = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in ranked:
        where = _short(filename)
        rows.append([f"`{func}`", f"{where}:{line}" if line else where, ncalls, f"{100 * tottime / total:.1f}%",
                     f"{100 * cumtime / total:.1f}%"])
    log(f"profile: cProfile table in {out / 'profile-cprofile.txt'}")

    try:
        from pyinstrument import Profiler
    except ImportError:
        log("profile: pyinstrument not importable, call tree skipped (see benchmarks/README.md)")
    else:
        p = Profiler(interval=0.001)
        p.start()
        for t in texts:
            pipeline(t)
        p.stop()
        (out / "profile-pyinstrument.txt").write_text(p.output_text(unicode=True, color=False),
                                                        encoding="utf-8")
        log(f"profile: pyinstrument call tree in {out / 'profile-pyinstrument.txt'}")
    return (f"The default chain over {len(texts)} generated documents under cProfile (which inflates "
            "many small calls), the functions with the most time of their own:\n\n"
            + md_table(["function", "where", "calls", "own time", "with callees"], rows, align="llrrr"))


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for anchor in ("textnorm_std", "textnorm", "benchmarks"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor):])
    return filename if filename.startswith("~") or filename.startswith("<") else Path(filename).name
