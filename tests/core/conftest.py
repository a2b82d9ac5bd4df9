"""Fixtures for the core's tests: throwaway plugin distributions on sys.path."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from plugin_sites import write_dist

PLUGIN_SOURCE = '''
import attrs
import textnorm


@attrs.frozen
class Options:
    word: str = "spam"


class Normalizer(textnorm.Normalizer):
    """Remove one word everywhere."""

    name = "{normalizer}"
    Options = Options

    def __call__(self, doc):
        import regex
        changes = [textnorm.Change(m.start(), m.end(), f"the word {{self.options.word!r}}")
                   for m in regex.finditer(r" ?\\b" + regex.escape(self.options.word) + r"\\b", doc.text)]
        return textnorm.Proposal(changes=changes)


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(Normalizer)
'''


@pytest.fixture
def make_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Make an installed-looking distribution with one textnorm entry point.

    ``make_dist(dist, entry_point, module, normalizer)`` writes ``module.py`` and a
    ``dist.dist-info`` with the entry point into a folder put on ``sys.path``.
    """
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))

    def make(dist: str, entry_point: str, module: str, normalizer: str, source: str | None = None) -> None:
        write_dist(root, dist, {entry_point: module},
                   {module: source or PLUGIN_SOURCE.format(normalizer=normalizer)}, version="1.2.3")

    yield make
    for name in list(sys.modules):
        if (root / f"{name}.py").exists():
            del sys.modules[name]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip()
