"""textnorm: clean noisy plain text and say exactly what was removed and why.

Quick use::

    import textnorm
    doc = textnorm.normalize(noisy_text)
    doc.text          # the cleaned text
    doc.edits         # every removal and repair, with its step, original span and reason

The core runs a configurable chain of normalizers found through plugins (see
:mod:`textnorm.hookspecs`); it imports none of them itself.
"""

from __future__ import annotations

from .apply import apply_proposal
from .config import PipelineConfig, StepSpec
from .errors import ConfigError, InputError, PluginError, ProposalError, TextnormError
from .hookspecs import hookimpl, hookspec
from .model import Block, Document, Edit, Metadata
from .normalizer import NoOptions, Normalizer
from .pipeline import Pipeline, Step, normalize
from .proposal import NOTHING, Change, Proposal
from .registry import NormalizerInfo, Registry

__version__ = "0.1.0"

__all__ = [
    "NOTHING",
    "Block",
    "Change",
    "ConfigError",
    "Document",
    "Edit",
    "InputError",
    "Metadata",
    "NoOptions",
    "Normalizer",
    "NormalizerInfo",
    "Pipeline",
    "PipelineConfig",
    "PluginError",
    "Proposal",
    "ProposalError",
    "Registry",
    "Step",
    "StepSpec",
    "TextnormError",
    "__version__",
    "apply_proposal",
    "hookimpl",
    "hookspec",
    "normalize",
]
