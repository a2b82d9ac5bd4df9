"""How the cost of ``dedup-blocks`` grows with the length of a document.

Run on demand (never part of the test suite)::

    .venv/bin/python benchmarks/dedup_scaling.py [--sizes 20000,200000,2000000] [--repeat 3]

It builds synthetic documents of growing size (10x steps by default) that hold every kind
of repeat the normalizer handles: an article followed by a noisy second copy (injected
tokens, changed case and punctuation, promo lines between the copies), paragraphs doubled
in place and repeated far away, and short legitimate repeats. It times the normalizer in CPU seconds
(best of ``--repeat`` runs, so other processes on the machine do not blur the figures), prints the time per size and per 1,000 characters, and the
growth exponent between successive sizes: 1.0 is linear, so a document 10 times longer
taking about 10 times as long shows an exponent near 1 (n log n shows slightly above).
"""

from __future__ import annotations

import argparse
import math
import random
import time

from textnorm_std.dedup_blocks import DedupBlocks

import textnorm

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
    args = parser.parse_args()
    normalizer = DedupBlocks()
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        doc = textnorm.Document.from_text(make_document(n))
        best = math.inf
        for _ in range(args.repeat):
            t0 = time.process_time()
            proposal = normalizer(doc)
            best = min(best, time.process_time() - t0)
        rows.append((len(doc.text), best, len(proposal.changes)))
    print(f"{'chars':>10} {'seconds':>9} {'ms/1k chars':>12} {'changes':>8} {'exponent':>9}")
    for k, (n, t, c) in enumerate(rows):
        exp = ""
        if k:
            n0, t0, _ = rows[k - 1]
            exp = f"{math.log(t / t0) / math.log(n / n0):.2f}"
        print(f"{n:>10} {t:>9.3f} {1000 * t / n * 1000:>12.3f} {c:>8} {exp:>9}")
    (n0, t0, _), (n1, t1, _) = rows[0], rows[-1]
    if len(rows) > 1:
        print(f"overall growth exponent {math.log(t1 / t0) / math.log(n1 / n0):.2f} "
              f"(1.00 = linear): {n1 / n0:.0f}x the text took {t1 / t0:.1f}x the time")


if __name__ == "__main__":
    main()
