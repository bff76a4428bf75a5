"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (validated against the schema in tests).

One run; `tool.driver.rules` lists the finding codes that occur; each result carries the
rule code, level, message, the region (1-based line/column; columns count Unicode code
points, declared in `run.columnKind`) and a `partialFingerprints` entry that survives line
shifts (the same fingerprint as `--baseline`). Inputs that could not be read become
`toolExecutionNotifications` and mark the invocation unsuccessful.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from claimcheck.baseline import fingerprints
from claimcheck.report.models import Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as given (forward slashes, percent-encoded)."""
    if path == "-":
        return "stdin"
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix().removeprefix("./"))


def render(report: Report) -> str:
    rules: dict[str, dict] = {}
    results = []
    for doc in report.documents:
        uri = artifact_uri(doc.path)
        for finding, fp in zip(doc.findings, fingerprints(doc), strict=True):
            if finding.code not in rules:
                rules[finding.code] = {
                    "id": finding.code,
                    "name": finding.rule,
                    "shortDescription": {"text": finding.rule.replace("-", " ")},
                    "defaultConfiguration": {"level": LEVEL[finding.severity]},
                    "help": {"text": f"claimcheck explain {finding.code}"},
                }
            region: dict = {
                "startLine": finding.line,
                "startColumn": finding.column,
                "charOffset": finding.start,
                "charLength": max(0, finding.end - finding.start),
            }
            if finding.end_line is not None:
                region["endLine"] = finding.end_line
                if finding.end_column is not None:
                    region["endColumn"] = finding.end_column
            results.append(
                {
                    "ruleId": finding.code,
                    "level": LEVEL[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                    "partialFingerprints": {"claimcheck/v1": fp},
                    "properties": {"rule": finding.rule, **({"claim": finding.claim} if finding.claim else {})},
                }
            )
    order = sorted(rules)
    for result in results:
        result["ruleIndex"] = order.index(result["ruleId"])
    notifications = [
        {
            "level": "error",
            "message": {"text": err.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(err.path)}}}],
        }
        for err in report.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "rules": [rules[c] for c in order],
            }
        },
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
        "artifacts": [
            {"location": {"uri": artifact_uri(d.path)}, "sourceLanguage": d.language} for d in report.documents
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
