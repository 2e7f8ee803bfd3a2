"""The featurizer with today's CRM export in place of the one it was trained with."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.features.featurizer import build_featurizer, with_known_parties
from inquiry_quality.features.parties import KnownParties, PartyFeatures

SENDERS = pd.DataFrame(
    {
        "channel": ["email", "email"],
        "subject": ["Re: PI", "price"],
        "body": ["Please send the updated PI, same as last order.", "Send your price list."],
        "sender_email": ["d.morales@sunrise-electric.com", "tom1987@gmail.com"],
    }
)

TRAINED_WITH = pd.DataFrame(
    {"company": ["Oldco"], "domains": ["oldco-lighting.com"], "emails": ["ann@oldco-lighting.com"]}
)


@pytest.fixture()
def crm(tmp_path: Path) -> Path:
    path = tmp_path / "crm_today.csv"
    pd.DataFrame(
        {
            "company": ["Sunrise Electric Supply Inc."],
            "domains": ["sunrise-electric.com"],
            "emails": ["d.morales@sunrise-electric.com"],
            "phone": ["+1 713 555 0148"],
        }
    ).to_csv(path, index=False)
    return path


def test_a_customer_added_since_training_is_known(crm: Path) -> None:
    trained = build_featurizer(known_parties=KnownParties.from_frame(TRAINED_WITH))
    before = trained.transform(SENDERS)
    today = with_known_parties(trained, crm)
    after = today.transform(SENDERS)
    assert before["known_contact"].tolist() == [0, 0]
    assert after["known_contact"].tolist() == [1, 0]
    assert after["known_company_domain"].tolist() == [1, 0]
    # the trained featurizer is left as it was (a copy), and every other column is the same
    assert trained.transform(SENDERS)["known_contact"].tolist() == [0, 0]
    party = list(PartyFeatures().get_feature_names_out())
    pd.testing.assert_frame_equal(before.drop(columns=party), after.drop(columns=party))


def test_a_featurizer_trained_without_a_crm_reads_one_today(crm: Path) -> None:
    assert math.isnan(build_featurizer().transform(SENDERS).loc[0, "known_contact"])
    assert (
        with_known_parties(build_featurizer(), crm).transform(SENDERS).loc[0, "known_contact"] == 1
    )


def test_a_missing_export_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=r"crm\.csv: known-parties file \(score\.known_parties\)"
    ):
        with_known_parties(build_featurizer(), tmp_path / "crm.csv")
