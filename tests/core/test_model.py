"""The data model: immutable, picklable documents with an exact offset map."""

from __future__ import annotations

import pickle

import attrs
import pytest

from textnorm import Block, Change, Document, Proposal, apply_proposal


def test_new_document_maps_every_position_to_itself():
    doc = Document.from_text("héllo\nwörld", id="a", source="a.txt")
    assert doc.original == doc.text and doc.id == "a" and doc.metadata.source == "a.txt"
    assert [doc.to_original(i) for i in range(len(doc.text) + 1)] == list(range(len(doc.text) + 1))


def test_documents_are_frozen():
    doc = Document.from_text("x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "y"  # type: ignore[misc]
    with pytest.raises(TypeError, match="read-only"):
        doc.metadata.extra["k"] = 1  # type: ignore[index]


def test_documents_pickle_with_their_edit_log():
    doc = Document.from_text("one two three", extra={"lang": "en"})
    doc = apply_proposal(doc, Proposal(changes=[Change(3, 7, "word 'two'")], metadata={"title": "T"}), "s")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.edits == doc.edits and again.to_original(4) == 8


def test_empty_text_positions():
    doc = Document.from_text("abc")
    doc = apply_proposal(doc, Proposal(changes=[Change(0, 3, "all")]), "s")
    assert doc.text == "" and doc.to_original(0) == 0 and doc.to_original(0, side="right") == 3
    with pytest.raises(IndexError):
        doc.to_original(1)


def test_block_validation():
    with pytest.raises(ValueError, match="before its start"):
        Block("paragraph", 5, 2)
    with pytest.raises(ValueError):
        Block("sidebar", 0, 1)


def test_from_text_refuses_bytes():
    with pytest.raises(TypeError, match="must be str"):
        Document.from_text(b"bytes")  # type: ignore[arg-type]
