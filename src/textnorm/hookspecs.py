"""The hook specifications of textnorm: the contract between the core and plugins.

A plugin is a module (or any object) with functions marked ``@textnorm.hookimpl``
whose names match the hooks below. Hooks *register*; they never process text. The
pipeline calls the configured normalizers itself, in the configured order, so
pluggy's call order never decides the chain.

These docstrings are the reference for plugin authors; ``docs/reference/hooks.md``
renders them, and a test fails when a hook is missing from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .model import Document

PROJECT_NAME = "textnorm"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def textnorm_register_normalizers(register: Callable[[type[Any]], None]) -> None:
    """Register normalizer classes by calling ``register(cls)`` once per class.

    Each class is a :class:`textnorm.Normalizer` subclass (or quacks like one): a
    class attribute ``name`` (lower case, digits and hyphens; the name configs use
    in ``use = "..."``), a class attribute ``Options`` (an attrs class whose fields
    are the step's options, with defaults and validators), an ``__init__(options)``
    and a ``__call__(document) -> Proposal``.

    Two classes registered under one name, by any plugins, are an error that names
    both distributions. Registering does not create instances: the pipeline does,
    once per configured step, with the options validated from the config.

    Example::

        @textnorm.hookimpl
        def textnorm_register_normalizers(register):
            register(MyNormalizer)
    """


@hookspec
def textnorm_document_done(document: Document, pipeline: Any) -> None:
    """Observe a document after the whole pipeline ran on it.

    Called once per document, in input order, with the final
    :class:`textnorm.Document` (its ``edits`` tell what every step removed) and the
    :class:`textnorm.Pipeline` that produced it. Use it for statistics, logging or
    sampling. The return value is ignored; an implementation must not rely on
    being called for documents that failed, and must not change anything.
    """
