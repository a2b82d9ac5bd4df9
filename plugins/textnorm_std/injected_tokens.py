"""Remove tokens stuffed into the text and repair the words they broke.

Spam, SEO injection and watermarking put one token (a word or a short phrase, any
script) at many places where natural text puts no word: before the final full stop
of a sentence that was already complete, with a space before that full stop, glued
after a sentence's end, or inside a word. The token is not known in advance: each
document is its own evidence. See docs/normalizers/injected-tokens.md.
"""

from __future__ import annotations

import attrs

import textnorm
from textnorm.text import nfkc_casefold

from ._injected_detect import DetectConfig, detect
from ._injected_repair import changes_for

_positive = attrs.validators.gt(0)


def _share(instance: object, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{attribute.name} must be in (0, 1], not {value!r}")


def _tokens(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)  # type: ignore[arg-type]


def _nonblank(instance: object, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
    for v in value:
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"{attribute.name} must hold non-empty strings, not {v!r}")


@attrs.frozen
class InjectedTokensOptions:
    """Options of ``injected-tokens`` (the docs explain each default)."""

    min_anomalous: int = attrs.field(default=3, validator=[attrs.validators.instance_of(int), _positive])
    """A token needs at least this many occurrences in anomalous positions."""

    min_strong: int = attrs.field(default=2, validator=[attrs.validators.instance_of(int), _positive])
    """...of which this many in odd positions (space before a full stop, glued after a
    sentence end, a one-word sentence after a sentence, a confirmed split word),
    independent ones (a different preceding word or a different kind)."""

    min_kinds: int = attrs.field(default=2, validator=[attrs.validators.instance_of(int), _positive])
    """...in at least this many different kinds of odd position."""

    min_share: float = attrs.field(default=0.5, validator=_share)
    """...and at least this share of all its occurrences anomalous."""

    max_p: float = attrs.field(default=1e-3, validator=_share)
    """...and so many of them at sentence ends improbable (binomial test) at the rate the
    document's other words end sentences."""

    max_phrase_words: int = attrs.field(default=3, validator=[attrs.validators.instance_of(int), _positive])
    """Longest injected phrase considered, in words (each CJK character is a word)."""

    min_token_chars: int = attrs.field(default=2, validator=[attrs.validators.instance_of(int), _positive])
    """Shortest token considered, in characters ("a.m." must not make "m" a suspect)."""

    phrase_ratio: float = attrs.field(default=0.8, validator=_share)
    """A phrase wins over its last word when it covers this share of the word's anomalous occurrences."""

    plain_min_anomalous: int = attrs.field(default=5, validator=[attrs.validators.instance_of(int), _positive])
    """Plain route (no odd position needed): a capitalised token needs this many
    sentence-final occurrences, after different, mostly lower-case words..."""

    plain_min_share: float = attrs.field(default=0.8, validator=_share)
    """...this share of all its occurrences at sentence ends..."""

    plain_max_p: float = attrs.field(default=1e-6, validator=_share)
    """...and that concentration at sentence ends this improbable (binomial test)."""

    known_tokens: tuple[str, ...] = attrs.field(default=(), converter=_tokens, validator=_nonblank)
    """Tokens known to be injected (any case): one anomalous occurrence is enough for them.
    They add to detection; natural occurrences of them stay."""


class InjectedTokens(textnorm.Normalizer):
    """Remove tokens stuffed into the text and repair the words they broke."""

    name = "injected-tokens"
    Options = InjectedTokensOptions

    def __init__(self, options: InjectedTokensOptions | None = None) -> None:
        super().__init__(options)
        o = self.options
        self._config = DetectConfig(
            min_anomalous=o.min_anomalous,
            min_strong=o.min_strong,
            min_kinds=o.min_kinds,
            min_share=o.min_share,
            max_p=o.max_p,
            max_words=o.max_phrase_words,
            min_token_chars=o.min_token_chars,
            phrase_ratio=o.phrase_ratio,
            known=frozenset(nfkc_casefold(t.strip()) for t in o.known_tokens),
            plain_min_anomalous=o.plain_min_anomalous,
            plain_min_share=o.plain_min_share,
            plain_max_p=o.plain_max_p,
        )

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        found = detect(doc.text, self._config)
        if not found.tokens:
            return textnorm.NOTHING
        changes = changes_for(doc.text, found)
        if not changes:
            return textnorm.NOTHING
        return textnorm.Proposal(changes=changes, flags=("injected-tokens",))


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(InjectedTokens)
