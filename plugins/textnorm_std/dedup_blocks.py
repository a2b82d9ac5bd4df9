"""Remove content repeated within one document."""

from __future__ import annotations

import attrs

import textnorm


@attrs.frozen
class DedupBlocksOptions:
    """Options of ``dedup-blocks``."""


class DedupBlocks(textnorm.Normalizer):
    """Remove content repeated within one document."""

    name = "dedup-blocks"
    Options = DedupBlocksOptions

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        return textnorm.NOTHING


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(DedupBlocks)
