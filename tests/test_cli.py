"""``inquiry-quality score`` and ``explain`` as a sales-ops person runs them."""

from __future__ import annotations

import importlib
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from inquiry_quality.cli import (
    EXIT_MODEL,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_QUARANTINED,
    EXIT_USAGE,
    USER_ERRORS,
    main,
)
from inquiry_quality.core import schema
from inquiry_quality.core.config import Params
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.scoring.batch import ANY_DATE
from inquiry_quality.scoring.outputs import output_locks
from inquiry_quality.scoring.tiers import DETAILS_UNLISTED, TIERS

# shared/ sits beside the repository, here and in CI.
SCAM = """Dear Sir/Madam,

I am Barrister Musa Bello, attorney to a late contractor who left USD 12,500,000 with a
security company. Kindly pay the release fee of USD 950 by Western Union or MoneyGram and send
your bank details, and the funds and a big LED order are yours. Strictly confidential.
"""
RFQ = """Dear Ms. Chen,

We are Berg Licht GmbH, a lighting distributor in Hamburg, Germany. Please quote 2,000 pcs LED
panel light 600x600 40W 4000K IP20 (model NB-PL6060-40W), packed in export cartons with our
logo. FOB Ningbo, payment T/T 30% deposit, 70% before shipment, delivery to Hamburg within 45
days.

Best regards,
Anna Berg
Purchasing Manager
Berg Licht GmbH
Tel: +49 40 1234567
www.berg-licht.de
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory: no params.yaml, no models/ (the model is given)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def canonical_batch(project_params: Params) -> pd.DataFrame:
    """The generated new batch with canonical column names, as a user's own export."""
    spec = project_params.score.sources[0]
    chunks = read_inquiries(spec, project_params.ingest, Path("/"), ANY_DATE)
    table = pd.concat([c.table for c in chunks], ignore_index=True).head(40)
    return table[[*schema.INQUIRY_COLUMNS, "buyer_level"]]


def _summary_counts(text: str) -> tuple[int, int, int]:
    line = next(x for x in text.splitlines() if x.startswith("Read "))
    words = line.replace(",", "").split()
    return int(words[1]), int(words[3]), int(words[5])


def test_score_a_csv_with_broken_rows(
    canonical_batch: pd.DataFrame,
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = canonical_batch.head(5).astype({schema.RECEIVED_AT: "string"})
    broken.loc[broken.index[0], [schema.SUBJECT, schema.BODY]] = ""
    broken.loc[broken.index[1], schema.RECEIVED_AT] = "next tuesday"
    broken.loc[broken.index[2], schema.CHANNEL] = "carrier pigeon"
    frame = pd.concat([canonical_batch, broken], ignore_index=True)
    frame.to_csv(workdir / "inquiries.csv", index=False)
    code = main(
        ["score", "inquiries.csv", "-o", "out/scored.csv", "--model", str(project_bundle_dir)]
    )
    printed = capsys.readouterr().out
    assert code == EXIT_QUARANTINED
    read, scored, quarantined = _summary_counts(printed)
    assert (read, scored, quarantined) == (len(frame), len(frame) - 3, 3)
    out = pd.read_csv(workdir / "out" / "scored.csv")
    assert len(out) == scored and list(out.columns) == list(schema.OUTPUT_COLUMNS)
    assert set(out[schema.TIER]) <= set(TIERS)
    bad = pd.read_csv(workdir / "out" / "scored.quarantine.csv")
    assert sorted(bad["field"]) == sorted([schema.BODY, schema.RECEIVED_AT, schema.CHANNEL])
    assert bad["source_position"].notna().all() and bad["reason"].notna().all()
    assert "By tier:" in printed and "By region:" in printed and "Top reasons against:" in printed


def test_score_an_eml_folder_to_jsonl(
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    spamassassin: Path,
) -> None:
    folder = workdir / "spam"
    folder.mkdir()
    for path in sorted((spamassassin / "spam-1").iterdir())[:20]:
        shutil.copy(path, folder / path.name)
    code = main(
        ["score", "spam", "-o", "scored.jsonl", "--quarantine", "bad.csv", "--model",
         str(project_bundle_dir)]
    )  # fmt: skip
    read, scored, quarantined = _summary_counts(capsys.readouterr().out)
    assert code == (EXIT_QUARANTINED if quarantined else EXIT_OK)
    assert read == 20 == scored + quarantined
    rows = [json.loads(line) for line in (workdir / "scored.jsonl").read_text().splitlines()]
    assert len(rows) == scored
    assert all(isinstance(r[schema.REASONS], list) for r in rows)
    assert len(pd.read_csv(workdir / "bad.csv")) == quarantined


def test_parquet_and_csv_outputs_agree(
    canonical_batch: pd.DataFrame, project_bundle_dir: Path, workdir: Path
) -> None:
    canonical_batch.to_parquet(workdir / "batch.parquet")
    model = ["--model", str(project_bundle_dir), "--quiet"]
    assert main(["score", "batch.parquet", "-o", "s.parquet", *model]) == EXIT_OK
    assert main(["score", "batch.parquet", "-o", "s.txt", "--format", "csv", *model]) == EXIT_OK
    parquet = pq.read_table(workdir / "s.parquet").to_pandas()
    text = pd.read_csv(workdir / "s.txt", keep_default_na=False)
    assert parquet[schema.P_GENUINE].tolist() == pytest.approx(text[schema.P_GENUINE].tolist())
    joined = [" | ".join(v) for v in parquet[schema.FOLLOW_UP_QUESTIONS]]
    assert joined == text[schema.FOLLOW_UP_QUESTIONS].tolist()
    assert not (workdir / "s.quarantine.csv").exists()
    (workdir / "params.yaml").write_text("score:\n  chunk_rows: 9\n")  # several chunks
    assert main(["score", "batch.parquet", "-o", "p.csv", "--jobs", "2", *model]) == EXIT_OK
    parallel = pd.read_csv(workdir / "p.csv", keep_default_na=False)
    pd.testing.assert_frame_equal(parallel, text)


def test_columns_are_checked_before_any_row_is_scored(
    canonical_batch: pd.DataFrame,
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    model = ["--model", str(project_bundle_dir), "--quiet"]
    web = canonical_batch.head(5).drop(columns=[schema.CHANNEL])
    web.to_csv("web.csv", index=False)
    assert main(["score", "web.csv", "-o", "none.csv", *model]) == EXIT_USAGE
    assert "no channel column" in capsys.readouterr().err and not Path("none.csv").exists()
    channel = ["--channel", "web_form"]
    assert main(["score", "web.csv", "-o", "web_scored.csv", *model, *channel]) == EXIT_OK
    assert len(pd.read_csv(workdir / "web_scored.csv")) == 5
    capitalised = canonical_batch.head(5).rename(
        columns={
            schema.SUBJECT: "Subject",
            schema.BODY: " Body ",
            schema.SENDER_EMAIL: "Sender Email",
        }
    )
    capitalised.to_csv("capitalised.csv", index=False)
    canonical_batch.head(5).to_csv("plain.csv", index=False)
    assert main(["score", "capitalised.csv", "-o", "cap.csv", *model]) == EXIT_OK
    assert main(["score", "plain.csv", "-o", "plain_scored.csv", *model]) == EXIT_OK
    assert pd.read_csv("cap.csv")[schema.P_GENUINE].tolist() == pytest.approx(
        pd.read_csv("plain_scored.csv")[schema.P_GENUINE].tolist()
    )
    unknown = canonical_batch.head(5).rename(columns={schema.SUBJECT: "Sbject", schema.BODY: "Msg"})
    unknown.to_csv("unknown.csv", index=False)
    assert main(["score", "unknown.csv", "-o", "u.csv", *model]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert "no text column" in error and "'Sbject' (closest: subject)" in error
    assert "params.yaml" in error and not Path("u.csv").exists()


def test_daily_capacity_across_chunks(
    canonical_batch: pd.DataFrame, project_bundle_dir: Path, workdir: Path
) -> None:
    one_day = canonical_batch.assign(received_at="2026-11-20 10:00:00+00:00")
    one_day.to_csv(workdir / "day.csv", index=False)
    model = ["--model", str(project_bundle_dir), "--quiet"]
    assert main(["score", "day.csv", "-o", "free.csv", *model]) == EXIT_OK
    free = pd.read_csv(workdir / "free.csv")
    candidates = free[free[schema.TIER] == "quote now"]
    assert len(candidates) >= 2
    capacity = len(candidates) - 1  # one fewer quotes than candidates, over several chunks
    params = workdir / "params.yaml"
    params.write_text("score:\n  chunk_rows: 7\n")
    capped = ["--params", str(params), "--capacity", str(capacity)]
    assert main(["score", "day.csv", "-o", "capped.csv", *model, *capped]) == EXIT_OK
    limited = pd.read_csv(workdir / "capped.csv")
    kept = limited[limited[schema.TIER] == "quote now"]
    assert set(kept[schema.INQUIRY_ID]) == set(
        candidates.nlargest(capacity, schema.P_CONVERT)[schema.INQUIRY_ID]
    )
    assert (limited[schema.P_GENUINE] == free[schema.P_GENUINE]).all()


def test_explain_a_pasted_scam_and_a_complete_rfq(
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reports = {}
    for name, text in (("scam", SCAM), ("rfq", RFQ)):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        assert main(["explain", "-", "--model", str(project_bundle_dir)]) == EXIT_OK
        reports[name] = capsys.readouterr().out
    scam, rfq = reports["scam"], reports["rfq"]
    assert "Tier:    DISCARD" in scam or "Tier:    VERIFY IDENTITY" in scam
    assert "pay any fee" in scam
    assert "Western Union" in scam or "scam phrases" in scam
    assert "Verdict: likely a GENUINE buyer" in rfq
    assert "Region:  Europe" in rfq and "from the team's notes" in rfq
    assert "Dear Ms. Berg," in rfq  # Anna: a woman's name
    for section in ("Why", "For:", "Against:", "Missing details", "Model "):
        assert section in scam and section in rfq


def test_explain_a_file_and_the_exit_codes(
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    spamassassin: Path,
) -> None:
    message = sorted((spamassassin / "spam-1").iterdir())[0]
    assert main(["explain", str(message), "--model", str(project_bundle_dir)]) == EXIT_OK
    assert "Verdict:" in capsys.readouterr().out
    saved = workdir / "inquiry.txt"  # text as a rep would paste it, saved in a file
    saved.write_text(f"Subject: RFQ for 500 bulbs\n\n{RFQ}", encoding="utf-8")
    assert main(["explain", str(saved), "--model", str(project_bundle_dir)]) == EXIT_OK
    assert 'Subject: "RFQ for 500 bulbs"' in capsys.readouterr().out
    assert main(["explain", str(workdir / "none.txt")]) == EXIT_USAGE
    assert "none.txt" in capsys.readouterr().err
    assert main(["score", "missing.csv", "-o", "x.csv", "--model", str(project_bundle_dir)]) == (
        EXIT_USAGE
    )
    assert "missing.csv" in capsys.readouterr().err
    tampered = shutil.copytree(project_bundle_dir, workdir / "bundle")
    (tampered / "metadata.json").write_text("{}")
    assert main(["explain", str(message), "--model", str(tampered)]) == EXIT_MODEL
    assert "checksum" in capsys.readouterr().err or "does not match" in capsys.readouterr().err
    assert main(["score", str(message), "-o", "x.csv", "--model", "nowhere"]) == EXIT_MODEL
    with pytest.raises(SystemExit) as usage:
        main(["score", "-o", "x.csv"])
    assert usage.value.code == EXIT_USAGE


def test_outputs_that_would_destroy_data_are_refused_before_the_model_loads(
    canonical_batch: pd.DataFrame, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No model is given (``nowhere``): each refusal comes before loading it, files untouched."""
    canonical_batch.head(3).to_csv("in.csv", index=False)
    before = (workdir / "in.csv").read_bytes()
    Path("link.csv").symlink_to("in.csv")
    Path("scores").mkdir()
    for argv in (
        ["in.csv", "-o", "in.csv"],
        ["in.csv", "-o", "x.csv", "--quarantine", "in.csv"],
        ["in.csv", "-o", "x.csv", "--quarantine", "x.csv"],
        ["in.csv", "-o", "link.csv"],
        ["link.csv", "-o", "./in.csv"],
    ):
        assert main(["score", *argv, "--model", "nowhere"]) == EXIT_USAGE, argv
        assert "refused:" in capsys.readouterr().err
    assert main(["score", "in.csv", "-o", "scores", "--format", "csv", "--model", "nowhere"]) == (
        EXIT_OUTPUT
    )
    assert "scores: is a folder" in capsys.readouterr().err
    assert (workdir / "in.csv").read_bytes() == before
    assert sorted(p.name for p in workdir.iterdir()) == ["in.csv", "link.csv", "scores"]
    assert list((workdir / "scores").iterdir()) == []


def test_a_wrong_path_is_refused_before_the_model_stack_is_imported(tmp_path: Path) -> None:
    """A mistyped input, an output that is an input, an unknown output format, a file to explain
    that is not there: the message comes at once, without the seconds of importing
    scikit-learn, spaCy and pandas."""
    (tmp_path / "in.csv").write_text("subject,body\nhi,hello\n", "utf-8")
    script = (
        "import sys; from inquiry_quality.cli import main; code = main(sys.argv[1:]); "
        "print(code, *(m for m in ('sklearn', 'spacy', 'pandas') if m in sys.modules))"
    )
    for argv, message in (
        (["score", "missing.csv", "-o", "x.csv"], "missing.csv: no such file or folder"),
        (["score", "in.csv", "-o", "in.csv"], "refused: "),
        (["score", "in.csv", "-o", "x.txt"], "x.txt: cannot tell the output format"),
        (["explain", "missing.eml"], "missing.eml: no such file"),
        (["explain", "missing.txt"], "missing.txt: no such file"),
    ):
        args = [argv[0], *(a if a.startswith("-") else str(tmp_path / a) for a in argv[1:])]
        run = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
        )
        assert run.stdout.split() == [str(EXIT_USAGE)], argv
        assert message in run.stderr, argv


def test_a_model_that_is_not_there_is_refused_at_once_and_no_store_is_created(
    tmp_path: Path,
) -> None:
    """Outside a project (no models/ folder, no mlflow.db): exit 4 naming what was looked for,
    without importing the model's stack and without leaving an empty MLflow store behind."""
    (tmp_path / "in.csv").write_text("subject,body\nhi,hello\n", "utf-8")
    (tmp_path / "in.txt").write_text("We need 500 LED panels.", "utf-8")
    env = {**os.environ, "MLFLOW_TRACKING_URI": f"sqlite:///{tmp_path / 'mlflow.db'}"}
    script = (
        "import sys; from inquiry_quality.cli import main; code = main(sys.argv[1:]); "
        "print(code, *(m for m in ('sklearn', 'spacy', 'pandas', 'mlflow') if m in sys.modules))"
    )
    defaults = "neither models/inquiry-quality nor models/bundle"
    for argv, message in (
        (["score", "in.csv", "-o", "x.csv"], f"{defaults} in {tmp_path}"),
        (["explain", "in.txt"], "no MLflow store at"),
        (["score", "in.csv", "-o", "x.csv", "--model", "nope"], "nope: no such model directory"),
        (["explain", "in.txt", "--model", "models:/inquiry-quality/3"], "no MLflow store at"),
    ):
        run = subprocess.run(
            [sys.executable, "-c", script, *argv],
            cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert run.stdout.split() == [str(EXIT_MODEL)], argv
        assert "error: no model: " in run.stderr and message in run.stderr, argv
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "in.txt"]


def test_every_error_the_cli_classifies_is_an_exception_of_its_module() -> None:
    """The CLI names them by module and class (to import nothing on a failure): a class
    moved or renamed would otherwise end as a traceback instead of its exit code."""
    for module, name, _, _ in USER_ERRORS:
        assert issubclass(getattr(importlib.import_module(module), name), Exception), name


def test_a_read_only_folder_or_a_busy_output_exits_5_and_leaves_nothing(
    canonical_batch: pd.DataFrame,
    project_bundle_dir: Path,
    workdir: Path,
    read_only: Callable[[Path], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    canonical_batch.head(3).to_csv("in.csv", index=False)
    folder = read_only(workdir / "shared")
    assert main(["score", "in.csv", "-o", "shared/s.csv", "--model", "nowhere"]) == EXIT_OUTPUT
    assert f"cannot write in folder {folder}" in capsys.readouterr().err
    assert list(folder.iterdir()) == []
    Path("s.csv").write_text("the other run's scores\n")
    model = ["--model", str(project_bundle_dir), "--quiet"]
    with output_locks([Path("s.csv")]):  # another run holds the output
        assert main(["score", "in.csv", "-o", "s.csv", *model]) == EXIT_OUTPUT
    assert "another run is writing it" in capsys.readouterr().err
    assert Path("s.csv").read_text() == "the other run's scores\n"
    assert sorted(p.name for p in workdir.iterdir()) == ["in.csv", "s.csv", "shared"]
    assert main(["score", "in.csv", "-o", "s.csv", *model]) == EXIT_OK  # free again
    assert len(pd.read_csv("s.csv")) == 3


def test_nothing_printed_carries_terminal_controls_and_odd_dates_are_told(
    canonical_batch: pd.DataFrame,
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = "\x1b]0;owned\x07\x1b[2J\x9b31mRFQ\u202e for panels\r"
    message = workdir / "hostile.eml"
    message.write_text(f"From: a@b.de\nSubject: {hostile}\n\n{RFQ}", encoding="utf-8")
    model = ["--model", str(project_bundle_dir)]
    assert main(["explain", str(message), *model]) == EXIT_OK
    report = capsys.readouterr().out
    assert "]0;owned[2J31mRFQ for panels" in report
    assert not any(c in report for c in "\x1b\x07\x9b\u202e\r")
    batch = canonical_batch.head(4).astype({schema.RECEIVED_AT: "string"})
    batch.loc[batch.index[0], schema.RECEIVED_AT] = "1900-01-01 10:00"
    batch.loc[batch.index[1], schema.SUBJECT] = "\x1b[2J\x1b]0;owned\x07RFQ"
    batch.to_csv("odd.csv", index=False)
    assert main(["score", "odd.csv", "-o", "odd_scored.csv", *model]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "odd.csv: read as csv in utf-8" in printed
    assert "Scored, but check these:" in printed
    assert "1  received_at before 1995 (implausible)" in printed
    assert "\x1b" not in printed


SUPPLIER_PITCH = """Dear Purchasing Manager,

We are a professional manufacturer of aluminium heat sinks and LED drivers with 15 years of
experience. Our factory supplies OEM and ODM customers worldwide. Our MOQ is 500 pcs, our price
is USD 1.20/pc FOB Shenzhen, payment T/T. Free samples are available and we can ship for you
within 7 days. Attached is our catalogue.

Best regards,
Kevin Zhou, Sales Manager
"""


def _eml(path: Path, sender: str, subject: str, body: str, in_reply_to: str = "") -> Path:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "sales@brightway-lighting.com", subject
    msg["Date"], msg["Message-ID"] = "Mon, 3 Mar 2025 09:00:00 +0000", "<t1@example.org>"
    if in_reply_to:
        msg["In-Reply-To"] = msg["References"] = in_reply_to
    msg.set_content(body)
    path.write_bytes(msg.as_bytes())
    return path


def test_explain_routes_a_seller_a_customer_and_a_payment_change(
    project_bundle_dir: Path,
    project_raw: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = ["--model", str(project_bundle_dir)]
    monkeypatch.setattr("sys.stdin", io.StringIO(SUPPLIER_PITCH))
    assert main(["explain", "-", *model]) == EXIT_OK
    offer = " ".join(capsys.readouterr().out.split())
    assert "Tier: OFFER" in offer and "offer to sell to us, not a buyer" in offer.lower()

    crm = pd.read_csv(project_raw / "crm_contacts.csv", dtype=str, keep_default_na=False)
    account = crm[crm["phone"] != ""].iloc[0]
    contact = account["emails"].split(";")[0].strip()
    sent = pd.read_csv(project_raw / "sent_messages.csv")["message_id"].iloc[0]
    reply = _eml(
        workdir / "reply.eml",
        contact,
        "RE: PI-250314",
        "Hi Lily, we received the PI-250314, thanks. The deposit will be paid tomorrow.",
        in_reply_to=sent,
    )
    assert main(["explain", str(reply), *model]) == EXIT_OK
    customer = " ".join(capsys.readouterr().out.split())
    assert "Tier: ACCOUNT OWNER" in customer and "hand to the account owner" in customer

    label, suffix = account["domains"].split(";")[0].strip().split(".", 1)
    fraud = _eml(
        workdir / "bank.eml",
        f"Accounts <accounts@{label}-group.{suffix}>",
        "Updated payment information",
        "Dear partner, please note our bank account has changed. Kindly update our bank "
        "details and resend the invoice; do not pay to the old account.",
    )
    assert main(["explain", str(fraud), *model]) == EXIT_OK
    payment = " ".join(capsys.readouterr().out.split())  # as read, whatever the wrapping
    assert "Tier: VERIFY PAYMENT" in payment
    assert "call the customer on the number on file" in payment
    assert "never change bank" in payment


def test_the_command_line_imports_no_heavy_package_before_a_command_needs_it() -> None:
    """``--help`` and a wrong command line answer at once: the model's stack, MLflow and Dask
    are imported by the command that uses them, not by ``inquiry_quality.cli``."""
    heavy = ("mlflow", "dask", "distributed", "sklearn", "spacy", "pandas", "scipy", "fastapi")
    probe = (
        "import sys, inquiry_quality.cli\n"
        "try:\n    inquiry_quality.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_score_of_a_plain_mail_imports_only_what_scoring_it_needs(
    project_bundle_dir: Path, workdir: Path
) -> None:
    """Scoring a plain-text e-mail pays for the model's stack only: not for MLflow, Dask, the
    page's server, plots, Excel, the HTML parser or binary sniffing (each is imported by the
    command or the input that uses it)."""
    unused = ("mlflow", "dask", "distributed", "fastapi", "uvicorn", "matplotlib", "openpyxl")
    unused += ("bs4", "puremagic", "dvc")
    mail = _eml(workdir / "rfq.eml", "Anna Berg <anna@berg-licht.de>", "Quotation request", RFQ)
    probe = (
        "import sys\nfrom inquiry_quality.cli import main\n"
        f"code = main(['score', {str(mail)!r}, '-o', 'scored.csv', "
        f"'--model', {str(project_bundle_dir)!r}, '-q'])\n"
        f"print(code, sorted({{m.split('.')[0] for m in sys.modules}} & set({unused!r})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == f"{EXIT_OK} []"
    assert len(pd.read_csv(workdir / "scored.csv")) == 1


def test_score_on_two_cores_starts_its_workers_before_the_scoring_stack_and_matches_one(
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    spamassassin: Path,
) -> None:
    """With --jobs 2 the workers' forkserver starts before this process imports the model's
    stack (so both load at once); the output, quarantine and counts are those of --jobs 1."""
    folder = workdir / "mail"
    folder.mkdir()
    for path in sorted((spamassassin / "easy-ham-1").iterdir())[:30]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.eml").write_bytes(b"")
    model = ["--model", str(project_bundle_dir)]
    probe = (
        "import sys\nfrom inquiry_quality import cli\nfrom inquiry_quality.core import parallel\n"
        "start = parallel.start_forkserver\nseen = []\n"
        "def early(preload):\n"
        "    seen.append(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'spacy'}))\n"
        "    start(preload)\n"
        "parallel.start_forkserver = early\n"
        f"code = cli.main(['score', 'mail', '-o', 'two.csv', '--jobs', '2', '-q', *{model!r}])\n"
        "print(code, seen)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == f"{EXIT_QUARANTINED} [[]]"
    assert main(["score", "mail", "-o", "one.csv", "--jobs", "1", *model]) == EXIT_QUARANTINED
    read, scored, quarantined = _summary_counts(capsys.readouterr().out)
    assert (read, scored, quarantined) == (31, 30, 1)
    for name in ("{}.csv", "{}.quarantine.csv"):
        two, one = (workdir / name.format(run) for run in ("two", "one"))
        assert two.read_bytes() == one.read_bytes()


#: the three inquiries issue 21 checks `explain` on
GERMAN_RFQ = """From: Lukas Meier <l.meier@meier-lichttechnik.de>
To: sales@ningbo-led.cn
Subject: Anfrage: 3.000 Stück LED Hallenstrahler 150W, CIF Hamburg
Date: Tue, 24 Nov 2026 09:10:00 +0100

Sehr geehrter Herr Wang,

die Meier Lichttechnik GmbH ist ein Elektrogroßhändler in Bremen. Für das Projekt
Logistikzentrum Nord bitten wir um Ihr Angebot für 3.000 Stück LED Hallenstrahler 150W
5000K IP65, 150 lm/W, CRI>80, 5 Jahre Garantie. Verpackung: Exportkartons, 4 Stück pro
Karton, auf Paletten. Preisbasis CIF Hamburg, Zahlung per Akkreditiv. Lieferung der ersten
1.000 Stück im März, danach monatliche Abrufe. CE- und RoHS-Zertifikate sind erforderlich.

Mit freundlichen Grüßen
Lukas Meier
Leiter Einkauf
Meier Lichttechnik GmbH
Tel: +49 421 555 0190
www.meier-lichttechnik.de
"""
GMAIL_PRICE_LIST = """From: Tom <tom.buyer1987@gmail.com>
To: sales@ningbo-led.cn
Subject: price
Date: Mon, 23 Nov 2026 08:15:00 +0000

hi, send me your price list and catalogue. thanks
"""
ADVANCE_FEE = """From: "Barrister John Mensah" <johnmensah.chambers@yahoo.com>
Reply-To: mensah.payments@outlook.com
Subject: URGENT CONTRACT AWARD - KINDLY REPLY
Date: Tue, 24 Nov 2026 06:00:00 +0000

Dear Beloved Friend,

I am writing on behalf of the ministry of works. Your company has been awarded a contract of
USD 3,200,000 for street lights. To release the funds you must pay the processing fee of
USD 1,250 by Western Union or MoneyGram within 48 hours. Next of kin documents and your bank
details are also required. This is strictly confidential.

Barrister John Mensah
"""


@pytest.mark.parametrize("case", ["german", "gmail", "scam"])
def test_explain_says_each_fact_once_truly_and_mails_as_a_rep_would(
    case: str,
    project_bundle_dir: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inquiry_quality.scoring.reasons import repeated_facts

    text = {"german": GERMAN_RFQ, "gmail": GMAIL_PRICE_LIST, "scam": ADVANCE_FEE}[case]
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["explain", "-", "--model", str(project_bundle_dir)]) == EXIT_OK
    report = capsys.readouterr().out
    why = report.split("Why", 1)[1].split("Missing details", 1)[0]
    reasons = [line.strip() for line in why.splitlines() if line.strip()[:2] in ("+ ", "- ")]
    assert not repeated_facts(reasons), reasons
    assert not any(r.startswith("- Buyer region") or "_" in r for r in reasons), reasons
    assert "fax" not in report.split("Missing details", 1)[1].split("Region:", 1)[0].lower()
    assert "+ Does not ask for a catalogue" not in report
    assert "+ Greets a person by name" not in report or case == "german"
    # a fact is no fault, nor what every new buyer lacks
    assert not any(
        r.startswith(("- Asks for CIF", "- Written in", "- Starts a new")) for r in reasons
    )
    mail = report.split("Follow-up mail", 1)[1].split("Region:", 1)[0]
    if case == "scam":
        assert "Tier:    DISCARD" in report or "Tier:    VERIFY IDENTITY" in report
        assert mail.startswith(": none") and "ask for it" not in report
        # a discarded scam's gaps are not listed; an identity check still reads them
        assert (DETAILS_UNLISTED in report) == ("Tier:    DISCARD" in report)
    elif "| " in mail:  # a mail (the small test model may also discard the vague one)
        assert "Hi" not in mail.replace("|", " ").split() and mail.count("RE:") == 1
    if case == "german" and "| " in mail:
        assert "Sehr geehrter Herr Meier," in mail and "Mit freundlichen Grüßen" in mail
        assert "- No delivery time" not in report


def test_contacts_give_todays_crm_to_every_command(
    project_bundle_dir: Path, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A customer added to the CRM since training: known with ``--contacts``, not without."""
    reply = _eml(
        workdir / "reply.eml",
        "Peter Kamau <peter.kamau@kamau-lighting.co.ke>",
        "container arrived",
        "Hello Lily, the 20ft container arrived Mombasa yesterday. Please send the original "
        "documents by DHL, the clearing agent is waiting. Same address as last time. Peter",
    )
    crm = workdir / "crm_today.csv"
    crm.write_text(
        "company,domains,emails,phone\nKamau Lighting Ltd,kamau-lighting.co.ke,"
        "peter.kamau@kamau-lighting.co.ke,+254 20 555 0101\n",
        encoding="utf-8",
    )
    model = ["--model", str(project_bundle_dir)]
    scored = {}
    for name, extra in (("without", []), ("with", ["--contacts", str(crm)])):
        out = workdir / f"{name}.csv"
        assert main(["score", str(reply), "-o", str(out), "-q", *model, *extra]) == EXIT_OK
        scored[name] = pd.read_csv(out).iloc[0]
    known = "A known contact of ours"
    assert known in scored["with"]["reasons"] and known not in scored["without"]["reasons"]
    assert scored["with"]["p_genuine"] > scored["without"]["p_genuine"]
    capsys.readouterr()
    assert main(["explain", str(reply), *model, "--contacts", str(crm)]) == EXIT_OK
    assert known in capsys.readouterr().out
    assert main(["explain", str(reply), *model, "--contacts", "none.csv"]) == EXIT_USAGE
    assert "none.csv: no such CRM contacts export (--contacts)" in capsys.readouterr().err


def test_the_forkserver_the_cli_starts_preloads_what_the_local_engine_asks_for() -> None:
    from inquiry_quality import cli
    from inquiry_quality.scoring.engines import local

    assert cli.WORKER_MODULE == local.WORKER_MODULE


@pytest.fixture
def cluster_started_by_hand(tmp_path: Path, port: int) -> Iterator[str]:
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, started as an operator
    starts them (the workers' working directory is not the client's); the scheduler's address."""
    from distributed import Client

    dask_command = str(Path(sys.executable).with_name("dask"))
    address = f"tcp://127.0.0.1:{port}"
    logs = (tmp_path / "cluster.log").open("wb")
    scheduler = ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    processes = [subprocess.Popen([dask_command, *scheduler], stdout=logs, stderr=logs)]
    processes += [
        subprocess.Popen(
            [dask_command, "worker", address, "--nthreads", "1", "--no-dashboard"],
            stdout=logs,
            stderr=logs,
            cwd=tmp_path,
        )
        for _ in range(2)
    ]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(60)
        logs.close()


@pytest.mark.slow
@pytest.mark.parametrize("cluster", ["--workers 2", "--scheduler"])
def test_score_on_dask_from_the_command_line_matches_the_local_engine(
    cluster: str,
    canonical_batch: pd.DataFrame,
    project_bundle_dir: Path,
    workdir: Path,
    spamassassin: Path,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """``score --engine dask`` on a local cluster it starts, and on a scheduler and two workers
    started by hand: inputs named relative to the client's folder (a CSV whose bodies span
    lines, a folder of real e-mails with an empty file), the same rows, scores, quarantine and
    counts as the local engine, in a folder of Parquet parts and in one CSV; the cluster's
    own start and stop are not told (Dask logs them at INFO)."""
    canonical_batch.to_csv(workdir / "batch.csv", index=False)
    folder = workdir / "mail"
    folder.mkdir()
    for path in sorted((spamassassin / "spam-1").iterdir())[:12]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.eml").write_bytes(b"")
    common = ["score", "batch.csv", "mail", "--model", str(project_bundle_dir)]
    assert main([*common, "-o", "local.csv", "--jobs", "1"]) == EXIT_QUARANTINED
    local_counts = _summary_counts(capsys.readouterr().out)
    if cluster == "--scheduler":
        on = ["--scheduler", request.getfixturevalue("cluster_started_by_hand")]
    else:
        on = ["--workers", "2"]
    dask = [*common, "--engine", "dask", *on, "--partition-rows", "7"]
    caplog.clear()
    assert main([*dask, "-o", "dask.csv"]) == EXIT_QUARANTINED
    chatter = [r for r in caplog.records if r.name.startswith("distributed")]
    assert [r.getMessage() for r in chatter if r.levelno < logging.WARNING] == []
    expected = (len(canonical_batch) + 13, len(canonical_batch) + 12, 1)
    assert _summary_counts(capsys.readouterr().out) == local_counts == expected
    assert (workdir / "dask.csv").read_bytes() == (workdir / "local.csv").read_bytes()
    quarantined = (workdir / "dask.quarantine.csv").read_bytes()
    assert quarantined == (workdir / "local.quarantine.csv").read_bytes()
    assert b"empty.eml" in quarantined
    assert main([*dask, "-o", "parts"]) == EXIT_QUARANTINED
    parts = sorted((workdir / "parts").glob("part-*.parquet"))
    assert len(parts) > 1
    table = pd.concat(map(pd.read_parquet, parts), ignore_index=True)
    local = pd.read_csv(workdir / "local.csv", keep_default_na=False)
    assert table[schema.INQUIRY_ID].tolist() == local[schema.INQUIRY_ID].astype(str).tolist()
    assert table[schema.P_GENUINE].tolist() == pytest.approx(local[schema.P_GENUINE].tolist())
