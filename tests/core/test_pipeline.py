"""The pipeline: order, construction from objects, dicts and TOML, streaming, errors."""

from __future__ import annotations

import attrs
import pytest

import textnorm
from textnorm import Change, Document, Normalizer, Pipeline, Proposal, Registry


@attrs.frozen
class DropOptions:
    word: str = "spam"


class Drop(Normalizer):
    """Remove every ' word'."""

    name = "drop"
    Options = DropOptions

    def __call__(self, doc):
        w = " " + self.options.word
        changes, i = [], doc.text.find(w)
        while i >= 0:
            changes.append(Change(i, i + len(w), f"word {self.options.word!r}"))
            i = doc.text.find(w, i + len(w))
        return Proposal(changes=changes)


class Boom(Normalizer):
    """Always fails."""

    name = "boom"

    def __call__(self, doc):
        raise RuntimeError("kaput")


@pytest.fixture
def reg():
    r = Registry(entry_points=False)
    r.register_normalizer(Drop)
    r.register_normalizer(Boom)
    return r


def test_steps_run_in_config_order_and_edits_carry_step_names(reg):
    pipe = Pipeline.from_dict({"step": [{"use": "drop", "name": "no-eggs", "word": "eggs"},
                                        {"use": "drop"}]}, registry=reg)
    doc = pipe("ham eggs spam ham spam")
    assert doc.text == "ham ham"
    assert [e.step for e in doc.edits] == ["no-eggs", "drop", "drop"]
    assert [doc.original[e.start:e.end] for e in doc.edits] == [" eggs", " spam", " spam"]


def test_pipeline_from_python_objects():
    pipe = Pipeline([Drop(), ("eggs", Drop(DropOptions(word="eggs")))])
    assert pipe.names == ("drop", "eggs")
    assert pipe("a spam eggs b").text == "a b"


def test_pipeline_from_toml(reg, tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[[step]]\nuse = "drop"\nword = "x"\n')
    assert Pipeline.from_toml(path, registry=reg)("a x b").text == "a b"


def test_map_streams_in_order(reg):
    pipe = Pipeline.from_dict({"step": [{"use": "drop"}]}, registry=reg)
    consumed = []

    def source():
        for i in range(5):
            consumed.append(i)
            yield f"doc{i} spam"

    results = pipe.map(source())
    assert next(results).text == "doc0" and consumed == [0]  # lazy: one at a time
    assert [d.text for d in results] == ["doc1", "doc2", "doc3", "doc4"]


def test_pipeline_accepts_documents_and_keeps_metadata(reg):
    pipe = Pipeline.from_dict({"step": [{"use": "drop"}]}, registry=reg)
    doc = pipe(Document.from_text("x spam", id="d1"))
    assert doc.id == "d1" and doc.text == "x"


def test_failing_normalizer_keeps_traceback_and_names_step_and_document(reg):
    pipe = Pipeline.from_dict({"step": [{"use": "boom", "name": "fragile"}]}, registry=reg)
    with pytest.raises(RuntimeError, match="kaput") as err:
        pipe(Document.from_text("x", id="doc-9"))
    assert any("fragile" in n and "doc-9" in n for n in err.value.__notes__)


def test_duplicate_step_names_are_refused():
    with pytest.raises(textnorm.ConfigError, match="two steps are named 'drop'"):
        Pipeline([Drop(), Drop()])


def test_normalize_with_default_and_custom_configs(reg):
    assert textnorm.normalize("Plain clean text.").text == "Plain clean text."
    pipe = Pipeline.from_dict({"step": [{"use": "drop"}]}, registry=reg)
    assert textnorm.normalize("a spam", pipe).text == "a"


def test_normalize_rejects_wrong_types():
    with pytest.raises(TypeError):
        Pipeline([Drop()])(123)  # type: ignore[arg-type]
