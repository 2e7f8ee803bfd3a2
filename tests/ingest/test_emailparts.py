import pytest

from inquiry_quality.core import schema
from inquiry_quality.ingest.emailparts import html_to_text, is_forward, parse_signature, split_body


@pytest.mark.parametrize(
    "sign_off", ["Best regards,", "Saludos cordiales,", "С уважением,", "Mit freundlichen Grüßen"]
)
def test_sign_off_starts_the_signature(sign_off: str) -> None:
    parts = split_body(f"Dear Sir,\nWe need 500 pcs.\n\n{sign_off}\nJuan Pérez\nGerente de Compras")
    assert parts.body == "Dear Sir,\nWe need 500 pcs."
    assert parts.signature.startswith(sign_off)


def test_sign_off_followed_by_more_text_is_not_a_signature() -> None:
    text = (
        "Hi\nThanks\nWe need 500 pcs of the 60x60 panel lights, 40 W, 4000 K, that you showed at "
        "the Canton fair last spring."
    )
    assert split_body(text) == (text, "", "")


def test_dash_separator_and_outlook_quote() -> None:
    text = (
        "Please quote.\n-- \nMaria Rossi\n\n-----Original Message-----\nFrom: sales@nb.cn\n"
        "Sent: Monday\nSubject: offer"
    )
    parts = split_body(text)
    assert parts.body == "Please quote."
    assert parts.signature == "Maria Rossi"
    assert parts.quoted.startswith("-----Original Message-----")


def test_only_quoted_text_stays_the_body() -> None:
    text = "> forwarded offer\n> 500 pcs"
    assert split_body(text).body == text


def test_two_column_signature_fields() -> None:
    found = parse_signature(
        "Regards,\nPaul Martin\nHead of Procurement   |   Martin Electric SARL\n"
        "T: +33 1 23 45 67 89   Fax: +33 1 23 45 67 80\nhttps://martin-electric.fr/contact\n"
        "paul@martin-electric.fr"
    )
    assert found == {
        schema.SENDER_NAME: "Paul Martin",
        schema.JOB_TITLE: "Head of Procurement",
        schema.COMPANY: "Martin Electric SARL",
        schema.PHONE: "+33 1 23 45 67 89",
        schema.FAX: "+33 1 23 45 67 80",
        schema.WEBSITE: "https://martin-electric.fr/contact",
    }


@pytest.mark.parametrize(
    ("signature", "name", "title"),
    [
        ("Pieter de Vries\nInkoper\nDe Vries Verlichting B.V.", "Pieter de Vries", "Inkoper"),
        ("João da Silva\nGerente de Compras", "João da Silva", "Gerente de Compras"),
        ("Hans von Berg\nEinkaufsleiter", "Hans von Berg", "Einkaufsleiter"),
        ("Ana María de la Cruz\nJefe de compras", "Ana María de la Cruz", "Jefe de compras"),
        ("Jan Kowalski\nKierownik działu zakupów", "Jan Kowalski", "Kierownik działu zakupów"),
        ("Иван Петров\nДиректор по закупкам", "Иван Петров", "Директор по закупкам"),
    ],
)
def test_names_with_particles_and_titles_in_other_languages(
    signature: str, name: str, title: str
) -> None:
    found = parse_signature(signature)
    assert found[schema.SENDER_NAME] == name
    assert found[schema.JOB_TITLE] == title


@pytest.mark.parametrize(
    "company",
    [
        "Eletro Sul Distribuidora Ltda.",
        "Yılmaz Elektrik A.Ş.",
        "Lumen Sp. z o.o.",
        "ООО «Свет-Опт»",
        "Berg GmbH & Co. KG",
        "Iluminación Andina S.A.S.",
    ],
)
def test_legal_forms_of_other_countries_are_companies(company: str) -> None:
    assert parse_signature(f"Ana Paula dos Santos\n{company}")[schema.COMPANY] == company


@pytest.mark.parametrize("closing", ["Quedamos atentos.", "Un cordial saludo,", ""])
def test_a_contact_block_is_the_signature_with_or_without_a_sign_off(closing: str) -> None:
    block = "Carlos Méndez\nJefe de Compras\nTel: +57 601 555 1234\nwww.iluminacionandina.com.co"
    text = f"Les solicitamos cotización para 3.000 paneles LED.\n\n{closing}\n\n{block}"
    parts = split_body(text)
    assert parts.body == "Les solicitamos cotización para 3.000 paneles LED."
    assert parts.signature.endswith(block)


def test_a_last_paragraph_of_text_is_no_signature() -> None:
    text = "Please quote 500 pcs.\n\nWe need them by May.\nCall +1 555 0100 if unclear."
    assert split_body(text).signature == ""


def test_a_lower_case_line_is_no_name() -> None:
    assert schema.SENDER_NAME not in parse_signature("the sales team\nde la Cruz")


def test_html_keeps_text_and_link_targets_not_scripts() -> None:
    html = (
        '<p>Dear&nbsp;Sir<br>Qty: 500</p><script>x()</script><a href="http://a.b">see</a>'
        '<a href="#top">top</a><a href="mailto:ann@b.c">Ann</a><img src="https://a.b/i.gif">'
        '<img src="cid:logo">'
    )
    assert html_to_text(html) == (
        "Dear Sir\nQty: 500\nsee\n<http://a.b>\ntop\nAnn\n<ann@b.c>\n<https://a.b/i.gif>"
    )


def test_html_whose_head_is_never_closed_keeps_its_body() -> None:
    html = (
        "<html><head><title>Mail Campaign</title><meta http-equiv='Content-Type'>"
        "<style>p {color: red}</style><div>We offer sea freight to all ports.</div></html>"
    )
    assert html_to_text(html) == "We offer sea freight to all ports."


FORWARDED_RFQ = (
    "Please quote this one, thanks.\n\n---------- Forwarded message ---------\n"
    "From: Anna Berg <anna@berg-lighting.se>\nDate: Mon, 3 Mar 2025\nSubject: RFQ\n\n"
    "Dear Sir,\nWe need 500 pcs of 60x60 panels, FOB Ningbo.\n\nBest regards,\nAnna Berg\n"
    "Purchasing Manager\nBerg Lighting AB\nTel: +46 8 123 456 78"
)


@pytest.mark.parametrize(
    ("subject", "text", "forward"),
    [
        ("Fwd: RFQ", "x", True),
        ("[ILUG] RE: WG: Angebot", "x", True),
        ("TR: demande de prix", "x", True),
        ("RE: RFQ", "On Mon, Ann wrote:\n> x", False),
        ("Inquiry", FORWARDED_RFQ, True),  # the forwarding mailer's marker
        ("Inquiry", "Begin forwarded message:\n\nFrom: a@b.c", True),
        ("Fwdx: spare parts", "x", False),
        (None, "-----Original Message-----\nFrom: a@b.c\nSent: Monday", False),
    ],
)
def test_forwards_are_told_by_subject_or_marker(subject: str, text: str, forward: bool) -> None:
    assert is_forward(subject, text) is forward


def test_a_forward_keeps_the_forwarded_message_and_its_signature() -> None:
    forwarded = split_body(FORWARDED_RFQ, forward=True)
    assert "We need 500 pcs of 60x60 panels" in forwarded.body
    assert forwarded.body.startswith("Please quote this one") and not forwarded.quoted
    assert forwarded.signature.startswith("Best regards,\nAnna Berg")
    replied = split_body(FORWARDED_RFQ)  # the same text read as a reply quotes the RFQ
    assert replied.body == "Please quote this one, thanks." and "500 pcs" in replied.quoted


def test_inline_answers_below_a_quote_are_new_text() -> None:
    text = (
        "Thanks for the questions.\n\nOn Mon, 3 Mar 2025, Sales <sales@nb.cn> wrote:\n"
        "> Which quantity do you need?\n500 pcs, then 2,000 a quarter.\n"
        "> Which price term?\nCIF Gothenburg.\n\nBest regards,\nAnna Berg\nBerg Lighting AB"
    )
    parts = split_body(text)
    assert parts.body == (
        "Thanks for the questions.\n\n500 pcs, then 2,000 a quarter.\nCIF Gothenburg."
    )
    assert parts.quoted.startswith("On Mon, 3 Mar 2025") and "> Which price term?" in parts.quoted
    assert parts.signature == "Best regards,\nAnna Berg\nBerg Lighting AB"


def test_an_unprefixed_quote_after_on_wrote_is_still_quoted() -> None:
    text = "Please quote.\n\nOn Mon, Sales wrote:\nOur price list is attached.\nMOQ 500 pcs."
    parts = split_body(text)
    assert parts.body == "Please quote." and parts.quoted.endswith("MOQ 500 pcs.")


def test_a_rule_of_underscores_quotes_only_above_a_from_line() -> None:
    newsletter = "Issue #441\n" + "_" * 40 + "\nYour place to exchange ideas.\nMany links here."
    assert split_body(newsletter).body == newsletter
    outlook = "Please quote.\n" + "_" * 40 + "\nFrom: Sales\nSent: Monday\nOur offer"
    assert split_body(outlook) == (
        "Please quote.",
        "_" * 40 + "\nFrom: Sales\nSent: Monday\nOur offer",
        "",
    )


def test_a_forward_keeps_its_quote_marks_in_the_body() -> None:
    text = "Begin forwarded message:\n\n> From: Ann\n> We need 500 pcs of panels."
    assert split_body(text, forward=True).body == text
