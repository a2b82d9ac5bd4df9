"""Quality on the shared corpus, scored by ../shared/eval/score.py, per noise type.

Configurations: the input as it is (nothing removed: the floor), the default chain, and
each standard normalizer alone, so that a regression points at its step. For each one a
TOML config is generated and the whole corpus is cleaned by ONE ``textnorm clean -c
CONFIG -o DIR/ INPUTS`` process (the real command, config loading included); score.py then
scores the saved outputs (``--replay``). That is the same as score.py running the command
once per document, without paying ~0.5 s of interpreter start per document and
configuration. With ``headings=True`` the chain's headings are scored too (score.py's
``--sections-cmd``, which does run one process per document).

If ../shared (the corpus and score.py) is absent, this says so and is skipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ._common import ROOT, SHARED, log, md_table

CORPORA = ("seed", "dev")
SCORE = SHARED / "eval" / "score.py"
NOISE_ROWS = ("ALL", "clean", "boilerplate", "inject", "dup_article", "dup_paragraphs", "promo", "seedlike",
              "only_boilerplate", "only_inject", "only_dup_article", "only_dup_paragraphs", "only_promo")
# The metric that says whether a row's own noise is gone (lower is better).
NOISE_METRIC = {"inject": "inj_left", "only_inject": "inj_left", "dup_article": "dup_left",
                "only_dup_article": "dup_left", "dup_paragraphs": "dup_left", "only_dup_paragraphs": "dup_left",
                "promo": "promo_left", "only_promo": "promo_left"}
TEXTNORM = [sys.executable, "-m", "textnorm"]
HEADINGS_CMD = (f"{sys.executable} -m textnorm clean -f json - | {sys.executable} -c "
                "\"import json,sys; print(json.dumps({'headings': json.loads(sys.stdin.readline())['headings']}))\"")


def available() -> bool:
    return SCORE.exists() and all((SHARED / "corpus" / c / "manifest.jsonl").exists() for c in CORPORA)


def configs() -> dict[str, list[str]]:
    """Configuration name -> steps, in order (None: the input as it is)."""
    from textnorm.pipeline import Pipeline

    chain = list(Pipeline.default().names)
    out: dict[str, list[str]] = {"input (nothing removed)": [], "default chain": chain}
    for name in chain:
        out[f"{name} alone"] = [name]
    return out


def _toml(steps: list[str]) -> str:
    return "".join(f'[[step]]\nuse = "{s}"\n\n' for s in steps)


def _clean(corpus_dir: Path, steps: list[str], work: Path, index: int) -> tuple[Path, str]:
    """Outputs of one configuration over one corpus, as score.py's ``--replay`` reads them."""
    inputs = work / "in"
    if not inputs.exists():
        inputs.mkdir(parents=True)
        for f in sorted(corpus_dir.glob("*.noisy.txt")):
            (inputs / f.name).symlink_to(f)
    out = work / f"out-{index}"
    if not steps:  # the input as it is
        out.mkdir()
        for f in sorted(corpus_dir.glob("*.noisy.txt")):
            shutil.copyfile(f, out / f.name.replace(".noisy.txt", ".out.txt"))
        return out, "cat"
    config = work / f"{out.name}.toml"
    config.write_text(_toml(steps), encoding="utf-8")
    raw = work / f"{out.name}-raw"
    cmd = [*TEXTNORM, "clean", "-c", str(config), "-o", f"{raw}/", str(inputs)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    out.mkdir()
    for f in sorted(raw.glob("*.noisy.txt")):
        f.rename(out / f.name.replace(".noisy.txt", ".out.txt"))
    return out, f"textnorm clean -c {config.name}"


def _score(corpus_dir: Path, replay: Path, label: str, work: Path, headings: bool) -> dict[str, Any]:
    js = work / f"{replay.name}.json"
    cmd = [sys.executable, str(SCORE), "--corpus", str(corpus_dir), "--cmd", label, "--replay", str(replay),
           "--json", str(js)]
    if headings:
        cmd += ["--sections-cmd", HEADINGS_CMD, "--jobs", "2"]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"score.py failed: {p.stderr[-500:]}")
    return json.loads(js.read_text(encoding="utf-8"))["groups"]


def run(headings: bool = True) -> dict[str, Any]:
    """Score every configuration on every corpus; {corpus: {config: {group: aggregates}}}."""
    if not available():
        log(f"quality: {SHARED} (corpus and eval/score.py) not found - skipped")
        return {"skipped": f"{SHARED} not found"}
    res: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="textnorm-bench-") as tmp:
        for corpus in CORPORA:
            corpus_dir = SHARED / "corpus" / corpus
            work = Path(tmp) / corpus
            work.mkdir()
            res[corpus] = {}
            outputs = {}
            _clean(corpus_dir, [], work, 0)  # the inputs folder, made once before the workers start

            def one(index: int, name: str, steps: list[str], corpus: str = corpus, corpus_dir: Path = corpus_dir,
                    work: Path = work) -> tuple[str, Path, dict[str, Any]]:
                replay, label = (work / "out-0", "cat") if index == 0 else _clean(corpus_dir, steps, work, index)
                want_headings = headings and name == "default chain" and corpus == "dev"
                return name, replay, _score(corpus_dir, replay, label, work, want_headings)

            # Two configurations at a time: each is one process (quality is not timed).
            with ThreadPoolExecutor(2) as pool:
                futures = [pool.submit(one, i, n, s) for i, (n, s) in enumerate(configs().items())]
                for f in futures:
                    name, replay, groups = f.result()
                    outputs[name], res[corpus][name] = replay, groups
                    a = groups["ALL"]
                    log(f"quality: {corpus} / {name}: bowF1 {a['bow_F1']:.3f} exact {a['exact']:.3f}")
            if corpus == "seed":
                gold = (corpus_dir / "seed.gold.txt").read_text(encoding="utf-8")
                chain_out = (outputs["default chain"] / "seed.out.txt").read_text(encoding="utf-8")
                res["seed_exact"] = chain_out == gold
    return res


def _f(a: dict[str, Any] | None, k: str) -> Any:
    return None if a is None else a.get(k)


def report(res: dict[str, Any]) -> str:
    """Markdown: the chain per noise type, then every configuration side by side."""
    if "skipped" in res:
        return f"Skipped: {res['skipped']} (the shared corpus and score.py live beside the repository)."
    out = []
    seed = res["seed"]["default chain"]["ALL"]
    out.append(f"Seed (../shared/corpus/seed): the default chain's output equals seed.gold.txt byte for byte: "
               f"**{'yes' if res.get('seed_exact') else 'no'}** (bowF1 {seed['bow_F1']:.3f}, 4gF1 "
               f"{seed['sh4_F1']:.3f}, exact after white-space folding {seed['exact']:.0f}).")
    out.append("")
    dev = res["dev"]
    chain = dev["default chain"]
    cols = [("n", "n"), ("bow_F1", "bowF1"), ("bow_P", "bowP"), ("bow_R", "bowR"), ("sh4_F1", "4gF1"),
            ("exact", "exact"), ("inj_left", "inj_left"), ("inj_falserm", "inj_falserm"), ("dup_left", "dup_left"),
            ("promo_left", "promo_left"), ("hd_P", "hdP"), ("hd_R", "hdR")]
    rows = [[g] + [_f(chain.get(g), k) for k, _ in cols] for g in NOISE_ROWS if chain.get(g)]
    out += ["Default chain on the dev corpus, per noise type (score.py's columns; *_left: share of that "
            "noise still in the output, lower is better):", "", md_table(["noise"] + [c for _, c in cols], rows), ""]

    names = list(dev)
    short = {n: n.replace(" alone", "").replace(" (nothing removed)", "") for n in names}
    rows = []
    for g in NOISE_ROWS:
        if not dev[names[0]].get(g):
            continue
        rows.append([g, "bowF1"] + [_f(dev[n].get(g), "bow_F1") for n in names])
        if g in NOISE_METRIC:
            k = NOISE_METRIC[g]
            rows.append(["", k] + [_f(dev[n].get(g), k) for n in names])
    out += ["Every configuration on the dev corpus (bowF1 per noise type and, on the rows of a noise, "
            "the share of it left):", "", md_table(["noise", "metric"] + [short[n] for n in names], rows,
                                                    align="ll" + "r" * len(names))]
    return "\n".join(out)
