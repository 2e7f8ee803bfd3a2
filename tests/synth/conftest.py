"""A small generated data set shared by the synth tests, read back with pandas and ``email``."""

from __future__ import annotations

import mailbox
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from inquiry_quality.core.config import GenerateParams
from inquiry_quality.synth import generate

# Large enough for the AUC bounds to be measured to about +-0.03, small enough for seconds.
SMALL = GenerateParams(seed=20261127, n_inquiries=3000, n_new=150)


def read_mbox(path: Path) -> list[EmailMessage]:
    """Every message of an mbox, parsed by the standard library with the modern policy."""
    box = mailbox.mbox(path, factory=lambda f: BytesParser(policy=policy.default).parse(f))
    try:
        return list(box)
    finally:
        box.close()


def message_text(message: EmailMessage) -> str:
    """The readable text of a message: its plain part, else its HTML part without tags."""
    part = message.get_body(preferencelist=("plain", "html"))
    content = part.get_content()
    if part.get_content_type() == "text/html":
        content = BeautifulSoup(content, "html.parser").get_text("\n")
    return content


def read_history(out: Path) -> pd.DataFrame:
    """One row per history inquiry: its raw fields, text, CRM record and ground truth."""
    export = pd.read_csv(out / "history" / "platform_export.csv", dtype=str, keep_default_na=False)
    export = export.rename(columns={"Inquiry No.": "ref", "Message": "body"})
    rows = []
    for message in read_mbox(out / "history" / "mailbox.mbox"):
        rows.append(
            {
                "ref": message["Message-ID"],
                "Subject": str(message["Subject"]),
                "body": message_text(message),
                "From": str(message["From"]),
                "To": str(message["To"]),
                "Reply-To": str(message.get("Reply-To", "")),
                "In-Reply-To": str(message.get("In-Reply-To", "")),
                "Content-Type": message.get_content_type(),
                "Attachments": "; ".join(
                    a.get_filename() or "" for a in message.iter_attachments()
                ),
            }
        )
    history = pd.concat([export, pd.DataFrame(rows)], ignore_index=True).fillna("")
    crm = pd.read_csv(out / "history" / "crm_outcomes.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(out / "ground_truth.csv", keep_default_na=False)
    return history.merge(crm, left_on="ref", right_on="Ref", validate="1:1").merge(
        truth, on="ref", validate="1:1"
    )


@pytest.fixture(scope="session")
def small_params() -> GenerateParams:
    return SMALL


@pytest.fixture(scope="session")
def other_cpu() -> dict[str, str]:
    """Environment that makes this CPU compute like another one: the C library without its FMA
    code (its exp/log then differ in the last bit), numpy without AVX2, OpenBLAS with an old
    core's kernels."""
    return {
        "GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA",
        "NPY_DISABLE_CPU_FEATURES": "X86_V3",
        "OPENBLAS_CORETYPE": "Prescott",
    }


@pytest.fixture(scope="session")
def mbox_messages() -> Callable[[Path], list[EmailMessage]]:
    """The standard-library mbox reader the tests share."""
    return read_mbox


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(SMALL, out)
    return out


@pytest.fixture(scope="session")
def history(generated: Path) -> pd.DataFrame:
    return read_history(generated)
