"""Config loading: every error is one line naming the file, step, key and valid choices."""

from __future__ import annotations

from typing import Literal

import attrs
import pytest

import textnorm
from textnorm import ConfigError, Normalizer, PipelineConfig, Registry
from textnorm.config import default_config_text, render_config


@attrs.frozen
class TrimOptions:
    max_length: int = attrs.field(default=80, validator=attrs.validators.ge(1))
    ratio: float = 0.5
    mode: Literal["fast", "exact"] = "fast"
    words: tuple[str, ...] = ()
    enabled: bool = True
    label: str | None = None


class Trim(Normalizer):
    """A test normalizer with typed options."""

    name = "trim"
    Options = TrimOptions

    def __call__(self, doc):
        return textnorm.NOTHING


@pytest.fixture
def reg():
    r = Registry(entry_points=False)
    r.register_normalizer(Trim)
    return r


def load(reg, toml: str):
    return PipelineConfig.from_toml_string(toml, reg, source="my.toml")


def test_valid_config_builds_options(reg):
    cfg = load(reg, '[[step]]\nuse = "trim"\nmax_length = 10\nratio = 1\nwords = ["a", "b"]\nlabel = "x"\n'
                    '[[step]]\nuse = "trim"\nname = "trim-2"\nmode = "exact"\n')
    first, second = cfg.steps
    assert first.options == TrimOptions(max_length=10, ratio=1.0, words=("a", "b"), label="x")
    assert (second.name, second.use, second.index) == ("trim-2", "trim", 2)
    assert second.options.mode == "exact"


@pytest.mark.parametrize(("toml", "expected"), [
    ('[[step]]\nuse = "trm"\n', "my.toml: step 1 ('trm'): unknown normalizer 'trm'; did you mean 'trim'? (valid: trim)"),
    ('[[step]]\nuse = "trim"\nmax_lenght = 3\n',
     "my.toml: step 1 ('trim'): unknown option 'max_lenght'; did you mean 'max_length'? (valid: enabled, "
     "label, max_length, mode, ratio, words)"),
    ('[[step]]\nuse = "trim"\nname = "short"\nmax_length = "ten"\n',
     "my.toml: step 1 ('short', trim): option 'max_length' must be an integer, not string 'ten'"),
    ('[[step]]\nuse = "trim"\nmax_length = 0\n', "my.toml: step 1 ('trim'): 'max_length' must be >= 1: 0"),
    ('[[step]]\nuse = "trim"\nmode = "slow"\n',
     "my.toml: step 1 ('trim'): option 'mode' must be one of 'fast', 'exact', not string 'slow'"),
    ('[[step]]\nuse = "trim"\nwords = "a"\n',
     "my.toml: step 1 ('trim'): option 'words' must be a list of strings, not string 'a'"),
    ('[[step]]\nuse = "trim"\nenabled = 1\n', "my.toml: step 1 ('trim'): option 'enabled' must be a boolean, not integer 1"),
    ('[[step]]\nuse = "trim"\n[[step]]\nuse = "trim"\n',
     "my.toml: step 2 ('trim'): the name 'trim' is already used by step 1; give one of them another 'name'"),
    ('steps = []\n', "my.toml: unknown top-level key 'steps'; did you mean 'step'? (valid: pipeline, step)"),
    ('[[step]]\nname = "x"\n', "my.toml: step 1: missing key 'use' (the normalizer to run) (valid: trim)"),
    ('[[step\n', "my.toml: not valid TOML"),
])
def test_each_mistake_gives_one_clear_line(reg, toml, expected):
    with pytest.raises(ConfigError) as err:
        load(reg, toml)
    message = str(err.value)
    assert message.startswith(expected)
    assert "\n" not in message


def test_missing_config_file(reg, tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        PipelineConfig.from_toml(tmp_path / "nope.toml", reg)


def test_embedded_default_config_loads_and_names_the_standard_steps():
    cfg = PipelineConfig.default(Registry())
    assert [s.use for s in cfg.steps] == ["injected-tokens", "dedup-blocks", "promo-lines", "sections"]
    assert "[[step]]" in default_config_text()


def test_rendered_config_round_trips(reg):
    cfg = load(reg, '[[step]]\nuse = "trim"\nmax_length = 12\nwords = ["x"]\n')
    text = render_config(cfg, reg)
    assert "max_length = 12" in text and "# ratio = 0.5" in text
    again = load(reg, text)
    assert again.steps[0].options == cfg.steps[0].options


def test_rendered_default_config_round_trips():
    reg = Registry()
    cfg = PipelineConfig.default(reg)
    again = PipelineConfig.from_toml_string(render_config(cfg, reg), reg)
    assert again == attrs.evolve(cfg, source=again.source)


def test_error_from_a_normalizer_constructor_names_the_step_like_config_errors(reg):
    class Picky(Normalizer):
        """Refuses its options at construction."""

        name = "picky"

        def __init__(self, options=None):
            super().__init__(options)
            raise ValueError("pattern '(' does not compile")

        def __call__(self, doc):
            return textnorm.NOTHING

    reg.register_normalizer(Picky)
    with pytest.raises(ConfigError) as err:
        textnorm.Pipeline.from_dict({"step": [{"use": "picky", "name": "p1"}]}, registry=reg, source="x.toml")
    assert str(err.value) == "x.toml: step 1 ('p1', picky): pattern '(' does not compile"
