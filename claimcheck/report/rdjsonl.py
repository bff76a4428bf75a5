"""reviewdog diagnostic format, one JSON object per line (`reviewdog -f=rdjsonl`)."""

from __future__ import annotations

import json

from claimcheck.report.models import Report

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(report: Report) -> str:
    lines = []
    for doc in report.documents:
        for f in doc.findings:
            rng: dict = {"start": {"line": f.line, "column": f.column}}
            if f.end_line is not None:
                rng["end"] = {"line": f.end_line, "column": f.end_column or 1}
            lines.append(
                json.dumps(
                    {
                        "message": f.message,
                        "location": {"path": doc.path, "range": rng},
                        "severity": SEVERITY[f.severity],
                        "source": {"name": report.tool.name},
                        "code": {"value": f.code},
                    },
                    ensure_ascii=False,
                )
            )
    return "".join(line + "\n" for line in lines)
