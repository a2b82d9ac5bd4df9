"""A deterministic generator of news-size noisy documents for the speed and scaling benchmarks.

Nothing here comes from a real corpus: every language is a made-up one, built from a
syllable inventory in its script (Latin, Latin with diacritics, Cyrillic, and Han
ideographs for a CJK language with no spaces between words). Words follow a Zipf law
(a few very frequent function words, a long tail), and each article draws on its own
topic words as well, so that vocabulary grows with the text as it does in real text.

An article is a title, a byline, paragraphs of sentences and a few headings. The four
noise types the standard normalizers handle are then applied, each to some documents:

- ``dup_article``: the whole article repeated (a page scraped twice), the second copy
  with a few lines re-punctuated;
- ``dup_paragraphs``: paragraphs repeated in place or further down;
- ``inject``: a made-up token stuffed at the end of most sentences, in the forms spam takes
  (before the full stop, spaced off it, glued after it, a one-word sentence), and now and
  then inside a word, one letter overwritten;
- ``promo``: call-to-action lines, "related" headlines and menus between paragraphs.

The same ``seed`` always gives the same texts (``random.Random`` only, no set order).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import attrs

NOISE_TYPES = ("dup_article", "dup_paragraphs", "inject", "promo")


@attrs.frozen
class Language:
    """How to make words and sentences of one made-up language."""

    code: str
    onsets: tuple[str, ...]
    vowels: tuple[str, ...]
    codas: tuple[str, ...]
    syllables: tuple[int, int]  # syllables per word, min and max
    cased: bool = True
    spaced: bool = True  # words separated by spaces (False: CJK)
    stop: str = "."
    comma: str = ","
    question: str = "?"


def _chars(s: str) -> tuple[str, ...]:
    return tuple(s)


LANGUAGES: tuple[Language, ...] = (
    Language("xa-latn", _chars("bcdfghklmnprstvwz") + ("th", "st", "tr", "pl"), _chars("aeiouy") + ("ea", "ou"),
             ("", "", "n", "s", "r", "t", "l"), (1, 3)),
    Language("xb-latn", _chars("bdfghjklmnprstvwz") + ("sch", "pf", "kr"), _chars("aeiouäöü") + ("ei", "au"),
             ("", "n", "r", "s", "t", "ch", "ß", "ng"), (1, 4)),
    Language("xc-latn", _chars("bcdfglmnprstvñ") + ("ll", "ch"), _chars("aeiouáéíó"),
             ("", "", "", "n", "s", "r", "l"), (2, 4), question="?"),
    Language("xd-cyrl", _chars("бвгджзклмнпрстфхцчшщ"), _chars("аеиоуыэюяё"), ("", "", "й", "н", "т", "ь"),
             (1, 4)),
    Language("xe-hani", tuple(chr(c) for c in range(0x4E00, 0x4E00 + 2400, 3)), ("",), ("",), (1, 2),
             cased=False, spaced=False, stop="。", comma="，", question="？"),
)


class _Vocab:
    """A Zipf-weighted vocabulary of made-up words in one language."""

    def __init__(self, lang: Language, rng: random.Random, size: int = 6000) -> None:
        self.lang = lang
        seen: dict[str, None] = {}
        while len(seen) < size:
            seen.setdefault(self.make_word(rng), None)
        # Short words first: they become the frequent function words, as in real languages.
        self.words = sorted(seen, key=len) if lang.spaced else list(seen)
        weights = [1.0 / (rank + 2.7) for rank in range(len(self.words))]
        self.cum = list(itertools.accumulate(weights))

    def make_word(self, rng: random.Random) -> str:
        lang = self.lang
        n = rng.randint(*lang.syllables)
        return "".join(rng.choice(lang.onsets) + rng.choice(lang.vowels) + rng.choice(lang.codas)
                       for _ in range(n))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def _join(lang: Language, words: list[str]) -> str:
    return (" " if lang.spaced else "").join(words)


def _cap(lang: Language, word: str) -> str:
    return word[:1].upper() + word[1:] if lang.cased else word


class Generator:
    """Makes articles and noisy documents; one instance per seed."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.vocabs = [_Vocab(lang, random.Random(seed * 1000 + i)) for i, lang in enumerate(LANGUAGES)]

    # -- clean article -------------------------------------------------------------------
    def _sentence(self, vocab: _Vocab, topic: list[str]) -> str:
        rng, lang = self.rng, vocab.lang
        n = rng.randint(8, 24) if lang.spaced else rng.randint(10, 30)
        words = vocab.draw(rng, n)
        for i in range(n):  # about one word in five is a topic word
            if rng.random() < 0.2:
                words[i] = rng.choice(topic)
        if lang.spaced and n > 10 and rng.random() < 0.5:
            k = rng.randint(3, n - 3)
            words[k] += lang.comma
        if rng.random() < 0.08:
            words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 2030)))
        words[0] = _cap(lang, words[0])
        end = lang.question if rng.random() < 0.05 else lang.stop
        return _join(lang, words) + end

    def _heading(self, vocab: _Vocab, topic: list[str]) -> str:
        lang = vocab.lang
        words = [self.rng.choice(topic) if self.rng.random() < 0.5 else w
                 for w in vocab.draw(self.rng, self.rng.randint(2, 6))]
        return _cap(lang, _join(lang, words))

    def _headline(self, vocab: _Vocab) -> str:
        """A headline of some other article: the document's language, none of its topic."""
        lang = vocab.lang
        words = [vocab.words[self.rng.randrange(500, len(vocab.words))] for _ in range(self.rng.randint(5, 10))]
        return _join(lang, [_cap(lang, w) for w in words])

    def article(self, lang_index: int, target_bytes: int) -> list[str]:
        """The lines of a clean article of about ``target_bytes`` UTF-8 bytes."""
        rng = self.rng
        vocab = self.vocabs[lang_index]
        lang = vocab.lang
        topic = [vocab.make_word(rng) for _ in range(rng.randint(15, 40))]
        title_words = [rng.choice(topic) if rng.random() < 0.4 else w for w in vocab.draw(rng, rng.randint(5, 11))]
        title = _join(lang, [_cap(lang, w) if lang.cased and rng.random() < 0.7 else w for w in title_words])
        title = _cap(lang, title)
        first, last = (_cap(lang, vocab.make_word(rng)) for _ in range(2))
        byline = f"{first} {last}" + ("" if rng.random() < 0.5 else
                                      f" | {rng.randint(2001, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        out = [title, byline]
        size = len(title.encode()) + len(byline.encode())
        since_heading = 0
        while size < target_bytes:
            if since_heading >= 3 and rng.random() < 0.3:
                line = self._heading(vocab, topic)
                since_heading = 0
            else:
                line = _join(lang, [self._sentence(vocab, topic) for _ in range(rng.randint(2, 6))])
                since_heading += 1
            out.append(line)
            size += len(line.encode()) + 1
        return out

    # -- noise ---------------------------------------------------------------------------
    def _token(self, vocab: _Vocab) -> str:
        rng = self.rng
        if not vocab.lang.spaced:
            return "".join(chr(rng.randint(0x30A1, 0x30F6)) for _ in range(rng.randint(2, 4)))  # katakana
        letters = "bcdfghjklmnpqrstvwxz"
        word = "".join(rng.choice(letters) + rng.choice("aeiouy") for _ in range(rng.randint(2, 3)))
        return word.capitalize() if rng.random() < 0.5 else word.upper()

    # The forms an injected token takes at the end of a sentence (seen on scraped pages: the
    # token before the full stop, spaced off it, glued after it, or as a sentence of its own).
    _INJECT_FORMS = ("{w} {t}{s}", "{w} {t}{s}", "{w} {t}{s}", "{w} {t} {s}", "{w}{s}{t}{s}", "{w}{s} {t}{s}")

    def _inject(self, vocab: _Vocab, lines: list[str]) -> list[str]:
        """The token at the end of most sentences, and now and then inside a word."""
        rng, lang = self.rng, vocab.lang
        token = self._token(vocab)
        rate = rng.uniform(0.5, 0.9)  # share of sentences that end with the token
        stop = lang.stop
        out = []
        for i, line in enumerate(lines):
            if i < 2 or not line.endswith((stop, lang.question)):  # title, byline, headings stay clean
                out.append(line)
                continue
            sentences = line.split(stop + " ") if lang.spaced else line.split(stop)
            new = []
            for k, sentence in enumerate(sentences):
                last = k == len(sentences) - 1
                body = sentence[:-1] if last and sentence.endswith(stop) else sentence
                if not body or body.endswith(lang.question) or rng.random() >= rate:
                    new.append(sentence if last else body + stop)
                    continue
                if not lang.spaced:
                    new.append(body + token + stop)
                    continue
                head, _, w = body.rpartition(" ")
                if len(w) > 5 and rng.random() < 0.1:  # inside a word, one letter overwritten
                    j = rng.randint(2, len(w) - 3)
                    w = f"{w[:j]} {token}{stop}{w[j + 1:]}"
                    new.append(f"{head} {w}{stop}" if head else w + stop)
                    continue
                form = rng.choice(self._INJECT_FORMS).format(w=w, t=token, s=stop)
                new.append(f"{head} {form}" if head else form)
            out.append((" " if lang.spaced else "").join(new) if lang.spaced else "".join(new))
        return out

    _PROMO_TEMPLATES = (
        "Subscribe to our newsletter and never miss a story",
        "Read more: {h}",
        "Related: {h}",
        "ADVERTISEMENT",
        "Share this article",
        "Follow us on social media for the latest updates",
        "Click here to download our free app",
        "Sign up now to get breaking news alerts",
        "Home | News | World | Business | Sport | Culture",
        "{h} 1.2K",
        "Support independent journalism, become a member today",
        "Most read: {h}",
    )

    def _promo(self, vocab: _Vocab, lines: list[str]) -> list[str]:
        rng = self.rng
        out = list(lines)
        for _ in range(rng.randint(2, 7)):
            line = rng.choice(self._PROMO_TEMPLATES).format(h=self._headline(vocab))
            out.insert(rng.randint(2, len(out)), line)
        return out

    def _dup_paragraphs(self, lines: list[str]) -> list[str]:
        rng = self.rng
        out = list(lines)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(2, len(out)) if len(out) > 2 else 0
            where = k + 1 if rng.random() < 0.5 else rng.randint(k + 1, len(out))
            out.insert(where, out[k])
        return out

    def _dup_article(self, lines: list[str]) -> list[str]:
        rng = self.rng
        second = [ln.replace(", ", " ; ", 1) if rng.random() < 0.1 else ln for ln in lines]
        return lines + ["", "Comments (0)", ""] + second

    def document(self, lang_index: int, target_bytes: int, noise: tuple[str, ...]) -> str:
        """One noisy document of about ``target_bytes`` bytes with the given noise types."""
        vocab = self.vocabs[lang_index]
        share = 2.2 if "dup_article" in noise else 1.15
        lines = self.article(lang_index, max(500, int(target_bytes / share)))
        if "dup_paragraphs" in noise:
            lines = self._dup_paragraphs(lines)
        if "promo" in noise:
            lines = self._promo(vocab, lines)
        if "dup_article" in noise:
            lines = self._dup_article(lines)
        if "inject" in noise:
            lines = self._inject(vocab, lines)
        return "\n".join(lines) + "\n"

    def _noise(self) -> tuple[str, ...]:
        if self.rng.random() < 0.1:
            return ()
        chosen = tuple(t for t in NOISE_TYPES if self.rng.random() < 0.45)
        return chosen or (self.rng.choice(NOISE_TYPES),)

    def news_corpus(self, n_docs: int) -> list[tuple[str, tuple[str, ...]]]:
        """``n_docs`` news-size documents (2-20 KB, log-uniform) with their noise types,
        the languages in turn."""
        out = []
        for i in range(n_docs):
            target = int(2000 * 10 ** self.rng.random())
            noise = self._noise()
            out.append((self.document(i % len(LANGUAGES), target, noise), noise))
        return out

    # The noise of the articles of a long document, in turn: every noise type, alone and
    # combined, and one clean article in five, as in the news corpus.
    _LONG_NOISE: tuple[tuple[str, ...], ...] = (
        ("dup_article", "inject", "promo"), ("dup_paragraphs",), ("inject",), ("promo", "dup_paragraphs"), (),
    )

    def long_document(self, n_bytes: int) -> str:
        """One document of about ``n_bytes`` bytes: noisy articles one after another (a
        crawl dump or a book-sized record).

        Its make-up is the same at every size, so that its cost per byte is too: each
        language fills a fifth of the bytes, and articles of each language take the
        noise types in turn (``_LONG_NOISE``), the language and the noise out of step so
        that every pairing occurs. Articles are at most a fifth of a language's share
        (2-20 KB), so even the smallest document holds five of them.
        """
        n_lang = len(LANGUAGES)
        share = n_bytes // n_lang
        top = max(2000, min(20000, share // 5))
        streams: list[list[str]] = []
        for lang in range(n_lang):
            articles: list[str] = []
            size = 0
            while size < share:
                k = len(articles) + lang
                target = min(int(2000 * (top / 2000) ** self.rng.random()), max(600, share - size))
                noise = self._LONG_NOISE[k % len(self._LONG_NOISE)]
                text = self.document(lang, target, noise)
                articles.append(text)
                size += len(text.encode())
            articles[-1] = _trim("".join(articles[-1:]), max(1, share - (size - len(articles[-1].encode()))))
            streams.append(articles)
        # Interleave the languages article by article, as a crawl of several sites would.
        parts = [a for group in itertools.zip_longest(*streams) for a in group if a]
        return _trim("".join(parts), n_bytes)


def _trim(text: str, n_bytes: int) -> str:
    """Cut ``text`` at the last line break before ``n_bytes`` UTF-8 bytes."""
    data = text.encode()
    if len(data) <= n_bytes:
        return text
    cut = data.rfind(b"\n", 0, n_bytes)
    return data[: cut + 1 if cut > 0 else n_bytes].decode("utf-8", "ignore")


def news_corpus(n_docs: int = 300, seed: int = 1) -> list[tuple[str, tuple[str, ...]]]:
    """The speed benchmark's corpus: ``n_docs`` (text, noise types) pairs."""
    return Generator(seed).news_corpus(n_docs)


def long_document(n_bytes: int, seed: int = 2) -> str:
    """The scaling benchmark's document of about ``n_bytes`` bytes."""
    return Generator(seed).long_document(n_bytes)


def iter_sizes(corpus: list[tuple[str, tuple[str, ...]]]) -> Iterator[int]:
    """UTF-8 sizes of the documents of a corpus."""
    return (len(t.encode()) for t, _ in corpus)


__all__ = ["LANGUAGES", "NOISE_TYPES", "Generator", "iter_sizes", "long_document", "news_corpus"]
