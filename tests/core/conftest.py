"""Fixtures for the core's tests: throwaway plugin distributions on sys.path."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

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
        (root / f"{module}.py").write_text(source or PLUGIN_SOURCE.format(normalizer=normalizer))
        info = root / f"{dist.replace('-', '_')}-1.2.3.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.3\n")
        (info / "entry_points.txt").write_text(f"[textnorm]\n{entry_point} = {module}\n")
        importlib.invalidate_caches()

    yield make
    for name in list(sys.modules):
        if (root / f"{name}.py").exists():
            del sys.modules[name]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip()
