"""textnorm-redact: a textnorm plugin that replaces e-mail addresses by a placeholder."""

from __future__ import annotations

import attrs
import regex

import textnorm

__version__ = "0.1.0"

# An address: a local part and a domain of at least two labels. The look-behind
# lets a match start only where an address can start, so a long run of word
# characters without an "@" is scanned once, not once per position.
EMAIL_RE = regex.compile(
    r"(?<![\w.+-])[\w.+-]+@((?:[\w-]+\.)+\w{2,})(?![\w-])"
)
DOMAIN_RE = regex.compile(r"[\w-]+(?:\.[\w-]+)+")


def _placeholder_ok(instance: object, attribute: attrs.Attribute, value: str) -> None:
    if not value.strip():
        raise ValueError(f"option {attribute.name!r} must not be empty, not {value!r}")
    if EMAIL_RE.search(value):
        # Redacting the placeholder again on a second run would never end.
        raise ValueError(f"option {attribute.name!r} must not contain an e-mail address, not {value!r}")


def _domain_ok(instance: object, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
    for domain in value:
        if not DOMAIN_RE.fullmatch(domain):
            raise ValueError(f"option {attribute.name!r}: {domain!r} is not a domain name "
                             f"such as 'example.org'")


@attrs.frozen
class RedactOptions:
    """Options of ``redact-emails``."""

    placeholder: str = attrs.field(default="[email]",
                                   validator=[attrs.validators.instance_of(str), _placeholder_ok])
    """The text that stands in for each address."""

    keep_domains: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_domain_ok)
    """Addresses in these domains (or their subdomains) are left alone, e.g. ``["example.org"]``."""


class RedactEmails(textnorm.Normalizer):
    """Replace e-mail addresses by a placeholder."""

    name = "redact-emails"
    Options = RedactOptions

    def __init__(self, options: RedactOptions | None = None) -> None:
        super().__init__(options)
        # Everything that depends only on the options is prepared once, here.
        kept = "|".join(regex.escape(d.casefold()) for d in self.options.keep_domains)
        self._keep = regex.compile(rf"(?:^|\.)(?:{kept})\Z") if kept else None

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        changes = []
        for m in EMAIL_RE.finditer(doc.text):
            domain = m.group(1)
            if self._keep is not None and self._keep.search(domain.casefold()):
                continue
            changes.append(textnorm.Change(
                m.start(), m.end(), replacement=self.options.placeholder,
                reason=f"e-mail address at domain {domain!r} replaced by {self.options.placeholder!r}"))
        return textnorm.Proposal(changes=changes) if changes else textnorm.NOTHING


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(RedactEmails)
