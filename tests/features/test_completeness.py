"""Quantity, Incoterm and payment detection, and the n-gram lookup they rely on."""

from __future__ import annotations

import math

import pytest

from inquiry_quality.features.completeness import (
    _STARTERS,
    CONTACT_FIELDS,
    contact_flags,
    find_incoterm,
    find_payment_terms,
    find_quantity,
    is_personal_name,
    request_flags,
    scan_numbers,
    signature_area,
)
from inquiry_quality.features.ngrams import first_words, ngram_set, phrase_set


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please quote 5,000 pcs", ("5,000 pcs", 5000.0)),
        ("need 10k units and 200 sets", ("10k units", 10000.0)),
        ("2 x 40HQ containers", ("2 x 40HQ", 2.0)),
        ("800 unidades", ("800 unidades", 800.0)),
        ("1.500 Stück", ("1.500 Stück", 1500.0)),
    ],
)
def test_find_quantity(text: str, expected: tuple[str, float]) -> None:
    assert find_quantity(text) == expected


def test_no_quantity_is_unknown() -> None:
    text, value = find_quantity("send your price list, 40W panels")
    assert text == "" and math.isnan(value)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Price FOB Ningbo or CIF Hamburg", "FOB"),
        ("c&f Lagos please", "CFR"),
        ("ex works your factory", "EXW"),
        ("dat is goed, fas", ""),  # Dutch and English words, not Incoterms
    ],
)
def test_find_incoterm(text: str, term: str) -> None:
    assert find_incoterm(ngram_set(text)) == term


def test_find_payment_terms() -> None:
    assert find_payment_terms(ngram_set("Payment: T/T 30% deposit")) == "T/T"
    assert find_payment_terms(ngram_set("L/C at sight")) == "L/C"
    assert find_payment_terms(ngram_set("pay by Western Union")) == ""


def test_phrases_longer_than_the_ngrams_are_refused() -> None:
    with pytest.raises(ValueError, match="longer than"):
        phrase_set(["cost insurance and freight"])


def test_role_names_are_not_persons() -> None:
    assert is_personal_name("Hans Müller")
    assert not is_personal_name("Purchasing Dept")
    assert not is_personal_name("sales@example.com")
    assert not is_personal_name("")


def test_signature_area_is_after_the_last_closing() -> None:
    body = "Please quote.\n\nBest regards,\nAnna Rossi\nBuyer"
    assert signature_area(body, "") == ",\nAnna Rossi\nBuyer"
    assert signature_area(body, "Anna Rossi") == "Anna Rossi"


def test_ngrams_from_starters_find_the_same_phrases(inquiries) -> None:
    phrases = phrase_set(["ship to", "port of discharge", "lead time", "t/t", "carton"])
    starters = first_words(phrases)
    for text in inquiries["body"].dropna():
        text = f"{text} ship to the port of discharge, lead time"
        assert ngram_set(text, starters) & phrases == ngram_set(text) & phrases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Necesitamos cotización de 1.500 paneles LED 60x60 cm", ("1.500 paneles", 1500.0)),
        ("nous recherchons 1 200 dalles LED 600x600, 36W", ("1 200 dalles", 1200.0)),
        ("предложение на 3 000 светильников, 36 Вт", ("3 000 светильников", 3000.0)),
        ("بعرض سعر لعدد 1000 كشاف LED قدرة 100 واط", ("1000 كشاف", 1000.0)),
        ("Bitte 1’000 Leuchten anbieten", ("1’000 Leuchten", 1000.0)),
        ("300 pzs de reflectores", ("300 pzs", 300.0)),
        ("500 nos LED tube lights", ("500 nos", 500.0)),
    ],
)
def test_quantities_in_every_language(text: str, expected: tuple[str, float]) -> None:
    """A product noun after the number, and thousands grouped by spaces or apostrophes."""
    assert find_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quantity: one 40HQ container", ("40HQ container", 1.0)),
        ("price for mix container 40ft. bulbs 9w", ("container 40ft", 1.0)),
        ("un contenedor de 40 pies de paneles", ("contenedor de 40 pies", 1.0)),
        ("Bedarf: ein 40-Fuß-Container Panels", ("40-Fuß-Container", 1.0)),
        ("нужен один 40-футовый контейнер", ("40-футовый контейнер", 1.0)),
        ("حاوية 40 قدم من الكشافات", ("حاوية 40 قدم", 1.0)),
        ("2 x 40HQ containers", ("2 x 40HQ", 2.0)),  # a count wins
        ("5,000 pcs in one 40HQ container", ("5,000 pcs", 5000.0)),
    ],
)
def test_a_container_load_is_a_quantity(text: str, expected: tuple[str, float]) -> None:
    """A container named by its size is one container load, in any language."""
    assert find_quantity(text) == expected


@pytest.mark.parametrize(
    "text", ["sea freight 20GP USD 3,500, 40HQ USD 5,900", "40W panels", "a container of 30 m3"]
)
def test_a_container_size_alone_is_no_quantity(text: str) -> None:
    assert find_quantity(text)[0] == ""


@pytest.mark.parametrize(
    "text", ["IP65 panel", "40 watt lamp", "600x600 dalles", "Tel. +7 812 555-12-34"]
)
def test_specifications_and_phones_are_no_quantity(text: str) -> None:
    assert find_quantity(text)[0] == ""


def _flags(text: str, signature: str = "") -> dict[str, bool]:
    sig = signature_area(text, signature)
    quantity, _, spec = scan_numbers(text)
    grams = ngram_set(text, _STARTERS)
    return request_flags(text, grams, "", sig, quantity, spec, find_payment_terms(grams, text))


@pytest.mark.parametrize(
    "signature",
    [
        "Иван Петров\nМенеджер по закупкам\nООО «Свет-Опт»",
        "Carlos Rodríguez\nIluminaciones del Valle S.A.S.",
        "Mehmet Yılmaz\nYılmaz Elektrik A.Ş.",
        "João Pereira\nEletro Paulista Comércio Ltda.",
        "Jan Kowalski\nLumen Sp. z o.o.",
        "أحمد السيد\nشركة النور للتجارة ش.م.م",
    ],
)
def test_legal_forms_of_every_language_name_a_company(signature: str) -> None:
    assert _flags("Please quote.", signature)["has_company"]
    assert not _flags("Please quote.", "Carlos Rodríguez\nSão Paulo")["has_company"]


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Bitte CIF-Preise Hamburg angeben.", True),
        ("Favor indicar precio CIF Buenaventura.", True),
        ("Условия поставки: CIF Санкт-Петербург.", True),
        ("Lütfen CIF İstanbul fiyatı verin.", True),
        ("السعر CIF جبل علي", True),
        ("Please give your CIF price.", False),
        ("Bitte CIF Preis angeben.", False),
    ],
)
def test_an_incoterm_place_in_any_script_is_a_destination(text: str, destination: bool) -> None:
    assert _flags(text)["has_destination"] is destination


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Entrega en Valparaíso en 6 semanas.", True),
        ("Entrega em Santos em 30 dias.", True),
        ("Envío a Lima, por favor.", True),
        ("Поставка до Москвы, срок поставки 45 дней.", True),
        ("Consegna in Sicilia entro 4 settimane.", True),
        ("Entrega en 6 semanas.", False),  # a time
        ("Entrega en Junio, por favor.", False),  # a month is no place
        ("Поставка в мае.", False),
        ("Доставка в течение 30 дней.", False),
    ],
)
def test_a_delivery_word_before_a_place_is_a_destination(text: str, destination: bool) -> None:
    assert _flags(text)["has_destination"] is destination


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Payment: 60 days after B/L date.", "60"),
        ("Payment terms: balance 60 days after B/L.", "60"),
        ("Merci de votre offre, paiement à 60 jours.", "60"),
        ("Règlement à 45 jours fin de mois.", "45"),
        ("Cotización para 500 piezas, pago a 30 días.", "30"),
        ("Angebot für 500 Stück, Zahlungsziel 30 Tage.", "30"),
        ("Angebot für 500 Stück, 30 Tage netto.", "30"),
        ("Offerta per 500 pezzi, pagamento a 90 giorni.", "90"),
        ("Cotação para 500 peças, pagamento a 30 dias.", "30"),
        ("Betaling binnen 30 dagen na factuurdatum.", "30"),
        ("Płatność 30 dni od daty faktury.", "30"),
        ("Ödeme: 60 gün vadeli.", "60"),
        ("Оплата в течение 30 дней после поставки.", "30"),
        ("الدفع خلال 60 يوم من تاريخ الشحن", "60"),
        ("请报价，账期：60天。", "60"),
    ],
)
def test_credit_days_are_payment_terms_in_every_language(text: str, days: str) -> None:
    assert _flags(text)["has_payment_terms"]
    assert find_payment_terms(ngram_set(text, _STARTERS), text) == f"{days} days"


@pytest.mark.parametrize(
    "text",
    [
        "Delivery 30 days after payment.",
        "We need delivery within 30 days.",
        "Payment by T/T; lead time 45 days.",
        "The price is valid for 30 days.",
        "Livraison sous 30 jours.",
    ],
)
def test_days_that_are_no_credit_terms(text: str) -> None:
    grams = ngram_set(text, _STARTERS)
    assert find_payment_terms(grams, text) in ("", "T/T")
    assert "days" not in find_payment_terms(grams, text)


@pytest.mark.parametrize(
    ("text", "delivery"),
    [
        ("Payment within 30 days after delivery.", False),
        ("Our terms: payment by L/C at 60 days sight.", False),
        ("Payment: 30 days credit for regular shippers.", False),
        ("We need 60 days credit.", False),
        ("Pago a 30 días para pedidos regulares.", False),
        ("Zahlungsziel 30 Tage bis Rechnungseingang.", False),
        ("Paiement à 60 jours avant expédition.", False),
        ("Оплата в течение 30 дней после поставки.", False),
        ("Delivery within 45 days, payment 30 days net.", True),
        ("Lieferung in 6 Wochen, Zahlungsziel 30 Tage.", True),
        ("Pago a 30 días, entrega en 6 semanas.", True),
    ],
)
def test_credit_days_are_no_delivery_time(text: str, delivery: bool) -> None:
    flags = _flags(text)
    assert flags["has_payment_terms"]
    assert flags["has_delivery_time"] is delivery


@pytest.mark.parametrize(
    "text",
    [
        "30% advance, balance against copy of B/L.",
        "Pagamento: 30% antecipado e 70% contra cópia do BL.",
        "Forma de pago: 30% anticipo, 70% contra copia del BL.",
        "Ödeme: %30 peşin, kalanı konşimento kopyası karşılığında.",
    ],
)
def test_a_deposit_and_balance_are_payment_terms(text: str) -> None:
    assert _flags(text)["has_payment_terms"]


def test_a_named_payment_term_comes_before_credit_days() -> None:
    text = "Payment: T/T in advance or 30 days after B/L for regular customers."
    assert find_payment_terms(ngram_set(text, _STARTERS), text) == "T/T"


def test_a_transfer_of_goods_is_no_payment_term() -> None:
    goods = "A transferência da mercadoria para o armazém será feita por nós."
    assert find_payment_terms(ngram_set(goods, _STARTERS)) == ""
    paid = "Pagamento por transferência bancária."
    assert find_payment_terms(ngram_set(paid, _STARTERS)) != ""


@pytest.mark.parametrize(
    "signature",
    [
        "Markus Weber\nEinkaufsleiter\nTel. +49 40 123456",
        "Mehmet Yılmaz\nSatın Alma Müdürü\nTel. +90 212 555 12 34",
        "Иван Петров\nМенеджер по закупкам\nТел. +7 812 555-12-34",
    ],
)
def test_signatures_in_other_languages_are_full(signature: str) -> None:
    fields = dict.fromkeys(CONTACT_FIELDS, "")
    flags = contact_flags(f"Please quote.\n{signature}", signature, fields)
    assert flags["has_contact_person"] and flags["has_job_title"]
    assert flags["has_signature_block"]


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("713-555-0148", True),
        ("(020) 7946 0958", True),
        ("0571 8765 4321", True),
        ("2026-11-12", False),  # a date
        ("12.11.2026", False),
        ("PO 7781", False),
    ],
)
def test_a_national_number_alone_on_a_signature_line_is_a_phone(line: str, phone: bool) -> None:
    signature = f"Dave Morales\nPurchasing Manager\n{line}"
    flags = contact_flags(
        f"Same as our last order.\n{signature}", signature, dict.fromkeys(CONTACT_FIELDS, "")
    )
    assert flags["has_phone"] is phone
