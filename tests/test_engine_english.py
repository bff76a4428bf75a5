"""English constructions on hand-built parses (UD English-EWT style): the attribution logic with
the English rule data, independent of model accuracy."""

from __future__ import annotations

from claimcheck import pipeline
from claimcheck.read import read_text
from claimcheck.report.models import Claim, DocumentReport
from claimcheck.rules import load_rules
from tests._reference import claim_with
from tests.handparse import doc

FIN = "VerbForm=Fin|Mood=Ind|Tense=Past"
PRES = "VerbForm=Fin|Mood=Ind|Tense=Pres"
PART = "VerbForm=Part|Tense=Past"


def analyse(*blocks: str, sep: str = " ") -> DocumentReport:
    parsed = doc("en", *blocks, sep=sep)
    return pipeline.analyse_parsed(read_text(parsed.text), parsed, load_rules(), pipeline.Options())


def codes(report: DocumentReport, claim: Claim) -> set[str]:
    return {f.code for f in report.findings if f.claim == claim.id}


INVERSION = """
"We will not be intimidated," said Anita Rao.
" " PUNCT 6 punct
We we PRON 6 nsubj:pass
will will AUX 6 aux VerbForm=Fin
not not PART 6 advmod
be be AUX 6 aux:pass VerbForm=Inf
intimidated intimidate VERB 9 ccomp """ + PART + """
, , PUNCT 6 punct
" " PUNCT 6 punct
said say VERB 0 root """ + FIN + """
Anita Anita PROPN 9 nsubj
Rao Rao PROPN 10 flat
. . PUNCT 9 punct
"""

ACCORDING_TO = """
According to a report by Reuters, the fund has set aside $150 million.
According accord VERB 4 case VerbForm=Ger
to to ADP 1 fixed
a a DET 4 det
report report NOUN 11 obl
by by ADP 6 case
Reuters Reuters PROPN 4 nmod
, , PUNCT 11 punct
the the DET 9 det
fund fund NOUN 11 nsubj
has have AUX 11 aux """ + PRES + """
set set VERB 0 root """ + PART + """
aside aside ADP 11 compound:prt
$ $ SYM 11 obj
150 150 NUM 15 compound
million million NUM 13 nummod
. . PUNCT 11 punct
"""

AGENCY_CITED = """
The news agency cited two officials familiar with the budget talks.
The the DET 3 det
news news NOUN 3 compound
agency agency NOUN 4 nsubj
cited cite VERB 0 root """ + FIN + """
two two NUM 6 nummod
officials official NOUN 4 obj
familiar familiar ADJ 6 amod
with with ADP 11 case
the the DET 11 det
budget budget NOUN 11 compound
talks talk NOUN 7 obl
. . PUNCT 4 punct
"""

REPORTEDLY = """
Mayor Tom Whitaker has reportedly urged council members to approve the project.
Mayor mayor NOUN 2 compound
Tom Tom PROPN 6 nsubj
Whitaker Whitaker PROPN 2 flat
has have AUX 6 aux """ + PRES + """
reportedly reportedly ADV 6 advmod
urged urge VERB 0 root """ + PART + """
council council NOUN 8 compound
members member NOUN 6 obj
to to PART 10 mark
approve approve VERB 6 xcomp VerbForm=Inf
the the DET 12 det
project project NOUN 10 obj
. . PUNCT 6 punct
"""

GAZETTE = """
The Harbor Gazette, citing people close to the mayor, said Whitaker fears that federal funds could lapse.
The the DET 3 det
Harbor Harbor PROPN 3 compound
Gazette Gazette PROPN 12 nsubj
, , PUNCT 5 punct
citing cite VERB 12 advcl VerbForm=Ger
people person NOUN 5 obj
close close ADJ 6 amod
to to ADP 10 case
the the DET 10 det
mayor mayor NOUN 7 obl
, , PUNCT 5 punct
said say VERB 0 root """ + FIN + """
Whitaker Whitaker PROPN 14 nsubj
fears fear VERB 12 ccomp """ + PRES + """
that that SCONJ 19 mark
federal federal ADJ 17 amod
funds fund NOUN 19 nsubj
could could AUX 19 aux VerbForm=Fin
lapse lapse VERB 14 ccomp VerbForm=Inf
. . PUNCT 12 punct
"""

CRITICS = """
Critics say the city has underestimated the cost.
Critics critic NOUN 2 nsubj
say say VERB 0 root """ + PRES + """
the the DET 4 det
city city NOUN 6 nsubj
has have AUX 6 aux """ + PRES + """
underestimated underestimate VERB 2 ccomp """ + PART + """
the the DET 8 det
cost cost NOUN 6 obj
. . PUNCT 2 punct
"""

DELGADO = """
Council president Maria Delgado said the council would ask for a breakdown.
Council council NOUN 2 compound
president president NOUN 3 compound
Maria Maria PROPN 5 nsubj
Delgado Delgado PROPN 3 flat
said say VERB 0 root """ + FIN + """
the the DET 7 det
council council NOUN 9 nsubj
would would AUX 9 aux VerbForm=Fin
ask ask VERB 5 ccomp VerbForm=Inf
for for ADP 12 case
a a DET 12 det
breakdown breakdown NOUN 9 obl
. . PUNCT 5 punct
"""

SHE_ADDED = """
She added that a vote could come soon.
She she PRON 2 nsubj
added add VERB 0 root """ + FIN + """
that that SCONJ 7 mark
a a DET 5 det
vote vote NOUN 7 nsubj
could could AUX 7 aux VerbForm=Fin
come come VERB 2 ccomp VerbForm=Inf
soon soon ADV 7 advmod
. . PUNCT 2 punct
"""

HUTCHINS = """
Sen. Dale Hutchins said the bill goes too far.
Sen. Sen. PROPN 2 compound
Dale Dale PROPN 4 nsubj
Hutchins Hutchins PROPN 2 flat
said say VERB 0 root """ + FIN + """
the the DET 6 det
bill bill NOUN 7 nsubj
goes go VERB 4 ccomp """ + PRES + """
too too ADV 9 advmod
far far ADV 7 advmod
. . PUNCT 4 punct
"""

SIXTY_TWO = """
The 62-year-old told reporters that he would back a narrower version.
The the DET 2 det
62-year-old 62-year-old NOUN 3 nsubj
told tell VERB 0 root """ + FIN + """
reporters reporter NOUN 3 obj
that that SCONJ 8 mark
he he PRON 8 nsubj
would would AUX 8 aux VerbForm=Fin
back back VERB 3 ccomp VerbForm=Inf
a a DET 11 det
narrower narrow ADJ 11 amod
version version NOUN 8 obj
. . PUNCT 3 punct
"""

NYT = """
Railroads spent $9 million on lobbying, The New York Times reported.
Railroads railroad NOUN 2 nsubj
spent spend VERB 0 root """ + FIN + """
$ $ SYM 2 obj
9 9 NUM 5 compound
million million NUM 3 nummod
on on ADP 7 case
lobbying lobbying NOUN 2 obl
, , PUNCT 2 punct
The the DET 12 det
New New PROPN 11 compound
York York PROPN 12 compound
Times Times PROPN 13 nsubj
reported report VERB 2 parataxis """ + FIN + """
. . PUNCT 2 punct
"""

THE_TIMES = """
The Times also reported that executives met senators.
The the DET 2 det
Times Times PROPN 4 nsubj
also also ADV 4 advmod
reported report VERB 0 root """ + FIN + """
that that SCONJ 7 mark
executives executive NOUN 7 nsubj
met meet VERB 4 ccomp """ + FIN + """
senators senator NOUN 7 obj
. . PUNCT 4 punct
"""

PER_DAY = """
Production hit 13.6 million barrels per day in March.
Production production NOUN 2 nsubj
hit hit VERB 0 root """ + FIN + """
13.6 13.6 NUM 4 compound
million million NUM 5 nummod
barrels barrel NOUN 2 obj
per per ADP 7 case
day day NOUN 5 nmod
in in ADP 9 case
March March PROPN 2 obl
. . PUNCT 2 punct
"""

SAID_TO = """
He is said to have recruited several donors.
He he PRON 3 nsubj:pass
is be AUX 3 aux:pass """ + PRES + """
said say VERB 0 root """ + PART + """
to to PART 6 mark
have have AUX 6 aux VerbForm=Inf
recruited recruit VERB 3 xcomp """ + PART + """
several several ADJ 8 amod
donors donor NOUN 6 obj
. . PUNCT 3 punct
"""

AP_REPORTED = """
Engineers warn that closing the bridge would add 40 minutes to commutes, the Associated Press reported.
Engineers engineer NOUN 2 nsubj
warn warn VERB 0 root """ + PRES + """
that that SCONJ 8 mark
closing close VERB 8 csubj VerbForm=Ger
the the DET 6 det
bridge bridge NOUN 4 obj
would would AUX 8 aux VerbForm=Fin
add add VERB 2 ccomp VerbForm=Inf
40 40 NUM 10 nummod
minutes minute NOUN 8 obj
to to ADP 12 case
commutes commute NOUN 8 obl
, , PUNCT 17 punct
the the DET 16 det
Associated Associated PROPN 16 compound
Press Press PROPN 17 nsubj
reported report VERB 2 parataxis """ + FIN + """
. . PUNCT 2 punct
"""

TOLD_REPORTERS = """
"We will not sign a blank check," council president Maria Delgado told reporters.
" " PUNCT 5 punct
We we PRON 5 nsubj
will will AUX 5 aux VerbForm=Fin
not not PART 5 advmod
sign sign VERB 15 ccomp VerbForm=Inf
a a DET 9 det
blank blank ADJ 9 amod
check check NOUN 5 obj
, , PUNCT 5 punct
" " PUNCT 5 punct
council council NOUN 12 compound
president president NOUN 13 compound
Maria Maria PROPN 15 nsubj
Delgado Delgado PROPN 13 flat
told tell VERB 0 root """ + FIN + """
reporters reporter NOUN 15 obj
. . PUNCT 15 punct
"""

IT_WAS_REPORTED = """
It was reported last year that a similar study had found no link.
It it PRON 3 expl
was be AUX 3 aux:pass """ + FIN + """
reported report VERB 0 root """ + PART + """
last last ADJ 5 amod
year year NOUN 3 obl:tmod
that that SCONJ 11 mark
a a DET 9 det
similar similar ADJ 9 amod
study study NOUN 11 nsubj
had have AUX 11 aux """ + FIN + """
found find VERB 3 csubj:pass """ + PART + """
no no DET 13 det
link link NOUN 11 obj
. . PUNCT 3 punct
"""

ALLEGEDLY = """
Pike allegedly opened fire on a platform, according to charging documents.
Pike Pike PROPN 3 nsubj
allegedly allegedly ADV 3 advmod
opened open VERB 0 root """ + FIN + """
fire fire NOUN 3 obj
on on ADP 7 case
a a DET 7 det
platform platform NOUN 3 obl
, , PUNCT 12 punct
according accord VERB 12 case VerbForm=Ger
to to ADP 9 fixed
charging charge NOUN 12 compound
documents document NOUN 3 obl
. . PUNCT 3 punct
"""

PER_PERSON = """
Russia has backed the push, per a person briefed on the talks.
Russia Russia PROPN 3 nsubj
has have AUX 3 aux """ + PRES + """
backed back VERB 0 root """ + PART + """
the the DET 5 det
push push NOUN 3 obj
, , PUNCT 9 punct
per per ADP 9 case
a a DET 9 det
person person NOUN 3 obl
briefed brief VERB 9 acl """ + PART + """
on on ADP 13 case
the the DET 13 det
talks talk NOUN 10 obl
. . PUNCT 3 punct
"""

ESTIMATES_FROM = """
Iraq exceeded its quota, according to estimates from the International Energy Agency.
Iraq Iraq PROPN 2 nsubj
exceeded exceed VERB 0 root """ + FIN + """
its its PRON 4 nmod:poss
quota quota NOUN 2 obj
, , PUNCT 9 punct
according accord VERB 9 case VerbForm=Ger
to to ADP 6 fixed
estimates estimate NOUN 2 obl
from from ADP 14 case
the the DET 14 det
International International PROPN 14 amod
Energy Energy PROPN 14 compound
Agency Agency PROPN 9 nmod
. . PUNCT 2 punct
"""

OFFICIALS = """
Officials said about 400,000 people live in the evacuation zone.
Officials official NOUN 2 nsubj
said say VERB 0 root """ + FIN + """
about about ADV 4 advmod
400,000 400,000 NUM 5 nummod
people person NOUN 6 nsubj
live live VERB 2 ccomp """ + PRES + """
in in ADP 10 case
the the DET 10 det
evacuation evacuation NOUN 10 compound
zone zone NOUN 6 obl
. . PUNCT 2 punct
"""

DECLINED = """
A spokesperson for the mayor declined to comment.
A a DET 2 det
spokesperson spokesperson NOUN 6 nsubj
for for ADP 5 case
the the DET 5 det
mayor mayor NOUN 2 nmod
declined decline VERB 0 root """ + FIN + """
to to PART 8 mark
comment comment VERB 6 xcomp VerbForm=Inf
. . PUNCT 6 punct
"""

ACCORDING_QUOTE = """
According to Reuters, "the talks have collapsed."
According accord VERB 3 case VerbForm=Ger
to to ADP 1 fixed
Reuters Reuters PROPN 9 obl
, , PUNCT 9 punct
" " PUNCT 9 punct
the the DET 7 det
talks talk NOUN 9 nsubj
have have AUX 9 aux """ + PRES + """
collapsed collapse VERB 0 root """ + PART + """
. . PUNCT 9 punct
" " PUNCT 9 punct
"""

SCARE_QUOTE = """
The debate featured an "undercard" of lesser candidates.
The the DET 2 det
debate debate NOUN 3 nsubj
featured feature VERB 0 root """ + FIN + """
an a DET 6 det
" " PUNCT 6 punct
undercard undercard NOUN 3 obj
" " PUNCT 6 punct
of of ADP 10 case
lesser less ADJ 10 amod
candidates candidate NOUN 6 nmod
. . PUNCT 3 punct
"""

WEAK_FRAME = """
The city plans new debt, people familiar with the matter said.
The the DET 3 det
city city NOUN 3 compound
plans plan NOUN 5 compound
new new ADJ 5 amod
debt debt NOUN 8 compound
, , PUNCT 8 punct
people person NOUN 8 compound
familiar familiar NOUN 0 root
with with ADP 11 case
the the DET 11 det
matter matter NOUN 12 nsubj
said say VERB 8 acl """ + FIN + """
. . PUNCT 12 punct
"""

PARTIAL_QUOTE = """
Hutchins said in a statement that the bill "places unreasonable burdens on the industry."
Hutchins Hutchins PROPN 2 nsubj
said say VERB 0 root """ + FIN + """
in in ADP 5 case
a a DET 5 det
statement statement NOUN 2 obl
that that SCONJ 10 mark
the the DET 8 det
bill bill NOUN 10 nsubj
" " PUNCT 10 punct
places place VERB 2 ccomp """ + PRES + """
unreasonable unreasonable ADJ 12 amod
burdens burden NOUN 10 obj
on on ADP 15 case
the the DET 15 det
industry industry NOUN 12 nmod
. . PUNCT 2 punct
" " PUNCT 10 punct
"""


def test_quote_then_inverted_cue() -> None:
    report = analyse(INVERSION)
    (claim,) = report.claims
    assert claim.kind == "direct_quote"
    assert claim.speaker is not None and claim.speaker.name == "Anita Rao"
    assert claim.cue is not None and claim.cue.lemma == "say"
    assert claim.status == "sourced"


def test_according_to_a_report_by_an_outlet() -> None:
    report = analyse(ACCORDING_TO)
    (claim,) = report.claims
    assert claim.kind == "attributed"
    assert claim.outlet is not None and claim.outlet.name == "Reuters"
    assert claim.status == "sourced"


def test_outlet_citing_anonymous_officials_in_the_next_sentence() -> None:
    """"The news agency cited two officials …" names Reuters' sources: the claim becomes weak, and the
    sentence itself is no claim (its "two" is no unsourced number)."""
    report = analyse(ACCORDING_TO, AGENCY_CITED)
    (claim,) = report.claims
    assert claim.outlet is not None and claim.outlet.name == "Reuters"
    assert [v.type for v in claim.via] == ["anonymous"]
    assert claim.status == "weakly_sourced"
    assert "CC101" not in {f.code for f in report.findings}


def test_reportedly_answered_by_the_next_sentence_outlet() -> None:
    report = analyse(REPORTEDLY, GAZETTE)
    hearsay = claim_with(report, "reportedly urged")
    assert hearsay.kind == "hearsay"
    assert hearsay.speaker is None, "Whitaker did the urging; someone else reports it"
    assert hearsay.outlet is not None and hearsay.outlet.name == "Harbor Gazette"
    assert hearsay.status == "weakly_sourced", "the Gazette relies on people close to the mayor"
    gazette = claim_with(report, "fears that federal funds could lapse")
    assert gazette.kind == "indirect_speech"
    assert gazette.outlet is not None and gazette.outlet.name == "Harbor Gazette"
    assert gazette.outlet.mention == "The Harbor Gazette"
    assert gazette.cue is not None and gazette.cue.lemma == "say"
    assert gazette.status == "weakly_sourced"
    assert "CC105" not in {f.code for f in report.findings}


def test_reportedly_without_any_outlet_is_hearsay_without_source() -> None:
    report = analyse(REPORTEDLY)
    (claim,) = report.claims
    assert claim.kind == "hearsay" and claim.status == "unsourced"
    assert codes(report, claim) == {"CC105"}


def test_unknown_outlet_by_the_shape_of_its_name() -> None:
    report = analyse(GAZETTE)
    claim = claim_with(report, "fears that")
    assert claim.outlet is not None and claim.outlet.type == "newspaper"
    assert claim.speaker is None


def test_vague_critics_say() -> None:
    report = analyse(CRITICS)
    (claim,) = report.claims
    assert claim.kind == "indirect_speech"
    assert claim.text.startswith("the city has underestimated")
    assert claim.speaker is not None and claim.speaker.name == "Critics" and claim.speaker.type == "group"
    assert claim.status == "weakly_sourced"
    assert codes(report, claim) == {"CC104"}


def test_she_added_that_resolves_to_the_last_person() -> None:
    report = analyse(DELGADO, SHE_ADDED)
    first, added = report.claims
    assert first.speaker is not None and first.speaker.name == "Maria Delgado"
    assert first.speaker.role == "president"
    assert added.kind == "indirect_speech"
    assert added.text.startswith("that a vote could come") or added.text.startswith("a vote could come")
    assert added.cue is not None and added.cue.lemma == "add"
    assert added.speaker is not None and added.speaker.name == "Maria Delgado"
    assert added.speaker.mention == "She"
    assert added.status == "sourced"


def test_age_descriptor_resolves_to_the_last_person() -> None:
    report = analyse(HUTCHINS, SIXTY_TWO)
    told = claim_with(report, "narrower version")
    assert told.speaker is not None and told.speaker.name == "Dale Hutchins"
    assert told.speaker.mention == "The 62-year-old"
    assert told.cue is not None and told.cue.lemma == "tell"


def test_title_word_points_back_to_the_outlet_named_before() -> None:
    """ "The Times" after The New York Times is the NYT, not the registry's London Times."""
    report = analyse(NYT, THE_TIMES)
    first, second = report.claims
    assert first.outlet is not None and first.outlet.name == "The New York Times"
    assert first.text == "Railroads spent $9 million on lobbying"
    assert second.outlet is not None and second.outlet.name == "The New York Times"
    assert second.outlet.mention == "The Times"


def test_the_times_alone_is_the_registry_outlet() -> None:
    report = analyse(THE_TIMES)
    assert report.claims[0].outlet is not None and report.claims[0].outlet.name == "The Times"


def test_per_day_is_no_source() -> None:
    report = analyse(PER_DAY)
    (claim,) = report.claims
    assert claim.kind == "assertion" and claim.status == "unsourced"
    assert codes(report, claim) == {"CC101"}


def test_is_said_to_is_hearsay() -> None:
    report = analyse(SAID_TO)
    (claim,) = report.claims
    assert claim.kind == "hearsay" and claim.speaker is None and claim.status == "unsourced"
    assert codes(report, claim) == {"CC105"}


def test_outlet_frame_after_the_content_wins_over_the_cue_inside_it() -> None:
    """ "Engineers warn …, the Associated Press reported": the outlet is the source named; the frame is
    parataxis of the content (however long the outlet's name)."""
    report = analyse(AP_REPORTED)
    (claim,) = report.claims
    assert claim.text == "Engineers warn that closing the bridge would add 40 minutes to commutes"
    assert claim.kind == "indirect_speech"
    assert claim.outlet is not None and claim.outlet.name == "Associated Press"
    assert claim.cue is not None and claim.cue.lemma == "report"
    assert claim.status == "sourced"


def test_told_reporters_frames_the_quote_without_a_claim_of_its_own() -> None:
    report = analyse(TOLD_REPORTERS)
    (claim,) = report.claims
    assert claim.kind == "direct_quote"
    assert claim.speaker is not None and claim.speaker.name == "Maria Delgado"
    assert claim.cue is not None and claim.cue.lemma == "tell"


def test_it_was_reported_is_a_vague_attribution() -> None:
    report = analyse(IT_WAS_REPORTED)
    (claim,) = report.claims
    assert claim.speaker is None and claim.outlet is None
    assert claim.status == "weakly_sourced"
    assert codes(report, claim) == {"CC104"}


def test_allegedly_with_according_to_is_sourced_hearsay() -> None:
    report = analyse(ALLEGEDLY)
    (claim,) = report.claims
    assert claim.kind == "hearsay"
    assert claim.speaker is not None and "documents" in claim.speaker.name
    assert claim.status == "sourced"
    assert not codes(report, claim)


def test_per_an_anonymous_person() -> None:
    report = analyse(PER_PERSON)
    (claim,) = report.claims
    assert claim.kind == "attributed"
    assert claim.speaker is not None and claim.speaker.type == "anonymous"
    assert claim.status == "weakly_sourced"


def test_according_to_estimates_from_an_agency() -> None:
    report = analyse(ESTIMATES_FROM)
    (claim,) = report.claims
    assert claim.speaker is not None and claim.speaker.name == "International Energy Agency"
    assert claim.status == "sourced"


def test_unnamed_officials_are_anonymous() -> None:
    report = analyse(OFFICIALS)
    (claim,) = report.claims
    assert claim.text == "about 400,000 people live in the evacuation zone"
    assert claim.speaker is not None and claim.speaker.type == "anonymous"
    assert claim.status == "weakly_sourced"
    assert codes(report, claim) == {"CC103"}


def test_declined_to_comment_is_no_unsourced_claim() -> None:
    report = analyse(DECLINED)
    assert not report.findings


def test_according_to_names_the_source_of_the_quote() -> None:
    report = analyse(ACCORDING_QUOTE)
    (claim,) = report.claims
    assert claim.kind == "direct_quote"
    assert claim.outlet is not None and claim.outlet.name == "Reuters"
    assert not report.findings


def test_scare_quotes_are_no_quotes() -> None:
    report = analyse(SCARE_QUOTE)
    assert [c.kind for c in report.claims] == ["assertion"]
    assert "CC102" not in {f.code for f in report.findings}


def test_closing_frame_found_by_position_on_a_weak_parse() -> None:
    """The tagger made "plans" a noun and "said" an acl of "familiar": the frame is still "…, X said."."""
    report = analyse(WEAK_FRAME)
    (claim,) = report.claims
    assert claim.text == "The city plans new debt"
    assert claim.speaker is not None and claim.speaker.mention == "people familiar with the matter"
    assert claim.speaker.type == "anonymous" and claim.status == "weakly_sourced"
    assert codes(report, claim) == {"CC103"}


def test_partial_quote_inside_reported_clause_is_one_claim() -> None:
    report = analyse(PARTIAL_QUOTE)
    (claim,) = report.claims
    assert claim.kind == "indirect_speech"
    assert "places unreasonable burdens" in claim.text
    assert claim.speaker is not None and claim.speaker.name == "Hutchins"


# ---- weak parses seen on PolNeAR (the small English model's actual output), repaired by the rules

TWO_SUBJECTS = """
Hours later, Trump returned the compliment, telling Reuters, “Sheldon is an amazing man.”
Hours hour NOUN 5 nsubj Number=Plur
later late ADJ 5 xcomp
, , PUNCT 2 punct
Trump Trump PROPN 5 nsubj
returned return VERB 0 root """ + FIN + """
the the DET 7 det
compliment compliment NOUN 5 obj
, , PUNCT 9 punct
telling tell VERB 5 conj VerbForm=Part|Tense=Pres
Reuters Reuters PROPN 9 obj
, , PUNCT 15 punct
“ " PUNCT 15 punct
Sheldon Sheldon PROPN 15 nsubj
is be AUX 15 cop """ + PRES + """
an a DET 15 det
amazing amazing ADJ 15 amod
man man NOUN 9 ccomp
. . PUNCT 15 punct
” " PUNCT 15 punct
"""


def test_time_word_subject_loses_to_the_nearer_name() -> None:
    quote = claim_with(analyse(TWO_SUBJECTS), "amazing man")
    assert quote.kind == "direct_quote"
    assert quote.speaker is not None and quote.speaker.name == "Trump"


NOUN_CUE = """
“Cultural conservatives have issues with Trump,” Viguerie notes.
“ " PUNCT 4 punct
Cultural cultural ADJ 3 amod
conservatives conservative NOUN 4 nsubj
have have VERB 0 root """ + PRES + """
issues issue NOUN 4 obj
with with ADP 7 case
Trump Trump PROPN 5 nmod
, , PUNCT 10 punct
” " PUNCT 10 punct
Viguerie Viguerie PROPN 10 compound
notes note NOUN 7 conj Number=Plur
. . PUNCT 4 punct
"""

HE_ADDS = """
“Cruz is responding with humor,” he adds.
“ " PUNCT 4 punct
Cruz Cruz PROPN 4 nsubj
is be AUX 4 aux """ + PRES + """
responding respond VERB 0 root VerbForm=Ger
with with ADP 6 case
humor humor NOUN 4 obl
, , PUNCT 10 punct
” " PUNCT 10 punct
he he PRON 10 nsubj
adds add VERB 4 parataxis """ + PRES + """
. . PUNCT 4 punct
"""


def test_cue_tagged_as_noun_after_a_quote_still_frames_it() -> None:
    quote = claim_with(analyse(NOUN_CUE), "Cultural conservatives")
    assert quote.cue is not None and quote.cue.text == "notes"
    assert quote.speaker is not None and quote.speaker.name == "Viguerie"


def test_he_after_a_quote_is_the_one_just_quoted_not_a_name_inside_the_quote() -> None:
    report = analyse(NOUN_CUE, HE_ADDS)
    second = claim_with(report, "responding with humor")
    assert second.speaker is not None and second.speaker.name == "Viguerie"


WHO_SAID = """
Barkley, who said he votes democratic, said one candidate he likes is Kasich.
Barkley Barkley PROPN 4 nsubj
, , PUNCT 1 punct
who who PRON 4 nsubj PronType=Rel
said say VERB 9 advcl """ + FIN + """
he he PRON 6 nsubj
votes vote VERB 4 ccomp """ + PRES + """
democratic democratic NOUN 6 obj
, , PUNCT 9 punct
said say VERB 0 root """ + FIN + """
one one NUM 11 nummod
candidate candidate NOUN 9 nsubj
he he PRON 13 nsubj
likes like VERB 9 ccomp """ + PRES + """
is be AUX 15 cop """ + PRES + """
Kasich Kasich PROPN 13 ccomp
. . PUNCT 9 punct
"""


def test_name_before_a_relative_clause_speaks_both_cues() -> None:
    report = analyse(WHO_SAID)
    votes = claim_with(report, "votes democratic")
    likes = claim_with(report, "one candidate he likes is Kasich")
    assert "Barkley" not in votes.text and "Barkley" not in likes.text
    for c in (votes, likes):
        assert c.kind == "indirect_speech" and c.speaker is not None and c.speaker.name == "Barkley"


FRONTED_PARTICIPLE = """
Asked what he wants in a nominee, Adelson said, “They have got to win.”
Asked ask VERB 0 root """ + FIN + """
what what PRON 1 obj
he he PRON 4 nsubj
wants want VERB 1 ccomp """ + PRES + """
in in ADP 7 case
a a DET 7 det
nominee nominee NOUN 4 obl
, , PUNCT 10 punct
Adelson Adelson PROPN 10 nsubj
said say VERB 1 parataxis """ + FIN + """
, , PUNCT 15 punct
“ " PUNCT 15 punct
They they PRON 15 nsubj
have have AUX 15 aux """ + PRES + """
got get VERB 10 ccomp """ + PART + """
to to PART 17 mark
win win VERB 15 xcomp VerbForm=Inf
. . PUNCT 15 punct
” " PUNCT 15 punct
"""


def test_fronted_participle_yields_to_the_main_cue() -> None:
    quote = claim_with(analyse(FRONTED_PARTICIPLE), "got to win")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.name == "Adelson"


SCENE_SETTING = """
Months after he mocked her, Trump praised Kelly.
Months month NOUN 4 obl:npmod Number=Plur
after after SCONJ 4 mark
he he PRON 4 nsubj
mocked mock VERB 8 advcl """ + FIN + """
her she PRON 4 obj
, , PUNCT 4 punct
Trump Trump PROPN 8 nsubj
praised praise VERB 0 root """ + FIN + """
Kelly Kelly PROPN 8 obj
. . PUNCT 8 punct
"""


def test_adverbial_clause_before_the_cue_is_no_content() -> None:
    report = analyse(SCENE_SETTING)
    praised = [c for c in report.claims if c.cue is not None and c.cue.text == "praised"]
    assert praised and praised[0].kind == "reported_speech"
    assert praised[0].speaker is not None and praised[0].speaker.name == "Trump"
    assert not any(c.cue is not None and c.cue.text == "mocked" and c.text.startswith("Months") for c in report.claims)
