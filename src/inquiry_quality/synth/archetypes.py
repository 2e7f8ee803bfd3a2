"""Who writes to the exporter: latent archetypes and the traits each one shows.

An inquiry's archetype is hidden. What can be seen is a set of discrete *traits* (channel,
e-mail domain kind, greeting, how specific the request is, ...), each drawn from a
distribution that depends on the archetype and on the buyer's region. The text is rendered
from the traits alone, so the true probability that an inquiry is genuine is the exact
posterior over archetypes given its traits and region (see ``model.posterior_genuine``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Archetype:
    name: str
    genuine: bool
    junk_type: str | None  # one of schema.JUNK_TYPES for junk
    share: float  # share of all inquiries
    regions: tuple[float, ...]  # weights over geography.REGIONS
    order_base: float  # log-odds of an order for an average genuine inquiry of this kind
    seriousness: float  # mean of the latent seriousness (standard normal around it)


# Regions: Europe, N. America, Middle East, Africa, Lat. America, S. Asia, SE Asia, E. Asia,
# CIS, Oceania, China (domestic competitors, sourcing agents and suppliers).
# Shares: docs/synthetic-data.md says why. Existing customers and payment fraud come last, so
# each trait's rows read: five new buyers, six junk kinds, existing customer, payment fraud.
ARCHETYPES: tuple[Archetype, ...] = (
    Archetype("importer", True, None, 0.10, (22, 14, 12, 8, 10, 8, 8, 6, 6, 5, 1), -1.2, 0.3),
    Archetype("retailer", True, None, 0.08, (20, 22, 8, 6, 10, 8, 8, 6, 5, 6, 1), -1.5, 0.0),
    Archetype("contractor", True, None, 0.05, (14, 8, 22, 14, 8, 9, 9, 3, 6, 6, 1), -1.4, 0.2),
    Archetype(
        "small_buyer", True, None, 0.07, (12, 10, 12, 16, 12, 14, 10, 3, 6, 4, 1), -2.3, -0.3
    ),
    Archetype(
        "trading_agent", True, None, 0.03, (6, 4, 12, 10, 6, 10, 10, 10, 6, 2, 24), -2.0, -0.2
    ),
    Archetype(
        "price_fishing", False, "price_fishing", 0.10, (8, 8, 8, 8, 6, 10, 8, 4, 4, 3, 33), 0, 0
    ),
    Archetype("offer", False, "offer", 0.18, (8, 10, 4, 3, 3, 14, 8, 4, 4, 2, 40), 0, 0),
    Archetype("scam", False, "scam", 0.08, (8, 10, 6, 36, 4, 6, 6, 2, 4, 4, 14), 0, 0),
    Archetype("phishing", False, "phishing", 0.08, (10, 14, 8, 12, 6, 10, 12, 6, 10, 4, 8), 0, 0),
    Archetype("spam", False, "spam", 0.08, (10, 8, 10, 16, 8, 16, 12, 4, 8, 2, 6), 0, 0),
    Archetype("existing_customer", True, None, 0.12, (22, 14, 14, 8, 12, 8, 8, 5, 6, 3, 0.5), 0, 0),
    Archetype(
        "payment_fraud", False, "payment_fraud", 0.03, (20, 14, 14, 10, 10, 8, 8, 5, 6, 4, 1), 0, 0
    ),
)
ARCHETYPE_NAMES: tuple[str, ...] = tuple(a.name for a in ARCHETYPES)
#: the archetype of a genuine counterpart that is not a new buyer (label ``existing_customer``)
EXISTING_CUSTOMER = "existing_customer"


@dataclass(frozen=True)
class Trait:
    """A discrete, visible property of an inquiry.

    ``probs`` holds one row of level probabilities per archetype (in ARCHETYPES order).
    ``region_shift`` names a ``geography.Region`` attribute; its value is added, times
    ``shift_levels`` (one sign per level), to the level log-odds in that region.
    ``shown_if`` (trait, level) shows the trait only where that earlier trait has that level
    (blank elsewhere: an e-mail-only header, the domain kind of an unknown sender).
    """

    name: str
    levels: tuple[str, ...]
    probs: tuple[tuple[float, ...], ...]
    region_shift: str | None = None
    shift_levels: tuple[float, ...] = ()
    shown_if: tuple[str, str] | None = None


def _binary(
    name: str,
    yes: tuple[float, ...],
    region_shift: str | None = None,
    shown_if: tuple[str, str] | None = None,
) -> Trait:
    probs = tuple((1 - p, p) for p in yes)
    shift_levels = (0.0, 1.0) if region_shift else ()
    return Trait(name, ("no", "yes"), probs, region_shift, shift_levels, shown_if)


EMAIL = ("channel", "email")
PITCHES: tuple[str, ...] = (
    "none",
    "supplier_offer",
    "service_offer",
    "research",
    "scam_story",
    "registration_scam",
    "phishing_lure",
    "platform_notice",
    "bank_change",
    "romance",
)
# Rows: importer, retailer, contractor, small_buyer, trading_agent,
#       price_fishing, offer, scam, phishing, spam, existing_customer, payment_fraud.
TRAITS: tuple[Trait, ...] = (
    Trait(
        "channel",
        ("email", "web_form", "platform"),
        (
            (0.45, 0.20, 0.35),
            (0.40, 0.25, 0.35),
            (0.50, 0.25, 0.25),
            (0.30, 0.25, 0.45),
            (0.40, 0.15, 0.45),
            (0.35, 0.25, 0.40),
            (0.80, 0.15, 0.05),
            (0.65, 0.10, 0.25),
            (0.90, 0.06, 0.04),
            (0.70, 0.15, 0.15),
            (0.90, 0.04, 0.06),
            (0.96, 0.03, 0.01),
        ),
    ),
    # Who the sender is to the exporter's CRM (synth/identity.py): a stranger, a contact on
    # file, a new person at a customer's domain, a look-alike of a customer's or of our own
    # domain, or a customer contact's name at a free-mail address.
    Trait(
        "known_party",
        ("unknown", "known_contact", "known_domain", "lookalike", "own_lookalike", "known_free"),
        ((0.970, 0.005, 0.015, 0.003, 0.002, 0.005),) * 5
        + (
            (0.975, 0.005, 0.010, 0.003, 0.002, 0.005),
            (0.960, 0.005, 0.005, 0.010, 0.010, 0.010),
            (0.950, 0.005, 0.005, 0.020, 0.010, 0.010),
            (0.700, 0.020, 0.010, 0.070, 0.180, 0.020),
            (0.970, 0.005, 0.005, 0.005, 0.010, 0.005),
            (0.300, 0.520, 0.110, 0.005, 0.002, 0.063),
            (0.030, 0.070, 0.020, 0.550, 0.030, 0.300),
        ),
    ),
    Trait(
        "country_field",
        ("consistent", "blank", "mismatched"),
        (
            (0.85, 0.13, 0.02),
            (0.80, 0.18, 0.02),
            (0.80, 0.18, 0.02),
            (0.65, 0.32, 0.03),
            (0.70, 0.25, 0.05),
            (0.50, 0.30, 0.20),
            (0.40, 0.55, 0.05),
            (0.50, 0.28, 0.22),
            (0.35, 0.57, 0.08),
            (0.40, 0.50, 0.10),
            (0.75, 0.23, 0.02),
            (0.45, 0.45, 0.10),
        ),
    ),
    Trait(
        "email_domain",
        ("corporate", "free", "disposable", "mismatched"),
        (
            (0.66, 0.30, 0.01, 0.03),
            (0.52, 0.45, 0.01, 0.02),
            (0.60, 0.36, 0.01, 0.03),
            (0.25, 0.70, 0.02, 0.03),
            (0.35, 0.60, 0.02, 0.03),
            (0.22, 0.66, 0.06, 0.06),
            (0.50, 0.45, 0.02, 0.03),
            (0.12, 0.58, 0.10, 0.20),
            (0.15, 0.32, 0.15, 0.38),
            (0.15, 0.60, 0.15, 0.10),
            (0.60, 0.35, 0.01, 0.04),
            (0.20, 0.60, 0.10, 0.10),
        ),
        "detail",
        (1.0, 0.0, 0.0, 0.0),
        shown_if=("known_party", "unknown"),
    ),
    _binary(
        "company",
        (0.92, 0.85, 0.85, 0.45, 0.75, 0.55, 0.90, 0.75, 0.55, 0.35, 0.85, 0.70),
        "detail",
    ),
    _binary(
        "website",
        (0.70, 0.65, 0.55, 0.20, 0.40, 0.30, 0.85, 0.30, 0.30, 0.20, 0.45, 0.25),
        "detail",
    ),
    Trait(
        "phone",
        ("none", "consistent", "foreign"),
        (
            (0.15, 0.83, 0.02),
            (0.20, 0.78, 0.02),
            (0.15, 0.82, 0.03),
            (0.40, 0.57, 0.03),
            (0.25, 0.65, 0.10),
            (0.40, 0.38, 0.22),
            (0.25, 0.70, 0.05),
            (0.25, 0.45, 0.30),
            (0.70, 0.20, 0.10),
            (0.60, 0.30, 0.10),
            (0.30, 0.68, 0.02),
            (0.45, 0.30, 0.25),
        ),
        "detail",
        (-1.0, 0.0, 0.0),
    ),
    _binary("fax", (0.25, 0.12, 0.25, 0.05, 0.15, 0.08, 0.12, 0.20, 0.03, 0.05, 0.10, 0.03)),
    Trait(
        "signature",
        ("none", "short", "full"),
        (
            (0.10, 0.25, 0.65),
            (0.15, 0.35, 0.50),
            (0.10, 0.30, 0.60),
            (0.35, 0.45, 0.20),
            (0.20, 0.40, 0.40),
            (0.35, 0.45, 0.20),
            (0.05, 0.25, 0.70),
            (0.20, 0.35, 0.45),
            (0.50, 0.35, 0.15),
            (0.50, 0.40, 0.10),
            (0.20, 0.45, 0.35),
            (0.30, 0.45, 0.25),
        ),
        "detail",
        (-1.0, 0.0, 1.0),
    ),
    Trait(
        "greeting",
        ("personal", "formal", "casual", "none"),
        (
            (0.30, 0.50, 0.15, 0.05),
            (0.20, 0.45, 0.30, 0.05),
            (0.25, 0.50, 0.20, 0.05),
            (0.08, 0.42, 0.42, 0.08),
            (0.15, 0.45, 0.35, 0.05),
            (0.06, 0.54, 0.30, 0.10),
            (0.15, 0.35, 0.45, 0.05),
            (0.05, 0.70, 0.15, 0.10),
            (0.05, 0.45, 0.30, 0.20),
            (0.02, 0.50, 0.30, 0.18),
            (0.60, 0.15, 0.20, 0.05),
            (0.45, 0.30, 0.20, 0.05),
        ),
        "formality",
        (1.0, 0.5, -1.5, 0.0),
    ),
    Trait(
        "intro",
        ("none", "distributor", "retailer", "contractor", "agent", "generic"),
        (
            (0.25, 0.60, 0.02, 0.03, 0.02, 0.08),
            (0.25, 0.05, 0.55, 0.02, 0.03, 0.10),
            (0.25, 0.03, 0.02, 0.60, 0.02, 0.08),
            (0.55, 0.03, 0.12, 0.05, 0.02, 0.23),
            (0.25, 0.05, 0.03, 0.02, 0.55, 0.10),
            (0.45, 0.18, 0.10, 0.05, 0.07, 0.15),
            (0.90, 0.01, 0.01, 0.01, 0.01, 0.06),
            (0.40, 0.05, 0.02, 0.15, 0.20, 0.18),
            (0.80, 0.03, 0.02, 0.02, 0.03, 0.10),
            (0.60, 0.08, 0.05, 0.04, 0.08, 0.15),
            (0.92, 0.02, 0.01, 0.01, 0.01, 0.03),
            (0.85, 0.03, 0.02, 0.02, 0.02, 0.06),
        ),
    ),
    # What the message is about: a new request, or our quotation, proforma/order, samples,
    # shipment or payment in an open deal.
    Trait(
        "topic",
        ("new", "quotation", "order", "sample", "shipment", "payment"),
        (
            (0.86, 0.09, 0.01, 0.02, 0.01, 0.01),
            (0.86, 0.09, 0.01, 0.02, 0.01, 0.01),
            (0.86, 0.09, 0.01, 0.02, 0.01, 0.01),
            (0.88, 0.07, 0.01, 0.02, 0.01, 0.01),
            (0.86, 0.09, 0.01, 0.02, 0.01, 0.01),
            (0.90, 0.07, 0.005, 0.015, 0.005, 0.005),
            (0.95, 0.02, 0.01, 0.01, 0.005, 0.005),
            (0.82, 0.03, 0.06, 0.01, 0.03, 0.05),
            (0.55, 0.10, 0.15, 0.02, 0.08, 0.10),
            (0.95, 0.02, 0.01, 0.01, 0.005, 0.005),
            (0.15, 0.20, 0.20, 0.12, 0.18, 0.15),
            (0.05, 0.10, 0.15, 0.02, 0.08, 0.60),
        ),
    ),
    Trait(
        "product",
        ("vague", "category", "spec", "model", "off_catalogue"),
        (
            (0.08, 0.30, 0.35, 0.22, 0.05),
            (0.10, 0.35, 0.30, 0.20, 0.05),
            (0.06, 0.24, 0.45, 0.20, 0.05),
            (0.25, 0.40, 0.20, 0.10, 0.05),
            (0.15, 0.35, 0.25, 0.15, 0.10),
            (0.30, 0.30, 0.15, 0.20, 0.05),
            (0.35, 0.15, 0.35, 0.10, 0.05),
            (0.40, 0.40, 0.10, 0.03, 0.07),
            (0.70, 0.20, 0.05, 0.02, 0.03),
            (0.60, 0.20, 0.05, 0.02, 0.13),
            (0.40, 0.15, 0.20, 0.20, 0.05),
            (0.75, 0.15, 0.05, 0.03, 0.02),
        ),
        "detail",
        (-1.0, 0.0, 0.5, 0.5, 0.0),
    ),
    Trait(
        "quantity",
        ("none", "small", "moq", "large"),
        (
            (0.20, 0.05, 0.35, 0.40),
            (0.25, 0.15, 0.45, 0.15),
            (0.15, 0.05, 0.40, 0.40),
            (0.35, 0.40, 0.20, 0.05),
            (0.30, 0.10, 0.35, 0.25),
            (0.50, 0.15, 0.25, 0.10),
            (0.45, 0.05, 0.40, 0.10),
            (0.40, 0.05, 0.15, 0.40),
            (0.80, 0.05, 0.08, 0.07),
            (0.80, 0.05, 0.10, 0.05),
            (0.60, 0.10, 0.15, 0.15),
            (0.85, 0.05, 0.05, 0.05),
        ),
        "detail",
        (-1.0, 0.0, 0.0, 0.0),
    ),
    _binary(
        "incoterm",
        (0.55, 0.35, 0.45, 0.15, 0.45, 0.30, 0.45, 0.15, 0.05, 0.05, 0.15, 0.08),
        "detail",
    ),
    Trait(
        "payment",
        ("none", "normal", "advance_fee"),
        (
            (0.60, 0.39, 0.01),
            (0.70, 0.29, 0.01),
            (0.55, 0.44, 0.01),
            (0.85, 0.14, 0.01),
            (0.65, 0.34, 0.01),
            (0.85, 0.14, 0.01),
            (0.50, 0.49, 0.01),
            (0.35, 0.15, 0.50),
            (0.90, 0.05, 0.05),
            (0.95, 0.04, 0.01),
            (0.70, 0.29, 0.01),
            (0.75, 0.20, 0.05),
        ),
    ),
    _binary(
        "certification",
        (0.45, 0.40, 0.50, 0.15, 0.20, 0.20, 0.35, 0.05, 0.02, 0.03, 0.05, 0.02),
        "quality_focus",
    ),
    _binary(
        "delivery",
        (0.45, 0.35, 0.60, 0.15, 0.35, 0.15, 0.40, 0.35, 0.05, 0.05, 0.30, 0.05),
        "detail",
    ),
    _binary(
        "mass_markers", (0.25, 0.35, 0.15, 0.40, 0.40, 0.75, 0.10, 0.35, 0.30, 0.80, 0.03, 0.05)
    ),
    _binary(
        "bargain",
        (0.30, 0.30, 0.30, 0.40, 0.45, 0.60, 0.05, 0.40, 0.10, 0.50, 0.15, 0.05),
        "bargaining",
    ),
    _binary("urgency", (0.15, 0.12, 0.25, 0.15, 0.20, 0.15, 0.10, 0.60, 0.55, 0.25, 0.20, 0.60)),
    _binary(
        "chat_app",
        (0.10, 0.10, 0.15, 0.25, 0.30, 0.30, 0.35, 0.45, 0.05, 0.20, 0.10, 0.10),
        "chat_apps",
    ),
    _binary(
        "reply_to",
        (0.02, 0.02, 0.02, 0.03, 0.05, 0.08, 0.10, 0.35, 0.30, 0.15, 0.02, 0.55),
        shown_if=EMAIL,
    ),
    _binary("re_chain", (0.12, 0.10, 0.12, 0.08, 0.10, 0.05, 0.10, 0.10, 0.30, 0.20, 0.75, 0.55)),
    # The In-Reply-To/References headers: none, one of our sent Message-IDs, an unknown one.
    Trait(
        "in_reply_to",
        ("none", "ours", "other"),
        ((0.90, 0.08, 0.02),) * 5
        + (
            (0.95, 0.03, 0.02),
            (0.92, 0.01, 0.07),
            (0.90, 0.01, 0.09),
            (0.70, 0.02, 0.28),
            (0.85, 0.01, 0.14),
            (0.25, 0.70, 0.05),
            (0.40, 0.30, 0.30),
        ),
        shown_if=EMAIL,
    ),
    # Cites one of our document numbers (quotation, proforma invoice, contract, invoice).
    _binary("doc_ref", (0.06, 0.06, 0.06, 0.06, 0.06, 0.02, 0.01, 0.03, 0.10, 0.01, 0.70, 0.55)),
    Trait(
        "attachment",
        ("none", "document", "risky"),
        (
            (0.70, 0.29, 0.01),
            (0.80, 0.19, 0.01),
            (0.55, 0.44, 0.01),
            (0.85, 0.14, 0.01),
            (0.75, 0.24, 0.01),
            (0.85, 0.14, 0.01),
            (0.65, 0.34, 0.01),
            (0.70, 0.22, 0.08),
            (0.25, 0.10, 0.65),
            (0.85, 0.10, 0.05),
            (0.55, 0.44, 0.01),
            (0.70, 0.20, 0.10),
        ),
    ),
    Trait(
        "link",
        ("none", "view_link", "promo_link"),
        ((0.96, 0.01, 0.03),) * 6
        + (
            (0.40, 0.02, 0.58),
            (0.88, 0.05, 0.07),
            (0.25, 0.70, 0.05),
            (0.70, 0.05, 0.25),
            (0.97, 0.01, 0.02),
            (0.85, 0.10, 0.05),
        ),
    ),
    # What a non-buyer writes about: a supplier's or a service's offer, a student's or market
    # researcher's request, an advance-fee story, a domain-name or directory registration
    # scam, a fake RFQ/PO, a fake marketplace notice, a bank-detail change, friendship spam.
    Trait(
        "pitch",
        PITCHES,
        ((0.982,) + (0.002,) * 9,) * 5
        + (
            (0.675, 0.010, 0.005, 0.280, 0.005, 0.005, 0.005, 0.005, 0.005, 0.005),
            (0.030, 0.500, 0.450, 0.005, 0.005, 0.003, 0.002, 0.002, 0.001, 0.002),
            (0.060, 0.010, 0.010, 0.005, 0.550, 0.340, 0.010, 0.005, 0.005, 0.005),
            (0.060, 0.005, 0.005, 0.005, 0.010, 0.010, 0.480, 0.400, 0.020, 0.005),
            (0.500, 0.020, 0.120, 0.010, 0.040, 0.010, 0.020, 0.010, 0.005, 0.265),
            (0.985, 0.001, 0.002, 0.001, 0.001, 0.001, 0.002, 0.002, 0.003, 0.002),
            (0.100, 0.003, 0.003, 0.003, 0.005, 0.003, 0.010, 0.003, 0.865, 0.005),
        ),
    ),
    _binary(
        "html",
        (0.30, 0.30, 0.30, 0.25, 0.25, 0.25, 0.75, 0.30, 0.60, 0.55, 0.30, 0.40),
        shown_if=EMAIL,
    ),
    Trait(
        "buyer_level",
        ("Basic", "Gold", "Verified"),
        (
            (0.35, 0.35, 0.30),
            (0.40, 0.35, 0.25),
            (0.45, 0.30, 0.25),
            (0.65, 0.25, 0.10),
            (0.45, 0.35, 0.20),
            (0.70, 0.22, 0.08),
            (0.85, 0.10, 0.05),
            (0.85, 0.12, 0.03),
            (0.90, 0.07, 0.03),
            (0.85, 0.12, 0.03),
            (0.40, 0.35, 0.25),
            (0.85, 0.10, 0.05),
        ),
        shown_if=("channel", "platform"),
    ),
    Trait(
        "typos",
        ("none", "some", "many"),
        (
            (0.70, 0.27, 0.03),
            (0.65, 0.30, 0.05),
            (0.65, 0.30, 0.05),
            (0.45, 0.40, 0.15),
            (0.50, 0.40, 0.10),
            (0.50, 0.38, 0.12),
            (0.60, 0.32, 0.08),
            (0.25, 0.45, 0.30),
            (0.40, 0.40, 0.20),
            (0.30, 0.45, 0.25),
            (0.60, 0.35, 0.05),
            (0.35, 0.45, 0.20),
        ),
        "detail",
        (1.0, 0.0, -1.0),
    ),
)
#: pitches whose writer sells to us: trade details are stated, not asked for
SELLING_PITCHES: tuple[str, ...] = ("supplier_offer", "service_offer")
# Cues of the hidden seriousness, each stated or not ("yes"/"no"): a serious buyer more often
# names a target price, an annual volume, a delivery schedule, a sample-then-trial plan or the
# project (model.SERIOUSNESS_CUES gives how often).
CUE_NAMES: tuple[str, ...] = (
    "target_price",
    "annual_volume",
    "schedule",
    "sample_plan",
    "project_name",
)
# Everything the composer may see: the traits and the seriousness cues.
TRAIT_NAMES: tuple[str, ...] = tuple(t.name for t in TRAITS) + CUE_NAMES
