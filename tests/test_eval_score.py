"""The eval scorer on small hand-made gold/prediction pairs (no stanza)."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.eval import corpora, errors, score
from claimcheck.eval.score import GoldDoc, GoldQuote, PredQuote

SHARED = Path(__file__).resolve().parents[2] / "shared"

TEXT = (
    "Er sagte: „Wir kommen morgen.“ "  # 0..31
    "Die Stadt sei pleite, erklärte der Bürgermeister. "
    "Das Wetter ist gut."
)


def at(phrase: str) -> tuple[int, int]:
    i = TEXT.index(phrase)
    return i, i + len(phrase)


def gold_doc() -> GoldDoc:
    return GoldDoc(
        name="doc1",
        text=TEXT,
        quotes=[
            GoldQuote(spans=[at("„Wir kommen morgen.“")], type="Direct", speaker=[at("Er")], cue=[at("sagte")],
                      speaker_text="Er", cue_text="sagte"),
            GoldQuote(spans=[at("Die Stadt sei pleite")], type="Indirect", speaker=[at("der Bürgermeister")],
                      cue=[at("erklärte")], speaker_text="der Bürgermeister", cue_text="erklärte"),
        ],
    )


def pred(phrase: str, kind: str, speaker: str | None = None, name: str = "", cue: str | None = None,
         outlet: str | None = None, outlet_name: str = "") -> PredQuote:
    s, e = at(phrase)
    return PredQuote(start=s, end=e, kind=kind, text=phrase, speaker=at(speaker) if speaker else None,
                     speaker_name=name, cue=at(cue) if cue else None, outlet=at(outlet) if outlet else None,
                     outlet_name=outlet_name)


def figures(preds, doc=None):
    return score.aggregate([score.score_document(doc or gold_doc(), preds)])


def test_exact_and_overlap_matching():
    preds = [
        pred("„Wir kommen morgen.“", "direct_quote", speaker="Er", name="Olaf Scholz", cue="sagte"),
        pred("Die Stadt sei pleite, erklärte der Bürgermeister.", "indirect_speech", speaker="der Bürgermeister",
             name="Hans Meier", cue="erklärte"),
        pred("Das Wetter ist gut.", "assertion"),  # not a quote: ignored
    ]
    f = figures(preds)
    assert f["pred_quotes"] == 2 and f["gold_quotes"] == 2
    assert f["detection"]["exact"] == {"tp": 1, "p": 0.5, "r": 0.5, "f1": 0.5}
    assert f["detection"]["overlap"] == {"tp": 2, "p": 1.0, "r": 1.0, "f1": 1.0}
    assert f["cue"]["exact"]["f1"] == 1.0 and f["speaker"]["exact"]["f1"] == 1.0
    assert f["attribution"] == {"n": 2, "correct": 2, "accuracy": 1.0}
    assert f["kind_accuracy"]["accuracy"] == 1.0
    assert f["by_family"]["direct"]["f1"] == 1.0 and f["by_family"]["indirect"]["f1"] == 1.0
    # upstream token P/R: quote 1 exact (P=R=1); quote 2: gold 4 tokens of the 9-token sentence
    up = f["upstream"]["quote"]
    assert up["r"] == 1.0
    assert up["p"] == pytest.approx((1 + 4 / 9) / 2, abs=1e-4)


def test_exact_ignores_quotation_marks_and_final_punctuation():
    f = figures([pred("Wir kommen morgen", "direct_quote"), pred("Die Stadt sei pleite,", "indirect_speech")])
    assert f["detection"]["exact"]["tp"] == 2


def test_empty_predictions_and_empty_gold():
    f = figures([])
    assert f["detection"]["overlap"] == {"tp": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert f["upstream"]["quote"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert f["attribution"]["accuracy"] is None
    empty = GoldDoc(name="e", text=TEXT, quotes=[])
    f = figures([pred("Das Wetter ist gut.", "belief")], doc=empty)
    assert f["detection"]["overlap"] == {"tp": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert f["pred_quotes"] == 1 and f["gold_quotes"] == 0
    assert figures([], doc=empty)["detection"]["exact"]["f1"] == 0.0


def test_duplicate_spans_count_once():
    dup = [pred("„Wir kommen morgen.“", "direct_quote")] * 2
    f = figures(dup)
    assert f["detection"]["exact"] == {"tp": 1, "p": 0.5, "r": 0.5, "f1": 0.5}
    assert f["detection"]["overlap"]["tp"] == 1
    res = score.score_document(gold_doc(), dup)
    kinds = [e["error"] for e in errors.corpus_errors([res])]
    assert kinds.count("false") == 1 and kinds.count("miss") == 1


def test_one_sentence_claim_covering_two_quotes_pairs_once():
    text = "Sie sagte, sie komme, und er sagte, er bleibe."
    doc = GoldDoc(name="d", text=text, quotes=[
        GoldQuote(spans=[(11, 20)], type="Indirect"), GoldQuote(spans=[(36, 45)], type="Indirect")])
    f = figures([PredQuote(0, len(text), "indirect_speech")], doc=doc)
    assert f["detection"]["overlap"] == {"tp": 1, "p": 1.0, "r": 0.5, "f1": 0.6667}


def test_attribution_by_mention_by_name_and_wrong():
    # mention overlaps the gold speaker span
    f = figures([pred("Die Stadt sei pleite", "indirect_speech", speaker="Bürgermeister", name="?")])
    assert f["attribution"]["correct"] == 1
    # mention elsewhere, resolved name matches the gold speaker text
    doc = gold_doc()
    doc.quotes[1].speaker_text = "Bürgermeister Hans Meier"
    f = figures([pred("Die Stadt sei pleite", "indirect_speech", speaker="Er", name="Hans Meier")], doc=doc)
    assert f["attribution"]["correct"] == 1
    # wrong
    f = figures([pred("Die Stadt sei pleite", "indirect_speech", speaker="Er", name="Olaf Scholz")])
    assert f["attribution"] == {"n": 1, "correct": 0, "accuracy": 0.0}
    assert f["speaker"]["overlap"]["tp"] == 0
    # an outlet stands in for the speaker when there is none
    f = figures([pred("Die Stadt sei pleite", "indirect_speech", outlet="der Bürgermeister", outlet_name="X")])
    assert f["attribution"]["correct"] == 1 and f["speaker"]["pred"] == 1


def test_kinds_per_type():
    f = figures([pred("„Wir kommen morgen.“", "indirect_speech"), pred("Die Stadt sei pleite", "reported_speech")])
    assert f["detection"]["overlap"]["tp"] == 2
    assert f["kind_accuracy"]["correct"] == 0
    assert f["by_type"]["Direct"] == {"gold": 1, "found": 1, "recall": 1.0, "typed_recall": 0.0}
    assert f["by_kind"]["reported_speech"]["typed_precision"] == 0.0
    assert score.kind_fits("IndirectFreeIndirect", "hearsay")
    assert score.kind_fits("FreeIndirect", "belief")
    assert score.kind_fits("Reported", "reported_speech")
    assert not score.kind_fits("Direct", "assertion")
    assert score.kind_fits("Unquoted", "reported_speech") and not score.kind_fits("Unquoted", "direct_quote")


def test_corpus_tokens_are_used_when_given():
    doc = gold_doc()
    doc.tokens = [(0, len(TEXT))]  # one giant token: every span is the same token
    f = figures([pred("Das Wetter ist gut.", "belief")], doc=doc)
    assert f["upstream"]["quote"]["p"] == 1.0


def test_hungarian_matches_brute_force():
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        w = [[rng.choice([0, 0, rng.random()]) for _ in range(m)] for _ in range(n)]
        pairs = score.assign(w)
        assert len(pairs) == min(n, m)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        got = sum(w[i][j] for i, j in pairs)
        if n <= m:
            best = max(sum(w[i][p[i]] for i in range(n)) for p in itertools.permutations(range(m), n))
        else:
            best = max(sum(w[p[j]][j] for j in range(m)) for p in itertools.permutations(range(n), m))
        assert got == pytest.approx(best)
    assert score.assign([]) == [] and score.assign([[]]) == []


def test_predictions_from_report_dict():
    doc = {"claims": [
        {"id": "c1", "text": "x", "start": 0, "end": 5, "kind": "direct_quote",
         "speaker": {"name": "Olaf Scholz", "type": "person", "mention": "Er", "start": 0, "end": 2},
         "outlet": None, "cue": {"text": "sagte", "lemma": "sagen", "start": 3, "end": 8}},
        {"id": "c2", "text": "y", "start": 6, "end": 9, "kind": "assertion"},
    ]}
    [q] = score.predictions(doc)
    assert (q.speaker, q.speaker_name, q.cue, q.outlet) == ((0, 2), "Olaf Scholz", (3, 8), None)
    assert len(score.predictions(doc, include_assertions=True)) == 2


def test_name_matches():
    assert score.name_matches("Olaf Scholz", "Bundeskanzler Olaf Scholz")
    assert score.name_matches("Scholz", "Olaf Scholz")
    assert score.name_matches("Olaf Scholz", "Scholz (SPD)")
    assert not score.name_matches("Olaf Scholz", "Er")
    assert not score.name_matches("", "Er")


# ---------------------------------------------------------------------------------------------- readers

def test_brat_reader():
    text = 'Trump said "we will win" and aides think it is close.'
    ann = (
        "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 24\t\"we will win\"\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tSource 29 33\taides\nT6\tCue 34 39\tthink\nT7\tContent 40 45;46 52\tit is close\n"
        "T8\tAttribution 34 39\tthink\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
        "#1\tAnnotatorNotes T1\tnote\nT9\tDiscuss 0 4\tTrum\n"
    )
    q1, q2 = corpora.parse_brat(ann, text, "a")
    assert q1.type == "Quoted" and q1.speaker == [(0, 5)] and q1.cue_text == "said"
    assert q2.type == "Unquoted" and q2.spans == [(40, 45), (46, 52)]


def test_gnq_reader(tmp_path):
    d = tmp_path / "dev"
    d.mkdir()
    art = {
        "documentName": "1 - Test", "originalText": "Er sagte, es sei gut.",
        "tokens": [{"charBegin": 0, "charEnd": 2}, {"charBegin": 3, "charEnd": 8}],
        "annotations": [{"type": "Indirect", "quote": {"spans": [{"charBegin": 10, "charEnd": 20}], "text": ""},
                         "speaker": {"spans": [{"charBegin": 0, "charEnd": 2}], "text": "Er"},
                         "cue": {"spans": [], "text": ""}, "isNested": False}],
    }
    (d / "1 - Test.pretty.json").write_text(json.dumps(art), encoding="utf-8")
    assert corpora.detect(tmp_path) == "gnq"
    [doc] = corpora.read_gnq(tmp_path, "dev")
    assert doc.name == "1 - Test" and doc.quotes[0].speaker == [(0, 2)] and doc.quotes[0].cue == []
    with pytest.raises(InputError, match="no train/ split"):
        corpora.read_gnq(tmp_path, "train")
    (d / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        corpora.read_gnq(tmp_path, "dev")


def test_gold_text_is_found(tmp_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "spec").mkdir()
    (tmp_path / "examples" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "spec" / "a-gold.yaml").write_text("# Reference analysis of examples/a.txt\nunsourced: [x]\n")
    assert corpora.read_gold_file(tmp_path / "spec" / "a-gold.yaml").text_path.name == "a.txt"
    (tmp_path / "spec" / "b.md").write_text("B.", encoding="utf-8")
    (tmp_path / "spec" / "b-gold.yaml").write_text("unsourced: [x]\n")
    assert corpora.read_gold_file(tmp_path / "spec" / "b-gold.yaml").text_path.name == "b.md"
    (tmp_path / "spec" / "c-gold.yaml").write_text("unsourced: [x]\n")
    with pytest.raises(InputError, match="--text"):
        corpora.read_gold_file(tmp_path / "spec" / "c-gold.yaml")
    g = corpora.read_gold_file(tmp_path / "spec" / "c-gold.yaml", tmp_path / "spec" / "b.md")
    assert g.text_path.name == "b.md"
    assert corpora.parse_text_map(["x.yaml=t.txt"], ["x.yaml"]) == {"x.yaml": "t.txt"}
    assert corpora.parse_text_map(["t1", "t2"], ["a.yaml", "b.yaml"]) == {"a.yaml": "t1", "b.yaml": "t2"}
    with pytest.raises(InputError):
        corpora.parse_text_map(["t1"], ["a.yaml", "b.yaml"])
    (tmp_path / "spec" / "d.yaml").write_text("foo: 1\n")
    with pytest.raises(InputError, match="not a claimcheck gold file"):
        corpora.read_gold_file(tmp_path / "spec" / "d.yaml", tmp_path / "spec" / "b.md")


# ---------------------------------------------------------------------------------------------- gold YAML

def seed_report() -> dict:
    """A hand-made report on the seed article: some right, some wrong, some missing."""
    def claim(i, text, kind, status, speaker=None, outlet=None, via=()):
        return {"id": f"c{i}", "text": text, "start": 0, "end": len(text), "line": 1, "column": 1, "kind": kind,
                "status": status, "speaker": {"name": speaker, "type": "person"} if speaker else None,
                "outlet": {"name": outlet, "type": "newspaper"} if outlet else None,
                "via": [{"name": v, "type": "anonymous"} for v in via], "cue": None, "rule": "t"}

    claims = [
        claim(1, "„Ja, ich habe mir vorgenommen, das zu tun“, sagte der SPD-Politiker.", "direct_quote", "sourced",
              "Olaf Scholz"),
        claim(2, "Er mache das nicht im Alleingang.", "indirect_speech", "sourced", "Olaf Scholz"),
        claim(3, "Er setze viele Kontakte.", "indirect_speech", "sourced", "Donald Trump"),  # wrong speaker
        claim(4, "„Demnächst“, antwortete er.", "indirect_speech", "sourced", "Olaf Scholz"),  # wrong kind
        claim(5, "Putin sei offen für einen Dialog, erklärt Moskau.", "indirect_speech", "unsourced"),  # false flag
        claim(6, "Es sollen rund 50.000 Soldaten sein, berichtet die Zeitung.", "indirect_speech", "weakly_sourced",
              outlet="Zeitung", via=["New York Times"]),
        claim(7, "Pjöngjang hat über 10.000 Soldaten nach Russland geschickt.", "assertion", "unsourced"),
        claim(8, "Trump wird am 20. Januar für eine zweite Amtszeit vereidigt.", "assertion", "sourced"),
        claim(9, "Caren Miosga", "direct_quote", "sourced", "Olaf Scholz"),  # fake quote
        claim(10, "Das Wetter ist schön.", "assertion", "sourced"),
        claim(11, "Es regnet.", "assertion", "sourced"),
    ]
    findings = [{"rule": "unsourced-assertion", "code": "CC101", "severity": "error", "claim": "c10",
                 "message": "m", "start": 0, "end": 1, "line": 1, "column": 1}]
    return {"schema_version": "1.0", "tool": {"name": "claimcheck", "version": "0"},
            "documents": [{"path": "x.txt", "language": "de", "claims": claims, "findings": findings}]}


@pytest.mark.skipif(not (SHARED / "tools" / "score_gold.py").exists(), reason="shared/ not beside the repo")
def test_gold_yaml_figures_agree_with_score_gold(tmp_path):
    rep = seed_report()
    path = tmp_path / "report.json"
    path.write_text(json.dumps(rep, ensure_ascii=False), encoding="utf-8")
    gold_path = SHARED / "spec" / "seed-gold.yaml"
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_gold.py"), str(gold_path), str(path)],
                         capture_output=True, text=True, check=False).stdout.splitlines()
    gold = corpora.load_gold_yaml(gold_path)
    fig = score.score_gold_yaml(gold, rep["documents"][0])
    assert fig["errors"] + [score.score_gold_line(fig)] == out
    assert fig["false_flags"] == 1 and fig["fake_quotes"] == 1
    assert fig["unsourced_flagged"] == {"n": 3, "flagged": 1}
    # c7 true, c5 false (sourced_not_flagged), c10 unjudged
    assert fig["flags"] == {"flagged_claims": 3, "true": 1, "false": 1, "unjudged": 1, "precision": 0.5,
                            "recall": 0.3333}
    assert fig["speaker"]["n"] > fig["speaker"]["correct"] > 0
    assert fig["outlet"]["correct"] == 1  # via New York Times


def test_continued_quote_parts_pair_with_one_multi_span_gold_content():
    text = "“We lost,” Barkley said. “We will win next year.” The weather was fine."
    second = (text.index("“We will"), text.index(" The"))
    gold = GoldQuote(spans=[(0, 10), second], type="Quoted", speaker=[(11, 18)], speaker_text="Barkley")
    preds = [PredQuote(0, 10, "direct_quote", id="c1", speaker=(11, 18), speaker_name="Barkley"),
             PredQuote(*second, "direct_quote", id="c2", speaker=(11, 18), speaker_name="Barkley",
                       inherited_from="c1")]
    joined = score.score_document(GoldDoc("d", text, [gold], lang="en", joins_continuations=True), preds).counts
    split = score.score_document(GoldDoc("d", text, [gold], lang="en"), preds).counts
    assert (joined["pred"], joined["tp_overlap"], joined["speaker_tp_overlap"]) == (1, 1, 1)
    assert (split["pred"], split["tp_overlap"]) == (2, 1)  # unjoined, the second part is a false hit


def test_lexicon_subset_keeps_quotes_and_known_cues_only():
    doc = gold_doc()
    doc.quotes[0].type = "Unquoted"
    doc.quotes[1].cue_text = "hat erklärt"
    preds = [pred("Wir kommen morgen", "direct_quote"), pred("Die Stadt sei pleite", "indirect_speech"),
             pred("Das Wetter ist gut", "reported_speech")]
    kept, kept_preds = score.lexicon_subset(doc, preds, {"erklären", "erklärt"})
    # the gold whose cue "sagte" is not in the lexicon goes, and the prediction that only overlaps it
    assert [g.cue_text for g in kept.quotes] == ["hat erklärt"]
    assert [p.text for p in kept_preds] == ["Die Stadt sei pleite", "Das Wetter ist gut"]
    assert score.cue_in_lexicon("has also criticized", {"criticize"}) and score.cue_in_lexicon("says", {"say"})
    assert not score.cue_in_lexicon("seemed", {"say", "criticize"})
