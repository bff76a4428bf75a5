"""The report's JSON Schema is the public contract: committed in docs/ and pinned here."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report.models import Report

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"


def test_schema_matches_committed_file() -> None:
    current = json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == current, (
        "the report contract changed: review it, bump schema_version if a field was renamed or removed, "
        "then run `claimcheck schema > docs/report.schema.json`"
    )


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == Report.model_json_schema()


def test_contract_fields_exist() -> None:
    props = Report.model_json_schema()["$defs"]["Claim"]["properties"]
    for name in ("id", "text", "start", "end", "line", "column", "kind", "status", "speaker", "outlet", "via", "cue",
                 "inherited_from", "rule"):
        assert name in props
