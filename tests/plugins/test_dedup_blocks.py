"""Tests of the ``dedup-blocks`` normalizer: whole copies, runs, single lines, near-duplicates,
which copy stays, provenance, and what must never be removed.

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
from textnorm_std.dedup_blocks import DedupBlocks, DedupBlocksOptions

# -- invented documents --------------------------------------------------------------------------

TITLE = "Valley Orchards Report Record Apple Harvest Despite Late Frost"
BYLINE = "By Mara Lindqvist, October 3, 2024"
PARAGRAPHS = [
    "Growers across the northern valley picked more apples this autumn than in any year since "
    "the cooperative began keeping records, even though a frost in May had damaged many blossoms.",
    "The cooperative's chair said that the warm and wet summer allowed the surviving fruit to grow "
    "unusually large, which made up for the smaller number of apples on each tree.",
    "Several families who run small orchards near the river said they had hired extra pickers "
    "from neighbouring towns because the harvest started two weeks earlier than planned.",
    "Prices at the regional market fell slightly in September, but traders expect them to recover "
    "once the stored fruit is sold to supermarkets during the winter months.",
    "Researchers at the agricultural college are studying whether the late frost changed the taste "
    "of the fruit, and they plan to publish their first results in the spring.",
    "The cooperative will hold its annual cider festival on the last weekend of the month, with "
    "music, tastings and a competition for the best homemade apple cake.",
]
PROMO = ["Ten gadgets every gardener should own 12", "Read More"]
ARTICLE = "\n".join([TITLE, BYLINE, *PARAGRAPHS]) + "\n"

FRENCH = "\n".join([
    "La bibliothèque municipale rouvre ses portes après deux ans de travaux",
    "Les lecteurs pourront découvrir dès lundi une salle de lecture agrandie, un espace réservé aux "
    "enfants et une collection de bandes dessinées entièrement renouvelée.",
    "La maire a rappelé que le chantier avait pris du retard à cause de la découverte de fondations "
    "anciennes sous le parking, qui ont dû être étudiées par des archéologues.",
    "Les horaires d'ouverture seront élargis le samedi, et une navette gratuite reliera la "
    "bibliothèque aux quartiers les plus éloignés du centre pendant tout l'été.",
]) + "\n"

JAPANESE = "\n".join([
    "市立図書館が二年間の改修工事を終えて再開",
    "月曜日から利用者は広くなった閲覧室と子ども向けの空間、そして新しく入れ替えた漫画の棚を利用できるようになる。",
    "市長は駐車場の下で古い基礎が見つかり、考古学者による調査が必要になったため工事が遅れたと説明した。",
    "土曜日の開館時間は延長され、夏の間は中心部から離れた地区と図書館を結ぶ無料の送迎バスが運行される。",
]) + "\n"

RUSSIAN = "\n".join([
    "Городской музей открыл новую выставку старинных карт и глобусов",
    "Посетители смогут увидеть более двухсот карт, нарисованных от руки, и несколько глобусов, "
    "которые долгие годы хранились в подвале музея и ни разу не показывались публике.",
    "Хранитель коллекции рассказал, что реставрация самых хрупких листов заняла почти три года "
    "и потребовала помощи специалистов из столичной библиотеки.",
]) + "\n"


def inject(text: str, token: str, every: int = 1) -> str:
    """``text`` with ``token`` inserted in the middle of every ``every``-th line."""
    out = []
    for k, line in enumerate(text.split("\n")):
        words = line.split(" ")
        if line and k % every == 0:
            words.insert(len(words) // 2, token)
        out.append(" ".join(words))
    return "\n".join(out)


def run(text: str, **options) -> object:
    return run_normalizer(DedupBlocks, text, **options)


# -- whole copies --------------------------------------------------------------------------------


def test_second_noisy_copy_with_promo_between_is_removed():
    noisy = ARTICLE + "\n".join(PROMO) + "\n" + inject(ARTICLE, "Sponsored")
    doc = run(noisy)
    assert doc.text == ARTICLE + "\n".join(PROMO) + "\n"
    for p in PARAGRAPHS:
        assert doc.text.count(p) == 1
    assert len(doc.edits) == 1
    assert doc.edits[0].reason.startswith("repeats lines 1-8 (kept copy), similarity 0.9")
    assert_edits_map_to_original(doc)


def test_first_copy_corrupted_keeps_the_clean_later_copy():
    noisy = inject(ARTICLE, "Sponsored") + "\n".join(PROMO) + "\n" + ARTICLE
    doc = run(noisy)
    assert doc.text == "\n".join(PROMO) + "\n" + ARTICLE
    assert "kept copy is cleaner" in doc.edits[0].reason
    assert "repeats lines 11-18 (kept copy)" in doc.edits[0].reason


def test_prefer_cleaner_off_keeps_the_first_copy():
    noisy = inject(ARTICLE, "Sponsored") + ARTICLE
    doc = run(noisy, prefer_cleaner=False)
    assert doc.text == inject(ARTICLE, "Sponsored")


def test_one_stray_word_does_not_make_a_copy_cleaner():
    # A single surplus word may belong to either copy: the first copy stays.
    first = ARTICLE.replace("unusually large", "unusually very large")
    doc = run(first + ARTICLE)
    assert doc.text == first


@pytest.mark.parametrize("article", [FRENCH, JAPANESE, RUSSIAN], ids=["fr", "ja", "ru"])
def test_copies_in_other_languages(article):
    copy = article.replace("、", "，").replace(", ", " , ").upper()
    doc = run(article + "\n" + copy)
    assert doc.text == article  # the blank line before the removed copy goes with it


def test_copy_differing_in_case_quotes_spacing_and_punctuation():
    copy = (ARTICLE.replace("'", "’").replace(", ", " ,  ").replace(".", " !")
            .replace("apples", "APPLES"))
    doc = run(ARTICLE + copy)
    assert doc.text == ARTICLE


def test_copy_with_words_broken_by_injected_tokens_and_corrupted_letters():
    copy = (ARTICLE.replace("cooperative began", "coope Trending rative began")
            .replace("surviving", "survivinq").replace("neighbouring", "neighbuoring"))
    doc = run(ARTICLE + copy)
    assert doc.text == ARTICLE


def test_three_copies_leave_one():
    doc = run(ARTICLE + PROMO[0] + "\n" + ARTICLE + PROMO[1] + "\n" + ARTICLE)
    assert doc.text == ARTICLE + PROMO[0] + "\n" + PROMO[1] + "\n"


def test_paragraph_only_in_the_second_copy_stays_in_its_place():
    extra = ("A late addition: the festival will also include a guided walk through the oldest "
             "orchard in the valley, led by the cooperative's founder.")
    lines = ARTICLE.split("\n")
    second = "\n".join(lines[:5] + [extra] + lines[5:])
    doc = run(ARTICLE + second)
    assert doc.text == ARTICLE + extra + "\n"


def test_blank_line_separated_copy_leaves_no_holes():
    article = "\n\n".join([TITLE, *PARAGRAPHS]) + "\n"
    doc = run(article + "\n" + article)
    assert doc.text == article


# -- runs and single repeats -------------------------------------------------------------------


def test_paragraph_doubled_in_place_is_removed():
    lines = [TITLE, *PARAGRAPHS]
    doubled = "\n".join(lines[:3] + [lines[2]] + lines[3:]) + "\n"
    doc = run(doubled)
    assert doc.text == "\n".join(lines) + "\n"
    assert doc.edits[0].reason == "repeats line 3 (kept copy), similarity 1.00"


def test_run_of_paragraphs_repeated_far_away_is_removed():
    lines = [TITLE, *PARAGRAPHS]
    text = "\n".join(lines + lines[2:4]) + "\n"
    doc = run(text)
    assert doc.text == "\n".join(lines) + "\n"
    assert doc.edits[0].reason.startswith("repeats lines 3-4 (kept copy)")


def test_short_stutter_of_five_words_is_removed_but_shorter_ones_stay():
    text = "\n".join([PARAGRAPHS[0], "Continue reading the main story", "Continue reading the main story",
                      "Continue reading the main story", PARAGRAPHS[1], "Share this", "Share this"]) + "\n"
    doc = run(text)
    assert doc.text == "\n".join([PARAGRAPHS[0], "Continue reading the main story", PARAGRAPHS[1],
                                  "Share this", "Share this"]) + "\n"


def test_many_short_lines_repeated_in_place_stay():
    refrain = "Oh la la\nDance all night\n"
    text = PARAGRAPHS[0] + "\n" + refrain * 3 + "Share\n" * 6 + PARAGRAPHS[1] + "\n"
    assert_unchanged(DedupBlocks(), text)


def test_short_legitimate_repeats_apart_stay():
    song = "\n".join([
        "The river runs beneath the bridge at night",
        "Sing along now, sing along",
        "Lanterns drift along the quiet water",
        "Sing along now, sing along",
        "Share",
        "Morning comes and the boats go out again",
        "Sing along now, sing along",
        "Share",
    ]) + "\n"
    assert_unchanged(DedupBlocks(), song)


def test_minimum_sizes_are_configurable():
    text = "\n".join([PARAGRAPHS[0], "Sing along now, sing along", PARAGRAPHS[1],
                      "Sing along now, sing along"]) + "\n"
    assert_unchanged(DedupBlocks(), text)
    doc = run(text, min_words_apart=4)
    assert doc.text == "\n".join([PARAGRAPHS[0], "Sing along now, sing along", PARAGRAPHS[1]]) + "\n"


def test_table_of_contents_and_headings_stay():
    headings = ["How the frost arrived in May", "What the growers did next", "Where the prices go from here"]
    text = "\n".join(headings + [h + "\n" + p for h, p in zip(headings, PARAGRAPHS, strict=False)]) + "\n"
    assert_unchanged(DedupBlocks(), text)


# -- what is never a repeat -----------------------------------------------------------------------


def test_template_sentences_with_different_names_stay():
    text = "\n".join([
        "Northern Lights is currently streaming on Riverflix and available to rent on most stores.",
        "A quiet drama about a lighthouse keeper and her daughter.",
        "Paper Boats is currently streaming on Riverflix and available to rent on most stores.",
        "A comedy about two brothers who inherit a failing bakery.",
        "Old Harbour is now streaming on Riverflix and available to digitally rent on most stores.",
    ]) + "\n"
    assert_unchanged(DedupBlocks(), text)


def test_table_rows_and_footers_with_different_numbers_stay():
    text = "\n".join([
        "Region North harvest in tonnes 1200 compared with 1100 last year and 900 before",
        "Region South harvest in tonnes 1350 compared with 1100 last year and 900 before",
        "Orchard report page 1 of 3 printed by the valley cooperative office",
        "Orchard report page 2 of 3 printed by the valley cooperative office",
        "0 files updated, 1 files merged, 0 files removed",
        "1 files updated, 0 files merged, 0 files removed",
    ]) + "\n"
    assert_unchanged(DedupBlocks(), text)


def test_code_repeated_in_successive_examples_stays():
    loop = ["for (let i = 0; i < items.length; i++) {", "total += items[i].price * items[i].count;", "}"]
    text = "\n".join([
        "First we add up the basket:", *loop,
        "Then we do it again after applying a discount to every item in the basket:",
        "items.forEach((item) => { item.price *= 0.9; });", *loop,
    ]) + "\n"
    assert_unchanged(DedupBlocks(), text)


def test_numbers_must_match_can_be_switched_off():
    # "2024" occurs elsewhere (the byline), so dropping it with the copy loses nothing.
    text = "\n".join([BYLINE, PARAGRAPHS[0], PARAGRAPHS[1],
                      PARAGRAPHS[0].replace("May", "May 2024"), PARAGRAPHS[2]]) + "\n"
    assert_unchanged(DedupBlocks(), text)
    doc = run(text, numbers_must_match=False)
    assert doc.text == "\n".join([BYLINE, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]) + "\n"


def test_line_differing_by_a_word_found_nowhere_else_stays():
    # The second reference is another reference (another source), not a noisy copy.
    refs = ['^ "The Harvest Report (2021)" . Valley Cinema. May 9, 2022. Retrieved 2 June 2023.',
            '^ "The Harvest Report (2021) at Valley Cinema" . Ticketfold. May 9, 2022. Retrieved 2 June 2023.']
    assert_unchanged(DedupBlocks(), "\n".join([PARAGRAPHS[0], *refs, PARAGRAPHS[1]]) + "\n")


def test_clean_articles_unchanged():
    for text in (ARTICLE, FRENCH, JAPANESE, RUSSIAN, ""):
        assert_unchanged(DedupBlocks(), text)


# -- options ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("field,value", [("threshold", 0.0), ("threshold", 1.5), ("run_threshold", -1.0),
                                         ("min_words", 0), ("max_gap", -1), ("cleaner_ratio", 0.5),
                                         ("max_symbol_share", 2.0), ("prefer_cleaner", "yes"),
                                         ("threshold", "0.8"), ("cleaner_ratio", True)])
def test_invalid_options_are_rejected(field, value):
    with pytest.raises((ValueError, TypeError), match=field):
        DedupBlocksOptions(**{field: value})


def test_integer_values_of_number_options_are_accepted():
    assert DedupBlocksOptions(threshold=1, cleaner_ratio=3).cleaner_ratio == 3


def test_threshold_is_configurable():
    copy = inject(ARTICLE, "Sponsored Partner Offer")  # three injected words per line
    doc = run(ARTICLE + copy, threshold=0.95, run_threshold=0.95)
    assert doc.text.count(PARAGRAPHS[0]) == 1 and len(doc.edits) == 0
    assert run(ARTICLE + copy).text == ARTICLE


# -- properties -------------------------------------------------------------------------------------


@st.composite
def distinct_texts(draw, min_lines: int = 2, max_lines: int = 8) -> str:
    """Lines of invented words in one spaced script, no word used twice: text without repeats.

    (``textnorm.testing.articles`` makes paragraphs from a handful of syllables, so two of
    them can be near-duplicates, which this normalizer rightly removes.)
    """
    script = draw(st.sampled_from([s for s in SCRIPTS if s != "han"]))
    word = st.lists(st.sampled_from(SCRIPTS[script]), min_size=2, max_size=4).map("".join)
    sizes = draw(st.lists(st.integers(5, 12), min_size=min_lines, max_size=max_lines))
    pool = draw(st.lists(word, min_size=sum(sizes), max_size=sum(sizes), unique=True))
    lines, k = [], 0
    for n in sizes:
        ws = pool[k:k + n]
        k += n
        lines.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return sep.join(lines) + "\n"


_TOKEN = "Qwzrt"  # not made of any script's syllables in textnorm.testing.SCRIPTS
_FAST = settings(max_examples=40, deadline=None)


def _noisy(text: str, data: st.DataObject) -> str:
    """``text`` with a token injected into some lines and spacing and punctuation changed."""
    out = []
    for line in text.split("\n"):
        if line.strip():
            words = line.split(" ")
            if data.draw(st.booleans()):
                words.insert(data.draw(st.integers(0, len(words))), _TOKEN)
            line = data.draw(st.sampled_from([" ", "  "])).join(words)
            line = line.replace(".", data.draw(st.sampled_from([".", " .", "!"])))
        out.append(line)
    return "\n".join(out)


@_FAST
@given(distinct_texts())
def test_property_clean_text_unchanged(text):
    assert_unchanged(DedupBlocks(), text)


@_FAST
@given(distinct_texts())
def test_property_text_followed_by_itself_comes_back(text):
    doc = run(text + text)
    assert doc.text == text
    assert_edits_map_to_original(doc)


@_FAST
@given(distinct_texts(min_lines=3), st.data())
def test_property_text_followed_by_noisy_copy_comes_back(text, data):
    between = data.draw(st.sampled_from(["", "Zzkv offers today only\n"]))
    doc = run(text + between + _noisy(text, data))
    assert doc.text == text + between


@_FAST
@given(distinct_texts(min_lines=3), st.data())
def test_property_noisy_first_copy_gives_way_to_a_clean_later_one(text, data):
    noisy = _noisy(text, data)
    doc = run(noisy + text)
    if noisy.count(_TOKEN) >= 2:  # clearly the dirtier copy
        assert doc.text == text
        assert "kept copy is cleaner" in doc.edits[0].reason
    else:
        assert doc.text == noisy


@_FAST
@given(st.lists(st.integers(0, 7), min_size=1, max_size=14), distinct_texts())
def test_property_idempotent_never_adds_lines_or_words(order, source):
    pool = [line for line in source.split("\n") if line.strip()]
    text = "\n".join(pool[k % len(pool)] for k in order) + "\n"
    once = assert_idempotent(DedupBlocks(), text)
    assert set(once.text.split("\n")) <= set(text.split("\n"))
    assert_never_adds_words(DedupBlocks(), text)
    assert_edits_map_to_original(once)


# -- other line breaks ------------------------------------------------------------------------------


def _wrap(text: str, width: int = 60) -> str:
    import textwrap

    return "\n".join(textwrap.fill(line, width) for line in text.strip().split("\n")) + "\n"


def test_copy_with_other_line_breaks_and_injected_tokens_is_removed():
    doc = run(ARTICLE + PROMO[0] + "\n" + inject(_wrap(ARTICLE), "Sponsored", 3))
    assert doc.text == ARTICLE + PROMO[0] + "\n"
    assert doc.edits[0].reason.startswith("repeats lines 1-8 (kept copy), similarity 0.9")
    assert "other line breaks" in doc.edits[0].reason


def test_wrapped_first_copy_stays_and_joined_second_copy_goes():
    doc = run(_wrap(ARTICLE) + PROMO[0] + "\n" + ARTICLE)
    assert doc.text == _wrap(ARTICLE) + PROMO[0] + "\n"


def test_heading_echoing_a_phrase_of_a_paragraph_stays():
    text = "\n".join([
        "Growers said that the warm and wet summer allowed the surviving fruit to grow unusually "
        "large, which made up for the smaller number of apples on each tree this year.",
        "The warm and wet summer allowed the surviving fruit to grow",
        PARAGRAPHS[2],
    ]) + "\n"
    assert_unchanged(DedupBlocks(), text)


def test_matching_other_line_breaks_can_be_switched_off():
    text = ARTICLE + PROMO[0] + "\n" + _wrap(ARTICLE)
    assert run(text, match_wrapped=False).text.count("supermarkets") == 2
    assert run(text).text.count("supermarkets") == 1


_LINES = [
    "The ferry leaves the harbour at seven every morning.",
    "the ferry LEAVES the harbour at seven, every morning!",
    "The ferry leaves the Zqx harbour at seven every morning.",
    "The bus leaves the station at seven every morning.",
    "Tickets cost 4 euros on weekdays and 6 on weekends.",
    "Tickets cost 5 euros on weekdays and 6 on weekends.",
    "Share", "", "   ", "* * *", "渡し船は毎朝七時に港を出る。",
]


@_FAST
@given(st.lists(st.sampled_from(_LINES), max_size=24), st.sampled_from(["\n", "\r\n", "\r"]),
       st.booleans())
def test_property_any_mix_of_lines_and_breaks(lines, sep, final_break):
    text = sep.join(lines) + (sep if final_break else "")
    once = assert_idempotent(DedupBlocks(), text)
    assert set(once.text.splitlines()) <= set(text.splitlines())
    assert_edits_map_to_original(once)


# -- page furniture repeated apart ---------------------------------------------------------------

CHART = ["Apple exports by month", "2,400", "tonnes", "’21", "’22", "’23", "%"]
MENU_DE = ["Startseite", "Politik", "Wirtschaft", "Kultur", "Mehr erfahren Sie in unserem Archiv"]
MENU_JA = ["ニュース", "スポーツ", "ビジネス", "ランキング", "エンタメ"]


def test_chart_printed_twice_leaves_one_copy():
    # A desktop and a mobile rendering of one chart, prose between them.
    text = "\n".join([PARAGRAPHS[0], *CHART, PARAGRAPHS[1], *CHART, PARAGRAPHS[2]]) + "\n"
    doc = run(text)
    assert doc.text == "\n".join([PARAGRAPHS[0], *CHART, PARAGRAPHS[1], PARAGRAPHS[2]]) + "\n"
    assert doc.edits[0].reason.startswith("repeats lines 2-8 (kept copy), similarity 1.00")


@pytest.mark.parametrize("menu", [MENU_DE, MENU_JA])
def test_menu_printed_at_top_and_bottom_leaves_one_copy(menu):
    body = FRENCH if menu is MENU_DE else JAPANESE
    text = "\n".join(menu) + "\n" + body + "\n".join(menu) + "\n"
    assert run(text).text == "\n".join(menu) + "\n" + body


def test_short_code_statements_repeated_in_a_block_stay():
    query = ["SELECT", "name,", "total", "FROM", "orders", "WHERE total > 10;"]
    text = "\n".join(["The first query lists the large orders of every customer:", *query,
                      "Run it again after the nightly import to see the new orders:", *query]) + "\n"
    assert_unchanged(DedupBlocks(), text)


def test_credit_line_with_separators_repeated_apart_is_removed_plain_caption_stays():
    credit = "Gráfico de El Diario del Valle | Fuente: Instituto de Estadística"
    caption = "Los recolectores trabajan en la ladera norte al amanecer"
    text = "\n".join([credit, PARAGRAPHS[0], caption, PARAGRAPHS[1], credit, caption, PARAGRAPHS[2]]) + "\n"
    doc = run(text)
    assert doc.text == "\n".join([credit, PARAGRAPHS[0], caption, PARAGRAPHS[1], caption, PARAGRAPHS[2]]) + "\n"
    assert doc.edits[0].reason == "repeats line 1 (kept copy), similarity 1.00"


def test_furniture_rules_can_be_switched_off():
    credit = "Chart by the Valley Gazette | Source: Orchard Cooperative"
    text = "\n".join([*CHART, credit, PARAGRAPHS[0], *CHART, credit, PARAGRAPHS[1]]) + "\n"
    assert run(text).text != text
    assert_unchanged(DedupBlocks(DedupBlocksOptions(furniture_block=0, furniture_separators=False)), text)


def test_label_size_is_configurable():
    menu = ["Home", "World news today", "Sport", "Weather forecast", "Contact"]
    text = "\n".join([*menu, PARAGRAPHS[0], *menu]) + "\n"
    assert run(text).text == "\n".join([*menu, PARAGRAPHS[0]]) + "\n"
    assert_unchanged(DedupBlocks(DedupBlocksOptions(label_max_chars=4)), text)


# -- long texts: later passes look around the removals ---------------------------------------------


def test_many_articles_each_scraped_twice_leave_one_copy_each():
    # Articles one after another (a crawl dump), each followed by a noisy second copy that
    # holds its first paragraph twice: the first pass removes the copies, a later pass
    # (reading only around the removals) finds nothing more, the confirming pass neither.
    articles = []
    for n, body in enumerate([ARTICLE, FRENCH, JAPANESE, RUSSIAN]):
        lines = body.strip("\n").split("\n")
        head = f"Issue {n} of the regional digest, page {n + 1} of the archive"
        clean = "\n".join([head, *lines]) + "\n"
        copy = "\n".join([head, lines[0], lines[1], lines[1], *lines[2:]]) + "\n"
        articles.append((clean, clean + "Read More\n" + inject(copy, "Sponsored")))
    doc = run("".join(noisy for _, noisy in articles))
    assert doc.text == "".join(clean + "Read More\n" for clean, _ in articles)
    assert_idempotent(DedupBlocks(), doc.text)


def test_lookup_reads_the_rarest_pairs_first_within_its_budget():
    from textnorm_std._dedup_lines import LineIndex, units_of

    # Many lines share the pairs of a common phrase; the copy of the last one is found
    # through the pairs only it and its source hold, however small the budget.
    common = "the harvest of the valley was good this year"
    lines = [f"{common} in village number {n} said the mayor" for n in range(12)]
    lines += ["orchards near the old mill kept their best pickers all autumn", *lines[:2],
              "orchards near the old mill kept their best pickers all autumn"]
    units = units_of("\n".join(lines) + "\n")
    index = LineIndex(units, max_postings=32, numbers_must_match=True, max_changed=0, budget=4)
    for u in units[:-1]:
        index.add(u)
    assert index.best(units[-1], 0.8) == (12, 1.0)
    near = units_of("orchards near the old mill kept their very best pickers all autumn\n")[0]
    near = type(near)(index=len(units), line=0, start=0, end=0, words=near.words, numbers=(), raw=near.raw)
    assert index.best(near, 0.8)[0] == 12
