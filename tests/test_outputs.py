"""Output formats on hand-built reports (pure functions: no parser), plus an end-to-end run
through the real parser per input format whose findings must land on the file's line:column.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.read import Source
from claimcheck.read.detect import read_any
from claimcheck.report import github, gitlab, html_report, junit, rdjsonl, render, sarif, text_format
from claimcheck.report.models import (
    Claim,
    Cue,
    DocumentReport,
    Finding,
    InputErrorReport,
    Outlet,
    Report,
    Speaker,
    Summary,
)

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "fixtures" / "formats"

# (phrase in the fixture, kind, status, speaker, finding: (code, rule, severity, message) or None)
SPEC = [
    ("Der Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.", "assertion", "unsourced", None,
     ("CC101", "unsourced-assertion", "error", "Unsourced assertion: a number; nobody in the text stands behind it")),
    ("„Wir werden keinen Standort schließen“", "direct_quote", "sourced", "Anna Berger", None),
    ("Kritiker sagen, die Stadt habe die Kosten jedes großen Projekts unterschätzt.", "indirect_speech",
     "weakly_sourced", None, ("CC104", "vague-attribution", "warning", "Vague attribution: Kritiker")),
    ("Der Minister soll bereits im Mai von den Problemen gewusst haben.", "hearsay", "unsourced", None,
     ("CC105", "hearsay-without-source", "warning", "Hearsay without a source: 'soll' but nobody named")),
]


def sample_document(source: Source, spec=SPEC, language: str = "de") -> DocumentReport:
    """A report for a real Source as the engine would build it: spans, line:column via the reader."""
    claims, findings = [], []
    for n, (phrase, kind, status, speaker, finding) in enumerate(spec, 1):
        pattern = re.escape(phrase).replace(r"\ ", r"\s+").replace("„", '[„"]').replace("“", '[“"]')
        m = re.search(pattern, source.text)  # (HTML: padding after entities, <q> as straight quotes)
        if m is None:
            continue
        start, end = m.span()
        line, col = source.position(start)
        end_line, end_col = source.position(end)
        claims.append(
            Claim(
                id=f"c{n}", text=source.text[start:end], start=start, end=end, line=line, column=col, kind=kind,
                status=status,
                speaker=Speaker(name=speaker, type="person", mention=speaker.split()[-1]) if speaker else None,
                outlet=Outlet(name="dpa", type="wire_agency") if kind == "direct_quote" else None,
                cue=Cue(text="sagte", lemma="sagen", start=start, end=start + 5) if speaker else None,
                rule=f"{language}.{kind}", paragraph=n - 1,
            )
        )
        if finding:
            code, rule, severity, message = finding
            findings.append(Finding(rule=rule, code=code, severity=severity, claim=f"c{n}", message=message,
                                    start=start, end=end, line=line, column=col, end_line=end_line,
                                    end_column=end_col))
    summary = Summary(
        claims=len(claims),
        sourced=sum(c.status == "sourced" for c in claims),
        weakly_sourced=sum(c.status == "weakly_sourced" for c in claims),
        unsourced=sum(c.status == "unsourced" for c in claims),
        findings=len(findings),
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        infos=sum(f.severity == "info" for f in findings),
        speakers=sorted({c.speaker.name for c in claims if c.speaker}),
    )
    return DocumentReport(path=source.path, language=language, claims=claims, findings=findings, summary=summary)


def sample_report(errors: bool = False) -> tuple[Report, dict[str, str]]:
    sources = [read_any("fixtures/formats/entwurf.md"), read_any("fixtures/formats/cms-export.html")]
    report = Report(
        documents=[sample_document(s) for s in sources],
        errors=[InputErrorReport(path="fehlt.md", message="fehlt.md: no such file")] if errors else [],
    )
    return report, {s.path: s.text for s in sources}


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)


# ---- each format -------------------------------------------------------------------------


def test_every_format_is_registered_and_deterministic():
    assert set(render.FORMATS) == {"text", "json", "sarif", "github", "gitlab", "rdjsonl", "junit", "html"}
    report, texts = sample_report(errors=True)
    for fmt in render.FORMATS:
        first = render.render(report, fmt, texts=texts)
        assert first == render.render(report, fmt, texts=texts), fmt
        assert first.endswith("\n"), fmt


def test_github_workflow_commands():
    report, _ = sample_report(errors=True)
    lines = github.render(report).splitlines()
    assert lines[0] == (
        "::error file=fixtures/formats/entwurf.md,line=9,col=1,endLine=9,endColumn=62,"
        "title=CC101 unsourced-assertion::Unsourced assertion: a number; nobody in the text stands behind it"
    )
    assert lines[1].startswith("::warning file=fixtures/formats/entwurf.md,line=14,col=1,")
    assert any(ln.startswith("::warning file=fixtures/formats/cms-export.html,line=20,col=6,") for ln in lines)
    assert lines[-1] == "::error file=fehlt.md,title=claimcheck input error::fehlt.md: no such file"
    # escaping: data %, CR, LF; properties also ':' and ','
    doc = report.documents[0].model_copy(update={"path": "a,b:c.md"})
    odd = doc.findings[0].model_copy(update={"message": "50% sicher\nzweite Zeile", "severity": "info"})
    out = github.render(Report(documents=[doc.model_copy(update={"findings": [odd]})]))
    assert out.startswith("::notice file=a%2Cb%3Ac.md,") and out.endswith("::50%25 sicher%0Azweite Zeile\n")


def test_gitlab_code_quality():
    report, _ = sample_report()
    issues = json.loads(gitlab.render(report))
    assert len(issues) == 6
    first = issues[0]
    assert first["check_name"] == "CC101" and first["severity"] == "major"
    assert first["location"] == {"path": "fixtures/formats/entwurf.md", "lines": {"begin": 9, "end": 9}}
    assert {i["severity"] for i in issues} == {"major", "minor"}
    assert len({i["fingerprint"] for i in issues}) == 6  # unique per issue, as GitLab requires


def test_rdjsonl_lines():
    report, _ = sample_report()
    rows = [json.loads(line) for line in rdjsonl.render(report).splitlines()]
    assert len(rows) == 6
    assert rows[0]["location"] == {
        "path": "fixtures/formats/entwurf.md",
        "range": {"start": {"line": 9, "column": 1}, "end": {"line": 9, "column": 62}},
    }
    assert rows[0]["severity"] == "ERROR" and rows[0]["code"] == {"value": "CC101"}
    assert rows[0]["source"]["name"] == "claimcheck"


def test_junit_xml():
    report, _ = sample_report(errors=True)
    root = ET.fromstring(junit.render(report))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "6", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["fixtures/formats/entwurf.md", "fixtures/formats/cms-export.html",
                                               "inputs"]
    failure = suites[0].find("testcase/failure")
    assert failure.get("type") == "error" and "entwurf.md:9:1: error CC101" in failure.text
    clean = Report(documents=[report.documents[0].model_copy(update={"findings": []})])
    case = ET.fromstring(junit.render(clean)).find("testsuite/testcase")
    assert case is not None and case.find("failure") is None  # a clean file is one passing test


def test_sarif_structure():
    report, _ = sample_report(errors=True)
    data = json.loads(sarif.render(report))
    run = data["runs"][0]
    assert data["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CC101", "CC104", "CC105"]
    first = run["results"][0]
    assert first["ruleId"] == "CC101" and first["level"] == "error" and first["ruleIndex"] == 0
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (9, 1)
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "fixtures/formats/entwurf.md"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert sarif.artifact_uri("Ordner mit Leerzeichen/ä.md") == "Ordner%20mit%20Leerzeichen/%C3%A4.md"
    assert sarif.artifact_uri("-") == "stdin"


def test_sarif_fingerprints_survive_line_shifts():
    src = read_any("fixtures/formats/entwurf.md")
    shifted = Source(path=src.path, original="\n\n\n" + src.original, text="\n\n\n" + src.text)
    a = json.loads(sarif.render(Report(documents=[sample_document(src)])))["runs"][0]["results"]
    b = json.loads(sarif.render(Report(documents=[sample_document(shifted)])))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in a] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in b
    ]
    assert [r["partialFingerprints"] for r in a] == [r["partialFingerprints"] for r in b]


def test_html_report_is_standalone():
    report, texts = sample_report(errors=True)
    page = html_report.render(report, texts)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no external assets
    assert "<link" not in page and "@import" not in page
    n_claims = sum(len(d.claims) for d in report.documents)
    assert n_claims >= 7 and page.count('<mark class="claim') == n_claims
    assert 'class="claim unsourced has-finding"' in page and 'class="claim sourced"' in page
    assert '<sup class="badge error" data-code="CC101">CC101</sup>' in page
    assert "Redaktion Wirtschaft" not in page  # front matter is not article text
    assert "fehlt.md: no such file" in page
    # the embedded data cannot close its <script> early
    hostile = report.model_copy(deep=True)
    hostile.documents[0].claims[0].rule = "</script><script>alert(1)</script>"
    assert "</script><script>alert(1)" not in html_report.render(hostile, texts)
    # without texts: the claims alone, by paragraph
    assert html_report.render(report).count('<mark class="claim') == n_claims


def test_text_plain_when_piped_coloured_on_terminal():
    report, _ = sample_report()
    plain = text_format.render(report, color=False)
    assert "\x1b[" not in plain
    assert "fixtures/formats/entwurf.md:9:1: error CC101 Unsourced assertion" in plain
    coloured = text_format.render(report, color=True)
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    assert text_format.should_color(True, {}) is True
    assert text_format.should_color(False, {}) is False
    assert text_format.should_color(True, {"NO_COLOR": "1"}) is False
    assert text_format.should_color(False, {"FORCE_COLOR": "1"}) is True
    assert text_format.should_color(True, {"TERM": "dumb"}) is False


# ---- end to end with the real parser -----------------------------------------------------------


def _models_available(lang: str = "de") -> bool:
    try:
        from claimcheck.nlp import models

        models.resolve(lang)
    except Exception:
        return False
    return True


needs_models = pytest.mark.skipif(not _models_available(), reason="German parser models not installed/bundled")


def _file_position(path: Path, offset: int, encoding: str | None = None) -> tuple[int, int]:
    """line:column of a character offset, computed from the file independently of claimcheck."""
    if path.suffix == ".docx":
        raise AssertionError("not for docx")
    raw = path.read_bytes()
    text = raw.decode(encoding or "utf-8-sig")
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def run_check(*args: str) -> tuple[int, str]:
    from claimcheck.cli import app

    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.stdout


@needs_models
@pytest.mark.parametrize(
    ("name", "encoding"),
    [("entwurf.md", None), ("cms-export.html", None), ("archiv-latin1.txt", "cp1252"),
     ("meldung-bom-crlf.txt", None)],
)
def test_end_to_end_findings_land_on_the_files_line_and_column(name, encoding):
    path = FORMATS / name
    code, out = run_check(str(path.relative_to(ROOT)), "--format", "json", "--exit-zero", "--lang", "de")
    assert code == 0, out
    doc = json.loads(out)["documents"][0]
    assert doc["claims"], "the parser found no claims"
    original = path.read_bytes().decode(encoding or "utf-8-sig")
    for item in doc["claims"] + doc["findings"]:
        assert (item["line"], item["column"]) == _file_position(path, item["start"], encoding), item
    for claim in doc["claims"]:  # the claim's words are the file's words at that offset
        words = re.findall(r"\w+", claim["text"])
        assert words and all(w in original[claim["start"] : claim["end"] + 40] for w in words[:1]), claim
    # the findings an editor must see, at the line:column of the sentence in the file
    found = {(f["code"], f["line"], f["column"]) for f in doc["findings"]}
    assert EXPECTED[name] <= found, (name, sorted(found))
    if name in ("entwurf.md", "cms-export.html"):  # <!-- claimcheck-disable-next-line CC104 -->
        assert all(f["code"] != "CC104" for f in doc["findings"]), doc["findings"]
    if name == "meldung-bom-crlf.txt":  # "# claimcheck-disable-next-line CC105" above line 6
        assert all(f["code"] != "CC105" for f in doc["findings"]), doc["findings"]
        assert any(f["code"] == "CC104" and f["line"] == 7 for f in doc["findings"]), doc["findings"]


EXPECTED = {  # (code, line, column) in the original file, counted by hand
    "entwurf.md": {("CC101", 9, 1), ("CC105", 16, 1)},
    "cms-export.html": {("CC101", 12, 19), ("CC105", 20, 6)},
    "archiv-latin1.txt": {("CC101", 3, 11)},
    "meldung-bom-crlf.txt": {("CC101", 3, 1)},
}


@needs_models
def test_end_to_end_docx_findings_are_paragraph_numbers(tmp_path):
    from tests.test_read_formats import make_docx

    path = tmp_path / "bericht.docx"
    make_docx(path)
    code, out = run_check(str(path), "--format", "json", "--exit-zero", "--lang", "de")
    assert code == 0, out
    doc = json.loads(out)["documents"][0]
    paragraphs = {1: "Stellenabbau", 2: "Der Konzern hat", 5: "Der Minister soll", 8: "Kritiker sagen"}
    for claim in doc["claims"]:
        if claim["line"] in paragraphs and claim["column"] == 1:
            assert claim["text"].startswith(paragraphs[claim["line"]]), claim
    assert all(f["code"] != "CC105" for f in doc["findings"])  # [claimcheck-disable-next-line CC105] in ¶4
    assert ("CC101", 2, 1) in {(f["code"], f["line"], f["column"]) for f in doc["findings"]}  # ¶2, column 1
