"""The core stands alone: it never imports the standard plugins and runs with all of them blocked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import textnorm

SRC = Path(textnorm.__file__).parent


def test_no_module_of_the_core_imports_the_standard_plugins():
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("textnorm_std"), f"{path} imports {name}"


def test_core_runs_with_every_standard_plugin_blocked():
    code = """
import sys, textnorm
blocked = ["dedup-blocks", "injected-tokens", "promo-lines", "sections"]
reg = textnorm.Registry(block=blocked)
assert not set(reg.normalizers()) & set(blocked), reg.normalizers()
pipe = textnorm.Pipeline.from_dict({"step": []}, registry=reg)
doc = pipe("Some text.\\nSome text.\\n")
assert doc.text == "Some text.\\nSome text.\\n" and doc.edits == ()
assert not any(m.startswith("textnorm_std") for m in sys.modules), sorted(sys.modules)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
