import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.ingest.frames import as_strings, column_dtypes, table_columns
from inquiry_quality.ingest.mapping import RAW_RECEIVED_AT
from inquiry_quality.ingest.timestamps import to_utc
from inquiry_quality.ingest.validate import conform, validate_inquiries

SNAPSHOT = pd.Timestamp("2025-06-30", tz="UTC")


def frame(**columns: list) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    data = {c: pd.Series([pd.NA] * n, dtype="string") for c in schema.INQUIRY_COLUMNS}
    data[schema.SOURCE] = pd.Series(["f.csv"] * n, dtype="string")
    data[schema.SOURCE_POSITION] = pd.Series([str(i + 2) for i in range(n)], dtype="string")
    base = {
        schema.SUBJECT: ["s"] * n,
        schema.BODY: ["b"] * n,
        schema.CHANNEL: ["email"] * n,
        schema.RECEIVED_AT: ["2025-05-01"] * n,
    }
    for name, values in {**base, **columns}.items():
        data[name] = as_strings(pd.Series(values, dtype=object))
    data[RAW_RECEIVED_AT] = data[schema.RECEIVED_AT]
    data[schema.RECEIVED_AT] = to_utc(data[schema.RECEIVED_AT])
    return pd.DataFrame(data)


def test_each_problem_has_its_reason() -> None:
    rows = frame(
        subject=["ok", None, "x", "x", "x", "x", "x", "x"],
        body=["ok", None, "x", "x", "x", "x", "x", "x"],
        received_at=[
            "2025-05-01",
            "2025-05-01",
            "soon",
            "2031-01-01",
            None,
            "2025-05-01",
            "2025-05-01",
            "2025-05-01",
        ],
        channel=["email", "email", "email", "email", "email", "telex", "email", "email"],
        is_genuine=[None, None, None, None, None, None, "2", None],
        junk_type=[None, None, None, None, None, None, None, "Price Fishing"],
    )
    chunk, flags = validate_inquiries(rows, [], [], SNAPSHOT)
    assert chunk.table[schema.SOURCE_POSITION].tolist() == ["2", "6", "9"]
    assert chunk.table[schema.JUNK_TYPE].tolist()[2] == "price_fishing"
    assert chunk.quarantine["reason"].tolist() == [
        "empty message",
        "received_at is not a date",
        "received_at in the future",
        "channel not one of ('email', 'web_form', 'platform')",
        "is_genuine is not 0, 1 or empty",
    ]
    assert chunk.quarantine["detail"].iloc[1] == "soon"
    # no date at all: kept, its age unknown, and counted
    assert chunk.table[schema.RECEIVED_AT].isna().tolist() == [False, True, False]
    assert flags == {"received_at missing": 1}


def test_a_subject_alone_is_not_an_inquiry() -> None:
    rows = frame(subject=["Need 500 panels", "Need 500 panels"], body=["Please quote FOB", None])
    chunk, _ = validate_inquiries(rows, [], [], SNAPSHOT)
    assert chunk.table[schema.SOURCE_POSITION].tolist() == ["2"]
    assert chunk.quarantine["reason"].tolist() == ["no body text"]
    assert chunk.quarantine["field"].tolist() == [schema.BODY]


def test_bad_addresses_are_flagged_not_quarantined() -> None:
    rows = frame(
        sender_email=["anna@berg.se", "anna at berg dot se", None],
        reply_to=["x@y.com", None, "@@"],
    )
    chunk, flags = validate_inquiries(rows, [], [], SNAPSHOT)
    assert len(chunk.table) == 3 and chunk.quarantine.empty
    assert chunk.table[schema.SENDER_EMAIL].tolist()[0] == "anna@berg.se"
    assert chunk.table[schema.SENDER_EMAIL].isna().tolist() == [False, True, True]
    assert flags == {"invalid sender e-mail": 1, "invalid reply-to": 1}


def test_timestamps_in_mixed_formats() -> None:
    values = pd.Series(["2025-05-01 08:00", "2025-05-01T08:00:00+02:00", "03/05/2025", "x", None])
    parsed = to_utc(values, "Asia/Shanghai")
    assert parsed.iloc[0] == pd.Timestamp("2025-05-01 00:00", tz="UTC")
    assert parsed.iloc[1] == pd.Timestamp("2025-05-01 06:00", tz="UTC")
    assert parsed.iloc[2].year == 2025
    assert parsed.iloc[3:].isna().all() and str(parsed.dtype) == "datetime64[us, UTC]"


def test_implausible_dates_are_flagged() -> None:
    rows = frame(received_at=["1900-01-01 10:00", "1994-12-31", "2025-05-01", "2099-01-01"])
    chunk, flags = validate_inquiries(rows, [], [], pd.Timestamp.max.tz_localize("UTC"))
    assert len(chunk.table) == 4  # scoring keeps them, and says so
    assert flags == {
        "received_at before 1995 (implausible)": 2,
        "received_at after today (implausible)": 1,
    }
    chunk, flags = validate_inquiries(rows, [], [], SNAPSHOT)  # ingest quarantines the future
    assert chunk.quarantine["reason"].tolist() == ["received_at in the future"]
    assert flags == {"received_at before 1995 (implausible)": 2}


def test_conform_fills_missing_columns_with_their_dtype() -> None:
    """Columns a frame lacks are added all missing in their own dtype (a number as NaN)."""
    out = conform(frame(subject=["RFQ"])[[schema.SUBJECT]], ["buyer_years"], ["buyer_level"])
    assert list(out.columns) == table_columns(["buyer_years"], ["buyer_level"])
    assert out.dtypes.to_dict() == column_dtypes(["buyer_years"], ["buyer_level"])
    assert out[schema.SUBJECT].tolist() == ["RFQ"]
    assert out.drop(columns=schema.SUBJECT).isna().all(axis=None)
