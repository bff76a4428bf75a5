"""Rule stages on hand-built parses: the attribution logic, independent of model accuracy."""

from __future__ import annotations

from claimcheck import pipeline
from claimcheck.read import read_text
from claimcheck.rules import load_rules
from tests.handparse import doc

FIN = "VerbForm=Fin|Mood=Ind"
SUB = "VerbForm=Fin|Mood=Sub"


def analyse(parsed):
    return pipeline.analyse_parsed(read_text(parsed.text), parsed, load_rules(), pipeline.Options())


SCHOLZ = """
Bundeskanzler Olaf Scholz sagte am Sonntag, er mache das nicht im Alleingang.
Bundeskanzler Bundeskanzler NOUN 3 nmod
Olaf Olaf PROPN 3 flat
Scholz Scholz PROPN 4 nsubj
sagte sagen VERB 0 root """ + FIN + """
am an ADP 6 case
Sonntag Sonntag NOUN 4 obl
, , PUNCT 9 punct
er er PRON 9 nsubj
mache machen VERB 4 ccomp """ + SUB + """
das der PRON 9 obj
nicht nicht PART 9 advmod
im in ADP 13 case
Alleingang Alleingang NOUN 9 obl
. . PUNCT 4 punct
"""
CONTINUES = """
Ein Gespräch setze viele Kontakte voraus.
Ein ein DET 2 det
Gespräch Gespräch NOUN 3 nsubj
setze setzen VERB 0 root """ + SUB + """
viele viel ADJ 5 amod
Kontakte Kontakt NOUN 3 obj
voraus voraus ADP 3 compound:prt
. . PUNCT 3 punct
"""
NUMBER = """
Pjöngjang hat 10.000 Soldaten geschickt.
Pjöngjang Pjöngjang PROPN 5 nsubj
hat haben AUX 5 aux """ + FIN + """
10.000 10.000 NUM 4 nummod
Soldaten Soldat NOUN 5 obj
geschickt schicken VERB 0 root VerbForm=Part
. . PUNCT 5 punct
"""
DESCRIPTOR = """
Der SPD-Politiker forderte eine Lösung.
Der der DET 2 det
SPD-Politiker SPD-Politiker NOUN 3 nsubj
forderte fordern VERB 0 root """ + FIN + """
eine ein DET 5 det
Lösung Lösung NOUN 3 obj
. . PUNCT 3 punct
"""


def test_cue_verb_subject_and_konjunktiv_content() -> None:
    report = analyse(doc("de", SCHOLZ))
    (claim,) = report.claims
    assert claim.kind == "indirect_speech"
    assert claim.text == "er mache das nicht im Alleingang"
    assert claim.speaker is not None and claim.speaker.name == "Olaf Scholz"
    assert claim.cue is not None and claim.cue.lemma == "sagen"
    assert claim.status == "sourced"


def test_konjunktiv_without_cue_continues_the_speaker() -> None:
    report = analyse(doc("de", SCHOLZ, CONTINUES))
    second = report.claims[-1]
    assert second.kind == "indirect_speech"
    assert second.speaker is not None and second.speaker.name == "Olaf Scholz"
    assert second.inherited_from == report.claims[0].id


def test_number_without_source_is_flagged() -> None:
    report = analyse(doc("de", NUMBER))
    assert report.claims[0].status == "unsourced"
    assert [f.code for f in report.findings] == ["CC101"]


def test_same_number_after_speech_continues_only_with_konjunktiv() -> None:
    report = analyse(doc("de", SCHOLZ, NUMBER))
    assert report.claims[-1].status == "unsourced"


def test_descriptor_resolves_to_the_last_person() -> None:
    report = analyse(doc("de", SCHOLZ, DESCRIPTOR))
    last = report.claims[-1]
    assert last.kind == "reported_speech"
    assert last.speaker is not None and last.speaker.name == "Olaf Scholz"
    assert last.speaker.mention == "Der SPD-Politiker"
