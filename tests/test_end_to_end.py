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
    # The exactness rule (docs/design.md): what an edit removed is the input at its span,
    # unless an earlier step wrote that text (a repair a later step removed with its line):
    # then it is what that step wrote, and the span is the input it stood for.
    written: dict[tuple[int, int], str] = {}
    for e in data["edits"]:
        span = (e["start"], e["end"])
        assert e["removed"] == written.get(span, NOISY[e["start"]:e["end"]]), e
        if e["inserted"]:
            written[span] = e["inserted"]
    # (The example exercises the second case: its injected copy holds a repaired word.)
    assert any((e["start"], e["end"]) in written for e in data["edits"] if e["step"] == "dedup-blocks")
    assert [s["heading"] for s in data["sections"] if s["heading"]] == [
        "A Long Campaign", "What the Restoration Will Cost", "Next Steps"]
