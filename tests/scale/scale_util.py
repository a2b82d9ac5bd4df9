"""Helpers of the corpus-scale tests: a CLI runner, JSON Lines files, a plugin site (see plugin_sites)."""

from __future__ import annotations

import json
from pathlib import Path

from plugin_sites import env_with, make_site, run_cli

__all__ = ["config", "docs", "env_with", "make_site", "read_jsonl", "run", "write_jsonl"]


def config(tmp_path: Path, *steps: str) -> str:
    path = tmp_path / f"config-{'-'.join(steps) or 'empty'}.toml"
    path.write_text("".join(f'[[step]]\nuse = "{s}"\n' for s in steps) or "step = []\n")
    return str(path)


run = run_cli


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def docs(n: int, prefix: str = "d") -> list[dict]:
    """``n`` small distinct records."""
    return [{"id": f"{prefix}{i}", "text": f"Document {i} says something.\n", "n": i} for i in range(n)]
