"""Cross-document duplicates: paragraphs repeated across many documents of a corpus."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scale_util import config, read_jsonl, run, write_jsonl

import textnorm
from textnorm.corpus_dedup import (
    CorpusDedup,
    CorpusDedupOptions,
    CorpusTable,
    count_units,
)

FOOTER = "Abonnez-vous à notre lettre pour recevoir chaque matin les nouvelles de la région."
BLOCK = "Dieser Artikel wurde von einer Agentur übernommen und redaktionell nicht bearbeitet worden."


def _article(i: int, *extra: str) -> str:
    body = [f"Le conseil municipal de la ville numéro {i} a voté le budget de l'année prochaine hier soir.",
            f"Les habitants du quartier {i} ont exprimé leur satisfaction après une longue attente."]
    return "\n\n".join([body[0], *extra, body[1]]) + "\n"


def _table(texts: list[str], **kw) -> CorpusTable:
    opts = CorpusDedupOptions(**kw)
    return CorpusTable.from_counts(count_units(texts, opts), opts, len(texts))


def test_counts_each_document_once_and_skips_short_paragraphs():
    opts = CorpusDedupOptions(min_words=3)
    counts = count_units(["Same words here.\n\nSame words here.\n\nShort.", "same, WORDS here!"], opts)
    assert sorted(counts.values()) == [2]


def test_removes_the_repeated_paragraph_with_its_evidence():
    texts = [_article(i, FOOTER) if i % 2 else _article(i) for i in range(12)]
    table = _table(texts)
    doc = textnorm.Pipeline([CorpusDedup(table.options, table)])(texts[1])
    assert FOOTER not in doc.text and doc.text == _article(1)
    (edit,) = doc.edits
    assert edit.reason == "paragraph repeated in 6 documents of the corpus (at least 5; corpus-dedup)"
    assert doc.original[edit.start:edit.end] == edit.removed


def test_below_the_threshold_nothing_is_removed():
    texts = [_article(i, FOOTER) if i < 4 else _article(i) for i in range(12)]
    table = _table(texts)
    assert table.counts == {}
    assert CorpusDedup(table.options, table)(textnorm.Document.from_text(texts[0])).changes == ()


def test_a_document_made_only_of_corpus_wide_text_is_kept():
    texts = [FOOTER + "\n\n" + BLOCK + "\n"] * 6
    table = _table(texts)
    assert not CorpusDedup(table.options, table)(textnorm.Document.from_text(texts[0])).changes


def test_the_last_paragraph_takes_its_separator_and_lines_mode_works():
    texts = [_article(i) + "\n" + BLOCK + "\n" for i in range(6)]
    table = _table(texts)
    doc = textnorm.Pipeline([CorpusDedup(table.options, table)])(texts[0])
    assert doc.text == _article(0)
    lines = [f"Zeile {i} mit einem eigenen Inhalt, der nur hier vorkommt und sonst nirgends.\n{BLOCK}\n"
             for i in range(6)]
    table = _table(lines, unit="line")
    doc = textnorm.Pipeline([CorpusDedup(table.options, table)])(lines[3])
    assert doc.text == lines[3].split("\n")[0] + "\n"


@given(st.lists(st.sampled_from([FOOTER, BLOCK, "Ein ganz eigener Satz mit genug Wörtern für die Zählung hier.",
                                 "Otra frase propia con bastantes palabras para contar en el corpus."]),
                min_size=1, max_size=6))
def test_idempotent_and_never_adds_words(paragraphs):
    texts = ["\n\n".join(paragraphs) + "\n"] + [_article(i, FOOTER, BLOCK) for i in range(6)]
    table = _table(texts)
    pipeline = textnorm.Pipeline([CorpusDedup(table.options, table)])
    once = pipeline(texts[0])
    assert set(textnorm.text.words(once.text)) <= set(textnorm.text.words(texts[0]))
    assert pipeline(once.text).text == once.text


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_corpus_dedup_over_files(tmp_path, jobs):
    rows = [{"id": i, "text": _article(i, FOOTER) if i % 3 == 0 else _article(i)} for i in range(300)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = run("clean", str(src), "-o", str(tmp_path / "o.jsonl"), "-c", config(tmp_path), "--corpus-dedup",
              "--corpus-min-documents", "50", "--jobs", jobs, "-f", "json", "--stats", str(tmp_path / "s.json"))
    assert out.returncode == 0, out.stderr
    got = read_jsonl(tmp_path / "o.jsonl")
    assert all(FOOTER not in r["text"] for r in got)
    assert got[0]["text"] == _article(0)
    assert got[0]["textnorm"]["edits"][0]["reason"].startswith("paragraph repeated in 100 documents")
    stats = json.loads((tmp_path / "s.json").read_text())
    assert stats["documents_changed"] == 100 and stats["chars_removed_by_step"]["corpus-dedup"] > 0


def test_corpus_dedup_refuses_stdin():
    out = run("clean", "--corpus-dedup", stdin="text")
    assert out.returncode == 1 and "not stdin" in out.stderr


def test_corpus_options_need_corpus_dedup(tmp_path):
    out = run("clean", "--corpus-min-words", "3", stdin="text")
    assert out.returncode == 1 and "needs --corpus-dedup" in out.stderr
