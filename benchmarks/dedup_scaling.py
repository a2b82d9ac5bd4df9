"""How the cost of ``dedup-blocks`` grows with the length of a document.

Run on demand (never part of the test suite)::

    .venv/bin/python benchmarks/dedup_scaling.py [--sizes 20000,200000,2000000] [--repeat 3]

It builds synthetic documents of growing size (10x steps by default) that hold every kind
of repeat the normalizer handles: an article followed by a noisy second copy (injected
tokens, changed case and punctuation, promo lines between the copies), paragraphs doubled
in place and repeated far away, and short legitimate repeats; ``--generator benchmark``
takes ``benchmarks.corpus_gen.long_document`` instead (the documents of ``python -m
benchmarks --scaling``). It times the normalizer in CPU seconds (best of ``--repeat``
runs, more for short ones, so other processes on the machine do not blur the figures),
prints the time per size, per 1,000 characters and per word, and the growth exponent
between successive sizes: 1.0 is linear, so a document 10 times longer taking about 10
times as long shows an exponent near 1 (n log n shows slightly above). The time per word
matters where the documents of one generator differ in words per character from one size
to the next (the benchmark's smallest ones hold shorter articles): the work follows the
words.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

from textnorm_std.dedup_blocks import DedupBlocks

import textnorm
from textnorm.text import words

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    return ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 10))) for _ in range(size)]


def _paragraph(rng: random.Random, vocab: list[str]) -> str:
    words = [rng.choice(vocab) for _ in range(rng.randint(15, 60))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _noisy(rng: random.Random, line: str, token: str) -> str:
    words = line.split()
    for _ in range(rng.randint(0, 2)):  # injected tokens
        words.insert(rng.randrange(len(words) + 1), token)
    if rng.random() < 0.3:  # changed case and punctuation
        words = [w.upper() if rng.random() < 0.2 else w for w in words]
    return " ".join(words).replace(".", " !")


def make_document(n_chars: int, seed: int = 1) -> str:
    """A synthetic document of about ``n_chars`` characters, full of repeats."""
    rng = random.Random(seed)
    common = _vocabulary(rng, 300)  # function words every article shares
    token = "Zqxj"
    parts: list[str] = []
    size = 0
    while size < n_chars:
        # Each article brings its own topic words, as real text does (vocabulary grows
        # with the text): a fixed small vocabulary would make every longer document
        # more self-similar than real ones.
        vocab = common + _vocabulary(rng, 300)
        article = [_paragraph(rng, vocab) for _ in range(rng.randint(10, 40))]
        if rng.random() < 0.5:  # a paragraph doubled in place
            k = rng.randrange(len(article))
            article.insert(k + 1, article[k])
        article.append("Share")  # a short legitimate repeat
        block = article + ["Read more stories like this", "Subscribe now"]
        block += [_noisy(rng, line, token) for line in article]
        text = "\n".join(block) + "\n"
        parts.append(text)
        size += len(text)
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000,2000000",
                        help="document sizes in characters, comma-separated (default: 10x steps)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    parser.add_argument("--generator", choices=("own", "benchmark"), default="own",
                        help="own: the documents described above; benchmark: corpus_gen.long_document")
    args = parser.parse_args()
    if args.generator == "benchmark":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script too
        from benchmarks.corpus_gen import long_document as generate
    else:
        generate = make_document
    normalizer = DedupBlocks()
    normalizer(textnorm.Document.from_text(generate(5000)))  # builds what a process builds once
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        doc = textnorm.Document.from_text(generate(n))
        best, total, runs = math.inf, 0.0, 0
        while runs < args.repeat or total < 0.5:  # short runs repeated: one of a few ms is noisy
            t0 = time.process_time()
            proposal = normalizer(doc)
            spent = time.process_time() - t0
            best, total, runs = min(best, spent), total + spent, runs + 1
        rows.append((len(doc.text), best, len(proposal.changes), len(words(doc.text))))
    print(f"{'chars':>10} {'words':>9} {'seconds':>9} {'ms/1k chars':>12} {'µs/word':>8} {'changes':>8} {'exponent':>9}")
    for k, (n, t, c, w) in enumerate(rows):
        exp = ""
        if k and n != rows[k - 1][0]:
            n0, t0, _, _ = rows[k - 1]
            exp = f"{math.log(t / t0) / math.log(n / n0):.2f}"
        print(f"{n:>10} {w:>9} {t:>9.3f} {1000 * t / n * 1000:>12.3f} {1e6 * t / w:>8.3f} {c:>8} {exp:>9}")
    (n0, t0, _, _), (n1, t1, _, _) = rows[0], rows[-1]
    if len(rows) > 1:
        print(f"overall growth exponent {math.log(t1 / t0) / math.log(n1 / n0):.2f} "
              f"(1.00 = linear): {n1 / n0:.0f}x the text took {t1 / t0:.1f}x the time")


if __name__ == "__main__":
    main()
