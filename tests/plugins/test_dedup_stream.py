"""Tests of the wrapped matcher of ``dedup-blocks`` (``_dedup_stream``): the shingle counts
it keeps from one pass to the next give what counting again would.

Every text here is invented for the tests.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textnorm_std import _dedup_stream
from textnorm_std._dedup_lines import units_of
from textnorm_std._dedup_stream import ShingleCounts, wrapped_repeats

_WORDS = "amber birch cedar delta ember fjord grove heath inlet juniper kestrel larch".split()
_ARGS = (4, 0.8, 0.5, 0, True)  # shingle size, thresholds, max_changed, numbers_must_match


def _reindexed(units):
    """The units as a later pass sees them: positions renumbered, lines kept."""
    return [attrs.evolve(u, index=k) for k, u in enumerate(units)]


@st.composite
def _texts(draw):
    """Lines of a few words from a small vocabulary, some repeated whole or re-wrapped
    (two lines joined into one), so that the matcher has runs of words to follow."""
    line = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=9).map(" ".join)
    lines = draw(st.lists(line, min_size=2, max_size=30))
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, len(lines) - 1))
        b = min(len(lines), a + draw(st.integers(1, 4)))
        copy = lines[a:b]
        if len(copy) > 1 and draw(st.booleans()):
            copy = [copy[0] + " " + copy[1], *copy[2:]]
        at = draw(st.integers(b, len(lines)))
        lines[at:at] = copy
    return "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None)
@given(_texts(), st.data())
def test_property_counts_kept_between_passes_find_what_counting_again_finds(text, data):
    units = units_of(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_dedup_stream, "_COUNT_FROM", 0)  # count even a short text, as a long one
        memo = ShingleCounts()
        assert wrapped_repeats(units, *_ARGS, memo) == wrapped_repeats(units, *_ARGS)
        # Two later passes, each over what the one before left (lines removed anywhere).
        for _ in range(2):
            keep = data.draw(st.lists(st.booleans(), min_size=len(units), max_size=len(units)))
            units = _reindexed([u for u, k in zip(units, keep) if k])
            assert wrapped_repeats(units, *_ARGS, memo) == wrapped_repeats(units, *_ARGS)


def test_a_removal_joining_two_lines_makes_their_joint_shingles_count():
    # "c d e f" occurs once before the removal (split over two lines around the removed
    # one) and becomes a repeat of the first line once the lines meet: the kept counts must
    # let it in, or the second copy would not be found.
    text = "a b c d e f g h i j k l\nq r s t\nm n o p a b c d\nx y z w v u t s\ne f g h i j k l\n"
    units = units_of(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_dedup_stream, "_COUNT_FROM", 0)
        memo = ShingleCounts()
        wrapped_repeats(units, *_ARGS, memo)
        later = _reindexed([units[0], units[2], units[4]])
        fresh = wrapped_repeats(later, *_ARGS)
        assert fresh  # the joined copy is found...
        assert wrapped_repeats(later, *_ARGS, memo) == fresh  # ...with the kept counts too


# -- the line comparison's fast paths against the plain definitions they replace ----------------


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from(_WORDS), max_size=12))
def test_property_surplus_is_the_multiset_difference_in_word_order(a, b):
    from collections import Counter

    from textnorm_std._dedup_lines import surplus

    # Each line starts with a word of its own, so neither is blank.
    ua, ub = units_of("ash " + " ".join(a) + "\nyew " + " ".join(b) + "\n")
    got = surplus(ua, ub)
    want = ua.bag - ub.bag
    assert got == want and list(got) == list(want)  # the same words, counts and order


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 20), max_size=60), st.integers(1, 6))
def test_property_candidates_are_counters_most_common(pool, n):
    # The line index ranks its candidates with a stable sort instead of most_common.
    from collections import Counter
    from operator import itemgetter

    hits = Counter(pool)
    assert sorted(hits.items(), key=itemgetter(1), reverse=True)[:n] == hits.most_common(n)


def test_renumbered_is_evolve_and_keeps_what_the_unit_worked_out():
    from textnorm_std._dedup_lines import renumbered

    units = units_of("Ember grove 12, heath!\n\n* * *\namber amber birch\n")
    for u in units:
        _ = u.bag, u.symbol_share  # worked out before the copy
        assert attrs.asdict(renumbered(u, 7)) == attrs.asdict(attrs.evolve(u, index=7))
        assert renumbered(u, 7).bag is u.bag


@settings(max_examples=60, deadline=None)
@given(_texts())
def test_property_counting_runs_first_changes_nothing(text):
    # A long text counts its runs of words in buckets first and lets only the repeated ones
    # into the dictionary; a short one lets every run in. Both find the same.
    units = units_of(text)
    plain = wrapped_repeats(units, *_ARGS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_dedup_stream, "_COUNT_FROM", 0)
        assert wrapped_repeats(units, *_ARGS) == plain
