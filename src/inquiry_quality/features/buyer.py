"""Buyer family: who the buyer says it is, and how it negotiates.

A rep reads the self-introduction (an importer, a shop, a contractor, an agent), whether
certificates are asked for, and the tone: pressure to answer fast, hard bargaining, a move to
chat apps. Keyword lists cover English plus a few words of the common buyer languages, looked
up as word n-gram sets like the completeness family.
"""

from __future__ import annotations

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, text_column
from inquiry_quality.features.ngrams import first_words, ngram_set, phrase_set

# In order of precedence when an introduction names several.
BUYER_TYPES: dict[str, frozenset[str]] = {
    "contractor": phrase_set((
        "contractor", "subcontractor", "construction company", "installer company",
        "installation company", "we are tendering", "epc", "contratista", "constructora",
    )),
    "agent": phrase_set((
        "sourcing agent", "buying agent", "purchasing agent", "trading company",
        "buying office", "on behalf of", "our client", "our clients", "my client",
    )),
    "distributor": phrase_set((
        "distributor", "distributors", "distribute", "importer", "importers", "we import",
        "imports", "wholesaler", "wholesale", "dealers", "distribuidor", "importador",
        "importateur", "distributeur", "großhändler", "importeur", "grossista",
    )),
    "retailer": phrase_set((
        "retailer", "retail", "our shop", "our shops", "lighting shops", "our store",
        "our stores", "online shop", "online store", "webshop", "amazon", "ebay",
        "e commerce", "shopify", "tienda", "loja", "boutique",
    )),
}  # fmt: skip
SIGNS: dict[str, frozenset[str]] = {
    "asks_certificates": phrase_set((
        "certificate", "certificates", "certification", "certified", "test report",
        "test reports", "ce", "rohs", "ul", "etl", "dlc", "enec", "saa", "rcm", "saso",
        "soncap", "kebs", "inmetro", "bis", "eac", "gost", "ccc", "cb", "tuv", "tüv", "iec",
        "certificado", "certificat", "zertifikat",
    )),
    "presses_urgency": phrase_set((
        "urgent", "urgently", "asap", "as soon as", "within 24 hours", "by tomorrow",
        "reply today", "immediately", "right away", "urgente", "dringend",
    )),
    "bargains_hard": phrase_set((
        "best price", "lowest price", "last price", "competitive", "price sensitive",
        "other offers", "comparing suppliers", "cheapest", "discount", "mejor precio",
        "melhor preço",
    )),
    "prefers_chat_app": phrase_set((
        "whatsapp", "wechat", "skype", "telegram", "viber", "line id", "imo",
    )),
}  # fmt: skip
_STARTERS = first_words(*BUYER_TYPES.values(), *SIGNS.values())


class BuyerFeatures(FeatureFamily):
    """The buyer type it claims, certificate requests, urgency, bargaining, chat apps."""

    feature_names = ("buyer_type", *SIGNS)

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        subjects = text_column(X, schema.SUBJECT)
        bodies = text_column(X, schema.BODY)
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for subject, body in zip(subjects, bodies, strict=True):
            grams = ngram_set(f"{subject}\n{body}", _STARTERS)
            claimed = (t for t, phrases in BUYER_TYPES.items() if not phrases.isdisjoint(grams))
            out["buyer_type"].append(next(claimed, "none"))
            for name, phrases in SIGNS.items():
                out[name].append(float(not phrases.isdisjoint(grams)))
        return out
