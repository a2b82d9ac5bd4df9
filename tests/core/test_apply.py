"""The core applies proposals and keeps every edit's span exact in the original input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textnorm import Block, Change, Document, Proposal, ProposalError, apply_proposal

TEXT = st.text(alphabet=st.sampled_from("ab c\nδ東é"), max_size=40)


@st.composite
def change_sets(draw, text: str):
    """Random non-overlapping changes over ``text``: removals, replacements, insertions."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    changes = []
    prev = 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < prev or (a == b and any(c.start == c.end == a for c in changes)):
            continue
        replacement = draw(st.sampled_from(["", "", "X", "yz\n", "東"]))
        if a == b and not replacement:
            continue
        changes.append(Change(a, b, reason="test", replacement=replacement))
        prev = b
    return changes


def shadow_apply(shadow, changes):
    """The reference model: each character with the input index it came from (None if inserted)."""
    out, pos = [], 0
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if "".join(ch for ch, _ in shadow[c.start:c.end]) == c.replacement:
            continue  # a no-op changes nothing
        out.extend(shadow[pos:c.start])
        out.extend((ch, None) for ch in c.replacement)
        pos = c.end
    out.extend(shadow[pos:])
    return out


@given(st.data())
def test_random_edit_sequences_keep_offsets_exact(data):
    original = data.draw(TEXT)
    doc = Document.from_text(original)
    shadow = [(ch, i) for i, ch in enumerate(original)]
    for step in range(data.draw(st.integers(1, 5))):
        changes = data.draw(change_sets(doc.text))
        before_log = len(doc.edits)
        before_shadow = shadow
        doc = apply_proposal(doc, Proposal(changes=changes), f"s{step}")
        kept = [c for c in sorted(changes, key=lambda c: (c.start, c.end))
                if "".join(ch for ch, _ in before_shadow[c.start:c.end]) != c.replacement]  # no-ops are not logged
        shadow = shadow_apply(before_shadow, changes)
        assert doc.text == "".join(ch for ch, _ in shadow)
        new_edits = list(doc.edits[before_log:])
        for change in kept:
            removed = before_shadow[change.start:change.end]
            mine = []  # the edits this change made: their removed texts add up to what it removed
            while new_edits and (not mine or "".join(e.removed for e in mine) != "".join(c for c, _ in removed)):
                mine.append(new_edits.pop(0))
            assert "".join(e.removed for e in mine) == "".join(ch for ch, _ in removed)
            assert mine[0].inserted == change.replacement and all(e.inserted == "" for e in mine[1:])
            pos = 0
            for edit in mine:
                part = removed[pos:pos + len(edit.removed)]
                pos += len(edit.removed)
                assert 0 <= edit.start <= edit.end <= len(original)
                if all(o is not None for _, o in part):
                    assert original[edit.start:edit.end] == edit.removed  # exact
                else:
                    assert all(o is None for _, o in part)  # text an earlier step inserted
        assert not new_edits
        # Every character no step inserted maps back to its own place in the input.
        for i, (ch, origin) in enumerate(shadow):
            if origin is not None:
                assert doc.to_original(i) == origin
                assert original[origin] == ch
        rebuilt = "".join(original[s.orig_start:s.orig_end] if s.inserted is None else s.inserted
                          for s in doc.segments)
        assert rebuilt == doc.text


def test_first_step_edit_spans_are_the_removed_text():
    doc = Document.from_text("Keep this. Drop SPAM here.\nAnd more SPAM.")
    i = doc.text.index(" SPAM")
    j = doc.text.rindex(" SPAM")
    out = apply_proposal(doc, Proposal(changes=[Change(i, i + 5, "spam"), Change(j, j + 5, "spam")]), "inj")
    assert out.text == "Keep this. Drop here.\nAnd more."
    for e in out.edits:
        assert doc.original[e.start:e.end] == e.removed == " SPAM"
        assert e.step == "inj" and e.kind == "remove"


def test_repair_after_removal_spans_the_original():
    doc = Document.from_text("Pak XX.stan is here")
    doc = apply_proposal(doc, Proposal(changes=[Change(3, 6, "token")]), "inj")
    assert doc.text == "Pak.stan is here"
    doc = apply_proposal(doc, Proposal(changes=[Change(0, 8, "rejoin", "Pakistan", kind="repair")]), "fix")
    assert doc.text == "Pakistan is here"
    # The repair spans the gap the token left, so it is logged on each side of it.
    first, second = doc.edits[-2:]
    assert (first.start, first.end, first.removed, first.inserted) == (0, 3, "Pak", "Pakistan")
    assert (second.start, second.end, second.removed, second.inserted) == (6, 11, ".stan", "")
    assert first.kind == second.kind == "repair"
    assert doc.to_original(len("Pakistan ")) == len("Pak XX.stan ")


def test_changes_must_not_overlap():
    doc = Document.from_text("abcdef")
    with pytest.raises(ProposalError, match="overlapping"):
        apply_proposal(doc, Proposal(changes=[Change(0, 3, "a"), Change(2, 4, "b")]), "s")


def test_change_beyond_text_names_step_and_document():
    doc = Document.from_text("abc", id="doc-7")
    with pytest.raises(ProposalError, match=r"step 'bad'.*beyond the text.*doc-7"):
        apply_proposal(doc, Proposal(changes=[Change(1, 9, "x")]), "bad")


def test_noop_change_is_not_logged():
    doc = Document.from_text("abc")
    assert apply_proposal(doc, Proposal(changes=[Change(0, 1, "same", replacement="a")]), "s").edits == ()


def test_blocks_follow_the_text_through_changes():
    text = "Title\nFirst para SPAM.\nSecond para."
    doc = Document.from_text(text)
    blocks = [Block("title", 0, 5), Block("blank", 5, 6), Block("paragraph", 6, 22),
              Block("blank", 22, 23), Block("paragraph", 23, len(text))]
    doc = apply_proposal(doc, Proposal(blocks=blocks), "sections")
    i = doc.text.index(" SPAM")
    doc = apply_proposal(doc, Proposal(changes=[Change(i, i + 5, "spam")]), "inj")
    assert [doc.block_text(b) for b in doc.blocks] == ["Title", "\n", "First para.", "\n", "Second para."]
    assert doc.blocks[0].start == 0 and doc.blocks[-1].end == len(doc.text)


def test_block_removed_entirely_disappears():
    doc = Document.from_text("a\nb\n")
    doc = apply_proposal(doc, Proposal(blocks=[Block("paragraph", 0, 2), Block("paragraph", 2, 4)]), "s")
    doc = apply_proposal(doc, Proposal(changes=[Change(2, 4, "dup")]), "d")
    assert [doc.block_text(b) for b in doc.blocks] == ["a\n"]


def test_metadata_and_flags_merge():
    doc = Document.from_text("x")
    doc = apply_proposal(doc, Proposal(metadata={"title": "T", "lang": "en"}, flags=("f1",)), "a")
    doc = apply_proposal(doc, Proposal(metadata={"author": "A"}, flags=("f1", "f2")), "b")
    assert doc.metadata.title == "T" and doc.metadata.author == "A"
    assert doc.metadata.flags == ("f1", "f2")
    assert doc.metadata.extra["lang"] == "en"


def test_non_proposal_is_a_clear_error():
    with pytest.raises(ProposalError, match="returned dict"):
        apply_proposal(Document.from_text("x"), {"changes": []}, "s")  # type: ignore[arg-type]
