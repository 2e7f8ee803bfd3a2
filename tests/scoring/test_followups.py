"""The follow-up mail a rep would send as it is: language, greeting, subject, questions."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import FollowUpParams, load_params
from inquiry_quality.features.registry import BY_NAME, FEATURES
from inquiry_quality.scoring.followups import (
    QUOTE_ORDER,
    asked,
    follow_up_mail,
    mail_templates,
    missing_details,
    name_gender,
    person,
    question,
    surname,
)

GERMAN = {
    schema.SENDER_NAME: "Lukas Meier",
    schema.SUBJECT: "AW: RE: Anfrage: LED Hallenstrahler 150W",
    schema.BODY: "Sehr geehrter Herr Wang, bitte senden Sie uns Ihr Angebot für 3.000 Stück "
    "LED Hallenstrahler 150W 5000K IP65, Lieferung im März nach Hamburg.",
}
ASKED = [BY_NAME["has_quantity"].question, BY_NAME["has_incoterm"].question]


def test_every_askable_detail_has_a_place_in_the_order_and_a_translation() -> None:
    askable = {f.name for f in FEATURES if f.question}
    assert askable == set(QUOTE_ORDER)
    assert {"en", "es", "pt", "fr", "de", "ru", "it", "tr", "ar"} <= set(mail_templates())
    keys = set(mail_templates()["en"])
    for language, words in mail_templates().items():
        assert set(words) - {"questions"} == keys, language
        if language != "en":
            assert set(words["questions"]) == askable, language  # type: ignore[arg-type]


def test_a_german_buyer_gets_a_german_mail_with_one_re_and_our_signature() -> None:
    signature = ["Vertrieb", "Ningbo Brightway Lighting Co., Ltd."]
    mail = follow_up_mail(GERMAN, ASKED, FollowUpParams(signature=signature))
    lines = mail.splitlines()
    assert lines[0] == "Subject: RE: Ihre Anfrage zu LED Hallenstrahler 150W"
    assert lines[2] == "Sehr geehrter Herr Meier,"  # Lukas: a man's name in Germany
    assert question("has_quantity", "de") in mail and question("has_incoterm", "de") in mail
    assert mail.index(question("has_quantity", "de")) < mail.index(question("has_incoterm", "de"))
    assert lines[-2:] == signature and "Mit freundlichen Grüßen" in mail
    assert "Hi" not in mail.split()


def test_a_complete_quote_now_inquiry_is_acknowledged_not_questioned() -> None:
    mail = follow_up_mail(GERMAN, ASKED, acknowledge=True)
    assert "erstellen unser Angebot" in mail and "1)" not in mail


@pytest.mark.parametrize(
    ("raw", "greeting"),
    [
        ({schema.SENDER_NAME: "Mr. John Smith"}, "Dear Mr. Smith,"),
        ({schema.SENDER_NAME: "Mrs Anna Berg"}, "Dear Ms. Berg,"),
        ({schema.SENDER_NAME: "Purchasing Dept"}, "Dear Sir or Madam,"),
        ({schema.SIGNATURE: "Jan de Vries, Purchasing\nVries BV"}, "Dear Mr. de Vries,"),
        ({schema.SENDER_NAME: "Kim Lee"}, "Dear Kim Lee,"),  # a name of either gender
        ({schema.SENDER_NAME: "Wei Zhang"}, "Dear Wei Zhang,"),
        (
            {schema.SENDER_NAME: "Sra. Ana López", schema.BODY: "Necesitamos 500 paneles LED."},
            "Estimada Sra. López:",
        ),
        (
            {schema.SENDER_NAME: "Иван Петров", schema.BODY: "Просим прислать цену на панели."},
            "Уважаемый господин Петров!",
        ),
        (
            {
                schema.SENDER_NAME: "Смирнова Ольга",
                schema.BODY: "Просим прислать коммерческое предложение на 500 панелей.",
            },
            "Уважаемая госпожа Смирнова!",
        ),
        (
            {schema.SENDER_NAME: "Stefan Krüger", schema.BODY: GERMAN[schema.BODY]},
            "Sehr geehrter Herr Krüger,",
        ),
        (
            {
                schema.SENDER_NAME: "Lucía Fernández",
                schema.BODY: "Necesitamos una oferta para 600 proyectores LED de 150W.",
            },
            "Estimada Sra. Fernández:",
        ),
        (
            {
                schema.SENDER_NAME: "Andrea Rossi",
                schema.BODY: "Vi chiediamo un'offerta per 800 pezzi di downlight LED da 20W.",
            },
            "Gentile Sig. Rossi,",  # Andrea is a man's name in Italy
        ),
        (
            {
                schema.SENDER_NAME: "Nathalie Girard",
                schema.BODY: "Merci de nous envoyer votre offre pour 900 dalles LED 36W.",
            },
            "Bonjour Madame Girard,",
        ),
        (
            {
                schema.SENDER_NAME: "Mehmet Yılmaz",
                schema.BODY: "1.500 adet LED sokak armatürü için fiyat teklifinizi rica ederiz.",
            },
            "Sayın Mehmet Bey,",
        ),
        (
            {schema.BODY: "Solicitamos cotação para 3.000 lâmpadas LED tubulares T8 18W."},
            "Prezados senhores,",
        ),
        (
            {
                schema.SENDER_NAME: "Ahmed Al-Khatib",
                schema.BODY: "نرجو تزويدنا بعرض سعر لعدد 1000 كشاف LED قدرة 200 واط.",
            },
            "السيد Ahmed Al-Khatib،",
        ),
        ({schema.BODY: "نرجو تزويدنا بعرض سعر لعدد 1000 كشاف LED."}, "السادة المحترمون،"),
        (
            {schema.BODY: "Wir benötigen ein Angebot über 1.200 Stück LED-Hallenstrahler."},
            "Sehr geehrte Damen und Herren,",
        ),
        (
            {
                schema.SENDER_NAME: "Pieter de Vries",
                schema.BODY: "Graag ontvangen wij uw offerte voor 3.000 stuks LED-buizen.",
            },
            "Geachte heer de Vries,",
        ),
        (
            {schema.BODY: "Graag ontvangen wij uw offerte voor 3.000 stuks LED-buizen."},
            "Geachte heer/mevrouw,",
        ),
        (
            {
                schema.SENDER_NAME: "Anna Kowalska",
                schema.BODY: "Prosimy o ofertę na 2.000 sztuk paneli LED 60x60.",
            },
            "Szanowna Pani,",  # Polish addresses a person without the surname
        ),
    ],
)
def test_formal_greetings_by_title_and_name(raw: dict[str, str], greeting: str) -> None:
    """Mr./Ms. only where the title or the name says it for certain; else the full name, or
    the language's formal greeting without a name; never "Hi"."""
    lines = follow_up_mail(raw, ASKED).splitlines()
    assert lines[2] == greeting
    assert not {"Hi", "Hello", "Hola", "Hallo", "Ciao", "Привет"} & set(lines[2].split())


@pytest.mark.parametrize(
    ("subject", "line"),
    [
        ("RE: RE: FW: LED panel 600x600", "RE: Your inquiry about LED panel 600x600"),
        ("RFQ: 2,000 pcs downlights", "RE: Your inquiry about 2,000 pcs downlights"),
        ("Request for quotation - LED strips", "RE: Your inquiry about LED strips"),
        ("price", "RE: Your inquiry"),
        ("", "RE: Your inquiry"),
    ],
)
def test_the_subject_answers_once_about_the_product(subject: str, line: str) -> None:
    mail = follow_up_mail({schema.SUBJECT: subject, schema.BODY: "We need panels."}, ASKED)
    assert mail.splitlines()[0] == f"Subject: {line}"


@pytest.mark.parametrize(
    ("subject", "body", "line"),
    [
        (
            "Petición de oferta: 600 proyectores LED 150W",
            "Necesitamos oferta para 600 proyectores LED de 150W, precio CIF Algeciras.",
            "RE: Su consulta sobre 600 proyectores LED 150W",
        ),
        (
            "Richiesta di offerta: 800 downlight LED 20W",
            "Vi chiediamo un'offerta per 800 pezzi di downlight LED da incasso.",
            "RE: La Sua richiesta relativa a 800 downlight LED 20W",
        ),
        (
            "Fiyat teklifi talebi: 1.500 adet LED sokak armatürü",
            "1.500 adet LED sokak armatürü için fiyat teklifinizi rica ederiz.",
            "RE: 1.500 adet LED sokak armatürü hakkındaki talebiniz",
        ),
        (
            "RE: Запрос коммерческого предложения: светильники 40Вт",
            "Просим подготовить коммерческое предложение на 2000 светильников.",
            "RE: Ваш запрос: светильники 40Вт",
        ),
        (
            "طلب عرض سعر: 1000 كشاف LED قدرة 200 واط",
            "نرجو تزويدنا بعرض سعر لعدد 1000 كشاف LED قدرة 200 واط مع شهادات CE.",
            "RE: استفساركم بخصوص 1000 كشاف LED قدرة 200 واط",
        ),
        (
            "AW: Anfrage: 1.200 Stück LED-Hallenstrahler 200W",
            "Wir benötigen ein Angebot über 1.200 Stück LED-Hallenstrahler.",
            "RE: Ihre Anfrage zu 1.200 Stück LED-Hallenstrahler 200W",
        ),
    ],
)
def test_the_subject_is_in_the_buyers_language_without_its_request_words(
    subject: str, body: str, line: str
) -> None:
    mail = follow_up_mail({schema.SUBJECT: subject, schema.BODY: body}, ASKED)
    assert mail.splitlines()[0] == f"Subject: {line}"


def _missing(**present: float) -> pd.DataFrame:
    row = {f.name: 0.0 for f in FEATURES if f.question and f.kind == "flag"}
    return pd.DataFrame([row | {"country": "DE"} | present])


def test_nothing_is_asked_that_the_inquiry_gives_and_no_fax_unless_asked_for() -> None:
    features = _missing()
    raw = pd.DataFrame([{schema.SIGNATURE: "Jan de Vries, Purchasing"}])
    labels, questions = missing_details(features, raw, FollowUpParams())
    said = questions[0]
    assert "fax number" not in labels[0] and BY_NAME["has_fax"].question not in said
    assert BY_NAME["has_contact_person"].question not in said  # the signature names him
    assert BY_NAME["has_signature_block"].question not in said
    assert BY_NAME["has_job_title"].question not in said  # "Purchasing": a role we may not read
    assert not {"contact person", "job title", "full signature"} & set(labels[0])
    assert said == sorted(said, key=[BY_NAME[n].question for n in QUOTE_ORDER].index)
    assert said[0] == BY_NAME["has_specification"].question
    with_fax = asked(features, raw, FollowUpParams(ask_fax=True))
    assert with_fax.loc[0, "has_fax"]
    labels, questions = missing_details(features, raw, FollowUpParams(ask_fax=True))
    assert "fax number" in labels[0] and questions[0][-1] == BY_NAME["has_fax"].question


def test_an_unnamed_sender_is_asked_for_the_whole_signature_once() -> None:
    labels, questions = missing_details(_missing(), pd.DataFrame([{}]), FollowUpParams())
    said = questions[0]
    assert {"contact person", "job title", "full signature"} <= set(labels[0])
    assert BY_NAME["has_signature_block"].question in said
    for part in ("has_contact_person", "has_job_title", "has_phone"):
        assert BY_NAME[part].question not in said
    assert "this one" not in BY_NAME["has_email"].question


def test_the_sender_is_found_in_the_display_name_or_the_signature() -> None:
    assert person({schema.SENDER_NAME: "Dr. Karl Weiss"}) == ("Karl Weiss", None)
    assert person({schema.SENDER_NAME: "Frau Petra Lang"}) == ("Petra Lang", "f")
    assert person({schema.SENDER_NAME: "sales@x.com"}) == ("", None)


@pytest.mark.parametrize(
    ("name", "language", "gender"),
    [
        ("Stefan Krüger", "de", "m"),
        ("Giulia Bianchi", "it", "f"),
        ("Andrea Rossi", "it", "m"),
        ("Andrea Müller", "de", "f"),
        ("Алексей Смирнов", "ru", "m"),
        ("Смирнова Ольга Петровна", "ru", "f"),
        ("Ирина Петрова", "ru", "f"),
        ("Kim Lee", "en", None),  # either
        ("Wei Zhang", "zh", None),  # either
        ("Xyzzy Quux", "en", None),  # unknown
        ("Stefan", "de", None),  # no surname to greet with
    ],
)
def test_a_name_gives_mr_or_ms_only_for_certain(
    name: str, language: str, gender: str | None
) -> None:
    assert name_gender(name, language) == gender


def test_the_surname_keeps_its_particles() -> None:
    assert surname("Jan de Vries") == "de Vries"
    assert surname("João da Silva") == "da Silva"
    assert surname("Lucía Fernández") == "Fernández"
    assert surname("Jan ten Berge") == "ten Berge"
    assert surname("Pierre du Pont") == "du Pont"


def test_the_default_follow_up_parameters_are_the_projects() -> None:
    assert load_params("params.yaml").score.follow_up == FollowUpParams()
