"""Find the title, byline, headings and paragraphs of the text."""

from __future__ import annotations

import attrs

import textnorm


@attrs.frozen
class SectionsOptions:
    """Options of ``sections``."""


class Sections(textnorm.Normalizer):
    """Find the title, byline, headings and paragraphs of the text."""

    name = "sections"
    Options = SectionsOptions

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        return textnorm.NOTHING


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(Sections)
