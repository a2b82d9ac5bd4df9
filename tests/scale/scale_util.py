"""Helpers of the corpus-scale tests: a CLI runner, JSON Lines files, a plugin site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PLUGINS = '''
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


def config(tmp_path: Path, *steps: str) -> str:
    path = tmp_path / f"config-{'-'.join(steps) or 'empty'}.toml"
    path.write_text("".join(f'[[step]]\nuse = "{s}"\n' for s in steps) or "step = []\n")
    return str(path)


def env_with(site: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = str(site) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run(*args: str, site: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "textnorm", *args], input=stdin, capture_output=True,
                          text=True, env=env_with(site), check=False, timeout=300)


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def docs(n: int, prefix: str = "d") -> list[dict]:
    """``n`` small distinct records."""
    return [{"id": f"{prefix}{i}", "text": f"Document {i} says something.\n", "n": i} for i in range(n)]


def make_site(root: Path) -> Path:
    """A folder with an installed-looking 'scale-test' plugin distribution (for subprocesses
    and their spawned workers, which find it through PYTHONPATH)."""
    root.mkdir()
    (root / "scale_test_plugins.py").write_text(PLUGINS)
    info = root / "scale_test-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: scale-test\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[textnorm]\nscale-test = scale_test_plugins\n")
    return root
