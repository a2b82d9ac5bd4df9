"""Tests of the ``promo-lines`` normalizer: calls to action in several languages,
unrelated headlines, page furniture around the content, headings that must stay,
user patterns, and the properties (clean text unchanged, idempotent, never adds words).

Every document here is invented for the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textnorm_std._promo_match import match_library
from textnorm_std._promo_patterns import line_key
from textnorm_std.promo_lines import PatternTimeoutError, PromoLines, PromoLinesOptions

import textnorm
from textnorm.testing import (
    articles,
    assert_edits_map_to_original,
    assert_idempotent,
    assert_never_adds_words,
    assert_unchanged,
    run_normalizer,
)

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


# -- repeated page furniture, cut-off teasers, newsletter calls to action -------------------------

@pytest.mark.parametrize("line", [
    "Get the Weekly Garden Digest delivered to your inbox",
    "Die besten Geschichten der Woche direkt in Ihr Postfach",
    "Recevez la lettre du jardin directement dans votre boîte mail",
    "Las mejores historias directamente en tu bandeja de entrada",
    "Le storie migliori direttamente nella tua casella di posta",
    "As melhores histórias direto no seu e-mail",
    "Het beste verhaal van de week direct in je mailbox",
])
def test_library_knows_newsletter_delivery_calls_in_several_languages(line: str) -> None:
    entry = match_library(line_key(line))
    assert entry is not None and entry.category == "cta"


def test_library_leaves_a_sentence_about_delivered_mail() -> None:
    assert match_library(line_key("The parcel was delivered to your neighbour")) is None


RELATED_TWICE = [
    "More on this topic",
    "Old lighthouse of the harbour town shines again after restoration",
    "Published: 2 March 2024",
    "Old lighthouse of the harbour town shines again after restoration",
    "Published: 1 March 2024",
]


def test_headline_printed_twice_after_the_article_keeps_one_copy() -> None:
    # Both copies share the article's words (coherence cannot tell), but a template
    # printing the same headline twice outside the content is page furniture.
    doc = run_normalizer(PromoLines(), CLEAN + "\n".join(RELATED_TWICE) + "\n")
    assert doc.text.count(RELATED_TWICE[1]) == 1
    reasons = [e.reason for e in doc.edits if e.removed.strip() == RELATED_TWICE[1]]
    assert reasons and "repeated page furniture after the main content" in reasons[0]
    assert "(kept copy)" in reasons[0]
    assert_edits_map_to_original(doc)


def test_repeated_furniture_can_be_switched_off() -> None:
    noisy = CLEAN + "\n".join(RELATED_TWICE) + "\n"
    doc = run_normalizer(PromoLines(PromoLinesOptions(repeated_chrome=False)), noisy)
    assert doc.text.count(RELATED_TWICE[1]) == 2


def test_title_printed_twice_before_the_article_keeps_the_copy_next_to_it() -> None:
    noisy = "\n".join([TITLE, "Menu", TITLE, BYLINE]) + "\n" + CLEAN.split("\n", 2)[2]
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text.count(TITLE) == 1
    assert doc.text.index(TITLE) < doc.text.index(BYLINE)


def test_table_of_contents_repeating_the_headings_stays() -> None:
    # The headings have a copy inside the content: the contents list is the text's own.
    toc = ["Contents", HEADING, CONCLUSION]
    assert_unchanged(PromoLines(), "\n".join(toc) + "\n" + CLEAN)


def test_repeated_short_labels_and_list_pages_stay() -> None:
    # A label of one or two words repeats legitimately ("Photo" under every picture);
    # a page of teasers has no dominant prose, so nothing is furniture for repeating.
    teasers = []
    for n in range(6):
        teasers += ["Photo", f"Harbour story number {n} about boats and nets", "Credit: Coastal Photo Agency"]
    assert_unchanged(PromoLines(), "\n".join(teasers) + "\n")


GERMAN_LONG = "\n".join([
    "Neue Fähre verbindet die Inseln der Bucht",
    "Seit Montag fährt eine neue elektrische Fähre zwischen den beiden Inseln der Bucht hin und her.",
    "Die Fähre bietet Platz für zweihundert Fahrgäste und vierzig Fahrräder an Bord.",
    "Sie lädt ihre Batterien im Hafen mit Strom aus dem Windpark an der Küste.",
    "Die Fähre fährt jede Stunde, und ein Ticket für Erwachsene kostet vier Euro pro Fahrt.",
    "Die Inseln hoffen, dass die Fähre im Sommer mehr Gäste in die Bucht bringt.",
    "Mehr zum Thema",
    "Elektrische Fähre zwischen den Inseln der Bucht fährt ab Montag",
    "Fahrplan der Fähre für den Sommer",
    "Elektrische Fähre zwischen den Inseln der Bucht fährt ab Montag",
]) + "\n"

JAPANESE_LONG = "\n".join([
    "港町の灯台が修復される",
    "港町の議会は火曜日、古い灯台を修復することを決めた。港町の灯台は百年以上、漁船を湾に導いてきた。",
    "灯台の修復では、灯台守の小屋が港町の漁師の博物館になる。",
    "港町の漁師たちは、霧の夜には今でも灯台が大切だと議会に語った。",
    "灯台の修復には約二百万ユーロがかかり、港町の議会は基金に支援を求めた。",
    "灯台の修復工事は来年の夏までに終わる見込みだと港町の議会は話した。",
    "港町の漁師の家族は、灯台の修復が終わる日を楽しみにしていると議会に伝えた。",
    "議会は灯台の修復の進み具合を毎月港町の住民に知らせる予定だ。",
    "関連ニュース一覧ページへ",
    "港町の古い灯台の修復が決まる議会の判断",
    "漁港の朝市が再開",
    "港町の古い灯台の修復が決まる議会の判断",
]) + "\n"


@pytest.mark.parametrize("text,line", [
    (GERMAN_LONG, "Elektrische Fähre zwischen den Inseln der Bucht fährt ab Montag"),
    (JAPANESE_LONG, "港町の古い灯台の修復が決まる議会の判断"),
])
def test_headline_printed_twice_in_other_languages_keeps_one_copy(text: str, line: str) -> None:
    doc = run_normalizer(PromoLines(), text)
    assert doc.text.count(line) == 1
    assert any("repeated page furniture" in e.reason for e in doc.edits)


def test_sentence_trailing_away_with_an_ellipsis_stays() -> None:
    text = article("And then the lamp went dark for the last time, or so the keepers thought…")
    assert_unchanged(PromoLines(), text)


def test_cut_off_teaser_is_not_prose_but_a_trailing_sentence_is() -> None:
    from textnorm_std._promo_model import prose_flags

    from textnorm.text import line_features

    text = "\n".join([
        "Menu",
        "Old lighthouse keepers remember the long foggy nights of the...",  # cut to fit a box
        "Archive",
        BODY[0],
        "And then the lamp went dark for the last time, or so the keepers thought…",  # trails away
        BODY[1],
    ])
    lines = [f for f in line_features(text) if not f.blank]
    assert prose_flags(lines, 6, 20, ellipsis_ends=False) == [False, False, False, True, True, True]
    assert prose_flags(lines, 6, 20, ellipsis_ends=True)[1]


def test_cut_off_teasers_after_the_article_removed() -> None:
    # Teasers of other stories cut off with an ellipsis: short lines, not sentences.
    teasers = ["Winter storms close the mountain pass road for three days at a ti...",
               "City council approves new cycling lanes along the river embankm...",
               "Bakers of the old town compete for the best bread of the yea..."]
    noisy = CLEAN + "\n".join([*FOOTER[:4], *teasers, *FOOTER[4:]]) + "\n"
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text.strip() == CLEAN.strip()


def test_lone_question_in_a_menu_does_not_widen_the_content() -> None:
    question = "Will the restored lighthouse of the harbour town shine again next summer?"
    menu_after = ["Sport", "Weather", "Culture", "Gardening", "Travel"]
    noisy = "\n".join([*MENU[:3], question, *menu_after]) + "\n" + CLEAN + "\n".join(FOOTER) + "\n"
    doc = run_normalizer(PromoLines(), noisy)
    assert question in doc.text  # prose on the subject is kept, only not taken as the text's edge
    assert not any(m in doc.text.splitlines() for m in menu_after)
    wide = run_normalizer(PromoLines(PromoLinesOptions(widen_needs_paragraphs=False)), noisy)
    assert all(m in wide.text.splitlines() for m in menu_after)


# -- pager links after the content ---------------------------------------------------------------

PAGER = ["Previous", "Harbour festival draws record crowds", "Next", "Lighthouse keeper retires after forty years"]


def test_pager_link_titles_after_the_content_removed_even_next_to_it() -> None:
    # "Harbour festival ..." stands right after the content, where a sign-off would stay:
    # only its place after "Previous" says it is the title of another page.
    doc = run_normalizer(PromoLines(), CLEAN + "\n".join(PAGER + FOOTER) + "\n")
    assert doc.text.strip() == CLEAN.strip()
    reasons = {e.removed.strip(): e.reason for e in doc.edits}
    assert reasons["Lighthouse keeper retires after forty years"] == (
        "pager link after the main content: the title of the page that 'Next' at line "
        f"{CLEAN.count(chr(10)) + 3} leads to")
    assert_edits_map_to_original(doc)


def test_pager_links_option_off_keeps_the_title_next_to_the_content() -> None:
    doc = run_normalizer(PromoLines(PromoLinesOptions(pager_links=False)), CLEAN + "\n".join(PAGER + FOOTER) + "\n")
    assert "Harbour festival draws record crowds" in doc.text


def test_a_title_after_a_pager_label_before_the_content_stays() -> None:
    doc = run_normalizer(PromoLines(), "Previous\n" + CLEAN + "\n".join(FOOTER) + "\n")
    assert doc.text.strip() == CLEAN.strip()


@pytest.mark.parametrize(("text", "pager"), [
    (GERMAN, ["Zurück", "Alte Fähre wird im Winter verschrottet", "Weiter", "Neue Fähre fährt bald öfter"]),
    (FRENCH, ["Précédent", "Le marché aux fleurs déménage", "Suivant", "Le marché du dimanche s'agrandit"]),
    (CHINESE, ["上一篇", "山区小学的新操场", "下一篇", "城市图书馆延长开放时间"]),
])
def test_pager_link_titles_in_other_languages_removed(text: str, pager: list[str]) -> None:
    doc = run_normalizer(PromoLines(), text + "\n".join(pager) + "\n")
    assert doc.text.strip() == text.strip()
    assert_idempotent(PromoLines(), doc.text)


# -- dated lists outside the content ---------------------------------------------------------------

def _page(before: list[str], body: str, after: list[str]) -> str:
    return "\n".join(before) + "\n" + body + "\n".join(after) + "\n"


def test_sidebar_of_dated_teasers_removed_dateline_stays() -> None:
    # A sidebar prints one date per teaser: the date's shape repeats, so the date no
    # longer shields the line; the article's own dateline (printed once) stays.
    sidebar = []
    for day, (head, hour) in enumerate([("Ferry strike ends after talks", "09:15"),
                                        ("New cycle lane on the quay", "11:40"),
                                        ("Choir concert tickets sold out", "14:05"),
                                        ("Storm warning for the weekend", "17:30")], start=2):
        sidebar += [head, f"{day} March 2024 at {hour}"]
    noisy = _page(MENU + sidebar, CLEAN, FOOTER)
    doc = run_normalizer(PromoLines(), noisy)
    assert BYLINE in doc.text
    for line in sidebar:
        assert line not in doc.text
    assert any("dated lines of the same shape" in e.reason for e in doc.edits)


def test_archive_list_after_the_article_removed() -> None:
    # (the two lines right after the content are its sign-off's place: edge_keep_lines)
    edge = ["Written by Ilse Marchetti", "Filed under lighthouses"]
    archive = ["Blog archive"] + [f"► {year} ({count})" for year, count in
                                  [(2024, 12), (2023, 41), (2022, 37), (2021, 8), (2020, 15)]]
    noisy = _page(MENU, CLEAN, edge + archive + FOOTER)
    doc = run_normalizer(PromoLines(), noisy)
    assert doc.text.strip() == (CLEAN + "\n".join(edge)).strip()


def test_french_dated_teasers_removed() -> None:
    sidebar = []
    for head, date in [("Le port accueille un voilier historique", "1 mars 2024 à 10:55"),
                       ("Fermeture du pont levant ce week-end", "28 février 2024 à 18:06"),
                       ("Un nouveau chef au restaurant du phare", "27 février 2024 à 07:40")]:
        sidebar += [head, date]
    nav = ["Accueil", "Actualités", "Connexion", "Rechercher"]
    body = FRENCH
    noisy = _page(nav + sidebar + ["À la une", "Économie"], body, ["Mentions légales", "© 2024 Presse du Littoral. Tous droits réservés."])
    doc = run_normalizer(PromoLines(), noisy)
    assert body.strip() in doc.text
    for date in sidebar[1::2]:
        assert date not in doc.text


def test_dates_of_a_list_in_the_article_stay() -> None:
    # Inside the content, dated lines (a timeline of the text itself) are never cut for
    # their shape; outside it, on a page without furniture marks, nothing is cut either.
    timeline = ["Timeline of the restoration:", "12 May 2024: scaffolding", "3 June 2024: the lamp is removed",
                "20 July 2024: new glass", "1 September 2024: the lamp shines again"]
    assert_unchanged(PromoLines(), article(*timeline))
    assert_unchanged(PromoLines(), CLEAN + "\n".join(timeline[1:]) + "\n")


def test_dated_lists_option_off_keeps_dated_lines() -> None:
    archive = [f"► {year} ({count})" for year, count in [(2024, 12), (2023, 41), (2022, 37), (2021, 8)]]
    noisy = _page(MENU, CLEAN, archive + FOOTER)
    doc = run_normalizer(PromoLines(PromoLinesOptions(dated_list_min=0)), noisy)
    for line in archive:
        assert line in doc.text


# -- headings of teaser boxes ----------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Most popular", "MOST READ", "Related stories", "Open in app",
    "Become a member", "Meistgelesen", "Ähnliche Artikel", "Les plus lus", "Articles similaires",
    "Lo más leído", "Noticias relacionadas", "I più letti", "Mais lidas", "Meest gelezen",
    "人気記事", "热门文章", "많이 본 기사", "Самое читаемое",
])
def test_library_knows_teaser_box_headings(line: str) -> None:
    entry = match_library(line_key(line))
    assert entry is not None and entry.category == "box"


@pytest.mark.parametrize("line", ["Written by Ilse Marchetti", "Most of the harbour was quiet",
                                  "Related to the lighthouse fund"])
def test_library_leaves_bylines_and_sentences_that_open_like_box_headings(line: str) -> None:
    entry = match_library(line_key(line))
    assert entry is None or entry.category != "box"


GERMAN_ARTICLE = GERMAN_LONG.splitlines()[:6]  # the article of GERMAN_LONG, without what follows it


def test_teaser_boxes_mark_a_page_and_go() -> None:
    # No menu word of the library on this page: the two box headings are its marks.
    sidebar = ["Meistgelesen", "Zoo begrüßt zwei junge Pandas", "Stadtfest lockt tausende Besucher",
               "Ähnliche Artikel", "Marktplatz wird autofrei", "Neue Brücke für Radfahrer"]
    noisy = "\n".join(GERMAN_ARTICLE + ["Teilen"] + sidebar) + "\n"
    doc = run_normalizer(PromoLines(), noisy)
    for line in GERMAN_ARTICLE:
        assert line in doc.text
    for line in ["Meistgelesen", "Ähnliche Artikel", "Marktplatz wird autofrei", "Neue Brücke für Radfahrer"]:
        assert line not in doc.text
    assert any("teaser-box heading" in e.reason for e in doc.edits)


def test_box_heading_inside_the_article_stays() -> None:
    # Weak: inside the content a box heading is the text's own section title.
    assert_unchanged(PromoLines(), article("Related topics"))
    assert_unchanged(PromoLines(), "\n".join(GERMAN_ARTICLE[:3] + ["Meistgelesen"] + GERMAN_ARTICLE[3:]) + "\n")
