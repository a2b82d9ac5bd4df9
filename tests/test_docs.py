"""Tests that keep the documentation honest: every hook, command and option is
documented, the tutorial shows the example plugin's files as they are, and the links
and examples in the docs work."""

from __future__ import annotations

import argparse
import doctest
import inspect
import re
from pathlib import Path

import pytest

from textnorm import hookspecs
from textnorm.cli import build_parser
from textnorm.config import default_config_text

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "textnorm-redact"
HOOKS_MD = DOCS / "reference" / "hooks.md"
CLI_MD = DOCS / "reference" / "cli.md"
CONFIG_MD = DOCS / "reference" / "config.md"
TUTORIAL_MD = DOCS / "tutorial.md"

FILE_BLOCK_RE = re.compile(r"<!-- file: (?P<path>\S+) -->\n```[\w-]*\n(?P<body>.*?)```\n", re.S)
LINK_RE = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def _hooks() -> list[str]:
    return sorted(name for name, obj in vars(hookspecs).items()
                  if name.startswith("textnorm_") and callable(obj) and hasattr(obj, "textnorm_spec"))


def _section(text: str, heading: str) -> str:
    """The text under a ``## heading`` up to the next heading of that level."""
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    return m.group(1) if m else ""


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_there_are_hooks():
    assert "textnorm_register_normalizers" in _hooks()


@pytest.mark.parametrize("hook", _hooks())
def test_every_hook_has_a_section(hook):
    text = HOOKS_MD.read_text(encoding="utf-8")
    section = _section(text, hook)
    assert section, f"docs/reference/hooks.md has no '## {hook}' section"
    # The section shows the signature and the docstring's opening sentence.
    params = list(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert f"def {hook}(" in section
    for p in params:
        assert p in section, f"parameter {p!r} of {hook} is not shown in its section"
    first_line = inspect.getdoc(getattr(hookspecs, hook)).splitlines()[0]
    assert first_line.replace("``", "`").replace(":class:", "") in section.replace("``", "`")


def test_every_documented_hook_exists():
    text = HOOKS_MD.read_text(encoding="utf-8")
    documented = re.findall(r"^## (textnorm_\w+)$", text, re.M)
    assert sorted(documented) == _hooks()


def test_every_command_has_a_section():
    text = CLI_MD.read_text(encoding="utf-8")
    for name in _subcommands():
        assert _section(text, f"textnorm {name}"), f"docs/reference/cli.md has no '## textnorm {name}' section"


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_option_is_documented(command):
    text = CLI_MD.read_text(encoding="utf-8")
    section = _section(text, f"textnorm {command}")
    for action in _subcommands()[command]._actions:
        if action.help == argparse.SUPPRESS or "-h" in action.option_strings:
            continue
        if not action.option_strings:  # a positional: documented by its metavar
            assert action.metavar in section, f"{command}: positional {action.metavar} is undocumented"
            continue
        for opt in action.option_strings:
            assert opt in section, f"textnorm {command}: option {opt} is missing from docs/reference/cli.md"
        for choice in action.choices or ():
            assert str(choice) in section or str(choice) in text, f"{command} {opt}: choice {choice!r} undocumented"


def test_top_level_options_are_documented():
    text = CLI_MD.read_text(encoding="utf-8")
    for action in build_parser()._actions:
        for opt in action.option_strings:
            assert f"`{opt}`" in text


def test_tutorial_shows_the_example_files_as_they_are():
    text = TUTORIAL_MD.read_text(encoding="utf-8")
    shown = {m["path"]: m["body"] for m in FILE_BLOCK_RE.finditer(text)}
    assert {"pyproject.toml", "src/textnorm_redact/__init__.py", "tests/test_redact.py"} <= set(shown)
    for rel, body in shown.items():
        path = EXAMPLE / rel
        assert path.is_file(), f"the tutorial shows {rel}, which examples/textnorm-redact does not have"
        assert body == path.read_text(encoding="utf-8"), (
            f"the tutorial's copy of {rel} differs from examples/textnorm-redact/{rel}; update one of them")


def test_every_file_the_tutorial_names_exists():
    text = TUTORIAL_MD.read_text(encoding="utf-8")
    tree = re.search(r"```text\ntextnorm-redact/\n(.*?)```", text, re.S)
    assert tree, "the tutorial lost its file tree"
    names = re.findall(r"── (\S+)", tree.group(1))
    assert names
    for name in names:
        assert (EXAMPLE / name).is_file(), f"the tutorial names {name}, missing from examples/textnorm-redact"


def test_tutorial_entry_point_matches_the_example():
    pyproject = (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.textnorm]\nredact-emails = "textnorm_redact"' in pyproject


def _markdown_files() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", _markdown_files(), ids=lambda p: str(p.relative_to(DOCS)))
def test_relative_links_resolve(page):
    text = page.read_text(encoding="utf-8")
    for m in LINK_RE.finditer(text):
        target = m["target"]
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#", 1)[0]).resolve()
        assert path.exists(), f"{page.relative_to(ROOT)} links to {target}, which does not exist"


def test_python_api_examples_run():
    text = (DOCS / "reference" / "python-api.md").read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "python-api.md", str(DOCS / "reference" / "python-api.md"), 0)
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_config_reference_shows_the_default_header():
    text = CONFIG_MD.read_text(encoding="utf-8")
    for line in default_config_text().splitlines():
        if not line.startswith("#"):
            break
        assert line in text, f"docs/reference/config.md does not show the default config's line {line!r}"
