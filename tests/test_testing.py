"""Tests of textnorm.testing, the helpers plugin authors test their normalizers with."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textnorm
from textnorm import Change, Document, Normalizer, Proposal
from textnorm.testing import (
    SCRIPTS,
    articles,
    assert_edits_map_to_original,
    assert_idempotent,
    assert_never_adds_words,
    assert_unchanged,
    isolated_registry,  # noqa: F401 - the fixture under test
    make_normalizer,
    paragraphs,
    run_normalizer,
    sentences,
)
from textnorm.text import words


@attrs.frozen
class DropOptions:
    word: str = "spam"


class DropWord(Normalizer):
    """Remove every occurrence of one word and the space before it."""

    name = "drop-word"
    Options = DropOptions

    def __call__(self, doc: Document) -> Proposal:
        changes = []
        start = 0
        while (i := doc.text.find(" " + self.options.word, start)) >= 0:
            changes.append(Change(i, i + 1 + len(self.options.word), f"the word {self.options.word!r}"))
            start = i + 1 + len(self.options.word)
        return Proposal(changes=changes)


class Glue(Normalizer):
    """Remove every hyphen, running the words around it together (and NOT saying it is a repair)."""

    name = "glue"

    def __init__(self, options=None, kind=None):
        super().__init__(options)
        self.kind = kind

    def __call__(self, doc: Document) -> Proposal:
        return Proposal(changes=[Change(i, i + 1, "hyphen", kind=self.kind)
                                 for i, ch in enumerate(doc.text) if ch == "-"])


class HalveX(Normalizer):
    """Remove the first 'x' it sees: never idempotent while x's are left."""

    name = "halve-x"

    def __call__(self, doc: Document) -> Proposal:
        i = doc.text.find("x")
        return Proposal(changes=[Change(i, i + 1, "an x")]) if i >= 0 else textnorm.NOTHING


def test_run_normalizer_applies_like_the_pipeline():
    doc = run_normalizer(DropWord, "eggs spam ham spam")
    assert doc.text == "eggs ham"
    assert [(e.step, e.start, e.end, e.removed) for e in doc.edits] == [
        ("drop-word", 4, 9, " spam"), ("drop-word", 13, 18, " spam")]
    assert run_normalizer(DropWord, "eggs ham ham", word="ham").text == "eggs"
    assert run_normalizer(DropWord(), "a spam", step="mine").edits[0].step == "mine"


def test_run_normalizer_continues_a_document():
    first = run_normalizer(DropWord, "a spam b ham", word="ham")
    second = run_normalizer(DropWord, first)
    assert second.text == "a b" and second.original == "a spam b ham"
    assert [e.removed for e in second.edits] == [" ham", " spam"]
    assert_edits_map_to_original(second)


def test_make_normalizer_validates_and_refuses_options_for_instances():
    assert make_normalizer(DropWord, word="x").options == DropOptions("x")
    inst = DropWord()
    assert make_normalizer(inst) is inst
    with pytest.raises(TypeError, match="options can only be given with a normalizer class"):
        make_normalizer(inst, word="x")


def test_assert_unchanged():
    assert_unchanged(DropWord(), "nothing to drop here")
    with pytest.raises(AssertionError, match="drop-word changed text"):
        assert_unchanged(DropWord(), "a spam")


def test_assert_idempotent():
    assert_idempotent(DropWord(), "a spam b")
    with pytest.raises(AssertionError, match="halve-x is not idempotent"):
        assert_idempotent(HalveX(), "xx")


def test_assert_never_adds_words():
    assert_never_adds_words(DropWord(), "a spam b")
    with pytest.raises(AssertionError, match=r"added words not in its input: \['wellknown'\]"):
        assert_never_adds_words(Glue(), "a well-known b")
    # Declared repairs may form new words; listed words are allowed too.
    assert_never_adds_words(Glue(kind="repair"), "a well-known b")
    assert_never_adds_words(Glue(), "a well-known b", allow=["wellknown"])


def test_assert_edits_map_to_original_catches_a_wrong_log():
    doc = run_normalizer(DropWord, "a spam b")
    assert_edits_map_to_original(doc)
    bad = doc.evolve(edits=[attrs.evolve(doc.edits[0], removed="spam!")])
    with pytest.raises(AssertionError, match="says it removed 'spam!'"):
        assert_edits_map_to_original(bad)
    outside = doc.evolve(edits=[attrs.evolve(doc.edits[0], end=99)])
    with pytest.raises(AssertionError, match="outside the original"):
        assert_edits_map_to_original(outside)


def test_edits_of_inserted_text_are_exempt():
    class Replace(Normalizer):
        name = "replace"

        def __call__(self, doc):
            i = doc.text.find("cat")
            return Proposal(changes=[Change(i, i + 3, "animal", replacement="dog")]) if i >= 0 else textnorm.NOTHING

    doc = run_normalizer(DropWord, run_normalizer(Replace, "a cat"), word="dog")
    assert doc.text == "a"
    assert_edits_map_to_original(doc)


def test_isolated_registry_is_empty(isolated_registry):
    assert isolated_registry.normalizers() == {}
    isolated_registry.register_normalizer(DropWord)
    assert list(isolated_registry.normalizers()) == ["drop-word"]
    assert isolated_registry.get("drop-word").origin == "<local>"


def test_module_is_a_pytest_plugin(tmp_path):
    (tmp_path / "test_it.py").write_text(
        'pytest_plugins = ["textnorm.testing"]\n\n'
        "def test_it(isolated_registry):\n"
        "    assert isolated_registry.normalizers() == {}\n")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


@settings(max_examples=60, deadline=None)
@given(sentences())
def test_sentences_are_one_sentence_of_words(s):
    assert s == s.strip() and "\n" not in s
    assert len(words(s)) >= 3
    assert s[-1] in ".।。"
    assert len(textnorm.text.sentences(s)) == 1


@settings(max_examples=40, deadline=None)
@given(paragraphs(min_sentences=2, max_sentences=3))
def test_paragraphs_are_one_line(p):
    assert "\n" not in p
    assert 2 <= len(textnorm.text.sentences(p)) <= 3


@settings(max_examples=60, deadline=None)
@given(articles())
def test_articles_have_distinct_paragraphs(text):
    assert text.endswith("\n") and not text.endswith("\n\n")
    paras = [p.text for p in textnorm.text.paragraphs(text)]
    assert len(paras) >= 2
    assert len(set(paras)) == len(paras)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
@settings(max_examples=5, deadline=None)
@given(data=st.data())
def test_every_script_can_be_chosen(script, data):
    sample = data.draw(articles(script=script))
    assert words(sample)
    assert set("".join(words(sample))) <= set("".join(SCRIPTS[script]).upper() + "".join(SCRIPTS[script]))


def test_unknown_script_is_refused():
    with pytest.raises(ValueError, match="unknown script 'klingon'"):
        sentences("klingon")
