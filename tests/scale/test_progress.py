"""The progress bar: what it shows, and that a piped run shows none."""

from __future__ import annotations

import io

from scale_util import config, docs, run, write_jsonl

from textnorm.progress import Progress, render_progress


def test_render_progress_shows_rate_throughput_and_eta():
    line = render_progress(docs=1200, nbytes=6_000_000, elapsed=4.0, fraction=0.25, width=100)
    assert line.startswith("[") and " 25% " in line
    assert "1,200 docs 300 docs/s 1.5 MB/s ETA 00:12" in line
    assert len(line) <= 100


def test_render_progress_without_a_known_size_has_no_bar_or_eta():
    line = render_progress(docs=10, nbytes=0, elapsed=2.0, fraction=None, width=80)
    assert "[" not in line and "ETA" not in line and "5 docs/s" in line


def test_render_progress_fits_narrow_terminals_and_long_runs():
    assert len(render_progress(10**7, 10**11, 7300.0, 0.5, width=30)) <= 30
    assert "ETA 2:01:40" in render_progress(10, 10, 7300.0, 0.5, width=200)


def test_progress_draws_only_when_enabled():
    quiet = io.StringIO()
    p = Progress(total_bytes=100, read_bytes=lambda: 50, stream=quiet, enabled=False)
    p.update(5, 500)
    p.close()
    assert quiet.getvalue() == "" and p.docs == 5
    shown = io.StringIO()
    p = Progress(total_bytes=100, read_bytes=lambda: 50, stream=shown, enabled=True, interval=0)
    p.update(5, 500)
    p.close()
    assert "\r" in shown.getvalue() and "50%" in shown.getvalue()


def test_no_progress_when_piped_and_a_bar_when_asked(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", docs(300))
    piped = run("clean", str(src), "-o", str(tmp_path / "a.jsonl"), "-c", config(tmp_path), "--jobs", "1")
    assert piped.returncode == 0 and piped.stderr.count("\n") == 1 and "docs/s" not in piped.stderr
    shown = run("clean", str(src), "-o", str(tmp_path / "b.jsonl"), "-c", config(tmp_path), "--jobs", "1",
                "--progress", "always")
    assert shown.returncode == 0 and "docs/s" in shown.stderr and "%" in shown.stderr
    assert shown.stderr.rstrip().splitlines()[-1].strip().startswith("textnorm: 300 records in, 300 out")
