"""Tests of the ``promo-lines`` normalizer: calls to action in several languages,
unrelated headlines, page furniture around the content, headings that must stay,
user patterns, and the properties (clean text unchanged, idempotent, never adds words).

Every document here is invented for the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textnorm
from textnorm.testing import (
    articles,
    assert_edits_map_to_original,
    assert_idempotent,
    assert_never_adds_words,
    assert_unchanged,
    run_normalizer,
)
from textnorm_std._promo_patterns import line_key, match_library
from textnorm_std.promo_lines import PatternTimeoutError, PromoLines, PromoLinesOptions

# -- invented documents --------------------------------------------------------------------------

TITLE = "Harbour Town Votes to Restore Its Old Lighthouse"
BYLINE = "By Ilse Marchetti, March 14, 2024"
INTRO = ("The council of the small harbour town voted on Tuesday to restore the old lighthouse "
         "that has guided fishing boats into the bay for more than a century.")
BODY = [
    "The lighthouse keeper's cottage will become a museum about the fishing families of the bay, "
    "and the lamp itself will be repaired by engineers from the maritime school.",
    "Fishermen told the council that the lighthouse still matters on foggy nights, even though "
    "modern boats carry satellite navigation and radar.",
    "The restoration will cost about two million euros, most of it paid by a regional fund for "
    "historic buildings, and the work should be finished before next summer.",
]
HEADING = "Lighthouse Museum Plans for the Harbour"
HEADING_BODY = ("The museum in the lighthouse cottage will show old nets, logbooks and photographs "
                "lent by fishing families of the harbour town.")
CONCLUSION = "Conclusion"
CLOSING = ("For the harbour town, the vote means that its best-known building will shine again, "
           "and that the fishing families keep a place to remember their history.")


def article(*extra_between: str, tail: tuple[str, ...] = ()) -> str:
    """The invented article, with lines inserted between its paragraphs and at its end."""
    lines = [TITLE, BYLINE, INTRO, BODY[0], *extra_between, BODY[1], BODY[2], HEADING, HEADING_BODY,
             CONCLUSION, CLOSING, *tail]
    return "\n".join(lines) + "\n"


CLEAN = article()

MENU = ["Home", "News", "Local", "Sport", "Weather", "Culture", "Log in", "Search", "Subscribe"]
FOOTER = ["About us", "Contact us", "Privacy Policy", "Terms of Use", "Facebook", "Twitter",
          "© 2024 Coastal Media Group. All rights reserved."]

GERMAN = "\n".join([
    "Neue Fähre verbindet die Inseln",
    "Von Jonas Keller",
    "Seit Montag fährt eine neue elektrische Fähre zwischen den beiden Inseln der Bucht hin und her.",
    "Die Fähre bietet Platz für zweihundert Fahrgäste und vierzig Fahrräder, und sie lädt ihre "
    "Batterien im Hafen mit Strom aus dem Windpark.",
    "Fahrplan und Preise",
    "Die Fähre fährt jede Stunde, und ein Ticket für Erwachsene kostet vier Euro pro Fahrt.",
]) + "\n"

FRENCH = "\n".join([
    "Le marché couvert rouvre ses portes",
    "Le marché couvert du centre-ville a rouvert samedi après deux ans de travaux de rénovation.",
    "Les commerçants du marché proposent de nouveau fruits, légumes, fromages et poissons de la région.",
    "Les travaux du marché ont permis de refaire la toiture et d'installer une ventilation moderne.",
]) + "\n"

CHINESE = "\n".join([
    "山区小学建成新图书馆",
    "山区小学的新图书馆本周正式开放，学生们可以在课后借阅图书。",
    "图书馆的书籍由城市居民捐赠，共有三千多本图书。",
    "新图书馆的开放",
    "校长表示，新图书馆将每天开放到傍晚，方便住得远的学生借阅图书。",
]) + "\n"


def removed(doc: textnorm.Document) -> list[str]:
    return [e.removed.strip() for e in doc.edits]


# -- the pattern library -------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Read more", "READ MORE »", "Continue reading", "Click here", "Subscribe to our newsletter",
    "Follow us on Instagram", "Share this article", "Advertisement", "Sponsored content",
    "Also read: Ten tips for a cheaper garden",
    "Weiterlesen", "Anzeige", "Lesen Sie auch: Neue Regeln für Radfahrer",
    "Lire la suite", "Publicité", "Lire aussi : Les soldes commencent",
    "Leer más", "Publicidad", "Leggi anche: Le nuove regole", "Pubblicità",
    "Leia também: Novas regras", "Publicidade", "Lees ook: Nieuwe regels", "Advertentie",
    "Alle Rechte vorbehalten", "Tous droits réservés", "© 2023 Some Publisher",
    "続きを読む", "【関連記事】", "広告", "阅读全文", "版权所有 2023",
])
def test_library_knows_calls_to_action_in_several_languages(line: str) -> None:
    assert match_library(line_key(line)) is not None


@pytest.mark.parametrize("line", ["Read this articel", "Continue readnig", "Subscribe to our newslettr"])
def test_library_tolerates_typos(line: str) -> None:
    assert match_library(line_key(line)) is not None


@pytest.mark.parametrize("line", [
    "Readers wrote to the council",
    "The newsletter of the fishing cooperative reported a good season",
    "Conclusion", "Background",
])
def test_library_leaves_ordinary_lines(line: str) -> None:
    entry = match_library(line_key(line))
    assert entry is None or entry.category in {"nav", "social"}


# -- examples ------------------------------------------------------------------------------------

def test_clean_article_unchanged() -> None:
    assert_unchanged(PromoLines(), CLEAN)


@pytest.mark.parametrize("text", [GERMAN, FRENCH, CHINESE])
def test_clean_articles_in_other_languages_unchanged(text: str) -> None:
    assert_unchanged(PromoLines(), text)


def test_call_to_action_and_unrelated_headline_removed_headings_stay() -> None:
    noisy = article("Read This Articel", tail=("Pop star shares photos from her beach holiday 12",))
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text == CLEAN
    assert set(removed(doc)) == {"Read This Articel", "Pop star shares photos from her beach holiday 12"}
    assert_edits_map_to_original(doc)


def test_reasons_name_the_evidence() -> None:
    noisy = article("Advertisement", tail=("Pop star shares photos from her beach holiday 12",))
    doc = run_normalizer(PromoLines(), noisy)
    reasons = {e.removed.strip(): e.reason for e in doc.edits}
    assert "library pattern" in reasons["Advertisement"] and "ad/en" in reasons["Advertisement"]
    headline = reasons["Pop star shares photos from her beach holiday 12"]
    assert "trailing count" in headline and "coherence" in headline


def test_page_furniture_around_the_article_removed() -> None:
    noisy = "\n".join(MENU) + "\n" + CLEAN + "\n".join(FOOTER) + "\n"
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text.strip() == CLEAN.strip()
    assert any("before the main content" in e.reason for e in doc.edits)


def test_crumb_trail_inside_the_article_removed() -> None:
    noisy = article("Shop » Garden » Furniture » Chairs")
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text == CLEAN


def test_line_of_figures_ending_in_a_number_stays() -> None:
    assert_unchanged(PromoLines(), article("Position: N43 12 5.5 E15 26 31.2"))


def test_chinese_heading_without_punctuation_stays_and_chinese_promo_goes() -> None:
    noisy = CHINESE.replace("新图书馆的开放\n", "新图书馆的开放\n阅读全文\n")
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text == CHINESE


def test_dateline_with_separators_stays() -> None:
    noisy = article("3/14/2024 9:30 AM | Coastal Desk | Harbour")
    assert_unchanged(PromoLines(), noisy)


def test_sentence_on_the_subject_mentioning_a_newsletter_stays() -> None:
    sentence = ("Subscribe to the lighthouse newsletter, the council said, to follow the restoration "
                "of the lamp and the cottage museum in the harbour town.")
    assert_unchanged(PromoLines(), article(sentence))


def test_pointer_to_a_related_article_on_the_subject_stays() -> None:
    assert_unchanged(PromoLines(), article("See also: Harbour town lighthouse restoration fund"))


def test_foreign_promo_in_a_chinese_article_removed() -> None:
    noisy = CHINESE + "Continue Reading\n"
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text.strip() == CHINESE.strip()


def test_german_furniture_removed() -> None:
    noisy = GERMAN.replace("Fahrplan und Preise\n", "Fahrplan und Preise\nAnzeige\n") + "Weiterlesen\n"
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text.strip() == GERMAN.strip()


def test_list_announced_by_a_lead_in_stays() -> None:
    menu = "\n".join(MENU)
    body = CLEAN + "Tags of this story:\nMaritime history\nRestoration\nLocal museums\n"
    noisy = menu + "\n" + body + "\n".join(FOOTER) + "\n"
    doc = run_normalizer(PromoLines(), noisy)
    assert "Tags of this story:\nMaritime history\nRestoration\nLocal museums" in doc.text


# -- options -------------------------------------------------------------------------------------

def test_extra_patterns_remove_matching_lines() -> None:
    noisy = article("Brought to readers by the Harbour Bakery")
    doc = run_normalizer(PromoLines(PromoLinesOptions(extra_patterns=[r"^brought to readers by\b"])), noisy)
    assert doc.text == CLEAN
    assert "user pattern" in doc.edits[0].reason


def test_allow_list_keeps_lines() -> None:
    noisy = article("Advertisement")
    assert_unchanged(PromoLines(PromoLinesOptions(allow=[r"^advertisement$"])), noisy)


def test_library_can_be_switched_off() -> None:
    assert_unchanged(PromoLines(PromoLinesOptions(use_library=False)), article("Read more"))


@pytest.mark.parametrize("key", ["extra_patterns", "allow"])
def test_invalid_pattern_is_a_value_error_naming_it(key: str) -> None:
    with pytest.raises(ValueError, match=r"\(unclosed"):
        PromoLinesOptions(**{key: ["(unclosed"]})


def test_slow_user_pattern_is_stopped_and_named() -> None:
    options = PromoLinesOptions(extra_patterns=[r"(a|aa)+$"], pattern_timeout=0.01)
    text = CLEAN + "a" * 60 + "!\n"
    with pytest.raises(PatternTimeoutError, match=r"promo-lines.*\(a\|aa\)\+\$"):
        PromoLines(options)(textnorm.Document.from_text(text))
    assert issubclass(PatternTimeoutError, TimeoutError)
    assert issubclass(PatternTimeoutError, textnorm.TextnormError)


@pytest.mark.parametrize("field,value", [("keep_coherence", 1.5), ("short_line_cost", 0),
                                         ("pattern_timeout", -1), ("max_passes", 0)])
def test_bad_thresholds_are_rejected(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        PromoLinesOptions(**{field: value})


# -- properties ----------------------------------------------------------------------------------

PROMOS = ["Read more", "Subscribe to our newsletter", "Advertisement", "Weiterlesen", "Lire la suite",
          "Celebrity chef opens a rooftop restaurant 27", "Also read: Cheap flights to sunny islands"]


@settings(max_examples=60, deadline=None)
@given(articles())
def test_clean_generated_articles_unchanged(text: str) -> None:
    assert_unchanged(PromoLines(), text)


@settings(max_examples=60, deadline=None)
@given(articles(), st.lists(st.tuples(st.integers(0, 50), st.sampled_from(PROMOS)), max_size=4))
def test_idempotent_and_never_adds_words(text: str, inserts: list[tuple[int, str]]) -> None:
    lines = text.split("\n")
    for pos, promo in inserts:
        lines.insert(pos % (len(lines) + 1), promo)
    noisy = "\n".join(lines)
    normalizer = PromoLines()
    assert_idempotent(normalizer, noisy)
    doc = assert_never_adds_words(normalizer, noisy)
    assert_edits_map_to_original(doc)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PROMOS[:5]), min_size=1, max_size=3))
def test_inserted_calls_to_action_removed(promos: list[str]) -> None:
    noisy = article(*promos)
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text == CLEAN
