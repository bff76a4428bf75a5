"""`--format sarif` validates against the SARIF 2.1.0 schema (vendored: tests/data, OASIS notice beside it)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from claimcheck.report import sarif
from claimcheck.report.models import Report

jsonschema = pytest.importorskip("jsonschema")

DATA = Path(__file__).parent / "data"
SCHEMA_PATH = DATA / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(text: str) -> dict:
    data = json.loads(text)
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    return data


def test_vendored_schema_is_the_oasis_2_1_0_file():
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert (DATA / "sarif-schema-2.1.0.NOTICE.txt").is_file()


def test_validator_rejects_broken_sarif():
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]}
    assert list(validator().iter_errors(broken))


def test_hand_built_reports_validate():
    from tests.test_outputs import sample_report

    report, _ = sample_report(errors=True)
    data = assert_valid(sarif.render(report))
    assert len(data["runs"][0]["results"]) == sum(len(d.findings) for d in report.documents)
    assert_valid(sarif.render(Report()))  # nothing checked: still a valid log


def test_info_level_and_open_regions_validate():
    from tests.test_outputs import sample_report

    report, _ = sample_report()
    doc = report.documents[0]
    findings = [f.model_copy(update={"severity": "info", "end_line": None, "end_column": None}) for f in doc.findings]
    data = assert_valid(sarif.render(Report(documents=[doc.model_copy(update={"findings": findings})])))
    assert {r["level"] for r in data["runs"][0]["results"]} == {"note"}


def test_cli_sarif_on_fixtures_validates(monkeypatch):
    """`claimcheck check fixtures/formats/... --format sarif` with the real parser."""
    from tests.test_outputs import ROOT, needs_models, run_check

    if needs_models.args[0]:
        pytest.skip(needs_models.kwargs["reason"])
    monkeypatch.chdir(ROOT)
    code, out = run_check("fixtures/formats/entwurf.md", "fixtures/formats/cms-export.html",
                          "fixtures/formats/archiv-latin1.txt", "--format", "sarif", "--lang", "de")
    assert code in (0, 1), out
    data = assert_valid(out)
    uris = {a["location"]["uri"] for a in data["runs"][0]["artifacts"]}
    assert uris == {"fixtures/formats/entwurf.md", "fixtures/formats/cms-export.html",
                    "fixtures/formats/archiv-latin1.txt"}
