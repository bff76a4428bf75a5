"""`claimcheck eval` end to end: saved reports (fast) and, where models exist, the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from tests.test_eval_score import SHARED, seed_report

runner = CliRunner()
GNQ = SHARED / "data" / "german-news-quotation-2024"

ARTICLE = "Der Minister sagte, die Lage sei ernst. „Wir handeln“, sagte er. Das Wetter war gut."


def make_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "dev").mkdir(parents=True)

    def span(phrase: str) -> dict:
        i = ARTICLE.index(phrase)
        return {"spans": [{"charBegin": i, "charEnd": i + len(phrase)}], "text": phrase}

    art = {
        "documentName": "1 - Test", "originalText": ARTICLE, "tokens": [],
        "annotations": [
            {"type": "Indirect", "quote": span("die Lage sei ernst"), "speaker": span("Der Minister"),
             "cue": span("sagte")},
            {"type": "Direct", "quote": span("„Wir handeln“"), "speaker": span("er"), "cue": span("sagte er")},
        ],
    }
    (root / "dev" / "1 - Test.pretty.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    return root


def make_report(tmp_path: Path) -> Path:
    def claim(i: int, phrase: str, kind: str, speaker: str | None = None) -> dict:
        s = ARTICLE.index(phrase)
        sp = None
        if speaker:
            j = ARTICLE.index(speaker)
            sp = {"name": "Hans Meier", "type": "person", "mention": speaker, "start": j, "end": j + len(speaker)}
        return {"id": f"c{i}", "text": phrase, "start": s, "end": s + len(phrase), "line": 1, "column": s + 1,
                "kind": kind, "status": "sourced", "speaker": sp, "rule": "t"}

    doc = {"path": "1 - Test", "language": "de", "claims": [
        claim(1, "Der Minister sagte, die Lage sei ernst.", "indirect_speech", "Der Minister"),
        claim(2, "Das Wetter war gut.", "hearsay"),
    ]}
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"documents": [doc]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_eval_corpus_from_saved_report(tmp_path):
    corpus, report = make_corpus(tmp_path), make_report(tmp_path)
    res = runner.invoke(app, ["eval", "--corpus", str(corpus), "--report", str(report), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    f = out["figures"]
    assert out["split"] == "dev" and out["lang"] == "de"
    assert f["detection"]["overlap"] == {"tp": 1, "p": 0.5, "r": 0.5, "f1": 0.5}
    assert f["attribution"] == {"n": 1, "correct": 1, "accuracy": 1.0}
    assert f["by_type"]["Direct"]["found"] == 0

    res = runner.invoke(app, ["eval", "--corpus", str(corpus), "--report", str(report), "--show-errors"])
    assert res.exit_code == 0, res.output
    assert "Quote detection" in res.stdout and "overlap" in res.stdout and "By gold type" in res.stdout
    assert "MISS     [Direct] 1 - Test" in res.stdout
    assert "FALSE    [hearsay] 1 - Test" in res.stdout and "Das Wetter war gut." in res.stdout


def test_eval_usage_errors_are_one_line(tmp_path):
    for args in (["eval"], ["eval", "--corpus", str(tmp_path / "nope")],
                 ["eval", "--corpus", str(make_corpus(tmp_path)), "--split", "test"],
                 ["eval", "--gold", str(tmp_path / "missing.yaml")]):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert res.stderr.startswith("claimcheck: error: ") and res.stderr.count("\n") == 1


def test_importing_cli_eval_does_not_import_stanza():
    code = "import sys, claimcheck.cli, claimcheck.cli_eval; print('stanza' in sys.modules or 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.skipif(not (SHARED / "tools" / "score_gold.py").exists(), reason="shared/ not beside the repo")
def test_eval_gold_agrees_with_score_gold(tmp_path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps(seed_report(), ensure_ascii=False), encoding="utf-8")
    gold = SHARED / "spec" / "seed-gold.yaml"
    res = runner.invoke(app, ["eval", "--gold", str(gold), "--report", str(report), "--format", "json"])
    assert res.exit_code == 0, res.output
    [entry] = json.loads(res.stdout)["files"]
    assert entry["text"].endswith("000_38fea552f3d89d61.txt")
    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "score_gold.py"), str(gold), str(report)],
                         capture_output=True, text=True, check=False).stdout.splitlines()[-1]
    assert entry["score_gold"] == ref
    f = entry["figures"]
    assert ref == (f"attribution {f['attribution']['correct']}/{f['claims']} kind {f['kind']['correct']}/{f['claims']} "
                   f"unsourced flagged {f['unsourced_flagged']['flagged']}/{f['unsourced_flagged']['n']} "
                   f"false flags {f['false_flags']} fake quotes {f['fake_quotes']}")
    res = runner.invoke(app, ["eval", "--gold", str(gold), "--report", str(report), "--show-errors"])
    assert "score_gold.py:" in res.stdout and "FALSELY FLAGGED" in res.stdout and "unsourced-flag prec." in res.stdout


def _models_available(lang: str) -> bool:
    from claimcheck.errors import ModelError
    from claimcheck.nlp import models

    try:
        models.resolve(lang)
    except ModelError:
        return False
    return True


@pytest.mark.skipif(not GNQ.exists(), reason="German news quotation corpus not beside the repo")
def test_eval_runs_the_pipeline_on_three_short_documents(tmp_path):
    if not _models_available("de"):
        pytest.skip("no German parser models")
    files = sorted((GNQ / "dev").glob("*.json"), key=lambda p: p.stat().st_size)[:3]
    corpus = tmp_path / "corpus"
    (corpus / "dev").mkdir(parents=True)
    for f in files:
        (corpus / "dev" / f.name).write_bytes(f.read_bytes())
    saved = tmp_path / "report.json"
    res = runner.invoke(app, ["eval", "--corpus", str(corpus), "--format", "json", "--save-report", str(saved)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["figures"]["docs"] == 3 and out["claims"] > 0
    # the saved report scores the same
    again = runner.invoke(app, ["eval", "--corpus", str(corpus), "--format", "json", "--report", str(saved)])
    assert json.loads(again.stdout)["figures"] == out["figures"]


def _stub_parse(texts, lang, models=None, **_):
    """A stand-in for the stanza adapter: sentences at . ! ?, regex tokens, a flat tree."""
    import re

    from claimcheck.nlp.doc import ParsedDoc, Sentence, Token

    out = []
    for text in texts:
        sents = []
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
            toks = list(re.finditer(r"\w+|[^\w\s]", m.group(0)))
            if not toks:
                continue
            tokens = []
            for i, t in enumerate(toks, 1):
                word = t.group(0)
                upos = "PUNCT" if not word[0].isalnum() else ("NOUN" if word[0].isupper() else "X")
                deprel = "root" if i == 1 else ("punct" if upos == "PUNCT" else "dep")
                tokens.append(Token(index=i, text=word, lemma=word.lower(), upos=upos, feats={}, head=min(i - 1, 1),
                                    deprel=deprel,
                                    start=m.start() + t.start(), end=m.start() + t.end()))
            sents.append(Sentence(text=text[tokens[0].start:tokens[-1].end], start=tokens[0].start,
                                  end=tokens[-1].end, tokens=tokens))
        out.append(ParsedDoc(text=text, language=lang, sentences=sents))
    return out


def test_eval_goes_through_check_sources(tmp_path, monkeypatch):
    """The wiring without models: the stanza adapter replaced by a stub, everything else real."""
    from claimcheck.nlp import parser

    monkeypatch.setattr(parser, "parse", _stub_parse)
    corpus = make_corpus(tmp_path)
    saved = tmp_path / "saved.json"
    res = runner.invoke(app, ["eval", "--corpus", str(corpus), "--format", "json", "--save-report", str(saved)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["figures"]["docs"] == 1 and out["claims"] >= 1
    assert json.loads(saved.read_text(encoding="utf-8"))["documents"][0]["path"] == "1 - Test"
