"""The options of ``promo-lines`` (see docs/normalizers/promo-lines.md for the why of
each default), and the compiling of the user's patterns they hold."""

from __future__ import annotations

import attrs
import regex


def _unit_interval(instance: object, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, not {value!r}")


def _compile_all(patterns: tuple[str, ...], key: str) -> tuple[regex.Pattern[str], ...]:
    out = []
    for p in patterns:
        if not isinstance(p, str):
            raise ValueError(f"{key}: {p!r} is not a string")
        try:
            out.append(regex.compile(p, regex.IGNORECASE | regex.V1))
        except regex.error as e:
            raise ValueError(f"{key}: invalid pattern {p!r}: {e}") from None
    return tuple(out)


def _check_patterns(instance: object, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
    _compile_all(value, attribute.name)


@attrs.frozen
class PromoLinesOptions:
    """Options of ``promo-lines`` (see docs/normalizers/promo-lines.md for the why of each default)."""

    extra_patterns: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_check_patterns)
    """User regexes (``regex`` syntax, case-insensitive, searched in each stripped line):
    a matching line is removed."""
    allow: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_check_patterns)
    """User regexes: a line matching any of them is never removed."""
    pattern_timeout: float = attrs.field(default=0.5, validator=attrs.validators.gt(0))
    """Seconds one user pattern may spend on one line before the run stops with an error."""
    use_library: bool = True
    """Use the built-in multilingual pattern library."""
    max_pattern_chars: int = attrs.field(default=160, validator=attrs.validators.ge(1))
    """Longest line (in characters, so that scripts without spaces count alike) the
    pattern library looks at: a call to action with its teaser headline fits in two
    lines of a phone screen; a longer line is prose that mentions a newsletter."""
    min_sentence_words: int = attrs.field(default=6, validator=attrs.validators.ge(1))
    """A line with sentence punctuation and at least this many words is prose."""
    long_line_words: int = attrs.field(default=20, validator=attrs.validators.ge(1))
    """A line of at least this many words is prose even without end punctuation."""
    ellipsis_ends_sentence: bool = False
    """Whether a line ending in an ellipsis (``…``, ``...``) ends a sentence. By default
    it does not: such a line was cut off to fit a box (a teaser list, a shortened
    title) or trails away; it counts as prose only with ``long_line_words`` words."""
    short_line_cost: float = attrs.field(default=5.0, validator=attrs.validators.gt(0))
    """Weight, in words, a line that is not prose takes away from a content region
    (a heading between two paragraphs costs far less than the paragraphs bring)."""
    run_growth: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    """The k-th short line of an unbroken run costs ``min(k, run_growth)`` times
    ``short_line_cost``: one or two short lines are headings, a long run is a menu or a
    link list, which separates the article from teasers beyond it."""
    max_sentence_words: int = attrs.field(default=40, validator=attrs.validators.ge(1))
    """A prose line weighs its words, but at most this many per sentence it holds (long
    sentences rarely pass forty words; a longer stretch without any full stop is a list)."""
    keep_coherence: float = attrs.field(default=0.5, validator=_unit_interval)
    """A short line outside the main content that shares at least this share of its
    content words with it (a title, a heading) stays."""
    edge_keep_lines: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    """This many lines right before and after the main content stay (byline, dateline, sign-off)."""
    edge_min_coherence: float = attrs.field(default=0.25, validator=_unit_interval)
    """The content span ends in prose sharing at least this share (a quarter) of its
    content words with the densest run; less related prose at its ends (a notice
    to commenters, a list of names) is trimmed off and judged as outside."""
    min_trim_lines: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    """...but only when the densest run holds at least this many prose lines."""
    widen_needs_paragraphs: bool = True
    """The content span widens only to prose on the subject that stands next to other
    prose (a paragraph run, like the rest of an article after a code listing), never to
    a lone sentence among short lines (a teaser in a menu)."""
    dated_list_min: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    """A date shields a line outside the main content only while its shape (runs of
    digits, runs of letters, the punctuation between them) stands fewer than this many
    times there: an article prints its dateline once, a teaser list or an archive
    prints one dated line per item ("12 May 2019 at 10:55", "► 2015 (130)"). 0 turns
    the test off."""
    prose_min_coherence: float = attrs.field(default=0.1, validator=_unit_interval)
    """A prose line outside the main content stays unless it shares less than this with it."""
    headline_min_words: int = attrs.field(default=3, validator=attrs.validators.ge(1))
    """An unrelated headline has at least this many words (its count included): a
    two-word line ending in a number is a heading ("Chapter 7") as often as not."""
    headline_max_coherence: float = attrs.field(default=0.34, validator=_unit_interval)
    """...and shares at most this share (a third: the odd function word of four letters
    or more is shared by any two texts) of its content words with the main content and
    with the three lines after it (a heading shares more with the text it opens)."""
    count_max_coherence: float = attrs.field(default=0.5, validator=_unit_interval)
    """The same limit for a line that ends in a view count: with that evidence, a
    headline is removed unless at least half its content words belong to the content."""
    min_furniture_marks: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    """Lines outside the content are removed for their position only when at least this
    many lines there match the library (two independent marks of a rendered page, so
    that one stray "Search" does not condemn an index page or a long list)."""
    repeated_chrome: bool = True
    """A page template prints its furniture twice (header and footer, sidebar and end
    of page): a short line that stands twice or more outside the content counts as a
    page mark, and of a short line repeated verbatim, the copies outside the content go
    on such a page (the copy inside the content, or else the one nearest to it, stays:
    the text loses nothing, a title printed twice keeps one copy)."""
    pager_links: bool = True
    """After the main content, the line right after a pager label ("Next", "Précédent",
    "次へ") is that link's text, the title of another page ("Chapter 7 - ..."): page
    furniture, however well it matches the subject. Before the content the same shape
    is too often the title itself, so only lines after it go."""
    repeat_min_span_share: float = attrs.field(default=0.5, validator=_unit_interval)
    """...but only when the content span holds at least this share of the document's
    prose words: on an index page or a list of teasers no run of prose dominates, and
    its items legitimately repeat a label or a credit."""
    max_passes: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    """Decisions are repeated on the cleaned text until nothing changes (so that a
    second run proposes nothing), at most this many times."""
