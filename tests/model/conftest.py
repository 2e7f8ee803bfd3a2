"""Small seeded inquiries, their real feature table and a trained bundle, shared by the tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inquiry_quality import schema
from inquiry_quality.bundle import ModelBundle
from inquiry_quality.config import SplitParams, TrainParams
from inquiry_quality.features import build_featurizer, feature_table
from inquiry_quality.split import split_table
from inquiry_quality.training import train_bundle

GENUINE_BODIES = (
    "Dear Ms. Wang, we need {n} pcs LED panel light 600x600 40W 4000K, FOB Ningbo, T/T 30%.",
    "Hello, please quote {n} pcs downlight 12W IP44 CIF Hamburg, delivery in 30 days.",
    "We are a distributor in {country}. Price for {n} pcs street light 100W please.",
)
JUNK_BODIES = (
    "Dear Sir/Madam, send your price list and catalogue for all your products.",
    "Kindly pay the registration fee by Western Union to release the big order.",
    "View the inquiry message from a verified buyer here: http://login-verify.example.com",
    "We offer SEO services to put your website on the first page of Google.",
)
COUNTRIES = ("Germany", "DE", "USA", "Nigeria", "India", "", "Brasil")


def make_inquiries(n: int = 300, seed: int = 0) -> pd.DataFrame:
    """Canonical labelled inquiries with a learnable but noisy signal."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2025-01-01", tz="UTC")
    rows = []
    for i in range(n):
        genuine = rng.random() < 0.5
        looks_genuine = genuine if rng.random() < 0.85 else not genuine
        bodies = GENUINE_BODIES if looks_genuine else JUNK_BODIES
        country = str(rng.choice(COUNTRIES))
        body = str(rng.choice(bodies)).format(n=int(rng.integers(50, 5000)), country=country)
        rows.append(
            {
                schema.INQUIRY_ID: f"RFQ-{i:05d}",
                schema.RECEIVED_AT: start + pd.Timedelta(hours=7 * i),
                schema.CHANNEL: str(rng.choice(schema.CHANNELS)),
                schema.SUBJECT: "Inquiry" if rng.random() < 0.5 else "RE: price",
                schema.BODY: body,
                schema.SENDER_NAME: "Anna Berg",
                schema.SENDER_EMAIL: "anna@berg-licht.de" if looks_genuine else "x12@gmail.com",
                schema.COMPANY: "Berg Licht GmbH" if looks_genuine and rng.random() < 0.7 else "",
                schema.WEBSITE: "www.berg-licht.de" if looks_genuine else "",
                schema.PHONE: "+49 30 1234567" if rng.random() < 0.5 else "",
                schema.COUNTRY: country,
                schema.IS_GENUINE: int(genuine),
                schema.JUNK_TYPE: None if genuine else str(rng.choice(schema.JUNK_TYPES[:3])),
                schema.CONVERTED: int(genuine and rng.random() < 0.2 + 0.4 * looks_genuine),
            }
        )
    frame = pd.DataFrame(rows)
    for column in schema.INQUIRY_COLUMNS:
        if column not in frame:
            frame[column] = ""
    for column in (schema.IS_GENUINE, schema.CONVERTED):
        frame[column] = frame[column].astype("Int8")
    frame.loc[frame.index % 10 == 3, schema.CONVERTED] = pd.NA  # immature outcomes
    return frame


@pytest.fixture(scope="session")
def inquiries() -> pd.DataFrame:
    return make_inquiries()


@pytest.fixture(scope="session")
def table(inquiries: pd.DataFrame) -> pd.DataFrame:
    return feature_table(inquiries, build_featurizer())


@pytest.fixture(scope="session")
def small_params() -> TrainParams:
    return TrainParams(min_df=1, min_rows=20, split=SplitParams(test_fraction=0.25))


@pytest.fixture(scope="session")
def trained(table: pd.DataFrame, small_params: TrainParams) -> tuple[ModelBundle, pd.DataFrame]:
    """A logreg bundle trained on the oldest 75% and the newest 25% as its test part."""
    split = split_table(table, small_params.split)
    bundle = train_bundle(
        split.train, build_featurizer(), small_params, data_version="test", split=split.description
    )
    return bundle, split.test
