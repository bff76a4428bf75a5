"""Report only findings on changed lines: `--diff REF` (git) or `--diff-file PATCH`.

For a pull request on a long article only the paragraphs someone touched should fail the
check. Changed lines come from a zero-context unified diff (``git diff -U0 REF -- FILE``,
or any unified diff read from a file or stdin); a finding stays when any line it spans
was added or changed.

- A file git does not track yet (a new draft) counts as changed everywhere.
- A binary file (.docx) that changed counts as changed everywhere: a diff of a Word
  file has no lines to compare.
- With ``--diff-file``, a checked file that the patch does not mention has no changed
  lines, so all its findings go.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.report.models import DocumentReport, Report
from claimcheck.suppress import recount

ALL = None  # "every line changed"
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _strip_prefix(name: str) -> str:
    name = name.strip().split("\t", 1)[0]
    if name.startswith('"') and name.endswith('"'):
        name = name[1:-1]
    if name.startswith(("a/", "b/")):
        name = name[2:]
    return name


def parse_unified_diff(text: str) -> dict[str, set[int] | None]:
    """New-file path → changed (added) line numbers; ALL (None) for changed binary files."""
    out: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = _strip_prefix(line[4:])
            current = None if name == "/dev/null" else name
            if current is not None:
                out.setdefault(current, set())
        elif line.startswith("Binary files ") and line.endswith(" differ"):
            m = re.match(r"Binary files (.+?) and (.+?) differ", line)
            if m and m.group(2) != "/dev/null":
                out[_strip_prefix(m.group(2))] = ALL
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or "1")
            lines = out[current]
            if lines is not ALL:
                lines.update(range(start, start + count))
    return out


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ClaimcheckError("--diff needs git, which is not installed") from None


def changed_lines_git(path: str, ref: str) -> set[int] | None:
    """Changed lines of one file against a git ref; ALL for a new or binary file."""
    p = Path(path)
    cwd, name = str(p.parent.resolve()) if str(p.parent) else ".", p.name
    tracked = _git(["ls-files", "--error-unmatch", "--", name], cwd)
    if tracked.returncode != 0:
        if "not a git repository" in tracked.stderr.lower():
            raise InputError(f"{path}: --diff needs a git repository")
        return ALL
    result = _git(["diff", "-U0", "--no-color", "--no-ext-diff", ref, "--", name], cwd)
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["git diff failed"])[0]
        raise ClaimcheckError(f"--diff {ref}: {first}")
    parsed = parse_unified_diff(result.stdout)
    if not parsed:
        return set()
    return next(iter(parsed.values()))


def _match(doc_path: str, patch: dict[str, set[int] | None]) -> set[int] | None:
    rel = Path(os.path.relpath(os.path.abspath(doc_path))).as_posix()
    for name, lines in patch.items():
        if name in (rel, Path(doc_path).as_posix()) or rel.endswith("/" + name) or name.endswith("/" + rel):
            return lines
    return set()


def keep_changed(doc: DocumentReport, lines: set[int] | None) -> DocumentReport:
    if lines is ALL:
        return doc
    kept = [f for f in doc.findings if any(n in lines for n in range(f.line, max(f.line, f.end_line or 0) + 1))]
    if len(kept) == len(doc.findings):
        return doc
    return recount(doc.model_copy(update={"findings": kept}))


def scope(report: Report, ref: str | None = None, patch_text: str | None = None) -> Report:
    """The report with findings only on changed lines (stdin "-" documents are left alone with --diff)."""
    patch = parse_unified_diff(patch_text) if patch_text is not None else None
    documents = []
    for doc in report.documents:
        if patch is not None:
            lines = _match(doc.path, patch)
        elif ref is not None and doc.path != "-":
            lines = changed_lines_git(doc.path, ref)
        else:
            lines = ALL
        documents.append(keep_changed(doc, lines))
    return report.model_copy(update={"documents": documents})


def read_patch(path: str) -> str:
    """A unified diff from a file, or stdin for "-"."""
    import sys

    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise InputError(f"{path}: cannot read diff ({err.strerror})") from None
