"""Tests of the ``sections`` normalizer: title, byline, dates, headings, blocks."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textnorm_std._sections_byline import is_placeholder, read_byline
from textnorm_std._sections_dates import find_dates, parse_date
from textnorm_std.sections import (
    PLACEHOLDER_AUTHOR,
    Sections,
    SectionsOptions,
    find_headings,
)

import textnorm
from textnorm.testing import articles as clean_articles
from textnorm.testing import assert_idempotent, assert_unchanged

BODY_EN = (
    "The harbour council met on Tuesday to discuss the new ferry timetable, which many residents "
    "had criticised for leaving the island without a connection after eight in the evening."
)
BODY_EN2 = (
    "Several fishermen said the changes would make it harder to sell their catch on the mainland, "
    "while shop owners hoped the later boats would bring more visitors during the summer months."
)
BODY_FR = (
    "Le conseil municipal a décidé mardi que le bac vers l'île circulerait aussi la nuit à partir "
    "de l'été, afin que les habitants ne soient plus obligés de dormir sur le continent."
)

ARTICLE_EN = f"""Island Ferry Timetable Sparks Debate Among Residents
By Maren Holt, March 3, 2024
{BODY_EN}
The Proposal: Later Boats and Fewer Morning Crossings
{BODY_EN2}
{BODY_EN}
What residents fear
{BODY_EN2}
Looking Ahead
{BODY_EN}
"""


def run(text: str, **options) -> textnorm.Document:
    doc = textnorm.Document.from_text(text)
    step = Sections(SectionsOptions(**options))
    return textnorm.apply_proposal(doc, step(doc), "sections")


def kinds(doc: textnorm.Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.block_text(b).strip()) for b in doc.blocks if b.kind != "blank"]


def assert_covers(text: str, blocks) -> None:
    if not text:
        return
    assert blocks[0].start == 0
    assert blocks[-1].end == len(text)
    for a, b in zip(blocks, blocks[1:]):
        assert a.end == b.start
    assert "".join(text[b.start:b.end] for b in blocks) == text


# ----------------------------------------------------------------- examples


def test_english_article_title_byline_headings():
    doc = run(ARTICLE_EN)
    assert doc.text == ARTICLE_EN
    assert doc.metadata.title == "Island Ferry Timetable Sparks Debate Among Residents"
    assert doc.metadata.author == "Maren Holt"
    assert doc.metadata.date == "2024-03-03"
    assert doc.metadata.flags == ()
    assert find_headings(ARTICLE_EN) == [
        "The Proposal: Later Boats and Fewer Morning Crossings", "What residents fear", "Looking Ahead"]
    assert [b.kind for b in doc.blocks if b.kind != "blank"][:3] == ["title", "byline", "paragraph"]
    assert_covers(ARTICLE_EN, doc.blocks)


def test_text_opening_with_a_byline_has_no_title():
    doc = run(f"By Maren Holt\n{BODY_EN}\nLooking Ahead\n{BODY_EN2}\n")
    assert doc.metadata.title is None
    assert doc.metadata.author == "Maren Holt"
    assert kinds(doc)[0] == ("byline", "By Maren Holt")


def test_german_article_with_capitalised_nouns():
    body = ("Der Gemeinderat hat am Montag beschlossen, die alte Brücke über den Fluss bis zum Herbst "
            "zu sanieren, nachdem Gutachter deutliche Schäden an den Pfeilern festgestellt hatten.")
    text = (f"Sanierung der Flussbrücke beginnt im Sommer\nVon Anna Berg | 27. Juni 2025\n{body}\n"
            f"Kosten und Zeitplan\n{body}\nUmleitung für den Verkehr\n{body}\n")
    doc = run(text)
    assert doc.metadata.author == "Anna Berg"
    assert doc.metadata.date == "2025-06-27"
    assert find_headings(text) == ["Kosten und Zeitplan", "Umleitung für den Verkehr"]


def test_french_byline_and_label_heading():
    body = ("La municipalité a présenté jeudi un plan pour rénover les écoles du quartier nord, "
            "avec des travaux prévus pendant les vacances afin de ne pas perturber les cours.")
    text = f"Rénovation des écoles du quartier nord\nPar Luc Martin, le 14/07/2025\n{body}\nBudget : une hausse modérée\n{body}\n"
    doc = run(text)
    assert (doc.metadata.author, doc.metadata.date) == ("Luc Martin", "2025-07-14")
    assert find_headings(text) == ["Budget : une hausse modérée"]


def test_cjk_headings_without_case():
    body = "市政府周二宣布将在明年春天之前完成城市公园的改造工程，并在公园内增加更多的座椅和儿童游乐设施，以满足附近居民的需求。"
    text = f"城市公园改造计划公布\n{body}\n改造的主要内容\n{body}\n居民的反应\n{body}\n"
    doc = run(text)
    assert doc.metadata.title == "城市公园改造计划公布"
    assert find_headings(text) == ["改造的主要内容", "居民的反应"]


def test_korean_headings_with_spaced_words():
    body = ("시청은 화요일에 내년 봄까지 도시 공원의 개보수 공사를 마치고 공원 안에 의자와 "
            "어린이 놀이 시설을 더 설치하겠다고 발표했으며 주민들은 대체로 환영했다.")
    text = f"도시 공원 개보수 계획 발표\n{body}\n주요 공사 내용\n{body}\n주민들의 반응\n{body}\n"
    assert find_headings(text) == ["주요 공사 내용", "주민들의 반응"]


def test_markdown_headings_and_levels():
    text = f"# Ferry Report\n\n## Background\n\n{BODY_EN}\n\n### Earlier timetables\n\n{BODY_EN2}\n\n## Outlook\n\n{BODY_EN}\n"
    doc = run(text)
    assert doc.metadata.title == "Ferry Report"
    heads = [(doc.block_text(b), b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("## Background", 1), ("### Earlier timetables", 2), ("## Outlook", 1)]
    assert_covers(text, doc.blocks)


def test_setext_underlines_are_blank_blocks():
    text = f"Ferry Report\n============\n\nBackground\n----------\n{BODY_EN}\n"
    doc = run(text)
    assert doc.metadata.title == "Ferry Report"
    assert kinds(doc)[1] == ("heading", "Background")
    underline = next(b for b in doc.blocks if "-----" in doc.block_text(b))
    assert underline.kind == "blank"
    assert_covers(text, doc.blocks)


def test_numbered_headings_with_levels():
    text = (f"Harbour Study\n{BODY_EN}\n1. Introduction\n{BODY_EN2}\n1.1 Scope of the Study\n{BODY_EN}\n"
            f"2. Findings\n{BODY_EN2}\n")
    doc = run(text)
    heads = [(doc.block_text(b), b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("1. Introduction", 1), ("1.1 Scope of the Study", 2), ("2. Findings", 1)]


def test_roman_and_caps_headings_rank_above_plain_ones():
    text = (f"Harbour Report\n{BODY_EN}\nI. THE HARBOUR\n{BODY_EN2}\nNew Moorings\n{BODY_EN}\n"
            f"II. THE FERRIES\n{BODY_EN2}\n")
    doc = run(text)
    heads = [(doc.block_text(b), b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("I. THE HARBOUR", 1), ("New Moorings", 2), ("II. THE FERRIES", 1)]


def test_spanish_and_italian_bylines():
    body = ("El ayuntamiento aprobó el martes un plan para ampliar el puerto deportivo, "
            "que según los vecinos traerá más tráfico durante los meses de verano.")
    doc = run(f"El puerto crece\nPor María López | 5 de mayo de 2024\n{body}\n")
    assert (doc.metadata.author, doc.metadata.date) == ("María López", "2024-05-05")
    doc = run(f"Il porto cresce\nDi Marco Bianchi, 3 giugno 2024\n{body}\n")
    assert (doc.metadata.author, doc.metadata.date) == ("Marco Bianchi", "2024-06-03")


def test_lists_quotes_and_sentences_are_not_headings():
    text = (f"Packing List\n{BODY_EN}\nYou will need:\n- Warm Jacket\n- Rain Boots\n1. Tickets\n2. Passport\n"
            f"> A quoted remark from a resident\nThe boat leaves early.\n{BODY_EN2}\n")
    doc = run(text)
    got = dict((t, k) for k, t in kinds(doc))
    assert got["- Warm Jacket"] == "list_item"
    assert got["1. Tickets"] == "list_item"
    assert got["> A quoted remark from a resident"] == "quote"
    assert got["The boat leaves early."] == "paragraph"
    assert find_headings(text) == []


def test_short_lines_in_a_run_are_not_headings():
    text = f"Menu Page\n{BODY_EN}\nHome\nNews\nSport\nWeather\n{BODY_EN2}\n"
    assert find_headings(text) == []


def test_definition_list_terms_are_not_headings():
    terms = "".join(f"{t}\n{BODY_EN}\n" for t in ["Ferry slot", "Tide window", "Harbour dues", "Berth"])
    text = f"Harbour Glossary\n{BODY_EN2}\nTerms\n{BODY_EN}\n{BODY_EN2}\n{terms}"
    assert find_headings(text) == ["Terms"]


BODY_ES = ("El ayuntamiento aprobó el martes un plan para renovar el mercado central antes del verano, "
           "con nuevos puestos para los productores locales y un horario más amplio los fines de semana.")


def test_definition_run_counts_terms_without_context_and_a_longer_last_one():
    # The first term follows a line introducing the list (":"), so it is no heading
    # by itself, but it is a term of the run; the last term owns two paragraphs.
    terms = (f"Ferry slot\n{BODY_EN}\nTide window\n{BODY_EN2}\nHarbour dues\n{BODY_EN}\n{BODY_EN2}\n")
    text = (f"Harbour Glossary\n{BODY_EN2}\nTerms\n{BODY_EN}\nThe words below are used throughout:\n"
            f"Berth\n{BODY_EN2}\n{terms}")
    assert find_headings(text) == ["Terms"]
    assert find_headings(text, SectionsOptions(min_definition_run=5)) == [
        "Terms", "Ferry slot", "Tide window", "Harbour dues"]
    # Spanish lead-ins, each with its explanation.
    leads = "".join(f"{t}\n{BODY_ES}\n" for t in ["Horario ampliado", "Puestos nuevos", "Obras de verano"])
    text = f"El mercado central\n{BODY_ES}\nQué cambia\n{BODY_ES}\n{BODY_ES}\n{leads}"
    assert find_headings(text) == ["Qué cambia"]
    # Two such sections are not a run: they stay headings.
    text = f"El mercado central\n{BODY_ES}\nHorario ampliado\n{BODY_ES}\nPuestos nuevos\n{BODY_ES}\n{BODY_ES}\n"
    assert find_headings(text) == ["Horario ampliado", "Puestos nuevos"]


def test_repeated_section_template_makes_its_long_labels_headings():
    # label (a sentence-case phrase of 5+ words), a work's name and data, then text.
    picks = [("For a quiet evening at home", "The Lighthouse Keeper (novel, 320 pages, 1998)"),
             ("For readers who love the sea", "Salt and Rope (essays, 210 pages, 2004)"),
             ("For a long train journey north", "Winter Timetable (novel, 450 pages, 2011)")]
    sections = "".join(f"{label}\n{work}\n{BODY_EN}\n" for label, work in picks)
    text = f"Books of the Week\n{BODY_EN2}\n{sections}"
    assert find_headings(text) == [label for label, _ in picks]
    assert find_headings(text, SectionsOptions(min_template_sections=4)) == []
    # Labels that disagree in case are no template: only the Title Case one (a strong
    # shape, and so a heading over its sub-heading by the pair rule) is found.
    mixed = sections.replace("For readers who love the sea", "For Readers Who Love The Sea")
    assert find_headings(f"Books of the Week\n{BODY_EN2}\n{mixed}") == [
        "For Readers Who Love The Sea", "Salt and Rope (essays, 210 pages, 2004)"]
    # German: the same pattern, nouns capitalised.
    body_de = ("Der Gemeinderat hat am Dienstag beschlossen, den alten Hafen bis zum Sommer zu erneuern "
               "und dort neue Stände für die Fischer aus der Gegend einzurichten.")
    picks_de = [("Für einen ruhigen Abend zu Hause", "Der Leuchtturmwärter (Roman, 320 Seiten)"),
                ("Für alle, die das Meer lieben", "Salz und Seil (Essays, 210 Seiten)"),
                ("Für eine lange Fahrt nach Norden", "Der Winterfahrplan (Roman, 450 Seiten)")]
    text = f"Bücher der Woche\n{body_de}\n" + "".join(f"{a}\n{b}\n{body_de}\n" for a, b in picks_de)
    assert find_headings(text) == [a for a, _ in picks_de]
    # Caseless labels were headings already (a strong shape); the rule keeps them.
    body_ja = "市は火曜日、来年の春までに中央公園の改修工事を終え、公園内にベンチや子ども向けの遊具を増やすと発表した。"
    picks_ja = [("静かな夜に読みたい本", "灯台守の物語（小説、三百頁）"), ("海が好きな人のための本", "潮と綱（随筆、二百頁）"),
                ("長い旅のお供に", "冬の時刻表（小説、四百頁）")]
    text = f"今週の本\n{body_ja}\n" + "".join(f"{a}\n{b}\n{body_ja}\n" for a, b in picks_ja)
    assert [h for h in find_headings(text) if h in dict(picks_ja)] == [a for a, _ in picks_ja]


def _notes(title: str, intro: str, sections: list[tuple[str, list[str]]]) -> str:
    return "\n".join([title, intro, *(line for head, items in sections for line in (head, *items))]) + "\n"


NOTES_EN = [
    ("Build Tools", [
        "The nightly build now runs its integration tests on three operating systems in parallel",
        "Caching of downloaded packages cut the average build time by almost four minutes",
        "A new dashboard shows which tests failed most often during the previous month",
        "Alice fixed the flaky login test"]),
    ("Release Tooling", [
        "The release checklist moved into the repository so that every change to it is reviewed",
        "Signing keys are now rotated automatically every ninety days by the release robot",
        "Version numbers are taken from the changelog instead of being typed by hand each time",
        "Bob cleaned up old branches"]),
    ("Search and Navigation", [
        "Search results load about twice as fast after the index was split by language and region",
        "Typing in the search box no longer freezes the page on older phones with little memory",
        "Spelling suggestions now cover seven more languages, including Greek, Turkish and Welsh",
        "The search page remembers the last five queries of each user on the same device"]),
]


def test_unpunctuated_notes_take_headings_from_shape_and_text_after():
    # Weekly notes: items without full stops, a short one before each next section.
    text = _notes("Weekly Engineering Notes",
                  "A short summary of what the teams shipped and fixed over the last seven days.", NOTES_EN)
    assert find_headings(text) == ["Build Tools", "Release Tooling", "Search and Navigation"]
    # Off, a heading after a short unpunctuated item is the next item.
    assert find_headings(text, SectionsOptions(unpunctuated_below=0)) == ["Build Tools"]
    # The same notes with full stops: the usual paragraph-end rule finds them all.
    dotted = [(h, [item + "." for item in items]) for h, items in NOTES_EN]
    assert find_headings(_notes("Weekly Engineering Notes", "A summary.", dotted)) == [
        "Build Tools", "Release Tooling", "Search and Navigation"]
    # German notes, capitals and Title Case headings alike.
    notes_de = [
        ("Neue Werkzeuge", [
            "Der nächtliche Build führt seine Integrationstests jetzt auf drei verschiedenen Betriebssystemen "
            "gleichzeitig und parallel aus",
            "Das Zwischenspeichern der Pakete spart bei jedem Build im Schnitt fast vier Minuten Zeit",
            "Eine neue Übersicht zeigt die Tests, die im letzten Monat am häufigsten fehlgeschlagen sind",
            "Die Protokolle jedes Builds werden jetzt dreißig Tage lang aufbewahrt und lassen sich durchsuchen",
            "Fehlgeschlagene Builds melden sich automatisch im Kanal des Teams, das die Änderung gemacht hat",
            "Anna hat den wackligen Login-Test repariert"]),
        ("SUCHE UND NAVIGATION", [
            "Suchergebnisse laden jetzt etwa doppelt so schnell, seit der Index nach Sprache und Region "
            "aufgeteilt ist",
            "Das Suchfeld friert auf älteren Telefonen mit wenig Speicher beim Tippen nicht mehr ein",
            "Die Rechtschreibvorschläge decken jetzt sieben weitere Sprachen ab, darunter Griechisch und Walisisch",
            "Die Suchseite merkt sich die letzten fünf Anfragen jedes Nutzers auf demselben Gerät",
            "Die Vorschläge unter dem Suchfeld berücksichtigen jetzt auch Orte in der Nähe des Nutzers",
            "Ben hat alte Zweige aufgeräumt"]),
    ]
    text = _notes("Wochennotizen der Technik", "Was die Teams in den letzten sieben Tagen geliefert haben.", notes_de)
    assert find_headings(text) == ["Neue Werkzeuge", "SUCHE UND NAVIGATION"]


def test_unpunctuated_caseless_text_gives_short_lines_no_heading_evidence():
    # In a script without case every short line is "caseless", heading or item alike:
    # no shape evidence, so the rule adds nothing there (what the other rules find
    # between long unpunctuated lines stays as it was).
    long_zh = ["夜间构建现在会在三个操作系统上并行运行全部集成测试并自动汇总结果",
               "缓存下载的软件包之后每次构建平均节省了将近四分钟的等待时间",
               "新的仪表板显示上个月最常失败的测试以及每个测试失败的次数"]
    items = [*long_zh, "修复登录测试", "清理旧分支", *long_zh[::-1], "更新文档", "删除旧脚本", *long_zh, *long_zh]
    text = "本周工程笔记\n" + "\n".join(items) + "\n"
    assert find_headings(text) == find_headings(text, SectionsOptions(unpunctuated_below=0))


def test_repeated_caption_label_is_not_a_heading():
    text = "Harbour Pictures\n" + "".join(
        f"Photo\nThe pier seen from the north in {year}, before storms took most of its planks and railings.\n"
        f"{BODY_EN2}\n" for year in range(1950, 1955))
    assert find_headings(text) == []


def test_credit_after_a_figure_label_is_no_heading_but_closes_the_figure():
    # A front page: each teaser has a picture ("Foto" + its credit), a kicker, a
    # headline, one paragraph and a byline. The credits look like headings (short,
    # capitalised, no full stop); the label before each says they are captions.
    teasers = [
        ("Anna Berg/Hafenbild", "Verkehr", "Die Fähre fährt künftig auch nachts",
         "Der Gemeinderat hat am Dienstag beschlossen, dass die Fähre zur Insel ab dem Sommer "
         "auch nach Mitternacht verkehrt, damit Pendler nicht mehr auf dem Festland übernachten müssen."),
        ("Jonas Vik für Die Inselzeitung", "Wirtschaft", "Fischer hoffen auf neue Kunden",
         "Mehrere Fischer sagten, die späteren Verbindungen würden es leichter machen, ihren Fang "
         "auf dem Festland zu verkaufen, und die Ladenbesitzer erwarten mehr Gäste im Sommer."),
        ("Archiv", "Geschichte", "Als der alte Pier im Sturm verschwand",
         "Vor siebzig Jahren zerstörte ein Wintersturm den hölzernen Pier, und die Insel war "
         "drei Wochen lang nur mit kleinen Booten zu erreichen, wie alte Briefe zeigen."),
        ("Maren Holt", "Kultur", "Ein Sommerfest am neuen Kai",
         "Zum ersten Mal soll das Sommerfest am neuen Kai stattfinden, mit Musik, Ständen der "
         "Fischer und einer Ausstellung über die Geschichte der Fährverbindungen zur Insel."),
    ]
    page = "".join(f"Foto\n{credit}\n{kicker}\n{headline}\n{teaser}\nVon Lena Sund\n"
                   for credit, kicker, headline, teaser in teasers)
    text = f"Die Inselzeitung\n{page}"
    heads = find_headings(text)
    assert not {credit for credit, *_ in teasers} & set(heads)
    assert heads == [h for _, kicker, headline, _ in teasers for h in (kicker, headline)]
    # Without a label that repeats, nothing says the short line is a credit.
    assert find_headings(f"Île de Brume\n{BODY_FR}\nMarie Lenoir/Agence Brume\n{BODY_FR}\n") == \
        ["Marie Lenoir/Agence Brume"]


def test_credits_after_figure_labels_in_a_caseless_script():
    # In Japanese every short line is "caseless", a strong heading shape: only the
    # repeated label ("写真", photo) says the line after it is a credit.
    body = "市は火曜日、来年の春までに中央公園の改修工事を終え、公園内にベンチや子ども向けの遊具を増やすと発表した。"
    body2 = "住民の多くは計画を歓迎しているが、工事中は公園の一部が使えなくなるため、散歩の道が変わると心配する声もある。"
    credits = ["山田太郎撮影", "佐藤花子撮影", "市役所提供", "鈴木一郎撮影"]
    heads = ["工事の内容", "住民の声", "今後の予定", "費用について"]
    text = "中央公園の改修計画\n" + "".join(f"{body}\n写真\n{c}\n{h}\n{body2}\n" for c, h in zip(credits, heads))
    assert find_headings(text) == heads


def test_lines_without_words_make_no_captions():
    # Closing braces of code precede many different lines; what follows them is
    # no caption (a label has words).
    code = "".join(f"if (x > {n}) {{\n  y = {n};\n}}\n" for n in range(6))
    text = f"Fetching Data\n{BODY_EN}\n{code}Error Handling\n{BODY_EN2}\n"
    assert find_headings(text) == ["Error Handling"]


def test_template_links_are_not_headings():
    sections = "".join(f"{name}\n{BODY_EN}\nRead more about {name}\n" for name in
                       ["Ferries", "Harbour Dues", "Moorings", "Fuel Prices", "Night Crossings"])
    text = f"Harbour Services\n{BODY_EN2}\n{sections}"
    assert find_headings(text) == ["Ferries", "Harbour Dues", "Moorings", "Fuel Prices", "Night Crossings"]


def test_section_with_sub_section_credit_and_aside():
    text = (f"Island Chronicle\n{BODY_EN}\nPart One: The Old Harbour\nThe First Pier\n(Archive photo)\n"
            f"{BODY_EN2}\nThe Storm Years\nEdited by Jonas Vik\n{BODY_EN}\n")
    doc = run(text)
    heads = [(doc.block_text(b), b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("Part One: The Old Harbour", 1), ("The First Pier", 2), ("The Storm Years", 2)]
    assert ("byline", "Edited by Jonas Vik") in kinds(doc)
    assert doc.metadata.author is None  # an editor is not the author


def test_document_heading_mark_found_without_context():
    text = (f"Harbour Town\n{BODY_EN}\nHistory[edit]\n{BODY_EN2}\nEconomy[edit]\n{BODY_EN}\n"
            f"See also[edit]\nFerry routes\nIsland lists\n")
    assert find_headings(text) == ["History[edit]", "Economy[edit]", "See also[edit]"]



def test_first_line_of_a_hard_wrapped_paragraph_is_not_a_heading():
    # A short first line whose sentence goes on, lower-case, on the next line.
    text = (f"Harbour Notes\n{BODY_EN}\nThe new crane on the eastern quay can lift containers from\n"
            f"ships of any size, the operator said on Monday, and it will start work in May.\n"
            f"Night Crossings\n{BODY_EN2}\n")
    assert find_headings(text) == ["Night Crossings"]


def test_continuation_rule_needs_case():
    # Scripts without case give no such evidence: the heading is kept.
    body = "渡轮公司周一表示，新的时刻表将从下个月开始实行，晚上的航班会比以前多两班，居民们对此表示欢迎。"
    text = f"海岛渡轮新时刻表\n{body}\n居民的看法\n{body}\n"
    assert find_headings(text) == ["居民的看法"]


def test_three_heading_shaped_lines_in_a_row_are_a_list():
    text = (f"Buying a Boat\n{BODY_EN}\nWho will sail it?\nWhere will it be moored?\n"
            f"How much are the harbour dues?\n{BODY_EN2}\n")
    assert find_headings(text) == []
    # Two in a row are a section and its first sub-section.
    text = f"Buying a Boat\n{BODY_EN}\nBefore You Buy\nWho will sail it?\n{BODY_EN2}\n"
    assert find_headings(text) == ["Before You Buy", "Who will sail it?"]


def test_numbered_lower_case_items_are_a_list_not_sections():
    # After the number, a lower-case phrase is a list item, as it is without one.
    text = (f"Why the Island Chose Electric Ferries\n{BODY_EN}\n1) lower running costs\n{BODY_EN2}\n"
            f"2) quieter crossings\n{BODY_EN}\n")
    assert find_headings(text) == []
    doc = run(text)
    assert ("list_item", "1) lower running costs") in kinds(doc)
    text = f"Why the Island Chose Electric Ferries\n{BODY_EN}\n1) Lower Running Costs\n{BODY_EN2}\n"
    assert find_headings(text) == ["1) Lower Running Costs"]

def test_unmarked_line_among_marked_headings_is_not_a_heading():
    text = (f"Harbour Town\n{BODY_EN}\nHistory[edit]\n{BODY_EN2}\nOld pier drawing\n{BODY_EN}\n"
            f"Economy[edit]\n{BODY_EN2}\nTourism[edit]\n{BODY_EN}\n")
    assert find_headings(text) == ["History[edit]", "Economy[edit]", "Tourism[edit]"]
    # A mark on too few headings is no rule of the document: the plain one stays.
    text = f"Harbour Town\n{BODY_EN}\nHistory[edit]\n{BODY_EN2}\nOld Pier\n{BODY_EN}\n"
    assert find_headings(text) == ["History[edit]", "Old Pier"]


def test_line_right_under_the_title_is_its_subtitle_not_a_heading():
    # A deck under the headline, then the text and its real sections.
    text = (f"Island Ferry Timetable Sparks Debate\nLater Boats, Fewer Morning Crossings\n{BODY_EN}\n"
            f"What Residents Fear\n{BODY_EN2}\n")
    assert find_headings(text) == ["What Residents Fear"]
    # Under a kicker ("Economía") the real headline sits where a heading would.
    body = ("El ayuntamiento aprobó el martes un plan para renovar el mercado central antes del verano, "
            "con nuevos puestos para los productores locales y un horario más amplio los fines de semana.")
    text = f"Economía\nEl mercado central abrirá también los domingos\n{body}\nLas obras\n{body}\n"
    assert find_headings(text) == ["Las obras"]
    # A byline between the title and the line leaves the line to the usual rules.
    text = f"Island Ferry Timetable Sparks Debate\nBy Maren Holt\nThe Proposal\n{BODY_EN}\nLooking Ahead\n{BODY_EN2}\n"
    assert find_headings(text) == ["The Proposal", "Looking Ahead"]
    # Caseless scripts follow the same rule.
    body_ja = "市は火曜日、来年の春までに中央公園の改修工事を終え、公園内にベンチや子ども向けの遊具を増やすと発表した。"
    text = f"中央公園の改修計画\n住民の声を反映\n{body_ja}\n工事の内容\n{body_ja}\n"
    assert find_headings(text) == ["工事の内容"]


def test_heading_after_title_option():
    text = f"Annual Report of the Harbour Council\nIntroduction\n{BODY_EN}\nFinances\n{BODY_EN2}\n"
    assert find_headings(text) == ["Finances"]
    assert find_headings(text, SectionsOptions(heading_after_title=True)) == ["Introduction", "Finances"]

@pytest.mark.parametrize("line", [
    "By [Your Name], June 27, 2025",
    "By {{author}} | 2025-06-27",
    "Von Lorem Ipsum, 27.06.2025",
])
def test_placeholder_author_is_flagged_not_reported(line):
    doc = run(f"A Quiet Week at the Harbour\n{line}\n{BODY_EN}\n")
    assert doc.metadata.author is None
    assert doc.metadata.date == "2025-06-27"
    assert PLACEHOLDER_AUTHOR in doc.metadata.flags
    assert doc.metadata.extra["author_placeholder"]


def test_empty_and_blank_text():
    assert Sections()(textnorm.Document.from_text("")) is textnorm.NOTHING
    doc = run("\n\n  \n")
    assert [b.kind for b in doc.blocks] == ["blank"]


def test_options_are_validated():
    with pytest.raises(ValueError):
        SectionsOptions(numeric_date_order="ymd")
    with pytest.raises((ValueError, TypeError)):
        SectionsOptions(max_heading_words=0)


# -------------------------------------------------------------- bylines, dates


@pytest.mark.parametrize(("text", "iso"), [
    ("June 27, 2025", "2025-06-27"),
    ("Jun. 27th, 2025", "2025-06-27"),
    ("27 June 2025", "2025-06-27"),
    ("27. Juni 2025", "2025-06-27"),
    ("27 juin 2025", "2025-06-27"),
    ("1er août 2025", "2025-08-01"),
    ("27 de junio de 2025", "2025-06-27"),
    ("27 giugno 2025", "2025-06-27"),
    ("27 de junho de 2025", "2025-06-27"),
    ("27 juni 2025", "2025-06-27"),
    ("2025-06-27", "2025-06-27"),
    ("27.06.2025", "2025-06-27"),
    ("27/06/2025", "2025-06-27"),
    ("06/27/2025", "2025-06-27"),
    ("05/06/2025", "2025-06-05"),
    ("31/02/2025", None),
    ("June 2025", None),
])
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_ambiguous_numeric_date_order():
    assert parse_date("05/06/2025", "mdy") == "2025-05-06"
    assert parse_date("05/06/2025", "none") is None
    assert parse_date("05.06.2025", "mdy") == "2025-06-05"  # dots are always day first


def test_find_dates_spans():
    line = "Updated 2025-01-02, first published 1 January 2025"
    got = [(d.iso, line[d.start:d.end]) for d in find_dates(line)]
    assert got == [("2025-01-02", "2025-01-02"), ("2025-01-01", "1 January 2025")]


@pytest.mark.parametrize(("line", "author", "date"), [
    ("By Jane Roe", "Jane Roe", None),
    ("Posted by Jane Roe on March 3, 2024", "Jane Roe", "2024-03-03"),
    ("Por María López, 5 de mayo de 2024", "María López", "2024-05-05"),
    ("Door Pieter de Vries · 12 mei 2024", "Pieter de Vries", "2024-05-12"),
    ("Published 27.06.2025", None, "2025-06-27"),
])
def test_bylines(line, author, date):
    b = read_byline(line, max_name_words=6, numeric_order="dmy")
    assert (b.author, b.date, b.placeholder) == (author, date, False)


def test_by_phrases_in_the_body_are_headings_not_bylines():
    text = f"Harbour Budget\n{BODY_EN}\nBy the Numbers\n{BODY_EN2}\nBy Design\n{BODY_EN}\n"
    assert find_headings(text) == ["By the Numbers", "By Design"]


@pytest.mark.parametrize("line", [
    "By the end of the year, the company had grown to more than four hundred employees.",
    "By the Numbers",
    "by the way",
    "The council met on Tuesday.",
])
def test_not_bylines(line):
    assert read_byline(line, max_name_words=6, numeric_order="dmy") is None


def test_placeholders():
    assert all(map(is_placeholder, ["[Your Name]", "{{author}}", "Lorem Ipsum", "<author>", "Your Name"]))
    assert not any(map(is_placeholder, ["Jane Roe", "Anna Berg", "Luc Martin"]))


# ------------------------------------------------------------------- properties

_WORD = st.text(alphabet="abcdefghijklmnoprstuvwyzäéøß", min_size=3, max_size=9)


@st.composite
def articles(draw):
    """A generated article: title, then sections of a title-case heading and paragraphs.

    Every line opens with a word of its own: lines sharing their first two words are
    the evidence of a template ("Learn more about ..."), which an article's lines are
    not (hypothesis would otherwise find "Aaa aaa" opening every line)."""
    openers = iter(draw(st.lists(_WORD, min_size=40, max_size=40, unique_by=str.casefold)))

    def title_case(n_min, n_max):
        words = [next(openers), *draw(st.lists(_WORD, min_size=n_min - 1, max_size=n_max - 1))]
        return " ".join(w.capitalize() for w in words)

    def paragraph():
        sentences = draw(st.lists(st.lists(_WORD, min_size=6, max_size=14), min_size=2, max_size=4))
        sentences[0][0] = next(openers)
        return " ".join(" ".join(s).capitalize() + "." for s in sentences)

    title = title_case(3, 10)
    lines = [title, paragraph()]
    # Distinct headings: a label repeated before many different texts is a caption.
    # Two words or more: three one-word labels with one paragraph each are, by
    # design, a definition list (see test_definition_list_terms_are_not_headings).
    heading_words = st.lists(_WORD, min_size=1, max_size=6)
    rests = draw(st.lists(heading_words, min_size=1, max_size=5))
    headings = [" ".join(w.capitalize() for w in [next(openers), *rest]) for rest in rests]
    for heading in headings:
        lines.append(heading)
        lines.extend(paragraph() for _ in range(draw(st.integers(1, 3))))
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return sep.join(lines) + sep, headings


@settings(max_examples=60, deadline=None)
@given(articles())
def test_generated_article_headings_found(article):
    text, headings = article
    assert find_headings(text) == headings
    doc = run(text)
    assert_covers(text, doc.blocks)

@settings(max_examples=40, deadline=None)
@given(articles(), st.lists(st.tuples(_WORD, _WORD, _WORD), min_size=8, max_size=8, unique=True),
       st.sampled_from(["Photo", "Foto", "Bild", "Imagen", "写真"]))
def test_generated_figures_hide_no_heading_and_make_none(article, names, label):
    # A figure (a repeated label and a credit shaped like a heading) after every
    # paragraph and before every heading: the credits are never headings and every
    # section heading is still found, also right after a credit.
    text, headings = article
    credits = iter(f"{a.capitalize()} {b.capitalize()}/{c.capitalize()}" for a, b, c in names)
    lines: list[str] = []
    for k, line in enumerate(text.splitlines()):
        if k > 0 and (line in headings or k == 2):
            lines += [label, next(credits)]
        lines.append(line)
    while len(lines) - len(text.splitlines()) < 8:  # more figures than a heading recurs
        lines += [label, next(credits)]
    assert find_headings("\n".join(lines) + "\n") == headings


@settings(max_examples=40, deadline=None)
@given(articles(), st.lists(_WORD, min_size=2, max_size=8))
def test_generated_subtitle_under_the_title_is_no_heading(article, words):
    text, headings = article
    sep = "\r\n" if "\r\n" in text else "\n"
    k = text.index("\n") + 1
    subtitle = " ".join(w.capitalize() for w in words)
    with_subtitle = text[:k] + subtitle + sep + text[k:]
    assert find_headings(with_subtitle) == headings
    assert ("paragraph", subtitle) in kinds(run(with_subtitle))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list("ab .?:#-=>1\n\r\t") + ["Ab", "Zw", "国", "  "]), max_size=120).map("".join))
def test_blocks_cover_any_text(text):
    step = Sections()
    p = step(textnorm.Document.from_text(text))
    assert not p.changes
    if text:
        assert_covers(text, p.blocks)
        for b in p.blocks:
            inner = text[b.start:b.end]
            if b.kind == "blank":
                assert "\n" in inner or "\r" in inner or not inner.strip() or b.start == 0 or set(inner.strip()) <= set("=-")
            else:
                assert inner.strip() and "\n" not in inner and "\r" not in inner


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORD, min_size=3, max_size=12), min_size=1, max_size=8))
def test_a_sentence_is_never_a_heading(sentences):
    lines = [" ".join(s).capitalize() + "." for s in sentences]
    text = "\n".join(["Some Title Here", *lines, BODY_EN])
    assert find_headings(text) == []


@settings(max_examples=30, deadline=None)
@given(articles())
def test_idempotent_and_never_changes_text(article):
    text, _ = article
    once = run(text)
    step = Sections()
    again = step(once)
    assert once.text == text and not again.changes
    assert tuple(again.blocks) == once.blocks
    assert once.metadata.title == again.metadata["title"]


def test_options_class_is_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        SectionsOptions().max_heading_words = 3  # type: ignore[misc]


@settings(max_examples=30, deadline=None)
@given(clean_articles())
def test_clean_articles_in_any_script_keep_their_text_and_have_no_heading(text):
    doc = assert_unchanged(Sections(), text)
    assert_idempotent(Sections(), text)
    assert [b for b in doc.blocks if b.kind == "heading"] == []
    assert_covers(text, doc.blocks)
