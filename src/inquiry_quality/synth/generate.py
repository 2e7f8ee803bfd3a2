"""Generate the embedded default data set and write it in the raw forms a sales team has.

Layout under the output folder (the contract that ``ingest`` reads; see
docs/synthetic-data.md):

    catalogue.csv                crm_contacts.csv      sent_messages.csv
    history/platform_export.csv  history/mailbox.mbox  history/crm_outcomes.csv
    new/platform_export.csv      new/mailbox.mbox
    new_outcomes.csv             ground_truth.csv      README.md
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from inquiry_quality.core.config import GenerateParams
from inquiry_quality.synth.accounts import Account, contacts_export
from inquiry_quality.synth.archetypes import (
    ARCHETYPES,
    EXISTING_CUSTOMER,
    TRAIT_NAMES,
)
from inquiry_quality.synth.catalogue import EXPORTER, EXPORTER_DOMAIN, SALES_REPS, build_catalogue
from inquiry_quality.synth.compose import Composer, InquiryText
from inquiry_quality.synth.geography import REGION_NAMES, REGIONS, country_timezone
from inquiry_quality.synth.identity import FakerPool, Identity, build_accounts, make_identity
from inquiry_quality.synth.mail import build_message, write_mbox
from inquiry_quality.synth.model import (
    EXISTING,
    GENUINE,
    order_probability,
    posterior,
    sample_latent,
)
from inquiry_quality.synth.outcomes import crm_record, received_times, true_outcomes
from inquiry_quality.synth.threads import ThreadHeaders, sent_messages, thread_headers

logger = logging.getLogger(__name__)

EXPORTER_TZ = ZoneInfo("Asia/Shanghai")
PLATFORM_COLUMNS = (
    "Inquiry No.",
    "Date Received",
    "Source",
    "Subject",
    "Message",
    "Contact Name",
    "Email",
    "Company Name",
    "Website",
    "Telephone",
    "Fax",
    "Country/Region",
    "Attachments",
    "Buyer Level",
    "Years On Platform",
)
GROUND_TRUTH_COLUMNS = (
    "ref",
    "dataset",
    "archetype",
    "junk_type",
    "existing_customer",
    "region",
    "country",
    "language",
    "p_genuine",
    "p_existing",
    "p_order",
    "p_convert",
)
SOURCES = {"platform": "Platform RFQ", "web_form": "Website Form"}
YEARS_ON_PLATFORM = {"Basic": (0, 4), "Gold": (1, 9), "Verified": (2, 13)}
BLANKED_SHARE = 0.03  # platform fields left empty at random, whoever the buyer is
RNG_STREAMS = (
    "catalogue", "latent", "time", "identity", "text", "format", "outcome", "crm", "accounts",
    "thread",
)  # fmt: skip
EXISTING_REGIONS = next(a.regions for a in ARCHETYPES if a.name == EXISTING_CUSTOMER)


@dataclass
class Batch:
    """One simulated set of inquiries (the history or the new batch), in received order."""

    latent: pd.DataFrame
    rows: list[dict[str, Any]]  # ``latent`` as records, made once: to_dict is slow
    received: list[datetime]
    identities: list[Identity]
    texts: list[InquiryText]
    refs: list[str]
    threads: list[ThreadHeaders]
    sent: list[dict[str, str]]  # our own sent messages in these inquiries' threads

    def inquiries(
        self, *, email: bool
    ) -> Iterator[tuple[dict[str, Any], datetime, Identity, InquiryText, str, ThreadHeaders]]:
        """(latent row, received, identity, text, ref, thread) of the e-mails, or the others."""
        rows = zip(
            self.rows,
            self.received,
            self.identities,
            self.texts,
            self.refs,
            self.threads,
            strict=True,
        )
        return (item for item in rows if (item[0]["channel"] == "email") == email)


def _streams(seed: int) -> dict[str, np.random.Generator]:
    """Independent generators per step, so changing the wording does not move the labels."""
    children = np.random.SeedSequence(seed).spawn(len(RNG_STREAMS))
    return {name: np.random.default_rng(s) for name, s in zip(RNG_STREAMS, children, strict=True)}


def simulate(
    n: int,
    start: datetime,
    end: datetime,
    catalogue: list[dict],
    params: GenerateParams,
    rngs: dict[str, np.random.Generator],
    fakers: FakerPool,
    accounts: dict[str, list[Account]],
) -> Batch:
    """Draw ``n`` inquiries received between ``start`` and ``end`` and write their texts."""
    latent = sample_latent(n, rngs["latent"], params.non_english_share)
    received = received_times(latent["country"], start, end, rngs["time"])
    order = np.argsort([t.timestamp() for t in received], kind="stable")
    latent = latent.iloc[order].reset_index(drop=True)
    received = [received[i] for i in order]
    probs = posterior(latent)
    latent["p_genuine"] = probs[:, GENUINE].sum(axis=1)
    latent["p_existing"] = probs[:, EXISTING].sum(axis=1)
    latent["p_order"] = order_probability(latent)
    latent["p_convert"] = latent["p_genuine"] * latent["p_order"]
    regions = dict(zip(REGION_NAMES, REGIONS, strict=True))
    identities, texts = [], []
    rows = latent.to_dict("records")
    for row, when in zip(rows, received, strict=True):
        traits = {name: row[name] for name in TRAIT_NAMES}  # what shows, not the archetype
        who = make_identity(row["country"], traits, rngs["identity"], fakers, accounts)
        composer = Composer(
            traits, who, row["country"], row["language"], regions[row["region"]], catalogue,
            when, rngs["text"],
        )  # fmt: skip
        identities.append(who)
        texts.append(composer.compose())
    threads, sent = thread_headers(rows, texts, identities, received, rngs["thread"])
    return Batch(latent, rows, received, identities, texts, [], threads, sent)


def assign_refs(batch: Batch, first_number: int, rng: np.random.Generator) -> int:
    """Message-IDs for e-mails, ``RFQ-<year>-<number>`` for exports; returns the next number."""
    number = first_number
    for channel, when, who in zip(
        batch.latent["channel"], batch.received, batch.identities, strict=True
    ):
        if channel == "email":
            token = f"{when:%Y%m%d%H%M%S}.{rng.integers(16**8):08x}"
            batch.refs.append(f"<{token}@{who.email.split('@')[1]}>")
        else:
            batch.refs.append(f"RFQ-{when.astimezone(EXPORTER_TZ):%Y}-{number:06d}")
            number += 1
    return number


def platform_export(batch: Batch, rng: np.random.Generator) -> pd.DataFrame:
    """Platform and web-form inquiries as the platform's CSV export shows them."""
    rows = []
    for row, when, who, text, ref, _ in batch.inquiries(email=False):
        level = row["buyer_level"]
        years = "" if not level else str(rng.integers(*YEARS_ON_PLATFORM[level]))
        blank = rng.random(4) < BLANKED_SHARE
        rows.append(
            {
                "Inquiry No.": ref,
                "Date Received": f"{when.astimezone(EXPORTER_TZ):%Y-%m-%d %H:%M}",
                "Source": SOURCES[row["channel"]],
                "Subject": text.subject,
                "Message": "\n\n".join(p for p in (text.body, text.signature) if p),
                "Contact Name": "" if blank[0] else who.display_name,
                "Email": who.email,
                "Company Name": "" if blank[1] else who.company,
                "Website": "" if blank[2] else who.website,
                "Telephone": "" if blank[3] else who.phone,
                "Fax": who.fax,
                "Country/Region": who.country_typed,
                "Attachments": "; ".join(text.attachments),
                "Buyer Level": level,
                "Years On Platform": years,
            }
        )
    return pd.DataFrame(rows, columns=list(PLATFORM_COLUMNS))


def mailbox_messages(
    batch: Batch, rng: np.random.Generator
) -> Iterator[tuple[EmailMessage, str, datetime]]:
    """The e-mail inquiries as (message, envelope sender, received time)."""
    rep_addresses = [
        f"{first.lower()}.{last.lower()}@{EXPORTER_DOMAIN}" for _, first, last in SALES_REPS
    ]
    inboxes = (f"sales@{EXPORTER_DOMAIN}", f"info@{EXPORTER_DOMAIN}", *rep_addresses)
    for row, when, who, text, ref, thread in batch.inquiries(email=True):
        undisclosed = row["mass_markers"] == "yes" and rng.random() < 0.5
        layout = (
            ("alternative" if rng.random() < 0.6 else "html") if row["html"] == "yes" else "plain"
        )
        legacy = rng.choice(["iso-8859-1", "windows-1252"]) if rng.random() < 0.15 else None
        message = build_message(
            text,
            message_id=ref,
            sender=(who.display_name, who.email),
            to="undisclosed-recipients:;"
            if undisclosed
            else inboxes[int(rng.integers(len(inboxes)))],
            reply_to=who.reply_to,
            in_reply_to=thread.in_reply_to,
            references=thread.references,
            sent_at=when.astimezone(country_timezone(row["country"])),
            layout=layout,
            legacy_charset=None if legacy is None else str(legacy),
        )
        yield message, who.email, when


def ground_truth(batch: Batch, dataset: str) -> pd.DataFrame:
    frame = batch.latent[
        ["archetype", "region", "country", "language", "p_genuine", "p_existing", "p_order"]
    ].copy()
    frame["p_convert"] = batch.latent["p_convert"]
    frame["junk_type"] = frame["archetype"].map({a.name: a.junk_type or "" for a in ARCHETYPES})
    frame["existing_customer"] = (frame["archetype"] == EXISTING_CUSTOMER).astype(int)
    frame.insert(0, "ref", batch.refs)
    frame.insert(1, "dataset", dataset)
    return frame[list(GROUND_TRUTH_COLUMNS)]


def _csv(frame: pd.DataFrame, path: Path, *, excel: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(
        path,
        index=False,
        encoding="utf-8-sig" if excel else "utf-8",
        lineterminator="\r\n" if excel else "\n",
        float_format="%.6f",
    )


def generate(params: GenerateParams, out_dir: Path) -> dict[str, int]:
    """Write the whole data set under ``out_dir``; return the number of rows of each file."""
    rngs = _streams(params.seed)
    fakers = FakerPool(params.seed)
    catalogue = build_catalogue(rngs["catalogue"])
    items = catalogue.to_dict("records")
    accounts = build_accounts(EXISTING_REGIONS, rngs["accounts"], fakers)
    start = datetime.fromisoformat(params.start_date).replace(tzinfo=EXPORTER_TZ)
    cutoff = (pd.Timestamp(start) + pd.DateOffset(months=params.months)).to_pydatetime()
    new_end = (pd.Timestamp(cutoff) + pd.DateOffset(months=1)).to_pydatetime()
    history = simulate(params.n_inquiries, start, cutoff, items, params, rngs, fakers, accounts)
    new = simulate(params.n_new, cutoff, new_end, items, params, rngs, fakers, accounts)
    next_number = assign_refs(history, 1, rngs["format"])
    assign_refs(new, next_number, rngs["format"])

    counts: dict[str, int] = {}
    _csv(catalogue, out_dir / "catalogue.csv")
    counts["catalogue.csv"] = len(catalogue)
    contacts = contacts_export(accounts, rngs["accounts"])
    _csv(contacts, out_dir / "crm_contacts.csv")
    counts["crm_contacts.csv"] = len(contacts)
    sent = sent_messages(history.sent + new.sent)
    _csv(sent, out_dir / "sent_messages.csv")
    counts["sent_messages.csv"] = len(sent)
    outcomes = {}
    for name, batch, until in (("history", history, cutoff), ("new", new, None)):
        export = platform_export(batch, rngs["format"])
        _csv(export, out_dir / name / "platform_export.csv", excel=True)
        counts[f"{name}/platform_export.csv"] = len(export)
        counts[f"{name}/mailbox.mbox"] = write_mbox(
            mailbox_messages(batch, rngs["format"]), out_dir / name / "mailbox.mbox"
        )
        truth = true_outcomes(batch.latent, rngs["outcome"])
        outcomes[name] = crm_record(
            pd.Series(batch.refs), batch.received, batch.latent, truth,
            params.label_noise, until.astimezone(UTC) if until else None, rngs["crm"],
        )  # fmt: skip
    _csv(outcomes["history"], out_dir / "history" / "crm_outcomes.csv")
    _csv(outcomes["new"], out_dir / "new_outcomes.csv")
    truth_table = pd.concat([ground_truth(history, "history"), ground_truth(new, "new")])
    _csv(truth_table, out_dir / "ground_truth.csv")
    counts["history/crm_outcomes.csv"] = len(outcomes["history"])
    counts["new_outcomes.csv"] = len(outcomes["new"])
    counts["ground_truth.csv"] = len(truth_table)
    (out_dir / "README.md").write_text(readme(params, counts), encoding="utf-8")
    logger.info("generated %s", counts)
    return counts


def readme(params: GenerateParams, counts: dict[str, int]) -> str:
    lines = [
        f"# Generated inquiry history of {EXPORTER}",
        "",
        f"Written by `inquiry_quality.synth` with seed {params.seed}: {params.n_inquiries} "
        f"history inquiries over {params.months} months from {params.start_date}, then "
        f"{params.n_new} new ones. The model behind it: docs/synthetic-data.md.",
        "",
        "| file | rows | what |",
        "| --- | --- | --- |",
    ]
    what = {
        "catalogue.csv": "the exporter's products: model, specs, MOQ, FOB price",
        "crm_contacts.csv": "the CRM's customer accounts: company, domains, e-mails, phone",
        "sent_messages.csv": "our Sent folder: Message-ID, date, recipient, subject",
        "history/platform_export.csv": "platform RFQs and website-form inquiries (UTF-8 BOM, CRLF)",
        "history/mailbox.mbox": "the e-mail inquiries, one RFC 822 message each",
        "history/crm_outcomes.csv": "lead status and deal outcome by Inquiry No. or Message-ID",
        "new/platform_export.csv": "the new, unlabelled batch to score (same format)",
        "new/mailbox.mbox": "the new batch's e-mails",
        "new_outcomes.csv": "what became of the new batch: for evaluation only",
        "ground_truth.csv": "true probabilities and archetypes: for evaluation only",
    }
    lines += [f"| `{name}` | {counts[name]} | {what[name]} |" for name in what]
    return "\n".join(lines) + "\n"
