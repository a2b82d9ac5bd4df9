"""Interrupted runs: outputs are atomic, and --resume finishes the job exactly."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from scale_util import config, docs, env_with, run, write_jsonl


def _inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for f in range(6):
        rows = docs(40, prefix=f"f{f}-")
        if f == 2:
            rows.insert(10, '{"id": "broken", "text": ')  # one error line to carry over on resume
        write_jsonl(root / f"part-{f}.jsonl", rows)
    return root


def _started_until(args: list[str], site: Path, ready: Path) -> subprocess.Popen[bytes]:
    """Start ``args`` and return once ``ready`` exists (or the process ended, or 120 s)."""
    proc = subprocess.Popen(args, env=env_with(site), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return proc


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_killed_run_resumed_equals_an_uninterrupted_run(tmp_path, site):
    root = _inputs(tmp_path)
    cfg = config(tmp_path, "slow", "mark")  # 10 ms a document: ~2.5 s for the whole run
    full = run("clean", str(root), "-o", str(tmp_path / "full"), "-c", cfg, "--jobs", "1",
               "--errors-file", str(tmp_path / "full-errors.jsonl"), "--stats", str(tmp_path / "full.json"),
               site=site)
    assert full.returncode == 1, full.stderr

    out = tmp_path / "out"
    args = [sys.executable, "-m", "textnorm", "clean", str(root), "-o", str(out), "-c", cfg, "--jobs", "1",
            "--errors-file", str(tmp_path / "errors.jsonl"), "--stats", str(tmp_path / "stats.json")]
    proc = _started_until(args, site, out / "part-1.jsonl")
    proc.kill()
    proc.wait()
    done = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert 2 <= len(done) < 6, "the run was to be killed half-way"
    assert (out / ".textnorm-manifest.jsonl").exists()

    resumed = subprocess.run([*args, "--resume"], env=env_with(site), capture_output=True, text=True,
                             check=False, timeout=300)
    assert resumed.returncode == 1, resumed.stderr
    assert "files already complete (--resume)" in resumed.stderr
    assert _files(out) == _files(tmp_path / "full")  # byte for byte; no manifest, no temporary file left
    assert (tmp_path / "errors.jsonl").read_bytes() == (tmp_path / "full-errors.jsonl").read_bytes()
    stats = json.loads((tmp_path / "stats.json").read_text())
    full_stats = json.loads((tmp_path / "full.json").read_text())
    for key in ("records_in", "records_out", "records_failed", "documents_changed", "chars_in", "chars_out",
                "chars_removed_by_step", "files"):
        assert stats[key] == full_stats[key], key
    assert stats["records_in"] == 241 and stats["files_resumed"] >= 2


def test_resume_with_another_config_redoes_everything(tmp_path, site):
    root = _inputs(tmp_path)
    out = tmp_path / "out"
    manifest = out / ".textnorm-manifest.jsonl"
    out.mkdir()
    # A manifest left by a run with another config: its entries must not count.
    first = run("clean", str(root), "-o", str(out), "-c", config(tmp_path), "--jobs", "1", site=site)
    assert first.returncode == 1
    (out / "part-0.jsonl").write_text("stale\n")
    manifest.write_text(json.dumps({"signature": "other", "source": str(root / "part-0.jsonl"),
                                    "output": str(out / "part-0.jsonl"), "stats": {}, "errors": []}) + "\n")
    again = run("clean", str(root), "-o", str(out), "-c", config(tmp_path, "mark"), "--resume", site=site)
    assert "already complete" not in again.stderr
    assert (out / "part-0.jsonl").read_text().startswith('{"id": "f0-0", "text": "> ')


def test_resume_needs_an_output(tmp_path):
    out = run("clean", "--resume", stdin="x")
    assert out.returncode == 1 and "--resume needs an output" in out.stderr


def test_sigterm_removes_unfinished_outputs(tmp_path, site):
    root = _inputs(tmp_path)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "textnorm", "clean", str(root), "-o", str(out), "-c",
            config(tmp_path, "slow"), "--jobs", "1"]
    proc = _started_until(args, site, out / "part-0.jsonl")
    proc.terminate()
    proc.wait()
    assert proc.returncode == 130
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert (out / "part-0.jsonl").exists() and (out / ".textnorm-manifest.jsonl").exists()
