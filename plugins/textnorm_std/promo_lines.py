"""``promo-lines``: remove lines that are not part of the document's content.

Calls to action ("Read more", "Subscribe to our newsletter"), ad and sponsor
marks, unrelated headlines with a view count, menus, link lists, social and cookie
banners and copyright footers. Two mechanisms work together:

1. a multilingual, typo-tolerant pattern library (:mod:`._promo_patterns`, matched
   by :mod:`._promo_match`), plus
   the user's ``extra_patterns`` and ``allow`` list;
2. a content model (:mod:`._promo_model`, with the content units and coherence of
   :mod:`._promo_units`, on the lines as :mod:`._promo_view` reads them): the main
   content is the densest run of prose; short lines outside it that do not share its
   vocabulary are page furniture, and a short headline-shaped line inside it with a
   trailing count or separators and no shared vocabulary is an unrelated teaser; a
   short line printed twice or more outside the content keeps only its copy nearest
   to it.

Headings stay: they share vocabulary with the text around them, and a short line
inside the content is only removed with a pattern or with headline evidence.
See docs/normalizers/promo-lines.md.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

import attrs
import regex

import textnorm

from ._promo_match import match_library
from ._promo_model import lead_ins, line_weights, main_region, prose_flags, repeated_outside
from ._promo_options import PromoLinesOptions, _compile_all
from ._promo_patterns import WEAK_CATEGORIES, LibraryPattern, line_key
from ._promo_units import LineUnits, Unit, Vocabulary, line_units
from ._promo_view import PromoLine, read_lines

_CATEGORY_NAMES = {
    "cta": "call to action",
    "ad": "ad or sponsor mark",
    "social": "social-media link",
    "cookie": "cookie banner",
    "app": "app banner",
    "copyright": "copyright footer",
    "nav": "navigation link",
    "pager": "pager link",
    "box": "teaser-box heading",
}
# A trailing count as view counters print it (7, 23, 1.2K), but not a year or a
# time or the day of a date: a dateline is content.
_COUNT_RE = regex.compile(r"(?<=\s)\d{1,3}(?:[.,]\d)?[KkMm]?\s*\Z")
_DATE_HINT_RE = regex.compile(r"\b(?:1[5-9]|20)\d\d\b|\d:\d\d|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
# The shape of a dated line: each run of digits one "0", each run of letters one "a",
# spaces collapsed, other marks kept ("1 mars 2019 à 15:20" and "28 May 2019 at 20:36"
# are both "0 a 0 a 0:0"); items of one list share it, in any language.
_DIGITS_RE = regex.compile(r"\d+")
_LETTERS_RE = regex.compile(r"[^\W\d_]+")
_SPACES_RE = regex.compile(r"\s+")
_NUMBER_RE = regex.compile(r"(?<!\w)[\d.,]*\d(?!\w)")
_SPACED_SEPARATOR_RE = regex.compile(r"(?<=\s)[|»›·•→/>](?=\s)|\s[-–—]\s")
# A list item of the text itself: a bullet or an enumerator opens the line. Menus
# rendered from a page carry no such marks; content lists do.
_LIST_MARK_RE = regex.compile(r"(?:[-+*•◦▪‣–—]|\(?(?:\d{1,3}|[a-z])[.)])\s")


class PatternTimeoutError(textnorm.TextnormError, TimeoutError):
    """A user pattern took longer than ``pattern_timeout`` on one line."""


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
        # The word count and content units of each distinct line text, kept for the later
        # passes (which see the same lines) and for repeated lines: local to this call.
        memo: dict[str, tuple[int, LineUnits, int | None]] = {}
        # One object per distinct unit of the document. Once the lines are read, the units
        # are shared, and the table that holds every unit of the document is where each
        # pass counts the main content's units (see Vocabulary): a second table of them
        # would weigh as much again.
        counts: Counter[Unit] = Counter()
        all_lines = read_lines(text, memo, counts)  # type: ignore[arg-type]
        verdicts: dict[int, str] = {}
        # Removing a line takes its break with it and leaves every other line as it was,
        # so a later pass sees the same lines, fewer of them: it keeps them (each a
        # function of its line alone) and only renumbers them. A bare "\r" break is the
        # exception: with the line after it gone, it can meet a "\n" and the two become
        # one break, so such a text is read again after each pass.
        reread = "\r" in text
        alive = [f.index for f in all_lines]  # (reread) original line numbers still in the text
        current = text
        feats = all_lines  # the lines of the current text, in order
        words_of: dict[str, float] = {}  # the weight of each prose line text
        keys_of: dict[str, str] = {}  # and the comparison key of each short line text
        for _ in range(self.options.max_passes):
            found = self._decide(feats, words_of, keys_of, counts)
            if not found:
                break
            gone = set()
            for v in found:
                verdicts[alive[v.index] if reread else feats[v.index].index] = v.reason
                gone.add(v.index)
            if reread:
                alive = [n for i, n in enumerate(alive) if i not in gone]
                current = _without_lines(current, feats, gone)
                feats = read_lines(current, memo)
            else:
                feats = [f for i, f in enumerate(feats) if i not in gone]
        if not verdicts:
            return textnorm.NOTHING
        changes = []
        for n in sorted(verdicts):
            f = all_lines[n]
            end = all_lines[n + 1].start if n + 1 < len(all_lines) else f.end
            changes.append(textnorm.Change(f.start, end, verdicts[n]))
        return textnorm.Proposal(changes=changes)

    # --------------------------------------------------------------- one pass
    def _decide(self, feats: Sequence[PromoLine], words_of: dict[str, float], keys_of: dict[str, str],
                counts: dict[Unit, int]) -> list[_Verdict]:
        o = self.options
        # A line's number in the current text is its position in ``feats`` (the
        # features' own ``index`` is its number in the text of the first pass).
        numbers = [k for k, f in enumerate(feats) if not f.blank]
        lines = [feats[k] for k in numbers]
        if not lines:
            return []
        prose = prose_flags(lines, o.min_sentence_words, o.long_line_words, o.ellipsis_ends_sentence)
        units: list[LineUnits] = [f.units for f in lines]  # (a line that is not blank has them)
        leads = lead_ins(lines, prose, numbers)
        if o.use_library:  # (lines longer than max_pattern_chars are prose: not matched)
            widest = o.max_pattern_chars
            entries = [None if len(f.text) > widest else _library_entry(f.text) for f in lines]
        else:
            entries = [None] * len(lines)
        weights = line_weights(lines, prose, short_line_cost=o.short_line_cost, run_growth=o.run_growth,
                               max_sentence_words=o.max_sentence_words, memo=words_of)
        region = main_region(weights)
        first, last = region if region else (len(lines), -1)
        vocab = Vocabulary(units[first:last + 1], counts)
        if region is not None:
            first, last = self._content_span(prose, units, vocab, first, last)
        # Furniture is only cut by position when the page shows itself to be a page:
        # at least `min_furniture_marks` library matches (menus' "Log in", "Search",
        # social links, a copyright line) outside the content span.
        marks = sum(1 for i, e in enumerate(entries) if e is not None and not first <= i <= last)
        by_position = region is not None and marks >= o.min_furniture_marks
        kept_copy: dict[int, int] = {}
        if o.repeated_chrome and region is not None:
            prose_words = sum(f.n_words for f, p in zip(lines, prose, strict=True) if p)
            inside = sum(lines[i].n_words for i in range(first, last + 1) if prose[i])
            n_prose = sum(1 for i in range(first, last + 1) if prose[i])
            if inside >= o.repeat_min_span_share * prose_words and n_prose >= o.min_trim_lines:
                kept_copy = repeated_outside(lines, prose, first, last, o.headline_min_words, keys_of)

        dated = self._dated_lines(lines, first, last) if by_position else {}
        out = []
        # Without user patterns, a line inside the content span that matches no library
        # entry and is no headline candidate (prose, a sentence, a short label, the first
        # line) meets no rule below: most lines, passed over at once.
        plain = not (self._extra or self._allow)
        min_words = o.headline_min_words
        for i, f in enumerate(lines):
            if (plain and first <= i <= last and entries[i] is None
                    and (prose[i] or f.terminal or f.n_words < min_words or i == 0)):
                continue
            if self._allowed(f.text):
                continue
            own = region is not None and region[0] <= i <= region[1]
            # The line's coherence, worked out only where a rule reads it (most lines,
            # prose inside the content without a library match, need none).
            coherence: float | None = None
            known = False
            entry = entries[i]
            if entry is not None and entry.shape == "prefix":
                # Judge "Also read: <teaser>" by its teaser: the prefix's own words
                # ("read", "also") say nothing about the subject.
                teaser = line_units(entry.teaser(line_key(f.text)))
                reason = self._pattern_reason(f, entry, prose[i], vocab.coherence(teaser, own=own))
            else:
                if entry is not None and entry.category not in WEAK_CATEGORIES:
                    coherence, known = vocab.coherence(units[i], own=own), True
                reason = self._pattern_reason(f, entry, prose[i], coherence)
            # Line 0 is the title's place; prose, a sentence and a short label are no
            # headline (the first test of _headline_reason, made here). The evidence (a
            # view count, a crumb trail) next: most short lines have none, and then need
            # no coherence for it.
            if (reason is None and region is not None and i > 0
                    and not (prose[i] or f.terminal or f.n_words < o.headline_min_words)):
                signals = _headline_signals(f)
                if signals is not None:
                    if not known:
                        coherence, known = vocab.coherence(units[i], own=own), True
                    reason = self._headline_reason(lines, prose, units, i, coherence, signals)
            # An item of a list that a lead-in of the content announces ("More about:")
            # is not furniture for its position.
            lead = leads[i]
            listed = lead is not None and first - o.edge_keep_lines <= lead <= last + o.edge_keep_lines
            if reason is None and not first <= i <= last and i in kept_copy:
                where = "before" if i < first else "after"
                reason = (f"repeated page furniture {where} the main content: "
                          f"the same line stands at line {numbers[kept_copy[i]] + 1} (kept copy)")
            if (reason is None and o.pager_links and region is not None and i > last
                    and not prose[i] and entries[i - 1] is not None and entries[i - 1].category == "pager"):
                reason = (f"pager link after the main content: the title of the page that "
                          f"{lines[i - 1].text!r} at line {numbers[i - 1] + 1} leads to")
            if reason is None and by_position and not listed and not first <= i <= last:
                if not known:
                    coherence, known = vocab.coherence(units[i], own=own), True
                reason = self._outside_reason(f, entries[i], prose[i], coherence, i, first, last,
                                              dated.get(i))
            if reason is not None:
                out.append(_Verdict(numbers[i], reason))
        return out

    @staticmethod
    def _dated_lines(lines: Sequence[PromoLine], first: int, last: int) -> dict[int, int]:
        """Lines outside ``[first, last]`` with a date, each with the number of those
        lines that have its shape: the items of a dated list (teasers, an archive) share
        one, the article's own dateline, which a page prints once, does not. One pass;
        only lines with a date are reshaped."""
        shapes: dict[str, list[int]] = {}
        for i, f in enumerate(lines):
            if not first <= i <= last and _DATE_HINT_RE.search(f.text):
                shape = _SPACES_RE.sub(" ", _LETTERS_RE.sub("a", _DIGITS_RE.sub("0", f.text)))
                shapes.setdefault(shape, []).append(i)
        return {i: len(found) for found in shapes.values() for i in found}

    def _content_span(self, prose: Sequence[bool], units: Sequence[LineUnits], vocab: Vocabulary,
                      first: int, last: int) -> tuple[int, int]:
        """The content span: the densest run, trimmed to prose on the subject at both
        ends, then reaching out to prose on the same subject beyond it (an article
        interrupted by a long code listing or table). What lies outside is furniture."""
        keep = self.options.keep_coherence
        region = range(first, last + 1)  # the lines ``vocab`` was counted over
        # The densest run may end in prose of another subject (a long list of
        # commenters' names, a legal notice) that its sheer length pulled in: trim
        # the run's ends back to prose on the subject.
        low = self.options.edge_min_coherence

        def on_subject(i: int) -> bool:
            return prose[i] and (vocab.coherence(units[i], own=True) or 0.0) >= low

        # A run of a few prose lines has too small a vocabulary to judge its own
        # lines by: only trim one that holds enough sentences to say what it is about.
        if sum(prose[i] for i in region) >= self.options.min_trim_lines:
            while first < last and not on_subject(first):
                first += 1
            while last > first and not on_subject(last):
                last -= 1
        n = len(prose)

        def anchors(i: int) -> bool:
            # Prose on the subject, and (with ``widen_needs_paragraphs``) not a lone
            # sentence among short lines: a teaser question in a menu shares common
            # words with any text of its language, a paragraph run is the text's own.
            if not prose[i] or (vocab.coherence(units[i], own=i in region) or 0.0) < keep:
                return False
            if not self.options.widen_needs_paragraphs:
                return True
            return (i > 0 and prose[i - 1]) or (i + 1 < n and prose[i + 1])

        for i in range(first):
            if anchors(i):
                first = i
                break
        for i in range(n - 1, last, -1):
            if anchors(i):
                last = i
                break
        return first, last

    def _allowed(self, text: str) -> bool:
        return bool(self._allow) and any(self._search(p, text) for p in self._allow)

    def _search(self, pattern: regex.Pattern[str], text: str) -> bool:
        try:
            return pattern.search(text, timeout=self.options.pattern_timeout) is not None
        except TimeoutError:
            raise PatternTimeoutError(
                f"step {self.name!r}: pattern {pattern.pattern!r} took longer than "
                f"{self.options.pattern_timeout} s on a line of {len(text)} characters"
            ) from None

    # --------------------------------------------------------------- evidence
    def _pattern_reason(self, f: PromoLine, entry: LibraryPattern | None, prose: bool,
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

    def _headline_reason(self, lines: Sequence[PromoLine], prose: Sequence[bool],
                         units: Sequence[LineUnits], i: int, coherence: float | None,
                         signals: tuple[bool, int]) -> str | None:
        """An unrelated headline or crumb inside the content: headline-shaped, with a
        view count or separators (``signals``, see :func:`_headline_signals`), sharing
        (almost) nothing with the content."""
        o = self.options
        f = lines[i]
        if prose[i] or f.terminal or f.n_words < o.headline_min_words or coherence is None:
            return None
        count, separators = signals
        # A view count is strong evidence on its own; one separator is not (a heading
        # or a list item may hold a dash), a crumb trail has two or more, and the line
        # must then share less with the content.
        limit = o.count_max_coherence if count else o.headline_max_coherence
        if coherence > limit:
            return None
        # A heading shares vocabulary with what follows it.
        follow = Vocabulary(units[i + 1:i + 4]).coherence(units[i], own=False)
        if follow is not None and follow > limit:
            return None
        signals = ", ".join(s for s, on in (("trailing count", count), (f"{separators} separators", separators >= 2)) if on)
        return f"unrelated headline: {signals}, coherence {coherence:.2f} with the main content"

    def _outside_reason(self, f: PromoLine, entry: LibraryPattern | None, prose: bool,
                        coherence: float | None, i: int, first: int, last: int,
                        dated: int | None) -> str | None:
        """A line before or after the main content: page furniture unless it belongs.
        ``dated``: None when the line holds no date, else how many lines outside the
        content (itself included) have its shape (see :meth:`_dated_lines`)."""
        o = self.options
        where = "before" if i < first else "after"
        if entry is not None:  # a navigation word or social link, next to the content or not
            return f"{_CATEGORY_NAMES[entry.category]} {where} the main content: matches library pattern {entry.label}"
        distance = first - i if i < first else i - last
        if distance <= o.edge_keep_lines or _LIST_MARK_RE.match(f.text):
            return None  # next to the content, or a list item
        in_list = dated is not None and 0 < o.dated_list_min <= dated
        if dated is not None and not in_list:
            return None  # a dateline (but not an item of a dated list)
        shown = "none" if coherence is None else f"{coherence:.2f}"
        if in_list:
            shown += f"; one of {dated} dated lines of the same shape"
        if prose:
            if coherence is not None and coherence < o.prose_min_coherence:
                return f"unrelated text {where} the main content, coherence {shown}"
            return None
        if coherence is not None and coherence >= o.keep_coherence:
            return None
        return f"boilerplate {where} the main content (short line, coherence {shown})"


@functools.lru_cache(maxsize=4096)
def _library_entry(text: str) -> LibraryPattern | None:
    # Cached: the passes of one document, and the pages of one site, repeat their lines.
    return match_library(line_key(text))


def _headline_signals(f: PromoLine) -> tuple[bool, int] | None:
    """A headline's evidence in a short line: whether it ends in a view count, and how
    many crumb separators it holds; None without a count and with fewer than two
    separators, or with a year, time or date (a dateline or a credit is content)."""
    if _DATE_HINT_RE.search(f.text):
        return None
    # A headline is words with a count after them; a line of figures (a table row,
    # coordinates) ending in one is data.
    count = bool(_COUNT_RE.search(f.text)) and 3 * len(_NUMBER_RE.findall(f.text)) <= f.n_words
    # Of the separator marks the line features count, a crumb trail spaces its own
    # ("News › World"); a slash in "and/or", markup's "</div>" and French quotes (« »)
    # are not crumbs.
    separators = 0
    if f.separators >= 2:
        separators = (len(_SPACED_SEPARATOR_RE.findall(f.text))
                      - min(f.text.count("«"), f.text.count("»")))
    if not (count or separators >= 2):
        return None
    return count, separators


def _without_lines(text: str, feats: Sequence[PromoLine], gone: set[int]) -> str:
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
