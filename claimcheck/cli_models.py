"""`claimcheck models ...`: train, list, download and evaluate parser models.

Importing this module must stay cheap: stanza/torch are imported inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

app = typer.Typer(help="Parser models: list, train, evaluate, download.", no_args_is_help=True)


@app.command("list")
def list_cmd(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Show the model folders found, in resolution order, and which one each language uses."""
    from claimcheck.nlp.models import list_models

    rows = list_models()
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    typer.echo(f"{'lang':4}  {'source':8}  {'used':4}  {'size MB':>7}  {'processors':40}  folder")
    for r in rows:
        typer.echo(f"{r['lang']:4}  {r['source']:8}  {r['used']:4}  {r['size_mb']:>7}  {r['found']:40}  {r['folder']}")
        if r["error"]:
            typer.echo(f"      ! {r['error']}")


@app.command("train")
def train_cmd(
    lang: str = typer.Option(..., "--lang", help="de or en"),
    data: Path = typer.Option(..., "--data", help="Folder with UD_* treebank folders (and GermEval2014-NER)."),
    out: Path = typer.Option(..., "--out", help="Output folder for the model files."),
    work: Path = typer.Option(None, "--work", help="Work folder for converted data and checkpoints."),
    steps: str = typer.Option(
        "wordvec,tokenize,mwt,lemma,pos,depparse,ner", "--steps", help="Comma-separated processors to train."
    ),
    seed: int = typer.Option(1, "--seed"),
    tok_steps: int = typer.Option(None, "--tok-steps"),
    pos_steps: int = typer.Option(None, "--pos-steps"),
    dep_steps: int = typer.Option(None, "--dep-steps"),
    ner_steps: int = typer.Option(None, "--ner-steps"),
) -> None:
    """Train stanza models offline from CoNLL-U treebanks (slow on CPU: run it in the background)."""
    from claimcheck.nlp.train import train

    train(
        lang,
        data,
        out,
        work,
        [s.strip() for s in steps.split(",") if s.strip()],
        seed,
        tok_steps=tok_steps,
        pos_steps=pos_steps,
        dep_steps=dep_steps,
        ner_steps=ner_steps,
    )
    typer.echo(f"models written to {out}")


@app.command("download")
def download_cmd(
    lang: str = typer.Option(..., "--lang", help="de or en"),
    dir: Path = typer.Option(
        None, "--dir", help="Target folder (default: STANZA_RESOURCES_DIR or ~/stanza_resources)."
    ),
) -> None:
    """Download official stanza models (needs network access to the stanza model hub)."""
    from claimcheck.nlp.models import download

    target = download(lang, str(dir) if dir else None)
    typer.echo(f"stanza models for {lang} in {target}")


@app.command("evaluate")
def evaluate_cmd(
    lang: str = typer.Option(..., "--lang", help="de or en"),
    data: Path = typer.Option(..., "--data", help="Gold CoNLL-U file (held out from training)."),
    models: Path = typer.Option(None, "--models", help="Model folder (default: resolution order)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Score UPOS / XPOS / UFeats / Mood=Sub / lemma / UAS / LAS on gold tokenization."""
    from claimcheck.nlp.models import evaluate, format_scores, resolve

    ms = resolve(lang, str(models) if models else None)
    res = evaluate(lang, data, str(models) if models else None)
    if as_json:
        typer.echo(json.dumps(res, indent=2))
    else:
        typer.echo(f"models: {ms.describe()}")
        typer.echo(format_scores(res, lang))


def main() -> None:  # pragma: no cover - `python -m claimcheck.cli_models`
    import sys

    from claimcheck.errors import ClaimcheckError

    try:
        app(standalone_mode=False)
    except ClaimcheckError as err:
        typer.echo(f"error: {err}", err=True)
        sys.exit(2)
    except typer.Exit as ex:
        sys.exit(ex.exit_code)
    except Exception as err:  # click usage errors in non-standalone mode
        import click

        if isinstance(err, click.ClickException):
            err.show()
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
