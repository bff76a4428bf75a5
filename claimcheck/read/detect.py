"""Pick a reader for each input, decode legacy encodings, and expand directories and globs.

- Format by extension (``.md``/``.markdown`` → Markdown, ``.html``/``.htm`` → HTML,
  ``.docx`` → Word, anything else → plain text), with a content sniff for HTML and
  front-mattered Markdown saved under another name.
- Decoding: a byte-order mark wins (UTF-8, UTF-16, UTF-32; the BOM is not part of the
  text, so columns count from the first real character); otherwise strict UTF-8; otherwise
  charset-normalizer's best guess, with a note in the report naming the encoding used.
  CRLF and CR line ends stay in `Source.original`, so offsets and line:column are those of
  the file.
- Directories expand to the files of known types below them (hidden folders skipped),
  globs (``drafts/**/*.md``) to their matches; ``ignore`` patterns drop expanded files.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from claimcheck.errors import InputError
from claimcheck.read import MAX_BYTES_DEFAULT, Source
from claimcheck.read.html import normalise_breaks

FORMATS_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
}
FORMAT_NAMES = ("text", "markdown", "html", "docx")
SKIP_DIRS = {"node_modules", "__pycache__", "venv"}
_WIDE = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<!--.*?-->\s*<html)", re.IGNORECASE | re.DOTALL)
# a suppression directive on its own line in a plain-text file is not prose
_TEXT_DIRECTIVE = re.compile(
    r"^[ \t]*(?:#|//|\[|<!--)[ \t]*claimcheck-(?:disable|enable)[^\n]*$", re.MULTILINE | re.IGNORECASE
)


def decode_legacy(data: bytes, path: str) -> tuple[str, str] | None:
    """The fallback for bytes that are not UTF-8 (and have no BOM): (text, note) or None.

    German and English newsroom archives are Windows-1252/Latin-1 far more often than
    anything else, and detectors guess exotic cousins for short files ("Grüße" as CJK or
    cp1250). So Windows-1252 is taken when it decodes the bytes and the result reads like a
    Latin-script text (mostly ASCII letters: umlauts and accents are a small share of the
    letters). Otherwise charset-normalizer decides (Cyrillic cp1251, Greek, ...). UTF-16/32
    without a byte-order mark is never guessed.
    """
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _reads_latin(western):
        text, encoding = western, "cp1252"
    else:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_exclusion=_WIDE).best()
        if best is None:
            return None
        text, encoding = str(best), best.encoding
    try:
        data.decode("utf-8")
        where = ""
    except UnicodeDecodeError as err:
        where = f" at byte {err.start}"
    return text, f"decoded as {encoding} (not valid UTF-8{where})"


def _reads_latin(text: str) -> bool:
    letters = [c for c in text[:65536] if c.isalpha()]
    if not letters:
        return True
    ratio = sum(not c.isascii() for c in letters) / len(letters)
    return ratio < 0.25 or (ratio <= 0.5 and len(letters) < 40)  # short German words: "Grüße", "Köln"


def decode_bytes(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes → (text, notes): BOM, binary refusal, strict UTF-8 (see `claimcheck.read.decode_bytes`),
    then `decode_legacy` for legacy 8-bit files."""
    from claimcheck.read import decode_bytes as _decode

    text, note = _decode(data, path, decode_legacy)
    return text, [note] if note else []


def detect_format(path: str, head: str = "") -> str:
    """Reader name for a path (extension first, then a look at the first characters)."""
    fmt = FORMATS_BY_SUFFIX.get(Path(path).suffix.lower())
    if fmt:
        return fmt
    if _HTML_SNIFF.match(head[:4096]):
        return "html"
    if re.match(r"\A---[ \t]*\r?\n.*?\n---[ \t]*\r?\n", head[:4096], re.DOTALL):
        return "markdown"
    return "text"


def read_plain(original: str, path: str) -> Source:
    """Plain text: analysed as written, except suppression directives on their own line."""
    text = _TEXT_DIRECTIVE.sub(lambda m: " " * len(m.group()), original)
    return Source(path=path, original=original, text=normalise_breaks(text), format="text")


def read_data(data: bytes, path: str, fmt: str | None = None) -> Source:
    """Any supported input held in memory (a file's bytes or stdin) → Source."""
    if fmt is None and (Path(path).suffix.lower() == ".docx" or (path == "-" and _looks_like_docx(data))):
        fmt = "docx"  # a zip under another name is refused as binary by the decoder
    if fmt == "docx":
        from claimcheck.read.docx import read_docx

        return read_docx(data, path)
    original, notes = decode_bytes(data, path)
    if not original:
        raise InputError(f"{path}: empty file, nothing to check")
    if original.isspace():
        raise InputError(f"{path}: only whitespace, nothing to check")
    fmt = fmt or detect_format(path, original)
    if fmt == "markdown":
        from claimcheck.read.markdown import read_markdown

        source = read_markdown(original, path)
    elif fmt == "html":
        from claimcheck.read.html import read_html

        source = read_html(original, path)
    elif fmt == "text":
        source = read_plain(original, path)
    else:
        raise InputError(f"{path}: unknown input format {fmt!r} (expected one of {', '.join(FORMAT_NAMES)})")
    if not source.text.strip():
        raise InputError(f"{path}: no prose to check (only markup, code or front matter)")
    source.notes.extend(notes)
    return source


def _looks_like_docx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" and b"word/" in data[:65536]


def read_any(path: str, max_bytes: int = MAX_BYTES_DEFAULT, fmt: str | None = None) -> Source:
    """Read one file in whatever supported format it is. Raises InputError with a one-line message."""
    from claimcheck.read import read_bytes

    return read_data(read_bytes(path, max_bytes), path, fmt)


def read_stdin(stream: BinaryIO, max_bytes: int = MAX_BYTES_DEFAULT, fmt: str | None = None) -> Source:
    """Standard input ("-"): plain text unless `fmt` says otherwise or the content is clearly HTML/DOCX."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as err:
        raise InputError(f"-: cannot read ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise InputError(f"-: more than {max_bytes} bytes, over the limit (--max-bytes)")
    return read_data(data, "-", fmt)


def _ignored(path: str, patterns: Sequence[str], root: Path) -> bool:
    """gitignore-like: a pattern matches the path relative to root, or any of its parent folders."""
    if not patterns:
        return False
    p = Path(path).resolve()
    try:
        rel = p.relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    parts = rel.split("/")
    candidates = {rel, *("/".join(parts[:k]) for k in range(1, len(parts)))}
    for pat in patterns:
        pat = pat.strip().removeprefix("./").rstrip("/")
        if not pat:
            continue
        for cand in candidates:
            if fnmatch.fnmatchcase(cand, pat) or ("/" not in pat and fnmatch.fnmatchcase(cand.rsplit("/", 1)[-1], pat)):
                return True
    return False


def _walk(directory: str) -> Iterable[str]:
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if Path(name).suffix.lower() in FORMATS_BY_SUFFIX and not name.startswith("."):
                yield os.path.join(dirpath, name)


def expand_inputs(args: Sequence[str], ignore: Sequence[str] = (), root: str | os.PathLike | None = None) -> list[str]:
    """Command-line inputs → file paths, in order, without duplicates.

    Files named explicitly are always kept; files found by expanding a directory or a glob
    are dropped when they match an ``ignore`` pattern (relative to ``root``, default cwd).
    A glob that matches nothing is an error.
    """
    base = Path(root) if root is not None else Path.cwd()
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == "-" else os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.append(path)

    for arg in args:
        if arg == "-":
            add(arg)
        elif os.path.isdir(arg):
            found = list(_walk(arg))
            if not found:
                kinds = ", ".join(sorted(FORMATS_BY_SUFFIX))
                raise InputError(f"{arg}: is a directory with no files to check ({kinds})")
            for f in found:
                if not _ignored(f, ignore, base):
                    add(f)
        elif glob.has_magic(arg) and not os.path.exists(arg):
            matches = sorted(m for m in glob.glob(arg, recursive=True) if os.path.isfile(m))
            if not matches:
                raise InputError(f"{arg}: no files match")
            for f in matches:
                if not _ignored(f, ignore, base):
                    add(f)
        else:
            add(arg)
    return out
