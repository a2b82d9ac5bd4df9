"""Corpus-scale benchmark: `textnorm clean --jobs N` on news-size JSON Lines records.

    python benchmarks/scale_jobs.py                      # 100,000 records, speedup on 2,000
    python benchmarks/scale_jobs.py --records 20000 --subset 1000 --jobs 4

It generates its own synthetic news-size records (about 5 KB each: a headline, a
byline, 8-14 paragraphs of invented words in several scripts, a repeated
paragraph in some, a site footer in a third of them) and one malformed record in
the middle, then

1. cleans the first ``--subset`` records with ``--jobs 1`` and ``--jobs N`` (wall
   time, speedup; both outputs must be byte-identical);
2. cleans all records with ``--jobs N``, the progress bar on (``--progress
   always``), and checks the accounting: every input record is one output line or
   one error line, and the stats agree.

Results are printed and written to ``--results`` (JSON). Never part of the test
suite: it runs for minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

SYLLABLES = {
    "latin": "ka to ri na mo le sa vi du pe ro ta ne mi lo be gu fa ze".split(),
    "cyrillic": "ка то ри на мо ле са ви ду пе ро та не ми ло бе гу фа зе".split(),
    "greek": "κα το ρι να μο λε σα βι δυ πε ρο τα νε μι λο".split(),
}


def _word(rng: random.Random, script: str) -> str:
    return "".join(rng.choice(SYLLABLES[script]) for _ in range(rng.randint(1, 4)))


def _sentence(rng: random.Random, script: str) -> str:
    words = [_word(rng, script) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def _paragraph(rng: random.Random, script: str) -> str:
    return " ".join(_sentence(rng, script) for _ in range(rng.randint(2, 5)))


def make_record(i: int, rng: random.Random, footer: dict[str, str]) -> dict[str, object]:
    script = rng.choice(list(SYLLABLES))
    paras = [_paragraph(rng, script) for _ in range(rng.randint(8, 14))]
    if i % 7 == 0:  # a paragraph repeated inside the article (for dedup-blocks)
        paras.insert(rng.randint(1, len(paras)), paras[0])
    if i % 3 == 0:  # the site's footer
        paras.append(footer[script])
    title = " ".join(_word(rng, script) for _ in range(rng.randint(4, 9))).title()
    text = f"{title}\n\n" + "\n\n".join(paras) + "\n"
    return {"id": f"news-{i:06d}", "url": f"https://example.org/{script}/{i}", "lang": script, "text": text}


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    footer = {s: _paragraph(random.Random(s), s) for s in SYLLABLES}
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if i == n // 2:
                f.write('{"id": "malformed", "text": "cut off here\n')  # one broken record in the middle
            f.write(json.dumps(make_record(i, rng, footer), ensure_ascii=False) + "\n")


def clean(src: Path, out: Path, jobs: int, work: Path, progress: str = "never") -> dict[str, object]:
    stats_path = work / f"{out.stem}.stats.json"
    errors_path = work / f"{out.stem}.errors.jsonl"
    log_path = work / f"{out.stem}.stderr.log"  # `tail -f` it to watch the progress bar
    t0 = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen([sys.executable, "-m", "textnorm", "clean", str(src), "-o", str(out), "--jobs",
                                 str(jobs), "--stats", str(stats_path), "--errors-file", str(errors_path),
                                 "--progress", progress], stderr=log)
        # wait4's usage covers the run and the worker processes it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    returncode = os.waitstatus_to_exitcode(status)
    stderr = log_path.read_text(encoding="utf-8")
    if returncode not in (0, 1):
        raise SystemExit(f"textnorm failed ({returncode}):\n{stderr[-3000:]}")
    stats = json.loads(stats_path.read_text())
    return {"jobs": jobs, "wall_seconds": round(wall, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "stats": stats,
            "errors": errors_path.read_text().count("\n"), "stderr_tail": stderr[-400:],
            "progress_bar_shown": "docs/s" in stderr}


def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--subset", type=int, default=2_000, help="records for the speedup measurement")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "textnorm-scale-bench")
    ap.add_argument("--results", type=Path, default=Path(__file__).with_name("scale_jobs.results.json"))
    ap.add_argument("--skip-full", action="store_true", help="only the speedup measurement")
    args = ap.parse_args()

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"news-{args.records}.jsonl"
    if not corpus.exists():
        print(f"generating {args.records:,} records -> {corpus}", file=sys.stderr)
        generate(corpus, args.records)
    size = corpus.stat().st_size
    records = count_lines(corpus)
    results: dict[str, object] = {"records": records, "bytes": size, "avg_record_bytes": size // records,
                                  "cores": os.cpu_count(), "load_average_at_start": os.getloadavg()}

    subset = work / f"subset-{args.subset}.jsonl"
    with open(corpus, encoding="utf-8") as f, open(subset, "w", encoding="utf-8") as g:
        for _, line in zip(range(args.subset), f):
            g.write(line)
    one = clean(subset, work / "subset-j1.jsonl", 1, work)
    many = clean(subset, work / f"subset-j{args.jobs}.jsonl", args.jobs, work)
    same = (work / "subset-j1.jsonl").read_bytes() == (work / f"subset-j{args.jobs}.jsonl").read_bytes()
    speedup = one["wall_seconds"] / many["wall_seconds"]  # type: ignore[operator]
    # On a machine shared with other work the wall-clock ratio measures the contention as
    # much as textnorm; the CPU seconds show the parallel overhead: with N idle cores the
    # run would take cpu_N / N, so the speedup on idle cores is N * cpu_1 / cpu_N.
    idle = args.jobs * one["cpu_seconds"] / many["cpu_seconds"]  # type: ignore[operator]
    results["speedup"] = {"records": args.subset, "jobs_1_seconds": one["wall_seconds"],
                          f"jobs_{args.jobs}_seconds": many["wall_seconds"], "speedup": round(speedup, 2),
                          "jobs_1_cpu_seconds": one["cpu_seconds"], f"jobs_{args.jobs}_cpu_seconds":
                          many["cpu_seconds"], "speedup_on_idle_cores": round(idle, 2),
                          "outputs_identical": same, "load_average_after": os.getloadavg()}
    print(json.dumps(results["speedup"], indent=2))
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")

    if not args.skip_full:
        full_out = work / "full.jsonl"
        full = clean(corpus, full_out, args.jobs, work, progress="always")
        stats = full["stats"]
        out_lines = count_lines(full_out)
        accounted = out_lines + full["errors"]  # type: ignore[operator]
        results["full"] = {
            "jobs": args.jobs, "wall_seconds": full["wall_seconds"], "cpu_seconds": full["cpu_seconds"],
            "docs_per_second": round(records / full["wall_seconds"], 1),  # type: ignore[operator]
            "input_records": records, "output_records": out_lines, "error_lines": full["errors"],
            "accounted": accounted, "exact": accounted == records and stats["records_in"] == records  # type: ignore[index]
            and stats["records_out"] == out_lines,  # type: ignore[index]
            "stats": stats, "progress_bar_shown": full["progress_bar_shown"],
            "summary": full["stderr_tail"].strip().splitlines()[-1],  # type: ignore[union-attr]
        }
        print(json.dumps({k: v for k, v in results["full"].items() if k != "stats"}, indent=2))  # type: ignore[union-attr]
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"results -> {args.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
