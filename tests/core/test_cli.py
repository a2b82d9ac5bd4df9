"""The textnorm command as a user meets it: exit codes, one-line errors, formats, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from textnorm.cli import build_parser, main

ARTICLE = (
    "Harbour Town Opens a New Library\n"
    "By Jane Doe, March 3, 2024\n"
    "The new library on the harbour front opened its doors on Monday morning.\n"
    "Readers queued along the quay long before the doors opened.\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "textnorm", *args], input=stdin, capture_output=True,
                          text=True, check=False)


def test_clean_stdin_to_stdout():
    out = run("clean", "-", stdin=ARTICLE)
    assert out.returncode == 0, out.stderr
    assert out.stdout == ARTICLE


def test_clean_without_input_reads_stdin():
    out = run("clean", stdin=ARTICLE)
    assert out.returncode == 0 and out.stdout == ARTICLE


def test_missing_file_is_one_line_without_traceback():
    out = run("clean", "missing.txt")
    assert out.returncode == 1
    assert out.stderr.strip() == "textnorm: error: missing.txt: no such file or directory"


def test_bad_config_is_one_line_naming_file_step_key_and_suggestion(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[[step]]\nuse = "dedup-blocks"\n\n[[step]]\nuse = "promo-lines"\nname = "promo"\nalow = []\n')
    out = run("clean", "-c", str(cfg), "-", stdin="x")
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert str(cfg) in lines[0] and "step 2" in lines[0] and "'alow'" in lines[0]
    assert "did you mean 'allow'" in lines[0]


def test_undecodable_input_names_file_and_byte(tmp_path):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\u00e9 ok\n".encode("latin-1"))
    out = run("clean", str(bad))
    assert out.returncode == 1
    assert out.stderr.strip() == f"textnorm: error: {bad}: not valid UTF-8 at byte 3 (invalid continuation byte); " \
                                 "convert the input to UTF-8 or pass --errors replace"


def test_json_edits_map_back_to_the_original():
    noisy = "Breaking news headline\nA sentence here.\nA sentence here.\nAnother one.\n"
    out = run("clean", "-", "-f", "json", stdin=noisy)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"text", "title", "author", "date", "flags", "metadata", "sections", "headings", "edits"}
    for e in data["edits"]:
        assert noisy[e["start"]:e["end"]] == e["removed"]


def test_jsonl_passes_other_fields_through(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 7, "body": "Hello there.\n", "lang": "en"}) + "\n"
                   + json.dumps({"id": 8, "body": "Second.\n", "lang": "de"}) + "\n")
    out = run("clean", str(src), "--text-field", "body")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert rows == [{"id": 7, "body": "Hello there.\n", "lang": "en"}, {"id": 8, "body": "Second.\n", "lang": "de"}]
    out = run("clean", str(src), "--text-field", "body", "-f", "json")
    first = json.loads(out.stdout.splitlines()[0])
    assert first["lang"] == "en" and "edits" in first["textnorm"]


def test_jsonl_without_the_text_field_is_a_clear_error(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "content": "x"}\n')
    out = run("clean", str(src))
    assert out.returncode == 1
    assert "line 1: no text field 'text'" in out.stderr and "--text-field" in out.stderr


def test_directory_input_mirrors_into_output_directory(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("First doc.\n")
    (tmp_path / "in" / "sub" / "b.txt").write_text("Second doc.\n")
    out = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out") + "/", "-f", "markdown")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "out" / "a.md").exists() and (tmp_path / "out" / "sub" / "b.md").exists()
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_output_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = run("clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "clean.txt"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "clean.txt").read_text() == ARTICLE


def test_plugins_lists_standard_normalizers_with_origin():
    out = run("plugins")
    assert out.returncode == 0
    for name in ("dedup-blocks", "injected-tokens", "promo-lines", "sections"):
        assert f"{name}  [textnorm " in out.stdout


def test_plugins_block():
    out = run("plugins", "--block", "sections")
    assert "sections  [" not in out.stdout and "dedup-blocks  [" in out.stdout


def test_config_prints_a_loadable_default(tmp_path):
    out = run("config")
    assert out.returncode == 0
    cfg = tmp_path / "c.toml"
    cfg.write_text(out.stdout)
    again = run("clean", "-c", str(cfg), "-", stdin=ARTICLE)
    assert again.returncode == 0 and again.stdout == ARTICLE


def test_explain_is_plain_when_piped():
    noisy = "A line that repeats itself here.\nA line that repeats itself here.\n"
    out = run("explain", "-", stdin=noisy)
    assert out.returncode == 0
    assert "\x1b[" not in out.stdout
    assert out.stdout.startswith("== <stdin>:")


def test_explain_colours_when_asked(capsys):
    import io

    noisy = "Some words here.\n"
    sys_stdin = sys.stdin
    try:
        sys.stdin = io.TextIOWrapper(io.BytesIO(noisy.encode()))
        assert main(["explain", "--color", "always", "-"]) == 0
    finally:
        sys.stdin = sys_stdin
    assert "\x1b[1m" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["clean", "explain", "plugins", "config"])
def test_every_command_has_help(command):
    parser = build_parser()
    with pytest.raises(SystemExit) as exc:
        parser.parse_args([command, "--help"])
    assert exc.value.code == 0


def test_python_dash_m_and_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("textnorm ")


def test_no_traceback_for_usage_errors():
    out = run("clean", "--format", "yaml")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_output_dir_for_several_inputs(tmp_path: Path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text(f"Text of {name}.\n")
    out = run("clean", str(tmp_path / "x.txt"), str(tmp_path / "y.txt"), "-o", str(tmp_path / "o"))
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["x.txt", "y.txt"]
