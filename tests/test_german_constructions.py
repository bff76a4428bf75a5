"""German constructions found in the dev corpus's errors, checked on real parses with the bundled
models: each test is one construction a newsroom text uses every day."""

from __future__ import annotations

import pytest

from claimcheck import pipeline
from claimcheck.read import read_text
from claimcheck.report.models import Claim, DocumentReport
from tests._reference import has_models

pytestmark = pytest.mark.skipif(not has_models("de"), reason="German models not available")


def analyse(text: str) -> DocumentReport:
    return pipeline.check_sources([read_text(text)], pipeline.Options(lang="de"))[0]


def claim_with(report: DocumentReport, words: str) -> Claim:
    found = [c for c in report.claims if words in c.text]
    assert found, f"no claim contains {words!r}: {[c.text for c in report.claims]}"
    return found[0]


def speaker(claim: Claim) -> str:
    return claim.speaker.name if claim.speaker else ""


def test_so_frame_after_a_quote_names_the_speaker() -> None:
    r = analyse(
        "Die Gewerkschaft hielt an ihrer Kritik fest. „Wer Tausende Stellen streicht, handelt "
        "verantwortungslos“, so der Gewerkschaftsvorstand Uwe Foullong."
    )
    c = claim_with(r, "verantwortungslos")
    assert c.kind == "direct_quote"
    assert "Foullong" in speaker(c)


def test_so_frame_after_indirect_speech() -> None:
    r = analyse("Die Lage sei ernst, so Innenminister Peter Maier.")
    c = claim_with(r, "Die Lage sei ernst")
    assert c.kind in ("indirect_speech", "attributed")
    assert "Maier" in speaker(c)


def test_dative_medium_before_the_verb_is_the_outlet_not_the_speaker() -> None:
    r = analyse("Der Süddeutschen Zeitung sagte Markus Tiedemann: „Wir haben alle Alternativen geprüft.“")
    c = claim_with(r, "Alternativen geprüft")
    assert "Tiedemann" in speaker(c)


def test_compound_source_after_nach() -> None:
    r = analyse("Nach Polizeiangaben wurden sechs Menschen verletzt.")
    c = claim_with(r, "sechs Menschen verletzt")
    assert c.kind == "attributed"
    assert c.speaker is not None and "Polizei" in c.speaker.mention


def test_company_named_before_is_the_unternehmen() -> None:
    r = analyse(
        "Der Autozulieferer Kessler Automotive will 1.800 Stellen abbauen. Das teilte das Unternehmen am "
        "Montag mit. Das Werk in Plauen werde geschlossen."
    )
    c = claim_with(r, "1.800 Stellen abbauen")
    assert "Kessler" in speaker(c)


def test_konjunktiv_clause_after_an_indicative_main_clause() -> None:
    r = analyse("Die Wahlkommission hatte den Standpunkt vertreten, das Gericht sei dafür nicht zuständig.")
    c = claim_with(r, "das Gericht sei dafür nicht zuständig")
    assert c.kind == "indirect_speech"
    assert "Wahlkommission" in speaker(c)


def test_untranslated_name_in_quotation_marks_is_no_quote() -> None:
    r = analyse("Die Partei „Union pour un Mouvement Populaire“ gewann die Wahl deutlich.")
    assert not [c for c in r.claims if c.kind == "direct_quote"]


def test_relative_clause_after_a_cue_object_is_no_reported_content() -> None:
    r = analyse("Zwölf Todesopfer forderte ein Taifun, der am Sonntag den Norden der Philippinen heimsuchte.")
    assert not [c for c in r.claims if c.kind == "indirect_speech"]
