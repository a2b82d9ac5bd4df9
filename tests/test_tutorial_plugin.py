"""Install the tutorial's plugin (examples/textnorm-redact) the way a user would, and
use it through the ``textnorm`` command.

The package is installed with ``pip install --no-deps --target <tmp>``, never into the
current environment, and found through PYTHONPATH by subprocesses, so the test
environment is left exactly as it was.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "textnorm-redact"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed example package (module and dist-info)."""
    target = tmp_path_factory.mktemp("redact-site")
    build = tmp_path_factory.mktemp("redact-build")
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
           "--no-input", "--target", str(target)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-build-isolation")  # build offline with the hatchling we have
    # Build from a copy, so that pip leaves no build/ or egg-info in the repository.
    src = build / "textnorm-redact"
    _copy_tree(EXAMPLE, src)
    result = subprocess.run(cmd + [str(src)], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, f"pip failed:\n{result.stdout}\n{result.stderr}"
    assert (target / "textnorm_redact" / "__init__.py").is_file()
    return target


def _copy_tree(src: Path, dst: Path) -> None:
    for path in src.rglob("*"):
        if "__pycache__" in path.parts or ".pytest_cache" in path.parts or ".hypothesis" in path.parts:
            continue
        out = dst / path.relative_to(src)
        if path.is_dir():
            out.mkdir(parents=True, exist_ok=True)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(path.read_bytes())


def _run(target: Path, *args: str, cwd: Path | None = None, stdin: str | None = None,
         timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    env.pop("NO_COLOR", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd,
                          input=stdin, timeout=timeout)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "redact.toml"
    config.write_text('[[step]]\nuse = "redact-emails"\nkeep_domains = ["example.org"]\n', encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Contact: Ann Lee <ann.lee@mail.example.com>\nPress office: press@example.org\n",
                     encoding="utf-8")
    return config, notes


def test_listed_with_distribution_and_version(target):
    result = _run(target, "-m", "textnorm", "plugins")
    assert result.returncode == 0, result.stderr
    assert "redact-emails  [textnorm-redact 0.1.0; plugin redact-emails]" in result.stdout
    assert "placeholder = '[email]'  (str)" in result.stdout
    only = _run(target, "-m", "textnorm", "plugins", "--only-dist", "textnorm-redact")
    assert only.stdout.startswith("redact-emails  [textnorm-redact 0.1.0")
    headers = [line for line in only.stdout.splitlines() if line and not line.startswith(" ")]
    assert headers == ["redact-emails  [textnorm-redact 0.1.0; plugin redact-emails]"]


def test_runs_from_a_config_and_redacts(target, files):
    config, notes = files
    result = _run(target, "-m", "textnorm", "clean", "-c", str(config), str(notes))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Contact: Ann Lee <[email]>\nPress office: press@example.org\n"
    explained = _run(target, "-m", "textnorm", "explain", "-c", str(config), str(notes))
    assert "redact-emails  replace  line 1, chars 18-42: e-mail address at domain 'mail.example.com'" \
        in explained.stdout
    # The tutorial shows these very outputs.
    tutorial = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    shown = tutorial[tutorial.index("$ textnorm clean -c redact.toml notes.txt\n"):]
    shown = shown[:shown.index("```")]
    assert shown == ("$ textnorm clean -c redact.toml notes.txt\n" + result.stdout
                     + "$ textnorm explain -c redact.toml notes.txt\n" + explained.stdout)


def test_blocked_plugin_makes_its_config_fail_in_one_line(target, files):
    config, notes = files
    result = _run(target, "-m", "textnorm", "clean", "-c", str(config), "--block", "redact-emails", str(notes))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("textnorm: error: ")
    assert "step 1 ('redact-emails'): unknown normalizer 'redact-emails'" in lines[0]
    listed = _run(target, "-m", "textnorm", "plugins", "--block", "redact-emails")
    assert "redact-emails" not in listed.stdout


def test_the_example_package_tests_pass(target, tmp_path):
    # From a copy, so that hypothesis' database and caches stay out of the repository.
    copy = tmp_path / "textnorm-redact"
    _copy_tree(EXAMPLE, copy)
    result = _run(target, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(copy / "tests"),
                  cwd=copy, timeout=180)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout


def _python_block_after(text: str, marker: str) -> str:
    start = text.index(marker)
    block = text.index("```python\n", start) + len("```python\n")
    return text[block:text.index("```", block)]


def test_the_tutorials_code_registration_runs_as_shown(target, tmp_path):
    tutorial = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    script = tmp_path / "use_in_code.py"
    script.write_text(_python_block_after(tutorial, "(`use_in_code.py`):"), encoding="utf-8")
    shown = tutorial[tutorial.index("$ python use_in_code.py\n") + len("$ python use_in_code.py\n"):]
    shown = shown[:shown.index("```")]
    result = _run(target, str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown


def test_the_hook_and_api_examples_run_as_shown(target, tmp_path):
    hooks = (ROOT / "docs" / "reference" / "hooks.md").read_text(encoding="utf-8")
    script = tmp_path / "hooks_example.py"
    script.write_text(_python_block_after(hooks, "Example: count the edits"), encoding="utf-8")
    result = _run(target, str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "{'redact-emails': 2}\n"

    api = (ROOT / "docs" / "reference" / "python-api.md").read_text(encoding="utf-8")
    code = _python_block_after(api, "`to_dict()`.\n\n")
    script = tmp_path / "api_example.py"
    script.write_text(code, encoding="utf-8")
    result = _run(target, str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # The block shows its output in comments: "print(...)  # out" or "# out" on the next line.
    assert result.stdout.splitlines() == [
        "'Hi,\\nwrite to [email].\\n'",
        "redact-emails 13 28 'ann@example.org' '[email]' replace",
        "(13, 28)",
    ]
    assert "# 'Hi,\\nwrite to [email].\\n'" in code and "# (13, 28)" in code
    assert "# redact-emails 13 28 'ann@example.org' '[email]' replace" in code
