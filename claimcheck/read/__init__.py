"""Read inputs: bytes on disk → a `Source` whose `text` the pipeline analyses.

Every reader keeps offsets exact: `Source.text` has the same length as the decoded file
(`Source.original`), with markup, front matter and code replaced by blanks, so a span in
`text` is the same span in the original file and `position()` gives its line and column.

Decoding (`decode`) never guesses silently and never changes the text: a byte-order mark is
dropped, CRLF and lone CR stay as they are, nothing is normalised (offsets are Python str
indices into the decoded text). Binary input and undecodable bytes are refused with a
one-line `InputError`; legacy 8-bit encodings are the job of an optional fallback hook
(`fallback=`; by default `claimcheck.read.detect`'s decoder when that module is there).
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from claimcheck.errors import InputError

MAX_BYTES_DEFAULT = 50 * 1024 * 1024

# A fallback decoder for bytes that are not UTF-8: (data, path) → (text, note for the report) or None
# (None: no encoding fits; the caller reports invalid UTF-8). It may raise InputError itself.
Fallback = Callable[[bytes, str], "tuple[str, str] | None"]

_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(slots=True)
class Source:
    path: str  # as given by the user ("-" for stdin)
    original: str  # the decoded file
    text: str  # what is analysed: same length as `original`, non-prose blanked
    format: str = "text"
    notes: list[str] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.original):
            raise ValueError("reader broke the offset contract: text and original differ in length")
        # lines end at \n, \r\n or a lone \r (as editors and LSP count them)
        self._line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.original))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in the original file (columns count code points)."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


# ---- decoding --------------------------------------------------------------------------------

# (magic bytes, what it is): files that are certainly not text, whatever their extension
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000 image"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# C0 controls except tab/newline/vertical tab/form feed/carriage return, DEL, and C1 controls
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 65536  # characters looked at
_CONTROL_MAX_RATIO = 0.10  # more than this share of control characters: binary


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file `data` is, or None when it may be text (no decoding done)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[4:12] in (b"ftypisom", b"ftypmp42", b"ftypheic", b"ftypavif", b"ftypM4A "):
        return "MP4/HEIF media"
    if b"\x00" in data:
        return "contains NUL bytes"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:_CONTROL_SAMPLE]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _where(data: bytes, pos: int) -> str:
    """'line L, column C' of a byte offset (column in bytes, 1-based)."""
    line = data.count(b"\n", 0, pos) + 1
    col = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def _default_fallback() -> Fallback | None:
    """The legacy-encoding detector of `claimcheck.read.detect`, if that module is installed.

    Uses `detect.decode_legacy(data, path) -> (text, note) | None` when defined, else adapts
    `detect.decode_bytes(data, path) -> (text, notes)` (which also does charset detection).
    """
    try:
        from claimcheck.read import detect
    except ImportError:
        return None
    hook = getattr(detect, "decode_legacy", None)
    if callable(hook):
        return hook
    full = getattr(detect, "decode_bytes", None)
    if not callable(full):
        return None

    def adapted(data: bytes, path: str) -> tuple[str, str] | None:
        text, notes = full(data, path)
        return text, "; ".join(notes) or "not UTF-8: decoded by charset detection"

    return adapted


def decode_bytes(data: bytes, path: str, fallback: Fallback | None = None) -> tuple[str, str | None]:
    """Bytes → (text, note). The note says which non-UTF-8 encoding was used, else None.

    Order: a byte-order mark decides (UTF-8/16/32, mark dropped); known binary signatures and
    NUL bytes are refused; strict UTF-8; else the `fallback` hook (legacy encodings); else a
    one-line error naming the first bad byte. A text that is mostly control characters is
    refused as binary whichever way it was decoded.
    """
    note: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{path}: not valid {codec.upper()} despite its byte-order mark (byte {err.start + len(bom)})"
                ) from None
            if codec != "utf-8":
                note = f"decoded as {codec.upper()} (byte-order mark)"
            break
    else:
        kind = sniff_binary(data)
        if kind is not None:
            raise InputError(f"{path}: binary file ({kind}), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            hook = fallback or _default_fallback()
            legacy = hook(data, path) if hook is not None else None
            if legacy is None:
                bad = data[err.start]
                raise InputError(
                    f"{path}: not valid UTF-8 (byte 0x{bad:02X} at {_where(data, err.start)}); "
                    "save it as UTF-8 and check again"
                ) from None
            text, note = legacy
    if _control_ratio(text) > _CONTROL_MAX_RATIO:
        raise InputError(f"{path}: binary file (mostly control characters), not text")
    return text, note


def decode(data: bytes, path: str, fallback: Fallback | None = None) -> str:
    """Bytes → str (see `decode_bytes`); raises InputError with a one-line message."""
    return decode_bytes(data, path, fallback)[0]


# ---- sources -------------------------------------------------------------------------------


def read_text(text: str, path: str = "-") -> Source:
    """A plain-text source from a str already in memory (stdin, service requests)."""
    return Source(path=path, original=text, text=text)


def _check_not_empty(text: str, path: str) -> None:
    if not text:
        raise InputError(f"{path}: empty file, nothing to check")
    if text.isspace():  # (not strip(): no copy of a 50 MB text)
        raise InputError(f"{path}: only whitespace, nothing to check")


def _source(data: bytes, path: str, fallback: Fallback | None) -> Source:
    text, note = decode_bytes(data, path, fallback)
    _check_not_empty(text, path)
    src = read_text(text, path)
    if note:
        src.notes.append(note)
    return src


def read_stream(stream: BinaryIO, path: str = "-", max_bytes: int = MAX_BYTES_DEFAULT,
                fallback: Fallback | None = None) -> Source:
    """Read a binary stream (stdin) to its end, refusing more than `max_bytes`."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: more than {max_bytes} bytes, over the limit (--max-bytes)")
    return _source(data, path, fallback)


def read_bytes(path: str, max_bytes: int = MAX_BYTES_DEFAULT) -> bytes:
    """The bytes of a file named on the command line, at most `max_bytes` (else InputError).

    Opens the file once, read-only; never writes. Regular files are size-checked before
    reading; pipes and devices (`<(cmd)`, /dev/stdin) are read up to the limit.
    """
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a directory, not a file")
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise InputError(f"{path}: {st.st_size} bytes, over the limit of {max_bytes} (--max-bytes)")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (OSError, ValueError) as err:  # ValueError: embedded NUL in the path
        reason = getattr(err, "strerror", None) or str(err)
        raise InputError(f"{path}: cannot read ({reason})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: more than {max_bytes} bytes, over the limit (--max-bytes)")
    return data


def read_path(path: str, max_bytes: int = MAX_BYTES_DEFAULT) -> Source:
    """Read one file given on the command line. Raises InputError with a one-line message."""
    return _source(read_bytes(path, max_bytes), path, None)
