"""Output formats: each a pure function of the report model. `render` picks one by name."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from claimcheck.report import github, gitlab, html_report, json_format, junit, rdjsonl, sarif, text_format
from claimcheck.report.models import Report

FORMATS: dict[str, Callable[..., str]] = {
    "json": json_format.render,
    "text": text_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "rdjsonl": rdjsonl.render,
    "junit": junit.render,
    "html": html_report.render,
}


def render(report: Report, fmt: str, color: bool = False, texts: Mapping[str, str] | None = None) -> str:
    """`texts` (path → analysed text) lets the HTML report show whole articles; other formats ignore it."""
    if fmt == "text":
        return text_format.render(report, color=color)
    if fmt == "html":
        return html_report.render(report, texts)
    return FORMATS[fmt](report)
