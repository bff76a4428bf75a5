"""`claimcheck serve` and `claimcheck batch` (registered by claimcheck.cli._register_subapps).

Importing this module must stay cheap: no stanza, torch, fastapi, uvicorn or dask here;
each command imports what it needs when it runs.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"claimcheck: error: {message}", err=True)
    return typer.Exit(2)


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8080,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes, each with its own warm models.")] = 1,
    models: Annotated[str | None, typer.Option("--models", envvar="CLAIMCHECK_MODELS", help="Model folder.")] = None,
    rules: Annotated[list[str], typer.Option("--rules", help="Extra rule folder on top of the built-in rules.")] = [],  # noqa: B006
    max_body: Annotated[int, typer.Option("--max-body-bytes", help="Larger request bodies get 413.")] = 5 * 1024 * 1024,
    max_inflight: Annotated[int, typer.Option("--max-inflight",
                                              help="Check requests at once per worker; more get 503.")] = 4,
    max_documents: Annotated[int, typer.Option("--max-documents", help="Documents in one request.")] = 100,
    warm: Annotated[str, typer.Option("--warm", help="Languages to load at start, e.g. de,en.")] = "de",
    threads: Annotated[int | None, typer.Option("--threads", help="torch threads per worker (default 1).")] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the JSON API (POST /v1/check, GET /v1/schema, /v1/rules, /healthz; OpenAPI at /docs)."""
    try:
        from claimcheck import serve as serve_mod
    except ImportError as err:
        raise _fail(f"serve needs the 'serve' extra ({err.name} missing): pip install 'claimcheck[serve]'") from None
    from claimcheck.errors import ClaimcheckError
    from claimcheck.rules import load_rules

    try:
        load_rules(rules)  # a broken rule folder is a start-up error, not a 500 per request
    except ClaimcheckError as err:
        raise _fail(str(err)) from None
    if workers < 1 or max_inflight < 1 or max_body < 1:
        raise _fail("--workers, --max-inflight and --max-body-bytes must be at least 1")
    settings = serve_mod.ServeSettings(
        models=models, rule_dirs=list(rules), max_body_bytes=max_body, max_inflight=max_inflight,
        max_documents=max_documents, warm=[x.strip() for x in warm.split(",") if x.strip()],
    )
    serve_mod.run(host, port, workers, settings, log_level=log_level, threads=threads)


def batch(
    input: Annotated[str, typer.Argument(help="JSONL file ({'id','text',...} a line), directory, or glob (quoted).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output JSONL: one report line per document.")],
    resume: Annotated[bool, typer.Option("--resume", help="Skip ids already in OUT.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Start OUT afresh if it exists.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes (local) or cluster workers.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="local or dask.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler",
                                                  help="dask scheduler address; default: a local cluster.")] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Documents per task (parsed together).")] = 4,
    threads: Annotated[int | None, typer.Option("--threads", help="torch threads per worker.")] = None,
    lang: Annotated[str, typer.Option("--lang", "-l", help="de, en or auto; a record's own 'lang' wins.")] = "auto",
    text_field: Annotated[str, typer.Option("--text-field", help="JSON field with the text.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="JSON field with the id (default: file or line).")] = "id",
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N records of INPUT.")] = None,
    rules: Annotated[list[str], typer.Option("--rules", help="Extra rule folder on top of the built-in rules.")] = [],  # noqa: B006
    models: Annotated[str | None, typer.Option("--models", envvar="CLAIMCHECK_MODELS", help="Model folder.")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = True,
) -> None:
    """Check many documents: one JSON line per document in OUT, written as it goes, resumable."""
    from claimcheck import batch as batch_mod
    from claimcheck.errors import ClaimcheckError
    from claimcheck.rules import load_rules

    if lang not in ("de", "en", "auto"):
        raise _fail(f"--lang must be de, en or auto, not {lang!r}")
    if workers < 1 or chunk_size < 1:
        raise _fail("--workers and --chunk-size must be at least 1")
    try:
        load_rules(rules)
        result = batch_mod.run_batch(
            input, out, batch_mod.BatchOptions(lang=lang, models=models, rule_dirs=list(rules),
                                               text_field=text_field, id_field=id_field),
            workers=workers, engine=engine.value, scheduler=scheduler, chunk_size=chunk_size, threads=threads,
            resume=resume, overwrite=overwrite, limit=limit, progress=progress,
        )
    except ClaimcheckError as err:
        raise _fail(str(err)) from None
    except KeyboardInterrupt:
        typer.echo(f"claimcheck: interrupted; finished documents are in {out} (continue with --resume)", err=True)
        raise typer.Exit(130) from None
    typer.echo(batch_mod.summary(result, out), err=True)
    if result.errors:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("batch")(batch)
