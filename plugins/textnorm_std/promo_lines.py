"""Remove promo, call-to-action and boilerplate lines."""

from __future__ import annotations

import attrs

import textnorm


@attrs.frozen
class PromoLinesOptions:
    """Options of ``promo-lines``."""


class PromoLines(textnorm.Normalizer):
    """Remove promo, call-to-action and boilerplate lines."""

    name = "promo-lines"
    Options = PromoLinesOptions

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        return textnorm.NOTHING


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(PromoLines)
