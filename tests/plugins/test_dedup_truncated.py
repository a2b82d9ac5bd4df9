"""Tests of ``dedup-blocks``' truncated copies: a line cut off with an ellipsis that repeats
the beginning of another line (``Discuss: <title>...``) goes, wherever the two are; a line
that merely starts like another, or whose longer version is missing, stays.

Every document here is invented for the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textnorm.testing import (
    SCRIPTS,
    assert_edits_map_to_original,
    assert_idempotent,
    assert_never_adds_words,
    assert_unchanged,
    run_normalizer,
)
from textnorm_std._dedup_lines import units_of
from textnorm_std._dedup_truncated import truncated_copies
from textnorm_std.dedup_blocks import DedupBlocks

TITLE = "Harbour town votes to turn its old ferry terminal into a public library"
BODY = [
    "Residents of the harbour town approved the plan by a wide margin on Sunday, ending a "
    "debate that had divided the council for almost three years.",
    "The terminal has stood empty since the last ferry to the islands was replaced by a bridge, "
    "and its roof had begun to leak during the winter storms.",
    "Architects want to keep the waiting hall with its tall windows as the main reading room "
    "and to add a small café on the former car deck.",
]
ARTICLE = "\n".join([TITLE, *BODY]) + "\n"

GERMAN_TITLE = "Die Stadtbibliothek öffnet nach zwei Jahren Umbau wieder ihre Türen"
GERMAN = "\n".join([
    GERMAN_TITLE,
    "Ab Montag können die Leserinnen und Leser einen größeren Lesesaal, eine eigene Ecke für "
    "Kinder und eine vollständig erneuerte Sammlung von Comics entdecken.",
    "Die Bürgermeisterin erinnerte daran, dass sich die Arbeiten wegen alter Fundamente unter "
    "dem Parkplatz verzögert hatten.",
]) + "\n"

JAPANESE_TITLE = "市立図書館が二年間の改修工事を終えて再開"
JAPANESE = "\n".join([
    JAPANESE_TITLE,
    "月曜日から利用者は広くなった閲覧室と子ども向けの空間を利用できるようになる。",
    "市長は駐車場の下で古い基礎が見つかったため工事が遅れたと説明した。",
]) + "\n"


def run(text: str, **options) -> object:
    return run_normalizer(DedupBlocks, text, **options)


# -- what goes --------------------------------------------------------------------------------------


def test_teaser_link_after_the_title_goes_and_names_it():
    teaser = "Discuss: Harbour town votes to turn its old ferry..."
    doc = run(ARTICLE + "Share this story\n" + teaser + "\n")
    assert doc.text == ARTICLE + "Share this story\n"
    assert len(doc.edits) == 1
    assert doc.edits[0].reason == ("truncated copy of line 1 (kept copy): its first 8 words, "
                                   "after the label 'Discuss:'")
    assert_edits_map_to_original(doc)


def test_teaser_before_the_full_line_goes_too():
    teaser = "Read more: Residents of the harbour town approved the plan…"
    doc = run(teaser + "\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert doc.edits[0].reason.startswith("truncated copy of line 3 (kept copy): its first 8 words")


def test_teaser_without_a_label_and_with_its_last_word_cut():
    teaser = "Architects want to keep the waiting hall with its ta..."
    doc = run(ARTICLE + "\n" + teaser + "\n")
    assert doc.text == ARTICLE  # the blank line before the last line goes with it
    assert doc.edits[0].reason == "truncated copy of line 4 (kept copy): its first 9 words"


def test_number_cut_off_and_closing_quote_after_the_mark():
    full = "Saving space: how the archive reduced its storage by 65% in one year"
    doc = run(full + "\nMore text about the archive and its many shelves.\n"
              "“Saving space: how the archive reduced its storage by 6...”\n")
    assert doc.text == full + "\nMore text about the archive and its many shelves.\n"


def test_german_label_and_unicode_ellipsis():
    doc = run(GERMAN + "Weiterlesen: Die Stadtbibliothek öffnet nach zwei Jahren…\n")
    assert doc.text == GERMAN
    assert "after the label 'Weiterlesen:'" in doc.edits[0].reason


def test_label_of_three_words_and_spaced_colon():
    doc = run(GERMAN + "Lesen Sie auch : Die Stadtbibliothek öffnet nach zwei Jahren Umbau...\n")
    assert doc.text == GERMAN


@pytest.mark.parametrize("teaser", [
    "関連：市立図書館が二年間の改修…",          # a label and a full-width colon
    "続きを読む：市立図書館が二年間の改修工事を…",  # a label of one token, five characters
    "【関連記事】市立図書館が二年間の…",          # a bracketed lead
    "市立図書館が二年間の改修工事⋯",             # no label, a midline ellipsis
])
def test_japanese_teasers_each_ideograph_and_kana_a_word(teaser):
    doc = run(JAPANESE + teaser + "\n")
    assert doc.text == JAPANESE
    assert doc.edits[0].reason.startswith("truncated copy of line 1 (kept copy)")


def test_separated_label_and_bracketed_english_lead():
    for teaser in ("Video | Residents of the harbour town approved...",
                   "[Video] Residents of the harbour town approved..."):
        assert run(ARTICLE + teaser + "\n").text == ARTICLE


def test_teaser_of_a_line_removed_as_a_repeat_names_the_kept_copy():
    text = ARTICLE + "Related stories\n" + ARTICLE + "Discuss: Harbour town votes to turn its old...\n"
    doc = run(text)
    assert doc.text == ARTICLE + "Related stories\n"
    reasons = [e.reason for e in doc.edits]
    assert reasons[-1].startswith("truncated copy of line 1 (kept copy)")


def test_shorter_teaser_of_a_longer_teaser_both_go():
    doc = run(ARTICLE + "Harbour town votes to turn its old ferry terminal...\n"
              "Next: Harbour town votes to turn...\n")
    assert doc.text == ARTICLE
    assert [e.reason for e in doc.edits] == [
        "truncated copies of line 1 (kept copy): its first 9 words; its first 5 words, after the label 'Next:'"]


def test_teasers_in_a_row_make_one_change_naming_each_line():
    teasers = ["Read more: Residents of the harbour town approved the plan...",
               "Read more: Architects want to keep the waiting hall..."]
    doc = run(ARTICLE + "\n".join(teasers) + "\n")
    assert doc.text == ARTICLE
    assert len(doc.edits) == 1
    assert doc.edits[0].reason.startswith("truncated copies of lines 2, 4 (kept copies): its first 8 words")


def test_teaser_between_two_copies_of_a_paragraph_lets_the_stutter_go():
    para = BODY[0]
    doc = run(TITLE + "\n" + para + "\nRead more: Residents of the harbour town...\n" + para + "\n")
    assert doc.text == TITLE + "\n" + para + "\n"


# -- what stays -------------------------------------------------------------------------------------


def test_line_sharing_only_three_opening_words_stays():
    text = ARTICLE + "Residents of the...\n"
    assert_unchanged(DedupBlocks(), text)
    dialogue = "She paused. I was going...\nI was going to tell you about the harbour.\n"
    assert_unchanged(DedupBlocks(), "I was going...\nI was going to tell you about the harbour.\n")
    assert_unchanged(DedupBlocks(), dialogue)


def test_line_without_its_full_version_stays():
    assert_unchanged(DedupBlocks(), ARTICLE + "Read more: Ten things to do in the harbour town...\n")


def test_line_that_goes_on_differently_stays():
    # All its words are not the beginning of the other line: it says something else.
    assert_unchanged(DedupBlocks(), ARTICLE + "Residents of the harbour town rejected the plan...\n")


def test_the_full_line_and_an_equal_line_with_a_mark_stay():
    assert_unchanged(DedupBlocks(), "Harbour town votes to turn its old ferry...\nSome other text here.\n"
                                    "Harbour town votes to turn its old ferry...\n")
    # not longer: the same words
    assert_unchanged(DedupBlocks(), "Harbour town votes today\n" + ARTICLE + "Harbour town votes today...\n")


def test_long_head_or_head_without_separator_is_no_label():
    assert_unchanged(DedupBlocks(), ARTICLE + "This is what the mayor told us: Residents of the harbour town...\n")
    assert_unchanged(DedupBlocks(), ARTICLE + "Read more Residents of the harbour town approved...\n")
    # a closing bracket ends a label only when the line opens with a bracket
    assert_unchanged(DedupBlocks(), ARTICLE + "Video) Residents of the harbour town approved...\n")


def test_options_size_label_and_switch_off():
    text = ARTICLE + "Discuss: Harbour town votes to turn its old...\n"
    assert run(text).text == ARTICLE
    assert run(text, truncated_min_words=0).text == text
    assert run(text, truncated_min_words=8).text == text
    assert run(text, truncated_label_words=0).text == text
    assert run(ARTICLE + "Harbour town votes to turn its old...\n", truncated_label_words=0).text == ARTICLE
    assert run(ARTICLE + "Lesen Sie auch: Harbour town votes to turn its...\n", truncated_label_words=2).text \
        != ARTICLE


@pytest.mark.parametrize("field, value", [("truncated_min_words", -1), ("truncated_label_words", "2"),
                                          ("truncated_min_words", 1.5)])
def test_invalid_options_are_rejected(field, value):
    with pytest.raises((TypeError, ValueError)):
        DedupBlocks.Options(**{field: value})


def test_many_identical_teasers_and_lines_sharing_their_start():
    # Many lines begin with the same words and many teasers repeat: each teaser is one
    # lookup, the result is the same as for one of them.
    lines = [f"Residents of the harbour town said {w} things" for w in ("many", "few", "odd")] * 50
    text = "\n".join(lines + ["Read more: Residents of the harbour town said..."] * 200) + "\n"
    units = units_of(text)
    found = truncated_copies(units, 4, 3, 24)
    assert len(found) == 200
    assert len({t.full for t in found}) == 1 and units[found[0].full].raw in lines


# -- properties -------------------------------------------------------------------------------------


@st.composite
def distinct_lines(draw, min_lines: int = 2, max_lines: int = 6) -> list[str]:
    """Lines of invented words in one spaced script, no word used twice."""
    script = draw(st.sampled_from([s for s in SCRIPTS if s != "han"]))
    word = st.lists(st.sampled_from(SCRIPTS[script]), min_size=2, max_size=4).map("".join)
    sizes = draw(st.lists(st.integers(5, 12), min_size=min_lines, max_size=max_lines))
    pool = draw(st.lists(word, min_size=sum(sizes), max_size=sum(sizes), unique=True))
    out, k = [], 0
    for n in sizes:
        out.append(" ".join(pool[k:k + n]))
        k += n
    return out


def _truncate(line: str, data: st.DataObject, min_words: int = 1) -> str:
    """The first words of ``line`` (the last possibly cut), a label perhaps, an ellipsis."""
    words = line.split(" ")
    n = data.draw(st.integers(min_words, len(words) - 1))
    head = words[:n]
    if data.draw(st.booleans()) and len(head[-1]) > 1:
        head[-1] = head[-1][:data.draw(st.integers(1, len(head[-1]) - 1))]
    label = data.draw(st.sampled_from(["", "Read more: ", "Voir aussi : ", "[Video] ", "Next | "]))
    return label + " ".join(head) + data.draw(st.sampled_from(["...", "…", "...)"]))


_FAST = settings(max_examples=40, deadline=None)


@_FAST
@given(distinct_lines(), st.data())
def test_property_clean_text_with_ellipses_unchanged(lines, data):
    ends = [data.draw(st.sampled_from([".", "...", "…"])) for _ in lines]
    assert_unchanged(DedupBlocks(), "\n".join(line + e for line, e in zip(lines, ends)) + "\n")


@_FAST
@given(distinct_lines(), st.data())
def test_property_teaser_of_a_line_goes_wherever_it_is(lines, data):
    text = "\n".join(lines) + "\n"
    source = data.draw(st.sampled_from([line for line in lines if len(line.split(" ")) > 5]
                                       or [lines[0]]))
    if len(source.split(" ")) <= 5:
        return
    teaser = _truncate(source, data, min_words=5)  # 5: four whole words even when the last is cut
    at = data.draw(st.integers(0, len(lines)))
    noisy = "\n".join(lines[:at] + [teaser] + lines[at:]) + "\n"
    doc = run(noisy)
    assert doc.text == text
    assert doc.edits[0].reason.startswith("truncated copy of line")
    assert_edits_map_to_original(doc)


@_FAST
@given(distinct_lines(), st.data())
def test_property_idempotent_never_adds_words_keeps_every_full_line(lines, data):
    pool = lines + [_truncate(data.draw(st.sampled_from(lines)), data) for _ in range(data.draw(st.integers(1, 6)))]
    order = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=14))
    text = "\n".join(order) + "\n"
    once = assert_idempotent(DedupBlocks(), text)
    assert_never_adds_words(DedupBlocks(), text)
    assert_edits_map_to_original(once)
    out = once.text.split("\n")
    assert set(out) <= set(text.split("\n"))
    assert {line for line in order if line in lines} <= set(out)
