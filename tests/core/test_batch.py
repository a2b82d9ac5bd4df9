"""Batch runs lose nothing: each record gives one output or one error line, and the run goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from plugin_sites import make_site, run_cli, write_dist


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A plugin distribution whose normalizer 'mark' fails on documents holding 'explode'."""
    return make_site(tmp_path / "site")


@pytest.fixture
def empty_config(tmp_path: Path) -> str:
    """A config with no steps: these tests are about the batch machinery, not the normalizers."""
    path = tmp_path / "empty.toml"
    path.write_text("step = []\n")
    return str(path)


run = run_cli


def jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_malformed_record_in_the_middle_gives_one_error_line_and_every_other_record(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "One."}, '{"id": 2, "text": "bro', {"id": 3, "text": "Three."}])
    out = run("clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--errors-file", str(tmp_path / "err.jsonl"))
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("textnorm: error:")]
    assert len(errors) == 1 and errors[0].startswith(f"textnorm: error: {src}: line 2: not valid JSON (")
    assert "3 records in, 2 out, 1 failed" in out.stderr
    rows = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == [1, 3]
    err = [json.loads(x) for x in (tmp_path / "err.jsonl").read_text().splitlines()]
    assert [(e["record"], e["kind"]) for e in err] == [(2, "input")]


def test_failing_normalizer_leaves_that_document_unchanged_and_the_run_goes_on(tmp_path, site):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "fine"}, {"id": "b", "text": "explode now"},
                                         {"id": "c", "text": "fine too"}])
    cfg = tmp_path / "c.toml"
    cfg.write_text('[[step]]\nuse = "mark"\n')
    out = run("clean", str(src), "-c", str(cfg), "--errors-file", str(tmp_path / "e.jsonl"), site=site)
    assert out.returncode == 1
    assert [json.loads(x)["text"] for x in out.stdout.splitlines()] == ["> fine", "explode now", "> fine too"]
    line = next(x for x in out.stderr.splitlines() if x.startswith("textnorm: error:"))
    assert "(id b)" in line and "step 'mark'" in line and "ValueError: cannot handle this one" in line
    (err,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert (err["id"], err["step"], err["kind"]) == ("b", "mark", "step")


def test_fail_fast_stops_at_the_first_failure_with_its_traceback(tmp_path, site):
    src = jsonl(tmp_path / "in.jsonl", [{"text": "explode"}, {"text": "fine"}])
    cfg = tmp_path / "c.toml"
    cfg.write_text('[[step]]\nuse = "mark"\n')
    out = run("clean", str(src), "-c", str(cfg), "--fail-fast", "-o", str(tmp_path / "o.jsonl"), site=site)
    assert out.returncode != 0
    assert "Traceback" in out.stderr and "in textnorm step 'mark'" in out.stderr
    assert not (tmp_path / "o.jsonl").exists()  # outputs are atomic: nothing half-written


def test_fail_fast_on_bad_input_is_one_line(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", ["not json", {"text": "fine"}])
    out = run("clean", str(src), "--fail-fast")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip().splitlines() == [f"textnorm: error: {src}: line 1: not valid JSON (Expecting value "
                                               "at column 1)"]


def test_undecodable_bytes_replaced_on_request(tmp_path, empty_config):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\u00e9 au lait.\n".encode("latin-1"))
    out = run("clean", str(bad), "--errors", "replace", "-f", "json", "-c", empty_config)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["text"] == "caf\ufffd au lait.\n" and data["metadata"]["extra"]["replaced_bytes"] == 1


def test_binary_file_is_skipped_with_a_message(tmp_path, empty_config):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (tmp_path / "in" / "ok.txt").write_text("Plain text.\n")
    out = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-c", empty_config)
    assert out.returncode == 1
    assert "blob.txt: binary file (NUL byte at offset 8); skipped" in out.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.txt"]


def test_documents_over_the_size_limit_are_reported_not_cut(tmp_path, empty_config):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "small", "text": "short"}, {"id": "big", "text": "x" * 50}])
    out = run("clean", str(src), "--max-chars", "20", "-c", empty_config)
    assert out.returncode == 1
    assert [json.loads(x)["id"] for x in out.stdout.splitlines()] == ["small"]
    assert "(id big)" in out.stderr and "50 characters exceeds the limit of 20" in out.stderr


def test_line_ends_are_kept_unless_normalisation_is_asked(tmp_path):
    src = tmp_path / "crlf.txt"
    src.write_bytes(b"First line.\r\nSecond line.\rThird.\n")
    kept = subprocess.run([sys.executable, "-m", "textnorm", "clean", str(src)], capture_output=True, check=False)
    assert kept.stdout == b"First line.\r\nSecond line.\rThird.\n"
    lf = subprocess.run([sys.executable, "-m", "textnorm", "clean", str(src), "--newlines", "lf"],
                        capture_output=True, check=False)
    assert lf.stdout == b"First line.\nSecond line.\nThird.\n"


def test_stats_file_counts_the_run(tmp_path, empty_config):
    src = jsonl(tmp_path / "in.jsonl", [{"text": "A."}, {"text": "B."}])
    out = run("clean", str(src), "--stats", str(tmp_path / "s.json"), "-q", "-c", empty_config)
    assert out.returncode == 0 and out.stderr == ""
    stats = json.loads((tmp_path / "s.json").read_text())
    assert (stats["records_in"], stats["records_out"], stats["records_failed"]) == (2, 2, 0)


def test_plugin_that_fails_to_import_stops_before_any_document(tmp_path, empty_config):
    root = write_dist(tmp_path / "site", "bad-dist", {"bad": "bad_mod"},
                      {"bad_mod": "import not_a_module_anywhere\n"}, version="2.0")
    src = tmp_path / "a.txt"
    src.write_text("Text.\n")
    out = run("clean", str(src), "-o", str(tmp_path / "out.txt"), site=root)
    assert out.returncode == 1
    (line,) = out.stderr.strip().splitlines()
    assert "plugin 'bad'" in line and "bad_mod" in line and "bad-dist" in line and "No module named" in line
    assert not (tmp_path / "out.txt").exists()
    blocked = run("clean", str(src), "--block", "bad", "-c", empty_config, site=root)
    assert blocked.returncode == 0
