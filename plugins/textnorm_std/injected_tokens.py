"""Remove tokens stuffed into the text and repair the words they broke."""

from __future__ import annotations

import attrs

import textnorm


@attrs.frozen
class InjectedTokensOptions:
    """Options of ``injected-tokens``."""


class InjectedTokens(textnorm.Normalizer):
    """Remove tokens stuffed into the text and repair the words they broke."""

    name = "injected-tokens"
    Options = InjectedTokensOptions

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        return textnorm.NOTHING


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(InjectedTokens)
