"""GitLab Code Quality report (a JSON array; `artifacts:reports:codequality`).

Each issue has `description`, `check_name` (the code), `fingerprint` (unique per issue;
stable across line shifts, as `--baseline`), `severity` (error → major, warning → minor,
info → info) and `location` with `path` and begin line.
"""

from __future__ import annotations

import hashlib
import json

from claimcheck.baseline import fingerprints
from claimcheck.report.models import Report

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    issues = []
    for doc in report.documents:
        for f, fp in zip(doc.findings, fingerprints(doc), strict=True):
            issues.append(
                {
                    "type": "issue",
                    "description": f"{f.code} {f.message}",
                    "check_name": f.code,
                    "categories": ["Style"],
                    "fingerprint": hashlib.md5(f"{doc.path}\x00{fp}".encode(), usedforsecurity=False).hexdigest(),
                    "severity": SEVERITY[f.severity],
                    "location": {
                        "path": doc.path,
                        "lines": {"begin": f.line, "end": f.end_line or f.line},
                    },
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
