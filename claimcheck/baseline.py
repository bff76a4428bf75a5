"""Baselines: accept the findings an archive already has, report only new ones.

`--write-baseline FILE` stores one fingerprint per finding; `--baseline FILE` drops every
finding whose fingerprint is stored. A fingerprint is a hash of

    rule code + the claim's normalised text + the occurrence index

(the occurrence index tells apart the same claim with the same code twice in one file).
Line and column are not in it, so a finding keeps its fingerprint when paragraphs are
added above it; rewording the claim makes it a new finding, as it should. Fingerprints
are kept per file, with the path relative to the baseline file's folder, so the baseline
works from any working directory.

The file is JSON, sorted and stable, fit to commit::

    {"claimcheck_baseline": 1,
     "findings": [{"path": "drafts/a.md", "code": "CC101", "fingerprint": "…",
                   "line": 14, "message": "…"}]}

(`line` and `message` are there for people reading a diff of the baseline; matching ignores them.)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.report.models import DocumentReport, Finding, Report
from claimcheck.suppress import recount

VERSION = 1
_QUOTES = str.maketrans({c: '"' for c in "„“”‚‘’«»‹›\"'`´"})


def normalise(text: str) -> str:
    """Claim text as compared: NFKC, case-folded, quotes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def _claim_text(doc: DocumentReport, finding: Finding) -> str:
    if finding.claim:
        for claim in doc.claims:
            if claim.id == finding.claim:
                return claim.text
    return finding.message


def fingerprints(doc: DocumentReport) -> list[str]:
    """One fingerprint per finding of the document, in order."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in doc.findings:
        key = (f.code, normalise(_claim_text(doc, f)))
        index = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\x00".join((key[0], key[1], str(index))).encode("utf-8")).hexdigest()
        out.append(digest[:24])
    return out


def _key(path: str, base: Path) -> str:
    if path == "-":
        return "-"
    absolute = Path(os.path.abspath(path))
    try:
        return Path(os.path.relpath(absolute, base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return absolute.as_posix()


def build(report: Report, baseline_path: str | os.PathLike) -> dict:
    base = Path(os.path.abspath(baseline_path)).parent
    entries = []
    for doc in report.documents:
        for f, fp in zip(doc.findings, fingerprints(doc), strict=True):
            entries.append(
                {"path": _key(doc.path, base), "code": f.code, "fingerprint": fp, "line": f.line, "message": f.message}
            )
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    return {"claimcheck_baseline": VERSION, "findings": entries}


def write(report: Report, baseline_path: str | os.PathLike) -> int:
    """Write the baseline for every finding in the report; returns the number written."""
    data = build(report, baseline_path)
    Path(baseline_path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(data["findings"])


def load(baseline_path: str | os.PathLike) -> set[tuple[str, str]]:
    """(path, fingerprint) pairs stored in a baseline file."""
    p = Path(baseline_path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{baseline_path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{baseline_path}: not a claimcheck baseline ({err.__class__.__name__})") from None
    if not isinstance(data, dict) or data.get("claimcheck_baseline") != VERSION:
        raise InputError(f"{baseline_path}: not a claimcheck baseline (version {VERSION} expected)")
    try:
        return {(e["path"], e["fingerprint"]) for e in data["findings"]}
    except (KeyError, TypeError):
        raise InputError(f"{baseline_path}: malformed baseline entry") from None


def apply(report: Report, baseline_path: str | os.PathLike) -> tuple[Report, int]:
    """(report without the baselined findings, number removed)."""
    known = load(baseline_path)
    base = Path(os.path.abspath(baseline_path)).parent
    removed = 0
    documents = []
    for doc in report.documents:
        key = _key(doc.path, base)
        kept = [f for f, fp in zip(doc.findings, fingerprints(doc), strict=True) if (key, fp) not in known]
        removed += len(doc.findings) - len(kept)
        documents.append(recount(doc.model_copy(update={"findings": kept})) if len(kept) != len(doc.findings) else doc)
    return report.model_copy(update={"documents": documents}), removed
