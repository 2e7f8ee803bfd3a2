"""Render an inquiry's text from its traits: subject, new text, signature, quoted reply.

The composer sees the visible traits, the sender's identity, language and region, never the
hidden archetype. Which slots appear follows the traits; which wording, order, items and
numbers are used is chance, so bodies are built from parts rather than a few templates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np

import inquiry_quality.synth.phrases as en
from inquiry_quality.core.names import country_name
from inquiry_quality.core.templates import template_fields
from inquiry_quality.synth.archetypes import CUE_NAMES, SELLING_PITCHES
from inquiry_quality.synth.catalogue import EXPORTER_DOMAIN, SALES_REPS
from inquiry_quality.synth.geography import Region
from inquiry_quality.synth.identity import Identity, ascii_fold, slug
from inquiry_quality.synth.phrases_i18n import PHRASES
from inquiry_quality.synth.phrases_i18n_inbox import INBOX_PHRASES
from inquiry_quality.synth.typos import add_typos

TYPO_RATES = {"none": 0.0, "some": 0.03, "many": 0.08}
# Every translated slot per language (a slot missing here stays English).
LOCAL_PHRASES = {
    lang: {**PHRASES.get(lang, {}), **INBOX_PHRASES.get(lang, {})}
    for lang in sorted({*PHRASES, *INBOX_PHRASES})
}
CATEGORY_NAMES = {
    "panel": "LED panel lights",
    "downlight": "LED downlights",
    "bulb": "LED bulbs",
    "tube": "LED tubes",
    "flood": "LED flood lights",
    "street": "LED street lights",
    "high bay": "LED high bay lights",
}
CUES = {
    "target_price": en.TARGET_PRICE,
    "annual_volume": en.ANNUAL_VOLUME,
    "schedule": en.SCHEDULE,
    "sample_plan": en.SAMPLE_PLAN,
    "project_name": en.PROJECT_NAME,
}
URL_WORDS = ("docs", "secure", "view", "file", "share", "cloud", "portal", "inquiry", "order")
URL_TLDS = ("com", "net", "top", "xyz", "info", "online", "site")
SUPPLIER_CITIES = ("Shenzhen", "Zhongshan", "Dongguan", "Foshan", "Jiangmen", "Ningbo", "Yiwu")
# Pieces in the buyer's language (English "pcs" stays common in every language).
UNITS = {
    "en": ("pcs", "pcs", "pieces", "units", "sets"),
    "es": ("piezas", "unidades", "pzas", "pcs"),
    "pt": ("peças", "unidades", "pçs", "pcs"),
    "fr": ("pièces", "unités", "pcs"),
    "de": ("Stück", "Stk.", "pcs"),
    "it": ("pezzi", "pz", "pcs"),
    "ru": ("шт", "шт.", "штук", "pcs"),
    "tr": ("adet", "adet", "pcs"),
    "ar": ("قطعة", "وحدة", "pcs"),
    "zh": ("个", "只", "pcs"),
}
# Thousands separators as each language writes them.
THOUSANDS = {"es": ".", "pt": ".", "de": ".", "it": ".", "tr": ".", "fr": "\u202f", "ru": " "}
# Reply prefixes mail clients write in each language (RE: everywhere, AW: in German, ...).
REPLY_PREFIX = {"de": "AW: ", "pt": "RES: ", "tr": "YNT: ", "fr": "RE : ", "ru": "Re: "}


@dataclass(frozen=True)
class InquiryText:
    subject: str
    body: str  # the new text
    signature: str
    quoted: str  # an earlier message quoted below the new text ("" if none)
    quoted_header: str  # "On <date>, <name> wrote:"
    attachments: tuple[str, ...]
    base_subject: str = ""  # the subject without reply prefixes: our sent mail's subject
    document: str = ""  # our document number the message cites ("" if none)
    replied_at: datetime | None = None  # when our earlier mail in the thread was sent


class Composer:
    """Writes one inquiry; holds the per-inquiry context so the slot helpers stay short."""

    def __init__(
        self,
        traits: Mapping[str, str],
        identity: Identity,
        country: str,
        language: str,
        region: Region,
        catalogue: Sequence[Mapping[str, Any]],
        received_at: datetime,
        rng: np.random.Generator,
    ) -> None:
        self.traits = traits
        self.who = identity
        self.country = country
        self.language = language
        self.region = region
        self.catalogue = catalogue
        self.received_at = received_at
        self.rng = rng
        self.rep = SALES_REPS[int(rng.integers(len(SALES_REPS)))]
        chosen = rng.choice(len(catalogue), size=self._n_items(), replace=False)
        self.items = [catalogue[int(i)] for i in chosen]
        self.component = en.COMPONENTS[int(rng.integers(len(en.COMPONENTS)))]
        self.service = self.pick(en.SERVICE_KINDS)
        self.replied_at = received_at - timedelta(
            days=int(rng.integers(1, 20)), minutes=int(rng.integers(0, 1440))
        )
        self.po = f"{self.pick(('PO ', 'PO#', 'PO-', 'P.O. '))}{int(rng.integers(1000, 99999))}"
        self.document = self._document() if traits["doc_ref"] == "yes" else ""

    # --- small helpers -----------------------------------------------------------------
    def pick(self, options: Sequence[str]) -> str:
        return options[int(self.rng.integers(len(options)))]

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def say(self, english: Sequence[str], slot: str | None = None, **values: object) -> str:
        """A variant of a slot in the inquiry's language (English when not translated)."""
        local = LOCAL_PHRASES.get(self.language, {}).get(slot or "", ())
        template = self.pick(local or english)
        fields = template_fields(template)
        values |= {name: self._value(name) for name in fields if name not in values}
        return template.format(**values)

    def number(self, value: float) -> str:
        """``value`` with the thousands separator of the inquiry's language."""
        return f"{value:,.0f}".replace(",", THOUSANDS.get(self.language, ","))

    def _document(self) -> str:
        """One of our document numbers, of the kind the topic is about."""
        kind = self.traits["topic"] if self.traits["topic"] != "new" else "quotation"
        when = self.replied_at
        return self.pick(en.DOCUMENTS[kind]).format(
            year=when.year,
            yy=f"{when:%y}",
            seq=f"{int(self.rng.integers(1, 2000)):04d}",
            seq3=f"{int(self.rng.integers(1, 600)):03d}",
            yymm=f"{when:%y%m}",
            nn=f"{int(self.rng.integers(1, 60)):02d}",
            n=int(self.rng.integers(1, 4)),
        )

    def _value(self, name: str) -> object:
        """The value of one placeholder, drawn only when a template uses it."""
        rng = self.rng
        rep_title, rep_first, rep_last = self.rep
        company = self.who.company
        component, component_spec, (low, high), component_moq = self.component
        providers: dict[str, Callable[[], object]] = {
            "component": lambda: component,
            "component_spec": lambda: component_spec,
            "component_price": lambda: f"{rng.uniform(low, high):.{3 if high < 0.1 else 2}f}",
            "component_moq": lambda: self.number(component_moq * int(rng.choice([1, 2, 5]))),
            "supplier_city": lambda: self.pick(SUPPLIER_CITIES),
            "term": lambda: self.pick(("FOB Shenzhen", "FOB Ningbo", "EXW", "CIF {port}")).format(
                port=self.who.city
            ),
            "rate": lambda: self.number(int(rng.integers(8, 40)) * 100),
            "rate_hq": lambda: self.number(int(rng.integers(14, 60)) * 100),
            "booth": lambda: self.number(int(rng.integers(20, 60)) * 100),
            "brand": lambda: EXPORTER_DOMAIN.split("-")[0],
            "university": lambda: self.pick(en.UNIVERSITIES),
            "marketplace_name": lambda: self.pick(en.MARKETPLACE_NAMES),
            "doc": lambda: f" {self.document}" if self.document else "",
            "po": lambda: self.po,
            "rep_title": lambda: rep_title,
            "rep_first": lambda: rep_first,
            "rep_last": lambda: rep_last,
            "company_or_a": lambda: company or "a company",
            "company_or_blank": lambda: f"{company} " if company else "",
            "company_or_we": lambda: company or "We",
            "country": lambda: country_name(self.country),
            "city": lambda: self.who.city,
            "port": lambda: self.who.city,
            "first_name": lambda: self.who.first_name,
            "n_tiny": lambda: int(rng.integers(2, 12)),
            "n_small": lambda: int(rng.integers(20, 400)),
            "n_big": lambda: f"{int(rng.integers(5, 300)) * 1000:,}",
            "big_value": lambda: f"{int(rng.integers(2, 90)) * 100000:,}",
            "fee": lambda: f"{int(rng.integers(3, 40)) * 50:,}",
            "project": lambda: self.pick(en.PROJECTS),
            "found_on": lambda: self.pick(en.FOUND_ON),
            "marketplace": lambda: self.pick(en.MARKETPLACES),
            "days": lambda: int(rng.choice([20, 25, 30, 35, 45, 60, 90])),
            "month": lambda: f"{self.received_at + timedelta(days=int(rng.integers(30, 120))):%B}",
            "cct": lambda: self.pick(("3000K", "4000K", "6500K", "4000K and 6500K")),
            "warranty": lambda: int(rng.choice([2, 3, 5])),
            "certs": lambda: self.pick(self.region.certificates),
            "category_name": lambda: CATEGORY_NAMES[str(self.items[0]["category"])],
            "topic": self.topic,
            "moq": lambda: int(self.items[0]["moq"]),
            "number": lambda: int(rng.integers(1000, 99999)),
            "phone": lambda: self.who.phone or "+" + "".join(map(str, rng.integers(0, 10, 11))),
            "handle": lambda: slug(self.who.first_name) + str(int(rng.integers(1, 9999))),
            "price": lambda: f"{float(self.items[0]['fob_usd']) * rng.uniform(0.7, 0.95):.2f}",
            "cycle": lambda: self.pick(("month", "two months", "quarter")),
        }
        return providers[name]()

    def _n_items(self) -> int:
        return int(self.rng.choice([1, 1, 1, 2, 2, 3]))

    # --- product lines -----------------------------------------------------------------
    def item_name(self, item: Mapping[str, Any]) -> str:
        level = self.traits["product"]
        if level == "model":
            return self.pick((item["model_no"], f"{item['model_no']} ({item['product']})"))
        if level == "spec":
            watts = item["specs"].split(",")[0]
            return self.pick(
                (
                    f"{item['product']} {watts}",
                    f"{item['product']}, {watts}, {self.pick(('3000K', '4000K', '6500K'))}",
                )
            )
        if level == "category":
            return CATEGORY_NAMES[item["category"]]
        if level == "off_catalogue":
            return self.pick(en.OFF_CATALOGUE)
        return self.pick(en.VAGUE_ITEMS)

    def topic(self) -> str:
        item = self.items[0]
        level = self.traits["product"]
        if level in ("model", "spec"):
            return str(item["model_no"] if level == "model" else item["product"])
        if level == "category":
            return CATEGORY_NAMES[str(item["category"])]
        return en.OFF_CATALOGUE[0] if level == "off_catalogue" else "LED lights"

    def quantity(self, moq: int) -> str:
        level = self.traits["quantity"]
        unit = self.pick(UNITS.get(self.language, UNITS["en"]))
        if level == "small":
            return f"{self.number(max(5, round(moq * self.rng.uniform(0.02, 0.5), -1)))} {unit}"
        if level == "large" and self.chance(0.3):
            return self.pick(
                ("one 20GP container", "one 40HQ container", "2 x 40HQ containers", "3 containers")
            )
        low, high = (1, 3) if level == "moq" else (5, 40)
        return f"{self.number(round(moq * self.rng.uniform(low, high), -2))} {unit}"

    def request(self) -> list[str]:
        purpose = self.pick(en.PURPOSE)
        names = [self.item_name(item) for item in self.items]
        names = list(dict.fromkeys(names))
        structured = len(names) > 1 and self.traits["quantity"] != "none" and self.chance(0.5)
        if structured and self.language == "en":
            lines = [
                f"{self.pick(('-', '*', f'{i}.'))} {name}: {self.quantity(int(item['moq']))}"
                for i, (name, item) in enumerate(zip(names, self.items, strict=False), 1)
            ]
            return [self.pick(en.REQUEST_LIST) + "\n" + "\n".join(lines)]
        items = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        sentences = [self.say(en.REQUEST, "request", items=items, purpose=purpose)]
        if self.traits["quantity"] != "none":
            quantity = self.quantity(int(self.items[0]["moq"]))
            sentences.append(self.say(en.QUANTITY, "quantity", quantity=quantity))
        return sentences

    # --- the whole text ----------------------------------------------------------------
    def greeting(self) -> str:
        return self.say(en.GREETING[self.traits["greeting"]], self.traits["greeting"])

    def terms(self) -> list[str]:
        t = self.traits
        parts = []
        if t["incoterm"] == "yes":
            term = self.pick(
                (
                    "FOB Ningbo",
                    "FOB Shanghai",
                    "FOB China",
                    f"CIF {self.who.city}",
                    f"CFR {self.who.city}",
                    "EXW",
                    f"DDP {self.who.city}",
                )
            )
            parts.append(self.say(en.INCOTERM, "incoterm", term=term))
        if t["payment"] == "normal":
            parts.append(self.say(en.PAYMENT_NORMAL, "payment"))
        if t["payment"] == "advance_fee":
            parts.append(self.say(en.PAYMENT_ADVANCE_FEE))
        if t["certification"] == "yes":
            parts.append(self.say(en.CERTIFICATION))
        if t["product"] in ("spec", "model") and self.chance(0.4):
            parts.append(self.say(en.SPEC_ASK))
        if t["quantity"] != "none" and self.chance(0.3):
            parts.append(self.say(en.PACKAGING))
        if t["delivery"] == "yes":
            parts.append(self.say(en.DELIVERY, "delivery"))
        parts += [self.say(CUES[cue]) for cue in CUE_NAMES if t[cue] == "yes"]
        if t["mass_markers"] == "yes":
            parts.append(self.say(en.MASS_MARKERS, "mass"))
        if t["bargain"] == "yes":
            parts.append(self.say(en.BARGAIN, "bargain"))
        self.rng.shuffle(parts)
        return parts

    def pitch(self) -> list[str]:
        kind = self.traits["pitch"]
        if kind == "supplier_offer":
            return [self.say(en.PITCH_SUPPLIER, "pitch_supplier")]
        if kind == "service_offer":
            return [self.say(en.PITCH_SERVICE[self.service], f"pitch_{self.service}")]
        simple = {
            "research": en.PITCH_RESEARCH,
            "scam_story": en.PITCH_SCAM,
            "registration_scam": en.PITCH_REGISTRATION,
            "phishing_lure": en.PITCH_PHISHING,
            "platform_notice": en.PITCH_PLATFORM,
            "bank_change": en.PITCH_BANK,
            "romance": en.PITCH_ROMANCE,
        }
        return [self.say(simple[kind], f"pitch_{kind}")] if kind in simple else []

    def seller_terms(self) -> list[str]:
        """A seller's trade details: stated as an offer, not asked for."""
        t = self.traits
        supplier = t["pitch"] == "supplier_offer"
        details = {
            "spec": t["product"] in ("spec", "model"),
            "price": t["incoterm"] == "yes",
            "moq": t["quantity"] != "none",
            "payment": t["payment"] == "normal",
            "certification": t["certification"] == "yes",
            "delivery": t["delivery"] == "yes",
        }
        parts = []
        for detail in (d for d, given in details.items() if given):
            if supplier:
                slot = f"seller_{detail}"
                parts.append(self.say(getattr(en, slot.upper()), slot))
            else:
                key = {"price": "incoterm", "moq": "quantity"}.get(detail, detail)
                kind = "forwarder" if self.service == "forwarder" else "other"
                slot = f"{kind}_{key}"
                parts.append(self.say(en.SERVICE_DETAILS[kind][key], slot))
        if t["payment"] == "advance_fee":
            parts.append(self.say(en.PAYMENT_ADVANCE_FEE))
        parts += [self.say(en.SELLER_CUES[cue]) for cue in CUE_NAMES if t[cue] == "yes"]
        if t["mass_markers"] == "yes":
            parts.append(self.say(en.MASS_MARKERS, "mass"))
        if t["bargain"] == "yes":
            parts.append(self.say(en.BARGAIN, "bargain"))
        parts.append(self.say(en.PITCH_OFFER_CLOSE, "offer_close"))
        self.rng.shuffle(parts)
        return parts

    def ask(self) -> list[str]:
        """What a buyer asks for: a new request, or the quantity in a reply in an open deal."""
        t = self.traits
        if t["topic"] == "new" and (t["pitch"] == "none" or t["product"] != "vague"):
            return self.request()
        if t["quantity"] != "none":
            quantity = self.quantity(int(self.items[0]["moq"]))
            return [self.say(en.QUANTITY, "quantity", quantity=quantity)]
        return []

    def follow_up(self) -> list[str]:
        """A reply in an open deal: what it is about (our document), then the point."""
        topic = self.traits["topic"]
        return [
            self.say(en.FOLLOW_UP[topic], f"follow_{topic}"),
            self.say(en.FOLLOW_UP_ASK[topic], f"ask_{topic}"),
        ]

    def url(self) -> str:
        host = f"{self.pick(URL_WORDS)}-{self.pick(URL_WORDS)}{int(self.rng.integers(1, 99))}"
        path = f"{self.pick(URL_WORDS)}/{int(self.rng.integers(10**5, 10**7))}"
        return f"https://{host}.{self.pick(URL_TLDS)}/{path}"

    def body(self) -> str:
        t = self.traits
        paragraphs: list[list[str]] = []
        selling = t["pitch"] in SELLING_PITCHES
        opening = []
        if t["intro"] != "none" and (t["pitch"] == "none" or t["intro"] == "generic"):
            opening.append(self.say(en.INTRO[t["intro"]]))
        if t["topic"] != "new":
            opening += self.follow_up()
        elif self.document:
            opening.append(self.say(en.REFERENCE, "reference"))
        opening += self.pitch()
        if not selling:
            opening += self.ask()
        paragraphs.append(opening)
        terms = self.seller_terms() if selling else self.terms()
        if terms:
            cut = int(self.rng.integers(0, len(terms) + 1))
            paragraphs += [terms[:cut], terms[cut:]]
        tail = []
        if t["urgency"] == "yes":
            tail.append(self.say(en.URGENCY, "urgency"))
        if t["link"] == "view_link":
            tail.append(self.say(en.VIEW_LINK, url=self.url()))
        if t["link"] == "promo_link":
            tail.append(
                self.say(
                    en.PROMO_LINK, url=self.pick((self.url(), f"https://www.{self.who.domain}"))
                )
            )
        if t["chat_app"] == "yes":
            tail.append(self.say(en.CHAT_APP))
        tail.append(self.say(en.CLOSING, "closing"))
        paragraphs.append(tail)
        if t["signature"] != "full" and self.who.phone and t["chat_app"] == "no":
            label = self.pick(("Tel", "Phone", "Mobile", "Tel/WhatsApp"))
            paragraphs.append([f"{label}: {self.who.phone}"])
        text = "\n\n".join(" ".join(p) for p in paragraphs if p and any(p))
        text = add_typos(text.strip(), TYPO_RATES[t["typos"]], self.rng)
        greeting = self.greeting()
        return f"{greeting}\n\n{text}" if greeting else text

    def signature(self) -> str:
        level = self.traits["signature"]
        sign_off = self.say(en.SIGN_OFF, "sign_off")
        if level == "none":
            return sign_off if self.chance(0.5) else ""
        name = self.who.display_name if self.chance(0.7) else self.who.first_name
        if level == "short":
            return "\n".join(p for p in (sign_off, name, self.who.company) if p)
        lines = [
            self.pick(en.SIGNATURE_SEPARATOR) or sign_off,
            self.who.display_name,
            self.who.job_title,
            self.who.company,
            f"Tel: {self.who.phone}" if self.who.phone else "",
            f"Fax: {self.who.fax}" if self.who.fax else "",
            self.who.website,
            f"E-mail: {self.who.email}" if self.chance(0.4) else "",
        ]
        return "\n".join(line for line in lines if line)

    def subject(self) -> str:
        t = self.traits
        pitch_subjects = {
            "supplier_offer": en.SUBJECT_SUPPLIER,
            "service_offer": en.SUBJECT_SERVICE[self.service],
            "research": en.SUBJECT_RESEARCH,
            "scam_story": en.SUBJECT_SCAM,
            "registration_scam": en.SUBJECT_REGISTRATION,
            "phishing_lure": en.SUBJECT_PHISHING,
            "platform_notice": en.SUBJECT_PLATFORM,
            "bank_change": en.SUBJECT_BANK,
            "romance": en.SUBJECT_ROMANCE,
        }
        if t["pitch"] in pitch_subjects:
            slot = f"subject_{self.service if t['pitch'] == 'service_offer' else t['pitch']}"
            subject = self.say(pitch_subjects[t["pitch"]], slot)
        elif t["topic"] != "new":
            subject = self.say(en.SUBJECT_FOLLOW_UP[t["topic"]], f"subject_{t['topic']}")
        elif self.language != "en" and self.chance(0.6):
            subject = self.say((), "subject")
        elif t["product"] == "vague":
            subject = self.say(
                en.SUBJECT_MASS if t["mass_markers"] == "yes" else en.SUBJECT_GENERIC
            )
        else:
            subject = self.say(en.SUBJECT_PRODUCT)
        return subject.upper() if self.chance(0.04) else subject

    def reply_subject(self, subject: str) -> str:
        """``subject`` as a reply in an RE: chain, with the prefixes of the sender's client."""
        if self.traits["re_chain"] != "yes":
            return subject
        prefixes = ("RE: ", "Re: ", "RE:", "Re: Re: ")
        local = REPLY_PREFIX.get(self.language)
        prefix = local if local and self.chance(0.5) else self.pick(prefixes)
        return prefix * int(self.rng.integers(1, 3)) + subject

    def quoted(self) -> tuple[str, str]:
        if self.traits["re_chain"] != "yes":
            return "", ""
        when = self.replied_at
        _, first, last = self.rep
        sender = f"{first} {last} <{first.lower()}@{EXPORTER_DOMAIN}>"
        header = f"On {when:%a, %d %b %Y at %H:%M}, {sender} wrote:"
        topic = self.traits["topic"]
        ours = en.OUR_MESSAGE[topic] if topic != "new" else self.pick(en.QUOTED_REPLY)
        return self.say((ours,)), header

    def attachments(self) -> tuple[str, ...]:
        level = self.traits["attachment"]
        if level == "none":
            return ()
        stem = (ascii_fold(self.who.company).split() or ["inquiry"])[0]
        values = {"stem": stem, "number": int(self.rng.integers(100, 99999))}
        names = [self.pick(en.DOCUMENT_ATTACHMENTS).format(**values)]
        if level == "risky":
            risky = self.pick(en.RISKY_ATTACHMENTS).format(**values)
            names = [risky, *names] if self.chance(0.3) else [risky]
        elif self.chance(0.3):
            names.append(self.pick(en.DOCUMENT_ATTACHMENTS).format(**values))
        return tuple(dict.fromkeys(names))

    def compose(self) -> InquiryText:
        quoted, header = self.quoted()
        subject = self.subject()
        return InquiryText(
            subject=self.reply_subject(subject),
            body=self.body(),
            signature=self.signature(),
            quoted=quoted,
            quoted_header=header,
            attachments=self.attachments(),
            base_subject=subject,
            document=self.document,
            replied_at=self.replied_at,
        )
