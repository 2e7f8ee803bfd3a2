"""Intent family: offer vs request and the lures, read in each language with its phrase file."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from inquiry_quality.features.intent import IntentFeatures, sells_to_us

# (language, a supplier's pitch, a buyer's request, a payment-change request)
TEXTS = {
    "en": (
        "We are a professional manufacturer of LED drivers with 15 years of experience. Our "
        "MOQ is 500 pcs and free samples are available. We can offer very good prices.",
        "We need 2,000 pcs of 40W panels for a hotel project. Please quote FOB Ningbo.",
        "Please note our bank account has changed. Kindly resend the invoice with the new "
        "bank details and do not pay to the old account.",
    ),
    "es": (
        "Estimados, somos fabricantes de tornillería con 20 años de experiencia. Ofrecemos "
        "muestras gratis y nuestro precio es muy competitivo.",
        "Necesitamos 3.000 piezas de paneles LED de 40W para un proyecto. Favor de cotizar "
        "precio CIF Callao, pago con carta de crédito.",
        "Le informamos un cambio de cuenta bancaria. Por favor, reenviar la factura con los "
        "nuevos datos bancarios; no paguen a la cuenta anterior.",
    ),
    "pt": (
        "Somos fabricantes de embalagens há 12 anos. Oferecemos amostras grátis e nosso preço é "
        "o melhor do mercado.",
        "Precisamos de 1.500 peças de luminárias. Por favor cotar preço FOB e prazo de entrega.",
        "Informamos a mudança de conta bancária. Favor reenviar a fatura com os novos dados "
        "bancários.",
    ),
    "fr": (
        "Nous sommes fabricant de câbles depuis 10 ans. Échantillons gratuits, nos prix sont "
        "très compétitifs et nous pouvons expédier rapidement.",
        "Nous avons besoin de 800 pièces de projecteurs. Merci de nous coter votre meilleur prix "
        "CIF Marseille.",
        "Suite à un changement de coordonnées bancaires, merci de renvoyer la facture avec notre "
        "nouveau RIB.",
    ),
    "de": (
        "Wir sind Hersteller von Aluminiumprofilen. Kostenlose Muster sind verfügbar, unsere "
        "Preise sind sehr günstig.",
        "Wir benötigen 1.200 Stück LED-Panels. Bitte senden Sie uns Ihr Angebot mit Lieferzeit.",
        "Bitte beachten Sie unsere neue Bankverbindung und senden Sie die Rechnung erneut; "
        "zahlen Sie nicht auf das alte Konto.",
    ),
    "it": (
        "Siamo produttori di componenti elettronici. Offriamo campioni gratuiti e i nostri "
        "prezzi sono competitivi.",
        "Abbiamo bisogno di 600 pezzi di faretti. Vi preghiamo di quotare il vostro miglior "
        "prezzo.",
        "Vi comunichiamo le nuove coordinate bancarie: vi preghiamo di reinviare la fattura.",
    ),
    "ru": (
        "Мы являемся производителем светодиодных драйверов. Предлагаем бесплатные образцы, "
        "наши цены ниже рынка.",
        "Нам нужно 5000 шт. светодиодных панелей. Просим выслать коммерческое предложение.",
        "Сообщаем об изменении банковских реквизитов. Просим повторно выслать инвойс, не "
        "платите на старый счет.",
    ),
    "tr": (
        "Firmamız alüminyum profil üreticisidir; üreticiyiz ve ücretsiz numune sunabiliriz. "
        "Fiyatlarımız çok uygundur.",
        "500 adet LED panel için fiyat teklifinizi göndermenizi rica ederiz, ihtiyacımız acil.",
        "Banka bilgilerimiz değişti, lütfen faturayı tekrar gönderin; eski hesaba ödeme yapmayın.",
    ),
    "ar": (
        "نحن مصنع متخصصون في الكابلات الكهربائية. نقدم عينات مجانية وأسعارنا منافسة جدا.",
        "نحتاج إلى 500 قطعة من أضواء LED. يرجى إرسال عرض السعر مع مدة التسليم.",
        "نود إعلامكم بتغيير الحساب البنكي. يرجى إعادة إرسال الفاتورة ولا تدفعوا إلى الحساب القديم.",
    ),
}


def _features(texts: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({"subject": [""] * len(texts), "body": texts})
    return IntentFeatures().fit_transform(frame)


@pytest.fixture(scope="module")
def read() -> dict[str, pd.DataFrame]:
    return {lang: _features(list(texts)) for lang, texts in TEXTS.items()}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_supplier_pitch_reads_as_selling(read: dict[str, pd.DataFrame], language: str) -> None:
    pitch = read[language].iloc[0]
    assert pitch["offer_phrases"] >= 2, language
    assert pitch["sells_to_us"] == 1.0, language


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_buyer_request_reads_as_buying(read: dict[str, pd.DataFrame], language: str) -> None:
    request = read[language].iloc[1]
    assert request["request_phrases"] >= 1, language
    assert request["sells_to_us"] == 0.0, language
    assert request["bank_change_phrases"] == 0.0, language


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_payment_change_lures_are_read(read: dict[str, pd.DataFrame], language: str) -> None:
    lure, pitch = read[language].iloc[2], read[language].iloc[0]
    assert lure["bank_change_phrases"] + lure["invoice_resend_phrases"] >= 2, language
    assert lure["bank_change_phrases"] >= 1, language
    assert pitch["bank_change_phrases"] == pitch["invoice_resend_phrases"] == 0.0, language


def test_credential_and_login_lures_and_follow_ups() -> None:
    rows = _features(
        [
            "You have 3 unread inquiries. Log in to view them and confirm your account with your "
            "email password.",
            "Tiene consultas sin leer: inicie sesión para ver el pedido con su contraseña.",
            "Thank you for your quotation QT-2025-0143, as agreed we will pay the deposit.",
            "We need 300 sets of track lights, please quote.",
        ]
    )
    lure_en, lure_es, reply, request = (rows.iloc[i] for i in range(4))
    assert lure_en["login_view_phrases"] >= 2 and lure_en["credential_phrases"] >= 2
    assert lure_es["login_view_phrases"] >= 1 and lure_es["credential_phrases"] >= 1
    assert reply["follow_up_phrases"] >= 2 and reply["our_document_phrases"] >= 1
    assert request["follow_up_phrases"] == request["credential_phrases"] == 0.0


def test_a_language_without_phrase_files_is_unknown_not_absent() -> None:
    row = _features(["Kami adalah produsen lampu dan sedang mencari pelanggan baru di Eropa."])
    assert all(math.isnan(v) for v in row.iloc[0].to_numpy(dtype=float))


@pytest.mark.parametrize(
    "text",
    [
        "Wij zijn een fabrikant van LED-verlichting. Gratis monsters beschikbaar, prijs vanaf "
        "1,20 EUR, minimale bestelhoeveelheid 500 stuks.",
        "Jesteśmy producentem opraw LED. Oferujemy bezpłatne próbki, minimalne zamówienie "
        "500 szt., cena od 1,20 EUR.",
    ],
)
def test_dutch_and_polish_sellers_read_as_selling(text: str) -> None:
    row = _features([text]).iloc[0]
    assert row["offer_phrases"] >= 3
    assert row["request_phrases"] == 0
    assert row["sells_to_us"] == 1.0


def test_sells_to_us_needs_clearly_more_offering_than_asking() -> None:
    assert sells_to_us(2.0, 1.0) == 1.0
    assert sells_to_us(3.0, 2.0) == 0.0  # a distributor introducing itself, then asking
    assert sells_to_us(1.0, 0.0) == 0.0
    assert math.isnan(sells_to_us(float("nan"), 0.0))
