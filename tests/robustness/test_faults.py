"""Hostile patterns through the command line: refused at config load, bounded at run time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "textnorm", *args], capture_output=True, text=True, check=False)


def test_invalid_user_pattern_is_a_config_error_naming_step_key_and_pattern(tmp_path: Path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[[step]]\nuse = "promo-lines"\nname = "promo"\nextra_patterns = ["read (more"]\n')
    src = tmp_path / "a.txt"
    src.write_text("Some text.\n")
    out = run("clean", "-c", str(cfg), str(src), "-o", str(tmp_path / "out.txt"))
    assert out.returncode == 1
    (line,) = out.stderr.strip().splitlines()
    assert str(cfg) in line and "step 1 ('promo', promo-lines)" in line
    assert "extra_patterns" in line and "read (more" in line
    assert not (tmp_path / "out.txt").exists()  # stopped before any document


def test_pattern_timeout_leaves_that_document_unchanged_and_the_run_goes_on(tmp_path: Path):
    cfg = tmp_path / "slow.toml"
    cfg.write_text('[[step]]\nuse = "promo-lines"\nextra_patterns = ["^(a|aa)+$"]\npattern_timeout = 0.05\n')
    hostile = "a" * 40 + "b"  # (a|aa)+$ backtracks exponentially on this line
    rows = [{"id": "ok", "text": "A quiet article.\nIt has two sentences.\n"},
            {"id": "slow", "text": f"A quiet article.\n{hostile}\n"},
            {"id": "ok2", "text": "Another article.\n"}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = run("clean", "-c", str(cfg), "-j", "1", str(src), "--errors-file", str(tmp_path / "err.jsonl"))
    assert out.returncode == 1
    assert [json.loads(x)["text"] for x in out.stdout.splitlines()] == [r["text"] for r in rows]
    line = next(x for x in out.stderr.splitlines() if x.startswith("textnorm: error:"))
    assert "(id slow)" in line and "step 'promo-lines'" in line and "^(a|aa)+$" in line
    (err,) = [json.loads(x) for x in (tmp_path / "err.jsonl").read_text().splitlines()]
    assert (err["id"], err["kind"], err["step"]) == ("slow", "step", "promo-lines")
