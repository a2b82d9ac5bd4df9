"""Tests of the line index of ``dedup-blocks`` (``_dedup_lines.LineIndex``): a lookup that
reads only the posting lists of a line's rarest word pairs finds what reading all of them
finds whenever the line has no more usable pairs than that, and otherwise never proposes
anything but a real earlier similar line.

Every text here is invented for the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textnorm_std._dedup_lines import LineIndex, shortest, similarity, units_of
from textnorm_std.dedup_blocks import DedupBlocksOptions

_WORDS = "amber birch cedar delta ember fjord grove heath inlet juniper kestrel larch".split()


def _index(units, max_lists=None, max_postings=32):
    return LineIndex(units, max_postings=max_postings, numbers_must_match=True, max_changed=0,
                     max_lists=max_lists)


def _usable_lists(index, unit):
    """How many posting lists a lookup of ``unit`` could read (the definition: every pair
    seen before whose list is not full)."""
    return sum(1 for p in index._fetch(unit)[2]
               if p is not None and (p.__class__ is int or len(p) < index._cap))


def test_shortest_lists_are_kept_in_their_order():
    lists = [[1, 2, 3], 4, [5, 6], 7, [8, 9, 10, 11]]
    assert shortest(lists, 2) == [4, 7]
    assert shortest(lists, 3) == [4, [5, 6], 7]
    assert shortest(lists, 9) == lists
    # Equally long lists: the earlier ones.
    assert shortest([[1, 2], [3, 4], [5, 6]], 2) == [[1, 2], [3, 4]]


def test_a_copy_is_found_through_its_rarest_pairs():
    # Twelve lines share a long common phrase with the source; the copy (one word injected)
    # is found through the pairs only it and its source hold, reading two lists.
    common = "the harvest of the valley was good this year"
    lines = [f"{common} in village number {n} said the mayor" for n in range(12)]
    source = f"{common} and orchards near the old mill kept their pickers"
    noisy = f"{common} and orchards near the old mill kept sponsored their pickers"
    lines += [source, "a line about something else entirely", noisy]
    units = units_of("\n".join(lines) + "\n")
    copy = units[-1]
    for max_lists in (None, 2):
        index = _index(units, max_lists)
        for u in units[:-1]:
            index.add(u)
        assert _usable_lists(index, copy) > 2
        found = index.best(copy, 0.8)
        assert found is not None and found[0] == 12


@st.composite
def _texts(draw):
    """Lines from a small vocabulary (word pairs recur in many lines, so lookups have more
    usable lists than the bound), some repeated later with a word changed or added."""
    line = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join)
    lines = draw(st.lists(line, min_size=8, max_size=40))
    for _ in range(draw(st.integers(0, 6))):
        words = draw(st.sampled_from(lines)).split()
        if draw(st.booleans()):
            words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(_WORDS)))
        lines.insert(draw(st.integers(0, len(lines))), " ".join(words))
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None)
@given(_texts(), st.integers(1, 4), st.sampled_from([3, 32]))
def test_property_bounded_lookup_against_reading_every_list(text, max_lists, cap):
    units = units_of(text)
    full, bounded = _index(units, None, cap), _index(units, max_lists, cap)
    for u in units:
        want = full.best(u, 0.8)
        got = bounded.best(u, 0.8)
        if _usable_lists(full, u) <= max_lists:
            assert got == want  # the same lists, so the same candidates
        elif got is not None:
            i, s = got  # fewer lists read: never anything but a real earlier similar line
            assert i < u.index and s >= 0.8 and s == similarity(units[i], u, True, 0, 0.8)
        full.add(u)
        bounded.add(u)


def test_lookup_pairs_option_is_validated():
    assert DedupBlocksOptions().lookup_pairs == 8
    with pytest.raises((ValueError, TypeError), match="lookup_pairs"):
        DedupBlocksOptions(lookup_pairs=0)


@settings(max_examples=60, deadline=None)
@given(_texts(), st.data())
def test_property_pairs_kept_between_passes_change_nothing(text, data):
    # A later pass reads the lines of the same call again, some removed and renumbered:
    # with the word pair hashes of the earlier pass kept, it finds the same runs.
    from textnorm_std._dedup_align import AlignParams, find_runs
    from textnorm_std._dedup_lines import _shingle_keys, renumbered

    units = units_of(text)
    params = AlignParams(threshold=0.8, run_threshold=0.5, max_gap=3, max_postings=32,
                         numbers_must_match=True, max_changed=0, lookup_pairs=8)
    kept: dict = {}
    assert find_runs(units, params, kept) == find_runs(units, params)
    gone = data.draw(st.sets(st.integers(0, len(units) - 1)))
    later = [renumbered(u, k) for k, u in enumerate(x for x in units if x.index not in gone)]
    assert find_runs(later, params, kept) == find_runs(later, params)
    # Only the pairs of word tuples several lines share are kept, and they are the lines' own.
    by_id = {id(u.words): u for u in units}
    for w, pairs in kept.items():
        assert sum(id(u.words) == w for u in units) > 1
        assert pairs == _shingle_keys(by_id[w])
