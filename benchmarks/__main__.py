"""Run the benchmarks: ``python -m benchmarks`` from the repository root.

    python -m benchmarks                      # quality, speed and scaling (~5 min on 2 cores)
    python -m benchmarks --quick              # the same, smaller (under ~2 min)
    python -m benchmarks --speed --scaling    # only some parts
    python -m benchmarks --profile            # where the chain spends its time

Markdown tables go to stdout and to benchmarks/out/report.md, every number to
benchmarks/out/report.json (benchmarks/out/ is git-ignored). Progress goes to stderr.
Never part of the test suite: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import time

from . import quality, scaling, speed
from ._common import OUT, log, machine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--quality", action="store_true", help="quality on ../shared/corpus (seed and dev)")
    ap.add_argument("--speed", action="store_true", help="throughput on a generated corpus vs the baselines")
    ap.add_argument("--scaling", action="store_true", help="time and memory for one document of growing size")
    ap.add_argument("--profile", action="store_true",
                    help="profile the chain (cProfile; pyinstrument too when importable); not in the default run")
    ap.add_argument("--quick", action="store_true",
                    help="smaller: 80 documents for speed, sizes up to 1 MB (traced up to 100 KB), "
                         "no heading scores")
    ap.add_argument("--docs", type=int, help="documents in the speed corpus (default 300, quick 80)")
    ap.add_argument("--sizes", help="scaling sizes in bytes, comma-separated "
                    "(default 10000,100000,1000000,10000000; quick up to 1000000)")
    ap.add_argument("--seeds", type=int,
                    help=f"scaling documents per size, other random draws of the same make-up "
                         f"(default {scaling.SEEDS}, quick 2)")
    ap.add_argument("--budget", type=float, default=300.0,
                    help="seconds one step may take at one scaling size (default 300)")
    ap.add_argument("--out", default=str(OUT), help="where report.md and report.json go (default benchmarks/out)")
    args = ap.parse_args(argv)
    parts = ([p for p in ("quality", "speed", "scaling", "profile") if getattr(args, p)]
             or ["quality", "speed", "scaling"])

    t0 = time.perf_counter()
    sections: list[str] = [f"# textnorm benchmarks{' (quick)' if args.quick else ''}", "", machine(), ""]
    data: dict[str, object] = {"machine": machine(), "quick": args.quick}
    if "quality" in parts:
        res = quality.run(headings=not args.quick)
        data["quality"] = res
        sections += ["## Quality", "", quality.report(res), ""]
    if "speed" in parts:
        res = speed.run(n_docs=args.docs or (80 if args.quick else 300), repeat=1 if args.quick else 2)
        data["speed"] = res
        sections += ["## Speed", "", speed.report(res), ""]
    if "scaling" in parts:
        sizes = (tuple(int(s) for s in args.sizes.split(",")) if args.sizes
                 else scaling.SIZES[:3] if args.quick else scaling.SIZES)
        res = scaling.run(sizes, budget=args.budget, traced_max=100_000 if args.quick else 1_000_000,
                          seeds=args.seeds or (2 if args.quick else scaling.SEEDS))
        data["scaling"] = res
        sections += ["## Scaling", "", scaling.report(res), ""]
    if "profile" in parts:
        from . import profile

        sections += ["## Profile", "", profile.run(n_docs=40 if args.quick else 120, out=OUT.__class__(args.out)), ""]
    sections.append(f"_Run time: {time.perf_counter() - t0:.0f} s (parts: {', '.join(parts)})._")
    text = "\n".join(sections) + "\n"
    print(text)
    out = OUT.__class__(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.md").write_text(text, encoding="utf-8")
    (out / "report.json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    log(f"written: {out / 'report.md'} and {out / 'report.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
