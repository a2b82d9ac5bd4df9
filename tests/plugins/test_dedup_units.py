"""Tests of the line units of ``dedup-blocks`` (``_dedup_lines.units_of`` and its line
reading): the same lines, spans and words as the shared text utilities give, whatever the
line breaks, and a line seen before read once; the comparison of two units (similarity,
shared and extra words, surplus) as the plain multiset definitions have it, with the
shortcuts for lines with the same words.

Every text here is invented for the tests.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from textnorm_std._dedup_lines import similarity, units_of

from textnorm.text import WORD_RE, lines, nfkc_casefold

_TEXT = st.text(alphabet=st.sampled_from(list("ab Ç9\n\r\t")), max_size=40)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_property_units_are_the_shared_non_blank_lines(text):
    expected = [(s.start, s.end, s.text.strip()) for s in lines(text) if s.text.strip()]
    assert [(u.start, u.end, u.raw) for u in units_of(text)] == expected


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_property_units_are_the_non_blank_lines_with_their_words(text):
    got = units_of(text)
    want = [(n, s) for n, s in enumerate(lines(text)) if s.text.strip()]
    assert [(u.line, u.start, u.end, u.raw) for u in got] == [(n, s.start, s.end, s.text.strip()) for n, s in want]
    assert [u.words for u in got] == [tuple(WORD_RE.findall(nfkc_casefold(s.text.strip()))) for _, s in want]
    assert [u.index for u in got] == list(range(len(got)))


def test_a_repeated_line_shares_the_first_ones_words():
    text = ("The ferry to Sandvik leaves at 7:40 from pier 3.\r\n"
            "Tickets are sold on board.\n"
            "  The ferry to Sandvik leaves at 7:40 from pier 3.\n")
    first, _, again = units_of(text)
    assert again.words is first.words and again.numbers is first.numbers
    assert again.numbers == ("7", "40", "3")
    assert (again.line, again.start) == (2, text.index("  The"))
    assert similarity(first, again) == 1.0


# -- the comparison's fast paths against the plain multiset definitions ---------------------

_WORDS = "ash yew elm oak fir 7 elms".split()


def _plain_similarity(a, b, floor):
    """``similarity`` as first written: multisets throughout, no shortcut."""
    from textnorm_std._dedup_lines import unexplained

    if a.numbers != b.numbers:
        return 0.0
    if not a.words or not b.words:
        return 1.0 if (not a.words and not b.words and a.raw == b.raw) else 0.0
    na, nb = len(a.words), len(b.words)
    longer = max(na, nb)
    if na != nb and min(na, nb) < floor * longer:
        return min(na, nb) / longer
    ba, bb = Counter(a.words), Counter(b.words)
    if floor > 0.0:
        bound = len(ba.keys() & bb.keys()) + min(na - len(ba), nb - len(bb))
        if bound < floor * longer:
            return bound / longer
    shared = sum((ba & bb).values())
    if shared == na == nb:
        return 1.0 if a.words == b.words else 0.0
    sim = shared / longer
    if sim < floor:
        return sim
    ea, eb = ba - bb, bb - ba
    if ea and eb and unexplained(ea, eb, 0) > 0 and unexplained(eb, ea, 0) > 0:
        return 0.0
    return sim


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=10), st.lists(st.sampled_from(_WORDS), max_size=10),
       st.booleans(), st.sampled_from([0.0, 0.5, 0.8]))
def test_property_comparison_fast_paths_agree_with_multisets(a, b, same, floor):
    from textnorm_std._dedup_lines import extra_words, lost_words, shared_words, surplus

    line_a = " ".join(a) or "*"
    line_b = line_a if same else (" ".join(b) or "*")
    ua, ub = units_of(f"{line_a}\n{line_b}\n")
    assert similarity(ua, ub, True, 0, floor) == _plain_similarity(ua, ub, floor)
    plain_shared = sum((Counter(ua.words) & Counter(ub.words)).values())
    assert shared_words(ua, ub) == plain_shared
    assert extra_words(ua, ub) == len(ua.words) - plain_shared
    assert surplus(ua, ub) == Counter(ua.words) - Counter(ub.words)
    if ua.words == ub.words:
        assert lost_words(ua, ub) == [] and not surplus(ub, ua)
