"""`--show-errors`: the misses and false hits behind the figures, with their text and document.

Each error is a dict (for `--format json`) and one line of text:

    MISS     [Indirect]        doc @offset  «gold quote»  (speaker «...», cue «...»)
    FALSE    [indirect_speech] doc @offset  «predicted claim»  (speaker «...», rule-less)
    SPEAKER  [Direct]          doc @offset  «quote»  want «gold speaker» got «name / mention»
    KIND     [Direct]          doc @offset  «quote»  got indirect_speech
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimcheck.eval.score import DocResult, extent


def clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _mention(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0] : span[1]] if span else ""


def corpus_errors(results: Iterable[DocResult]) -> list[dict[str, Any]]:
    """Misses, false hits, wrong speakers and wrong kinds, document by document."""
    out: list[dict[str, Any]] = []
    for res in results:
        doc, text = res.doc, res.doc.text
        for gi in res.unmatched_gold():
            g = doc.quotes[gi]
            start, end = extent(g.spans) or (0, 0)
            out.append({"error": "miss", "doc": doc.name, "type": g.type, "start": start, "end": end,
                        "text": " … ".join(text[s:e] for s, e in g.spans), "speaker": g.speaker_text,
                        "cue": g.cue_text})
        for pi in res.unmatched_pred():
            q = res.preds[pi]
            out.append({"error": "false", "doc": doc.name, "type": q.kind, "start": q.start, "end": q.end,
                        "text": text[q.start : q.end], "speaker": q.speaker_name or q.outlet_name,
                        "cue": _mention(text, q.cue)})
        for pair in res.pairs:
            if not pair.overlap:
                continue
            g, q = doc.quotes[pair.gold], res.preds[pair.pred]
            start, end = extent(g.spans) or (0, 0)
            quote = " … ".join(text[s:e] for s, e in g.spans)
            if pair.attribution is False:
                got = q.speaker_name or q.outlet_name
                mention = _mention(text, q.source_span)
                out.append({"error": "speaker", "doc": doc.name, "type": g.type, "start": start, "end": end,
                            "text": quote, "want": g.speaker_text,
                            "got": f"{got} / {mention}" if mention and mention != got else got})
            if not pair.kind_ok:
                out.append({"error": "kind", "doc": doc.name, "type": g.type, "start": start, "end": end,
                            "text": quote, "got": q.kind})
    return out


def format_error(e: dict[str, Any]) -> str:
    head = f"{e['error'].upper():<8} [{e['type']}] {e['doc']} @{e['start']}  «{clip(e['text'])}»"
    if e["error"] in ("miss", "false"):
        extra = []
        if e.get("speaker"):
            extra.append(f"speaker «{clip(e['speaker'], 60)}»")
        if e.get("cue"):
            extra.append(f"cue «{clip(e['cue'], 40)}»")
        return head + (f"  ({', '.join(extra)})" if extra else "")
    if e["error"] == "speaker":
        return head + f"  want «{clip(e['want'], 60)}» got «{clip(e['got'] or '-', 60)}»"
    return head + f"  got {e['got']}"


def gold_errors(name: str, figures: dict[str, Any]) -> list[dict[str, Any]]:
    """score_gold.py's miss lines of one gold file, as error dicts."""
    return [{"error": line.split(" ", 1)[0].lower(), "doc": name, "line": line} for line in figures["errors"]]
