"""German constructions found in the dev corpus's errors, checked on real parses with the bundled
models: each test is one construction a newsroom text uses every day."""

from __future__ import annotations

import pytest

from claimcheck.report.models import Claim, DocumentReport
from tests._reference import check_text, claim_with, has_models

pytestmark = pytest.mark.skipif(not has_models("de"), reason="German models not available")


def analyse(text: str) -> DocumentReport:
    return check_text(text, "de")


def speaker(claim: Claim) -> str:
    return claim.speaker.name if claim.speaker else ""


# (text, words of the claim, kinds it may have, who must be named as its speaker)
SPEAKER_CASES = {
    "so-frame after a quote": (
        "Die Gewerkschaft hielt an ihrer Kritik fest. „Wer Tausende Stellen streicht, handelt "
        "verantwortungslos“, so der Gewerkschaftsvorstand Uwe Foullong.",
        "verantwortungslos", {"direct_quote"}, "Foullong"),
    "so-frame after indirect speech": (
        "Die Lage sei ernst, so Innenminister Peter Maier.",
        "Die Lage sei ernst", {"indirect_speech", "attributed"}, "Maier"),
    "a body named by common nouns, with its abbreviation": (
        "Der Deutsche Hausärzteverband (DHV) wies die Kritik zurück. Die Versorgung sei gesichert, teilte der Verband "
        "mit.", "Die Versorgung sei gesichert", {"indirect_speech"}, "Deutsche Hausärzteverband (DHV)"),
    "'Er' after an organisation with a masculine noun": (
        "Der Deutsche Hausärzteverband (DHV) wies die Kritik zurück. Die Versorgung sei gesichert, teilte der Verband "
        "mit. Er forderte mehr Geld für die Praxen.", "mehr Geld für die Praxen", {"reported_speech"},
        "Deutsche Hausärzteverband (DHV)"),
    "a body at its seat, not the place": (
        "Die Polizei in Köln teilte mit, dass zwei Männer festgenommen wurden.",
        "zwei Männer festgenommen", {"indirect_speech"}, "Polizei in Köln"),
    "a place is no organisation 'die Gewerkschaft' points back to": (
        "Frankfurt/Main\n\nDie Lokführergewerkschaft GDL droht mit Streiks. Die Gewerkschaft fordert eine Senkung der "
        "Wochenarbeitszeit auf 35 Stunden.", "Senkung der Wochenarbeitszeit", {"reported_speech"}, "GDL"),
    "a spokeswoman where she spoke": (
        "Das bayerische Wirtschaftsministerium prüft den Fall. Man stehe mit dem Unternehmen in engem Kontakt, sagte "
        "eine Sprecherin in München.", "engem Kontakt", {"indirect_speech"}, "Wirtschaftsministerium"),
    "'Das hat X in Y entschieden' points back to X, not Y": (
        "Baden-Württemberg muss sein Klimaschutzprogramm nachbessern. Das hat der Verwaltungsgerichtshof (VGH) in "
        "Mannheim am Donnerstag entschieden.", "Klimaschutzprogramm nachbessern", {"attributed", "indirect_speech"},
        "Verwaltungsgerichtshof"),
    "a headline quote after the speaker's name": (
        "Merkel: „Wir schaffen das“\n\nBundeskanzlerin Angela Merkel sagte am Montag in Berlin, man werde die Lage "
        "meistern.", "Wir schaffen das", {"direct_quote"}, "Angela Merkel"),
    "separable particle after a quoted word": (
        "Der Klinikverband wies die Darstellung der Studie als „zugespitzt“ zurück.",
        "wies die Darstellung", {"reported_speech"}, "Klinikverband"),
    "descriptor with a scene after it": (
        "Premierminister Laurent Mercadier gewann die Abstimmung. Mercadier zeigte sich erleichtert. „Frankreich "
        "braucht Stabilität“, sagte der 58-Jährige vor Journalisten.",
        "braucht Stabilität", {"direct_quote"}, "Laurent Mercadier"),
    "dative medium before the verb": (
        "Der Süddeutschen Zeitung sagte Markus Tiedemann: „Wir haben alle Alternativen geprüft.“",
        "Alternativen geprüft", {"direct_quote"}, "Tiedemann"),
    "das Unternehmen is the company named before": (
        "Der Autozulieferer Kessler Automotive will 1.800 Stellen abbauen. Das teilte das Unternehmen am "
        "Montag mit. Das Werk in Plauen werde geschlossen.",
        "1.800 Stellen abbauen", {"attributed", "indirect_speech"}, "Kessler"),
    "Konjunktiv clause after an indicative main clause": (
        "Die Wahlkommission hatte den Standpunkt vertreten, das Gericht sei dafür nicht zuständig.",
        "das Gericht sei dafür nicht zuständig", {"indirect_speech"}, "Wahlkommission"),
    "an abbreviation in brackets with the court's seat after it": (
        "Der Verwaltungsgerichtshof (VGH) in Mannheim entschied am Montag, die Klage sei unzulässig.",
        "die Klage sei unzulässig", {"indirect_speech"}, "Verwaltungsgerichtshof (VGH)"),
    "a truncated compound in a coordinated body name": (
        "Der Mieterinnen- und Mieterverband kritisierte, die Mieten seien zu hoch.",
        "die Mieten seien zu hoch", {"indirect_speech"}, "Mieterinnen- und Mieterverband"),
    "a particle fused into a verb-final cue": (
        "Wie die Polizei bekanntgab, wurde der Mann festgenommen.",
        "der Mann festgenommen", {"indirect_speech", "attributed"}, "Polizei"),
    "a particle written apart in a verb-final cue": (
        "Wie das Fischereiministerium am Montag bekannt gab, wird Island den Walfang wieder aufnehmen.",
        "den Walfang wieder aufnehmen", {"indirect_speech", "attributed"}, "Fischereiministerium"),
    "a possessive before a postposed 'nach'": (
        "Der Minister Thomas Kühn sprach in Berlin. Seiner Ansicht nach sei die Lage ernst.",
        "die Lage ernst", {"indirect_speech", "attributed"}, "Kühn"),
    "'nach eigenen Angaben': the subject of the verb it modifies": (
        "Nach eigenen Angaben erhielt das Bundesamt im Jahr 2005 rund 138 Millionen Euro.",
        "138 Millionen Euro", {"attributed"}, "Bundesamt"),
    "a role, then a hyphenated first name the parse makes a second subject": (
        "Innenminister Hans-Peter Friedrich sagte, die Lage sei ernst.",
        "die Lage sei ernst", {"indirect_speech"}, "Hans-Peter Friedrich"),
    "a possessive inside a noun phrase": (
        "Innenminister Hans-Peter Friedrich sprach in Berlin. Er wies auf die seiner Meinung nach wachsenden Gefahren "
        "für Stromnetze hin.", "wachsenden Gefahren", {"attributed", "reported_speech"}, "Friedrich"),
    "a trailing frame whose name has an apposition": (
        "Sie seien jedoch außer Lebensgefahr, sagte Mark Keefe, der Sprecher der Klinik.",
        "außer Lebensgefahr", {"indirect_speech"}, "Mark Keefe"),
    "'wies darauf hin, dass …': the dass-clause is the content": (
        "Elshorst wies darauf hin, dass Siemens bei der Organisation Mitglied sei.",
        "Mitglied sei", {"indirect_speech"}, "Elshorst"),
    "a thing of someone's before the verb, the speaker after it": (
        "Die Äußerungen Hassemers und Papiers bezeichnete Wiefelspütz als „Knaller aus Karlsruhe“.",
        "Knaller", {"reported_speech", "direct_quote"}, "Wiefelspütz"),
    "so-frame after a clause that is mostly quoted": (
        "Der Iran müsse „vollständig und nachweislich den Anreicherungsprozess“ beenden, so Rice.",
        "Der Iran müsse", {"indirect_speech"}, "Rice"),
    "so-frame after a passive cue's clause": (
        "Ägypten wird inzwischen aufgefordert, die Grenze zu öffnen, so Hisbollah-Chef Hassan Nasrallah.",
        "die Grenze zu öffnen", {"reported_speech"}, "Nasrallah"),  # a demand: reported speech (seed-gold)
    "a da-word stands for the cue's preposition, an adverb before the inverted subject": (
        "Dagegen protestierte auch der Deutsche Journalisten-Verband (DJV).",
        "Dagegen protestierte", {"reported_speech"}, "Journalisten-Verband"),
    "a relative clause between the speaker and the cue": (
        "Brian Baptie von der britischen Erdbebenwarte, die die Stärke zunächst mit 5,1 angegeben hatte, sagte, "
        "dass mit solchen Beben alle zehn Jahre zu rechnen sei.", "alle zehn Jahre", {"indirect_speech"}, "Baptie"),
    "'dieser' points to the last name before it in the sentence": (
        "In einem Interview mit dem Anwalt der Familie – Rainer Wittner – sagte dieser, dass der Schauspieler "
        "schwer erkrankt sei.", "schwer erkrankt", {"indirect_speech"}, "Wittner"),
    "impersonal 'hatte es geheißen' names its document": (
        "In einer Erklärung der EU-Außenminister hatte es geheißen: „Es gibt keine militärische Lösung.“",
        "keine militärische Lösung", {"direct_quote"}, "EU"),
    "a spokesman of the police at its seat": (
        "Ein Sprecher der Polizei Köln sagte, es gebe keine Spur.", "es gebe keine Spur", {"indirect_speech"},
        "Polizei Köln"),
    "'der Anwalt' is the man named, not the woman who was subject before": (
        "Die Angeklagte Sabine K. räumte über ihren Verteidiger Malte Jürgensen Fehler ein. Seine Mandantin habe den "
        "Überblick verloren, sagte der Anwalt.", "den Überblick verloren", {"indirect_speech"}, "Jürgensen"),
    "a nationality noun as descriptor": (
        "Trainer Ruud Veldkamp hofft auf einen Einsatz. Der Stürmer sei fit, sagte der Niederländer.",
        "Der Stürmer sei fit", {"indirect_speech"}, "Veldkamp"),
    "'er' after a spokesman who declined to comment": (
        "Ein Sprecher des Bundesverteidigungsministeriums wollte den Bericht nicht kommentieren. Man führe "
        "konstruktive Gespräche, sagte er lediglich.", "konstruktive Gespräche", {"indirect_speech"},
        "Bundesverteidigungsministerium"),
    "a plural past the lemmatizer misses": (
        "Die Freien Wähler warfen dem Bürgermeister vor, die Sanierung verschleppt zu haben.",
        "die Sanierung verschleppt", {"reported_speech"}, "Freien Wähler"),
    "a 'nicht' before the frame's comma is the speaker's": (
        "Man streite in der Sache, nicht mit Gewalt, betonte die Politikerin Monika Stöckl.",
        "Man streite in der Sache", {"indirect_speech"}, "Stöckl"),
}


@pytest.mark.parametrize("case", sorted(SPEAKER_CASES))
def test_speaker_of_construction(case: str) -> None:
    text, words, kinds, name = SPEAKER_CASES[case]
    c = claim_with(analyse(text), words)
    assert c.kind in kinds
    assert name in speaker(c)


def test_compound_source_after_nach() -> None:
    r = analyse("Nach Polizeiangaben wurden sechs Menschen verletzt.")
    c = claim_with(r, "sechs Menschen verletzt")
    assert c.kind == "attributed"
    assert c.speaker is not None and "Polizei" in c.speaker.mention
    assert c.speaker.name == "Polizei" and c.status == "sourced"  # the police, not an unnamed group


def test_a_hyphenated_source_compound_after_nach() -> None:
    c = claim_with(analyse("Nach UNHCR-Angaben sind 35.000 Menschen in der Stadt eingeschlossen."), "35.000 Menschen")
    assert c.speaker is not None and "UNHCR" in c.speaker.name


def test_a_source_phrase_after_a_semicolon_covers_its_own_clause() -> None:
    report = analyse("Die Veranstalter zählten 5.000 Teilnehmer; nach Polizeiangaben waren es zirka 1.000.")
    police = claim_with(report, "zirka 1.000")
    assert "5.000" not in police.text and police.speaker is not None
    organisers = claim_with(report, "5.000 Teilnehmer")
    assert organisers is not police


def test_untranslated_name_in_quotation_marks_is_no_quote() -> None:
    r = analyse("Die Partei „Union pour un Mouvement Populaire“ gewann die Wahl deutlich.")
    assert not [c for c in r.claims if c.kind == "direct_quote"]


def test_relative_clause_after_a_cue_object_is_no_reported_content() -> None:
    r = analyse("Zwölf Todesopfer forderte ein Taifun, der am Sonntag den Norden der Philippinen heimsuchte.")
    assert not [c for c in r.claims if c.kind == "indirect_speech"]


def test_closing_bracket_glued_by_the_tokenizer_is_split_off() -> None:
    # the treebanks have few brackets: the tokenizer keeps ")" on "EZB" and "ARD"
    report = analyse("Die Europäische Zentralbank (EZB) teilte mit, sie werde die Zinsen erhöhen. "
                     "Die Regierung plant Kürzungen (laut ARD).")
    ezb = claim_with(report, "die Zinsen erhöhen")
    assert ezb.speaker is not None and ezb.speaker.type == "organization"
    assert ezb.speaker.mention == "Die Europäische Zentralbank (EZB)"
    assert not ezb.speaker.name.endswith(")") or ezb.speaker.name.count("(") == 1
    assert any(c.outlet is not None and c.outlet.name == "ARD" for c in report.claims)


def test_bracketed_pointer_to_earlier_coverage_is_no_cue() -> None:
    report = analyse("Der Parteitag war im Januar abgesagt worden (Wikinews berichtete).")
    assert not [c for c in report.claims if c.cue is not None and c.cue.text == "berichtete"]


def test_other_verbs_of_the_same_form_are_no_cues() -> None:
    report = analyse("In Brand geraten war ein Industrieofen. Der Verdächtige befindet sich in Haft. "
                     "Das Profil 2.0, auch „BD-Live“ genannt, kommt später. Der Sturm hat sich wie erwartet verstärkt.")
    assert [c.kind for c in report.claims] == ["assertion"] * 4
    # the cue verbs themselves still frame speech
    advice = claim_with(analyse("Die Ärzte hatten ihm dringend geraten, weniger zu arbeiten."), "weniger zu arbeiten")
    assert advice.cue is not None and advice.cue.lemma == "raten"


def test_a_name_in_quotation_marks_without_a_speech_frame_is_no_quote() -> None:
    report = analyse("Die Hilfsorganisation „Ärzte ohne Grenzen“ betreibt zwei Kliniken in der Region.")
    assert not [c for c in report.claims if c.kind == "direct_quote"]
    # a noun phrase in marks after a cue is still a quote
    quoted = analyse("Der Minister nannte den Streik eine „Erpressung der Fahrgäste“.")
    assert [c for c in quoted.claims if c.kind == "direct_quote"]


def test_a_cue_in_a_weil_clause_leaves_the_main_clause_to_its_source() -> None:
    report = analyse("Laut Anklage war der Angeklagte mit dem Opfer in Streit geraten, weil dieser ihn gebeten hatte, "
                     "seine Musik leiser zu stellen. Dann soll er zugestochen haben.")
    main = claim_with(report, "in Streit geraten")
    assert main.speaker is not None and main.speaker.name == "Anklage"
    request = claim_with(report, "seine Musik leiser")
    assert request.speaker is not None and request.speaker.mention == "dieser"
    assert claim_with(report, "zugestochen").speaker.name == "Anklage"


def test_a_document_phrase_with_nothing_before_it_is_a_weak_source() -> None:
    report = analyse("Den vorliegenden Informationen zufolge soll der Gesuchte bei einer Razzia entdeckt worden sein.")
    c = claim_with(report, "Razzia")
    assert c.status == "weakly_sourced"
    assert c.speaker is not None and "Informationen" in c.speaker.mention


def test_double_barrelled_and_abbreviated_names_stay_whole() -> None:
    report = analyse("Die Landrätin Miriam Okonkwo-Brandt kritisierte den Plan scharf. Die IG Metall kündigte an, "
                     "gegen den Plan zu klagen.")
    assert claim_with(report, "kritisierte den Plan").speaker.name == "Miriam Okonkwo-Brandt"
    assert claim_with(report, "gegen den Plan zu klagen").speaker.name == "IG Metall"


def test_a_compound_of_a_vague_group_is_vague() -> None:
    c = claim_with(analyse("Westliche Militärexperten erwarten, dass die Angriffe zunehmen."), "Angriffe zunehmen")
    assert c.status == "weakly_sourced"


def test_halten_fuer_is_a_belief_and_a_poll_share_is_the_polls() -> None:
    belief = claim_with(analyse("Politikwissenschaftler halten die Lage für fragil."), "Lage für fragil")
    assert belief.kind == "belief" and belief.speaker is not None
    speech = analyse("Der Bischof hielt eine Rede für die Opfer.")
    assert [c.kind for c in speech.claims] == ["assertion"]
    poll = claim_with(analyse("Laut dem ZDF-Politbarometer halten 58 Prozent der Befragten die Politik für falsch."),
                      "58 Prozent")
    assert poll.outlet is not None and poll.outlet.name == "ZDF"


def test_wonach_and_wurde_bekannt_attribute_their_clause() -> None:
    report = analyse("Der Minister verwies auf eine Studie, wonach 53.000 Kinder ermordet wurden. "
                     "Am Montag wurde bekannt, dass der Konzern die Sparte verkaufen will.")
    study = claim_with(report, "53.000 Kinder")
    assert study.kind != "assertion" and study.speaker is not None and "Studie" in study.speaker.mention
    rumour = claim_with(report, "Sparte verkaufen")
    assert rumour.status == "weakly_sourced"


def test_a_clause_with_a_partial_quote_is_indirect_speech_too() -> None:
    report = analyse("Künast sagte, es müsse nun Schluss sein mit „gegenseitigen Schuldzuweisungen und Blockaden“.")
    clause = claim_with(report, "es müsse nun Schluss sein")
    assert clause.kind == "indirect_speech" and speaker(clause) == "Künast"
    assert [c for c in report.claims if c.kind == "direct_quote"]


def test_a_second_report_in_the_same_sentence_is_its_own_claim() -> None:
    report = analyse("Préval sagte vor der Presse, Annabi sei tot, doch UN-Pressesprecher Nicholas Birnback erklärte, "
                     "den Tod bislang nicht bestätigen zu können.")
    first = claim_with(report, "Annabi sei tot")
    assert "Birnback" not in first.text and speaker(first) == "Préval"
    assert "Birnback" in speaker(claim_with(report, "nicht bestätigen"))


def test_a_konjunktiv_sentence_around_a_partial_quote_continues_the_speaker() -> None:
    report = analyse("Künast sagte, es müsse gehandelt werden. Es drohe „eine dramatische Erderwärmung“.")
    c = claim_with(report, "Es drohe")
    assert c.kind == "indirect_speech" and speaker(c) == "Künast"


def test_er_does_not_point_to_a_woman() -> None:
    report = analyse("Bundespräsident Horst Köhler hielt eine Rede. Kanzlerin Angela Merkel hörte zu. "
                     "Er sagte, die Lage sei ernst.")
    assert speaker(claim_with(report, "die Lage sei ernst")) == "Horst Köhler"


def test_wiki_italics_are_no_quotes() -> None:
    report = analyse("Das Kraftwerk heißt ''Neue Wasserkraft''. „Wir sind stolz“, sagte der Bürgermeister.")
    assert not any("Neue Wasserkraft" in c.text and c.kind == "direct_quote" for c in report.claims), report.claims


def test_a_name_written_like_an_agency_acronym_is_the_person() -> None:
    report = analyse("Mittelfeldspieler Daniel Efe verteidigte den Coach. „Wir stehen hinter dem Trainer“, sagte Efe.")
    c = claim_with(report, "hinter dem Trainer")
    assert c.outlet is None and "Efe" in speaker(c), c


def test_hearsay_on_a_cue_verb_answered_by_the_outlet_after_it() -> None:
    report = analyse("Berlin besteht auf einem Standort in Sachsen-Anhalt. Die Bundesregierung soll Paris mit dem "
                     "Ausstieg gedroht haben. Das berichtete die Zeitung „Le Monde“. Demnach verlangt Berlin die "
                     "Hälfte der Fertigung.")
    insist = claim_with(report, "besteht auf einem Standort")
    assert insist.kind == "reported_speech" and speaker(insist) == "Berlin"
    threat = claim_with(report, "mit dem Ausstieg gedroht")
    assert threat.kind == "hearsay" and threat.speaker is None  # not Berlin: someone reports the threat
    assert threat.outlet is not None and threat.outlet.name == "Le Monde"
    demand = claim_with(report, "verlangt Berlin die Hälfte")
    assert demand.kind == "attributed" and demand.outlet is not None and demand.outlet.name == "Le Monde"


@pytest.mark.parametrize("text", [
    "Ein Klub soll 35 Millionen Euro zahlen wollen. Das hatte die »Bild« am Mittwoch berichtet.",
    "Ein Klub soll 35 Millionen Euro zahlen wollen. Das hatte die „Bild“ am Mittwoch berichtet.",
])
def test_a_common_word_in_quotation_marks_names_the_outlet(text: str) -> None:
    c = claim_with(analyse(text), "35 Millionen Euro")
    assert c.outlet is not None and c.outlet.name == "Bild-Zeitung" and c.speaker is None


def test_bild_without_quotation_marks_is_a_picture() -> None:
    report = analyse("Das Bild zeigt den Trainer. Er sagte, die Mannschaft sei bereit.")
    assert all(c.outlet is None for c in report.claims)


def test_a_wie_frame_around_an_indicative_clause_is_attributed() -> None:
    report = analyse("Die Verdächtigen wurden am Morgen festgenommen, wie die Polizei mitteilte. Wie AFP aus "
                     "Élysée-Kreisen erfuhr, hat der Präsident die Verhandlungen an sich gezogen.")
    arrest = claim_with(report, "am Morgen festgenommen")
    assert arrest.kind == "attributed" and speaker(arrest) == "Polizei"
    afp = claim_with(report, "die Verhandlungen an sich gezogen")
    assert afp.kind == "attributed" and afp.outlet is not None and afp.outlet.name == "AFP"


def test_erfahren_outside_a_wie_frame_is_what_someone_learnt() -> None:
    report = analyse("Die Käufer erfuhren erst später, dass sie Fälschungen erworben hatten.")
    assert not any(c.kind == "indirect_speech" for c in report.claims)


def test_an_outlet_name_ending_a_sentence_in_a_number() -> None:
    c = claim_with(analyse("„Wir haben ein faires Angebot gemacht“, sagte sie dem Sender France 24."), "faires Angebot")
    assert c.outlet is not None and c.outlet.name == "France 24"


def test_a_partial_quote_after_a_title_noun_is_still_a_quote() -> None:
    report = analyse("Osterloh warf der Regierung vor, das Projekt „sehenden Auges an die Wand zu fahren“.")
    assert any(c.kind == "direct_quote" and "sehenden Auges" in c.text for c in report.claims)


def test_verteidigen_in_sport_is_no_speech() -> None:
    report = analyse("Magdalena Schnurr verteidigt ihren zweiten Platz in der Gesamtwertung.")
    assert all(c.kind == "assertion" for c in report.claims)


@pytest.mark.parametrize("text", ["Der Platz gilt seit Jahren als Brennpunkt.",
                                  "Eine Einigung gilt für den Herbst als wahrscheinlich."])
def test_gilt_als_is_a_vague_attribution(text: str) -> None:
    c = analyse(text).claims[0]
    assert c.kind == "attributed" and c.status == "weakly_sourced"


@pytest.mark.parametrize("text", ["Die Regel gilt ab Montag für alle Betriebe.",
                                  "Bereits heute gilt in mehr als der Hälfte aller Quartiere Tempo 30."])
def test_gilt_without_als_or_with_a_comparison_is_the_outlets_own(text: str) -> None:
    assert analyse(text).claims[0].kind == "assertion"
