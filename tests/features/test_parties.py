"""Parties family: known contacts and domains, look-alikes, known names elsewhere, Reply-To."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.features.parties import PartyFeatures, read_known_parties

CRM = pd.DataFrame(
    {
        "company": ["Iluminaciones Levante S.L.", "Brightway Comercio Ltda"],
        "domains": ["iluminaciones-levante.es", "brightway.com.br; brightway.com"],
        "emails": ["juan.garcia@iluminaciones-levante.es", "joao.silva@brightway.com.br"],
        "phone": ["+34 963 55 12 34", ""],
    }
)
OWN = ("brightway-lighting.com",)
SENDERS = [
    # (sender_email, sender_name, reply_to, phone)
    ("juan.garcia@iluminaciones-levante.es", "Juan García", None, None),  # known contact
    ("compras@iluminaciones-levante.es", "Compras", None, None),  # known company domain
    ("joao.silva@brightway-br.com", "Joao Silva", None, None),  # look-alike + known name
    ("Juan Garcia <juangarcia.pagos@gmail.com>", "Juan Garcia", None, None),  # name at free mail
    ("sales@brightway-lightning.com", "Sales", None, None),  # look-alike of our own domain
    ("maria@newbuyer.mx", "María López", "maria.lopez@gmail.com", None),  # Reply-To elsewhere
    ("info@otherfirm.de", "Info", "buyer@otherfirm.de", "+34 963 55 12 34"),  # known phone
]


@pytest.fixture(scope="module")
def out() -> pd.DataFrame:
    frame = pd.DataFrame(SENDERS, columns=["sender_email", "sender_name", "reply_to", "phone"])
    return PartyFeatures(CRM, OWN).fit_transform(frame)


def test_known_contact_and_domain(out: pd.DataFrame) -> None:
    assert out["known_contact"].tolist() == [1, 0, 0, 0, 0, 0, 1]
    assert out["known_company_domain"].tolist() == [1, 1, 0, 0, 0, 0, 0]


def test_look_alikes_of_customers_and_of_us(out: pd.DataFrame) -> None:
    assert out["lookalike_domain"].tolist() == [0, 0, 1, 0, 1, 0, 0]
    assert out.loc[2, "lookalike_of"] in {"brightway.com.br", "brightway.com"}  # the account
    assert out.loc[4, "lookalike_of"] == "brightway-lighting.com"


def test_known_name_from_another_address(out: pd.DataFrame) -> None:
    assert out["known_name_elsewhere"].tolist() == [0, 0, 1, 1, 0, 0, 0]


def test_reply_to_diverted_to_another_domain(out: pd.DataFrame) -> None:
    assert out["reply_to_other_domain"].tolist() == [0, 0, 0, 0, 0, 1, 0]  # same domain: 0


def test_without_crm_only_own_domains_are_read() -> None:
    frame = pd.DataFrame({"sender_email": ["sales@brightway-lightning.com", "a@b.de"]})
    out = PartyFeatures(None, OWN).fit_transform(frame)
    assert math.isnan(out.loc[0, "known_contact"]) and math.isnan(
        out.loc[0, "known_name_elsewhere"]
    )
    assert out["lookalike_domain"].tolist() == [1.0, 0.0]
    nothing = PartyFeatures().fit_transform(frame)
    assert nothing["lookalike_domain"].isna().all()


def test_pickles_without_its_lookup_tables(out: pd.DataFrame) -> None:
    features = PartyFeatures(CRM, OWN)
    features.fit_transform(pd.DataFrame({"sender_email": ["a@b.de"]}))
    restored = pickle.loads(pickle.dumps(features))
    assert "_index" not in restored.__dict__
    frame = pd.DataFrame({"sender_email": ["joao.silva@brightway-br.com"]})
    assert restored.transform(frame).loc[0, "lookalike_domain"] == 1.0


def test_read_known_parties_names_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    CRM.rename(columns=str.upper).to_csv(path, index=False)
    assert read_known_parties(path)["domains"].iloc[1] == "brightway.com.br; brightway.com"
    CRM.drop(columns="emails").to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"crm\.csv: known-parties file lacks column\(s\) emails"):
        read_known_parties(path)
    with pytest.raises(FileNotFoundError, match=r"featurize\.known_parties"):
        read_known_parties(tmp_path / "none.csv")
