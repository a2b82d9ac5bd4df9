"""Pipeline configuration: an ordered list of steps, from TOML, a dict or the embedded default.

A config looks like::

    [[step]]
    use = "dedup-blocks"        # a registered normalizer
    min_words = 5               # ...that normalizer's options

    [[step]]
    use = "promo-lines"
    name = "promo-strict"       # optional instance name, used in edits and stats

Everything is validated when the config is loaded, never at the first document:
every error names the file, the step (index and name), the key and the valid choices.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .errors import ConfigError, PluginError
from .model import to_tuple
from .options import build_options, option_defaults, option_fields, type_name
from .registry import Registry, suggest

DEFAULT_CONFIG_NAME = "default.toml"
_STEP_KEYS = ("use", "name")
_TOP_KEYS = ("pipeline", "step")
_PIPELINE_KEYS = ("rounds",)


@attrs.frozen
class StepSpec:
    """One configured step: which normalizer, under which name, with which options."""

    use: str
    name: str
    options: Any
    index: int = 1
    """1-based position in the config, for messages."""


@attrs.frozen
class PipelineConfig:
    """A validated pipeline configuration.

    Build it with :meth:`from_toml`, :meth:`from_toml_string`, :meth:`from_dict` or
    :meth:`default`; each validates every step against ``registry``.
    """

    steps: tuple[StepSpec, ...] = attrs.field(converter=to_tuple)
    source: str = "<config>"
    rounds: int = 3
    """At most this many passes through the chain (``[pipeline] rounds``); see :class:`textnorm.Pipeline`."""

    @classmethod
    def from_toml(cls, path: str | Path, registry: Registry) -> PipelineConfig:
        """Load and validate the TOML file at ``path``."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{path}: config file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        return cls.from_toml_string(text, registry, source=str(path))

    @classmethod
    def from_toml_string(cls, text: str, registry: Registry, *, source: str = "<string>") -> PipelineConfig:
        """Parse and validate TOML ``text``; ``source`` names it in errors."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{source}: not valid TOML: {exc}") from None
        return cls.from_dict(data, registry, source=source)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], registry: Registry, *, source: str = "<dict>") -> PipelineConfig:
        """Validate a dict shaped like the TOML (``{"step": [{"use": ...}, ...]}``)."""
        if not isinstance(data, Mapping):
            raise ConfigError(f"{source}: a config must be a table, not {type(data).__name__}")
        for key in data:
            if key not in _TOP_KEYS:
                raise ConfigError(f"{source}: unknown top-level key {key!r}{suggest(key, _TOP_KEYS)}")
        rounds = _pipeline_settings(data.get("pipeline", {}), source)
        raw_steps = data.get("step", [])
        if not isinstance(raw_steps, list):
            raise ConfigError(f"{source}: 'step' must be an array of tables ([[step]]), "
                              f"not {type(raw_steps).__name__}")
        steps = []
        names: dict[str, int] = {}
        for i, raw in enumerate(raw_steps, start=1):
            spec = _step(raw, i, source, registry)
            if spec.name in names:
                raise ConfigError(f"{source}: step {i} ({spec.name!r}): the name {spec.name!r} is already "
                                  f"used by step {names[spec.name]}; give one of them another 'name'")
            names[spec.name] = i
            steps.append(spec)
        return cls(steps=steps, source=source, rounds=rounds)

    def label(self, spec: StepSpec) -> str:
        """How messages name ``spec``: the file, the step's index and its name."""
        return step_label(self.source, spec.index, spec.name, spec.use)

    @classmethod
    def default(cls, registry: Registry) -> PipelineConfig:
        """The configuration embedded in the package (what runs with no config file)."""
        return cls.from_toml_string(default_config_text(), registry, source="<default config>")


def _pipeline_settings(raw: Any, source: str) -> int:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{source}: [pipeline] must be a table, not {type(raw).__name__}")
    for key in raw:
        if key not in _PIPELINE_KEYS:
            raise ConfigError(f"{source}: [pipeline]: unknown key {key!r}{suggest(key, _PIPELINE_KEYS)}")
    rounds = raw.get("rounds", 3)
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ConfigError(f"{source}: [pipeline]: 'rounds' must be a whole number of at least 1, not {rounds!r}")
    return rounds


def step_label(source: str, index: int, name: str, use: str) -> str:
    """How messages name a step: ``file: step 2 ('promo')`` or ``file: step 2 ('strict', promo-lines)``."""
    return f"{source}: step {index} ({name!r})" if name == use else f"{source}: step {index} ({name!r}, {use})"


def default_config_text() -> str:
    """The text of the embedded default config."""
    return resources.files("textnorm").joinpath(DEFAULT_CONFIG_NAME).read_text(encoding="utf-8")


def _step(raw: Any, index: int, source: str, registry: Registry) -> StepSpec:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{source}: step {index}: must be a table, not {type(raw).__name__}")
    use = raw.get("use")
    label = f"{source}: step {index}"
    if use is None:
        raise ConfigError(f"{label}: missing key 'use' (the normalizer to run)"
                          f"{suggest('', registry.normalizers())}")
    if not isinstance(use, str):
        raise ConfigError(f"{label}: 'use' must be a string, not {use!r}")
    name = raw.get("name", use)
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{label} ({use!r}): 'name' must be a non-empty string, not {name!r}")
    label = step_label(source, index, name, use)
    try:
        info = registry.get(use)
    except PluginError as exc:
        raise ConfigError(f"{label}: {exc}") from None
    values = {k: v for k, v in raw.items() if k not in _STEP_KEYS}
    options = build_options(info.cls.Options, values, where=label)
    return StepSpec(use=use, name=name, options=options, index=index)


def render_config(config: PipelineConfig, registry: Registry, *, header: str = "") -> str:
    """A TOML text of ``config`` in which every option of every step is listed.

    Options set in the config are written as values; the others are written as
    comments holding their default, so the output is ready to copy and edit.
    """
    out = [header.rstrip() + "\n"] if header else []
    out.append("[pipeline]")
    out.append("# At most this many passes: steps run again after a later step changed the text.")
    out.append(f"rounds = {config.rounds}" if config.rounds != 3 else "# rounds = 3    (int; default)")
    out.append("")
    for spec in config.steps:
        cls = registry.get(spec.use).cls
        out.append("[[step]]")
        out.append(f"use = {_toml(spec.use)}")
        if spec.name != spec.use:
            out.append(f"name = {_toml(spec.name)}")
        summary = cls.summary() if hasattr(cls, "summary") else ""
        if summary:
            out.append(f"# {summary}")
        defaults = option_defaults(cls.Options)
        fields = option_fields(cls.Options)
        for key, field in fields.items():
            value = getattr(spec.options, key)
            shown = _toml(value)
            if key in defaults and defaults[key] == value:
                out.append(f"# {key} = {shown}    ({type_name(field.type)}; default)")
            else:
                out.append(f"{key} = {shown}")
        out.append("")
    return "\n".join(out)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        return f'"{escaped}"'
    if isinstance(value, (list, tuple, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return "[" + ", ".join(_toml(v) for v in items) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    if value is None:
        return '""  # none'
    return _toml(str(value))
