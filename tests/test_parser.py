"""The stanza adapter with the bundled models (no mocks), model resolution, Konjunktiv I rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import ModelError
from claimcheck.nlp import konjunktiv
from claimcheck.nlp.doc import Sentence, Token
from claimcheck.nlp.models import BUNDLED_ROOT, resolve


def _bundled(lang: str) -> bool:
    try:
        return resolve(lang).source in ("bundled", "stanza", "env")
    except ModelError:
        return False


needs_de = pytest.mark.skipif(not _bundled("de"), reason="no German models")
needs_en = pytest.mark.skipif(not _bundled("en"), reason="no English models")


# ----------------------------------------------------------------------------- real parses


@pytest.fixture(scope="module")
def parse():
    from claimcheck.nlp.parser import parse as _parse

    return _parse


def _find(doc, word: str) -> tuple[Sentence, Token]:
    for s in doc.sentences:
        for t in s.tokens:
            if t.text == word:
                return s, t
    raise AssertionError(f"{word!r} not in parse")


@needs_de
def test_konjunktiv_marked(parse):
    (doc,) = parse(["Er sagte, er mache das nicht im Alleingang."], "de")
    _, tok = _find(doc, "mache")
    assert tok.feats.get("Mood") == "Sub"


@needs_de
def test_konjunktiv_rule_switch(parse):
    text = "Sie sagte, das Ergebnis sei gut und sie habe keine Zweifel."
    (with_rule,) = parse([text], "de")
    assert _find(with_rule, "sei")[1].feats.get("Mood") == "Sub"
    assert _find(with_rule, "habe")[1].feats.get("Mood") == "Sub"


@needs_de
def test_subject_of_sagte(parse):
    (doc,) = parse(["Scholz sagte am Sonntag, die Regierung werde die Hilfen verlängern."], "de")
    sent, sagte = _find(doc, "sagte")
    subj = [t for t in sent.children(sagte) if t.deprel.startswith("nsubj")]
    assert [t.text for t in subj] == ["Scholz"]


@needs_de
def test_offsets_and_mwt(parse):
    text = "  Am Montag ging er zum Bahnhof.\n\nDort wartete „niemand“ auf ihn.  "
    (doc,) = parse([text], "de")
    assert len(doc.sentences) == 2
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            span = text[t.start : t.end]
            shared = [u for u in s.tokens if (u.start, u.end) == (t.start, t.end)]
            if len(shared) == 1:
                assert span == t.text
            else:  # multi-word token: zum = zu dem
                assert span in ("zum", "Am", "am", "zur", "im", "vom", "beim")
        assert [t.index for t in s.tokens] == list(range(1, len(s.tokens) + 1))
        assert all(0 <= t.head <= len(s.tokens) for t in s.tokens)


@needs_de
def test_empty_and_batch(parse):
    docs = parse(["", "   \n ", "Das ist gut."], "de")
    assert [len(d.sentences) for d in docs] == [0, 0, 1]
    assert docs[0].text == "" and docs[0].language == "de"


@needs_de
def test_pipeline_cached():
    from claimcheck.nlp.parser import get_pipeline

    assert get_pipeline("de") is get_pipeline("de")


@needs_en
def test_english_subject_of_said(parse):
    (doc,) = parse(["The minister said on Sunday that the talks had failed."], "en")
    sent, said = _find(doc, "said")
    subj = [t for t in sent.children(said) if t.deprel.startswith("nsubj")]
    assert [t.text for t in subj] == ["minister"]
    for t in sent.tokens:
        assert doc.text[t.start : t.end] == t.text


# ----------------------------------------------------------------------------- resolution


def _fake_set(folder: Path, lang: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("tokenizer.pt", "pos.pt", "depparse.pt", "pretrain.pt", "lemma.pt"):
        (folder / f"{lang}_{suffix}").write_bytes(b"x")
    return folder


def test_explicit_dir_wins_over_env(tmp_path, monkeypatch):
    a = _fake_set(tmp_path / "a", "de")
    b = _fake_set(tmp_path / "b", "de")
    monkeypatch.setenv("CLAIMCHECK_MODELS", str(b))
    assert resolve("de", str(a)).root == a
    assert resolve("de", str(a)).source == "explicit"
    assert resolve("de").root == b
    assert resolve("de").source == "env"


def test_env_wins_over_stanza_and_bundled(tmp_path, monkeypatch):
    env = _fake_set(tmp_path / "env" / "de", "de").parent  # <dir>/<lang>/ layout
    stz = tmp_path / "stanza"
    (stz / "de" / "tokenize").mkdir(parents=True)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(stz))
    monkeypatch.setenv("CLAIMCHECK_MODELS", str(env))
    ms = resolve("de")
    assert ms.source == "env" and ms.files["pos"] == env / "de" / "de_pos.pt"


def test_stanza_resources_before_bundled(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_MODELS", raising=False)
    stz = tmp_path / "stanza"
    (stz).mkdir()
    (stz / "resources.json").write_text("{}")
    for proc in ("tokenize", "pos", "depparse", "lemma"):
        (stz / "de" / proc).mkdir(parents=True)
        (stz / "de" / proc / "gsd.pt").write_bytes(b"x")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(stz))
    ms = resolve("de")
    assert ms.source == "stanza" and ms.stanza_dir == stz
    # English is not in that folder: falls through to the bundled set (or a clear error)
    try:
        assert resolve("en").source == "bundled"
    except ModelError as err:
        assert "English" in str(err)


def test_errors_are_clear(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_MODELS", raising=False)
    with pytest.raises(ModelError, match="not found"):
        resolve("de", str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="no German models"):
        resolve("de", str(tmp_path / "empty"))
    with pytest.raises(ModelError, match="unsupported language"):
        resolve("fr")
    monkeypatch.setenv("CLAIMCHECK_MODELS", str(tmp_path / "empty"))
    with pytest.raises(ModelError, match="CLAIMCHECK_MODELS"):
        resolve("de")


def test_bundled_root_location():
    assert BUNDLED_ROOT.name == "_models" and BUNDLED_ROOT.parent.name == "claimcheck"


def test_cli_models_import_is_light():
    import subprocess
    import sys

    code = "import sys, claimcheck.cli_models; print('torch' in sys.modules or 'stanza' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------- Konjunktiv rule


def _sent(words: list[tuple[str, str, str, int, str]], feats: dict[int, dict[str, str]] | None = None) -> Sentence:
    """words: (text, lemma, upos, head, deprel)."""
    toks, pos = [], 0
    for i, (text, lemma, upos, head, deprel) in enumerate(words, start=1):
        f = dict((feats or {}).get(i, {"Mood": "Ind", "VerbForm": "Fin"} if upos in ("VERB", "AUX") else {}))
        toks.append(Token(i, text, lemma, upos, f, head, deprel, pos, pos + len(text)))
        pos += len(text) + 1
    text = " ".join(w[0] for w in words)
    return Sentence(text=text, start=0, end=len(text), tokens=toks)


def _marked(sent: Sentence) -> list[str]:
    konjunktiv.apply(sent)
    return [t.text for t in sent.tokens if t.feats.get("Mood") == "Sub"]


def test_rule_regular_third_person():
    s = _sent(
        [
            ("Er", "er", "PRON", 2, "nsubj"),
            ("sagte", "sagen", "VERB", 0, "root"),
            (",", ",", "PUNCT", 5, "punct"),
            ("er", "er", "PRON", 5, "nsubj"),
            ("mache", "machen", "VERB", 2, "ccomp"),
            ("das", "der", "PRON", 5, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ]
    )
    assert _marked(s) == ["mache"]


def test_rule_preterite_is_not_sub():
    s = _sent(
        [
            ("Sie", "sie", "PRON", 2, "nsubj"),
            ("machte", "machen", "VERB", 0, "root"),
            ("es", "es", "PRON", 2, "obj"),
            ("und", "und", "CCONJ", 5, "cc"),
            ("sagte", "sagen", "VERB", 2, "conj"),
            ("nichts", "nichts", "PRON", 5, "obj"),
        ]
    )
    assert _marked(s) == []


def test_rule_lexicon_sei_and_habe_third_person():
    s = _sent(
        [
            ("Das", "der", "PRON", 2, "nsubj"),
            ("sei", "sein", "AUX", 0, "root"),
            ("gut", "gut", "ADJ", 2, "advmod"),
            (",", ",", "PUNCT", 6, "punct"),
            ("sie", "sie", "PRON", 6, "nsubj"),
            ("habe", "haben", "VERB", 2, "conj"),
            ("Zeit", "Zeit", "NOUN", 6, "obj"),
        ]
    )
    assert _marked(s) == ["sei", "habe"]


def test_rule_first_person_habe_is_indicative():
    s = _sent(
        [("Ich", "ich", "PRON", 2, "nsubj"), ("habe", "haben", "VERB", 0, "root"), ("Zeit", "Zeit", "NOUN", 2, "obj")]
    )
    assert _marked(s) == []
    s = _sent(
        [
            ("Heute", "heute", "ADV", 2, "advmod"),
            ("mache", "machen", "VERB", 0, "root"),
            ("ich", "ich", "PRON", 2, "nsubj"),
            ("das", "der", "PRON", 2, "obj"),
        ]
    )
    assert _marked(s) == []


def test_rule_aux_with_subject_on_main_verb():
    # "er habe das gesagt": subject hangs on the participle, habe is aux
    s = _sent(
        [
            ("er", "er", "PRON", 4, "nsubj"),
            ("habe", "haben", "AUX", 4, "aux"),
            ("das", "der", "PRON", 4, "obj"),
            ("gesagt", "sagen", "VERB", 0, "root"),
        ],
        feats={4: {"VerbForm": "Part"}, 2: {"Mood": "Ind"}},
    )
    assert _marked(s) == ["habe"]
    s = _sent(
        [
            ("ich", "ich", "PRON", 4, "nsubj"),
            ("habe", "haben", "AUX", 4, "aux"),
            ("das", "der", "PRON", 4, "obj"),
            ("gesagt", "sagen", "VERB", 0, "root"),
        ],
        feats={4: {"VerbForm": "Part"}, 2: {"Mood": "Ind"}},
    )
    assert _marked(s) == []


def test_rule_imperative_noun_and_modal():
    s = _sent(
        [("Mache", "machen", "VERB", 0, "root"), ("das", "der", "PRON", 1, "obj"), ("!", "!", "PUNCT", 1, "punct")]
    )
    assert _marked(s) == []
    s = _sent(
        [("Die", "der", "DET", 2, "det"), ("Wolle", "Wolle", "NOUN", 3, "nsubj"), ("ist", "sein", "AUX", 0, "root")]
    )
    assert _marked(s) == []
    s = _sent(
        [
            ("Man", "man", "PRON", 2, "nsubj"),
            ("müsse", "müssen", "AUX", 0, "root"),
            ("handeln", "handeln", "VERB", 2, "xcomp"),
        ],
        feats={3: {"VerbForm": "Inf"}},
    )
    assert _marked(s) == ["müsse"]


@pytest.mark.parametrize(
    ("form", "lemma", "expected"),
    [
        ("mache", "machen", True),
        ("setze", "setzen", True),
        ("bleibe", "bleiben", True),
        ("wandere", "wandern", True),
        ("sammle", "sammeln", True),
        ("sagte", "sagen", False),
        ("machte", "machen", False),
        ("arbeite", "arbeiten", True),
        ("arbeitete", "arbeiten", False),
        ("gäbe", "geben", False),
        ("macht", "machen", False),
    ],
)
def test_regular_form(form, lemma, expected):
    assert konjunktiv.regular_form(form, lemma) is expected


def test_rule_unlemmatised_verbs():
    # the dictionary lemmatizer leaves unknown verbs as they are: the infinitive is guessed
    s = _sent(
        [
            ("De", "De", "PROPN", 3, "nsubj"),
            ("Klerk", "Klerk", "PROPN", 1, "flat"),
            ("versuche", "versuche", "VERB", 0, "root"),
            (",", ",", "PUNCT", 6, "punct"),
            ("es", "es", "PRON", 6, "expl"),
            ("handele", "handele", "VERB", 3, "conj"),
            ("sich", "sich", "PRON", 6, "obj"),
        ]
    )
    assert _marked(s) == ["versuche", "handele"]
    # -te forms may be preterites; function words the tagger took for verbs are left alone
    s = _sent(
        [
            ("Er", "er", "PRON", 2, "nsubj"),
            ("sagte", "sagte", "VERB", 0, "root"),
            ("insbesondere", "insbesondere", "VERB", 2, "advmod"),
            ("nichts", "nichts", "PRON", 2, "obj"),
        ]
    )
    assert _marked(s) == []


def test_rule_umlaut_konjunktiv_ii():
    s = _sent(
        [
            ("dass", "dass", "SCONJ", 3, "mark"),
            ("sie", "sie", "PRON", 3, "nsubj"),
            ("fänden", "finden", "VERB", 0, "root"),
            ("und", "und", "CCONJ", 5, "cc"),
            ("aufbrächten", "aufbringen", "VERB", 3, "conj"),
        ]
    )
    assert _marked(s) == ["fänden", "aufbrächten"]
    s = _sent([("Er", "er", "PRON", 2, "nsubj"), ("fährt", "fahren", "VERB", 0, "root")])
    assert _marked(s) == []
