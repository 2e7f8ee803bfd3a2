"""Canonical column names shared by every stage.

One inquiry is one row. Readers map their sources onto these names; features, training and
scoring read only these names. Extra structured columns a user maps in keep their own names
and are listed in ``params.yaml`` (``ingest.extra_numeric`` / ``ingest.extra_categorical``).
"""

from __future__ import annotations

from typing import Final

# --- identity and provenance -------------------------------------------------------------
INQUIRY_ID: Final = "inquiry_id"
MESSAGE_ID: Final = "message_id"
SOURCE: Final = "source"  # the source file an inquiry was read from
SOURCE_POSITION: Final = "source_position"  # row number or message index inside that file

# --- the inquiry as received ---------------------------------------------------------------
RECEIVED_AT: Final = "received_at"
CHANNEL: Final = "channel"
SUBJECT: Final = "subject"
BODY: Final = "body"  # the new text only: quoted earlier messages and signature removed
QUOTED: Final = "quoted"  # quoted earlier messages, kept apart from the new text
SIGNATURE: Final = "signature"  # the signature block, kept apart from the new text
SENDER_NAME: Final = "sender_name"
SENDER_EMAIL: Final = "sender_email"
REPLY_TO: Final = "reply_to"
IN_REPLY_TO: Final = "in_reply_to"  # Message-IDs of In-Reply-To and References, space-separated
COMPANY: Final = "company"
JOB_TITLE: Final = "job_title"
WEBSITE: Final = "website"
PHONE: Final = "phone"
FAX: Final = "fax"
COUNTRY: Final = "country"  # as claimed by the buyer (name or ISO code, free text)
ATTACHMENTS: Final = "attachments"  # attachment file names joined by ATTACHMENT_SEP
ATTACHMENT_TYPES: Final = "attachment_types"  # their MIME types, same order

ATTACHMENT_SEP: Final = "; "

CHANNELS: Final = ("email", "web_form", "platform")
#: subject prefixes of a reply and of a forward, as mail clients write them in the buyers'
#: languages: Re:, Aw: (de), Sv: (nordic), Antw: (nl), Res: (pt), Ynt: (tr); Fwd:/Fw:, WG: (de),
#: TR: (fr), RV: (es), ENC: (pt). Regex alternatives, longest first.
REPLY_PREFIXES: Final = ("antw", "res", "ynt", "re", "aw", "sv")
FORWARD_PREFIXES: Final = ("fwd", "fw", "wg", "tr", "rv", "enc")

INQUIRY_COLUMNS: Final = (
    INQUIRY_ID,
    MESSAGE_ID,
    RECEIVED_AT,
    CHANNEL,
    SUBJECT,
    BODY,
    QUOTED,
    SIGNATURE,
    SENDER_NAME,
    SENDER_EMAIL,
    REPLY_TO,
    IN_REPLY_TO,
    COMPANY,
    JOB_TITLE,
    WEBSITE,
    PHONE,
    FAX,
    COUNTRY,
    ATTACHMENTS,
    ATTACHMENT_TYPES,
)
PROVENANCE_COLUMNS: Final = (SOURCE, SOURCE_POSITION)
TEXT_COLUMNS: Final = tuple(c for c in INQUIRY_COLUMNS if c != RECEIVED_AT)

#: what identifies an inquiry in every derived table (features, scores)
ID_COLUMNS: Final = (INQUIRY_ID, RECEIVED_AT)

# --- labels --------------------------------------------------------------------------------
IS_GENUINE: Final = "is_genuine"  # 1 a real counterpart (new buyer or customer), 0 junk
JUNK_TYPE: Final = "junk_type"  # one of JUNK_TYPES for junk, <NA> otherwise
EXISTING_CUSTOMER: Final = "existing_customer"  # 1 a genuine existing customer, 0 else, <NA>
CONVERTED: Final = "converted"  # 1 an order followed, 0 none, <NA> unknown, immature or customer
ORDER_VALUE: Final = "order_value"
CLOSED_AT: Final = "closed_at"

#: offer: sellers writing to us (suppliers, forwarders, shows, directories, SEO, lead lists);
#: price_fishing: competitors, students, market research; scam: advance fee, domain-name and
#: directory registration; payment_fraud: payment diversion posing as a customer; phishing:
#: credential lures as RFQs, POs and marketplace notices; spam: the rest.
OFFER: Final = "offer"
PRICE_FISHING: Final = "price_fishing"
SCAM: Final = "scam"
PAYMENT_FRAUD: Final = "payment_fraud"
PHISHING: Final = "phishing"
SPAM: Final = "spam"
#: in this order everywhere (the page's keys 1-6 mark them)
JUNK_TYPES: Final = (OFFER, PRICE_FISHING, SCAM, PAYMENT_FRAUD, PHISHING, SPAM)
LABEL_COLUMNS: Final = (IS_GENUINE, JUNK_TYPE, EXISTING_CUSTOMER, CONVERTED, ORDER_VALUE, CLOSED_AT)

# --- scoring output ------------------------------------------------------------------------
P_GENUINE: Final = "p_genuine"
P_CONVERT: Final = "p_convert"
TIER: Final = "tier"
ACTION: Final = "action"
REASONS: Final = "reasons"
MISSING_DETAILS: Final = "missing_details"
FOLLOW_UP_QUESTIONS: Final = "follow_up_questions"
REGION: Final = "region"
REGION_TIP: Final = "region_tip"
MODEL_VERSION: Final = "model_version"
DATA_VERSION: Final = "data_version"
PACKAGE_VERSION: Final = "package_version"

OUTPUT_COLUMNS: Final = (
    INQUIRY_ID,
    P_GENUINE,
    P_CONVERT,
    JUNK_TYPE,
    TIER,
    ACTION,
    REASONS,
    MISSING_DETAILS,
    FOLLOW_UP_QUESTIONS,
    REGION,
    REGION_TIP,
    MODEL_VERSION,
    DATA_VERSION,
    PACKAGE_VERSION,
)

# --- quarantine ----------------------------------------------------------------------------
QUARANTINE_COLUMNS: Final = (SOURCE, SOURCE_POSITION, "field", "reason", "detail")
