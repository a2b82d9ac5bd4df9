"""Helpers for testing normalizers: run one, check its properties, generate clean text.

Plugin authors use these in their own tests::

    from textnorm.testing import run_normalizer, assert_idempotent, assert_unchanged

    def test_redacts():
        doc = run_normalizer(RedactEmails, "Write to ann@example.org today.")
        assert doc.text == "Write to [email] today."

    def test_idempotent():
        assert_idempotent(RedactEmails(), "Write to ann@example.org today.")

Everything runs a normalizer exactly as the pipeline does: the normalizer proposes,
:func:`textnorm.apply_proposal` applies the proposal and logs the edits, so a test
sees the same :class:`~textnorm.Document` (text, edits with original spans, blocks,
metadata) as a user of ``textnorm clean`` would.

The module is also a pytest plugin: ``pytest_plugins = ["textnorm.testing"]`` in a
test module (or your root ``conftest.py``) provides the :func:`isolated_registry`
fixture. The hypothesis strategies (:func:`sentences`, :func:`paragraphs`,
:func:`articles`) import hypothesis only when called, so this module needs neither
pytest nor hypothesis to import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .model import Document
from .pipeline import Pipeline, Step
from .registry import Registry
from .text import word_spans, words

__all__ = [
    "SCRIPTS",
    "articles",
    "assert_edits_map_to_original",
    "assert_idempotent",
    "assert_never_adds_words",
    "assert_unchanged",
    "isolated_registry",
    "make_normalizer",
    "paragraphs",
    "run_normalizer",
    "sentences",
]


# -- running ---------------------------------------------------------------------------------

def make_normalizer(normalizer_or_cls: Any, **options: Any) -> Any:
    """An instance of a normalizer.

    ``normalizer_or_cls`` is a normalizer class (instantiated with
    ``cls.Options(**options)``, so the options' validators run) or a ready instance
    (then no ``options`` may be given).

    Raises:
        TypeError: options given together with an instance.
    """
    if isinstance(normalizer_or_cls, type):
        if options:
            options_cls: Any = getattr(normalizer_or_cls, "Options")  # noqa: B009 - a plain `type` to mypy
            return normalizer_or_cls(options_cls(**options))
        return normalizer_or_cls()
    if options:
        raise TypeError("options can only be given with a normalizer class, not with an instance "
                        f"({normalizer_or_cls!r} already has its options)")
    return normalizer_or_cls


def run_normalizer(normalizer_or_cls: Any, text: str | Document, *, step: str | None = None,
                   **options: Any) -> Document:
    """Run one normalizer on ``text`` and return the resulting :class:`~textnorm.Document`.

    The proposal is applied by the core (:meth:`textnorm.Pipeline.run_step`), so
    the result has the edit log and offset map a pipeline would give it.

    Args:
        normalizer_or_cls: a normalizer class or instance (see :func:`make_normalizer`).
        text: a string (wrapped with :meth:`Document.from_text`) or a Document, for
            example the output of an earlier step.
        step: the step name the edits are logged under; the normalizer's ``name`` by default.
        **options: option values, when a class is given.

    Raises:
        textnorm.ProposalError: the proposal cannot be applied (changes overlap or
            reach past the text).
    """
    normalizer = make_normalizer(normalizer_or_cls, **options)
    doc = Document.from_text(text) if isinstance(text, str) else text
    name = step or getattr(normalizer, "name", None) or type(normalizer).__name__
    return Pipeline.run_step(Step(name, normalizer, getattr(normalizer, "name", None)), doc)


def _describe_edits(doc: Document, first: int = 0, limit: int = 5) -> str:
    shown = [f"  {e.kind} {e.start}-{e.end} {e.removed!r} -> {e.inserted!r}: {e.reason}"
             for e in doc.edits[first:first + limit]]
    more = len(doc.edits) - first - limit
    if more > 0:
        shown.append(f"  ... and {more} more")
    return "\n".join(shown)


# -- property checks --------------------------------------------------------------------------

def assert_unchanged(normalizer: Any, text: str | Document) -> Document:
    """Assert that the normalizer changes nothing in ``text`` (no edits, same text).

    Use it with clean text: a normalizer must leave text that has none of the
    noise it looks for alone. Blocks and metadata may still be proposed.
    Returns the resulting document.
    """
    before = Document.from_text(text) if isinstance(text, str) else text
    doc = run_normalizer(normalizer, before)
    new = len(doc.edits) - len(before.edits)
    assert doc.text == before.text and new == 0, (
        f"{_name(normalizer)} changed text that should be left alone ({new} edits):\n"
        f"{_describe_edits(doc, len(before.edits))}")
    return doc


def assert_idempotent(normalizer: Any, text: str | Document) -> Document:
    """Assert that running the normalizer again on its own output proposes no change.

    A normalizer that removes noise must not find more noise in what it left
    (otherwise a chain would depend on how often it runs). Returns the document
    after the first run.
    """
    once = run_normalizer(normalizer, text)
    twice = run_normalizer(normalizer, once)
    new = len(twice.edits) - len(once.edits)
    assert new == 0 and twice.text == once.text, (
        f"{_name(normalizer)} is not idempotent: a second run made {new} more edits:\n"
        f"{_describe_edits(twice, len(once.edits))}")
    return once


def assert_never_adds_words(normalizer: Any, text: str | Document, *, allow: Iterable[str] = ()) -> Document:
    """Assert that every word of the output was already a word of the input.

    The words of the output must be a sub-multiset of the words of the input
    (:func:`textnorm.text.words`, compared exactly). Exceptions:

    - words that overlap an edit of kind ``"repair"`` (a word rejoined after
      something was removed from its middle is new as a string, and declared so);
    - the words listed in ``allow`` (for example the words of a placeholder).

    Removing text between two words so that they run together, without marking
    the change as a repair, is what this check catches. Returns the resulting document.
    """
    before = Document.from_text(text) if isinstance(text, str) else text
    doc = run_normalizer(normalizer, before)
    repairs = [(e.start, e.end) for e in doc.edits[len(before.edits):] if e.kind == "repair"]
    allowed = set(allow)
    out: Counter[str] = Counter()
    for w in word_spans(doc.text):
        if w.text in allowed:
            continue
        o_start, o_end = doc.original_span(w.start, w.end)
        if any(o_start <= r_start and r_end <= o_end or (o_start < r_end and r_start < o_end)
               for r_start, r_end in repairs):
            continue
        out[w.text] += 1
    extra = out - Counter(words(before.text))
    assert not extra, (f"{_name(normalizer)} added words not in its input: "
                       f"{sorted(extra.elements())[:20]}\n{_describe_edits(doc, len(before.edits))}")
    return doc


def assert_edits_map_to_original(doc: Document) -> None:
    """Assert that the edit log of ``doc`` points exactly into its original input.

    Every edit's span lies inside ``doc.original`` and has a non-empty reason; and
    every edit of kind ``"remove"`` or ``"replace"`` whose removed text came from
    the input (its span does not touch the span of an earlier edit that inserted
    text) satisfies ``doc.original[e.start:e.end] == e.removed``.
    """
    n = len(doc.original)
    inserted_spans: list[tuple[int, int]] = []
    for i, e in enumerate(doc.edits):
        assert 0 <= e.start <= e.end <= n, (
            f"edit {i} ({e.step}) span {e.start}-{e.end} is outside the original (length {n})")
        assert e.reason.strip(), f"edit {i} ({e.step}) at {e.start}-{e.end} has no reason"
        touches_inserted = any(s <= e.end and e.start <= t for s, t in inserted_spans)
        if e.kind in ("remove", "replace") and not touches_inserted:
            assert doc.original[e.start:e.end] == e.removed, (
                f"edit {i} ({e.step}, {e.kind}) says it removed {e.removed!r} at {e.start}-{e.end}, "
                f"but the original holds {doc.original[e.start:e.end]!r} there")
        if e.inserted:
            inserted_spans.append((e.start, e.end))


def _name(normalizer: Any) -> str:
    return getattr(normalizer, "name", None) or getattr(normalizer, "__name__", None) or repr(normalizer)


# -- hypothesis strategies --------------------------------------------------------------------

# Invented syllables per script: the text they make looks like prose (words recur,
# sentences have case and punctuation) but belongs to no language and no document.
SCRIPTS: dict[str, tuple[str, ...]] = {
    "latin": ("ka", "lo", "mi", "ter", "san", "vel", "dor", "nu", "pra", "es", "ti", "ban", "ro", "gel", "fi"),
    "latin-accented": ("é", "rà", "lün", "ço", "mé", "vîl", "sø", "ñá", "tò", "ber", "gå", "dé", "lis", "mor"),
    "cyrillic": ("ка", "ло", "мир", "тов", "са", "не", "дру", "пе", "ви", "ста", "го", "ры", "зна", "ль"),
    "greek": ("κα", "λο", "μη", "τερ", "σα", "νο", "πρα", "ει", "τι", "βα", "ρο", "γε", "φι", "δα"),
    "arabic": ("كا", "لو", "مي", "تر", "سا", "ني", "بر", "دو", "فا", "قي", "ها", "ول", "را", "جم"),
    "devanagari": ("का", "लो", "मी", "तर", "सा", "नी", "प्र", "दे", "वि", "रा", "गु", "भा", "स्त", "मन"),
    "han": ("山", "水", "人", "日", "月", "国", "学", "年", "大", "中", "生", "时", "文", "言", "行", "家"),
}
"""The scripts :func:`sentences` writes in, each with the syllables its words are made of."""

_TERMINAL = {"latin": ".", "latin-accented": ".", "cyrillic": ".", "greek": ".", "arabic": ".",
             "devanagari": "।", "han": "。"}
_SPACED = {name: name != "han" for name in SCRIPTS}


def _script_names(script: str | Iterable[str] | None) -> list[str]:
    if script is None:
        return sorted(SCRIPTS)
    names = [script] if isinstance(script, str) else list(script)
    for s in names:
        if s not in SCRIPTS:
            raise ValueError(f"unknown script {s!r} (valid: {', '.join(sorted(SCRIPTS))})")
    return names


def _sentence_in(script: str) -> Any:
    from hypothesis import strategies as st

    syllables = SCRIPTS[script]
    if not _SPACED[script]:
        # Characters may not repeat within a sentence: even shrunk examples stay prose-like
        # instead of one character over and over.
        body = st.lists(st.sampled_from(syllables), min_size=4, max_size=14, unique=True).map("".join)
        return body.map(lambda s: s + _TERMINAL[script])
    word = st.lists(st.sampled_from(syllables), min_size=1, max_size=4).map("".join)

    def build(ws: list[str]) -> str:
        ws = [ws[0][:1].upper() + ws[0][1:]] + ws[1:]
        return " ".join(ws) + _TERMINAL[script]

    # Distinct words within a sentence, as in real prose (and so that hypothesis's
    # shrinking cannot turn a sentence into one word repeated, which looks like noise).
    return st.lists(word, min_size=3, max_size=14, unique=True).map(build)


def sentences(script: str | Iterable[str] | None = None) -> Any:
    """A hypothesis strategy for one clean sentence.

    The sentence is made of 3 to 14 distinct invented words in one script
    (``script``: a name of :data:`SCRIPTS`, several names, or None for any), starts
    with a capital where the script has case, and ends with the script's full stop.
    Han sentences are 4 to 14 distinct characters with no spaces, as in Chinese or
    Japanese text.
    """
    from hypothesis import strategies as st

    return st.sampled_from(_script_names(script)).flatmap(_sentence_in)


def _paragraph_in(script: str, min_sentences: int, max_sentences: int) -> Any:
    from hypothesis import strategies as st

    sep = " " if _SPACED[script] else ""
    return st.lists(_sentence_in(script), min_size=min_sentences, max_size=max_sentences).map(sep.join)


def paragraphs(script: str | Iterable[str] | None = None, *, min_sentences: int = 1,
               max_sentences: int = 5) -> Any:
    """A hypothesis strategy for one clean paragraph: sentences of one script on one line."""
    from hypothesis import strategies as st

    return st.sampled_from(_script_names(script)).flatmap(
        lambda s: _paragraph_in(s, min_sentences, max_sentences))


def articles(script: str | Iterable[str] | None = None, *, min_paragraphs: int = 2,
             max_paragraphs: int = 6, title: bool | None = None) -> Any:
    """A hypothesis strategy for a clean multi-paragraph article in one script.

    An optional title line (``title=None`` draws whether there is one) is followed
    by paragraphs separated by one blank line; the text ends with a line break.
    Nothing in it repeats a whole line, and nothing is noise, so a normalizer that
    removes noise should leave it unchanged (see :func:`assert_unchanged`).
    Paragraphs are distinct: sentences are drawn freely, and a paragraph that
    happens to equal an earlier one is dropped.
    """
    from hypothesis import strategies as st

    def in_script(s: str) -> Any:
        heading = st.lists(st.sampled_from(SCRIPTS[s]), min_size=2, max_size=6).map(
            lambda parts: ("".join(parts) if not _SPACED[s] else " ".join(parts)).capitalize())
        has_title = st.booleans() if title is None else st.just(title)
        body = st.lists(_paragraph_in(s, 2, 5), min_size=min_paragraphs, max_size=max_paragraphs,
                        unique=True)
        return st.tuples(has_title, heading, body).map(
            lambda t: "\n\n".join(([t[1]] if t[0] else []) + t[2]) + "\n")

    return st.sampled_from(_script_names(script)).flatmap(in_script)


# -- pytest fixture -----------------------------------------------------------------------------

_pytest: Any
try:
    import pytest as _pytest
except ImportError:  # pragma: no cover - only without pytest installed
    _pytest = None

if _pytest is not None:

    @_pytest.fixture
    def isolated_registry() -> Registry:
        """A :class:`~textnorm.Registry` that loaded no entry points.

        Register exactly what a test needs with ``register_normalizer`` or
        ``register_plugin``, so installed plugins never change the result::

            def test_from_config(isolated_registry):
                isolated_registry.register_normalizer(RedactEmails)
                pipeline = Pipeline.from_dict({"step": [{"use": "redact-emails"}]},
                                              registry=isolated_registry)
        """
        return Registry(entry_points=False)
else:  # pragma: no cover
    def isolated_registry() -> Registry:  # type: ignore[misc]
        """A :class:`~textnorm.Registry` that loaded no entry points (pytest is not installed)."""
        return Registry(entry_points=False)
