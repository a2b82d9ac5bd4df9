"""Lines shaped like headings that the text around them shows to be something else.

``plain_headings`` finds a heading from its shape and its neighbours; these checks
look one step wider, at what a heading never does:

* start a paragraph whose next line continues its sentence (a lower-case word: the
  text was hard-wrapped, the "heading" is the paragraph's first line);
* come in a run of three or more heading-shaped lines with no body between them
  (a menu, a list of questions, a list of names): a section and its first
  sub-section make two such lines, never three.

Each check reads only the line and its neighbours, so the cost stays linear.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import regex

from ._sections_view import SectionLine

# A line that opens with a lower-case word goes on with a sentence begun above.
LOWER_START_RE = regex.compile(r"^[^\p{L}\p{N}]*\p{Ll}+(?:\s|$)")

MIN_LIST_RUN = 3
"""Heading-shaped lines in a row (no body between) that make a list rather than
headings: a heading and its first sub-heading make two; a third with no text between
is a menu, a list of questions or of names."""


def continues_sentence(nxt: SectionLine) -> bool:
    """The line after a candidate opens with a lower-case word: the candidate is the
    first line of a hard-wrapped paragraph, not a heading (caseless scripts never
    match)."""
    return bool(LOWER_START_RE.match(nxt.text))


def list_runs(order: Sequence[int], shaped: Collection[int], min_run: int = MIN_LIST_RUN) -> set[int]:
    """The lines (indices) in runs of at least ``min_run`` consecutive heading-shaped
    lines of ``order``."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*order, None]:
        if i is not None and i in shaped:
            run.append(i)
            continue
        if len(run) >= min_run:
            out.update(run)
        run = []
    return out
