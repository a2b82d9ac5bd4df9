"""Throwaway plugin distributions and CLI runs, shared by the test folders.

A "site" is a folder holding plugin modules and ``NAME-VERSION.dist-info`` folders with
their entry points: put on ``sys.path`` (or ``PYTHONPATH`` for a subprocess) it looks like
installed distributions to ``importlib.metadata``, so discovery runs as for real plugins.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

MARK_PLUGINS = '''
import time

import textnorm


class Mark(textnorm.Normalizer):
    """Prefix every document with '> ' (so outputs differ from inputs); fail on 'explode'."""

    name = "mark"

    def __call__(self, doc):
        if "explode" in doc.text:
            raise ValueError("cannot handle this one")
        return textnorm.Proposal(changes=[textnorm.Change(0, 0, "mark", "> ")])


class Slow(textnorm.Normalizer):
    """Take a while over each document (for interrupting runs)."""

    name = "slow"

    def __call__(self, doc):
        time.sleep(0.01)
        return textnorm.NOTHING


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(Mark)
    register(Slow)
'''


def write_dist(root: Path, dist: str, entry_points: Mapping[str, str], modules: Mapping[str, str],
               version: str = "0.1") -> Path:
    """Write ``modules`` (name -> source) and a dist-info for ``dist`` whose ``textnorm``
    entry points are ``entry_points`` (name -> module) into ``root``; return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for module, source in modules.items():
        (root / f"{module}.py").write_text(source)
    info = root / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(
        "[textnorm]\n" + "".join(f"{name} = {module}\n" for name, module in entry_points.items()))
    importlib.invalidate_caches()
    return root


def env_with(site: Path | None) -> dict[str, str]:
    """This process's environment, with ``site`` first on ``PYTHONPATH``."""
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = str(site) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(*args: str, site: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m textnorm ARGS`` in a subprocess that sees the plugins of ``site``."""
    return subprocess.run([sys.executable, "-m", "textnorm", *args], input=stdin, capture_output=True,
                          text=True, env=env_with(site), check=False, timeout=300)


def make_site(root: Path) -> Path:
    """A site with the distribution 'scale-test' (normalizers 'mark' and 'slow' of
    ``MARK_PLUGINS``), for subprocesses and their spawned workers."""
    return write_dist(root, "scale-test", {"scale-test": "scale_test_plugins"}, {"scale_test_plugins": MARK_PLUGINS})
