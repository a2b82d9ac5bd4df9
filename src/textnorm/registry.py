"""Plugin discovery: which normalizers exist, and where each came from.

The :class:`Registry` wraps a pluggy ``PluginManager``. It loads the modules named
in the ``textnorm`` entry-point group (optionally only those of some distributions,
never blocked ones), accepts plugins from user code without any packaging, and
collects the normalizer classes every plugin registers through the
``textnorm_register_normalizers`` hook.
"""

from __future__ import annotations

import difflib
import importlib.metadata as md
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .errors import PluginError
from .normalizer import check_normalizer_class

ENTRY_POINT_GROUP = "textnorm"
LOCAL = "<local>"
"""The distribution name shown for plugins registered from user code."""


@attrs.frozen
class NormalizerInfo:
    """A registered normalizer class and its origin."""

    name: str
    cls: type[Any]
    plugin: str
    distribution: str
    version: str | None

    @property
    def origin(self) -> str:
        """``distribution version`` (or ``<local>`` for code registered at run time)."""
        return self.distribution if self.version is None else f"{self.distribution} {self.version}"


@attrs.frozen
class _PluginOrigin:
    distribution: str
    version: str | None
    entry_point: str | None


class Registry:
    """The plugins and normalizers one pipeline can use.

    Args:
        only: load entry points only from these distributions (names compared
            case- and ``-``/``_``-insensitively). None loads every distribution.
        block: plugin names (entry-point names) not to load, like pytest's
            ``-p no:NAME``. Blocking one also refuses it from :meth:`register_plugin`.
        entry_points: load the ``textnorm`` entry-point group (default True).
            False gives an empty registry for hermetic tests.
    """

    def __init__(self, *, only: Iterable[str] | None = None, block: Iterable[str] = (),
                 entry_points: bool = True) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._origins: dict[str, _PluginOrigin] = {}
        self._normalizers: dict[str, NormalizerInfo] | None = None
        self.only = None if only is None else frozenset(_canon(d) for d in only)
        self.blocked = frozenset(block)
        for name in self.blocked:
            self._pm.set_blocked(name)
        if entry_points:
            self._load_entry_points()

    @property
    def hook(self) -> Any:
        """The pluggy hook relay (``registry.hook.textnorm_document_done(...)``)."""
        return self._pm.hook

    def _load_entry_points(self) -> None:
        seen: dict[str, _PluginOrigin] = {}
        for ep in sorted(md.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
            dist = ep.dist.name if ep.dist is not None else "<unknown>"
            version = ep.dist.version if ep.dist is not None else None
            if self.only is not None and _canon(dist) not in self.only:
                continue
            if ep.name in self.blocked:
                continue
            if ep.name in seen:
                other = seen[ep.name]
                if other.distribution == dist:
                    continue  # the same distribution seen twice on sys.path
                raise PluginError(
                    f"two plugins are named {ep.name!r}: entry point {ep.value!r} of distribution "
                    f"{dist!r} and entry point {other.entry_point!r} of distribution "
                    f"{other.distribution!r}; uninstall one or block it with --block {ep.name}")
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(f"plugin {ep.name!r} (entry point {ep.value!r} of distribution "
                                  f"{dist!r}) failed to import: {type(exc).__name__}: {exc}") from exc
            origin = _PluginOrigin(dist, version, ep.value)
            seen[ep.name] = origin
            self._register(plugin, ep.name, origin)

    def register_plugin(self, plugin: Any, name: str | None = None) -> None:
        """Register a plugin object (a module or an instance with hook implementations) from
        user code; no packaging needed. Its normalizers show ``<local>`` as their origin."""
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        if name in self.blocked:
            return
        self._register(plugin, name, _PluginOrigin(LOCAL, None, None))

    def register_normalizer(self, cls: type[Any], name: str | None = None) -> None:
        """Register one normalizer class from user code (a shortcut for a one-class plugin)."""
        problem = check_normalizer_class(cls)
        if problem:
            raise PluginError(f"cannot register {cls!r}: {problem}")

        class _OneClass:
            @hookspecs.hookimpl
            def textnorm_register_normalizers(self, register: Any) -> None:
                register(cls)

        self.register_plugin(_OneClass(), name or f"{LOCAL}:{cls.name}")

    def _register(self, plugin: Any, name: str, origin: _PluginOrigin) -> None:
        if self._pm.has_plugin(name) or self._pm.get_plugin(name) is not None:
            raise PluginError(f"a plugin named {name!r} is already registered")
        try:
            self._pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r} ({_describe(origin)}) is not valid: {exc}") from exc
        self._origins[name] = origin
        self._normalizers = None

    @property
    def plugins(self) -> Mapping[str, Any]:
        """Registered plugin objects by name."""
        return {name: p for name, p in self._pm.list_name_plugin() if p is not None}

    def normalizers(self) -> Mapping[str, NormalizerInfo]:
        """Every registered normalizer by name, collected once and cached.

        Raises:
            PluginError: a class is not a valid normalizer, or two plugins register the
                same normalizer name (the message names both distributions).
        """
        if self._normalizers is None:
            self._normalizers = self._collect()
        return self._normalizers

    def _collect(self) -> dict[str, NormalizerInfo]:
        found: dict[str, NormalizerInfo] = {}
        for impl in self._pm.hook.textnorm_register_normalizers.get_hookimpls():
            plugin_name = impl.plugin_name
            origin = self._origins.get(plugin_name, _PluginOrigin(LOCAL, None, None))

            def register(cls: type[Any], _plugin: str = plugin_name, _origin: _PluginOrigin = origin) -> None:
                problem = check_normalizer_class(cls)
                if problem:
                    raise PluginError(f"plugin {_plugin!r} ({_describe(_origin)}) registered an invalid "
                                      f"normalizer: {problem}")
                info = NormalizerInfo(cls.name, cls, _plugin, _origin.distribution, _origin.version)
                other = found.get(cls.name)
                if other is not None and other.cls is not cls:
                    raise PluginError(
                        f"two plugins register a normalizer named {cls.name!r}: plugin {other.plugin!r} "
                        f"of distribution {other.distribution!r} and plugin {_plugin!r} of distribution "
                        f"{_origin.distribution!r}; block one (--block NAME) or uninstall it")
                found[cls.name] = info

            impl.function(register=register)
        return dict(sorted(found.items()))

    def get(self, name: str) -> NormalizerInfo:
        """The normalizer registered as ``name``.

        Raises:
            PluginError: no such normalizer; the message lists the known ones and
                suggests the closest.
        """
        known = self.normalizers()
        if name in known:
            return known[name]
        raise PluginError(f"unknown normalizer {name!r}{suggest(name, known)}")


def suggest(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'? (valid: a, b, c)"`` for error messages."""
    choices = sorted(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    valid = ", ".join(choices) if choices else "none"
    return f"{hint} (valid: {valid})"


def _canon(dist: str) -> str:
    return dist.lower().replace("_", "-").replace(".", "-")


def _describe(origin: _PluginOrigin) -> str:
    if origin.entry_point is None:
        return "registered from code"
    return f"entry point {origin.entry_point!r} of distribution {origin.distribution!r}"
