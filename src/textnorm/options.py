"""Validating a step's options from config values into its attrs ``Options`` class.

Types come from the field annotations, so a plugin author only annotates and adds
validators for values (ranges, choices); this module checks the types, turns TOML
arrays into tuples, and turns every failure into one :class:`ConfigError` line.
"""

from __future__ import annotations

import collections.abc
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from .errors import ConfigError
from .registry import suggest

_SCALARS: dict[type, str] = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}


def option_fields(options_cls: type) -> dict[str, attrs.Attribute]:
    """The configurable fields of an options class, by name (``init=False`` ones left out)."""
    attrs.resolve_types(options_cls)
    return {f.name: f for f in attrs.fields(options_cls) if f.init}


def option_defaults(options_cls: type) -> dict[str, Any]:
    """The default value of each option (``attrs.NOTHING`` for a required one)."""
    out = {}
    for name, f in option_fields(options_cls).items():
        default: Any = f.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = attrs.NOTHING if default.takes_self else default.factory()
        out[name] = default
    return out


def type_name(tp: Any) -> str:
    """A short readable name of an annotation, for listings and errors."""
    if tp is None or tp is type(None):
        return "none"
    if isinstance(tp, type) and not typing.get_args(tp):
        return tp.__name__
    return str(tp).replace("typing.", "")


def build_options(options_cls: type, values: Mapping[str, Any], *, where: str) -> Any:
    """An ``options_cls`` instance from config ``values``.

    ``where`` says where the values came from (file and step) and starts every
    error message.

    Raises:
        ConfigError: an unknown key (with the closest valid one), a value of the
            wrong type, or a value the class's own validators refuse.
    """
    fields = option_fields(options_cls)
    kwargs = {}
    for key, value in values.items():
        field = fields.get(key)
        if field is None:
            raise ConfigError(f"{where}: unknown option {key!r}{suggest(key, fields)}")
        kwargs[key] = _convert(value, field.type, f"{where}: option {key!r}")
    try:
        return options_cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {_validator_message(exc)}") from exc


def _validator_message(exc: Exception) -> str:
    # attrs' built-in validators pass (message, attribute, ...) as args.
    if exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


def _convert(value: Any, tp: Any, what: str) -> Any:
    """Check ``value`` against annotation ``tp``; TOML arrays become tuples/lists as annotated."""
    if tp is None or tp is Any:
        return value
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        for alt in args:
            try:
                return _convert(value, alt, what)
            except ConfigError:
                continue
        raise ConfigError(f"{what} must be {_expected(tp)}, not {_show(value)}")
    if tp is type(None):
        if value is None:
            return None
        raise ConfigError(f"{what} must be none, not {_show(value)}")
    if origin is typing.Literal:
        if value in args:
            return value
        raise ConfigError(f"{what} must be one of {', '.join(repr(a) for a in args)}, not {_show(value)}")
    if origin in (tuple, list, frozenset, set, typing.Sequence, collections.abc.Sequence):
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{what} must be {_expected(tp)}, not {_show(value)}")
        item_tp = args[0] if args else Any
        items = [_convert(v, item_tp, f"{what} item {i}") for i, v in enumerate(value)]
        return list(items) if origin is list else frozenset(items) if origin in (frozenset, set) else tuple(items)
    if origin in (dict, typing.Mapping, collections.abc.Mapping):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{what} must be a table, not {_show(value)}")
        vt = args[1] if len(args) == 2 else Any
        return {str(k): _convert(v, vt, f"{what}[{k!r}]") for k, v in value.items()}
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(tp, type):
        if isinstance(value, tp):
            return value
    else:
        return value  # an annotation we cannot check; the class's validators still run
    raise ConfigError(f"{what} must be {_expected(tp)}, not {_show(value)}")


def _expected(tp: Any) -> str:
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_expected(a) for a in typing.get_args(tp))
    if tp is type(None):
        return "none"
    if origin is not None and origin not in (typing.Literal,):
        args = typing.get_args(tp)
        if origin in (dict, typing.Mapping):
            return "a table"
        return f"a list of {_expected(args[0]).removeprefix('a ').removeprefix('an ')}s" if args else "a list"
    return type_name(tp)


def _show(value: Any) -> str:
    kind = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list",
            dict: "table"}.get(type(value), type(value).__name__)
    return f"{kind} {value!r}"
