"""Tests of the fast paths of ``injected-tokens``: the local word helpers agree with
``WORD_RE`` over the whole text, the scan for sentence ends finds exactly the places the
word-by-word definition gives, and skipping the places ``worth_a_look`` leaves out
changes no result.

Every document here is invented for the tests.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from textnorm_std import _injected_detect
from textnorm_std._injected_positions import INLINE_SPACE, TERMINALS
from textnorm_std._injected_repair import changes_for
from textnorm_std._injected_sites import (
    sentence_end_words,
    sentence_ends,
    worth_a_look,
)
from textnorm_std._injected_words import (
    is_word_end,
    is_word_start,
    last_word_start,
    phrase_starts,
    words_back,
)
from textnorm_std.injected_tokens import InjectedTokens, InjectedTokensOptions

import textnorm
from textnorm.text import WORD_RE
from textnorm.text.words import re_agrees

# Pieces that make word boundaries hard: apostrophes inside and around words, digits
# after letters after an apostrophe ("ab'c1" is two words), combining marks, ideographs
# and kana (one word each), Latin glued to ideographs, spaces of several kinds.
PIECES = ["a", "B", "x", "1", "é", "e\u0301", "'", "’", "ab", "l'eau", "ab'c1", "x'1", "東", "京", "タ",
          "क", "ि", "я", "Ω", " ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\n", ".", "。", "!", "?",
          "...", "…", ",", "”", ")", "-", "_", "3.5"]

texts = st.lists(st.sampled_from(PIECES), min_size=0, max_size=60).map("".join)
# Without marks, ideographs and kana: text on which the fast scan with ``re`` runs.
PLAIN_PIECES = [p for p in PIECES if re_agrees(p)]
plain_texts = st.lists(st.sampled_from(PLAIN_PIECES), min_size=0, max_size=60).map("".join)


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD_RE.finditer(text)]


@settings(max_examples=100, deadline=None)
@given(texts)
def test_local_helpers_agree_with_word_re(text):
    spans = _words(text)
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    for s, e in spans:
        assert last_word_start(text, e) == s
        assert is_word_start(text, s)
        assert is_word_end(text, e)
    for i in range(len(text)):
        if text[i].isalnum() or WORD_RE.match(text[i]):
            assert is_word_start(text, i) == (i in starts), i
        if i and WORD_RE.match(text[i - 1]):
            assert is_word_end(text, i) == (i in ends), i
    # Words before any boundary, last first.
    inside = {p for s, e in spans for p in range(s + 1, e)}
    for pos in range(len(text) + 1):
        if pos not in inside:
            assert list(words_back(text, pos)) == [sp for sp in reversed(spans) if sp[1] <= pos]


@settings(max_examples=100, deadline=None)
@given(texts, st.integers(1, 3))
def test_phrase_starts_finds_every_whole_word_occurrence(text, n_words):
    spans = _words(text)
    for k in range(len(spans)):
        a = max(0, k - n_words + 1)
        token = text[spans[a][0]:spans[k][1]]
        expected = [spans[i][0] for i in range(len(spans))
                    for j in range(i, len(spans)) if text[spans[i][0]:spans[j][1]] == token]
        assert phrase_starts(text, token) == expected


@settings(max_examples=100, deadline=None)
@given(texts, st.lists(st.sampled_from(["a", "ab", "B", "Ba", "aB", "é", "ab'c1", "東", "x a", "l'eau", "Ωя"]),
                       min_size=1, max_size=8))
def test_tokens_looked_for_together_are_found_as_one_by_one(text, tokens):
    from textnorm_std import _injected_counts

    words = [text[s:e] for s, e in _words(text)]
    together = _injected_counts.DocumentCounts(text)
    together.prefetch([*tokens, *words[:6]])
    for token in {*tokens, *words}:
        assert together.occurrences_of(token) == phrase_starts(text, token), token


@settings(max_examples=100, deadline=None)
@given(texts)
def test_the_vocabulary_counted_in_pieces_is_the_whole_texts(text):
    from textnorm_std import _injected_counts, _injected_words

    forms: dict[str, dict[str, int]] = {}
    for w, n in Counter(WORD_RE.findall(text)).items():
        forms.setdefault(textnorm.text.nfkc_casefold(w), {})[w] = n
    expected = {key: max(f.items(), key=lambda kv: kv[1])[0] for key, f in forms.items()}
    old = _injected_words.PIECE_CHARS
    try:
        _injected_words.PIECE_CHARS = 3  # many pieces, cut at every line break
        assert _injected_counts.vocabulary(text) == expected
        assert list(_injected_counts.vocabulary(text)) == list(expected)
    finally:
        _injected_words.PIECE_CHARS = old


def test_many_tokens_are_looked_for_in_one_pass(monkeypatch):
    # A long text of many pages, each with its own token, must not cost a scan per token.
    from textnorm_std import _injected_counts

    tokens = [f"Tok{chr(97 + i)}{chr(97 + j)}" for i in range(5) for j in range(5)]
    text = " ".join(f"page {t} ends. Another {t}." for t in tokens)
    calls = []
    monkeypatch.setattr(_injected_counts, "phrase_starts", lambda t, tok: calls.append(tok) or [])
    counts = _injected_counts.DocumentCounts(text)
    counts.prefetch(tokens)
    assert [len(counts.occurrences_of(t)) for t in tokens] == [2] * len(tokens)
    assert calls == []


@settings(max_examples=100, deadline=None)
@given(st.one_of(texts, plain_texts), st.sampled_from([None, 1, 5]))
def test_sentence_ends_are_the_words_sentence_punctuation_follows(text, piece_chars):
    from textnorm_std import _injected_words

    old = _injected_words.PIECE_CHARS
    try:
        # Small pieces: the places are read a line or a few at a time.
        _injected_words.PIECE_CHARS = piece_chars or old
        _check_sentence_end_words(text)
    finally:
        _injected_words.PIECE_CHARS = old


def test_sentence_end_words_read_in_pieces_carry_the_punctuation_over():
    from textnorm_std import _injected_words

    text = "One.\nTwo and three.\nNo end here\nFour.’ Five!\n"
    whole = sentence_end_words(text)
    old = _injected_words.PIECE_CHARS
    try:
        _injected_words.PIECE_CHARS = 1  # a piece per line
        assert sentence_end_words(text) == whole
    finally:
        _injected_words.PIECE_CHARS = old
    # "three" sees the full stop of the line before, "Four" the one two lines up.
    assert whole.before == [0, 4, 19, 37]


def _check_sentence_end_words(text: str) -> None:
    expected = []
    for _, e in _words(text):
        p = e
        while p < len(text) and text[p] in INLINE_SPACE:
            p += 1
        if p < len(text) and text[p] in TERMINALS:
            expected.append(e)
    assert sentence_ends(text) == expected
    ends, starts, before = sentence_end_words(text)
    assert ends == expected
    assert starts == [last_word_start(text, e) for e in expected]
    # The end of the last sentence punctuation before each word (0 if none).
    assert before == [max((i + 1 for i in range(s) if text[i] in TERMINALS), default=0) for s in starts]
    keys = [text[s:e] for s, e in zip(starts, ends)]
    counts = Counter(keys)
    for n in (1, 2, 3):
        chosen = [i for i, key in enumerate(keys) if counts[key] >= n]
        assert sentence_end_words(text, n) == ([ends[i] for i in chosen], [starts[i] for i in chosen],
                                               [before[i] for i in chosen])


# -- skipping places changes nothing ----------------------------------------------------

SENTENCES = ["The museum reopened its east wing on Monday", "Visitors queued in the rain for an hour",
             "The new hall shows tools from the old copper mine", "Entry stays free for children",
             "Volunteers restored the lamps over two winters", "A café will open in the spring",
             "Das Museum öffnete am Montag den Ostflügel", "Музей снова открыл восточное крыло",
             "博物馆周一重新开放东翼", "美術館は月曜日に東館を再開した"]
FORMS = ["{s} {t}.", "{s} {t} .", "{s}. {t}.", "{s}.{t}.", "{s} {t}", "{s}.", "{s}!", "{s} ...",
         "{s}。{t}。", "{s}{t}。", "{t} {s}."]


@st.composite
def museum_texts(draw):
    token = draw(st.sampled_from(["Velorank", "VELORANK", "Buy Now", "广告", "Quiet", "now"]))
    n = draw(st.integers(1, 24))
    parts = []
    for _ in range(n):
        form = draw(st.sampled_from(FORMS))
        parts.append(form.format(s=draw(st.sampled_from(SENTENCES)), t=token))
        parts.append(draw(st.sampled_from([" ", " ", "\n", "\n\n"])))
    return "".join(parts)


@settings(max_examples=100, deadline=None)
@given(museum_texts(), st.sampled_from([{}, {"min_strong": 1, "min_kinds": 1},
                                        {"plain_min_anomalous": 2, "plain_max_p": 1.0, "max_p": 1.0},
                                        {"max_phrase_words": 1}]))
def test_skipping_places_not_worth_a_look_changes_nothing(text, options):
    config = InjectedTokens(InjectedTokensOptions(**options))._config
    fast = _injected_detect.detect(text, config)
    original = _injected_detect.worth_a_look, _injected_detect.sentence_end_words

    def everything(text, places, **kw):
        return list(range(len(places.ends)))

    _injected_detect.worth_a_look = everything
    _injected_detect.sentence_end_words = lambda text, n=1: sentence_end_words(text)
    try:
        slow = _injected_detect.detect(text, config)
    finally:
        _injected_detect.worth_a_look, _injected_detect.sentence_end_words = original
    assert fast.tokens == slow.tokens
    assert changes_for(text, fast) == changes_for(text, slow)
    assert worth_a_look(text, sentence_end_words(""), min_anomalous=1, need_odd=1,
                        plain_min_anomalous=1, max_words=3) == []


def test_a_document_without_sentence_punctuation_proposes_nothing():
    text = ("Harbour notes\nferry times change on Monday\nthe pier stays open, the cafe too\n"
            "see you there … or not ...\n")
    assert InjectedTokens()(textnorm.Document.from_text(text)) is textnorm.NOTHING


def test_a_document_whose_sentence_ends_are_all_different_words_proposes_nothing():
    text = "The ferry left late. Nobody complained. Gulls followed the wake.\n" * 2
    assert InjectedTokens()(textnorm.Document.from_text(text)) is textnorm.NOTHING


def test_cjk_sentences_glued_after_full_stops_are_not_looked_at_and_stay():
    text = "博物馆周一重新开放东翼。游客在雨中排队一小时。新展厅展示旧铜矿的工具。儿童免费入场。\n" * 6
    places = sentence_end_words(text)
    assert len(places.ends) == 24
    assert worth_a_look(text, places, min_anomalous=3, need_odd=2,
                        plain_min_anomalous=5, max_words=3) == []
    assert InjectedTokens()(textnorm.Document.from_text(text)) is textnorm.NOTHING


def test_a_cjk_token_after_spaced_sentence_ends_is_still_found():
    body = ["博物馆周一重新开放东翼", "游客在雨中排队一小时", "新展厅展示旧铜矿的工具", "儿童免费入场",
            "志愿者修复了灯具", "春天将开一家咖啡馆"]
    text = "博物馆新闻\n" + "".join(f"{s}。 广告推广。" if i % 2 else f"{s} 广告推广 。" for i, s in enumerate(body)) + "\n"
    out = textnorm.apply_proposal(textnorm.Document.from_text(text),
                                  InjectedTokens()(textnorm.Document.from_text(text)), "injected-tokens")
    assert "广告推广" not in out.text
    assert out.text.startswith("博物馆新闻\n博物馆周一重新开放东翼。")


# -- the count of sentence-final places ----------------------------------------------

def _final_places_one_by_one(text: str) -> int:
    """The definition ``count_final_places`` follows: each place of ``sentence_end_words``
    classified by ``right_of`` (and ``left_of`` for a split), as ``_occurrence`` does."""
    from textnorm_std._injected_positions import left_of, right_of
    from textnorm_std._injected_words import is_word_char

    n = 0
    places = sentence_end_words(text)
    for start, end in zip(places.starts, places.ends, strict=True):
        right = right_of(text, end)
        if right.kind == "final":
            n += 1
        elif right.kind == "split":
            left = left_of(text, start)
            if (left.kind == "word" and left.ws_start < start and right.frag_end > right.punct_end
                    and is_word_char(text, left.ws_start - 1)):
                n += 1
    return n


FINAL_PIECES = [*PIECES, "\r", "\x1c", "\u2028", "\x85", "..", ".…", "…!", "!…", "。x", "؟", "»", "e.g",
                "www.a.com", "Token .", " .x", "x .", ". .", "²", "Ⅻ", "ǅ", "。」", "！?"]
final_texts = st.lists(st.sampled_from(FINAL_PIECES), min_size=0, max_size=40).map("".join)
plain_final_texts = st.lists(st.sampled_from([p for p in FINAL_PIECES if re_agrees(p)]),
                             min_size=0, max_size=40).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.one_of(final_texts, plain_final_texts, museum_texts()), st.sampled_from([None, 3]))
def test_final_places_counted_in_one_pass_are_those_classified_one_by_one(text, piece_chars):
    from textnorm_std import _injected_words
    from textnorm_std._injected_sites import count_final_places

    old = _injected_words.PIECE_CHARS
    try:
        _injected_words.PIECE_CHARS = piece_chars or old
        assert count_final_places(text) == _final_places_one_by_one(text)
    finally:
        _injected_words.PIECE_CHARS = old


def test_final_places_known_cases():
    from textnorm_std._injected_sites import count_final_places

    assert count_final_places("The ferry left. It came back!\nSee www.example.com now") == 3
    assert count_final_places("Wait... then … go.. on .… the ferry left.") == 1
    assert count_final_places("博物馆。游客。 东翼！") == 3
    assert count_final_places("") == 0


def test_the_white_space_of_the_final_pattern_is_str_isspace():
    # right_of asks str.isspace; the pattern lists those characters (all below U+3001).
    from textnorm_std import _injected_sites

    listed = {chr(int(h, 16)) for h in _injected_sites._WS.split("\\u")[1:]}
    assert listed == {chr(c) for c in range(0x110000) if chr(c).isspace()}


@settings(max_examples=100, deadline=None)
@given(st.one_of(texts, final_texts))
def test_the_word_before_is_the_first_of_the_words_back(text):
    from textnorm_std._injected_words import word_before

    inside = {p for s, e in _words(text) for p in range(s + 1, e)}
    for pos in range(len(text) + 1):
        if pos not in inside:
            assert word_before(text, pos) == next(words_back(text, pos), None), pos
