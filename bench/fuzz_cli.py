"""Fuzz the whole CLI through the real parser: generate news-like documents with random quotes,
unbalanced and nested quotation marks, emoji, numbers, odd Unicode, mixed line ends and
encodings (plus a few deliberately bad files), run `claimcheck check --format json` on them
in batches, and count what must never happen:

- a traceback on stderr, or any stderr line that is not `claimcheck: error: <path>: ...`;
- an exit code other than 0 or 2, or output that is not one JSON report;
- a generated file that is neither a document nor an error in the report;
- a span that does not index the analysed text (see tests/_robust.py: span_problems).

A failing batch is bisected (halves re-run) until the failing files stand alone; they are kept
in `--out/failures/`. Exit status 0 when nothing failed.

    python bench/fuzz_cli.py --count 500            # the full run (docs/robustness.md)
    python bench/fuzz_cli.py --count 20 --batch 20  # CI
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimcheck.errors import ClaimcheckError  # noqa: E402
from claimcheck.read.detect import read_any  # noqa: E402
from tests._robust import span_problems  # noqa: E402

SPEAKERS = [
    "Olaf Scholz", "der SPD-Politiker", "ein Sprecher des Ministeriums", "die Polizei", "Kritiker",
    "informierte Kreise", "Reuters", "die „New York Times“", "Sergej Lawrow (Сергей Лавров)",
    "Zoë Müller-Lüdenscheidt", "Emmanuel Macron", "ein Insider", "die Bundesregierung", "sie", "er",
    "Experten", "der Kreml", "Washington", "die Deutsche Presse-Agentur", "Dr. Anna-Lena Ö'Brien",
]
CUES = ["sagte", "erklärte", "betonte", "berichtete", "teilte mit", "schrieb", "warnte", "kritisierte"]
CONTENT = [
    "die Lage sei ernst", "man werde {n} Millionen Euro investieren", "er habe nichts davon gewusst",
    "die Gespräche seien gescheitert", "es gebe keine Alternative", "das Ministerium prüfe den Fall",
    "die Zahl der Opfer sei auf {n} gestiegen", "sie wolle im Amt bleiben", "das sei „völlig inakzeptabel“",
]
ASSERTIONS = [
    "Die Regierung hat den Haushalt beschlossen", "Bei dem Anschlag wurden {n} Menschen getötet",
    "Der Konzern hat {n} Stellen gestrichen", "Die Inflation lag im März bei {f} Prozent",
    "Der Minister soll Bestechungsgeld angenommen haben", "Das Treffen findet am {d}. Mai statt",
    "Die Wahl wird im Herbst stattfinden", "Im Jahr 2023 kamen {n} Geflüchtete nach Deutschland",
]
ENGLISH = [
    "The minister said the talks had failed.", "According to officials, {n} people were injured.",
    "\"We will not give up,\" she told reporters.", "The company cut {n} jobs last year.",
]
QUOTES = [("„", "“"), ("»", "«"), ("“", "”"), ('"', '"'), ("‚", "‘"), ("«", "»"), ("„", "”"), ("'", "'")]
ODD = [
    "🙂", "👩\u200d👩\u200d👧", "🇩🇪", "👍🏽", "1️⃣", "e\u0301", "u\u0308", "\u200b", "\u00ad", "\ufeff", "\u202e",
    "\u2028", "𝔘𝔫𝔦", "習近平", "الجزيرة", "שלום", "\t", "\xa0", "\u3000", "\x0b", "\x0c", "\x1b[31m", "…", "—",
    "§ 219a", "3,5 %", "1.000.000", "https://example.org/a?b=c", "@dpa_news", "#Wahl2025", "(AFP)", "[Foto: dpa]",
]
BREAKS = ["\n\n", "\n\n", "\r\n\r\n", "\r\r", "\n \n", "\n\n\n"]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.randint(0, 100_000), f=f"{rng.uniform(0, 10):.1f}".replace(".", ","),
                           d=rng.randint(1, 31))


def random_unicode(rng: random.Random, size: int) -> str:
    out = []
    while len(out) < size:
        cp = rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0x24F), rng.randint(0x300, 0x36F),
                         rng.randint(0x370, 0x4FF), rng.randint(0x2000, 0x206F), rng.randint(0x4E00, 0x4FFF),
                         rng.randint(0x1F300, 0x1FAFF), rng.randint(0x0, 0x1F), rng.randint(0xE000, 0xE0FF)])
        if not 0xD800 <= cp <= 0xDFFF:
            out.append(chr(cp))
    return "".join(out)


def quote(rng: random.Random, inner: str) -> str:
    opener, closer = rng.choice(QUOTES)
    roll = rng.random()
    if roll < 0.1:
        return opener + inner  # never closes
    if roll < 0.15:
        return inner + closer  # closes without opening
    if roll < 0.25:  # nested
        o2, c2 = rng.choice(QUOTES)
        words = inner.split(" ")
        k = rng.randint(0, len(words))
        inner = " ".join(words[:k] + [o2 + " ".join(words[k:]) + c2])
    return opener + inner + closer


def sentence(rng: random.Random) -> str:
    speaker = rng.choice(SPEAKERS)
    cue = rng.choice(CUES)
    content = _fill(rng, rng.choice(CONTENT))
    kind = rng.random()
    if kind < 0.25:
        s = f"{speaker[:1].upper() + speaker[1:]} {cue}, {content}."
    elif kind < 0.45:
        s = f"{quote(rng, content[:1].upper() + content[1:])}, {cue} {speaker}."
    elif kind < 0.55:
        s = f"Laut {speaker} {_fill(rng, rng.choice(ASSERTIONS))[4:]}."
    elif kind < 0.6:
        s = f"Demnach {content}."
    elif kind < 0.65:
        s = f"{speaker[:1].upper() + speaker[1:]} {cue}: {quote(rng, _fill(rng, rng.choice(ASSERTIONS)) + '.')}"
    elif kind < 0.72:
        s = _fill(rng, rng.choice(ENGLISH))
    else:
        s = _fill(rng, rng.choice(ASSERTIONS)) + rng.choice([".", ".", "!", "?", "", "..."])
    words = s.split(" ")
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        words.insert(rng.randint(0, len(words)), rng.choice(ODD))
    if rng.random() < 0.05:
        words.insert(rng.randint(0, len(words)), random_unicode(rng, rng.randint(1, 12)))
    return " ".join(words)


def document(rng: random.Random) -> str:
    paragraphs = []
    if rng.random() < 0.3:
        paragraphs.append(rng.choice(["Scholz will mit Putin sprechen", "EILMELDUNG", "Haushalt: Einigung in Sicht"]))
    for p in range(rng.randint(1, 6)):
        sents = [sentence(rng) for _ in range(rng.randint(1, 5))]
        if p == 0 and rng.random() < 0.3:
            sents[0] = "Berlin (dpa) - " + sents[0]
        paragraphs.append(" ".join(sents))
    if rng.random() < 0.2:
        paragraphs.append(rng.choice(["(dpa)", "Mit Informationen von Reuters und AFP.", "© AFP"]))
    text = ""
    for para in paragraphs:
        text += para + rng.choice(BREAKS)
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n") if rng.random() < 0.5 else text.replace("\n", "\r")
    return text


def markdown(rng: random.Random, text: str) -> str:
    parts = [f"# {sentence(rng)[:40]}", ""]
    for para in text.split("\n\n"):
        style = rng.random()
        if style < 0.2:
            para = f"**{para}**"
        elif style < 0.3:
            para = f"- {para}"
        elif style < 0.4:
            para = f"> {para}"
        elif style < 0.45:
            para = f"`{para[:20]}` {para}"
        elif style < 0.5:
            para = f"[{para[:15]}](https://example.org) {para}"
        parts.append(para)
        parts.append("")
    return "\n".join(parts)


def bad_file(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["empty", "blank", "png", "pdf", "nul", "zip", "controls"])
    data = {
        "empty": b"",
        "blank": b" \n\t\r\n ",
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(64)),
        "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "nul": b"Der Kanzler sagte\x00 etwas." * 5,
        "zip": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(64)),
        "controls": bytes(rng.randrange(1, 9) for _ in range(200)),
    }[kind]
    return ".txt", data


def generate(rng: random.Random, index: int, folder: Path) -> tuple[Path, bool]:
    """One file; True when it is deliberately bad (must be reported as an input error)."""
    roll = rng.random()
    if roll < 0.05:
        suffix, data = bad_file(rng)
        bad = True
    else:
        text = document(rng)
        suffix = ".md" if roll < 0.15 else ".txt"
        if suffix == ".md":
            text = markdown(rng, text)
        enc = rng.random()
        if enc < 0.05:
            data = b"\xef\xbb\xbf" + text.encode("utf-8")
        elif enc < 0.08:
            data = text.encode("utf-16")
        elif enc < 0.12:
            data = text.encode("cp1252", errors="ignore")
        else:
            data = text.encode("utf-8")
        bad = False
    path = folder / f"doc{index:04d}{suffix}"
    path.write_bytes(data)
    return path, bad


@dataclass
class Tally:
    documents: int = 0
    input_errors: int = 0
    tracebacks: int = 0
    crashes: int = 0
    lost: int = 0
    span_errors: int = 0
    failures: list[str] = field(default_factory=list)


def run_cli(paths: list[Path], lang: str, timeout: int) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from claimcheck.cli import run; run()", "check", "--format", "json",
           "--exit-zero", "--lang", lang, *map(str, paths)]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, cwd=REPO)
    except subprocess.TimeoutExpired as err:
        return subprocess.CompletedProcess(cmd, -9, err.stdout or b"", (err.stderr or b"") + b"\nTIMEOUT")


def check_batch(paths: list[Path], bad: set[Path], lang: str, timeout: int) -> tuple[Tally, list[str]]:
    tally = Tally()
    problems: list[str] = []
    result = run_cli(paths, lang, timeout)
    stderr = result.stderr.decode("utf-8", "replace")
    if "Traceback" in stderr:
        tally.tracebacks += 1
        problems.append("traceback: " + stderr.strip().splitlines()[-1][:300])
    for line in stderr.splitlines():
        if line.strip() and not line.startswith("claimcheck: error: ") and "Traceback" not in stderr:
            problems.append(f"stray stderr line: {line[:200]}")
    if result.returncode not in (0, 2):
        tally.crashes += 1
        problems.append(f"exit code {result.returncode}: {stderr.strip()[-300:]}")
        return tally, problems
    try:
        report = json.loads(result.stdout)
    except ValueError:
        tally.crashes += 1
        problems.append(f"no JSON report on stdout (exit {result.returncode}): {stderr.strip()[-300:]}")
        return tally, problems
    docs = {d["path"]: d for d in report["documents"]}
    errs = {e["path"]: e for e in report["errors"]}
    tally.documents += len(docs)
    tally.input_errors += len(errs)
    for path in paths:
        key = str(path)
        if key not in docs and key not in errs:
            tally.lost += 1
            problems.append(f"{path.name}: neither a document nor an error in the report")
        elif path in bad and key in docs:
            problems.append(f"{path.name}: a bad file was analysed as a document")
        elif key in docs:
            try:
                text = read_any(key).text
            except ClaimcheckError as err:
                problems.append(f"{path.name}: analysed by the CLI but unreadable now: {err}")
                continue
            found = span_problems(docs[key], text)
            if found:
                tally.span_errors += len(found)
                problems.extend(f"{path.name}: {p}" for p in found[:5])
    return tally, problems


def bisect(paths: list[Path], bad: set[Path], lang: str, timeout: int) -> tuple[Tally, list[str], list[Path]]:
    """Split a failing batch in halves until the failing files stand alone (a few runs, not one per file)."""
    tally, problems = check_batch(paths, bad, lang, timeout)
    if not problems or len(paths) == 1:
        return tally, problems, list(paths) if problems else []
    mid = len(paths) // 2
    t1, p1, c1 = bisect(paths[:mid], bad, lang, timeout)
    t2, p2, c2 = bisect(paths[mid:], bad, lang, timeout)
    for name in ("documents", "input_errors", "tracebacks", "crashes", "lost", "span_errors"):
        setattr(t1, name, getattr(t1, name) + getattr(t2, name))
    return t1, p1 + p2, c1 + c2


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=500, help="documents to generate (default 500)")
    ap.add_argument("--batch", type=int, default=100, help="documents per CLI run (the parser loads once per run)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lang", default="auto", help="--lang for claimcheck (default auto)")
    ap.add_argument("--long-line", action="store_true", help="add one 200,000-character single-line document")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per CLI run")
    ap.add_argument("--from-batch", type=int, default=1, help="skip the batches before this one (same files)")
    ap.add_argument("--out", type=Path, help="keep the generated files here (default: a temporary folder)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    folder = args.out or Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    bad: set[Path] = set()
    for i in range(args.count):
        path, is_bad = generate(rng, i, folder)
        files.append(path)
        if is_bad:
            bad.add(path)
    if args.long_line:
        raw = " ".join(sentence(rng) for _ in range(5000))
        line = raw.replace("\n", " ").replace("\r", " ").replace("\x00", " ")[:200_000]  # one line, no NUL
        path = folder / "long-line.txt"
        path.write_text(line, encoding="utf-8")
        files.append(path)

    total = Tally()
    started = time.perf_counter()
    for b in range(0, len(files), args.batch):
        if b // args.batch + 1 < args.from_batch:
            continue
        batch = files[b : b + args.batch]
        tally, problems = check_batch(batch, bad, args.lang, args.timeout)
        if problems:
            print(f"batch {b // args.batch + 1}: {len(problems)} problems, bisecting:", flush=True)
            for p in problems[:10]:
                print("   ", p, flush=True)
            tally, problems, culprits = bisect(batch, bad, args.lang, args.timeout)
            failures = folder / "failures"
            failures.mkdir(exist_ok=True)
            for path in culprits:
                shutil.copy(path, failures / path.name)
        for name in ("documents", "input_errors", "tracebacks", "crashes", "lost", "span_errors"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.failures.extend(problems)
        print(f"batch {b // args.batch + 1}: {len(batch)} files, {tally.documents} documents, "
              f"{tally.input_errors} input errors, {tally.tracebacks} tracebacks, {len(problems)} problems "
              f"({time.perf_counter() - started:.0f} s)", flush=True)
        for p in problems[:20]:
            print("   ", p, flush=True)

    print(f"\n{len(files)} files ({len(bad)} deliberately bad), seed {args.seed}: {total.documents} documents, "
          f"{total.input_errors} input errors, {total.tracebacks} tracebacks, {total.crashes} crashes, "
          f"{total.lost} lost, {total.span_errors} span errors, {len(total.failures)} problems; "
          f"{time.perf_counter() - started:.0f} s; files in {folder}")
    if not args.out and not total.failures:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
