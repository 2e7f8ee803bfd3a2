"""The generated files keep the raw-data contract that ingest and evaluation rely on."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest
import yaml

from inquiry_quality.core.config import GenerateParams
from inquiry_quality.synth import generate
from inquiry_quality.synth.generate import GROUND_TRUTH_COLUMNS, PLATFORM_COLUMNS
from inquiry_quality.synth.outcomes import CRM_COLUMNS

FILES = (
    "catalogue.csv",
    "crm_contacts.csv",
    "sent_messages.csv",
    "history/platform_export.csv",
    "history/mailbox.mbox",
    "history/crm_outcomes.csv",
    "new/platform_export.csv",
    "new/mailbox.mbox",
    "new_outcomes.csv",
    "ground_truth.csv",
    "README.md",
)
REPO = Path(__file__).resolve().parents[2]
MboxReader = Callable[[Path], list[EmailMessage]]


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def _refs(out: Path, batch: str, read_mbox: MboxReader) -> list[str]:
    export = pd.read_csv(out / batch / "platform_export.csv", dtype=str, keep_default_na=False)
    messages = read_mbox(out / batch / "mailbox.mbox")
    return [*export["Inquiry No."], *(m["Message-ID"] for m in messages)]


def test_same_seed_same_bytes_other_seed_other_bytes(
    tmp_path: Path, small_params: GenerateParams, other_cpu: dict[str, str]
) -> None:
    """Byte-identical also from another process with another string-hash seed, computing as
    another CPU would."""
    tiny = small_params.model_copy(update=dict(n_inquiries=120, n_new=20))
    generate(tiny, tmp_path / "a")
    params_file = tmp_path / "params.yaml"
    params_file.write_text(yaml.safe_dump({"generate": tiny.model_dump(mode="json")}))
    subprocess.run(
        [sys.executable, str(REPO / "pipelines" / "generate.py"), "--params", str(params_file),
         "--out", str(tmp_path / "b")],
        env={**os.environ, **other_cpu, "PYTHONHASHSEED": "123"}, check=True, capture_output=True,
    )  # fmt: skip
    generate(tiny.model_copy(update=dict(seed=tiny.seed + 1)), tmp_path / "c")
    first, again, other = (_files(tmp_path / d) for d in "abc")
    assert first == again
    differing = [name for name in FILES if first[name] != other[name]]
    assert set(differing) >= set(FILES) - {"README.md"}


def test_platform_export_is_an_excel_style_csv(generated: Path) -> None:
    raw = (generated / "history" / "platform_export.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\n", 1)[0].endswith(b"\r")
    export = pd.read_csv(generated / "history" / "platform_export.csv", dtype=str)
    assert tuple(export.columns) == PLATFORM_COLUMNS
    assert set(export["Source"]) == {"Platform RFQ", "Website Form"}
    assert export["Message"].str.contains("\n").mean() > 0.95  # a rare one-liner is fine
    web = export[export["Source"] == "Website Form"]
    assert web["Buyer Level"].isna().all() and web["Years On Platform"].isna().all()


def test_every_history_inquiry_has_one_crm_record(
    generated: Path, small_params: GenerateParams, mbox_messages: MboxReader
) -> None:
    crm = pd.read_csv(generated / "history" / "crm_outcomes.csv", dtype=str, keep_default_na=False)
    assert tuple(crm.columns) == CRM_COLUMNS
    refs = _refs(generated, "history", mbox_messages)
    assert len(refs) == small_params.n_inquiries == len(set(refs))
    assert sorted(crm["Ref"]) == sorted(refs)
    won = crm["Deal Stage"] == "Won"
    assert (crm.loc[won, "Order Value (USD)"] != "").all()
    assert (crm.loc[~won, "Order Value (USD)"] == "").all()
    customer = crm["Account"] == "Existing customer"
    assert ((crm["Deal Stage"] == "") == customer).all()  # a customer's mail opens no deal
    assert ((crm["Deal Stage"].isin(["Open", ""])) == (crm["Closed On"] == "")).all()
    assert (crm.loc[crm["Lead Status"] == "Junk", "Junk Category"] != "").all()
    assert (crm.loc[customer, "Lead Status"] == "Genuine").all()


def test_new_batch_is_later_and_unlabelled(generated: Path, mbox_messages: MboxReader) -> None:
    history = pd.read_csv(generated / "history" / "platform_export.csv")
    new = pd.read_csv(generated / "new" / "platform_export.csv")
    assert new["Date Received"].min() > history["Date Received"].max()
    new_refs = _refs(generated, "new", mbox_messages)
    crm = pd.read_csv(generated / "history" / "crm_outcomes.csv")
    outcomes = pd.read_csv(generated / "new_outcomes.csv")
    assert not set(new_refs) & set(crm["Ref"])
    assert sorted(outcomes["Ref"]) == sorted(new_refs)
    assert "Open" not in set(outcomes["Deal Stage"])


def test_ground_truth_covers_every_inquiry(
    generated: Path, small_params: GenerateParams, mbox_messages: MboxReader
) -> None:
    truth = pd.read_csv(generated / "ground_truth.csv", keep_default_na=False)
    assert tuple(truth.columns) == GROUND_TRUTH_COLUMNS
    assert len(truth) == small_params.n_inquiries + small_params.n_new
    assert truth["p_convert"].le(truth["p_genuine"]).all()
    assert truth[["p_genuine", "p_order"]].stack().between(0, 1).all()
    new = set(truth.loc[truth["dataset"] == "new", "ref"])
    assert new == set(_refs(generated, "new", mbox_messages))


def test_label_noise_and_languages_follow_params(
    generated: Path, small_params: GenerateParams
) -> None:
    truth = pd.read_csv(generated / "ground_truth.csv", keep_default_na=False)
    crm = pd.read_csv(generated / "history" / "crm_outcomes.csv", keep_default_na=False)
    joined = crm.merge(truth, left_on="Ref", right_on="ref")
    junk = joined["junk_type"] != ""
    mislabelled = ((joined["Lead Status"] == "Junk") != junk).mean()
    assert mislabelled == pytest.approx(small_params.label_noise, abs=0.01)
    non_english = (truth["language"] != "en").mean()
    assert non_english == pytest.approx(small_params.non_english_share, abs=0.025)


def test_readme_lists_every_file(generated: Path) -> None:
    readme = (generated / "README.md").read_text(encoding="utf-8")
    for name in FILES[:-1]:
        assert f"`{name}`" in readme


LOCAL_UNITS = {
    "es": "piezas", "pt": "peças", "fr": "pièces", "de": "Stück", "it": "pezzi", "ru": "шт",
    "tr": "adet", "ar": "قطعة",
}  # fmt: skip
NEW_BUYERS = ("importer", "retailer", "contractor", "small_buyer", "trading_agent")
TRADE_TERMS = (
    r"\b(?:FOB|EXW|CIF|CFR|DDP|T/T|L/C|MOQ)\b|carta de crédito|lettera di credito|аккредитив"
    r"|akreditif|Akkreditiv"
)


def test_languages_fit_the_regions_and_write_local_units(history: pd.DataFrame) -> None:
    foreign = history["language"] != "en"
    assert foreign.mean() >= 0.25
    by_region = foreign.groupby(history["region"]).mean()
    assert by_region["Latin America"] > 0.5 and by_region["CIS"] > 0.5
    assert by_region["North America"] == 0
    for language, unit in LOCAL_UNITS.items():
        bodies = history.loc[history["language"] == language, "body"]
        assert bodies.str.contains(unit, regex=False).any(), language


def test_trade_details_do_not_mean_a_buyer(history: pd.DataFrame) -> None:
    """Sellers state Incoterms, payment terms and MOQ about as often as buyers ask for them."""
    details = (history["Subject"] + "\n" + history["body"]).str.count(TRADE_TERMS)
    by_archetype = details.groupby(history["archetype"]).mean()
    assert by_archetype["offer"] >= 0.8 * by_archetype[list(NEW_BUYERS)].mean()
    assert by_archetype["existing_customer"] < by_archetype[list(NEW_BUYERS)].mean()
