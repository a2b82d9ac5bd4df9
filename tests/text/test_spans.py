"""Lines, paragraphs and sentences with offsets."""

import re

from hypothesis import given
from hypothesis import strategies as st

from textnorm.text import count_sentence_ends, iter_lines, lines, paragraphs, sentences


def test_lines_handle_every_line_end():
    text = "a\r\nb\rc\n\nd"
    assert [s.text for s in lines(text)] == ["a", "b", "c", "", "d"]
    for s in lines(text):
        assert text[s.start:s.end] == s.text


@given(st.text(alphabet=st.sampled_from("ab \r\n")))
def test_lines_cover_the_text_between_breaks(text):
    spans = lines(text)
    assert "".join(s.text for s in spans) == text.replace("\r\n", "").replace("\r", "").replace("\n", "")
    assert spans[0].start == 0 and spans[-1].end == len(text)


def _lines_by_breaks(text):
    """The definition: the text between breaks (\\r\\n, \\r, \\n), found one by one."""
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        out.append((pos, m.start(), text[pos:m.start()]))
        pos = m.end()
    return [*out, (pos, len(text), text[pos:])]


@given(st.text(alphabet=st.sampled_from("ab \r\n\u2028\x85")))
def test_lines_are_the_text_between_breaks(text):
    # A text without "\r" takes a path of its own: both kinds are checked.
    for t in (text, text.replace("\r", "")):
        assert list(iter_lines(t)) == _lines_by_breaks(t)
        assert [(s.start, s.end, s.text) for s in lines(t)] == _lines_by_breaks(t)


def test_paragraphs_are_runs_of_non_blank_lines():
    text = "one\ntwo\n\n  \nthree\n"
    assert [p.text for p in paragraphs(text)] == ["one\ntwo", "three"]


def test_sentences_latin_and_cjk():
    text = "It rained. Did it? Yes! “Quoted.” Then 3.5 mm fell… 我很好。你呢？ बहुत अच्छा। end"
    assert [s.text for s in sentences(text)] == [
        "It rained.", "Did it?", "Yes!", "“Quoted.”", "Then 3.5 mm fell…", "我很好。", "你呢？", "बहुत अच्छा।", "end"]


@given(st.text())
def test_sentence_spans_point_into_the_text(text):
    prev = 0
    for s in sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.start >= prev and s.text.strip() == s.text
        prev = s.end


@given(st.text(alphabet=st.sampled_from("ab cd. e! f? \u2026\u3002x\u300d \u201d\u3000\n."), max_size=80))
def test_count_sentence_ends_counts_what_sentences_cuts(text: str) -> None:
    # Each end closes one sentence; text after the last end is one more.
    ends = count_sentence_ends(text)
    assert ends <= len(sentences(text)) <= ends + 1


def test_count_sentence_ends() -> None:
    assert count_sentence_ends("One. Two! Three?\u201d Four") == 3
    assert count_sentence_ends("\u6e2f\u3002\u8239\u3002") == 2
    assert count_sentence_ends("v1.2 is out") == 0
