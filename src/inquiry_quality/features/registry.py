"""One registry of every output feature: what it is and how to say it to a sales rep.

Scoring turns a model's top factors into sentences with :func:`describe` and the details an
inquiry lacks into one follow-up mail with :func:`missing_mask`; ``docs/features.md`` is
rendered from this table. Sentences may name other features of the same row in braces
(``{sender_domain}``); ``{value}`` is the feature's own value.

A sentence is only said when it is true of the row: each direction has conditions
(:class:`When`) on the feature's value (or another feature's), and every value it quotes must
be known. :func:`true_of` evaluates them for a whole table at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

from inquiry_quality.core.names import COUNTRY_NAMES, LANGUAGE_NAMES
from inquiry_quality.core.templates import template_fields

Direction = Literal["for", "against"]
KIND_DOC: Final = {
    "flag": "1 = present / true, 0 = absent / false, NaN = unknown",
    "number": "a count or measure, NaN = unknown",
    "category": 'a label (one-hot encoded by the model); "" = none or unknown',
    "text": "cleaned text for the model's n-grams",
    "detail": "a value quoted in explanations; not a model input",
}
NUMERIC_KINDS: Final = frozenset({"flag", "number"})
UNKNOWN_LABELS: Final = frozenset({"", "none", "unknown", "nan", "<na>"})  # lower-cased


@dataclass(frozen=True)
class When:
    """A sentence's condition: the value of feature ``of`` (default: the feature itself) lies
    in ``[low, high]``, or, for a label, is one of ``labels``. NaN / unknown is never true."""

    low: float = -math.inf
    high: float = math.inf
    labels: frozenset[str] = frozenset()
    of: str | None = None

    def __str__(self) -> str:
        if self.low > self.high:
            return "never"
        what = f"`{self.of}` " if self.of else "value "
        if self.labels:
            return what + "is " + " or ".join(sorted(self.labels))
        if self.low == -math.inf and self.high == math.inf:
            return what + "is known"
        if self.low == self.high:
            return f"{what}= {self.low:g}"
        if self.high == math.inf:
            return f"{what}≥ {self.low:g}"
        if self.low == -math.inf:
            return f"{what}≤ {self.high:g}"
        return f"{what}in {self.low:g}-{self.high:g}"


def at_least(low: float, of: str | None = None) -> When:
    return When(low=low, of=of)


def at_most(high: float, of: str | None = None) -> When:
    return When(high=high, of=of)


def equals(value: float, of: str | None = None) -> When:
    return When(low=value, high=value, of=of)


def one_of(*labels: str, of: str | None = None) -> When:
    return When(labels=frozenset(labels), of=of)


#: no value is true: a sentence never said. A sign of an existing relationship (a reply, our
#: document cited, a CRM contact) speaks for an inquiry, but its absence never against one:
#: every new buyer lacks it (marked "see NEVER")
NEVER: Final = (When(low=math.inf, high=-math.inf),)
NO: Final = (equals(0),)
SOME: Final = (at_least(1),)
BAD_FLAG: Final = {"for_when": NO, "against_when": (equals(1),)}  # 1 speaks against


@dataclass(frozen=True)
class Feature:
    """One output column of the featurizer.

    ``for_when`` / ``against_when``: when each sentence is true (all must hold); empty means
    the kind's default: a flag's "for" sentence needs 1 and its "against" sentence 0, other
    kinds need a known value. ``shown_as`` is a format spec for ``{value}`` (".0%");
    ``labels`` rephrase category values in sentences (``("claim", "buyer's own words")``).
    ``concepts`` name the per-language phrase lists a feature reads, ``languages`` the
    languages of a feature read with one language's lists; neither: any language.
    """

    name: str
    family: str
    kind: str
    description: str
    for_sentence: str
    against_sentence: str
    missing_label: str | None = None
    question: str | None = None
    for_when: tuple[When, ...] = ()
    against_when: tuple[When, ...] = ()
    shown_as: str = ""
    labels: tuple[tuple[str, str], ...] = ()
    concepts: tuple[str, ...] = ()  # the lexicon concepts it reads (features/lexicon.py)
    languages: tuple[str, ...] = ()  # else the languages its phrase lists cover; (): any

    @property
    def states_a_fact(self) -> bool:
        """Whether the two sentences are one: a fact ("Asks for CIF prices", "Written in
        German") that may speak for an inquiry but is no fault of it, so it never speaks
        against (a rep reads it as prejudice)."""
        return self.for_sentence == self.against_sentence and self.kind != "detail"

    def when(self, direction: Direction) -> tuple[When, ...]:
        """The conditions under which ``direction``'s sentence is true."""
        if direction == "against" and self.states_a_fact:
            return NEVER
        given = self.for_when if direction == "for" else self.against_when
        if given:
            return given
        if self.kind == "flag":
            return (equals(1),) if direction == "for" else NO
        if self.kind == "text":
            return ()
        return (When(),)  # known


def _detail(
    name: str,
    what: str,
    label: str,
    question: str,
    present: str,
    absent: str,
    concepts: tuple[str, ...] = (),
) -> Feature:
    """A completeness flag whose absence is a detail to ask for."""
    return Feature(
        name, "completeness", "flag", what, present, absent, label, question, concepts=concepts
    )


FEATURES: Final[tuple[Feature, ...]] = (
    # --- completeness: the request -------------------------------------------------------
    _detail(
        "has_company",
        "A company name is given (field or legal form in the signature).",
        "company name",
        "Are you buying for your own company (please give its name and website), for a "
        "client, or for a project?",
        "Company name given",
        "No company name given",
    ),
    _detail(
        "has_specification",
        "Technical specification stated (W, lm, K, IP, size, CRI, ...).",
        "product specification",
        "Which specification do you need: a standard model from our catalogue (model no., "
        "please), or a custom one (wattage, 3000K/4000K/6500K, IP rating)?",
        "Specification stated",
        "No technical specification",
        concepts=("specification",),
    ),
    _detail(
        "has_quantity",
        "A quantity with a unit (500 pcs, 2x40HQ, 10k units) or a container load (one 40HQ "
        "container).",
        "quantity",
        "What quantity should we quote for: samples (1-10 pcs), a trial order around our "
        "MOQ, or a full container?",
        "Quantity stated ({quantity_text})",
        "No quantity given",
        concepts=("quantity_units",),
    ),
    _detail(
        "has_packaging",
        "Packaging requirements mentioned.",
        "packaging",
        "Which packaging do you prefer: our standard export carton, a colour box with your "
        "logo, or neutral packaging?",
        "Packaging requirements stated",
        "No packaging requirements",
        concepts=("packaging",),
    ),
    _detail(
        "has_incoterm",
        "A price term (Incoterm: FOB, CIF, EXW, DDP, ...).",
        "price term (Incoterm)",
        "Which price term suits you: FOB Ningbo, CIF your port, or DDP to your door?",
        "Price term stated ({incoterm})",
        "No price term (Incoterm)",
    ),
    _detail(
        "has_payment_terms",
        "Payment terms (T/T, L/C, D/P, PayPal, deposit %, days of credit, ...).",
        "payment terms",
        "Which payment terms suit you: T/T 30% deposit and 70% before shipment, L/C at "
        "sight, or other?",
        "Payment terms stated ({payment_terms})",
        "No payment terms",
        concepts=("payment_terms",),
    ),
    _detail(
        "has_destination",
        "A destination port, city or country for the goods.",
        "destination",
        "Where should the goods go: a destination sea port, an airport, or a door address "
        "for express?",
        "Destination stated",
        "No destination given",
        concepts=("destination",),
    ),
    _detail(
        "has_delivery_time",
        "A delivery time or lead-time requirement.",
        "delivery time",
        "When do you need the goods: within 30 days, in 1-3 months, or for a later project?",
        "Delivery time stated",
        "No delivery time",
        concepts=("delivery",),
    ),
    # --- completeness: the contact -------------------------------------------------------
    _detail(
        "has_email",
        "An e-mail address (sender or in the signature).",
        "e-mail address",
        "Which e-mail address should we send the quotation and documents to?",
        "E-mail address given",
        "No e-mail address",
    ),
    _detail(
        "has_phone",
        "A phone number (field, signature or text).",
        "phone number",
        "Which phone number can we reach you on, and do you prefer a call, WhatsApp or WeChat?",
        "Phone number given",
        "No phone number",
    ),
    replace(
        _detail(
            "has_fax",
            "A fax number.",
            "fax number",
            "Do you have a fax number for documents, or is e-mail fine?",
            "Fax number given",
            "No fax number",
        ),
        against_when=NEVER,  # few buyers have one today: no fault
    ),
    _detail(
        "has_website",
        "A company website.",
        "company website",
        "Does your company have a website, or an online shop or marketplace page we can look at?",
        "Company website given",
        "No company website",
    ),
    _detail(
        "has_contact_person",
        "A named contact person.",
        "contact person",
        "Who should we address the quotation to: you (your full name, please) or a "
        "colleague in purchasing?",
        "Named contact person",
        "No named contact person",
    ),
    _detail(
        "has_job_title",
        "The sender's job title.",
        "job title",
        "What is your role in this purchase: buyer/purchasing, engineer/specifier, or "
        "owner/management?",
        "Job title given",
        "No job title",
    ),
    _detail(
        "has_signature_block",
        "A signature with name, title and contact details.",
        "full signature",
        "Could you send your full contact details (name, title, company address, phone) so "
        "we can register you as a customer?",
        "Full signature (name, title, contacts)",
        "No signature with name, title and contacts",
    ),
    Feature(
        "completeness_score",
        "completeness",
        "number",
        "Share of the request and contact details above that are present (0-1).",
        "Has most details a quote needs ({value})",
        "Lacks details a quote needs (has only {value})",
        for_when=(at_least(0.5),),
        against_when=(at_most(0.4),),
        shown_as=".0%",
    ),
    Feature(
        "incoterm",
        "completeness",
        "category",
        "The Incoterm named (FOB, CIF, CFR, EXW, DDP, ... first when several).",
        "Asks for {value} prices",
        "Asks for {value} prices",
    ),
    Feature(
        "payment_terms",
        "completeness",
        "detail",
        "The payment term named (T/T, L/C, PayPal, deposit, ...), else its days of credit.",
        "Payment terms: {value}",
        "Payment terms: {value}",
        concepts=("payment_terms",),
    ),
    Feature(
        "quantity_text",
        "completeness",
        "detail",
        "The largest quantity as written.",
        "Quantity: {value}",
        "Quantity: {value}",
    ),
    Feature(
        "quantity_value",
        "completeness",
        "number",
        "The largest quantity stated (k = 1,000).",
        "Sizeable quantity ({quantity_text})",
        "Small quantity ({quantity_text})",
        for_when=(at_least(100),),
        against_when=(at_most(20),),
    ),
    # --- domain ----------------------------------------------------------------------------
    Feature(
        "sender_domain",
        "domain",
        "detail",
        "The sender's registered e-mail domain.",
        "Writes from {value}",
        "Writes from {value}",
    ),
    Feature(
        "sender_domain_kind",
        "domain",
        "category",
        "corporate, free (free-mail), disposable or none.",
        "Writes from a company domain ({sender_domain})",
        "Writes from a {value} mail domain ({sender_domain})",
        for_when=(one_of("corporate"),),
        against_when=(one_of("free", "disposable"),),
        labels=(("free", "free"), ("disposable", "throw-away")),
    ),
    Feature(
        "is_free_mail",
        "domain",
        "flag",
        "The sender uses a free-mail domain.",
        "Writes from a company domain ({sender_domain})",
        "Writes from a free mail domain ({sender_domain})",  # as sender_domain_kind: said once
        for_when=(equals(0), one_of("corporate", of="sender_domain_kind")),
        against_when=(equals(1),),
    ),
    Feature(
        "is_disposable",
        "domain",
        "flag",
        "The sender uses a disposable (throw-away) domain.",
        "Not a throw-away address",
        "Writes from a disposable address ({sender_domain})",
        **BAD_FLAG,
    ),
    Feature(
        "free_mail_with_company",
        "domain",
        "flag",
        "Free-mail or disposable sender while a company name is claimed.",
        "Company and e-mail domain fit",
        "Sender writes from {sender_domain} while claiming a company",
        for_when=(
            equals(0),
            equals(1, of="has_company"),
            one_of("corporate", of="sender_domain_kind"),
        ),
        against_when=(equals(1),),
    ),
    Feature(
        "domain_matches_website",
        "domain",
        "flag",
        "The e-mail domain equals the website's domain (corporate senders).",
        "E-mail domain matches the website",
        "E-mail domain differs from the website",
    ),
    Feature(
        "domain_company_similarity",
        "domain",
        "number",
        "How well the e-mail domain spells the company name (0-1).",
        "E-mail domain {sender_domain} matches the company name",
        "E-mail domain {sender_domain} does not match the company name",
        for_when=(at_least(0.5),),
        against_when=(at_most(0.3),),
    ),
    Feature(
        "reply_to_differs",
        "domain",
        "flag",
        "Replies are redirected to another address.",
        "Replies go to the sender",
        "Replies are redirected to a different address",
        **BAD_FLAG,
    ),
    Feature(
        "tld_matches_claimed_country",
        "domain",
        "flag",
        "The country-code domain fits the claimed country.",
        "Domain country fits the claimed country",
        "Domain country differs from the claimed one",
    ),
    Feature(
        "phone_matches_claimed_country",
        "domain",
        "flag",
        "The phone number's country fits the claimed country.",
        "Phone number fits the claimed country",
        "Phone number is from another country than claimed",
    ),
    Feature(
        "display_name_matches_address",
        "domain",
        "flag",
        "A word of the display name appears in the e-mail address.",
        "Sender name fits the e-mail address",
        "Sender name does not fit the e-mail address",
    ),
    Feature(
        "links_elsewhere",
        "domain",
        "number",
        "Links to a domain other than the sender's or the company website's.",
        "No links to other sites",
        "Links to another site ({value}), a common lure",
        for_when=NO,
        against_when=SOME,
    ),
    # --- region ----------------------------------------------------------------------------
    Feature(
        "country",
        "region",
        "category",
        "The buyer's country (ISO alpha-2): claim, else the text, else phone, else domain.",
        "Buyer in {value} ({region})",
        "Buyer in {value} ({region})",
        "country",
        "Which country are you in, and which port or city should we quote to?",
        labels=COUNTRY_NAMES,
    ),
    Feature(
        "country_source",
        "region",
        "category",
        "Which source gave the country: claim, text, phone, domain or none.",
        "Country known from {value}",
        "Does not say its country (known from {value})",
        for_when=(one_of("claim", "text", "phone", "domain"),),
        # a buyer whose phone or domain shows the country need not say it: no fault
        against_when=NEVER,
        labels=(
            ("claim", "the buyer's own words"),
            ("text", "the mail's text"),
            ("phone", "the phone number"),
            ("domain", "the e-mail domain"),
        ),
    ),
    Feature(
        "region",
        "region",
        "category",
        "The buyer's sales region.",
        "Buyer region: {value}",
        "Buyer region: {value}",
    ),
    Feature(
        "country_sources_agree",
        "region",
        "flag",
        "Claim, text, phone and domain agree on the country (NaN with fewer than two).",
        "Country, text, phone and domain agree",
        "Country, text, phone and domain point to different places",
    ),
    Feature(
        "claim_matches_text",
        "region",
        "flag",
        "The claimed country is the one the text names first, e.g. in the self-introduction "
        "or the signature address (NaN if either is missing).",
        "The stated country is the one the mail itself names",
        "The stated country differs from the one named in the mail",
    ),
    Feature(
        "phone_matches_country",
        "region",
        "flag",
        "The phone number (field, fax or text) is from the buyer's country as the claim, "
        "else the text, else the domain gives it (NaN if either is missing).",
        "Phone number is from the buyer's country",
        "Phone number is from another country than the buyer's",
    ),
    # --- phrasing --------------------------------------------------------------------------
    Feature(
        "language",
        "phrasing",
        "category",
        "Detected language (ISO 639-1) or unknown.",
        "Written in {value}",
        "Written in {value}",
        labels=LANGUAGE_NAMES,
    ),
    Feature(
        "greeting",
        "phrasing",
        "category",
        "personal (Dear Mr. X, Estimado Sr. X), generic (Dear Sir/Madam, Sehr geehrte Damen "
        "und Herren), casual (hi, hola), none; unknown in a language without greeting lists.",
        "Greets a person by name",
        "Greets no one by name",
        for_when=(one_of("personal"),),
        # "Sehr geehrte Damen und Herren" is the formal greeting of a first contact: no fault;
        # "none" may be a greeting the lists lack ("Sevgili dostum"), so no claim of none
        against_when=(one_of("casual", "none"),),
        concepts=("greeting_formal",),
        languages=("en",),
    ),
    Feature(
        "mass_mail_markers",
        "phrasing",
        "number",
        "Mass-mailing phrases ('your products', 'price list', 'best price', ...).",
        "No mass-mailing phrases",
        "Reads like a mass mailing ({value} phrases such as 'your products', 'price list')",
        for_when=NO,
        against_when=SOME,
        languages=("en",),
    ),
    Feature(
        "whole_range_requests",
        "phrasing",
        "number",
        "Requests for the whole range: a catalogue, a price list, 'all your products'.",
        "Does not ask for a catalogue, a price list or all products",
        "Asks for a catalogue, a price list or all products",
        for_when=NO,
        against_when=SOME,
        languages=("en",),
    ),
    Feature(
        "scam_markers",
        "phrasing",
        "number",
        "Advance-fee and fund-transfer phrases (fees, inheritance, next of kin, ...).",
        "No advance-fee phrases",
        "Advance-fee scam phrases ({value})",
        for_when=NO,
        against_when=SOME,
        languages=("en",),
    ),
    Feature(
        "phishing_markers",
        "phrasing",
        "number",
        "Phishing phrases ('view the inquiry', 'login to view', password requests).",
        "No login or 'view inquiry' links",
        "Phishing phrases ('view inquiry', login) ({value})",
        for_when=NO,
        against_when=SOME,
        languages=("en",),
    ),
    Feature(
        "money_transfer_mentioned",
        "phrasing",
        "flag",
        "Western Union, MoneyGram, gift cards or crypto mentioned (a scam marker).",
        "No money-transfer services",
        "Mentions money-transfer services (Western Union, ...)",
        **BAD_FLAG,
    ),
    Feature(
        "risky_attachments",
        "phrasing",
        "number",
        "Attachments that can carry a payload or a lure (.html, .exe, .zip, .iso, ...).",
        "No risky attachments",
        "Risky attachments ({value}: .html/.exe/.zip, ...)",
        for_when=NO,
        against_when=SOME,
    ),
    Feature(
        "numbers_count",
        "phrasing",
        "number",
        "Numbers in the text (specificity).",
        "Specific: {value} numbers",
        "Few numbers ({value})",
        # hundreds of numbers (price lists, tables in spam) are no sign of a precise buyer
        for_when=(When(low=5, high=60),),
        against_when=(at_most(2),),
    ),
    Feature(
        "units_count",
        "phrasing",
        "number",
        "Numbers with units (40W, 4000K, 500 pcs).",
        "Specific: {value} values with units",
        "No values with units",
        for_when=SOME,
        against_when=NO,
    ),
    Feature(
        "model_numbers_count",
        "phrasing",
        "number",
        "Model-number-like codes (NB-PL6060-40W).",
        "Names model numbers ({value})",
        "No model numbers",
        for_when=SOME,
        against_when=NO,
    ),
    Feature(
        "catalogue_model_matches",
        "phrasing",
        "number",
        "Mentions of the exporter's model numbers (NaN without a catalogue).",
        "Names our model numbers ({value})",
        "Names none of our model numbers",
        for_when=SOME,
        against_when=NO,
    ),
    Feature(
        "catalogue_product_matches",
        "phrasing",
        "number",
        "Mentions of the exporter's products and categories (English; NaN without catalogue).",
        "Names our products ({value} mentions)",
        "Names none of our products",
        for_when=SOME,
        against_when=NO,
        languages=("en",),
    ),
    Feature(
        "re_depth",
        "phrasing",
        "number",
        "RE:/FW: prefixes in the subject.",
        "Continues a conversation (RE:)",
        "Long RE: RE: chain ({value})",
        for_when=(equals(1),),
        against_when=(at_least(2),),
    ),
    Feature(
        "questions_count",
        "phrasing",
        "number",
        "Question marks.",
        "Asks concrete questions ({value})",
        "Asks no questions",
        for_when=(When(low=1, high=6),),
        # an RFQ asks for a quote without a question mark: no fault when it asks for goods
        against_when=(*NO, equals(0, of="request_phrases")),
    ),
    Feature(
        "length_words",
        "phrasing",
        "number",
        "Words in subject and body.",
        "Substantial message ({value} words)",
        "Very short message ({value} words)",
        # beyond a few hundred words length says nothing a rep would call genuine
        for_when=(When(low=50, high=300),),
        against_when=(at_most(25),),
    ),
    Feature(
        "capitals_ratio",
        "phrasing",
        "number",
        "Capital letters per letter of the words (0-1); blank for a text written mostly in a "
        "script without capitals (Arabic, Chinese, ...).",
        "Normal use of capitals",
        "Shouting in capitals ({value} of letters)",
        for_when=(at_most(0.3),),
        against_when=(at_least(0.5),),
        shown_as=".0%",
    ),
    Feature(
        "links_count",
        "phrasing",
        "number",
        "Links in the text.",
        "No links",
        "Contains links ({value})",
        for_when=NO,
        # a link to the sender's own website (a signature's www) is no fault
        against_when=(*SOME, at_least(1, of="links_elsewhere")),
    ),
    # --- plan ------------------------------------------------------------------------------
    Feature(
        "states_target_price",
        "plan",
        "flag",
        "A target price or budget is stated.",
        "States a target price",
        "No target price",
        against_when=NEVER,  # one sign's absence is no fault: plan_signs says when all lack
    ),
    Feature(
        "states_annual_volume",
        "plan",
        "flag",
        "An annual or yearly volume is stated ('annual volume', 'per year').",
        "States an annual volume",
        "No annual volume",
        against_when=NEVER,  # one sign's absence is no fault: plan_signs says when all lack
    ),
    Feature(
        "states_delivery_schedule",
        "plan",
        "flag",
        "A delivery schedule: first shipment, call-offs, split or regular deliveries.",
        "Plans a delivery schedule",
        "No delivery schedule",
        against_when=NEVER,  # one sign's absence is no fault: plan_signs says when all lack
    ),
    Feature(
        "plans_sample_order",
        "plan",
        "flag",
        "A sample or trial order planned before the bulk order.",
        "Plans a sample or trial order",
        "No sample or trial order planned",
        against_when=NEVER,  # one sign's absence is no fault: plan_signs says when all lack
    ),
    Feature(
        "names_project",
        "plan",
        "flag",
        "A named project, tender or reference number.",
        "Names the project or tender",
        "No project named",
        against_when=NEVER,  # one sign's absence is no fault: plan_signs says when all lack
    ),
    Feature(
        "plan_signs",
        "plan",
        "number",
        "How many of the five signs above the inquiry shows (0-5).",
        "Says how the purchase will go ({value} of 5 signs)",
        "Names no target price, yearly volume, delivery schedule, sample order or project",
        for_when=(at_least(2),),
        against_when=(equals(0),),
    ),
    # --- intent ----------------------------------------------------------------------------
    Feature(
        "offer_phrases",
        "intent",
        "number",
        "Phrases that offer goods or services to us ('we are a manufacturer of', 'our price "
        "is', 'our MOQ', 'free samples', 'we can ship for you').",
        "Does not pitch goods or services of its own",
        "Offers its own goods or services ({value} phrases such as 'we are a manufacturer', "
        "'free samples')",
        for_when=NO,
        against_when=SOME,
        concepts=("offer",),
    ),
    Feature(
        "request_phrases",
        "intent",
        "number",
        "Phrases that ask us for goods or a quotation ('please quote', 'we need', 'kindly "
        "send your offer').",
        "Asks us for goods or a quotation ({value} phrases)",
        "Does not ask for goods or a quotation",
        for_when=SOME,
        # the phrase lists miss some ways of asking: a mail with a question may be one
        against_when=(*NO, equals(0, of="questions_count")),
        concepts=("request",),
    ),
    Feature(
        "sells_to_us",
        "intent",
        "flag",
        "The sender sells rather than buys: at least 2 offer phrases, and at least twice "
        "as many as request phrases.",
        "Writes as a buyer, not a seller",
        "An offer to sell to us, not a buyer",
        for_when=(equals(0), at_least(1, of="request_phrases")),
        against_when=(equals(1),),
        concepts=("offer", "request"),
    ),
    # --- thread ----------------------------------------------------------------------------
    Feature(
        "is_reply",
        "thread",
        "flag",
        "The In-Reply-To or References header names an earlier message; an e-mail without "
        "headers: a reply prefix (RE:, AW:, R:) with our document number or our quoted mail "
        "(a prefix alone: NaN). NaN for forms and platform exports.",
        "Replies to an earlier message",
        "Starts a new conversation",
        against_when=NEVER,  # every new buyer does: see NEVER
    ),
    Feature(
        "replies_to_our_mail",
        "thread",
        "flag",
        "In-Reply-To or References name a message we sent (`featurize.sent_messages`); an "
        "e-mail without headers: a reply that cites our document number or quotes our mail. "
        "NaN without that list, for forms and platform exports.",
        "Replies to a mail we sent",
        "Replies to a message we never sent",
        against_when=(equals(0), equals(1, of="is_reply")),
    ),
    Feature(
        "our_document_numbers",
        "thread",
        "number",
        "Our quotation, proforma or order numbers cited in subject, text or quote "
        "(`featurize.document_patterns`; NaN without patterns).",
        "Cites our document {our_document}",
        "Cites none of our quotation, PI or order numbers",
        for_when=SOME,
        against_when=NEVER,  # no history: see NEVER
    ),
    Feature(
        "our_document",
        "thread",
        "detail",
        "The first of our document numbers it cites.",
        "Our document: {value}",
        "Our document: {value}",
    ),
    Feature(
        "quotes_our_mail",
        "thread",
        "flag",
        "The quoted earlier message is ours: it holds one of our domains or document numbers, "
        "or its header names an address at another domain than the sender's (the counterpart "
        "it answers; our domain is often not configured). NaN without quoted text.",
        "Quotes our own earlier mail",
        "Quotes a mail that is not ours",
    ),
    Feature(
        "follow_up_phrases",
        "thread",
        "number",
        "Phrases that follow up an open thread ('any update', 'as agreed', 'further to our', "
        "'thank you for your quotation').",
        "Follows up an open conversation ({value} phrases)",
        "No follow-up of an earlier conversation",
        for_when=SOME,
        against_when=NEVER,  # no history: see NEVER
        concepts=("follow_up",),
    ),
    Feature(
        "our_document_phrases",
        "thread",
        "number",
        "Words for documents we send ('your quotation', 'your proforma', 'our order', 'the "
        "shipment', 'B/L').",
        "Refers to our quotation, PI, order or shipment ({value} mentions)",
        "Refers to no quotation, PI, order or shipment of ours",
        # "bitten wir um Ihr Angebot" asks for a quotation: only a mail asking for none refers
        for_when=(at_least(1), equals(0, of="request_phrases")),
        against_when=NEVER,  # no history: see NEVER
        concepts=("our_documents",),
    ),
    # --- parties ---------------------------------------------------------------------------
    Feature(
        "known_contact",
        "parties",
        "flag",
        "The sender's address or phone is in the CRM contacts export "
        "(`featurize.known_parties`; NaN without it).",
        "A known contact of ours",
        "Not a contact in our CRM",
        against_when=NEVER,  # no history: see NEVER
    ),
    Feature(
        "known_company_domain",
        "parties",
        "flag",
        "The sender's domain is a domain of a known customer (NaN without the CRM export).",
        "Writes from a known customer's domain ({sender_domain})",
        "Not a known customer's domain",
        against_when=NEVER,  # no history: see NEVER
    ),
    Feature(
        "lookalike_domain",
        "parties",
        "flag",
        "The sender's or Reply-To domain imitates a known customer's or our own domain "
        "without being it: one letter off, look-alike letters (rn for m, 0 for o, Cyrillic а), "
        "a hyphen or a short word added, another suffix (NaN without known or own domains).",
        "Its domain imitates none of our customers' or ours",
        "Domain imitates {lookalike_of}: a payment-fraud pattern",
        for_when=(equals(0), one_of("corporate", of="sender_domain_kind")),
        against_when=(equals(1),),
    ),
    Feature(
        "lookalike_of",
        "parties",
        "detail",
        "The known or own domain the sender's (or Reply-To's) domain imitates.",
        "Imitates {value}",
        "Imitates {value}",
    ),
    Feature(
        "known_name_elsewhere",
        "parties",
        "flag",
        "A known contact's name (as in their CRM address, first.last@) from an address that "
        "is not theirs: free mail or another domain (NaN without the CRM export).",
        "No known name from a stranger's address",
        "Uses a known contact's name from another address ({sender_domain})",
        **BAD_FLAG,
    ),
    Feature(
        "reply_to_other_domain",
        "parties",
        "flag",
        "The Reply-To address is at another domain than the sender's.",
        "Replies stay with the sender's domain",
        "Replies are diverted to another domain",
        **BAD_FLAG,
    ),
    # --- lures -----------------------------------------------------------------------------
    Feature(
        "bank_change_phrases",
        "lures",
        "number",
        "Phrases announcing or asking for new bank details ('our bank has changed', 'new "
        "account details', 'do not pay to the old account').",
        "No change of bank details",
        "Announces or asks for a change of bank details: verify by phone",
        for_when=NO,
        against_when=SOME,
        concepts=("bank_change",),
    ),
    Feature(
        "invoice_resend_phrases",
        "lures",
        "number",
        "Asks to resend an invoice or proforma, or for our bank details ('resend the "
        "invoice', 'with your bank details').",
        "No request to resend invoices or bank details",
        "Asks to resend an invoice or our bank details ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("invoice_resend",),
    ),
    Feature(
        "credential_phrases",
        "lures",
        "number",
        "Asks for a password or an account log-in ('open with your e-mail password', "
        "'verify your account').",
        "Asks for no password or log-in",
        "Asks for a password or an account log-in ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("credential",),
    ),
    Feature(
        "login_view_phrases",
        "lures",
        "number",
        "Log-in-to-view links and fake platform notices ('log in to view', 'unread "
        "inquiries', 'payment on hold').",
        "No log-in-to-view link or platform notice",
        "A log-in-to-view lure or fake platform notice ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("login_view",),
    ),
    Feature(
        "research_phrases",
        "lures",
        "number",
        "Words of a student's, survey's or market researcher's request ('thesis', "
        "'questionnaire', 'market research'): prices wanted for a study, not a purchase.",
        "Not a study or survey request",
        "Asks for prices for a study or survey ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("research",),
    ),
    Feature(
        "fee_demand_phrases",
        "lures",
        "number",
        "Fees to pay first, prizes and awards ('registration fee', 'you have won', "
        "'government contract'): the advance-fee story.",
        "Mentions no fee to pay first or prize",
        "Mentions fees to pay first, prizes or awards ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("fee_demand",),
    ),
    Feature(
        "registration_phrases",
        "lures",
        "number",
        "Domain-name, keyword and directory registrations ('domain name', 'directory "
        "entry', 'renewal').",
        "Says nothing of domain or directory registrations",
        "Talks of domain-name or directory registrations ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("registration",),
    ),
    Feature(
        "friendship_phrases",
        "lures",
        "number",
        "Friendship and romance words ('dear friend', 'lonely', 'know each other').",
        "No friendship or romance words",
        "Friendship or romance words ({value})",
        for_when=NO,
        against_when=SOME,
        concepts=("friendship",),
    ),
    Feature(
        "executable_attachments",
        "lures",
        "number",
        "Attachments that run code (.exe, .scr, .js, .vbs, .bat, .jar, .msi, .lnk, .hta, "
        ".iso, .img, ...).",
        "No program attached",
        "Attaches a program ({value}: .exe, .js, .iso, ...)",
        for_when=NO,
        against_when=SOME,
    ),
    Feature(
        "html_attachments",
        "lures",
        "number",
        "HTML attachments (.html, .htm, .shtml, .svg, ...): a web page, often a log-in form.",
        "No web page attached",
        "Attaches a web page ({value}: .html/.htm), a common log-in lure",
        for_when=NO,
        against_when=SOME,
    ),
    Feature(
        "double_extensions",
        "lures",
        "number",
        "Attachment names with a document extension followed by another (PO.pdf.exe, "
        "invoice.pdf.html, scan.xlsx   .js).",
        "No disguised attachment names",
        "An attachment disguised with a double extension ({value})",
        for_when=NO,
        against_when=SOME,
    ),
    # --- buyer -----------------------------------------------------------------------------
    Feature(
        "buyer_type",
        "buyer",
        "category",
        "What the buyer says it is: distributor (importer, wholesaler), retailer (shop, "
        "online store), contractor, agent (sourcing for clients) or none.",
        "Introduces itself as: {value}",
        "Introduces itself as: {value}",
    ),
    Feature(
        "asks_certificates",
        "buyer",
        "flag",
        "Asks for certificates or test reports (CE, RoHS, UL, SAA, ...).",
        "Asks for certificates ({region} market)",
        "No certificate requirements",
    ),
    Feature(
        "presses_urgency",
        "buyer",
        "flag",
        "Presses for a fast answer ('urgent', 'ASAP', 'within 24 hours').",
        "No pressure to answer at once",
        "Presses for an urgent answer",
        **BAD_FLAG,
    ),
    Feature(
        "bargains_hard",
        "buyer",
        "flag",
        "Pushes on price ('best price', 'lowest price', 'other offers').",
        "Does not open with price pressure",
        "Pushes hard on price",
        **BAD_FLAG,
    ),
    Feature(
        "prefers_chat_app",
        "buyer",
        "flag",
        "Moves the conversation to a chat app (WhatsApp, WeChat, Skype, Telegram).",
        "Keeps the conversation on e-mail",
        "Wants to move to a chat app",
        **BAD_FLAG,
    ),
    # --- message ---------------------------------------------------------------------------
    Feature(
        "channel",
        "message",
        "category",
        "How the inquiry arrived: email, web_form, platform.",
        "Came in by {value}",
        "Came in by {value}",
        labels=(("email", "e-mail"), ("web_form", "our web form"), ("platform", "a platform")),
    ),
    Feature(
        "attachments_count",
        "message",
        "number",
        "Attached files.",
        "Attached files ({value})",
        "Attached files ({value})",
        for_when=SOME,  # a fact: never against (Feature.states_a_fact)
    ),
    Feature(
        "clean_text",
        "text",
        "text",
        "Subject and body, lower-cased; e-mails, links and numbers as tokens (with"
        " `featurize.keep_link_hosts` each link token is followed by the link's host; with"
        " `featurize.strip_list_artefacts` mailing-list subject tags and list footers are"
        " removed).",
        "Wording typical of genuine inquiries",
        "Wording typical of junk",
    ),
)

BY_NAME: Final[Mapping[str, Feature]] = {f.name: f for f in FEATURES}
KINDS: Final[Mapping[str, str]] = {f.name: f.kind for f in FEATURES}
FAMILIES: Final[tuple[str, ...]] = tuple(dict.fromkeys(f.family for f in FEATURES))

#: features that state one fact between them: a reason says at most one of a group (the one
#: with the larger contribution), so "No links" never comes with "No links to other sites"
SAME_FACT: Final[Mapping[str, tuple[str, ...]]] = {
    "links": ("links_count", "links_elsewhere"),
    "quantity": ("has_quantity", "quantity_value"),
    "price term": ("has_incoterm", "incoterm"),
    "sender domain": ("sender_domain_kind", "is_free_mail", "is_disposable"),
    "signature": ("has_signature_block", "has_contact_person", "has_job_title"),
    "phone country": ("phone_matches_claimed_country", "phone_matches_country"),
    "country agreement": (
        "country_sources_agree",
        "tld_matches_claimed_country",
        "claim_matches_text",
    ),
    "specification": ("has_specification", "units_count", "numbers_count"),
    "model numbers": ("model_numbers_count", "catalogue_model_matches"),
    "risky attachments": (
        "risky_attachments",
        "executable_attachments",
        "html_attachments",
        "double_extensions",
    ),
    "log-in lure": ("phishing_markers", "login_view_phrases", "credential_phrases"),
    "seller or buyer": ("sells_to_us", "offer_phrases"),
    "reply-to": ("reply_to_differs", "reply_to_other_domain"),
    "thread": ("is_reply", "replies_to_our_mail", "re_depth"),
    "our documents": ("our_document_numbers", "our_document_phrases", "quotes_our_mail"),
    "purchase plan": (
        "plan_signs",
        "states_target_price",
        "states_annual_volume",
        "states_delivery_schedule",
        "plans_sample_order",
        "names_project",
    ),
}
#: where the buyer is and the language it writes: context for the region tip, never a reason
#: for or against by itself (a rep reads "Buyer region: Europe" or "Written in Spanish" as a
#: verdict on the region or the language, not on this inquiry)
CONTEXT_ONLY: Final = frozenset({"country", "region", "language"})
#: the fact each grouped feature states (features outside ``SAME_FACT`` state their own)
FACT_OF: Final[Mapping[str, str]] = {
    name: fact for fact, names in SAME_FACT.items() for name in names
}


def _show(value: object, shown_as: str = "") -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "unknown"
    if isinstance(value, float):
        if shown_as:
            return format(value, shown_as)
        return f"{value:g}" if value == int(value) else f"{value:.2f}"
    text = str(value)
    return text or "unknown"


#: the nouns sentences count ("4 phrases", "12 words"); after a 1 they are said in the singular
COUNT_NOUNS: Final = ("phrase", "mention", "word")
#: one of them in the plural (group 1: the noun)
PLURAL_COUNT_NOUN: Final = re.compile(rf"\b({'|'.join(COUNT_NOUNS)})s\b")
_ONE_OF: Final = re.compile(r"\b1 " + PLURAL_COUNT_NOUN.pattern)


class _RowValues(dict):
    def __missing__(self, key: str) -> str:
        return "unknown"


def describe(name: str, row_features: Mapping[str, object], direction: Direction) -> str:
    """The sentence for feature ``name`` speaking ``direction`` ("for"/"against") this row."""
    feature = BY_NAME[name]
    if direction not in ("for", "against"):
        raise ValueError(f"direction must be 'for' or 'against', got {direction!r}")
    template = feature.for_sentence if direction == "for" else feature.against_sentence
    values = _RowValues({k: _show(v) for k, v in row_features.items()})
    own = _show(row_features.get(name), feature.shown_as)
    values["value"] = dict(feature.labels).get(own, own)
    sentence = _ONE_OF.sub(r"1 \1", template.format_map(values))
    return sentence[:1].upper() + sentence[1:]


def is_missing(name: str, value: object) -> bool:
    """Whether a detail a rep should ask for is absent (flag 0, or an empty category)."""
    feature = BY_NAME[name]
    if feature.question is None:
        return False
    if feature.kind == "flag":
        return isinstance(value, int | float) and value == 0
    return value is None or _show(value) == "unknown"


def missing_mask(features: pd.DataFrame) -> tuple[list[Feature], np.ndarray]:
    """The askable features (with a question) present in ``features``, in registry order, and
    a rows x those features "is missing" mask; ``is_missing`` decides once per distinct value."""
    present = [f for f in FEATURES if f.question is not None and f.name in features]
    mask = np.zeros((len(features), len(present)), dtype=bool)
    for j, feature in enumerate(present):
        codes, uniques = pd.factorize(features[feature.name], use_na_sentinel=False)
        missing = np.array([is_missing(feature.name, u) for u in uniques], dtype=bool)
        mask[:, j] = missing[codes] if len(uniques) else False
    return present, mask


def quoted_fields(name: str, direction: Direction) -> tuple[str, ...]:
    """The other features a sentence quotes in braces."""
    feature = BY_NAME[name]
    template = feature.for_sentence if direction == "for" else feature.against_sentence
    return tuple(f for f in template_fields(template) if f != "value")


def true_of(name: str, features: pd.DataFrame, direction: Direction) -> np.ndarray:
    """Per row of ``features``: whether ``name``'s ``direction`` sentence is true of it.

    All the feature's conditions hold and every value the sentence quotes is known; a
    condition or value on a column ``features`` lacks is false.
    """
    true = np.ones(len(features), dtype=bool)
    for condition in BY_NAME[name].when(direction):
        column = condition.of or name
        true &= _holds(condition, features[column]) if column in features else False
    for field in quoted_fields(name, direction):
        true &= known_values(features[field]) if field in features else False
    return true


# Loops over the values, not pandas string methods: the same answers without pandas' fixed cost
# per call, which the ~100 calls of one inquiry's reasons would pay (~40 ms of a report).


def _holds(condition: When, column: pd.Series) -> np.ndarray:
    if condition.labels:
        labels = frozenset(condition.labels)
        return _per_value(column, lambda v: not pd.isna(v) and v in labels)
    if condition.low == -math.inf and condition.high == math.inf:
        return known_values(column)
    if column.dtype == np.float64:
        values = column.to_numpy()
    else:
        values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return (values >= condition.low) & (values <= condition.high)


def _per_value(column: pd.Series, test: Callable[[Any], bool]) -> np.ndarray:
    values = column.tolist()
    return np.fromiter(map(test, values), dtype=bool, count=len(values))


def known_values(column: pd.Series) -> np.ndarray:
    """Per value: not NaN / <NA> / an unknown label ("", "none", "unknown")."""
    if pd.api.types.is_numeric_dtype(column):
        return column.notna().to_numpy(dtype=bool)
    return _per_value(
        column, lambda v: not pd.isna(v) and str(v).strip().lower() not in UNKNOWN_LABELS
    )
