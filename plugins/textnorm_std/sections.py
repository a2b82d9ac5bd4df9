"""Find the title, byline, headings and paragraphs of the text.

``sections`` never changes the text: it proposes blocks that cover it exactly
(every non-blank line one block, every run of blank lines one ``blank`` block) and
metadata (title, author, ISO date) plus the ``placeholder-author`` flag. How lines
are judged is in :mod:`textnorm_std._sections_lines` (headings) and
:mod:`textnorm_std._sections_byline` (bylines and dates); docs/normalizers/sections.md
explains it in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

import textnorm

from ._sections_byline import Byline, opens_with_authorship, read_byline
from ._sections_dates import NUMERIC_ORDERS
from ._sections_lines import (
    BULLET_RE,
    MARKDOWN_HEADING_RE,
    QUOTE_RE,
    HeadingRules,
    has_url,
    markdown_level,
    numbering_rank,
    plain_headings,
    underline_kind,
)
from ._sections_view import SectionLine, read_lines

PLACEHOLDER_AUTHOR = "placeholder-author"
"""Flag raised when the byline names a template placeholder (``[Your Name]``, ``{{author}}``)."""

_BYLINE_EXTRA_WORDS = 10
"""Words a byline may hold besides the names: a date (up to 5: "Tuesday, 27 de junio de 2025"),
a time and labels ("Published", "Updated", "on")."""

_positive = [attrs.validators.instance_of(int), attrs.validators.gt(0)]


@attrs.frozen
class SectionsOptions:
    """Options of ``sections`` (see docs/normalizers/sections.md for why each default)."""

    max_heading_words: int = attrs.field(default=12, validator=_positive)
    """A plain-text heading has at most this many words (ideographs count half)."""
    max_heading_chars: int = attrs.field(default=100, validator=_positive)
    """...and at most this many characters."""
    max_question_words: int = attrs.field(default=10, validator=_positive)
    """A heading may end with ``?`` only when this short (``!`` and ``.`` end sentences)."""
    min_body_words: int = attrs.field(default=12, validator=_positive)
    """A line this long (in words) is body text, the evidence after a heading."""
    sentence_case_headings: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    """Accept headings written in sentence case (``Feature detection``), not only Title Case."""
    max_heading_repeats: int = attrs.field(default=3, validator=_positive)
    """A line found more often than this in the text is a template label, not a heading."""
    heading_after_title: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """A plain line directly under the title may be a heading; off, it is the title's subtitle."""
    min_definition_run: int = attrs.field(default=3, validator=_positive)
    """This many weakly shaped terms in a row, each followed by one paragraph, are a
    glossary or bold lead-ins, not headings."""
    min_template_sections: int = attrs.field(default=3, validator=_positive)
    """A label + sub-label + text pattern seen this often (labels alike in case) makes
    every such label a heading."""
    unpunctuated_below: float = attrs.field(
        default=0.5, validator=[attrs.validators.instance_of((int, float)), attrs.validators.ge(0),
                                attrs.validators.le(1)])
    """A text whose long lines end with sentence punctuation less often than this share
    gives no paragraph-end evidence: strongly shaped lines followed by text are
    headings whatever precedes them (0 turns this off)."""
    max_label_words: int = attrs.field(default=4, validator=_positive)
    """A line this short that precedes more than ``max_heading_repeats`` different lines
    is a figure's label ("Photo"): the line after each is a caption, not a heading."""
    max_title_words: int = attrs.field(default=30, validator=_positive)
    """The first line is the title when it is at most this long and not a sentence."""
    byline_window: int = attrs.field(default=3, validator=_positive)
    """Non-blank lines after the title (or the start) searched for the byline."""
    max_author_words: int = attrs.field(default=6, validator=_positive)
    """An author's name (or names) holds at most this many words."""
    numeric_date_order: str = attrs.field(default="dmy", validator=attrs.validators.in_(NUMERIC_ORDERS))
    """How to read an ambiguous ``05/06/2025``: ``dmy``, ``mdy`` or ``none`` (no date)."""


class Sections(textnorm.Normalizer):
    """Find the title, byline, headings and paragraphs of the text."""

    name = "sections"
    Options = SectionsOptions

    def __init__(self, options: SectionsOptions | None = None) -> None:
        super().__init__(options)
        o = self.options
        self._rules = HeadingRules(
            max_heading_words=o.max_heading_words,
            max_heading_chars=o.max_heading_chars,
            max_question_words=o.max_question_words,
            min_body_words=o.min_body_words,
            sentence_case_headings=o.sentence_case_headings,
            max_heading_repeats=o.max_heading_repeats,
            heading_after_title=o.heading_after_title,
            min_definition_run=o.min_definition_run,
            min_template_sections=o.min_template_sections,
            unpunctuated_below=o.unpunctuated_below,
            max_label_words=o.max_label_words,
        )

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        text = doc.text
        if not text:
            return textnorm.NOTHING
        structure = self.analyse(text)
        flags = (PLACEHOLDER_AUTHOR,) if structure.placeholder_author is not None else ()
        metadata = {"title": structure.title, "author": structure.author, "date": structure.date}
        if structure.placeholder_author is not None:
            metadata["author_placeholder"] = structure.placeholder_author
        return textnorm.Proposal(blocks=structure.blocks, metadata=metadata, flags=flags)

    def analyse(self, text: str) -> Structure:
        """The structure of ``text``: blocks covering it and what the header says."""
        feats = read_lines(text)  # the lines' shapes (as line_features has them) and keys
        kinds: list[str | None] = ["blank" if f.blank else None for f in feats]
        style: dict[int, tuple[str, int]] = {}
        _mark_markup(feats, kinds, style)
        title_index = _mark_title(feats, kinds, style, self.options.max_title_words, self._is_byline)
        bylines = self._mark_bylines(feats, kinds, title_index)
        for i in plain_headings(feats, kinds, self._rules):
            kinds[i] = "heading"
        for i, f in enumerate(feats):
            if kinds[i] is None:
                # A numbered line that is no heading is an item of a numbered list.
                kinds[i] = "list_item" if numbering_rank(f.text) is not None else "paragraph"
        levels = _levels(feats, kinds, style)
        # A placeholder is no author: it is flagged, and kept in the metadata's extra.
        author = next((b.author for b in bylines if b.author and not b.placeholder and not b.credit), None)
        placeholder = next((b.author for b in bylines if b.author and b.placeholder and not b.credit), None)
        return Structure(
            blocks=tuple(_blocks(text, feats, kinds, levels)),
            title=_strip_markup(feats[title_index].text) if title_index is not None else None,
            author=author,
            date=next((b.date for b in bylines if b.date), None),
            placeholder_author=placeholder if author is None else None,
        )

    def _is_byline(self, line: str) -> bool:
        o = self.options
        return read_byline(line, max_name_words=o.max_author_words, numeric_order=o.numeric_date_order) is not None

    def _mark_bylines(self, feats: Sequence[SectionLine], kinds: list[str | None],
                      title_index: int | None) -> list[Byline]:
        o = self.options
        found = []
        seen = 0
        for i, f in enumerate(feats):
            if title_index is not None and i <= title_index:
                continue
            # A byline holds names, a date and a few label words ("Published", "Updated").
            if kinds[i] is not None or f.word_length > o.max_author_words + _BYLINE_EXTRA_WORDS:
                seen += kinds[i] != "blank"
                continue
            in_header = seen < o.byline_window
            seen += 1
            if not in_header and not opens_with_authorship(f.text):
                continue  # below the header only "By <name>" lines count; spares the date search
            byline = read_byline(f.text, max_name_words=o.max_author_words, numeric_order=o.numeric_date_order)
            # Near the top any byline counts; further down only "By <First Last>"
            # lines (an article's sections may carry their own authors), not a
            # heading such as "By Design".
            if byline is not None and (in_header or (byline.author and len(byline.author.split()) > 1)):
                kinds[i] = "byline"
                if in_header:
                    found.append(byline)
        return found


@attrs.frozen(slots=True)
class Structure:
    """What :meth:`Sections.analyse` finds."""

    blocks: tuple[textnorm.Block, ...]
    title: str | None
    author: str | None
    date: str | None
    placeholder_author: str | None


def find_headings(text: str, options: SectionsOptions | None = None) -> list[str]:
    """The headings of ``text`` (their lines, stripped), in order: a convenience for tests."""
    s = Sections(options).analyse(text)
    return [text[b.start:b.end].strip() for b in s.blocks if b.kind == "heading"]


# The first character of every line that underline_kind, markdown_level, QUOTE_RE or
# BULLET_RE accepts: a line's text is stripped, and what those patterns skip first (\s)
# is white space that str.strip removes (tests/plugins/test_sections_view.py checks both).
_MARKUP_FIRST = frozenset("=-#>*•◦▪‣–—+·●■□➢►✓✔")


def _mark_markup(feats: Sequence[SectionLine], kinds: list[str | None],
                 style: dict[int, tuple[str, int]]) -> None:
    for i, f in enumerate(feats):
        if kinds[i] is not None or f.text[0] not in _MARKUP_FIRST:
            continue
        u = underline_kind(f)
        if u is not None and i > 0 and kinds[i - 1] is None and not BULLET_RE.match(feats[i - 1].text) \
                and not QUOTE_RE.match(feats[i - 1].text):
            kinds[i - 1], kinds[i] = "heading", "underline"
            style[i - 1] = ("setext", 1 if u == "=" else 2)
            continue
        hashes = markdown_level(f)
        # "# ..." is also a shell or Python comment: a heading holds no URL and no sentence.
        if hashes is not None and not f.terminal and not has_url(f.text):
            kinds[i] = "heading"
            style[i] = ("md", hashes)
        elif QUOTE_RE.match(f.text):
            kinds[i] = "quote"
        elif BULLET_RE.match(f.text):
            kinds[i] = "list_item"


def _mark_title(feats: Sequence[SectionLine], kinds: list[str | None],
                style: dict[int, tuple[str, int]], max_words: int,
                is_byline: Callable[[str], bool]) -> int | None:
    first = next((i for i, k in enumerate(kinds) if k != "blank"), None)
    if first is None:
        return None
    f = feats[first]
    if kinds[first] == "heading":
        if style[first][1] == 1:
            kinds[first] = "title"
            return first
        return None
    if kinds[first] is not None or f.word_length > max_words or f.colon_end or is_byline(f.text):
        return None
    if f.terminal and not f.text.endswith(("?", "!", "？", "！")):
        return None
    kinds[first] = "title"
    return first


def _levels(feats: Sequence[SectionLine], kinds: list[str | None],
            style: dict[int, tuple[str, int]]) -> dict[int, int]:
    """Heading levels: explicit markup ranks first, numbering depth next, then nesting."""
    ranks: dict[int, float] = {}
    prev_heading: int | None = None  # index of the heading directly above, if no body came between
    sub_rank: float | None = None
    order = [i for i, k in enumerate(kinds) if k not in ("blank", "underline")]
    for k, i in enumerate(order):
        if kinds[i] != "heading":
            if kinds[i] != "byline":
                prev_heading = None
            continue
        if i in style:
            ranks[i] = float(style[i][1])
        else:
            depth = numbering_rank(feats[i].text)
            if depth is not None:
                ranks[i] = float(depth)
            elif feats[i].case_shape == "upper":
                ranks[i] = 0.5
            elif prev_heading is not None and prev_heading not in style:
                ranks[i] = ranks[prev_heading] + 1
                sub_rank = ranks[i]
            else:
                followed = k + 1 < len(order) and kinds[order[k + 1]] == "heading"
                ranks[i] = 1.0 if followed or sub_rank is None else sub_rank
        prev_heading = i
    distinct = sorted(set(ranks.values()))
    return {i: distinct.index(r) + 1 for i, r in ranks.items()}


def _blocks(text: str, feats: Sequence[SectionLine], kinds: list[str | None],
            levels: dict[int, int]) -> list[textnorm.Block]:
    """One block per non-blank line, one ``blank`` block per gap (underlines included)."""
    out: list[textnorm.Block] = []
    pos = 0
    for i, f in enumerate(feats):
        kind = kinds[i]
        if kind in ("blank", "underline"):
            continue
        line_start = f.start
        if line_start > pos:
            out.append(textnorm.Block("blank", pos, line_start))
        out.append(textnorm.Block(kind, line_start, f.end, level=levels.get(i) if kind == "heading" else None))
        pos = f.end
    if pos < len(text):
        out.append(textnorm.Block("blank", pos, len(text)))
    return out


def _strip_markup(line: str) -> str:
    m = MARKDOWN_HEADING_RE.match(line)
    return (m.group("body") if m else line).strip()


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(Sections)
