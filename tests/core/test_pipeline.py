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


class DropAfter(Normalizer):
    """Drops the line 'x' only when it directly follows a line 'y' (a step a later step can feed)."""

    name = "drop-after"

    def __call__(self, doc):
        i = doc.text.find("y\nx\n")
        return Proposal(changes=[Change(i + 2, i + 4, "x after y")]) if i >= 0 else textnorm.NOTHING


class DropZ(Normalizer):
    """Drops lines 'z'."""

    name = "drop-z"

    def __call__(self, doc):
        i = doc.text.find("z\n")
        return Proposal(changes=[Change(i, i + 2, "z")]) if i >= 0 else textnorm.NOTHING


def test_earlier_steps_run_again_after_a_later_step_changed_the_text():
    pipe = Pipeline([DropAfter(), DropZ()])
    doc = pipe("y\nz\nx\n")  # DropZ makes 'x' follow 'y'; DropAfter then acts in the second round
    assert doc.text == "y\n"
    assert [e.step for e in doc.edits] == ["drop-z", "drop-after"]
    assert pipe(doc.text).edits == ()  # idempotent
    assert Pipeline([DropAfter(), DropZ()], rounds=1)("y\nz\nx\n").text == "y\nx\n"


def test_a_clean_document_costs_one_pass():
    calls = []

    class Count(Normalizer):
        """Counts its calls."""

        name = "count"

        def __call__(self, doc):
            calls.append(doc.text)
            return textnorm.NOTHING

    Pipeline([Count(), DropZ()])("a\nb\n")
    assert len(calls) == 1
    calls.clear()
    Pipeline([DropZ(), Count()])("z\nb\n")  # the change came before Count: nothing to redo
    assert len(calls) == 1


def test_rounds_come_from_the_config(reg):
    pipe = Pipeline.from_dict({"pipeline": {"rounds": 1}, "step": [{"use": "drop"}]}, registry=reg)
    assert pipe.rounds == 1
    with pytest.raises(textnorm.ConfigError, match=r"\[pipeline\]: 'rounds' must be a whole number"):
        Pipeline.from_dict({"pipeline": {"rounds": 0}, "step": []}, registry=reg)
    with pytest.raises(textnorm.ConfigError, match=r"unknown key 'round'; did you mean 'rounds'"):
        Pipeline.from_dict({"pipeline": {"round": 2}, "step": []}, registry=reg)


class ReadFeatures(Normalizer):
    """Reads the line features of the text and records how many lines the cache kept."""

    name = "read-features"
    kept: list[int] = []

    def __call__(self, doc):
        from textnorm.text import features

        ReadFeatures.kept.append(len(features._LINE_CACHE._previous))
        features.line_features(doc.text)
        return textnorm.NOTHING


def test_kept_line_features_live_only_while_steps_read_them():
    from textnorm.text import features

    text = "A title\nA first paragraph of the text.\nz\nA second paragraph.\n"
    ReadFeatures.kept.clear()
    steps = [("read-1", ReadFeatures()), ("read-2", ReadFeatures()), DropZ(), ("read-3", ReadFeatures())]
    Pipeline(steps, rounds=1)(text)
    # The second step finds the first one's lines; the third finds none: the step
    # between them did not read features, so they were let go before it ran.
    assert ReadFeatures.kept[1:] == [len(features.lines(text)), 0]
    assert features._LINE_CACHE._previous == {}  # nothing of the document stays after it
    features.line_features(text)
    Pipeline([DropZ(), ("read", ReadFeatures())], rounds=1).try_run(Document.from_text(text))
    assert features._LINE_CACHE._previous == {}
