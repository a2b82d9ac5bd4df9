"""The base class of every normalizer.

A normalizer is a small class: a registered ``name``, an attrs ``Options`` class,
an ``__init__`` that takes the validated options and prepares everything that does
not depend on the document (compiled patterns, tables), and a ``__call__`` that
looks at one :class:`~textnorm.model.Document` and returns a
:class:`~textnorm.proposal.Proposal`. It never changes the document itself.
"""

from __future__ import annotations

import abc
from typing import Any, ClassVar

import attrs
import regex

from .model import Document
from .proposal import Proposal

NAME_RE = regex.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")


@attrs.frozen
class NoOptions:
    """Options of a normalizer that has none."""


class Normalizer(abc.ABC):
    """Subclass this, set ``name`` (and ``Options``), and implement ``__call__``.

    Example::

        @attrs.frozen
        class ShoutOptions:
            min_length: int = 3

        class Unshout(Normalizer):
            \"\"\"Lower-case words written in capitals.\"\"\"
            name = "unshout"
            Options = ShoutOptions

            def __call__(self, doc):
                ...
                return Proposal(changes=[...])
    """

    name: ClassVar[str]
    """The name configs use (``use = "..."``): lower case, digits and hyphens."""

    Options: ClassVar[type[Any]] = NoOptions
    """An attrs class: its fields are the step's options, with defaults and validators."""

    def __init__(self, options: Any = None) -> None:
        self.options = self.Options() if options is None else options
        if not isinstance(self.options, self.Options):
            raise TypeError(f"{type(self).__name__} takes {self.Options.__name__}, "
                            f"not {type(self.options).__name__}")

    @classmethod
    def summary(cls) -> str:
        """The first line of the class docstring, for listings."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""

    @abc.abstractmethod
    def __call__(self, doc: Document) -> Proposal:
        """Look at ``doc`` and return the changes wanted (``textnorm.NOTHING`` for none)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.options!r})"


def check_normalizer_class(cls: Any) -> str | None:
    """Why ``cls`` cannot be registered as a normalizer, or None when it can."""
    if not isinstance(cls, type):
        return f"{cls!r} is not a class"
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not NAME_RE.fullmatch(name):
        return (f"{cls.__qualname__}.name must be a lower-case name such as 'my-step' "
                f"(letters, digits, '-'), not {name!r}")
    options = getattr(cls, "Options", None)
    if not (isinstance(options, type) and attrs.has(options)):
        return f"{cls.__qualname__}.Options must be an attrs class, not {options!r}"
    required = [f.name for f in attrs.fields(options) if f.init and f.default is attrs.NOTHING]
    if required:
        return (f"{cls.__qualname__}.Options: every option needs a default (a config may leave any out); "
                f"{', '.join(required)} has none")
    if not any("__call__" in vars(k) for k in cls.__mro__ if k is not object):
        return f"{cls.__qualname__} must define __call__(self, document)"
    abstract = getattr(cls, "__abstractmethods__", None)
    if abstract:
        return f"{cls.__qualname__} does not implement {sorted(abstract)}"
    return None
