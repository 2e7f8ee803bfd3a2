"""The hand-written inbox (tests/data/handwritten_inquiries.yaml): checks on the file itself,
and a report of how the default model judges it.

The set was written by hand, as a Ningbo LED exporter's sales inbox receives mail, before anyone
looked at a model's scores on it (issue 16). Never edit a row to make a model pass. The slow test
logs the report (ROC AUC, share misjudged, junk-type accuracy, per archetype and language) of
the default model with the set's CRM export (``handwritten_contacts.csv`` as
``score.known_parties``, as the exporter's reps would score their inbox) and fails when it falls
below the floors (``FLOORS``: a little below what it reached,
so that noise does not flake and a regression fails):
``pytest tests/scoring/test_handwritten.py -m slow -o log_cli=true --log-cli-level=INFO``.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import pandas as pd
import pytest
import yaml
from sklearn.metrics import roc_auc_score

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, load_params
from inquiry_quality.ingest.frames import column_dtypes
from inquiry_quality.ingest.validate import conform
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.loading import load_model_dir

logger = logging.getLogger(__name__)

REPO: Final = Path(__file__).resolve().parents[2]
DATA: Final = REPO / "tests" / "data"
INQUIRIES: Final = DATA / "handwritten_inquiries.yaml"
CONTACTS: Final = DATA / "handwritten_contacts.csv"
DEFAULT_MODEL: Final = REPO / "models" / "inquiry-quality"  # what `make run` exports

#: issue 16's labels; become schema.JUNK_TYPES / schema.EXISTING_CUSTOMER when those land
JUNK_TYPES: Final = ("offer", "price_fishing", "scam", "payment_fraud", "phishing", "spam")
EXISTING_CUSTOMER: Final = "existing_customer"
#: a model trained before issue 16 calls sellers' offers by their old name
OLD_TYPE_NAMES: Final = {"advertising": "offer"}

#: every archetype the set must cover; a junk archetype starts with its junk type, a new
#: buyer's with "new_"
ARCHETYPES: Final = (
    "new_importer",
    "new_distributor",
    "new_retailer",
    "new_contractor",
    "new_small_buyer",
    "new_agent",
    EXISTING_CUSTOMER,
    "offer_supplier",
    "offer_forwarder",
    "offer_trade_show",
    "offer_directory",
    "offer_marketing",
    "offer_buyer_database",
    "price_fishing_competitor",
    "price_fishing_student",
    "price_fishing_research",
    "scam_advance_fee",
    "scam_domain",
    "scam_directory_invoice",
    "scam_lottery",
    "payment_fraud",
    "phishing_marketplace",
    "phishing_fake_po",
    "phishing_login_link",
    "spam_plain",
    "spam_romance",
)
LANGUAGES_TWICE: Final = ("es", "pt", "fr", "de", "it", "ru", "tr", "ar")  # >= 2 rows each
MIN_NOT_ENGLISH: Final = 20

#: the default model's accuracy on the set, each a little worse than measured when it was set
#: (docs/handwritten-set.md: the history of these numbers; issue 16's targets are 0.97, 1/30, 0.8)
FLOORS: Final = {"roc_auc_genuine": 0.99, "junk_type_accuracy": 0.82}
MAX_MISJUDGED_SHARE: Final = 1 / 30

#: the second block of rows (HW-101 on), written before its model scored them; reported apart
SECOND_BLOCK_FROM: Final = 101

DESCRIPTION: Final = ("archetype", "language", "note")
LABELS: Final = (schema.IS_GENUINE, schema.JUNK_TYPE, EXISTING_CUSTOMER)
REQUIRED: Final = (
    schema.INQUIRY_ID,
    schema.RECEIVED_AT,
    schema.CHANNEL,
    schema.SUBJECT,
    schema.BODY,
    schema.SENDER_EMAIL,
    schema.IS_GENUINE,
    EXISTING_CUSTOMER,
    *DESCRIPTION,
)
#: what only a mail header or a mail reader gives; a web form or a platform export has none
EMAIL_ONLY: Final = (
    schema.MESSAGE_ID,
    schema.QUOTED,
    schema.SIGNATURE,
    schema.REPLY_TO,
    schema.ATTACHMENT_TYPES,
)
ADDRESS: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
LANGUAGE_CODE: Final = re.compile(r"^[a-z]{2}$")


def _ingest_params() -> IngestParams:
    return load_params(REPO / "params.yaml").ingest


def _platform_fields(ingest: IngestParams) -> tuple[str, ...]:
    return (*ingest.extra_numeric, *ingest.extra_categorical)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    loaded = yaml.safe_load(INQUIRIES.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{INQUIRIES.name}: expected a list of inquiries"
    return loaded


@pytest.fixture(scope="module")
def contacts() -> dict[str, set[str]]:
    """The CRM export's known e-mail addresses and domains (lower case)."""
    emails: set[str] = set()
    domains: set[str] = set()
    with CONTACTS.open(encoding="utf-8", newline="") as handle:
        for line, record in enumerate(csv.DictReader(handle), start=2):
            for field in ("company", "domains", "emails", "phone"):
                assert record.get(field), f"{CONTACTS.name} line {line}: {field} is empty"
            emails |= {e.strip().lower() for e in record["emails"].split(";")}
            domains |= {d.strip().lower() for d in record["domains"].split(";")}
    return {"emails": emails, "domains": domains}


def _where(row: dict[str, Any], field: str) -> str:
    return f"{INQUIRIES.name} {row.get(schema.INQUIRY_ID, '?')} {field}"


def _present(row: dict[str, Any], field: str) -> bool:
    value = row.get(field)
    return value is not None and str(value).strip() != ""


def row_problems(row: dict[str, Any], platform_fields: Sequence[str]) -> list[str]:
    """What is wrong with one row, each naming file, inquiry and field."""
    allowed = {*schema.INQUIRY_COLUMNS, *platform_fields, *LABELS, *DESCRIPTION}
    found = [f"{_where(row, k)}: unknown field" for k in row if k not in allowed]
    found += [f"{_where(row, k)}: required, missing" for k in REQUIRED if not _present(row, k)]
    found += [f"{_where(row, k)}: label missing (null if none)" for k in LABELS if k not in row]
    channel = row.get(schema.CHANNEL)
    if channel not in schema.CHANNELS:
        found.append(f"{_where(row, schema.CHANNEL)}: {channel!r} not one of {schema.CHANNELS}")
    if channel != "email":
        found += [f"{_where(row, k)}: not given by a {channel}" for k in EMAIL_ONLY if k in row]
    if channel != "platform":
        found += [
            f"{_where(row, k)}: only a platform export has it" for k in platform_fields if k in row
        ]
    if channel == "email" and schema.COUNTRY in row:
        found.append(f"{_where(row, schema.COUNTRY)}: a mail reader gives no country")
    for field in (schema.SENDER_EMAIL, schema.REPLY_TO):
        if _present(row, field) and not ADDRESS.match(str(row[field])):
            found.append(f"{_where(row, field)}: {row[field]!r} is not an e-mail address")
    names, types = row.get(schema.ATTACHMENTS), row.get(schema.ATTACHMENT_TYPES)
    if types and (not names or len(names.split(";")) != len(types.split(";"))):
        found.append(f"{_where(row, schema.ATTACHMENT_TYPES)}: one type per attachment")
    if pd.isna(pd.to_datetime(str(row.get(schema.RECEIVED_AT)), utc=True, errors="coerce")):
        found.append(f"{_where(row, schema.RECEIVED_AT)}: not a date")
    if not LANGUAGE_CODE.match(str(row.get("language"))):
        found.append(f"{_where(row, 'language')}: not an ISO 639-1 code")
    return found + label_problems(row)


def label_problems(row: dict[str, Any]) -> list[str]:
    """Labels that contradict each other or the row's archetype."""
    genuine, kind = row.get(schema.IS_GENUINE), row.get(schema.JUNK_TYPE)
    existing, archetype = row.get(EXISTING_CUSTOMER), str(row.get("archetype"))
    found = []
    if genuine not in (0, 1) or existing not in (0, 1):
        found.append(f"{_where(row, schema.IS_GENUINE)}: is_genuine, existing_customer are 0 or 1")
    if archetype not in ARCHETYPES:
        found.append(f"{_where(row, 'archetype')}: {archetype!r} not one of ARCHETYPES")
    if genuine == 1:
        expected = EXISTING_CUSTOMER if existing == 1 else "new_"
        if kind is not None or not archetype.startswith(expected):
            found.append(
                f"{_where(row, schema.JUNK_TYPE)}: genuine needs no junk type and an archetype "
                f"starting {expected!r}; got {kind!r}, {archetype!r}"
            )
    elif kind not in JUNK_TYPES or existing != 0 or not archetype.startswith(str(kind)):
        found.append(f"{_where(row, schema.JUNK_TYPE)}: {kind!r} does not fit junk {archetype}")
    return found


def test_every_row_has_its_fields_and_consistent_labels(rows: list[dict[str, Any]]) -> None:
    platform_fields = _platform_fields(_ingest_params())
    problems = [p for row in rows for p in row_problems(row, platform_fields)]
    assert not problems, "\n".join(problems)


def test_ids_are_unique(rows: list[dict[str, Any]]) -> None:
    counts = Counter(row[schema.INQUIRY_ID] for row in rows)
    assert not [i for i, n in counts.items() if n > 1]


def test_the_set_covers_every_archetype_label_and_language(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 60
    assert set(ARCHETYPES) <= {row["archetype"] for row in rows}
    assert {row[schema.JUNK_TYPE] for row in rows} >= set(JUNK_TYPES)
    assert sum(row[EXISTING_CUSTOMER] == 1 for row in rows) >= 10
    assert {row[schema.CHANNEL] for row in rows} == set(schema.CHANNELS)
    languages = Counter(row["language"] for row in rows)
    assert sum(n for code, n in languages.items() if code != "en") >= MIN_NOT_ENGLISH
    assert all(languages[code] >= 2 for code in LANGUAGES_TWICE), languages


def _address_known(address: object, known: dict[str, set[str]]) -> bool:
    text = str(address or "").lower()
    return text in known["emails"] or text.rpartition("@")[2] in known["domains"]


def test_existing_customers_write_from_the_addresses_on_file(
    rows: list[dict[str, Any]], contacts: dict[str, set[str]]
) -> None:
    strangers = [
        row[schema.INQUIRY_ID]
        for row in rows
        if row[EXISTING_CUSTOMER] == 1 and not _address_known(row[schema.SENDER_EMAIL], contacts)
    ]
    assert not strangers, f"existing customers not in {CONTACTS.name}: {strangers}"


def test_payment_fraud_answers_somewhere_off_file(
    rows: list[dict[str, Any]], contacts: dict[str, set[str]]
) -> None:
    """A diversion is only a diversion if the sender or the Reply-To is not the customer's."""
    on_file = [
        row[schema.INQUIRY_ID]
        for row in rows
        if row[schema.JUNK_TYPE] == "payment_fraud"
        and _address_known(row[schema.SENDER_EMAIL], contacts)
        and (not row.get(schema.REPLY_TO) or _address_known(row[schema.REPLY_TO], contacts))
    ]
    assert not on_file, f"payment fraud that answers to an address on file: {on_file}"


def inquiry_frame(rows: list[dict[str, Any]], ingest: IngestParams) -> pd.DataFrame:
    """The rows as the canonical inquiry table the scorer reads (labels dropped)."""
    keep = [*schema.INQUIRY_COLUMNS, *_platform_fields(ingest)]
    frame = pd.DataFrame([{k: v for k, v in row.items() if k in keep} for row in rows])
    frame[schema.RECEIVED_AT] = pd.to_datetime(frame[schema.RECEIVED_AT].astype(str), utc=True)
    for column in frame.columns.difference([schema.RECEIVED_AT, *ingest.extra_numeric]):
        frame[column] = frame[column].astype("string")
    extra = (ingest.extra_numeric, ingest.extra_categorical)
    absent = {c: pd.Series(index=frame.index, dtype=d) for c, d in column_dtypes(*extra).items()}
    return conform(frame.assign(**{c: s for c, s in absent.items() if c not in frame}), *extra)


def _share(flags: pd.Series) -> float | None:
    return round(float(flags.mean()), 4) if len(flags) else None


def block_of(inquiry_id: str) -> str:
    """ "first" or "second" (``SECOND_BLOCK_FROM`` on): the set's blocks, written apart."""
    return "second" if int(inquiry_id.rpartition("-")[2]) >= SECOND_BLOCK_FROM else "first"


def _accuracy(frame: pd.DataFrame) -> dict[str, Any]:
    """ROC AUC genuine-vs-not, share misjudged and junk-type accuracy of ``frame``'s rows."""
    junk = frame[frame[schema.IS_GENUINE] == 0]
    both = frame[schema.IS_GENUINE].nunique() == 2
    return {
        "n": len(frame),
        "roc_auc_genuine": (
            round(float(roc_auc_score(frame[schema.IS_GENUINE], frame.p_genuine)), 4)
            if both
            else None
        ),
        "misjudged_share": _share(frame["misjudged"]),
        "junk_type_accuracy": _share(junk["type_right"].astype(bool)),
    }


def handwritten_report(
    truth: pd.DataFrame, scored: pd.DataFrame, predicted_type: pd.Series, threshold: float
) -> dict[str, Any]:
    """Genuine-vs-not and junk-type accuracy overall, per archetype and per language.

    ``truth`` holds the labels and descriptions, ``scored`` the scorer's output, and
    ``predicted_type`` the junk-type head's most likely type for every row (same index).
    """
    frame = truth.assign(
        p_genuine=scored[schema.P_GENUINE].astype(float),
        tier=scored[schema.TIER],
        predicted_type=predicted_type.astype("string").replace(OLD_TYPE_NAMES),
    )
    frame["misjudged"] = (frame["p_genuine"] >= threshold) != (frame[schema.IS_GENUINE] == 1)
    junk = frame[frame[schema.IS_GENUINE] == 0]
    frame["type_right"] = (frame["predicted_type"] == frame[schema.JUNK_TYPE]).where(
        frame[schema.IS_GENUINE] == 0
    )

    def breakdown(by: str) -> dict[str, Any]:
        return {
            str(key): {
                "n": len(group),
                "mean_p_genuine": round(float(group["p_genuine"].mean()), 4),
                "misjudged": int(group["misjudged"].sum()),
                "junk_type_right": (
                    int(group["type_right"].sum()) if group["type_right"].notna().any() else None
                ),
                "tiers": dict(Counter(group["tier"].astype(str))),
            }
            for key, group in frame.groupby(by, sort=True)
        }

    wrong = frame[frame["misjudged"] | frame["type_right"].eq(False)]
    blocks = frame[schema.INQUIRY_ID].astype(str).map(block_of)
    return {
        **_accuracy(frame),
        "n_genuine": int((frame[schema.IS_GENUINE] == 1).sum()),
        "n_existing_customer": int((frame[EXISTING_CUSTOMER] == 1).sum()),
        "n_junk": len(junk),
        "genuine_threshold": threshold,
        "by_block": {str(b): _accuracy(group) for b, group in frame.groupby(blocks, sort=True)},
        "junk_type_confusion": {
            str(k): dict(Counter(g.astype(str)))
            for k, g in junk.groupby(schema.JUNK_TYPE)["predicted_type"]
        },
        "by_archetype": breakdown("archetype"),
        "by_language": breakdown("language"),
        "wrong": [
            {
                "inquiry_id": r[schema.INQUIRY_ID],
                "archetype": r["archetype"],
                "language": r["language"],
                "p_genuine": round(r["p_genuine"], 4),
                "predicted_type": str(r["predicted_type"]),
                "tier": r["tier"],
            }
            for _, r in wrong.iterrows()
        ],
    }


@pytest.mark.slow
def test_the_default_model_scores_the_set(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    if not DEFAULT_MODEL.is_dir():
        pytest.skip(f"no default model at {DEFAULT_MODEL}: `make run` trains and exports it")
    params = load_params(REPO / "params.yaml")
    # with the CRM of the exporter whose inbox this is, as its reps score it (--contacts)
    today = params.score.model_copy(update={"known_parties": str(CONTACTS)})
    scorer = Scorer(load_model_dir(DEFAULT_MODEL), today)
    details = scorer.score_details(inquiry_frame(rows, params.ingest))
    scored = details.output

    assert len(scored) == len(rows)
    assert scored[schema.INQUIRY_ID].tolist() == [row[schema.INQUIRY_ID] for row in rows]
    assert scored[schema.P_GENUINE].between(0, 1).all()
    assert scored[schema.P_CONVERT].between(0, 1).all()

    truth = pd.DataFrame(rows)[[schema.INQUIRY_ID, *LABELS, *DESCRIPTION]]
    report = handwritten_report(
        truth, scored, details.predictions[schema.JUNK_TYPE], scorer.rules.genuine
    )
    path = tmp_path / "handwritten.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    logger.info("hand-written set, default model (%s):\n%s", path, path.read_text("utf-8"))
    below = {k: (report[k], floor) for k, floor in FLOORS.items() if report[k] < floor}
    assert not below, f"hand-written set below its floors (measured, floor): {below}"
    assert report["misjudged_share"] <= MAX_MISJUDGED_SHARE, (
        f"{report['misjudged_share']:.1%} of the hand-written set misjudged, more than "
        f"{MAX_MISJUDGED_SHARE:.1%}: {[w['inquiry_id'] for w in report['wrong']]}"
    )
