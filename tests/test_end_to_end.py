"""The default chain end to end on the example document of the README."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import textnorm
import textnorm.structure

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOISY = (EXAMPLES / "noisy-article.txt").read_text(encoding="utf-8")
CLEAN = (EXAMPLES / "noisy-article.clean.txt").read_text(encoding="utf-8")


def test_example_article_comes_back_clean():
    doc = textnorm.normalize(NOISY)
    assert doc.text == CLEAN
    steps = {e.step for e in doc.edits}
    assert {"dedup-blocks", "promo-lines"} <= steps


def test_example_structure_is_found():
    doc = textnorm.normalize(NOISY)
    assert doc.metadata.title == CLEAN.splitlines()[0]
    assert doc.metadata.author == "Marta Lindqvist"
    assert doc.metadata.date == "2024-03-14"
    assert textnorm.structure.headings(doc) == ["A Long Campaign", "What the Restoration Will Cost", "Next Steps"]


def test_second_copy_alone_loses_its_stuffed_token_and_gets_its_word_back():
    second = NOISY[NOISY.rindex(CLEAN.splitlines()[0]):]
    doc = textnorm.normalize(second)
    assert doc.text == CLEAN
    repairs = [e for e in doc.edits if e.kind == "repair"]
    assert repairs and all(not e.uncertain for e in repairs)


def test_json_output_edits_map_back_to_the_exact_input():
    out = subprocess.run([sys.executable, "-m", "textnorm", "clean", "-", "-f", "json"], input=NOISY,
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert data["text"] == CLEAN and data["edits"]
    for e in data["edits"]:
        assert NOISY[e["start"]:e["end"]] == e["removed"]
    assert [s["heading"] for s in data["sections"] if s["heading"]] == [
        "A Long Campaign", "What the Restoration Will Cost", "Next Steps"]
