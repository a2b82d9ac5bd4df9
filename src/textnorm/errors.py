"""The error classes of textnorm.

:class:`TextnormError` is the one user-facing error: the command line prints its
message on one line, without a traceback, and exits non-zero. Anything else that
escapes is a bug and keeps its traceback.
"""

from __future__ import annotations


class TextnormError(Exception):
    """A problem the user can fix: bad config, missing file, undecodable input, plugin clash."""


class ConfigError(TextnormError):
    """A pipeline configuration that cannot be loaded (names the file, step and key)."""


class PluginError(TextnormError):
    """A plugin that cannot be loaded or that clashes with another (names entry point and distribution)."""


class InputError(TextnormError):
    """Input that cannot be read or decoded (names the file and, where known, the record or byte)."""


class ProposalError(TextnormError):
    """A normalizer proposed changes the core cannot apply (names the step and the document)."""
