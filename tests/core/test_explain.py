"""explain: one entry per change, with its lines, characters, reason and text."""

from textnorm import Change, Document, Proposal, apply_proposal
from textnorm.explain import explain_document


def test_pieces_of_one_change_are_one_entry():
    doc = Document.from_text("keep\nCTA\nrepeat\nrepeat\n")
    doc = apply_proposal(doc, Proposal(changes=[Change(8, 15, "duplicate")]), "dedup")  # "\nrepeat"
    assert doc.text == "keep\nCTA\nrepeat\n"
    cta = doc.text.index("CTA")
    doc = apply_proposal(doc, Proposal(changes=[Change(cta, cta + 4, "call to action")]), "promo")
    assert len(doc.edits) == 3  # the promo change spans the gap dedup left: two pieces
    out = explain_document(doc)
    assert out.splitlines()[0] == "== <stdin>: 2 changes"
    promo = next(line for line in out.splitlines() if line.startswith("promo"))
    assert promo == "promo  remove  lines 2, 3, chars 5-8, 15-16: call to action"
    assert "    - CTA\\n" in out
    assert out.splitlines()[-2] == "dedup: 1 change, 7 chars removed, promo: 1 change, 4 chars removed"


def test_uncertain_repair_is_marked_and_coloured_when_asked():
    doc = Document.from_text("Pak XX.stan")
    doc = apply_proposal(doc, Proposal(changes=[Change(0, 11, "rejoined", "Pakstan", kind="repair",
                                                       uncertain=True)]), "inj")
    plain = explain_document(doc)
    assert "inj  repair (uncertain)  line 1, chars 0-11: rejoined" in plain
    assert "    + Pakstan" in plain and "\x1b[" not in plain
    assert "\x1b[32m+ Pakstan" in explain_document(doc, color=True)
