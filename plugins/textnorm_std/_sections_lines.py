"""Line-level structure for ``sections``: what each non-blank line is, from its shape
and its neighbours.

The evidence for a plain-text heading is local and language-independent:

* its *shape*: short, no sentence-ending full stop, not introducing a list (``:``),
  not a breadcrumb (separators), not starting in the middle of a sentence
  (a lower-case first word);
* its *context*: the line before it ends a paragraph (or is the start, the title,
  a byline or another heading), and the line after it is body text (a long line),
  possibly after one sub-heading, a byline or a bracketed aside;
* its *document*: labels a template repeats (a caption label, "Learn more about
  ...") and the captions they introduce ("Photo" -> its credit), and the terms of
  a definition list are not headings, and a mark the document appends to its
  headings ("[edit]", "¶") makes one.

Explicit markup (``#``, setext underlines) is a heading whatever its context;
numbered lines (``1.``, ``1.2``, ``IV.``, ``3)``) are headings when they pass the
same shape and context tests, list items otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._sections_document import caption_lines, definition_terms, template_labels
from ._sections_lists import continues_sentence, list_runs
from ._sections_view import SectionLine

MARKDOWN_HEADING_RE = regex.compile(r"^\s{0,3}(?P<hashes>#{1,6})[ \t]+(?P<body>\S.*?)(?:[ \t]+#+)?\s*$")
UNDERLINE_RE = regex.compile(r"^\s{0,3}(?:(?P<eq>=)=+|(?P<dash>-)-+)\s*$")
BULLET_RE = regex.compile(r"^\s*[-*•◦▪‣–—+·●■□➢►✓✔]\s+\S")
QUOTE_RE = regex.compile(r"^\s*>")
# Section numbers: "1.", "1.2", "1.2.3", "3)", "IV.". A numbered line is judged like
# any heading; its number only gives it a shape and, when it is one, its depth.
NUMBERED_RE = regex.compile(
    r"^\s*(?:(?P<arabic>\d{1,3}(?:\.\d{1,3})*)(?:[.)]|(?<=\d\.\d{1,3})(?=\s))|(?P<roman>[IVXLC]{1,6})\.)\s+\S"
)
# The number itself, to judge the case of what follows it.
_NUMBER_PREFIX_RE = regex.compile(
    r"^\s*(?:\d{1,3}(?:\.\d{1,3})*(?:[.)]|(?<=\d\.\d{1,3})(?=\s))|[IVXLC]{1,6}\.)\s+"
)
_LABEL_PHRASE_RE = regex.compile(r"^[^:：]{1,40}[:：]\s*\S")
URL_RE = regex.compile(r"https?://|www\.|\S@\S+\.\w")
_LOWER_START_RE = regex.compile(r"^[^\p{L}\p{N}]*\p{Ll}+(?:\s|$)")
_NOTE_START_RE = regex.compile(r"^\s*[\^*†‡]")
_QUESTION_END_RE = regex.compile(r"[?？][\"'”’»)\]]*\s*$")
# A line wholly inside brackets is an aside or a caption credit ("(Photo: ...)").
_BRACKETED_RE = regex.compile(r"^\s*[(\[（【].*[)\]）】]\s*$")
# A full stop after a lower-case word, then more text: two sentences, not a heading
# (abbreviations such as "Dr." or "U.S." have fewer lower-case letters before the dot).
_INNER_SENTENCE_RE = regex.compile(r"\p{Ll}{3,}\.\s+\S|。\s*\S")
_TABLE_RE = regex.compile(r"[│┃|\t].*[│┃|\t]")
_TERMINAL_BEFORE_REFS_RE = regex.compile(r"[.!?…。！？][\"'”’»)]*(?:\s*\[[^\[\]]{1,40}\])+\s*$")
_ANY_TERMINAL_RE = regex.compile(r"\p{L}[.!?。！？]")
# A mark a site appends to every heading: "[edit]", "¶", "#", "§".
_TAIL_MARK_RE = regex.compile(r"(?:\[[^\[\]\d]{1,12}\]|[¶#§])\s*$")
# Runs of letters and of digits: removing them counts the characters (one match a
# word rather than one a character).
_LETTERS_RE = regex.compile(r"\p{L}+")
_DIGITS_RE = regex.compile(r"\p{N}+")
# A comma, or a colon before reference marks ("...:[12]"), leaves the line open.
_COMMA_END_RE = regex.compile(r"[,，、]\s*$|[:：;](?:\s*\[[^\[\]]{1,40}\])+\s*$")
# The end-anchored patterns read from the end ((?r): `match` tries the line's end only,
# where a forward `search` tries every position first); tests/plugins/test_sections_view.py
# checks that they find what the forward search finds.
_COMMA_END = regex.compile(f"(?r){_COMMA_END_RE.pattern}")
_TERMINAL_BEFORE_REFS = regex.compile(f"(?r){_TERMINAL_BEFORE_REFS_RE.pattern}")
_QUESTION_END = regex.compile(f"(?r){_QUESTION_END_RE.pattern}")
_TAIL_MARK = regex.compile(f"(?r){_TAIL_MARK_RE.pattern}")


MIN_MARKED_HEADINGS = 2
"""How many context-found headings must share a trailing mark before it counts as
the document's heading mark (two: one could be chance, a site's template repeats)."""


MARKED_MAJORITY = 0.5
"""Share of the found headings that must carry the document's heading mark before an
unmarked one is taken for an outlier (more than half: then the mark is the rule of
the document, not the habit of a few sections)."""


@attrs.frozen(slots=True)
class HeadingRules:
    """The thresholds of heading detection (copied from ``SectionsOptions``)."""

    max_heading_words: int
    max_heading_chars: int
    max_question_words: int
    min_body_words: int
    sentence_case_headings: bool
    max_heading_repeats: int
    heading_after_title: bool = False
    min_definition_run: int = 3
    min_template_sections: int = 3
    unpunctuated_below: float = 0.5
    max_label_words: int = 4


def has_url(text: str) -> bool:
    """Whether ``text`` holds a URL or an e-mail address (``URL_RE``)."""
    # Every match holds one of these strings; most lines hold none, and `in` is a fast scan.
    return ("://" in text or "www." in text or "@" in text) and URL_RE.search(text) is not None


def _inner_sentence(text: str) -> bool:
    # Every match holds one of the two full stops (most short lines hold neither).
    return ("." in text or "。" in text) and _INNER_SENTENCE_RE.search(text) is not None


def markdown_level(f: SectionLine) -> int | None:
    """The number of ``#`` of a markdown heading line, or None."""
    m = MARKDOWN_HEADING_RE.match(f.text)
    return len(m.group("hashes")) if m else None


def underline_kind(f: SectionLine) -> str | None:
    """``"="`` or ``"-"`` when the line is a setext underline (``===``/``---``)."""
    m = UNDERLINE_RE.match(f.text)
    if m is None:
        return None
    return "=" if m.group("eq") else "-"


def numbering_rank(text: str) -> int | None:
    """How deep a numbered line's number goes: roman 0, ``1.`` 1, ``1.2`` 2...; None if unnumbered."""
    m = NUMBERED_RE.match(text)
    if m is None:
        return None
    if m.group("roman"):
        return 0
    return m.group("arabic").count(".") + 1


def heading_shaped(f: SectionLine, rules: HeadingRules) -> bool:
    """Could this line be a heading by its looks alone (no context)?"""
    n = f.word_length
    if not 0 < n <= rules.max_heading_words or f.n_chars > rules.max_heading_chars:
        return False
    text = f.text
    if f.colon_end or _COMMA_END.match(text):
        return False
    if _TERMINAL_BEFORE_REFS.match(text):
        return False
    if f.terminal and not (_QUESTION_END.match(text) and n <= rules.max_question_words):
        return False
    # (Bullets, quotes, asides and notes open with a mark of their own: most lines open
    # with none, and skip the four patterns.)
    marked = text[0] in _MARKED_FIRST
    if f.separators > 1 or has_url(text) or marked and (BULLET_RE.match(text) or QUOTE_RE.match(text)):
        return False
    n_letters = len(text) - len(_LETTERS_RE.sub("", text))
    if n_letters < 2 or len(text) - len(_DIGITS_RE.sub("", text)) > n_letters:
        return False  # numbers, dates, times, table cells
    if marked and _BRACKETED_RE.match(text) or _inner_sentence(text) or _table_row(text):
        return False
    if marked and _NOTE_START_RE.match(text):
        return False  # a footnote or reference entry
    numbered = numbering_rank(text) is not None
    if _LOWER_START_RE.match(_NUMBER_PREFIX_RE.sub("", text, count=1) if numbered else text):
        # A sentence's continuation or code, not a heading; after a number, a
        # lower-case item ("2) lower running costs") is a list's, not a section's.
        return False
    if f.case_shape in ("title", "upper", "caseless") or numbered:
        return True
    if _LABEL_PHRASE_RE.match(text):
        return True
    # A single capitalised word ("Conclusion") has the "sentence" shape.
    return f.case_shape == "sentence" and (rules.sentence_case_headings or f.n_words == 1)


# The first characters of the lines BULLET_RE, QUOTE_RE, _BRACKETED_RE and _NOTE_START_RE
# accept (a line's text is stripped, and the white space they skip is white space that
# str.strip removes: tests/plugins/test_sections_view.py checks both).
_MARKED_FIRST = frozenset("-*•◦▪‣–—+·●■□➢►✓✔>([（【^†‡")


def _table_row(text: str) -> bool:
    # Every match of _TABLE_RE holds two of these characters.
    return ("|" in text or "\t" in text or "│" in text or "┃" in text) and _TABLE_RE.search(text) is not None


PAIR_PARENT_MAX = 4
"""A heading directly followed by a sub-heading needs a strong shape, or at most this
many words: a label so short is a name, not a sentence, whatever its case."""


def _strong_shape(f: SectionLine) -> bool:
    """Title case, capitals, a caseless script, a number or a ``Label: Phrase``: the
    shapes that make a heading without body text of its own (a section's first line
    directly followed by its first sub-section)."""
    return (f.case_shape in ("title", "upper", "caseless") or numbering_rank(f.text) is not None
            or bool(_LABEL_PHRASE_RE.match(f.text)) or bool(_TAIL_MARK.match(f.text)))


def _cased_strong_shape(f: SectionLine) -> bool:
    """A strong shape that is evidence in itself: not merely caseless (in scripts
    without case every short line is "caseless", heading or list item alike)."""
    return f.case_shape != "caseless" and _strong_shape(f) or numbering_rank(f.text) is not None


def is_body(f: SectionLine, rules: HeadingRules) -> bool:
    """Body text: a line long enough to be a paragraph's sentence(s), or half as long
    when it is a whole sentence, a sentence introducing a list (``:``), or holds a
    sentence end and goes on (a paragraph wrapped over short lines)."""
    n = f.word_length
    return n >= rules.min_body_words or (n >= rules.min_body_words / 2 and (
        f.terminal or f.colon_end or _inner_sentence(f.text)))


MIN_LONG_LINES = 10
"""Long lines (``min_body_words`` or more) a text needs before the share of them ending
with sentence punctuation says anything about the text (fewer are chance)."""


def is_unpunctuated(feats: Sequence[SectionLine], rules: HeadingRules) -> bool:
    """Do the text's long lines mostly lack a final sentence mark?

    True when at least ``MIN_LONG_LINES`` lines hold ``min_body_words`` words or more and
    fewer than ``rules.unpunctuated_below`` of them end with sentence punctuation: release
    notes, weekly updates and lists of links, where a paragraph end is no evidence.
    """
    if rules.unpunctuated_below <= 0:
        return False
    n_long = n_terminal = 0
    for f in feats:
        if f.word_length >= rules.min_body_words:
            n_long += 1
            n_terminal += f.terminal
    return n_long >= MIN_LONG_LINES and n_terminal < rules.unpunctuated_below * n_long


def ends_paragraph(f: SectionLine, rules: HeadingRules) -> bool:
    """A line after which a heading may start: it ends a sentence (before any trailing
    reference marks such as ``[12]`` or ``[MP3]``), or has no words (code, rules).

    A long line counts when it holds a sentence end somewhere (prose followed by a
    credit or a link); a long line with no sentence punctuation at all is a list
    item more often than a paragraph, so it does not.
    """
    if f.terminal or f.n_words == 0 or _TERMINAL_BEFORE_REFS.match(f.text):
        return True
    return f.word_length > rules.max_heading_words and bool(_ANY_TERMINAL_RE.search(f.text))


def _opening(key: str) -> str:
    """The first two words of a comparison key with at least three words, else ""."""
    # (Up to the second space, without splitting off the rest of a long line.)
    second = key.find(" ", key.find(" ") + 1) if " " in key else -1
    return key[:second] if second > 0 else ""


def plain_headings(
    feats: Sequence[SectionLine],
    kinds: list[str | None],
    rules: HeadingRules,
) -> set[int]:
    """Indices (into ``feats``) of the non-blank lines that are plain-text headings.

    ``kinds`` holds the kind already decided for each line (title, byline, heading
    from markup, list_item, quote) or None; only undecided lines are judged. A
    heading may be directly followed by one more heading (a section and its first
    sub-section) when that one is followed by body text.
    """
    order = [i for i, f in enumerate(feats) if not f.blank and kinds[i] != "underline"]
    # Every heading found below is an undecided heading-shaped line: a text without one
    # (a short note, a page of prose) has none, and is spared the document-wide tables.
    shaped_lines = [i for i in order if kinds[i] is None and heading_shaped(feats[i], rules)]
    if not shaped_lines:
        return set()
    pos = {i: k for k, i in enumerate(order)}
    found: set[int] = set()

    def nxt(k: int) -> int | None:
        # The next non-blank line, skipping bylines ("By Jane Roe" under a heading)
        # and bracketed asides ("(Photo: ...)", "[Updated]").
        k += 1
        while k < len(order) and (kinds[order[k]] == "byline" or (
                kinds[order[k]] is None and _BRACKETED_RE.match(feats[order[k]].text))):
            k += 1
        return order[k] if k < len(order) else None

    keys = {i: feats[i].key for i in order}
    # How many different lines follow each line: a heading repeated with its section
    # (a duplicated article) counts once, a caption label before new text each time.
    contexts: dict[str, set[str]] = {}
    for k, i in enumerate(order):
        contexts.setdefault(keys[i], set()).add(keys[order[k + 1]] if k + 1 < len(order) else "")
    # Distinct lines opening with the same two words: "Learn more about X" under
    # every section is a template's link, not a heading.
    opening = {i: _opening(key) for i, key in keys.items()}
    openings: dict[str, set[str]] = {}
    for i, key in keys.items():
        if opening[i]:
            openings.setdefault(opening[i], set()).add(key)
    # A label repeated more often than a heading recurs ("Image", a photo credit,
    # "Learn more about ...") is a template's caption or link, not a section's title.
    templated = {i for i in order if len(contexts[keys[i]]) > rules.max_heading_repeats
                 or len(openings.get(opening[i], ())) > rules.max_heading_repeats}
    captions = caption_lines(feats, kinds, order, keys, contexts, rules.max_heading_repeats, rules.max_label_words)
    candidates = {i for i in shaped_lines if i not in templated and i not in captions}
    if not rules.heading_after_title:
        # The line right under the title (no byline or text between) is its subtitle,
        # or the real headline under a kicker ("Economy"): not a section heading.
        candidates = {i for i in candidates if not (pos[i] > 0 and kinds[order[pos[i] - 1]] == "title")}

    def shaped(i: int) -> bool:
        return i in candidates

    # Lines opening the pattern label, sub-label, text: a section template if repeated.
    template: list[int] = []
    # Where long lines mostly lack a sentence end (notes, changelogs, lists of
    # updates), the line before says nothing: a strong shape and body after decide.
    unpunctuated = is_unpunctuated(feats, rules)
    kept_in_runs: set[int] = set()
    for k, i in enumerate(order):
        if not shaped(i):
            continue
        prev = order[k - 1] if k > 0 else None
        if prev is not None and not (
            kinds[prev] in ("title", "byline", "heading", "list_item", "quote") or prev in found
            or (ends_paragraph(feats[prev], rules) and not feats[prev].colon_end)
            # A template's label or its caption closes the figure before the line.
            or (kinds[prev] is None and (prev in templated or prev in captions))
            # After a long line without a sentence end (a list item, a link), only a
            # strongly shaped heading: a sentence-case line there is the next item.
            or (feats[prev].word_length > rules.max_heading_words and _strong_shape(feats[i]))
            or (unpunctuated and _cased_strong_shape(feats[i]) and not feats[prev].colon_end)
        ):
            continue
        j = nxt(k)
        if j is None:
            continue
        if kinds[j] is None and continues_sentence(feats[j]):
            continue  # the first line of a hard-wrapped paragraph
        if kinds[j] is None and is_body(feats[j], rules):
            found.add(i)
            if unpunctuated and _cased_strong_shape(feats[i]):
                kept_in_runs.add(i)  # it heads text: not one more item of the list above
            continue
        if kinds[j] == "heading":
            found.add(i)
            continue
        if shaped(j):
            after = nxt(pos[j])
            if after is not None and kinds[after] is None and is_body(feats[after], rules):
                template.append(i)
                if _strong_shape(feats[i]) or feats[i].word_length <= PAIR_PARENT_MAX:
                    found.add(i)
    # A label + sub-label + text pattern the document repeats: all its labels are headings.
    found.update(template_labels(feats, template, rules.min_template_sections))
    # Three or more heading-shaped lines with no body between: a list or a menu.
    found.difference_update(list_runs(order, candidates) - kept_in_runs)
    # Weakly shaped terms each followed by one paragraph: a glossary or bold lead-ins.
    found.difference_update(definition_terms(
        order, kinds,
        is_term=lambda i: (i in candidates or i in found) and not _strong_shape(feats[i]),
        is_explanation=lambda i: i not in candidates and is_body(feats[i], rules),
        min_run=rules.min_definition_run,
    ))
    _add_marked(feats, kinds, order, found, rules)
    return found


def _add_marked(feats: Sequence[SectionLine], kinds: list[str | None], order: list[int],
                found: set[int], rules: HeadingRules) -> None:
    """Headings that carry the document's own heading mark, whatever their context.

    When at least ``MIN_MARKED_HEADINGS`` headings found from context end with the
    same mark (``[edit]``, ``¶``, ``#``), that mark is how this document writes a
    heading, and every other heading-shaped line ending with it is one too.
    Conversely, once marked headings are the majority of the headings found, a
    plain-text heading without the mark is an outlier among its siblings (an
    image caption, a credit): it is dropped. Markup headings are never dropped.
    """
    marks: dict[str, int] = {}
    for i in found:
        m = _TAIL_MARK_RE.search(feats[i].text)
        if m:
            marks[m.group().strip()] = marks.get(m.group().strip(), 0) + 1
    doc_marks = {mark for mark, n in marks.items() if n >= MIN_MARKED_HEADINGS}
    if not doc_marks:
        return
    for i in order:
        m = _TAIL_MARK_RE.search(feats[i].text)
        if m and m.group().strip() in doc_marks and kinds[i] is None and heading_shaped(feats[i], rules):
            found.add(i)
    marked = [i for i in found if _doc_mark(feats[i], doc_marks)]
    if len(marked) > MARKED_MAJORITY * len(found):
        found.difference_update([i for i in found if not _doc_mark(feats[i], doc_marks)])


def _doc_mark(f: SectionLine, doc_marks: set[str]) -> bool:
    m = _TAIL_MARK_RE.search(f.text)
    return m is not None and m.group().strip() in doc_marks
