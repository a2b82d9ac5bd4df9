"""Tests of the ``injected-tokens`` normalizer: detection, removal, repair, no false alarms.

Every document here is invented for the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from textnorm_std._injected_detect import binomial_tail
from textnorm_std.injected_tokens import InjectedTokens, InjectedTokensOptions

import textnorm
from textnorm.testing import (
    articles,
    assert_edits_map_to_original,
    assert_idempotent,
    assert_never_adds_words,
    assert_unchanged,
    run_normalizer,
)
from textnorm.text import WORD_RE

# -- invented documents --------------------------------------------------------------------------

TITLE = "Harbour Council Delays Ferry Vote After Island Protest"
SENTENCES = [
    "The council met on Tuesday to discuss the new ferry timetable.",
    "Many residents had criticised the plan for leaving the island without an evening connection.",
    "Several fishermen said the changes would make it harder to sell their catch on the mainland.",
    "Shop owners hoped that later boats would bring more visitors during the summer.",
    "The harbour master explained that the old pier cannot take the larger vessels.",
    "A survey of households found that most families cross twice a week.",
    "Teachers who live on the island asked for a boat before eight in the morning.",
    "The operator said it would publish a revised proposal within a month.",
    "Councillors agreed to wait for the report of the transport committee.",
    "A public meeting is planned for the first week of June in the school hall.",
    "Until then the current timetable remains in force for all passengers.",
    "Residents were also invited to send written comments to the harbour office.",
]
CLEAN = TITLE + "\n" + "\n".join(" ".join(SENTENCES[i:i + 3]) for i in range(0, 12, 3)) + "\n"


def inject(sentences: list[str], token: str, forms: dict[int, str]) -> list[str]:
    """Put ``token`` at the end of the numbered sentences, in the given form."""
    out = list(sentences)
    for i, form in forms.items():
        body = out[i][:-1]
        out[i] = {
            "final": f"{body} {token}.",
            "spaced": f"{body} {token} .",
            "after_end": f"{body}. {token}.",
            "glued": f"{body}.{token}.",
        }[form]
    return out


def article(sentences: list[str]) -> str:
    return TITLE + "\n" + "\n".join(" ".join(sentences[i:i + 3]) for i in range(0, 12, 3)) + "\n"


FORMS = {0: "final", 1: "spaced", 2: "after_end", 3: "glued", 5: "final", 6: "spaced", 8: "final", 10: "glued"}


def run(text: str, **options) -> textnorm.Document:
    return run_normalizer(InjectedTokens, text, **options)


# -- detection and removal -----------------------------------------------------------------------

def test_removes_an_unknown_token_in_every_anomalous_form():
    noisy = article(inject(SENTENCES, "Zentrova", FORMS))
    doc = run(noisy)
    assert doc.text == CLEAN
    assert len(doc.edits) == len(FORMS)
    assert_edits_map_to_original(doc)


def test_a_capitalised_token_in_plain_sentence_final_positions_only():
    """The plain route: no odd position at all, but a capitalised word closing sentences
    after different lower-case words, mostly at paragraph ends."""
    sentences = inject(SENTENCES, "Beacon", {i: "final" for i in (2, 5, 8, 11, 0, 4)})
    doc = run(article(sentences))
    assert doc.text == CLEAN
    assert "a capitalised token closing sentences" in doc.edits[0].reason


def test_abbreviations_and_clause_starts_are_not_plain_injections():
    lines = [f"The ferry was late again, said Prof. Okafor of the harbour board on day {i}." for i in range(8)]
    lines += [f"  * patches/pier-{w}: Upstreamed." for w in ("north", "south", "east", "west", "quay", "slip")]
    assert_unchanged(InjectedTokens(), "\n".join(lines) + "\n")


def test_reason_carries_the_evidence():
    doc = run(article(inject(SENTENCES, "Zentrova", FORMS)))
    reason = doc.edits[0].reason
    assert "injected token 'Zentrova'" in reason
    assert f"{len(FORMS)} of {len(FORMS)} occurrences in anomalous positions" in reason
    assert "binomial p" in reason and "this one" in reason
    assert doc.metadata.flags == ("injected-tokens",)


def test_equal_reasons_are_one_string_in_the_edit_log():
    """A long densely injected text logs thousands of edits with the same few reasons:
    they must not each hold their own copy of the evidence."""
    doc = run(article(inject(SENTENCES, "Zentrova", FORMS)))
    by_text: dict[str, str] = {}
    for edit in doc.edits:
        first = by_text.setdefault(edit.reason, edit.reason)
        assert first is edit.reason
    assert len(by_text) < len(doc.edits)


def test_legitimate_uses_of_the_same_word_stay():
    # "Harbour" is a word of the title and "harbour" is common in the body.
    noisy = article(inject(SENTENCES, "Harbour", FORMS))
    doc = run(noisy)
    assert doc.text == CLEAN
    assert doc.text.startswith("Harbour Council")
    assert doc.text.count("harbour") == CLEAN.count("harbour")


def test_natural_mid_sentence_occurrences_of_an_injected_token_stay():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[4] = "The Zentrova ferry company explained that the old pier cannot take the larger vessels."
    sentences[7] = "Zentrova said it would publish a revised proposal within a month."
    doc = run(article(sentences))
    expected = list(SENTENCES)
    expected[4], expected[7] = sentences[4], sentences[7]
    assert doc.text == article(expected)


def test_a_sentence_final_use_of_a_phrase_used_elsewhere_stays():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[4] = "The Zentrova ferry company explained that the old pier cannot take the larger vessels."
    sentences[9] = "A public meeting is planned by the Zentrova."  # "the Zentrova" also stands mid-sentence
    expected = list(SENTENCES)
    expected[4], expected[9] = sentences[4], sentences[9]
    assert run(article(sentences)).text == article(expected)


def test_repeated_copies_and_punctuation_other_than_full_stops():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[4] = SENTENCES[4][:-1] + " Zentrova Zentrova."
    sentences[9] = "Is a public meeting planned for June Zentrova?"
    expected = list(SENTENCES)
    expected[9] = "Is a public meeting planned for June?"
    assert run(article(sentences)).text == article(expected)


def test_a_phrase_is_removed_as_a_whole():
    noisy = article(inject(SENTENCES, "Buy Now", FORMS))
    doc = run(noisy)
    assert doc.text == CLEAN
    assert "injected token 'Buy Now'" in doc.edits[0].reason


def test_a_split_word_is_restored_from_the_documents_vocabulary():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    # "island" occurs elsewhere, so "isl Zentrova.nd" can only be "island".
    sentences[6] = "Teachers who live on the isl Zentrova.nd asked for a boat before eight in the morning."
    doc = run(article(sentences))
    assert doc.text == CLEAN
    repair = [e for e in doc.edits if e.kind == "repair"]
    assert len(repair) == 1 and repair[0].inserted == "island" and not repair[0].uncertain
    assert "the only fitting word" in repair[0].reason


def test_a_split_word_without_a_single_candidate_is_joined_and_marked_uncertain():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[3] = "Shop owners hoped that later boats would bring more visit Zentrova .rs during the summer."
    doc = run(article(sentences))
    repair = [e for e in doc.edits if e.kind == "repair"]
    assert len(repair) == 1 and repair[0].uncertain
    assert repair[0].inserted == "visitrs"
    assert "no word of the document fits" in repair[0].reason


def test_a_token_injected_into_a_copy_of_itself_goes_entirely():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[4] = SENTENCES[4][:-1] + " Zen Zentrova .rova."
    assert run(article(sentences)).text == CLEAN


def test_a_closing_quote_the_injection_overwrote_comes_back():
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[11] = "Residents were told: “Send written comments to the harbour office. Zentrova."
    expected = list(SENTENCES)
    expected[11] = "Residents were told: “Send written comments to the harbour office.”"
    doc = run(article(sentences))
    assert doc.text == article(expected)
    assert any(e.uncertain and "closed again" in e.reason for e in doc.edits)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_the_quote_is_closed_again_with_other_line_breaks(newline: str) -> None:
    # The paragraph is read from its own line start, whichever break ends the line before.
    sentences = inject(SENTENCES, "Zentrova", FORMS)
    sentences[11] = "Residents were told: “Send written comments to the harbour office. Zentrova."
    expected = list(SENTENCES)
    expected[11] = "Residents were told: “Send written comments to the harbour office.”"
    doc = run(article(sentences).replace("\n", newline))
    assert doc.text == article(expected).replace("\n", newline)


def test_non_latin_token_in_russian_text():
    body = [
        "Совет гавани собрался во вторник, чтобы обсудить новое расписание парома.",
        "Многие жители критиковали план за то, что остров остаётся без вечернего рейса.",
        "Рыбаки сказали, что им станет труднее продавать улов на материке.",
        "Владельцы магазинов надеются, что поздние рейсы привлекут больше туристов.",
        "Начальник порта объяснил, что старый причал не принимает большие суда.",
        "Опрос показал, что большинство семей пересекает пролив дважды в неделю.",
        "Учителя с острова попросили утренний рейс до восьми часов.",
        "Перевозчик обещал опубликовать новый проект в течение месяца.",
    ]
    clean = "\n".join(body) + "\n"
    noisy_lines = list(body)
    for i, form in {0: "final", 1: "spaced", 2: "after_end", 3: "glued", 5: "final", 6: "spaced"}.items():
        noisy_lines[i] = inject([body[i]], "Подробнее", {0: form})[0]
    doc = run("\n".join(noisy_lines) + "\n")
    assert doc.text == clean


def test_cjk_token_in_chinese_text_without_spaces():
    body = ("港口委员会周二开会讨论新的渡轮时刻表。许多居民批评这个计划让岛上晚上没有船。"
            "渔民说这些变化会让他们更难在大陆卖鱼。商店老板希望晚班船能带来更多游客。"
            "港务长解释说旧码头无法停靠大船。调查发现大多数家庭每周过海两次。"
            "岛上的老师要求早上八点前有一班船。运营商表示将在一个月内公布新方案。")
    sentences = [s + "。" for s in body.split("。") if s]
    noisy = list(sentences)
    noisy[0] = sentences[0][:-1] + "广告推广。"
    noisy[1] = sentences[1][:-1] + "广告推广 。"
    noisy[2] = sentences[2] + " 广告推广。"  # a space is odd in a script without spaces
    noisy[4] = sentences[4][:-1] + "广告推广。"
    noisy[5] = sentences[5] + "广告推广。"
    noisy[6] = sentences[6][:-1] + "广告推广 。"
    doc = run("".join(noisy) + "\n")
    assert doc.text == "".join(sentences) + "\n"
    assert "injected token '广告推广'" in doc.edits[0].reason


def test_known_tokens_add_to_detection():
    sentences = list(SENTENCES)
    sentences[2] = SENTENCES[2][:-1] + " Zentrova."
    sentences[7] = "Zentrova said it would publish a revised proposal within a month."
    text = article(sentences)
    assert_unchanged(InjectedTokens(), text)  # one occurrence proves nothing by itself
    doc = run(text, known_tokens=("zentrova",))
    expected = list(sentences)
    expected[2] = SENTENCES[2]
    assert doc.text == article(expected)  # the natural use stays
    assert "listed in known_tokens" in doc.edits[0].reason


# -- no false alarms ----------------------------------------------------------------------------

def test_clean_article_unchanged():
    assert_unchanged(InjectedTokens(), CLEAN)


def test_a_word_that_ends_many_sentences_naturally_stays():
    quotes = [f"“{s[:-1]},” the harbour master said." for s in SENTENCES]
    assert_unchanged(InjectedTokens(), "\n".join(quotes) + "\n")


def test_text_that_spaces_every_full_stop_is_left_alone():
    spaced = [s[:-1] + " ." for s in SENTENCES] + [s[:-1] + " said ." for s in SENTENCES[:6]]
    assert_unchanged(InjectedTokens(), " ".join(spaced) + "\n")


@pytest.mark.parametrize("text", [
    "".join(f"See the report at site{i}.example.com. It has a table of crossings per day.\n" for i in range(6)),
    "".join(f"^ \"Ferry report {i}\" . Harbour Weekly. Retrieved 2 May 2020.\n" for i in range(6)),
    "".join(f"$ cd ../island-{i}\n$ make timetable\n" for i in range(6)),
    "".join(f"Crossing {i} left at 7 a.m. and returned at 9 p.m. The ship was full.\n" for i in range(6)),
    "".join(f"\t* pier{i}.c (dock): Move from here ...\n\t* quay{i}.c (dock): ...here.  Tidy this...\n"
            for i in range(6)),
])
def test_formats_that_repeat_one_odd_pattern_are_left_alone(text):
    assert_unchanged(InjectedTokens(), text)


# -- options ------------------------------------------------------------------------------------

def test_options_defaults_and_validation():
    o = InjectedTokensOptions()
    assert (o.min_anomalous, o.min_strong, o.min_kinds, o.min_share, o.max_p) == (3, 2, 2, 0.5, 1e-3)
    assert InjectedTokensOptions(known_tokens="Zentrova").known_tokens == ("Zentrova",)
    with pytest.raises(ValueError, match="min_share"):
        InjectedTokensOptions(min_share=1.5)
    with pytest.raises(ValueError, match="known_tokens"):
        InjectedTokensOptions(known_tokens=("",))
    with pytest.raises(ValueError):
        InjectedTokensOptions(min_anomalous=0)


def test_binomial_tail():
    assert binomial_tail(0, 5, 0.1) == 1.0
    assert binomial_tail(6, 5, 0.1) == 0.0
    assert binomial_tail(5, 5, 0.1) == pytest.approx(1e-5)
    assert binomial_tail(1, 2, 0.5) == pytest.approx(0.75)


# -- properties ---------------------------------------------------------------------------------

_TOKENS = st.sampled_from(["Zentrova", "Qwixel", "Подробнее", "Ξυλοφ", "ज़ैक्स", "广告推广", "Buy Now"])
_ODD_FIRST = ["spaced", "glued", "after_end", "spaced"]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Ends of the sentences of an ``articles()`` text (positions of their full stops)."""
    return [i for i, c in enumerate(text) if c in ".।。"]


def _inject_at(text: str, token: str, ends: list[int], forms: list[str]) -> str:
    out = []
    pos = 0
    for end, form in sorted(zip(ends, forms, strict=True)):
        stop = text[end]
        out.append(text[pos:end])
        sep = "" if text[end - 1] >= "\u4e00" else " "  # CJK text has no spaces
        out.append({
            "final": f"{sep}{token}{stop}",
            # a space before a danda is common Hindi typing: only full stops count as odd
            "spaced": f"{sep}{token} {stop}" if stop in ".。" else f"{sep}{token}{stop}",
            "after_end": f"{stop} {token}{stop}",  # a space after a CJK full stop is odd too
            "glued": f"{stop}{token}{stop}",
        }[form])
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)


@st.composite
def injected_articles(draw):
    clean = draw(articles(min_paragraphs=3, max_paragraphs=6, title=False))
    ends = _sentence_spans(clean)
    assume(len(ends) >= 6)
    token = draw(_TOKENS)
    assume(token not in clean)
    k = draw(st.integers(min_value=5, max_value=min(9, len(ends))))
    chosen = draw(st.lists(st.sampled_from(ends), min_size=k, max_size=k, unique=True))
    forms = _ODD_FIRST + ["final"] * (k - len(_ODD_FIRST))
    forms = draw(st.permutations(forms))
    return clean, _inject_at(clean, token, chosen, list(forms))


@settings(max_examples=40, deadline=None)
@given(injected_articles())
def test_property_injected_text_comes_back_exactly(pair):
    clean, noisy = pair
    doc = run(noisy)
    assert doc.text == clean
    assert_edits_map_to_original(doc)


@st.composite
def injected_articles_with_splits(draw):
    """Injected articles where the token also splits up to two words ("pra Token.ter")."""
    _, noisy = draw(injected_articles())
    token = next(t for t in ["Zentrova", "Qwixel", "Подробнее", "Ξυλοφ", "ज़ैक्स", "广告推广", "Buy Now"] if t in noisy)
    long_words = [m for m in WORD_RE.finditer(noisy) if len(m.group()) >= 4 and m.group().isalpha()
                  and token not in m.group() and m.group() not in token]
    if long_words:
        picks = draw(st.lists(st.sampled_from(long_words), max_size=2, unique_by=lambda m: m.start()))
        for m in sorted(picks, key=lambda m: -m.start()):
            cut = draw(st.integers(min_value=1, max_value=len(m.group()) - 2))
            gap = draw(st.sampled_from([".", " ."]))
            noisy = noisy[:m.start() + cut] + f" {token}{gap}" + noisy[m.start() + cut + 1:]
    return noisy


@settings(max_examples=25, deadline=None)
@given(injected_articles_with_splits())
def test_property_idempotent_and_never_adds_words(noisy):
    assert_idempotent(InjectedTokens(), noisy)
    assert_never_adds_words(InjectedTokens(), noisy)


@settings(max_examples=40, deadline=None)
@given(articles())
def test_property_clean_text_unchanged(text):
    assert_unchanged(InjectedTokens(), text)


@settings(max_examples=30, deadline=None)
@given(articles(script=["latin", "cyrillic", "greek", "latin-accented"], min_paragraphs=3, title=False),
       _TOKENS.filter(lambda t: t[0] < "\u4e00"), st.data())
def test_property_natural_positions_are_never_removed(text, token, data):
    """A token put after the first word of sentences, however often, stays."""
    assume(token not in text)
    every = data.draw(st.integers(min_value=1, max_value=3))
    lines = []
    for line in text.split("\n"):
        parts = line.split(". ")
        parts = [p.replace(" ", f" {token} ", 1) if i % every == 0 and " " in p else p
                 for i, p in enumerate(parts)]
        lines.append(". ".join(parts))
    assert_unchanged(InjectedTokens(), "\n".join(lines))
