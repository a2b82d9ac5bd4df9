"""``promo-lines``: remove lines that are not part of the document's content.

Calls to action ("Read more", "Subscribe to our newsletter"), ad and sponsor
marks, unrelated headlines with a view count, menus, link lists, social and cookie
banners and copyright footers. Two mechanisms work together:

1. a multilingual, typo-tolerant pattern library (:mod:`._promo_patterns`), plus
   the user's ``extra_patterns`` and ``allow`` list;
2. a content model (:mod:`._promo_model`): the main content is the densest run
   of prose; short lines outside it that do not share its vocabulary are page
   furniture, and a short headline-shaped line inside it with a trailing count or
   separators and no shared vocabulary is an unrelated teaser.

Headings stay: they share vocabulary with the text around them, and a short line
inside the content is only removed with a pattern or with headline evidence.
See docs/normalizers/promo-lines.md.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

import textnorm
from textnorm.text import LineFeatures, line_features

from ._promo_model import Vocabulary, content_units, main_region
from ._promo_patterns import WEAK_CATEGORIES, LibraryPattern, line_key, match_library

_CATEGORY_NAMES = {
    "cta": "call to action",
    "ad": "ad or sponsor mark",
    "social": "social-media link",
    "cookie": "cookie banner",
    "app": "app banner",
    "copyright": "copyright footer",
    "nav": "navigation link",
}
# A trailing count as view counters print it (7, 23, 1.2K), but not a year or a
# time or the day of a date: a dateline is content.
_COUNT_RE = regex.compile(r"(?<=\s)\d{1,3}(?:[.,]\d)?[KkMm]?\s*\Z")
_DATE_HINT_RE = regex.compile(r"\b(?:1[5-9]|20)\d\d\b|\d:\d\d|\d[./-]\d")
_INNER_SLASH_RE = regex.compile(r"(?<=\S)/(?=\S)")
# A list item of the text itself: a bullet or an enumerator opens the line. Menus
# rendered from a page carry no such marks; content lists do.
_LIST_MARK_RE = regex.compile(r"(?:[-+*•◦▪‣–—]|\(?(?:\d{1,3}|[a-z])[.)])\s")


class PatternTimeoutError(textnorm.TextnormError, TimeoutError):
    """A user pattern took longer than ``pattern_timeout`` on one line."""


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
    short_line_cost: float = attrs.field(default=5.0, validator=attrs.validators.gt(0))
    """Weight, in words, a line that is not prose takes away from a content region."""
    keep_coherence: float = attrs.field(default=0.5, validator=_unit_interval)
    """A short line outside the main content that shares at least this share of its
    content words with it (a title, a heading) stays."""
    edge_keep_lines: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    """This many lines right before and after the main content stay (byline, dateline, sign-off)."""
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
    max_passes: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    """Decisions are repeated on the cleaned text until nothing changes (so that a
    second run proposes nothing), at most this many times."""


@attrs.frozen(slots=True)
class _Verdict:
    index: int
    reason: str


class PromoLines(textnorm.Normalizer):
    """Remove promo, call-to-action and boilerplate lines (menus, related links, footers)."""

    name = "promo-lines"
    Options = PromoLinesOptions

    def __init__(self, options: PromoLinesOptions | None = None) -> None:
        super().__init__(options)
        self._extra = _compile_all(self.options.extra_patterns, "extra_patterns")
        self._allow = _compile_all(self.options.allow, "allow")

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        text = doc.text
        all_lines = line_features(text)
        alive = [f.index for f in all_lines]  # original line numbers still in the text
        verdicts: dict[int, str] = {}
        current = text
        feats = all_lines
        for _ in range(self.options.max_passes):
            found = self._decide(feats)
            if not found:
                break
            gone = set()
            for v in found:
                original = alive[v.index]
                verdicts[original] = v.reason
                gone.add(v.index)
            alive = [n for i, n in enumerate(alive) if i not in gone]
            current = _without_lines(current, feats, gone)
            feats = line_features(current)
        if not verdicts:
            return textnorm.NOTHING
        changes = []
        for n in sorted(verdicts):
            f = all_lines[n]
            end = all_lines[n + 1].start if n + 1 < len(all_lines) else f.end
            changes.append(textnorm.Change(f.start, end, verdicts[n]))
        return textnorm.Proposal(changes=changes)

    # --------------------------------------------------------------- one pass
    def _decide(self, feats: Sequence[LineFeatures]) -> list[_Verdict]:
        o = self.options
        lines = [f for f in feats if not f.blank]
        if not lines:
            return []
        prose = _prose_flags(lines, o.min_sentence_words, o.long_line_words)
        units = [content_units(f.text) for f in lines]
        introduced = _introduced(lines, prose)
        entries = [self._library(f) for f in lines]
        weights = [f.n_words if p else -o.short_line_cost for f, p in zip(lines, prose, strict=True)]
        region = main_region(weights)
        first, last = region if region else (len(lines), -1)
        vocab = Vocabulary(units[first:last + 1])
        if region is not None:
            first, last = self._content_span(prose, units, vocab, first, last)
        # Furniture is only cut by position when the page shows itself to be a page:
        # at least `min_furniture_marks` library matches (menus' "Log in", "Search",
        # social links, a copyright line) outside the content span.
        marks = sum(1 for i, e in enumerate(entries) if e is not None and not first <= i <= last)
        by_position = region is not None and marks >= o.min_furniture_marks

        out = []
        for i, f in enumerate(lines):
            if self._allowed(f.text):
                continue
            coherence = vocab.coherence(units[i], own=region is not None and region[0] <= i <= region[1])
            reason = self._pattern_reason(f, entries[i], prose[i], coherence)
            if reason is None and region is not None and i > 0:  # line 0 is the title's place
                reason = self._headline_reason(lines, prose, units, i, coherence)
            # An item of a list its lead-in line announces ("More about:") is not
            # furniture for its position.
            if reason is None and by_position and not introduced[i] and not first <= i <= last:
                reason = self._outside_reason(f, entries[i], prose[i], coherence, i, first, last)
            if reason is not None:
                out.append(_Verdict(f.index, reason))
        return out

    def _content_span(self, prose: Sequence[bool], units: Sequence[set[str]], vocab: Vocabulary,
                      first: int, last: int) -> tuple[int, int]:
        """Prose outside the densest run that is on the same subject is content too (an
        article interrupted by a long code listing or table): the content span reaches
        out to it, and only what lies beyond is page furniture."""
        keep = self.options.keep_coherence
        for i in range(first):
            if prose[i] and (vocab.coherence(units[i], own=False) or 0.0) >= keep:
                first = i
                break
        for i in range(len(prose) - 1, last, -1):
            if prose[i] and (vocab.coherence(units[i], own=False) or 0.0) >= keep:
                last = i
                break
        return first, last

    def _library(self, f: LineFeatures) -> LibraryPattern | None:
        if not self.options.use_library or f.n_chars > self.options.max_pattern_chars:
            return None
        return _library_entry(f.text)

    def _allowed(self, text: str) -> bool:
        return any(self._search(p, text) for p in self._allow)

    def _search(self, pattern: regex.Pattern[str], text: str) -> bool:
        try:
            return pattern.search(text, timeout=self.options.pattern_timeout) is not None
        except TimeoutError:
            raise PatternTimeoutError(
                f"step {self.name!r}: pattern {pattern.pattern!r} took longer than "
                f"{self.options.pattern_timeout} s on a line of {len(text)} characters"
            ) from None

    # --------------------------------------------------------------- evidence
    def _pattern_reason(self, f: LineFeatures, entry: LibraryPattern | None, prose: bool,
                        coherence: float | None) -> str | None:
        for p in self._extra:
            if self._search(p, f.text):
                return f"matches user pattern {p.pattern!r}"
        if entry is None or entry.category in WEAK_CATEGORIES:
            return None
        on_subject = coherence is not None and coherence >= self.options.keep_coherence
        if on_subject and (prose or (entry.shape == "prefix" and entry.category != "copyright")):
            # A sentence on the subject that happens to hold the phrase, or a pointer
            # to a related article ("see also: <the same subject>"): content.
            return None
        shown = "" if coherence is None else f", coherence {coherence:.2f}"
        return f"{_CATEGORY_NAMES[entry.category]}: matches library pattern {entry.label}{shown}"

    def _headline_reason(self, lines: Sequence[LineFeatures], prose: Sequence[bool],
                         units: Sequence[set[str]], i: int, coherence: float | None) -> str | None:
        """An unrelated headline or crumb inside the content: headline-shaped, with a
        view count or separators, sharing (almost) nothing with the content."""
        o = self.options
        f = lines[i]
        if prose[i] or f.terminal or f.n_words < o.headline_min_words or coherence is None:
            return None
        if _DATE_HINT_RE.search(f.text):
            return None  # a dateline or a credit with a year is content
        count = bool(_COUNT_RE.search(f.text))
        # French and German quotes (« », » «) are not separators, nor is a slash
        # inside a word ("Reuters/Getty", "and/or"): a crumb trail spaces its marks.
        separators = (f.separators - min(f.text.count("«"), f.text.count("»"))
                      - len(_INNER_SLASH_RE.findall(f.text)))
        # A view count is strong evidence on its own; one separator is not (a heading
        # or a list item may hold a dash), a crumb trail has two or more, and the line
        # must then share less with the content.
        limit = o.count_max_coherence if count else o.headline_max_coherence
        if not (count or separators >= 2) or coherence > limit:
            return None
        # A heading shares vocabulary with what follows it.
        follow = Vocabulary(units[i + 1:i + 4]).coherence(units[i], own=False)
        if follow is not None and follow > limit:
            return None
        signals = ", ".join(s for s, on in (("trailing count", count), (f"{separators} separators", separators >= 2)) if on)
        return f"unrelated headline: {signals}, coherence {coherence:.2f} with the main content"

    def _outside_reason(self, f: LineFeatures, entry: LibraryPattern | None, prose: bool,
                        coherence: float | None, i: int, first: int, last: int) -> str | None:
        """A line before or after the main content: page furniture unless it belongs."""
        o = self.options
        where = "before" if i < first else "after"
        if entry is not None:  # a navigation word or social link, next to the content or not
            return f"{_CATEGORY_NAMES[entry.category]} {where} the main content: matches library pattern {entry.label}"
        distance = first - i if i < first else i - last
        if distance <= o.edge_keep_lines or _LIST_MARK_RE.match(f.text):
            return None
        shown = "none" if coherence is None else f"{coherence:.2f}"
        if prose:
            if coherence is not None and coherence < o.prose_min_coherence:
                return f"unrelated text {where} the main content, coherence {shown}"
            return None
        if coherence is not None and coherence >= o.keep_coherence:
            return None
        return f"boilerplate {where} the main content (short line, coherence {shown})"


def _introduced(lines: Sequence[LineFeatures], prose: Sequence[bool]) -> list[bool]:
    """Which lines belong to a list that a lead-in line ending in a colon opens: the
    short lines after it, up to a blank line or the next prose."""
    flags = []
    on = False
    for k, f in enumerate(lines):
        prev = lines[k - 1] if k else None
        if prev is None or prev.index + 1 != f.index or prose[k]:
            on = False
        if prev is not None and prev.index + 1 == f.index and prev.colon_end:
            on = not prose[k]
        flags.append(on)
    return flags


def _prose_flags(lines: Sequence[LineFeatures], min_sentence_words: int, long_line_words: int) -> list[bool]:
    """Which lines are prose. A hard-wrapped sentence runs over several lines (a line
    without end punctuation followed by one that opens in lower case): the lines of
    such a run are judged together, as the sentence they make."""
    flags = []
    start = 0
    for k, f in enumerate(lines):
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        ends = f.terminal or f.colon_end  # a sentence, or one that introduces a list or quote
        if not ends and nxt[:1].islower():
            continue
        run = lines[start:k + 1]
        n_words = sum(g.n_words for g in run)
        ok = (ends and n_words >= min_sentence_words) or n_words >= long_line_words
        flags.extend([ok] * len(run))
        start = k + 1
    return flags


@functools.lru_cache(maxsize=4096)
def _library_entry(text: str) -> LibraryPattern | None:
    # Cached: the passes of one document, and the pages of one site, repeat their lines.
    return match_library(line_key(text))


def _without_lines(text: str, feats: Sequence[LineFeatures], gone: set[int]) -> str:
    """``text`` with the lines numbered in ``gone`` removed, each with its line break,
    exactly as the proposal will remove them."""
    parts = []
    pos = 0
    for n in sorted(gone):
        f = feats[n]
        end = feats[n + 1].start if n + 1 < len(feats) else f.end
        parts.append(text[pos:f.start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(PromoLines)
