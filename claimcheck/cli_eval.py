"""`claimcheck eval`: score claimcheck on annotated corpora (registered by claimcheck.cli).

Light to import: stanza/torch load only when the pipeline runs (inside the command).
"""

from __future__ import annotations

import json
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimcheck.errors import ClaimcheckError, InputError

if TYPE_CHECKING:
    from claimcheck.read import Source
    from claimcheck.report.models import DocumentReport

CORPUS_LANG = {"gnq": "de", "polnear": "en"}
CORPUS_TITLE = {"gnq": "German news quotation corpus", "polnear": "PolNeAR"}


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


_CORPUS = typer.Option("--corpus", "-c", help=(
    "Annotated corpus folder: german-news-quotation-2024 (JSON), PolNeAR (brat), or a folder of gold YAML."))
_GOLD = typer.Option("--gold", "-g", help="claimcheck gold YAML (seed-gold.yaml style); repeatable.")
_TEXT = typer.Option("--text", help=(
    "Text a --gold file describes (in --gold order, or GOLD.yaml=TEXT). Default: the file named in the "
    "gold's header comment, or the same stem next to it."))
_SPLIT = typer.Option("--split", help="Corpus split: dev, train or all (German corpus default: dev).")
_LIMIT = typer.Option("--limit", "-n", min=1, help="Only the first N documents.")
_ERRORS = typer.Option("--show-errors", help="List misses and false hits with their text.")
_FORMAT = typer.Option("--format", "-f", help="Output format.")
_LANG = typer.Option("--lang", "-l", help="de, en or auto. Default: the corpus's language.")
_MODELS = typer.Option("--models", envvar="CLAIMCHECK_MODELS", help="Stanza model folder.")
_RULES = typer.Option("--rules", help="Extra rule folder on top of the built-in rules.")
_REPORT = typer.Option("--report", help="Score this claimcheck JSON report instead of running the pipeline.")
_SAVE = typer.Option("--save-report", help="Write the pipeline's JSON report here.")
_BATCH = typer.Option("--batch-size", min=1, help="Documents per pipeline call.")


def eval_command(
    corpus: Annotated[str | None, _CORPUS] = None,
    gold: Annotated[list[str], _GOLD] = [],  # noqa: B006
    text: Annotated[list[str], _TEXT] = [],  # noqa: B006
    split: Annotated[str | None, _SPLIT] = None,
    limit: Annotated[int | None, _LIMIT] = None,
    show_errors: Annotated[bool, _ERRORS] = False,
    fmt: Annotated[EvalFormat, _FORMAT] = EvalFormat.text,
    lang: Annotated[str | None, _LANG] = None,
    models: Annotated[str | None, _MODELS] = None,
    rules: Annotated[list[str], _RULES] = [],  # noqa: B006
    report: Annotated[str | None, _REPORT] = None,
    save_report: Annotated[str | None, _SAVE] = None,
    batch: Annotated[int, _BATCH] = 32,
) -> None:
    """Score claimcheck on annotated text: detection P/R/F1 (exact, overlap, upstream), cue, speaker,
    attribution, and for gold YAML the unsourced flags. See docs/evaluation.md."""
    try:
        result = run_eval(corpus=corpus, gold=gold, text=text, split=split, limit=limit, lang=lang, models=models,
                          rules=rules, report=report, save_report=save_report, batch=batch, show_errors=show_errors)
    except ClaimcheckError as err:
        typer.echo(f"claimcheck: error: {err}", err=True)
        raise typer.Exit(2) from None
    if fmt == EvalFormat.json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        typer.echo(render_text(result, show_errors))


# ---------------------------------------------------------------------------------------------- running

def run_eval(
    corpus: str | None = None,
    gold: list[str] | None = None,
    text: list[str] | None = None,
    split: str | None = None,
    limit: int | None = None,
    lang: str | None = None,
    models: str | None = None,
    rules: list[str] | None = None,
    report: str | None = None,
    save_report: str | None = None,
    batch: int = 32,
    show_errors: bool = False,
) -> dict[str, Any]:
    """Read the gold, get claimcheck's reports (pipeline or --report), score; a JSON-ready dict."""
    from claimcheck import __version__
    from claimcheck.eval import corpora

    gold = list(gold or [])
    if bool(corpus) == bool(gold):
        raise InputError("give either --corpus DIR or --gold FILE.yaml (one of them)")
    if text and not gold:
        raise InputError("--text goes with --gold")
    if save_report and report:
        raise InputError("--save-report writes the pipeline's report; with --report nothing is run")
    if split not in (None, "dev", "train", "all"):
        raise InputError(f"unknown split {split!r} (use dev, train or all)")
    kind = corpora.detect(corpus) if corpus else "gold"
    out: dict[str, Any] = {"tool": {"name": "claimcheck", "version": __version__}}
    if kind == "gold":
        if corpus:
            files = corpora.read_gold_dir(corpus, limit)
            if not files:
                raise InputError(f"{corpus}: no gold YAML files")
        else:
            mapping = corpora.parse_text_map(list(text or []), gold)
            files = [corpora.read_gold_file(g, mapping.get(g)) for g in gold][:limit]
        out.update({"corpus": corpus or ", ".join(gold), "format": "gold-yaml"})
        out.update(_eval_gold(files, lang, models, rules or [], report, save_report, batch, show_errors))
        return out
    if kind == "gnq":
        docs = corpora.read_gnq(corpus, split or "dev", limit)
        split = split or "dev"
    else:
        docs = corpora.read_polnear(corpus, limit, split)
        split = "train"
    if not docs:
        raise InputError(f"{corpus}: no documents")
    from claimcheck.read import read_text

    sources = [read_text(d.text, d.name) for d in docs]
    reports = _reports(sources, lang or CORPUS_LANG[kind], models, rules or [], report, save_report, batch)
    from claimcheck.eval import errors, score

    preds = [score.predictions(r) for r in reports]
    results = [score.score_document(d, p) for d, p in zip(docs, preds, strict=True)]
    out.update({"corpus": str(corpus), "format": kind, "title": CORPUS_TITLE[kind], "split": split,
                "lang": lang or CORPUS_LANG[kind], "claims": sum(len(_claims(r)) for r in reports)})
    out["figures"] = score.aggregate(results)
    if kind == "polnear":
        from claimcheck.rules import load_rules

        lexicon = _cue_lexicon(load_rules(rules or []).for_language(lang or CORPUS_LANG[kind]))
        subsets = [score.lexicon_subset(d, p, lexicon) for d, p in zip(docs, preds, strict=True)]
        out["figures_lexicon"] = score.aggregate([score.score_document(d, p) for d, p in subsets])
    if show_errors:
        out["errors"] = errors.corpus_errors(results)
    return out


def _cue_lexicon(rules: Any) -> set[str]:
    """claimcheck's cue words for one language: cue verbs with their forms, and the words of the
    prepositional cues ("according to", "per", "citing")."""
    words = {w.lower() for w in [*rules.cue_verbs, *rules.cue_forms]}
    for m in rules.markers.markers:
        if m.kind in ("according_to", "via"):
            words |= {w.lower() for w in m.phrase.split() if len(w) > 2 and w.lower() not in ("the", "von", "der")}
    return words


def _claims(doc: Any) -> list:
    return doc.get("claims", []) if isinstance(doc, dict) else doc.claims


def _eval_gold(files, lang, models, rules, report, save_report, batch, show_errors) -> dict[str, Any]:
    from claimcheck.eval import errors, score
    from claimcheck.read import read_path

    sources = [read_path(str(f.text_path)) for f in files]
    langs = {lang or f.lang for f in files}
    reports: list[Any] = []
    if report or len(langs) == 1:
        reports = _reports(sources, langs.pop() if len(langs) == 1 else "auto", models, rules, report, save_report,
                           batch)
    else:  # mixed languages: one pipeline call per file, in order
        for src, f in zip(sources, files, strict=True):
            reports += _reports([src], lang or f.lang, models, rules, None, None, batch)
        if save_report:
            _save(reports, save_report)
    per_file = []
    for f, r in zip(files, reports, strict=True):
        figures = score.score_gold_yaml(f.gold, r)
        entry = {"gold": str(f.gold_path), "text": str(f.text_path), "figures": figures,
                 "score_gold": score.score_gold_line(figures)}
        if show_errors:
            entry["errors"] = errors.gold_errors(f.gold_path.name, figures)
        if not show_errors:
            figures = {k: v for k, v in figures.items() if k != "errors"}
            entry["figures"] = figures
        per_file.append(entry)
    return {"files": per_file, "total": _gold_total([e["figures"] for e in per_file])}


def _gold_total(figs: list[dict[str, Any]]) -> dict[str, Any]:
    def s(*path: str) -> int:
        total = 0
        for f in figs:
            v: Any = f
            for p in path:
                v = v[p]
            total += v
        return total

    n = s("claims")
    tp, fp = s("flags", "true"), s("flags", "false")
    uns_n, uns_f = s("unsourced_flagged", "n"), s("unsourced_flagged", "flagged")

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "files": len(figs), "claims": n, "missing": s("missing"),
        "attribution": {"n": n, "correct": s("attribution", "correct"),
                        "accuracy": ratio(s("attribution", "correct"), n)},
        "kind": {"n": n, "correct": s("kind", "correct"), "accuracy": ratio(s("kind", "correct"), n)},
        "speaker": {"n": s("speaker", "n"), "correct": s("speaker", "correct"),
                    "accuracy": ratio(s("speaker", "correct"), s("speaker", "n"))},
        "outlet": {"n": s("outlet", "n"), "correct": s("outlet", "correct"),
                   "accuracy": ratio(s("outlet", "correct"), s("outlet", "n"))},
        "unsourced_flagged": {"n": uns_n, "flagged": uns_f},
        "false_flags": s("false_flags"), "fake_quotes": s("fake_quotes"),
        "flags": {"flagged_claims": s("flags", "flagged_claims"), "true": tp, "false": fp,
                  "unjudged": s("flags", "unjudged"), "precision": ratio(tp, tp + fp), "recall": ratio(uns_f, uns_n)},
    }


def _reports(sources: list[Source], lang: str, models: str | None, rules: list[str], report: str | None,
             save_report: str | None, batch: int) -> list[Any]:
    """claimcheck's reports for the sources: from --report, or from the pipeline in batches."""
    if report:
        return _load_report(report, sources)
    from claimcheck import pipeline
    from claimcheck.rules import load_rules

    options = pipeline.Options(lang=lang, models=models, rule_dirs=list(rules))
    ruleset = load_rules(rules)
    docs: list[DocumentReport] = []
    started = time.perf_counter()
    with _progress(len(sources)) as advance:
        for i in range(0, len(sources), batch):
            chunk = sources[i : i + batch]
            docs += pipeline.check_sources(chunk, options, ruleset=ruleset)
            advance(len(chunk))
    took = time.perf_counter() - started
    if len(sources) > 1:
        typer.echo(f"claimcheck eval: {len(sources)} documents checked in {took:.1f} s "
                   f"({len(sources) / took:.2f} docs/s)", err=True)
    if save_report:
        _save(docs, save_report)
    return docs


def _save(docs: list[Any], path: str) -> None:
    from claimcheck.report.models import Report

    try:
        Path(path).write_text(Report(documents=docs).model_dump_json(indent=2) + "\n", encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot write the report ({err.strerror})") from None


class _progress:
    """A rich progress bar on stderr for long runs on a terminal; silent otherwise."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None

    def __enter__(self):
        from rich.console import Console

        console = Console(stderr=True)
        if console.is_terminal and self.total > 1:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress("checking", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                TimeRemainingColumn(), console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("eval", total=self.total)
        return self.advance

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _load_report(path: str, sources: list[Source]) -> list[dict[str, Any]]:
    """The documents of a saved report, one per source: by path, else by file name, else in order."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        documents = data["documents"]
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except (ValueError, KeyError, TypeError):
        raise InputError(f"{path}: not a claimcheck JSON report (no 'documents')") from None
    by_path = {d.get("path"): d for d in documents}
    by_name = {Path(str(d.get("path"))).name: d for d in documents}
    out = []
    for i, src in enumerate(sources):
        doc = by_path.get(src.path) or by_name.get(Path(src.path).name)
        if doc is None and len(documents) == len(sources):
            doc = documents[i]
        if doc is None:
            raise InputError(f"{path}: has no document for {src.path}")
        out.append(doc)
    return out


# ---------------------------------------------------------------------------------------------- text output

def _f(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def _prf_row(label: str, d: dict[str, Any], extra: str = "") -> str:
    return f"  {label:<22}{_f(d['p'])}  {_f(d['r'])}  {_f(d['f1'])}{extra}"


def render_text(result: dict[str, Any], show_errors: bool = False) -> str:
    if result.get("format") == "gold-yaml":
        return _render_gold(result, show_errors)
    from claimcheck.eval.errors import format_error

    f = result["figures"]
    lines = [
        f"claimcheck eval: {result['title']} ({result['split']}), {f['docs']} documents, "
        f"{f['gold_quotes']} gold quotes, {f['pred_quotes']} predicted quotes ({result['claims']} claims)",
        "",
        f"  {'':<22}{'P':>5}  {'R':>5}  {'F1':>5}",
        "Quote detection",
        _prf_row("exact span", f["detection"]["exact"], f"   tp {f['detection']['exact']['tp']}"),
        _prf_row("overlap", f["detection"]["overlap"], f"   tp {f['detection']['overlap']['tp']}"),
        _prf_row("upstream token", f["upstream"]["quote"], "   (token P/R macro over quotes)"),
    ]
    for role, title in (("cue", "Cue"), ("speaker", "Speaker span")):
        r = f[role]
        lines += [
            f"{title} (gold {r['gold']}, predicted {r['pred']})",
            _prf_row("exact span", r["exact"], f"   tp {r['exact']['tp']}"),
            _prf_row("overlap", r["overlap"], f"   tp {r['overlap']['tp']}"),
            _prf_row("upstream token", f["upstream"][role]),
        ]
    a, k = f["attribution"], f["kind_accuracy"]
    lines += [
        "",
        f"Attribution accuracy    {_f(a['accuracy'])}   ({a['correct']}/{a['n']} matched quotes with a gold speaker)",
        f"Kind accuracy           {_f(k['accuracy'])}   ({k['correct']}/{k['n']} matched quotes)",
        "Outlet accuracy         " + ("  n/a   (not annotated in this corpus)" if f["outlet"] is None else
                                      f"{_f(f['outlet']['accuracy'])}   ({f['outlet']['correct']}/{f['outlet']['n']})"),
        "",
        f"{'By gold type':<24}{'gold':>5} {'found':>6} {'recall':>7} {'typed':>7}",
    ]
    for t, r in f["by_type"].items():
        lines.append(f"  {t:<22}{r['gold']:>5} {r['found']:>6} {_f(r['recall']):>7} {_f(r['typed_recall']):>7}")
    lines += ["", f"{'By family (typed)':<24}{'gold':>5} {'pred':>6} {'tp':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"]
    for fam, r in f["by_family"].items():
        lines.append(f"  {fam:<22}{r['gold']:>5} {r['pred']:>6} {r['tp']:>5}  "
                     f"{_f(r['p'])}  {_f(r['r'])}  {_f(r['f1'])}")
    lines += ["", f"{'By predicted kind':<24}{'pred':>5} {'found':>6} {'prec.':>7} {'typed':>7}"]
    for kind, r in f["by_kind"].items():
        lines.append(f"  {kind:<22}{r['pred']:>5} {r['found']:>6} "
                     f"{_f(r['precision']):>7} {_f(r['typed_precision']):>7}")
    sub = result.get("figures_lexicon")
    if sub is not None:
        lines += [
            "",
            f"Gold quoted or with a cue in claimcheck's lexicon ({sub['gold_quotes']} of {f['gold_quotes']}; PolNeAR's",
            "stances and attitudes such as 'supports', 'wants', 'seemed' left out, with the predictions on them only)",
            _prf_row("content overlap", sub["detection"]["overlap"], f"   tp {sub['detection']['overlap']['tp']}"),
            _prf_row("source overlap", sub["speaker"]["overlap"], f"   tp {sub['speaker']['overlap']['tp']}"),
        ]
    if show_errors and result.get("errors") is not None:
        lines += ["", f"Errors ({len(result['errors'])}):"]
        lines += [format_error(e) for e in result["errors"]]
    return "\n".join(lines)


def _render_gold(result: dict[str, Any], show_errors: bool) -> str:
    lines = []
    entries = [(Path(e["gold"]).name, e["text"], e["figures"], e) for e in result["files"]]
    if len(entries) > 1:
        entries.append(("total", "", result["total"], None))
    for name, text_path, f, entry in entries:
        fl = f["flags"]
        u = f["unsourced_flagged"]
        lines.append(f"claimcheck eval: {name}" + (f" ({text_path})" if text_path else "")
                     + f", {f['claims']} gold claims")
        for key in ("attribution", "kind", "speaker", "outlet"):
            lines.append(f"  {key:<22}{f[key]['correct']:>3}/{f[key]['n']:<3} {_f(f[key]['accuracy'])}")
        lines += [
            f"  missing claims        {f['missing']:>3}",
            f"  unsourced flagged     {u['flagged']:>3}/{u['n']:<3} {_f(fl['recall'])}  (unsourced-flag recall)",
            f"  unsourced-flag prec.  {_f(fl['precision'])}    (true {fl['true']}, false {fl['false']}, "
            f"unjudged {fl['unjudged']} of {fl['flagged_claims']} flagged claims)",
            f"  false flags           {f['false_flags']:>3}",
            f"  fake quotes           {f['fake_quotes']:>3}",
        ]
        if entry is not None:
            lines.append(f"  score_gold.py:        {entry['score_gold']}")
            if show_errors:
                lines += [f"    {e['line']}" for e in entry.get("errors", [])]
        lines.append("")
    return "\n".join(lines).rstrip()
