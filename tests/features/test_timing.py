"""A delivery time is a month or a span of time next to a delivery word, in any language."""

from __future__ import annotations

import pytest

from inquiry_quality.features.timing import states_delivery_time


@pytest.mark.parametrize(
    "text",
    [
        "We need delivery in May.",
        "Ship to Chicago by Jan 15. Confirm price.",
        "Entrega en el puerto de Valencia en 6 semanas.",
        "Lieferung bis Ende März bitte.",
        "Нам нужна поставка в мае.",
        "Livraison souhaitée en juin.",
        "Precisamos da entrega em setembro.",
        "Consegna entro 4 settimane.",
        "Teslimat Mayıs ayında olmalı.",
        "We need the goods by 15 Mar.",
        "Wij hebben de goederen nodig voor eind oktober.",  # Dutch months are lower-case
        "Levering binnen 2 maanden.",
        "Potrzebujemy towaru w ciągu 30 dni.",
        "Dostawa do końca maja.",
    ],
)
def test_months_and_spans_next_to_a_delivery_word(text: str) -> None:
    assert states_delivery_time(text)


@pytest.mark.parametrize(
    "text",
    [
        "We may need a quotation for panels.",  # the verb, not the month
        "We met your team in May at the fair.",  # a month, no delivery word
        "Payment T/T 30 days after B/L.",  # a span of payment, not of delivery
        "Our company has 20 years of experience.",
    ],
)
def test_other_months_and_numbers_are_no_delivery_time(text: str) -> None:
    assert not states_delivery_time(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please send your best offer within 3 days.",
        "Please reply within 2 days, we need to decide.",
        "Within 3 days please reply.",
        "We need your quotation by 15 March.",
        "Bitte senden Sie uns Ihr Angebot bis Ende März.",
        "Envíenos su cotización antes del 15 de junio.",
        "Merci de répondre avant le 10 juin.",
        "Inviateci la vostra offerta entro 5 giorni.",
        "Пожалуйста, пришлите предложение до 10 мая.",
        "Lütfen teklifinizi 3 gün içinde gönderin.",
        "Graag uw offerte voor vrijdag 12 juni.",
        "Prosimy o odpowiedź do 10 czerwca.",
    ],
)
def test_a_time_for_the_answer_is_no_delivery_time(text: str) -> None:
    assert not states_delivery_time(text)


@pytest.mark.parametrize(
    "text",
    [
        "We need the goods within 30 days.",
        "Can you supply within 4 weeks?",  # "within" a span, no other delivery word
        "We need a replacement within 3 days.",  # "replacement" is no reply
        "Please quote within 3 days for delivery in May.",
        "We need the quotation and the goods by 15 March.",
        "Bitte Angebot bis Freitag, Lieferung bis Ende März.",
        "Merci de nous envoyer votre devis sous 5 jours, livraison en juin.",
    ],
)
def test_a_time_for_the_goods_next_to_a_request_for_the_answer(text: str) -> None:
    assert states_delivery_time(text)
