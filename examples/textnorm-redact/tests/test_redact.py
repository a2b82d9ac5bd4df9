"""Tests of the redact-emails normalizer, written with textnorm.testing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textnorm
from textnorm.testing import (
    articles,
    assert_edits_map_to_original,
    assert_idempotent,
    assert_never_adds_words,
    assert_unchanged,
    isolated_registry,  # noqa: F401 - a pytest fixture, used by name below
    run_normalizer,
)
from textnorm_redact import RedactEmails

TEXT = "Questions go to ann.lee@example.org; press: desk@news.example.com.\n"


def test_replaces_addresses_by_the_placeholder():
    doc = run_normalizer(RedactEmails, TEXT)
    assert doc.text == "Questions go to [email]; press: [email].\n"
    assert [e.removed for e in doc.edits] == ["ann.lee@example.org", "desk@news.example.com"]
    assert doc.edits[0].reason == "e-mail address at domain 'example.org' replaced by '[email]'"
    assert_edits_map_to_original(doc)


def test_keeps_listed_domains_and_their_subdomains():
    doc = run_normalizer(RedactEmails, TEXT, keep_domains=("example.com",))
    assert doc.text == "Questions go to [email]; press: desk@news.example.com.\n"


def test_custom_placeholder():
    doc = run_normalizer(RedactEmails, TEXT, placeholder="<redacted>")
    assert doc.text.count("<redacted>") == 2


@pytest.mark.parametrize("options, message", [
    ({"placeholder": ""}, "must not be empty"),
    ({"placeholder": "x@example.org"}, "must not contain an e-mail address"),
    ({"keep_domains": ("localhost",)}, "is not a domain name"),
])
def test_invalid_options_are_refused(options, message):
    with pytest.raises(ValueError, match=message):
        RedactEmails.Options(**options)


def test_config_errors_name_the_step_and_option(isolated_registry):
    isolated_registry.register_normalizer(RedactEmails)
    with pytest.raises(textnorm.ConfigError, match=r"step 1 \('redact-emails'\): option 'placeholder'"):
        textnorm.Pipeline.from_dict({"step": [{"use": "redact-emails", "placeholder": 3}]},
                                    registry=isolated_registry)


def test_runs_in_a_pipeline_from_a_config(isolated_registry):
    isolated_registry.register_normalizer(RedactEmails)
    pipeline = textnorm.Pipeline.from_dict(
        {"step": [{"use": "redact-emails", "placeholder": "[mail]"}]}, registry=isolated_registry)
    assert pipeline(TEXT).text == "Questions go to [mail]; press: [mail].\n"


def test_never_adds_words_but_the_placeholder():
    assert_never_adds_words(RedactEmails(), TEXT, allow=["email"])


@settings(max_examples=50, deadline=None)
@given(articles())
def test_clean_text_is_unchanged(text):
    assert_unchanged(RedactEmails(), text)


@settings(max_examples=50, deadline=None)
@given(articles(script="latin"), st.lists(st.sampled_from(["a@b.org", "x.y+z@mail.example.net"]), min_size=1))
def test_idempotent_and_exact(text, addresses):
    noisy = text.replace(" ", " " + " ".join(addresses) + " ", 1)
    doc = assert_idempotent(RedactEmails(), noisy)
    assert "@" not in doc.text
    assert_edits_map_to_original(doc)
