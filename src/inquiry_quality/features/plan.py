"""Plan family: does the buyer say how the purchase will go?

A buyer who means business often states what a rep needs to plan the deal: a target price,
the annual volume, a delivery schedule, a sample-then-trial plan, the project it is for.
Keyword lists cover English plus the common buyer languages (es, pt, fr, de, it; volumes,
schedules and samples also ru, tr, ar), looked up as word n-gram sets like the completeness
family; references, unit prices and quantities a month or a year by regex.
"""

from __future__ import annotations

import re
from functools import cached_property

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, text_column
from inquiry_quality.features.intent import sells_to_us, text_language
from inquiry_quality.features.lexicon import ANY_LANGUAGE, Lexicon, lexicon, tokens
from inquiry_quality.features.ngrams import first_words, ngram_set, phrase_set
from inquiry_quality.features.patterns import load_patterns
from inquiry_quality.features.phrasing import UNKNOWN_LANGUAGE

CUES: dict[str, frozenset[str]] = {
    "states_target_price": phrase_set((
        "target price", "target prices", "target cost", "price target", "budget",
        "precio objetivo", "preço alvo", "prix cible", "zielpreis", "prezzo obiettivo",
    )),
    "states_annual_volume": phrase_set((
        "annual volume", "annual quantity", "annual demand", "annual consumption",
        "annual requirement", "annual usage", "yearly demand", "yearly volume",
        "yearly quantity", "per year", "per annum", "a year", "each year", "every year",
        "volumen anual", "volume anual", "volume annuel", "jahresbedarf", "jahresmenge",
        "fabbisogno annuo", "al año", "por año", "por ano", "ao ano", "par an", "pro jahr",
        "im jahr", "jährlich", "all'anno", "annui", "в год", "ежегодно", "yıllık ihtiyaç",
        "yılda", "سنويا", "في السنة",
    )),
    "states_delivery_schedule": phrase_set((
        "first shipment", "first lot", "first delivery", "first batch", "delivery schedule",
        "shipping schedule", "call off", "call offs", "split deliveries", "split shipments",
        "partial shipments", "regular orders", "monthly orders", "quarterly orders", "in lots",
        "every month", "every quarter", "every two months", "entregas parciales",
        "lieferplan", "teillieferungen", "livraisons partielles", "abruf", "abrufe",
        "erste lieferung", "primera entrega", "première livraison", "primeira entrega",
        "prima consegna", "cada mes", "todos los meses", "entregas mensuales", "todo mês",
        "entregas mensais", "chaque mois", "livraisons mensuelles", "jeden monat",
        "monatliche lieferungen", "ogni mese", "consegne mensili", "каждый месяц",
        "ежемесячные поставки", "her ay", "كل شهر",
    )),
    "plans_sample_order": phrase_set((
        "trial order", "sample order", "samples first", "pilot order", "test order",
        "order samples", "after approval", "bulk order", "pedido de muestra",
        "pedido de prueba", "commande d'essai", "probebestellung", "musterbestellung",
        "ordine di prova", "a sample", "send samples", "sample request", "una muestra",
        "uma amostra", "un échantillon", "des échantillons", "ein muster", "einem muster",
        "un campione", "dei campioni", "образец", "образцы", "bir numune", "numune talep",
        "عينة",
    )),
    "names_project": phrase_set((
        "project name", "project ref", "project no", "project reference", "tender",
        "nombre del proyecto", "licitación", "ausschreibung", "appel d'offres",
        "gara d'appalto",
    )),
}  # fmt: skip
_STARTERS = first_words(*CUES.values())
# Signs that need a pattern rather than a phrase: a reference number ("ref. P-97712",
# "project no: 2031") names a project; a price per unit the buyer names ("USD 4.20 per
# piece", "$3.5/pc") is a target price; a quantity a year is an annual volume, one a month
# a schedule of regular deliveries ("500 Stück monatlich", "1 000 шт. в месяц"; a price is
# none: "USD 99 per month"); searched in lower-cased text.
# a currency before the period makes it a price: "USD 99 per month", "300 دولار سنويا"
_CURRENCY = (
    r"usd|eur|rmb|cny|dollars?|euros?|dólar\w*|dolar\w*|доллар\w*|евро|руб\w*|"
    r"دولار|يورو|ريال|درهم"
)
_RECURRING = (
    r"(?<![$€£\w])\d[\d,. ]*\s*(?:(?!" + _CURRENCY + r")[^\W\d_]+\.?\s+){{1,2}}"
    r"(?:{})(?!\w)"
)
_MONTHLY = (
    "monthly", "per month", "a month", "each month", "monatlich", "pro monat", "im monat",
    "mensuales", "al mes", "por mes", "mensais", "por mês", "ao mês", "par mois", "mensuels",
    "mensuelles", "al mese", "mensili", "в месяц", "ежемесячно", "aylık", "her ay", "شهريا",
)  # fmt: skip
_YEARLY = (
    "yearly", "annually", "per year", "a year", "per annum", "jährlich", "pro jahr", "im jahr",
    "anuales", "al año", "por año", "anuais", "por ano", "ao ano", "par an", "annuels",
    "all'anno", "annui", "в год", "ежегодно", "yıllık", "سنويا",
)  # fmt: skip
RECURRING = {
    "states_annual_volume": re.compile(_RECURRING.format("|".join(_YEARLY))),
    "states_delivery_schedule": re.compile(_RECURRING.format("|".join(_MONTHLY))),
}
PATTERNS = {
    "names_project": re.compile(
        r"\b(?:ref|reference|project)\b\.?\s*(?:no\.?|number|#)?\s*:?\s*[a-z]{0,4}-?\d{3,}",
        re.IGNORECASE,
    ),
    "states_target_price": re.compile(
        r"(?:usd|us\$|\$|eur|€)\s?\d+(?:[.,]\d+)?\s*(?:/|per\s)\s*(?:pc|pcs|piece|unit|set|light)",
        re.IGNORECASE,
    ),
}


TARGET_PRICE = "states_target_price"
SAMPLE_ORDER = "plans_sample_order"
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n")
_THEIRS = re.compile(r"\b(?:your|ihr\w*|su|sus|votre|vos|seu|sua|vostro|ваш\w*)\s+\w*\s?(?:target|"
                     r"budget|zielpreis|precio objetivo|prix cible|preço alvo|prezzo obiettivo)",
                     re.IGNORECASE)  # fmt: skip


#: signs a seller's text carries too: its own unit price, the free sample it gives away, its
#: capacity ("we can supply 30,000 pcs per month") and yearly output
SELLERS_TOO = (
    TARGET_PRICE,
    SAMPLE_ORDER,
    "states_delivery_schedule",
    "states_annual_volume",
)


class _Reading:
    """One text as the plan signs read it: lower-cased once, its language and whether it
    sells to us found at most once, however many signs ask."""

    def __init__(self, text: str, languages: tuple[str, ...]) -> None:
        self.text = text
        self.lowered = text.lower()
        self._languages = languages

    @cached_property
    def _lexicon(self) -> tuple[str, Lexicon | None]:
        language = text_language(self.text, self._languages)
        read_as = ANY_LANGUAGE if language == UNKNOWN_LANGUAGE else language
        return read_as, lexicon(read_as)

    @cached_property
    def sells(self) -> bool:
        read_as, words_of = self._lexicon
        if words_of is None:
            return False
        found = words_of.count(tokens(self.text, read_as), ("offer", "request"))
        return sells_to_us(float(found["offer"]), float(found["request"])) == 1.0

    def offers(self, part: str) -> float:
        read_as, words_of = self._lexicon
        if words_of is None:
            return 0.0
        return float(words_of.count(tokens(part, read_as), ("offer",))["offer"])


def states_as_buyer(reading: _Reading, name: str, recurring: bool) -> bool:
    """Whether the sender states plan sign ``name`` as the buyer, in a text that does not sell to
    us: a quantity a month or a year (``recurring``), or a sentence with the sign's cue (a
    target price also by a unit price) that offers nothing of the sender's ("our price is USD
    2.10/pc", "we can meet your target price", "we send you a free sample" are a seller's)."""
    if reading.sells:
        return False
    if recurring:
        return True  # a quantity a month or a year ("par mois" also prices a seller's service)
    for sentence in _SENTENCE_END.split(reading.text):
        grams = ngram_set(sentence, _STARTERS)
        named = not CUES[name].isdisjoint(grams) or bool(
            name in PATTERNS and PATTERNS[name].search(sentence)
        )
        if named and not _THEIRS.search(sentence) and not reading.offers(sentence):
            return True
    return False


class PlanFeatures(FeatureFamily):
    """Target price, annual volume, delivery schedule, sample plan and named project flags."""

    feature_names = (*CUES, "plan_signs")

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        subjects = text_column(X, schema.SUBJECT)
        bodies = text_column(X, schema.BODY)
        out: dict[str, list] = {name: [] for name in self.feature_names}
        languages = tuple(load_patterns()["languages"])
        for subject, body in zip(subjects, bodies, strict=True):
            text = f"{subject}\n{body}"
            reading = _Reading(text, languages)
            grams = ngram_set(text, _STARTERS)
            signs = 0
            for name, phrases in CUES.items():
                recurring = (
                    name in RECURRING and RECURRING[name].search(reading.lowered) is not None
                )
                found = (
                    not phrases.isdisjoint(grams)
                    or (name in PATTERNS and PATTERNS[name].search(text) is not None)
                    or recurring
                )
                if found and name in SELLERS_TOO:
                    found = states_as_buyer(reading, name, recurring)
                out[name].append(float(found))
                signs += found
            out["plan_signs"].append(float(signs))
        return out
