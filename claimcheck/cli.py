"""The `claimcheck` command line. Thin: parses options, calls the pipeline, maps errors to exit codes.

Heavy imports (stanza, torch) happen inside commands only, so `claimcheck --help` is fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, NoReturn

import typer

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError

app = typer.Typer(
    name="claimcheck",
    help="Find claims in news text, decide who stands behind them, and flag what nobody does.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Inspect the attribution and finding rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


def _register_subapps() -> None:
    """Sub-commands that live in their own modules (each import is light: no stanza)."""
    import importlib

    for module, name in (("cli_models", "models"), ("cli_eval", "eval"), ("cli_service", "serve")):
        try:
            mod = importlib.import_module(f"claimcheck.{module}")
        except ModuleNotFoundError as err:
            if err.name != f"claimcheck.{module}":
                raise
            continue
        if hasattr(mod, "register"):  # modules that add plain commands
            mod.register(app)
        else:  # modules that are a typer sub-app
            app.add_typer(mod.app, name=name)


def fail(message: str) -> NoReturn:
    """One line on stderr, exit code 2: the contract for every usage or input error."""
    typer.echo(f"claimcheck: error: {message}", err=True)
    raise typer.Exit(2)


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    rdjsonl = "rdjsonl"
    junit = "junit"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """claimcheck: claim and source attribution checker for news text."""


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="Files, folders or globs to check; '-' reads stdin.")],
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="de, en or auto (default: config, else auto).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(help="Exit 1 when a finding at or above this severity exists (default: config, else error)."),
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    rules: Annotated[list[str], typer.Option("--rules", help="Extra rule folder on top of the built-in rules.")] = [],  # noqa: B006
    models: Annotated[
        str | None, typer.Option("--models", envvar="CLAIMCHECK_MODELS", help="Stanza model folder.")
    ] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse inputs larger than this.")] = 50 * 1024 * 1024,
    config_file: Annotated[
        str | None,
        typer.Option("--config", help="Config file (default: $CLAIMCHECK_CONFIG, else the nearest .claimcheck.toml "
                     "or pyproject.toml with a tool.claimcheck table)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="text, markdown, html or docx (default: by extension/content).")
    ] = None,
    baseline_file: Annotated[
        str | None, typer.Option("--baseline", help="Report only findings not in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        str | None, typer.Option("--write-baseline", help="Write all current findings to this baseline file; exit 0.")
    ] = None,
    diff_ref: Annotated[
        str | None, typer.Option("--diff", help="Report findings on lines changed since this git ref only.")
    ] = None,
    diff_file: Annotated[
        str | None, typer.Option("--diff-file", help="Only findings on lines changed in this diff ('-': stdin).")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
) -> None:
    """Check news texts: claims, speakers, outlets, and unsourced assertions."""
    import contextlib
    import os

    from claimcheck import baseline, config, diffscope, pipeline, suppress
    from claimcheck.read import Source
    from claimcheck.read.detect import expand_inputs, read_any, read_stdin
    from claimcheck.report import render
    from claimcheck.report.models import InputErrorReport, Report
    from claimcheck.report.text_format import should_color
    from claimcheck.rules import load_rules

    if diff_ref and diff_file:
        fail("--diff and --diff-file exclude each other")
    if diff_file == "-" and "-" in files:
        fail("stdin cannot be both an input and the --diff-file")
    try:
        start = next((f for f in files if f != "-" and os.path.exists(f)), None)
        cfg = config.discover(config_file, start)
        paths = expand_inputs(files, cfg.ignore, cfg.root)
        ruleset = load_rules([*cfg.rule_dirs(), *rules])
    except ClaimcheckError as err:
        fail(str(err))
    if not paths:
        fail("no files to check (folders hold no .md, .txt, .html or .docx files, or all are ignored)")
    for target, flag in ((output, "--output"), (write_baseline, "--write-baseline")):
        for path in paths if target else ():
            with contextlib.suppress(OSError):  # claimcheck never writes to its input files
                if path != "-" and os.path.samefile(target, path):
                    fail(f"{target}: {flag} would overwrite the input file {path}")
    sources: list[Source] = []
    errors: list[InputErrorReport] = []
    for path in paths:
        try:
            if path == "-":
                sources.append(read_stdin(sys.stdin.buffer, max_bytes=max_bytes, fmt=input_format))
            else:
                sources.append(read_any(path, max_bytes=max_bytes, fmt=input_format))
        except ClaimcheckError as err:
            typer.echo(f"claimcheck: error: {err}", err=True)
            errors.append(InputErrorReport(path=path, message=str(err)))
    options = pipeline.Options(
        lang=lang or cfg.lang or "auto",
        models=models,
        rule_dirs=[*cfg.rule_dirs(), *rules],
        disabled=cfg.disabled(set(ruleset.all_findings())),
        severities=dict(cfg.severity),
    )
    documents = []
    if sources:
        try:
            failed: list[InputErrorReport] = []
            documents = pipeline.check_sources(sources, options, ruleset=ruleset, errors=failed)
        except ClaimcheckError as err:
            fail(str(err))
        for err in failed:
            typer.echo(f"claimcheck: error: {err.message}", err=True)
        errors += failed
        sources = [s for s in sources if s.path not in {e.path for e in failed}]
    documents = [suppress.apply(cfg.apply(doc), src)[0] for doc, src in zip(documents, sources, strict=True)]
    report = Report(documents=documents, errors=errors)
    try:
        if diff_ref or diff_file:
            patch = diffscope.read_patch(diff_file) if diff_file else None
            report = diffscope.scope(report, ref=diff_ref, patch_text=patch)
        if write_baseline:
            n = baseline.write(report, write_baseline)
            typer.echo(f"claimcheck: wrote {n} finding(s) to the baseline {write_baseline}", err=True)
        elif baseline_file:
            report, _ = baseline.apply(report, baseline_file)
    except (ClaimcheckError, OSError) as err:
        fail(str(err))
    texts = {src.path: src.text for src in sources}
    color = output is None and should_color(sys.stdout.isatty())
    rendered = render.render(report, fmt.value, color=color, texts=texts)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(rendered)
        except OSError as err:
            fail(f"{output}: cannot write report ({err.strerror})")
    else:
        typer.echo(rendered, nl=False)
    if errors:
        raise typer.Exit(2)
    level = (fail_on.value if fail_on else None) or cfg.fail_on or "error"
    if exit_zero or write_baseline or level == "never":
        raise typer.Exit(0)
    threshold = SEVERITY_RANK[level]
    if any(SEVERITY_RANK[f.severity] >= threshold for d in report.documents for f in d.findings):
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report (the contract newsroom tools rely on)."""
    import json

    from claimcheck.report.models import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


@rules_app.command("list")
def rules_list(
    rules: Annotated[list[str], typer.Option("--rules", help="Extra rule folder.")] = [],  # noqa: B006
) -> None:
    """List the finding rules: code, severity, name, languages."""
    from claimcheck.rules import load_rules

    try:
        ruleset = load_rules(rules)
    except ClaimcheckError as err:
        fail(str(err))
    for code, rule in ruleset.all_findings().items():
        typer.echo(f"{code}  {rule.severity:<7}  {rule.name:<28}  {','.join(rule.languages)}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="Finding code, e.g. CC101.")]) -> None:
    """Explain a finding rule: what it flags, why, and examples."""
    from claimcheck.rules import load_rules

    try:
        rule = load_rules().all_findings().get(code.upper())
    except ClaimcheckError as err:
        fail(str(err))
    if rule is None:
        fail(f"unknown rule code {code!r} (see 'claimcheck rules list')")
    typer.echo(f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.description.strip()}\n")
    typer.echo(f"Message: {rule.message}")
    for lang, ex in rule.examples.items():
        for text in ex.flag:
            typer.echo(f"  [{lang}] flags:  {text}")
        for text in ex.pass_:
            typer.echo(f"  [{lang}] passes: {text}")


_register_subapps()


def run() -> None:
    """Console-script entry point: user errors become one line and exit 2, never a traceback."""
    try:
        app()
    except ClaimcheckError as err:
        typer.echo(f"claimcheck: error: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("claimcheck: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    run()
