"""Document-level evidence for ``sections``: what a line is, judged by the lines like it.

``plain_headings`` judges each line by its shape and its neighbours. Some structures
only show across the document, in how several lines repeat one pattern:

* **definition runs**: term lines each followed by one paragraph (its explanation),
  one after the other. A glossary or a run of bold lead-ins ("Task gating" + what it
  is), not sections: the terms are not headings. A term counts whether or not its
  own neighbours made it a heading (a term after a line ending in ``:`` is no
  heading by itself, but still a term of the run), and the run's last term may
  own more than one paragraph (the explanation goes on until the next section).
* **captions**: a short label that precedes more than ``max_heading_repeats``
  different lines ("Photo", "Image", "(Artist: X)" before each picture's credit or
  text) is a figure template; the line each one introduces is its caption or
  credit ("CreditJane Roe/Agency"), never a heading, however it is shaped. Like
  the label, the caption closes what came before it: the line after a figure may
  open a section (a kicker over a headline on a front page).
* **section templates**: a label, a heading-shaped sub-label (a work's name and
  data, a place, a date) and then the text, repeated. Once the document shows the
  pattern ``min_template_sections`` times, its labels all agreeing in case, each
  label is a heading, however long, as the first ones found already were.

Each reads the lines in order once and keeps lists or sets, so the cost stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from ._sections_view import SectionLine


def caption_lines(
    feats: Sequence[SectionLine],
    kinds: Sequence[str | None],
    order: Sequence[int],
    keys: Mapping[int, str],
    contexts: Mapping[str, Collection[str]],
    max_repeats: int,
    max_label_words: int,
) -> set[int]:
    """The lines (indices) that a figure template's label introduces: its captions.

    A label is a line with words, at most ``max_label_words`` of them, whose comparison
    key (``keys``) precedes more than ``max_repeats`` different lines (``contexts``: key
    -> keys of the lines after it). The undecided line right after each of its
    occurrences is a caption or a credit.
    """
    out: set[int] = set()
    for k in range(len(order) - 1):
        i, nxt = order[k], order[k + 1]
        if kinds[nxt] is None and keys[i] and len(contexts[keys[i]]) > max_repeats \
                and feats[i].word_length <= max_label_words:
            out.add(nxt)
    return out


def definition_terms(
    order: Sequence[int],
    kinds: Sequence[str | None],
    is_term: Callable[[int], bool],
    is_explanation: Callable[[int], bool],
    min_run: int,
) -> set[int]:
    """The term lines (indices) of runs of at least ``min_run`` term-and-explanation pairs.

    ``order`` lists the non-blank lines; a pair is a line for which ``is_term`` holds
    directly followed by one for which ``is_explanation`` holds; pairs follow each
    other with nothing between. Only undecided lines (``kinds`` None) take part:
    markup headings, list items and bylines end a run.
    """
    out: set[int] = set()
    run: list[int] = []
    p = 0
    while p < len(order):
        i = order[p]
        if kinds[i] is None and is_term(i) and p + 1 < len(order) and kinds[order[p + 1]] is None \
                and is_explanation(order[p + 1]):
            run.append(i)
            p += 2
            continue
        if len(run) >= min_run:
            out.update(run)
        run = []
        p += 1
    if len(run) >= min_run:
        out.update(run)
    return out


def template_labels(feats: Sequence[SectionLine], labels: Collection[int], min_sections: int) -> set[int]:
    """The labels of a section template, when the document repeats it.

    ``labels`` are the lines that open the pattern label, sub-label, text (in a
    heading's context). When there are at least ``min_sections`` of them and all
    share one case shape (sibling headings are written alike: a mix is a caption
    here, a credit there), they are all headings; otherwise none is added.
    """
    if len(labels) < min_sections or len({feats[i].case_shape for i in labels}) != 1:
        return set()
    return set(labels)
