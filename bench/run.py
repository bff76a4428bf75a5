#!/usr/bin/env python3
"""Benchmark claimcheck: speed, stage split, cold start, --help time, memory, and the ratio to bare stanza.

    python bench/run.py [--docs 100] [--lang de] [--markdown]

In one process it runs the same N corpus texts (German: the German news quotation corpus
dev+train `originalText`; English: PolNeAR texts) through

  * bare stanza: `claimcheck.nlp.parser.get_pipeline(lang)` on `stanza.Document`s, one batch;
  * claimcheck: `pipeline.check_sources` (one batch, the same as `claimcheck check a b c ...`),
    with `pipeline.StageTimes` for the per-stage split;

after loading the models once for both (the load time is reported on its own). In
subprocesses it times `claimcheck --help` (median of 5) and a cold `claimcheck check` on one
article (process start to exit, with its peak RSS). Targets (issue 5, 2-core CPU):
claimcheck ≤ 1.10× bare stanza; rules stages ≥ 1 MB/s; --help ≤ 0.3 s; peak RSS ≤ 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GNQ = SHARED / "data" / "german-news-quotation-2024"
POLNEAR = SHARED / "data" / "PolNeAR-train"
ARTICLE = {"de": SHARED / "examples" / "000_38fea552f3d89d61.txt", "en": SHARED / "examples" / "harbor-bridge-en.md"}
RULE_STAGES = ("claims", "attribute", "judge", "report")
TARGETS = {"ratio": 1.10, "rules_mb_s": 1.0, "help_s": 0.3, "rss_mb": 1536}


def texts_for(lang: str, n: int, corpus: Path | None) -> list[tuple[str, str]]:
    if lang == "de":
        from claimcheck.eval.corpora import gnq_texts

        return gnq_texts(corpus or GNQ, ("dev", "train"), n)
    root = corpus or POLNEAR
    files = sorted((root / "text").glob("*.txt"))[:n]
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def claimcheck_exe() -> list[str]:
    exe = Path(sys.executable).parent / "claimcheck"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("claimcheck")
    return [found] if found else [sys.executable, "-m", "claimcheck.cli"]


def timed_child(cmd: list[str]) -> tuple[float, float, int, float]:
    """(wall seconds, peak RSS in MB, exit code, CPU seconds) of one child process, from start to exit."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr:
        proc.stderr.close()
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: argparse.Namespace) -> dict:
    lang = args.lang
    out: dict = {
        "command": "python bench/run.py " + " ".join(sys.argv[1:]),
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_before": round(os.getloadavg()[0], 2),
    }
    cc = claimcheck_exe()
    # --help: median of 5 (the first run also pays for .pyc files; it is in the median's sample)
    helps = [timed_child([*cc, "--help"]) for _ in range(5)]
    out["help_s"] = round(statistics.median(h[0] for h in helps), 3)
    out["help_cpu_s"] = round(statistics.median(h[3] for h in helps), 3)
    py = [timed_child([sys.executable, "-c", "pass"])[0] for _ in range(3)]
    out["python_start_s"] = round(statistics.median(py), 3)
    # cold check of one article
    article = ARTICLE[lang]
    wall, child_rss, code, cpu = timed_child([*cc, "check", str(article), "--lang", lang, "--format", "json",
                                         "--exit-zero", *(["--models", args.models] if args.models else [])])
    out["cold_check"] = {"file": article.name, "s": round(wall, 2), "cpu_s": round(cpu, 2), "rss_mb": round(child_rss),
                         "exit": code}

    docs = texts_for(lang, args.docs, args.corpus)
    chars = sum(len(t) for _, t in docs)
    nbytes = sum(len(t.encode("utf-8")) for _, t in docs)
    out.update({"docs": len(docs), "chars": chars, "bytes": nbytes})

    import stanza

    from claimcheck import pipeline
    from claimcheck.nlp import parser
    from claimcheck.read import read_text
    from claimcheck.rules import load_rules

    t = time.perf_counter()
    nlp = parser.get_pipeline(lang, args.models)
    ruleset = load_rules([])
    warm = [read_text(docs[0][1][:400], "warm")]
    pipeline.check_sources(warm, pipeline.Options(lang=lang, models=args.models), ruleset=ruleset)
    out["model_load_s"] = round(time.perf_counter() - t, 2)

    # bare stanza, then claimcheck, on the same texts (alternating; best of --repeat runs each)
    bare = total = bare_cpu = total_cpu = float("inf")
    times = pipeline.StageTimes()
    sources = [read_text(text, name) for name, text in docs]
    captured: dict[str, object] = {}
    real_parse = parser.parse

    def capturing_parse(texts, *a, **kw):  # keep the parses to time the rules stages alone afterwards
        docs_ = real_parse(texts, *a, **kw)
        captured.update(zip(texts, docs_, strict=True))
        return docs_

    parser.parse = capturing_parse
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        nlp([stanza.Document([], text=text) for _, text in docs])
        bare = min(bare, time.perf_counter() - t)
        bare_cpu = min(bare_cpu, time.process_time() - c)
        run_times = pipeline.StageTimes()
        t, c = time.perf_counter(), time.process_time()
        reports = pipeline.check_sources(sources, pipeline.Options(lang=lang, models=args.models), ruleset=ruleset,
                                         times=run_times)
        took = time.perf_counter() - t
        total_cpu = min(total_cpu, time.process_time() - c)
        if took < total:
            total, times = took, run_times
    parser.parse = real_parse
    # the rules stages alone, on the parses of the run above: best of 3, wall and CPU
    rules_wall = rules_cpu = float("inf")
    options = pipeline.Options(lang=lang, models=args.models)
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        for src in sources:
            pipeline.analyse_parsed(src, captured[src.text], ruleset, options)
        rules_wall = min(rules_wall, time.perf_counter() - t)
        rules_cpu = min(rules_cpu, time.process_time() - c)
    out["rules_alone_s"] = round(rules_wall, 3)
    out["rules_alone_cpu_s"] = round(rules_cpu, 3)
    out["rules_alone_mb_s"] = round(nbytes / 1e6 / rules_wall, 3)
    out["rules_alone_cpu_mb_s"] = round(nbytes / 1e6 / rules_cpu, 3)
    stages = {k: round(v, 3) for k, v in times.seconds.items()}
    rules_s = sum(times.seconds.get(k, 0.0) for k in RULE_STAGES)
    out.update({
        "bare_stanza_s": round(bare, 2),
        "claimcheck_s": round(total, 2),
        "ratio": round(total / bare, 3) if bare else None,
        "bare_stanza_cpu_s": round(bare_cpu, 2),
        "claimcheck_cpu_s": round(total_cpu, 2),
        "cpu_ratio": round(total_cpu / bare_cpu, 3) if bare_cpu else None,
        "docs_per_s": round(len(docs) / total, 2),
        "chars_per_s": round(chars / total),
        "stages_s": stages,
        "rules_s": round(rules_s, 3),
        "rules_mb_s": round(nbytes / 1e6 / rules_s, 3) if rules_s else None,
        "claims": sum(len(r.claims) for r in reports),
        "peak_rss_mb": round(rss_mb()),
        "load_after": round(os.getloadavg()[0], 2),
    })
    return out


def verdict(value: float | None, target: float, lower_is_better: bool = True) -> str:
    if value is None:
        return "-"
    ok = value <= target if lower_is_better else value >= target
    if ok:
        return "ok"
    miss = value / target if lower_is_better else target / value
    return f"MISSED ({miss:.2f}× target)"


def table(r: dict, markdown: bool = False) -> str:
    rows = [
        ("documents", f"{r['docs']} ({r['chars']:,} chars, {r['bytes'] / 1e6:.2f} MB)", ""),
        ("claimcheck total", f"{r['claimcheck_s']:.2f} s", ""),
        ("  docs/s", f"{r['docs_per_s']:.2f}", ""),
        ("  chars/s", f"{r['chars_per_s']:,}", ""),
        ("bare stanza total", f"{r['bare_stanza_s']:.2f} s", ""),
        ("ratio claimcheck / bare stanza", f"{r['ratio']:.3f}×",
         f"≤ {TARGETS['ratio']:.2f}× {verdict(r['ratio'], TARGETS['ratio'])} (wall clock)"),
        ("  same, in process CPU time", f"{r['cpu_ratio']:.3f}×",
         f"{r['claimcheck_cpu_s']:.2f} s / {r['bare_stanza_cpu_s']:.2f} s CPU "
         f"{verdict(r['cpu_ratio'], TARGETS['ratio'])}"),
    ]
    for stage, sec in sorted(r["stages_s"].items(), key=lambda kv: -kv[1]):
        rows.append((f"  stage {stage}", f"{sec:.3f} s", f"{100 * sec / r['claimcheck_s']:.1f} %"))
    rows += [
        ("rules stages (" + "+".join(RULE_STAGES) + ") in the run", f"{r['rules_s']:.3f} s = {r['rules_mb_s']} MB/s",
         f"≥ {TARGETS['rules_mb_s']} MB/s {verdict(r['rules_mb_s'], TARGETS['rules_mb_s'], False)}"),
        ("rules stages alone, best of 3", f"{r['rules_alone_s']:.3f} s = {r['rules_alone_mb_s']} MB/s",
         f"CPU {r['rules_alone_cpu_s']:.3f} s = {r['rules_alone_cpu_mb_s']} MB/s "
         f"{verdict(r['rules_alone_cpu_mb_s'], TARGETS['rules_mb_s'], False)}"),
        ("model load (once, not in totals)", f"{r['model_load_s']:.2f} s", ""),
        ("cold `claimcheck check` (1 article)",
         f"{r['cold_check']['s']:.2f} s ({r['cold_check']['cpu_s']:.2f} s CPU), {r['cold_check']['rss_mb']} MB RSS",
         f"{r['cold_check']['file']}, exit {r['cold_check']['exit']}"),
        ("`claimcheck --help`", f"{r['help_s']:.3f} s ({r['help_cpu_s']:.3f} s CPU)",
         f"≤ {TARGETS['help_s']} s {verdict(r['help_s'], TARGETS['help_s'])} "
         f"(bare `python -c pass`: {r['python_start_s']:.3f} s)"),
        ("peak RSS (this process)", f"{r['peak_rss_mb']} MB",
         f"≤ {TARGETS['rss_mb']} MB {verdict(r['peak_rss_mb'], TARGETS['rss_mb'])}"),
        ("claims found", str(r["claims"]), ""),
        ("load average before / after", f"{r['load_before']} / {r['load_after']}",
         "other work on the CPU" if r["load_before"] > 0.5 else ""),
    ]
    if markdown:
        lines = ["| measure | value | target / note |", "| --- | --- | --- |"]
        lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    else:
        w = max(len(a) for a, _, _ in rows)
        v = max(len(b) for _, b, _ in rows)
        lines = [f"{a:<{w}}  {b:<{v}}  {c}".rstrip() for a, b, c in rows]
    head = f"claimcheck benchmark, {r['when']}, {r['machine']}\n$ {r['command']}\n"
    return head + "\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100,
                    help="number of corpus texts (default 100: < 10 min on 2 free cores; the issue's target is 200)")
    ap.add_argument("--lang", choices=("de", "en"), default="de")
    ap.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: ../shared/data/...)")
    ap.add_argument("--models", default=None, help="stanza model folder (default: claimcheck's resolution order)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each (alternating); the best one counts")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown (for docs/benchmarks.md)")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw figures as JSON here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    result = run(args)
    print(table(result, args.markdown))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
