"""Tests of the line units of ``dedup-blocks`` (``_dedup_lines.units_of`` and its line
reading): the same lines, spans and words as the shared text utilities give, whatever the
line breaks, and a line seen before read once.

Every text here is invented for the tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textnorm.text import WORD_RE, lines, nfkc_casefold
from textnorm_std._dedup_lines import line_starts, similarity, units_of

_TEXT = st.text(alphabet=st.sampled_from(list("ab Ç9\n\r\t")), max_size=40)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_property_line_starts_are_the_shared_lines(text):
    assert list(line_starts(text)) == [(s.start, s.text) for s in lines(text)]


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
