"""`--lang auto`: offline language identification per document (py3langid, stopword fallback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import langid
from claimcheck.errors import InputError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GERMAN_REFERENCE = SHARED / "examples" / "000_38fea552f3d89d61.txt"
HARBOR = SHARED / "examples" / "harbor-bridge-en.md"
ROOT = Path(__file__).resolve().parents[1]

ENGLISH = (
    "The city council postponed its vote on the Harbor Street bridge on Tuesday after a new estimate "
    "put the cost at $412 million, roughly twice the figure presented last spring.\n\n"
    "Delgado said the council would ask the transportation department for a line-by-line breakdown "
    "of the estimate. She added that a vote could come in the next few weeks.\n\n"
    "Critics say the city has underestimated the cost of every major project in the past decade.\n"
)
GERMAN = (
    "Der Gemeinderat hat die Abstimmung über die neue Brücke am Dienstag vertagt, nachdem eine neue "
    "Schätzung die Kosten auf 412 Millionen Euro beziffert hatte.\n\n"
    "Die Bürgermeisterin sagte, man werde das Verkehrsamt um eine genaue Aufstellung der Kosten bitten. "
    "Eine Entscheidung könne in den nächsten Wochen fallen.\n"
)
FRENCH = (
    "Le conseil municipal a reporté mardi son vote sur le pont de la rue du Port, après qu'une nouvelle "
    "estimation a fixé le coût à 412 millions de dollars, soit environ le double du chiffre présenté au "
    "printemps dernier.\n\n"
    "« Nous n'allons pas signer un chèque en blanc », a déclaré la présidente du conseil aux journalistes "
    "après la séance. Selon elle, un vote pourrait avoir lieu dans les prochaines semaines.\n"
)
RUSSIAN = (
    "Городской совет во вторник отложил голосование по мосту на Портовой улице после того, как новая "
    "оценка определила стоимость в 412 миллионов долларов.\n\n"
    "Председатель совета заявила журналистам, что голосование может состояться в ближайшие недели.\n"
)
SPANISH = (
    "El consejo municipal aplazó el martes la votación sobre el puente de la calle del Puerto, después de "
    "que una nueva estimación situara el coste en 412 millones de dólares.\n\n"
    "La presidenta del consejo dijo a los periodistas que la votación podría celebrarse en las próximas "
    "semanas, aunque los críticos dudan de las cifras.\n"
)


@pytest.mark.skipif(not GERMAN_REFERENCE.exists(), reason="../shared is not beside the checkout")
def test_reference_article_is_german() -> None:
    assert langid.choose_language(GERMAN_REFERENCE.read_text(encoding="utf-8")) == ("de", None)


@pytest.mark.skipif(not HARBOR.exists(), reason="../shared is not beside the checkout")
def test_harbor_bridge_article_is_english() -> None:
    assert langid.choose_language(HARBOR.read_text(encoding="utf-8")) == ("en", None)


@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").glob("[a-z][a-z]/*.txt")), ids=lambda p: p.stem)
def test_fixtures_get_their_folder_language(path: Path) -> None:
    assert langid.choose_language(path.read_text(encoding="utf-8")) == (path.parent.name, None)


def test_short_texts() -> None:
    assert langid.choose_language(ENGLISH)[0] == "en"
    assert langid.choose_language(GERMAN)[0] == "de"


@pytest.mark.parametrize(("text", "name"), [(FRENCH, "French"), (SPANISH, "Spanish")])
def test_unsupported_latin_language_is_an_input_error(text: str, name: str) -> None:
    with pytest.raises(InputError, match=rf"^a\.txt: language not recognised as German or English \(looks like {name}"):
        langid.choose_language(text, "auto", path="a.txt")


def test_unsupported_script_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"not recognised as German or English \(Cyrillic script"):
        langid.choose_language(RUSSIAN)


def test_requested_language_wins_and_unknown_request_is_an_error() -> None:
    assert langid.choose_language(FRENCH, "en") == ("en", None)
    assert langid.choose_language(ENGLISH, " DE ") == ("de", None)
    with pytest.raises(InputError, match="unsupported language 'fr'"):
        langid.choose_language(ENGLISH, "fr")


def test_mixed_document_keeps_the_majority_language_and_says_so() -> None:
    lang, note = langid.choose_language(ENGLISH + "\n" + GERMAN)
    assert lang == "en"
    assert note is not None and note.startswith("mixed languages (en ") and "de " in note
    assert note.endswith("analysed as en, the majority language")
    lang, note = langid.choose_language(GERMAN + "\n" + GERMAN + "\n" + ENGLISH)
    assert lang == "de" and note is not None and "analysed as de" in note


def test_a_short_foreign_quote_is_no_mixture() -> None:
    text = ENGLISH + "\nDer Rat sagte: Wir prüfen das.\n"  # too short to classify on its own
    assert langid.choose_language(text) == ("en", None)


def test_majority_foreign_with_english_minority_is_an_error() -> None:
    with pytest.raises(InputError, match="looks like French"):
        langid.choose_language(FRENCH + "\n" + FRENCH + "\n" + ENGLISH)


def test_deterministic() -> None:
    assert {langid.choose_language(ENGLISH + GERMAN) for _ in range(3)} == {langid.choose_language(ENGLISH + GERMAN)}


def test_falls_back_to_the_stopword_vote_without_the_identifier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid, "_identifier", lambda: None)
    assert langid.choose_language(ENGLISH) == ("en", None)
    assert langid.choose_language(GERMAN) == ("de", None)
    with pytest.raises(InputError, match="Cyrillic"):
        langid.choose_language(RUSSIAN)


def test_too_short_for_the_identifier_uses_the_vote() -> None:
    assert langid.choose_language("Er sagte das.")[0] == "de"
    assert langid.choose_language("He said that.")[0] == "en"
