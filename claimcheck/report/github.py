"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff.

    ::error file=drafts/a.md,line=14,col=3,endLine=14,endColumn=40,title=CC101 unsourced-assertion::message

Severity info becomes `notice`. Values are escaped as the runner expects (`%`, CR, LF,
and in properties also `:` and `,`).
"""

from __future__ import annotations

from claimcheck.report.models import Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for doc in report.documents:
        for f in doc.findings:
            props = [f"file={_prop(doc.path)}", f"line={f.line}", f"col={f.column}"]
            if f.end_line is not None:
                props.append(f"endLine={f.end_line}")
                if f.end_column is not None:
                    props.append(f"endColumn={f.end_column}")
            props.append(f"title={_prop(f'{f.code} {f.rule}')}")
            lines.append(f"::{COMMAND[f.severity]} {','.join(props)}::{_data(f.message)}")
    for err in report.errors:
        lines.append(f"::error file={_prop(err.path)},title=claimcheck input error::{_data(err.message)}")
    return "".join(line + "\n" for line in lines)
