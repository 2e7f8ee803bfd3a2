"""Completeness family: does the inquiry say what a quote needs, and who is asking?

The seed's first judgement: a company name; a clear request (specification, quantity,
packaging, price term, payment); full contact details (e-mail, phone, fax, website, contact
person) and a signature with name, title and contacts. Keyword lists are English plus every
language's trade words in ``data/lexicon/`` (accented and unaccented), so these flags stay
meaningful for non-English text. Keywords are looked up as word n-gram sets; only patterns
with digits use regexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.people import JOB_TITLES
from inquiry_quality.features.base import FeatureFamily, flag, text_column
from inquiry_quality.features.lexicon import fold, lexicon_files, trade_word_lists
from inquiry_quality.features.ngrams import first_words, ngram_set, phrase_set, words
from inquiry_quality.features.timing import is_month_name, states_delivery_time

_I = re.IGNORECASE


def both_spellings(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` as written, then without accents (``fold``), each once."""
    listed = list(words)
    return tuple(dict.fromkeys([*listed, *map(fold, listed)]))


def trade_words(concept: str) -> tuple[str, ...]:
    """Every language's phrases for a trade ``concept``, as written and without accents."""
    return both_spellings(
        p for concepts in lexicon_files().values() for p in concepts.get(concept, ())
    )


# Incoterms in order of precedence when several are named; ambiguous lower-case words
# ("fas", "dat") are left out. Aliases map informal and older names to Incoterms 2020.
INCOTERMS = ("fob", "cif", "cfr", "exw", "ddp", "dap", "fca", "cpt", "cip", "dpu")
INCOTERM_ALIASES = {
    "cnf": "cfr",
    "c&f": "cfr",
    "ddu": "dap",
    "ex works": "exw",
    "free on board": "fob",
    "delivered duty paid": "ddp",
}
_INCOTERM_TERMS = phrase_set((*INCOTERMS, *INCOTERM_ALIASES))
# In order of precedence when several are named.
PAYMENT_TERMS = tuple(dict.fromkeys((
    "t/t", "tt", "l/c", "lc", "d/p", "d/a", "o/a", "telegraphic transfer", "wire transfer",
    "bank transfer", "letter of credit", "paypal", "open account", "deposit",
    "advance payment", "net 30", "net 60", "cash against documents", "escrow",
    "trade assurance", "credit card", *trade_words("payment_terms"),
)))  # fmt: skip
_PAYMENT = phrase_set(PAYMENT_TERMS)
# Credit terms, a number of days to pay in: a payment word, then within four words of its
# clause the days ("payment 60 days after B/L", "paiement à 45 jours fin de mois", "pago a 30
# días", "Zahlungsziel 30 Tage", "оплата в течение 30 дней"), or the days with a credit word
# after them ("30 Tage netto", "60 days credit", "60 gün vadeli"). Any case, its
# accents kept or not.
_PAY_WORDS = (
    "payment", "payments", "payable", "paiement", "règlement", "pago", "pagamento", "zahlung",
    "zahlbar", "zahlungsziel", "zahlungsbedingungen", "betaling", "płatność", "płatne",
    "ödeme", "vade", "оплата", "оплату", "оплаты", "платеж", "платёж", "платежа", "отсрочка",
    "الدفع", "دفع", "السداد",
)  # fmt: skip
_DAY_WORDS = (
    "days", "jours", "días", "giorni", "tage", "tagen", "dagen", "dni", "gün", "дней", "дня",
    "يوم", "يوما", "أيام",
)  # fmt: skip
_CREDIT_WORDS = ("net", "netto", "fin de mois", "credit", "crédito", "vadeli", "vade")
_DAY_MARKS = (*both_spellings(_DAY_WORDS), "天")


def _either_spelling(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, both_spellings(words)))


_DAYS = rf"(?<![\d.,])(\d{{1,3}})\s*(?:{_either_spelling(_DAY_WORDS)})(?!\w)"
_CREDIT_DAYS = re.compile(
    rf"(?<!\w)(?:{_either_spelling(_PAY_WORDS)})(?!\w)[:\s]*(?:[^\s.;!?]+[\s,]+){{0,4}}?{_DAYS}"
    rf"|{_DAYS}[\s,]*(?:{_either_spelling(_CREDIT_WORDS)})(?!\w)"
    r"|(?:付款|账期|帐期)[^\n。；;]{0,8}?(?<!\d)(\d{1,3})\s*天",
    _I,
)
_PACKAGING = phrase_set((
    "packing", "packaging", "package", "carton", "cartons", "export box", "color box",
    "colour box", "gift box", "master carton", "inner box", "pallet", "pallets", "palletized",
    "blister", "private label", "logo on box", *trade_words("packaging"),
))  # fmt: skip
_DESTINATION = phrase_set((
    "destination", "port of discharge", "port of destination", "deliver to", "delivered to",
    "delivery to", "ship to", "shipped to", "shipping to", "to the port",
    *trade_words("destination"),
))  # fmt: skip
# An Incoterm that names the place of delivery: "CIF Santos", "CIF-Preise Hamburg",
# "CIF Санкт-Петербург", "CIF جبل علي" (a capital or an uncased letter, not a price word).
_DESTINATION_PLACE = re.compile(
    r"\b(?:CIF|CFR|CNF|DAP|DDP|CPT|CIP|DPU)(?:-\w+)?\s+"
    r"(?!(?:Preis|Preise|Price|Prices|Prix|Precio|Preço|Prezzo|Basis|Bedingungen)\b)([^\W\d_])"
)
# A word of delivering or sending whose preposition can take a place, a time or a person,
# followed by a place ("entrega en Valparaíso", "поставка до Москвы", "consegna in Sicilia";
# not "entrega en 6 semanas", "доставка в течение", "consegna in Giugno": a month is no place).
_DELIVERED_AT = re.compile(
    r"(?<!\w)(?:entregas? en|entregar en|env[ií]o a|enviar a|entregar? em|envio para|enviar para"
    r"|consegna in|(?:поставк|доставк|отгрузк)[аиу] (?:в|во|до)"
    r"(?:\s+(?:г|гор|пос|пгт|п|с|ст|д|клх|к)\.?(?=\s))?)\s+([^\W\d_]\w*)",  # "в г. Ижевск"
    _I,
)
_DELIVERY = phrase_set((
    "delivery time", "lead time", "leadtime", "delivery date", "shipment date",
    "shipping date", "by the end", "before the end", "needed by", "need by", "required by",
    "eta", *trade_words("delivery"),
))  # fmt: skip
_JOB_TITLES = phrase_set(JOB_TITLES)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and CJK ideographs
_UNITS = "|".join(
    sorted(
        {
            *[
                "pcs",
                "pc",
                "pieces",
                "piece",
                "units",
                "sets",
                "cartons",
                "ctns",
                "boxes",
                "pallets",
                "rolls",
                "lots",
                "dozens",
            ],
            "containers?",
            *(re.escape(u) for u in trade_words("quantity_units") if not _CJK.match(u)),
        },
        key=lambda u: (-len(u), u),
    )
)
# Product nouns a quantity may be written with ("1.500 paneles", "3 000 светильников"):
# ``data/trade_words.yaml``'s products of four letters or more (matching their inflections),
# but for specification words ("lumens", "kelvin").
_NOT_PRODUCTS = frozenset((
    "lumen", "lumens", "kelvin", "dimmable", "housing", "optic", "cutout", "dimmbar",
    "abstrahlwinkel", "gehäuse", "regulable", "óptica", "gradable", "optique", "dimmerabile",
    "ottica", "dimerizável", "incasso", "encastré", "tubular", "tubulares", "solar",
    "watt", "lens", "beam", "foro", "sokak",
))  # fmt: skip
_PRODUCTS = "|".join(
    sorted(
        {
            re.escape(word)
            for words_of in trade_word_lists()["products"].values()
            for word in map(str, words_of)
            if len(word) >= 4 and " " not in word and word not in _NOT_PRODUCTS
        },
        key=lambda w: (-len(w), w),
    )
)
# Chinese and Japanese measure words (个, 件, 套) run on into the next word: no word boundary
_CJK_UNITS = "".join(sorted(u for u in trade_words("quantity_units") if _CJK.fullmatch(u)))
NUMBER_RUN = re.compile(r"\d[\d,.]*")
# A quantity's number: not part of a word or number ("IP65", "x600"; a Chinese or Japanese
# word may run on into it: 需要500个); thousands may be grouped by spaces or apostrophes
# ("1 200", "3 000", "1'000") as well as commas and points.
QUANTITY_RUN = re.compile(
    r"(?<![^\W_\u3040-\u30ff\u3400-\u9fff])"
    r"(?:\d{1,3}(?:[ \u00a0\u202f'’]\d{3}(?!\d))+|\d[\d,.]*)"
)
# What may follow a number to make it a quantity: a unit, or "x 40HQ" (containers).
_QUANTITY_UNIT = re.compile(
    rf"\s*(k\b)?\s*(?:(?:{_UNITS})\b{f'|[{_CJK_UNITS}]' if _CJK_UNITS else ''}"
    rf"|(?:led\s+|светодиодн\w*\s+)?(?:{_PRODUCTS})\w*)"
    r"|\s*x\s*(?:20|40)\s*'?\s*(?:ft|gp|hq|hc|feet)\b",
    _I,
)
# A container load named by its size, with no count: one container ("one 40HQ container",
# "a 40ft container", "mix container 40ft", "contenedor de 40 pies", "40-Fuß-Container",
# "контейнер 40 футов", "40'lık konteyner", "حاوية 40 قدم"); a size alone is no quantity
# ("20GP USD 3,500" prices a freight).
_CONTAINER_WORDS = (
    r"containers?|contenedor(?:es)?|cont[êe]iner(?:es|s)?|conteneurs?|contenitor[ei]|"
    r"контейнер\w*|konteyner\w*|حاوي(?:ة|ات)"
)
_FEET = (
    r"\s*(?:['’](?:l[ıi]k)?|-?\s*(?:ft|feet|foot|fuß|fuss|pies|pés|pieds|piedi|фут\w*|قدم)"
    r"(?!\w))"
)
_BOX = r"\s*(?:gp|hq|hc|dc)(?!\w)"
_CONTAINER_SIZES = ("20", "40", "45")
_CONTAINER_AFTER = re.compile(
    rf"(?:{_FEET}(?:{_BOX})?|{_BOX})[\s-]*(?:{_CONTAINER_WORDS})(?!\w)", _I
)
_SIZE_AFTER = re.compile(rf"{_FEET}|{_BOX}", _I)
_CONTAINER_BEFORE = re.compile(rf"(?:{_CONTAINER_WORDS})\s+(?:(?:of|de|da|di)\s+)?$", _I)
# A specification right after a number: 40W, 4000lm, 230V, 600x600 mm (4000K: see below).
_SPEC_UNIT = re.compile(
    r"\s?(?:w|watts?|lm|lumens?|v|vac|vdc|mm|cm|kg|lm/w|вт|лм|мм|см|واط|وات)\b"
    r"|\s?x\s?\d{2,4}\b",
    _I,
)
_KELVIN = re.compile(r"\s?[kк]\b", _I)
_SPEC_WORDS = phrase_set((
    "dimmable", "dali", "cri", "0-10v", *(f"ip{n}" for n in range(20, 70)),
    *(f"ip {n}" for n in range(20, 70)), *trade_words("specification"),
))  # fmt: skip
_STARTERS = first_words(
    _SPEC_WORDS, _INCOTERM_TERMS, _PAYMENT, _PACKAGING, _DESTINATION, _DELIVERY, _JOB_TITLES
)
# Legal forms of the buyer languages (a form ending in a point ends there: no \b after it).
_LEGAL_FORM = re.compile(
    r"(?<!\w)(?:Ltd|Limited|LLC|Inc|GmbH|S\.A\.S\.|S\.A\.|SA|S\.L\.|SL|B\.V\.|BV|Co\.|Corp|"
    r"PLC|Pty|Pte|SRL|S\.R\.L\.|S\.r\.l\.|Srl|S\.p\.A\.|SpA|AG|KG|Oy|AB|SARL|SAS|Ltda\.?|Lda|"
    r"LLP|N\.V\.|NV|Sp\. z o\.o\.|sp\. z o\.o\.|s\.r\.o\.|Kft|A\.Ş\.|Ltd\. Şti\.|"
    r"ООО|ОАО|ЗАО|ПАО|АО|ИП|ТОО|ش\.م\.م|ذ\.م\.م|ش\.م\.ع)(?!\w)"
)
# A phone number: an international one, or a labelled one (searched in lower-cased text:
# a case-insensitive alternation is several times slower).
_PHONE_NUMBER = re.compile(r"\+\d[\d\s().-]{7,}\d")
_PHONE_LABEL = re.compile(
    r"\b(?:tel|phone|mobile|mob|cell|whatsapp|telefon|t[ée]l[ée]fono|t[ée]l)\b\.?\s*:?\s*\+?[\d(]"
)
# a signature line that is only a number in a national format, without a label or country
# code ("713-555-0148", "(020) 7946 0958", "0571 8765 4321"); not a date (2026-11-12)
_PHONE_LINE = re.compile(r"^[ \t]*(?:\(\d{2,4}\)|\d{2,4})[ .-]?\d{3,4}[ .-]\d{3,4}[ \t]*$", re.M)
_FAX = re.compile(r"\bfax\b\.?\s*:?\s*\+?[\d(]")  # in lower-cased text
_WEBSITE = re.compile(r"\bwww\.[a-z0-9-]+\.[a-z]{2,}|\bhttps?://[a-z0-9-]+\.[a-z]", _I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Closing phrases, lower-case: the signature follows the last one.
CLOSINGS = (
    "best regards", "kind regards", "regards", "sincerely", "best wishes", "saludos",
    "atentamente", "cordialmente", "mit freundlichen grüßen", "mit freundlichen grüssen",
    "cordialement", "atenciosamente", "distinti saluti", "с уважением", "с наилучшими",
)  # fmt: skip
# A line of two to four capitalised words, in Latin or Cyrillic script ("Mehmet Yılmaz",
# "Иван Петров").
_CAPITAL = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŞĞİÇА-ЯЁ"
_NAME_LINE = re.compile(
    rf"^\s*[{_CAPITAL}][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?"
    rf"(?: [{_CAPITAL}][^\W\d_]*(?:['’.-][^\W\d_]+)*\.?){{1,3}}\s*$",
    re.MULTILINE,
)
_ROLE_WORDS = frozenset(
    [
        "purchase",
        "purchasing",
        "procurement",
        "dept",
        "department",
        "sales",
        "info",
        "admin",
        "office",
        "team",
        "support",
        "service",
        "import",
        "export",
        "buyer",
        "manager",
        "sourcing",
        "customer",
        "the",
        "of",
    ]
)
SIGNATURE_TAIL = 600  # characters at the end of a body searched for a closing phrase

#: the inquiry's contact fields that ``contact_flags`` reads
CONTACT_FIELDS = (
    schema.SENDER_EMAIL,
    schema.SENDER_NAME,
    schema.JOB_TITLE,
    schema.PHONE,
    schema.FAX,
    schema.WEBSITE,
)
REQUEST_FLAGS = (
    "has_company",
    "has_specification",
    "has_quantity",
    "has_packaging",
    "has_incoterm",
    "has_payment_terms",
    "has_destination",
    "has_delivery_time",
)
CONTACT_FLAGS = (
    "has_email",
    "has_phone",
    "has_fax",
    "has_website",
    "has_contact_person",
    "has_job_title",
    "has_signature_block",
)


def signature_area(body: str, signature: str) -> str:
    """The signature block, or the end of the body after its last closing phrase."""
    if signature:
        return signature
    tail = body[-SIGNATURE_TAIL:]
    lower = tail.lower()
    ends = [i + len(c) for c in CLOSINGS if (i := lower.rfind(c)) >= 0]
    return tail[max(ends) :] if ends else body[-300:]


def find_incoterm(grams: set[str]) -> str:
    """The Incoterm named in a text's n-grams (upper-case, aliases resolved), "" if none."""
    named = {INCOTERM_ALIASES.get(g, g) for g in grams & _INCOTERM_TERMS}
    return next((term.upper() for term in INCOTERMS if term in named), "")


def find_payment_terms(grams: set[str], text: str = "") -> str:
    """The payment term the text names (first in ``PAYMENT_TERMS`` order), else the credit
    days it names ("60 days", ``credit_days``), "" if none."""
    named = grams & _PAYMENT
    term = next((t for t in PAYMENT_TERMS if t in named), "")
    return (term.upper() if len(term) <= 3 else term) or credit_days(text)


def credit_days(text: str) -> str:
    """The days to pay in that ``text`` names as credit terms ("60 days"), "" if none."""
    found = _CREDIT_DAYS.search(text) if _names_days(text) else None
    return "" if found is None else f"{next(d for d in found.groups() if d)} days"


def without_credit_days(text: str) -> str:
    """``text`` with its credit terms blanked: "payment within 30 days" is no delivery time."""
    return _CREDIT_DAYS.sub(" ", text) if _names_days(text) else text


def _names_days(text: str) -> bool:
    lower = text.lower()
    return any(mark in lower for mark in _DAY_MARKS)  # most texts do not: no regex scan


def find_quantity(text: str) -> tuple[str, float]:
    """The largest quantity with a unit ("5,000 pcs" -> ("5,000 pcs", 5000.0)); ("", NaN)."""
    return scan_numbers(text)[:2]


def scan_numbers(text: str) -> tuple[str, float, bool]:
    """(largest quantity as written, its value, whether a number carries a specification unit).

    One pass over the numbers, looking at what follows each: faster than regexes over the text.
    """
    best_text, best_value, spec = "", np.nan, False
    for number in QUANTITY_RUN.finditer(text):
        end = number.end()
        digits = number.group(0).rstrip(",.")
        spec = spec or bool(
            _SPEC_UNIT.match(text, end) or (len(digits) == 4 and _KELVIN.match(text, end))
        )
        unit = _QUANTITY_UNIT.match(text, end)
        if unit is None:
            load = container_load(text, number.start(), end, digits)
            if load and np.isnan(best_value):
                best_text, best_value = load, 1.0
            continue
        try:
            value = float(re.sub(r"[,. \u00a0\u202f'’](?=\d{3}\b)", "", digits).replace(",", "."))
        except ValueError:
            continue
        if unit.group(1):
            value *= 1000
        if np.isnan(best_value) or value > best_value:
            best_text, best_value = text[number.start() : unit.end()].strip(), value
    return best_text, best_value, spec


def container_load(text: str, start: int, end: int, digits: str) -> str:
    """The words naming one container load by the size at ``text[start:end]`` ("40HQ
    container", "container 40ft"), or ""."""
    if digits not in _CONTAINER_SIZES:
        return ""
    after = _CONTAINER_AFTER.match(text, end)
    if after:
        return text[start : after.end()]
    before = _CONTAINER_BEFORE.search(text[max(0, start - 24) : start])
    size = _SIZE_AFTER.match(text, end)
    if before and size:
        return text[start - len(before.group(0)) : size.end()].strip()
    return ""


def names_place(text: str) -> bool:
    """Whether an Incoterm in ``text`` is followed by a place (a capital or uncased letter)."""
    return any(not m.group(1).islower() for m in _DESTINATION_PLACE.finditer(text))


def delivers_at_place(text: str) -> bool:
    """Whether a delivery word in ``text`` is followed by a place: a word that begins with a
    capital or an uncased letter and is no month."""
    return any(
        not m.group(1)[0].islower() and not is_month_name(m.group(1))
        for m in _DELIVERED_AT.finditer(text)
    )


def is_personal_name(name: str) -> bool:
    """A display name that names a person, not an address or a department ("Sales Dept")."""
    tokens = set(words(name))
    return bool(tokens) and "@" not in name and not tokens <= _ROLE_WORDS


def request_flags(
    text: str, grams: set[str], company: str, sig: str, quantity: str, spec: bool, payment: str
) -> dict[str, bool]:
    """Which details of a quotable request the text gives (``quantity`` and ``payment``: what
    ``scan_numbers`` and ``find_payment_terms`` found in it)."""
    return {
        "has_company": bool(company) or bool(_LEGAL_FORM.search(sig)),
        "has_specification": spec or not _SPEC_WORDS.isdisjoint(grams),
        "has_quantity": bool(quantity),
        "has_packaging": not _PACKAGING.isdisjoint(grams),
        "has_incoterm": not _INCOTERM_TERMS.isdisjoint(grams),
        "has_payment_terms": not _PAYMENT.isdisjoint(grams) or bool(payment),
        "has_destination": not _DESTINATION.isdisjoint(grams)
        or (not _INCOTERM_TERMS.isdisjoint(grams) and names_place(text))
        or delivers_at_place(text),
        "has_delivery_time": not _DELIVERY.isdisjoint(grams)
        or states_delivery_time(without_credit_days(text)),
    }


def contact_flags(body: str, sig: str, fields: dict[str, str]) -> dict[str, bool]:
    """Which contact details the inquiry gives (structured fields, signature or text)."""
    name, title = fields[schema.SENDER_NAME], fields[schema.JOB_TITLE]
    phone, fax, site = fields[schema.PHONE], fields[schema.FAX], fields[schema.WEBSITE]
    person = is_personal_name(name) or bool(_NAME_LINE.search(sig))
    job_title = bool(title) or not _JOB_TITLES.isdisjoint(ngram_set(sig, _STARTERS))
    lower = body.lower()
    has_phone = bool(phone) or bool(_PHONE_NUMBER.search(body) or _PHONE_LABEL.search(lower))
    has_phone = has_phone or bool(_PHONE_LINE.search(sig))
    has_fax = bool(fax) or ("fax" in lower and bool(_FAX.search(lower)))
    has_site = bool(site) or bool(_WEBSITE.search(sig))
    return {
        "has_email": bool(fields[schema.SENDER_EMAIL]) or bool(_EMAIL.search(sig)),
        "has_phone": has_phone,
        "has_fax": has_fax,
        "has_website": has_site,
        "has_contact_person": person,
        "has_job_title": job_title,
        "has_signature_block": person and job_title and (has_phone or has_fax or has_site),
    }


class CompletenessFeatures(FeatureFamily):
    """Which details of a quotable request and of the buyer's identity are present."""

    feature_names = (
        *REQUEST_FLAGS,
        *CONTACT_FLAGS,
        "completeness_score",
        "incoterm",
        "payment_terms",
        "quantity_text",
        "quantity_value",
    )

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        subjects, bodies, signatures, companies = (
            text_column(X, c)
            for c in (schema.SUBJECT, schema.BODY, schema.SIGNATURE, schema.COMPANY)
        )
        contacts = [text_column(X, c) for c in CONTACT_FIELDS]
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for i, (subject, body, signature, company) in enumerate(
            zip(subjects, bodies, signatures, companies, strict=True)
        ):
            text = f"{subject}\n{body}\n{signature}"
            body_and_sig = f"{body}\n{signature}"
            grams = ngram_set(text, _STARTERS)
            sig = signature_area(body, signature)
            fields = {c: values[i] for c, values in zip(CONTACT_FIELDS, contacts, strict=True)}
            quantity_text, quantity_value, spec = scan_numbers(text)
            payment = find_payment_terms(grams, text)
            flags = request_flags(
                text, grams, company, sig, quantity_text, spec, payment
            ) | contact_flags(body_and_sig, sig, fields)
            for key, value in flags.items():
                out[key].append(flag(value))
            out["completeness_score"].append(sum(flags.values()) / len(flags))
            out["incoterm"].append(find_incoterm(grams))
            out["payment_terms"].append(payment)
            out["quantity_text"].append(quantity_text)
            out["quantity_value"].append(quantity_value)
        return out
