"""Lines, paragraphs and sentences of a text, as spans with offsets."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex


@attrs.frozen(slots=True)
class Span:
    """``text`` found at ``[start, end)`` of the string it came from."""

    start: int
    end: int
    text: str


_LINE_BREAK_RE = regex.compile(r"\r\n|\r|\n")

# A sentence ends at terminal punctuation (Latin, CJK full-width, Devanagari danda,
# Arabic question mark, ellipsis), possibly followed by closing quotes or brackets,
# when white space or the end follows; CJK full stops end a sentence even with no
# space after them, since those scripts use none.
_SENTENCE_END_RE = regex.compile(
    r"""(?:[.!?…‼⁇⁈⁉।॥؟]+[\"'”’»)\]]*(?=\s|\Z)|[。！？｡]+[」』”’）\)]*)"""
)


def lines(text: str) -> list[Span]:
    """Every line of ``text`` (line breaks ``\\n``, ``\\r\\n`` and ``\\r``), without its break.

    Blank lines are included, so ``len(lines(t)) == number of breaks + 1``.
    """
    return [Span(start, end, line) for start, end, line in iter_lines(text)]


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` for every line of ``text``, as :func:`lines` finds them,
    without an object per line (for a pass that reads each line once)."""
    if "\r" not in text:
        # "\n" is then the only break: str.split finds them all in C.
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            yield pos, end, line
            pos = end + 1
        return
    pos = 0
    for m in _LINE_BREAK_RE.finditer(text):
        yield pos, m.start(), text[pos:m.start()]
        pos = m.end()
    yield pos, len(text), text[pos:]


def paragraphs(text: str) -> list[Span]:
    """Runs of non-blank lines separated by blank lines, each as one span."""
    out = []
    run_start: int | None = None
    run_end = 0
    for line in lines(text):
        if line.text.strip():
            if run_start is None:
                run_start = line.start
            run_end = line.end
        elif run_start is not None:
            out.append(Span(run_start, run_end, text[run_start:run_end]))
            run_start = None
    if run_start is not None:
        out.append(Span(run_start, run_end, text[run_start:run_end]))
    return out


def sentences(text: str) -> list[Span]:
    """Sentences of ``text``: spans ending after their terminal punctuation.

    Leading white space is left out of each span; text after the last terminal
    mark is a sentence of its own. Abbreviations (``Dr.``) are not special-cased,
    so callers that need exact sentence counts should treat short ones with care.
    """
    out = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        start = _skip_space(text, pos, m.end())
        if start < m.end():
            out.append(Span(start, m.end(), text[start:m.end()]))
        pos = m.end()
    start = _skip_space(text, pos, len(text))
    end = len(text.rstrip())
    if start < end:
        out.append(Span(start, end, text[start:end]))
    return out


def count_sentence_ends(text: str) -> int:
    """The sentence ends :func:`sentences` cuts ``text`` at (terminal punctuation runs,
    closing quotes or brackets included), counted without making the sentences: a text
    holds that many sentences, or one more when text follows the last end."""
    return len(_SENTENCE_END_RE.findall(text))


def _skip_space(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos
