"""Plugin discovery: entry points, user-code registration, clashes, limiting and blocking."""

from __future__ import annotations

import attrs
import pytest

import textnorm
from textnorm import Normalizer, PluginError, Proposal, Registry

STANDARD = {"dedup-blocks", "injected-tokens", "promo-lines", "sections"}


class Upper(Normalizer):
    """Upper-case everything (a test normalizer)."""

    name = "upper"

    def __call__(self, doc):
        return Proposal(changes=[textnorm.Change(0, len(doc.text), "shout", doc.text.upper())])


def test_standard_normalizers_come_from_entry_points():
    infos = Registry().normalizers()
    assert STANDARD <= set(infos)
    for name in STANDARD:
        assert infos[name].distribution == "textnorm"
        assert infos[name].version == textnorm.__version__
        assert infos[name].plugin == name


def test_register_normalizer_from_user_code():
    reg = Registry(entry_points=False)
    reg.register_normalizer(Upper)
    assert reg.get("upper").cls is Upper
    assert reg.get("upper").distribution == "<local>"


def test_register_plugin_object_from_user_code():
    class MyPlugin:
        @textnorm.hookimpl
        def textnorm_register_normalizers(self, register):
            register(Upper)

    reg = Registry(entry_points=False)
    reg.register_plugin(MyPlugin(), name="mine")
    assert reg.get("upper").plugin == "mine"


def test_invalid_normalizer_class_is_refused_with_reason():
    class NoName(Normalizer):
        def __call__(self, doc):
            return textnorm.NOTHING

    with pytest.raises(PluginError, match="name must be a lower-case name"):
        Registry(entry_points=False).register_normalizer(NoName)

    class BadOptions(Normalizer):
        name = "bad-options"
        Options = dict

        def __call__(self, doc):
            return textnorm.NOTHING

    with pytest.raises(PluginError, match="Options must be an attrs class"):
        Registry(entry_points=False).register_normalizer(BadOptions)


def test_unknown_normalizer_suggests_the_closest():
    with pytest.raises(PluginError, match=r"unknown normalizer 'promo-line'; did you mean 'promo-lines'\?"):
        Registry().get("promo-line")


def test_third_party_entry_point_is_discovered_with_its_distribution(make_dist):
    make_dist("acme-clean", "acme", "acme_clean_mod", "acme-strip")
    info = Registry().get("acme-strip")
    assert (info.distribution, info.version, info.plugin) == ("acme-clean", "1.2.3", "acme")


def test_two_distributions_registering_one_normalizer_name_is_an_error_naming_both(make_dist):
    make_dist("alpha-dist", "alpha", "alpha_mod", "same-name")
    make_dist("beta-dist", "beta", "beta_mod", "same-name")
    with pytest.raises(PluginError) as err:
        Registry().normalizers()
    assert "same-name" in str(err.value)
    assert "alpha-dist" in str(err.value) and "beta-dist" in str(err.value)


def test_two_distributions_with_one_entry_point_name_is_an_error_naming_both(make_dist):
    make_dist("alpha-dist", "clash", "alpha_mod", "alpha-n")
    make_dist("beta-dist", "clash", "beta_mod", "beta-n")
    with pytest.raises(PluginError) as err:
        Registry()
    assert "alpha-dist" in str(err.value) and "beta-dist" in str(err.value)


def test_blocking_a_plugin_by_name(make_dist):
    make_dist("alpha-dist", "alpha", "alpha_mod", "alpha-n")
    assert "alpha-n" in Registry().normalizers()
    assert "alpha-n" not in Registry(block=["alpha"]).normalizers()
    assert "sections" not in Registry(block=["sections"]).normalizers()


def test_limiting_to_named_distributions(make_dist):
    make_dist("alpha-dist", "alpha", "alpha_mod", "alpha-n")
    assert set(Registry(only=["alpha_dist"]).normalizers()) == {"alpha-n"}
    assert set(Registry(only=["textnorm"]).normalizers()) == STANDARD


def test_plugin_that_fails_to_import_names_entry_point_and_distribution(make_dist):
    make_dist("broken-dist", "broken", "broken_mod", "x", source="raise RuntimeError('boom at import')\n")
    with pytest.raises(PluginError) as err:
        Registry()
    message = str(err.value)
    assert "'broken'" in message and "broken-dist" in message and "boom at import" in message


def test_document_done_hook_sees_every_finished_document():
    seen = []

    class Observer:
        @textnorm.hookimpl
        def textnorm_document_done(self, document, pipeline):
            seen.append((document.text, pipeline.names))

    reg = Registry(entry_points=False)
    reg.register_normalizer(Upper)
    reg.register_plugin(Observer(), name="observer")
    pipe = textnorm.Pipeline.from_dict({"step": [{"use": "upper"}]}, registry=reg)
    list(pipe.map(["a", "b"]))
    assert seen == [("A", ("upper",)), ("B", ("upper",))]


@attrs.frozen
class _Opts:
    n: int = 1


def test_options_without_defaults_are_refused():
    @attrs.frozen
    class Needs:
        limit: int

    class NeedsLimit(Normalizer):
        name = "needs-limit"
        Options = Needs

        def __call__(self, doc):
            return textnorm.NOTHING

    with pytest.raises(PluginError, match="every option needs a default.*limit has none"):
        Registry(entry_points=False).register_normalizer(NeedsLimit)


def test_class_without_call_is_refused():
    class NoCall:
        name = "no-call"
        Options = _Opts

    with pytest.raises(PluginError, match=r"must define __call__"):
        Registry(entry_points=False).register_normalizer(NoCall)
