"""Readers for annotated corpora → `GoldDoc`s (span corpora) or `GoldFile`s (claimcheck gold YAML).

* German news quotation corpus 2024 (JSON per article, `train/` and `dev/`): `read_gnq`.
* PolNeAR (brat standoff: `text/*.txt` + `attributions/*_<annotator>.ann`): `read_polnear`.
* claimcheck gold YAML (seed-gold.yaml style: `claims`, `unsourced`, `sourced_not_flagged`,
  `not_quotes`), each with the text it describes: `read_gold_file`, `read_gold_dir`.

`detect` tells which one a folder holds. Everything raises `claimcheck.errors.InputError`
with a one-line message on bad input.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.eval.score import GoldDoc, GoldQuote, Span

GNQ_SPLITS = ("dev", "train")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class GoldFile:
    """One claimcheck gold YAML and the text file it describes."""

    gold_path: Path
    text_path: Path
    gold: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.text_path)

    @property
    def lang(self) -> str:
        return str(self.gold.get("language") or "auto")


def detect(path: str | Path) -> str:
    """'gnq', 'polnear' or 'gold' for a corpus folder (or a gold YAML file)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such corpus folder")
    if p.is_file():
        if p.suffix in (".yaml", ".yml"):
            return "gold"
        raise InputError(f"{path}: not a corpus folder (give the folder, or a gold .yaml with --gold)")
    if (p / "attributions").is_dir() and (p / "text").is_dir():
        return "polnear"
    if any((p / s).is_dir() and any((p / s).glob("*.json")) for s in GNQ_SPLITS) or any(p.glob("*.json")):
        return "gnq"
    if any(p.glob("*.yaml")) or any(p.glob("*.yml")):
        return "gold"
    raise InputError(f"{path}: no known corpus format here (German news quotation JSON, PolNeAR brat, gold YAML)")


# ---------------------------------------------------------------------------------------------- German corpus

def gnq_files(root: str | Path, split: str | None = "dev") -> list[Path]:
    """The article JSON files of a split ('dev', 'train' or 'all'), in name order."""
    p = Path(root)
    if not any((p / s).is_dir() for s in GNQ_SPLITS) and any(p.glob("*.json")):  # a split folder given directly
        return sorted(p.glob("*.json"))
    splits = GNQ_SPLITS if split == "all" else (split or "dev",)
    files: list[Path] = []
    for s in splits:
        if s not in GNQ_SPLITS:
            raise InputError(f"unknown split {s!r} (use dev, train or all)")
        d = p / s
        if not d.is_dir():
            raise InputError(f"{p}: has no {s}/ split")
        files += sorted(d.glob("*.json"))
    return files


def _gnq_spans(role: dict) -> list[Span]:
    return [(int(s["charBegin"]), int(s["charEnd"])) for s in role.get("spans", [])]


def read_gnq_file(path: Path) -> GoldDoc:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["originalText"]
        quotes = []
        for a in data.get("annotations", []):
            quotes.append(GoldQuote(
                spans=_gnq_spans(a["quote"]),
                type=a.get("type", ""),
                speaker=_gnq_spans(a.get("speaker", {})),
                cue=_gnq_spans(a.get("cue", {})),
                speaker_text=a.get("speaker", {}).get("text", ""),
                cue_text=a.get("cue", {}).get("text", ""),
                id=str(a.get("id", "")),
                medium=a.get("medium", ""),
                nested=bool(a.get("isNested")),
            ))
        tokens = [(int(t["charBegin"]), int(t["charEnd"])) for t in data.get("tokens", [])]
        name = data.get("documentName") or path.name.removesuffix(".json")
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"{path}: not a German news quotation corpus file ({type(err).__name__}: {err})") from None
    return GoldDoc(name=name, text=text, quotes=quotes, lang="de", tokens=tokens or None)


def read_gnq(root: str | Path, split: str | None = "dev", limit: int | None = None) -> list[GoldDoc]:
    files = gnq_files(root, split)
    return [read_gnq_file(f) for f in files[:limit]]


def gnq_texts(
    root: str | Path, splits: tuple[str, ...] = ("dev", "train"), limit: int | None = None
) -> list[tuple[str, str]]:
    """(name, originalText) of corpus articles, for the benchmark: dev first, then train."""
    out: list[tuple[str, str]] = []
    for s in splits:
        for f in gnq_files(root, s):
            if limit is not None and len(out) >= limit:
                return out
            data = json.loads(f.read_text(encoding="utf-8"))
            out.append((data.get("documentName") or f.stem, data["originalText"]))
    return out


# ---------------------------------------------------------------------------------------------- PolNeAR

_QUOTES_OPEN = "\"“„«‘'"
_QUOTES_CLOSE = "\"”“»’'"


def _brat_spans(field: str) -> list[Span]:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def _quoted(text: str, spans: list[Span]) -> bool:
    """Content wholly inside quotation marks (PolNeAR has no quote types; this one is derived)."""
    s, e = min(a for a, _ in spans), max(b for _, b in spans)
    inner = text[s:e].strip().rstrip(".,;:!?—–-").strip()
    return len(inner) > 2 and inner[0] in _QUOTES_OPEN and inner[-1] in _QUOTES_CLOSE


def parse_brat(ann: str, text: str, name: str) -> list[GoldQuote]:
    """Attribution events of one PolNeAR .ann file → GoldQuotes (type Quoted/Unquoted)."""
    spans: dict[str, tuple[str, list[Span], str]] = {}
    events = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _brat_spans(offsets), parts[2] if len(parts) > 2 else "")
            except ValueError:
                continue
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) >= 2:
                events.append((parts[0], parts[1].split()))
    quotes = []
    for eid, args in events:
        roles: dict[str, list[Span]] = {"Content": [], "Cue": [], "Source": []}
        texts: dict[str, list[str]] = {"Content": [], "Cue": [], "Source": []}
        trigger = args[0].split(":")[0] if args else ""
        if not trigger.startswith("Attribution"):
            continue
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in roles and tid in spans:
                roles[role] += spans[tid][1]
                texts[role].append(spans[tid][2])
        if not roles["Content"]:
            continue
        content = sorted(roles["Content"])
        quotes.append(GoldQuote(
            spans=content,
            type="Quoted" if _quoted(text, content) else "Unquoted",
            speaker=sorted(roles["Source"]),
            cue=sorted(roles["Cue"]),
            speaker_text=" ".join(texts["Source"]),
            cue_text=" ".join(texts["Cue"]),
            id=f"{name}:{eid}",
        ))
    return quotes


def _polnear_annotators(root: Path) -> dict[str, list[str]]:
    meta = root / "metadata.tsv"
    out: dict[str, list[str]] = {}
    if meta.exists():
        with meta.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("compartment") == "train" and row.get("annotators"):
                    out[row["filename"]] = row["annotators"].split("|")
    return out


def read_polnear(root: str | Path, limit: int | None = None, split: str | None = None) -> list[GoldDoc]:
    """PolNeAR articles that have an annotation file, in name order; one annotator per article
    (the one metadata.tsv lists first for the train compartment, else the first file by name)."""
    p = Path(root)
    if split not in (None, "train", "all"):
        raise InputError(f"{root}: PolNeAR here has the train split only (got --split {split})")
    preferred = _polnear_annotators(p)
    by_article: dict[str, list[Path]] = {}
    for ann in sorted((p / "attributions").glob("*.ann")):
        article = re.sub(r"_[^_]+$", "", ann.stem)
        by_article.setdefault(article, []).append(ann)
    docs = []
    for article in sorted(by_article):
        if limit is not None and len(docs) >= limit:
            break
        txt = p / "text" / f"{article}.txt"
        if not txt.exists():
            continue
        files = by_article[article]
        chosen = files[0]
        for annotator in preferred.get(article, []):
            match = [f for f in files if f.stem.endswith(f"_{annotator}")]
            if match:
                chosen = match[0]
                break
        text = txt.read_text(encoding="utf-8")
        quotes = parse_brat(chosen.read_text(encoding="utf-8"), text, article)
        docs.append(GoldDoc(name=article, text=text, quotes=quotes, lang="en", tokens=None, joins_continuations=True))
    if not docs:
        raise InputError(f"{root}: no PolNeAR articles with annotations found")
    return docs


# ---------------------------------------------------------------------------------------------- gold YAML

_HEADER_PATH = re.compile(r"[\w./-]+\.(?:txt|md|markdown|html?)\b")


def find_text(gold_path: Path, gold: dict[str, Any]) -> Path | None:
    """The text a gold YAML describes: its `text:`/`file:` key, a path named in its header
    comment ('Reference analysis of examples/x.txt'), or a file with the same stem next to it."""
    here = gold_path.parent
    bases = [here, here.parent]
    for key in ("text", "file", "source"):
        value = gold.get(key)
        if isinstance(value, str):
            for base in bases:
                if (base / value).is_file():
                    return base / value
    try:
        head = gold_path.read_text(encoding="utf-8").split("\n", 10)[:10]
    except OSError:
        head = []
    for line in head:
        if not line.lstrip().startswith("#"):
            break
        for m in _HEADER_PATH.finditer(line):
            for base in bases:
                if (base / m.group(0)).is_file():
                    return (base / m.group(0)).resolve()
    stem = re.sub(r"[-_.]gold$", "", gold_path.stem)
    for suffix in TEXT_SUFFIXES:
        cand = here / f"{stem}{suffix}"
        if cand.is_file():
            return cand
    return None


def load_gold_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except yaml.YAMLError as err:
        raise InputError(f"{path}: invalid YAML ({str(err).splitlines()[0]})") from None
    if not isinstance(gold, dict) or not any(k in gold for k in ("claims", "unsourced", "not_quotes")):
        raise InputError(f"{path}: not a claimcheck gold file (needs claims/unsourced/sourced_not_flagged/not_quotes)")
    for i, item in enumerate(gold.get("claims") or []):
        if not isinstance(item, dict) or "phrase" not in item or "kind" not in item:
            raise InputError(f"{path}: claims[{i}] needs 'phrase' and 'kind'")
    return gold


def read_gold_file(path: str | Path, text: str | Path | None = None) -> GoldFile:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such gold file")
    gold = load_gold_yaml(p)
    text_path = Path(text) if text else find_text(p, gold)
    if text_path is None:
        raise InputError(f"{path}: cannot find the text it describes; give it with --text FILE")
    if not text_path.is_file():
        raise InputError(f"{text_path}: no such text file")
    return GoldFile(gold_path=p, text_path=text_path, gold=gold)


def read_gold_dir(root: str | Path, limit: int | None = None) -> list[GoldFile]:
    """Every gold YAML in a folder (e.g. fixtures/de) whose text can be found."""
    files = sorted([*Path(root).glob("*.yaml"), *Path(root).glob("*.yml")])
    out = [read_gold_file(f) for f in files]
    return out[:limit] if limit is not None else out


def parse_text_map(values: list[str], golds: list[str]) -> dict[str, str]:
    """--text values → {gold path: text path}. 'GOLD=TEXT' pairs, or plain paths given in the
    same order as --gold."""
    out: dict[str, str] = {}
    plain = []
    for v in values:
        left, sep, right = v.partition("=")
        if sep and left.endswith((".yaml", ".yml")):
            out[left] = right
        else:
            plain.append(v)
    if plain:
        rest = [g for g in golds if g not in out]
        if len(plain) != len(rest):
            raise InputError("--text: give one text per --gold file (or GOLD.yaml=TEXT pairs)")
        out.update(zip(rest, plain, strict=True))
    unknown = [g for g in out if g not in golds]
    if unknown:
        raise InputError(f"--text names {unknown[0]}, which is not a --gold file")
    return out
