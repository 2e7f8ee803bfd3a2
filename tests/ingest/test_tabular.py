import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams
from inquiry_quality.ingest import IngestError, read_inquiries
from inquiry_quality.ingest.tabular import (
    count_csv_records,
    read_csv,
    sniff_delimiter,
    sniff_encoding,
)

FUTURE = pd.Timestamp("2030-01-01", tz="UTC")
HEADER = "id,received_at,channel,subject,body,company\n"
ROW = "{i},2025-05-0{d} 10:00,web_form,Quote café lights,We need {i}00 pcs,Société Générale\n"


def collect(source: SourceParams | Path) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    reader = read_inquiries(source, future_after=FUTURE)
    chunks = list(reader)
    table = pd.concat([c.table for c in chunks], ignore_index=True)
    quarantine = pd.concat([c.quarantine for c in chunks], ignore_index=True)
    return table, quarantine, reader.rows_read


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings_are_sniffed(tmp_path: Path, encoding: str) -> None:
    text = HEADER.replace("id,", "") + "".join(
        ROW.format(i=i, d=i).split(",", 1)[1] for i in range(1, 4)
    )
    path = write(tmp_path / "export.csv", text, encoding)
    table, quarantine, read = collect(path)
    assert read == 3 and quarantine.empty
    assert table[schema.COMPANY].eq("Société Générale").all()
    assert table[schema.SOURCE_POSITION].tolist() == ["2", "3", "4"]


def test_cp1252_only_characters_fall_back_from_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", "body\n“quoted” – 5 €\n", "cp1252")
    assert sniff_encoding(path) == "cp1252"
    path = write(tmp_path / "l.csv", "body\nna\x81ve\n", "latin-1")
    assert sniff_encoding(path) == "latin-1"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(delimiter: str) -> None:
    assert sniff_delimiter(delimiter.join(["Inquiry No.", "Date", "Message"]) + "\n") == delimiter


def test_malformed_and_truncated_rows_are_quarantined(tmp_path: Path) -> None:
    text = (
        "received_at,channel,subject,body\n"
        "2025-05-01,web_form,ok,fine\n"
        "2025-05-02,web_form,too,many,fields\n"
        '2025-05-03,web_form,"multi\nline",body\n'
        "2025-05-04,web_form\n"
        '2025-05-05,web_form,truncated,"never closed\n'
    )
    table, quarantine, read = collect(write(tmp_path / "broken.csv", text))
    assert read == 5 and len(table) + len(quarantine) == 5
    assert table[schema.SOURCE_POSITION].tolist() == ["2", "4"]
    reasons = dict(zip(quarantine[schema.SOURCE_POSITION], quarantine["reason"], strict=True))
    assert reasons == {"3": "too many fields", "5": "truncated row", "6": "truncated row"}


def test_empty_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"empty\.csv: empty file"):
        collect(write(tmp_path / "empty.csv", ""))


def test_header_only_file_has_no_rows(tmp_path: Path) -> None:
    table, quarantine, read = collect(write(tmp_path / "h.csv", HEADER))
    assert read == 0 and table.empty and quarantine.empty


def test_unknown_mapped_column_names_file_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", HEADER + ROW.format(i=1, d=1))
    spec = SourceParams(path=str(path), mapping={"Inquiry No.": "inquiry_id"})
    with pytest.raises(IngestError, match=r"export\.csv: mapped column\(s\) \['Inquiry No\.'\]"):
        collect(spec)
    spec = SourceParams(path=str(path), mapping={"id": "buyer_tier"})
    with pytest.raises(IngestError, match=r"targets \['buyer_tier'\] are not canonical"):
        collect(spec)


def test_mapping_values_and_extra_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.csv",
        "No;Date;Src;Msg;Tier;Years\nA1;2025-05-01 08:00;Website Form;Hi;;\n"
        "A2;2025-05-02 08:00;Platform RFQ;Hello;Gold;3\nA3;2025-05-03 08:00;Fax;Hey;Gold;x\n",
    )
    spec = SourceParams(
        path=str(path),
        timezone="Asia/Shanghai",
        mapping={
            "No": "inquiry_id",
            "Date": "received_at",
            "Src": "channel",
            "Msg": "body",
            "Tier": "tier_x",
            "Years": "years_x",
        },
        values={"Src": {"Website Form": "web_form", "Platform RFQ": "platform"}},
    )
    from inquiry_quality.core.config import IngestParams

    params = IngestParams(extra_numeric=["years_x"], extra_categorical=["tier_x"])
    chunks = list(read_inquiries(spec, params, future_after=FUTURE))
    table = pd.concat([c.table for c in chunks])
    quarantine = pd.concat([c.quarantine for c in chunks])
    assert table[schema.CHANNEL].tolist() == ["web_form", "platform"]
    assert table["years_x"].isna().tolist() == [True, False] and table["years_x"].iloc[1] == 3
    assert table["tier_x"].dtype == "string" and pd.isna(table["tier_x"].iloc[0])
    assert table[schema.RECEIVED_AT].iloc[0] == pd.Timestamp("2025-05-01 00:00", tz="UTC")
    assert quarantine["reason"].tolist() == ["channel not one of ('email', 'web_form', 'platform')"]
    assert quarantine["detail"].tolist() == ["Fax"]


def test_xlsx_jsonl_parquet_read_the_same_rows(tmp_path: Path) -> None:
    rows = [
        {"received_at": "2025-05-01 10:00", "channel": "platform", "subject": "s1", "body": "b1"},
        {"received_at": "2025-05-02 10:00", "channel": "email", "subject": None, "body": "b2"},
    ]
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    book.save(tmp_path / "x.xlsx")
    (tmp_path / "x.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\nnot json\n[1, 2]\n", encoding="utf-8"
    )
    pd.DataFrame(rows).to_parquet(tmp_path / "x.parquet")
    for name in ("x.xlsx", "x.jsonl", "x.parquet"):
        table, quarantine, read = collect(tmp_path / name)
        assert table[schema.BODY].tolist() == ["b1", "b2"], name
        assert pd.isna(table[schema.SUBJECT].iloc[1]), name
    table, quarantine, read = collect(tmp_path / "x.jsonl")
    assert read == 4 and quarantine["reason"].tolist() == [
        "malformed JSON line",
        "JSON line is not an object",
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600))
def test_any_bytes_never_crash_and_counts_reconcile(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(b"received_at,channel,subject,body\n" + data)
    table, quarantine, read = collect(path)
    assert read == len(table) + len(quarantine)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=5), max_size=8))
def test_any_cells_round_trip_or_are_quarantined(tmp_path: Path, cells: list[list[str]]) -> None:
    path = tmp_path / "cells.csv"
    frame = pd.DataFrame({"body": [" | ".join(c) for c in cells], "channel": "email"})
    frame["received_at"] = "2025-01-01"
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL)
    table, quarantine, read = collect(path)
    assert read == len(table) + len(quarantine) == len(cells)
    assert set(quarantine["reason"]) <= {"empty message"}
    bodies = [s.strip() for s in frame["body"] if s.strip()]
    assert table[schema.BODY].tolist() == bodies


def test_reader_counts_every_record_in_chunks(tmp_path: Path) -> None:
    path = write(tmp_path / "big.csv", HEADER + "".join(ROW.format(i=i, d=1) for i in range(25)))
    chunks = list(read_csv(path, "big.csv", chunk_rows=10))
    assert [len(c.table) for c in chunks] == [10, 10, 5]


def test_unknown_extension_asks_for_a_format(tmp_path: Path) -> None:
    path = write(tmp_path / "export.dat", HEADER)
    with pytest.raises(IngestError, match=r"export\.dat: cannot tell the format"):
        collect(path)
    table, _, _ = collect(SourceParams(path=str(path), format="csv"))
    assert table.empty and table.columns[0] == schema.INQUIRY_ID


def test_an_unclosed_quote_costs_one_row_and_names_its_lines(tmp_path: Path) -> None:
    rows = [ROW.format(i=i, d=i) for i in range(1, 7)]
    rows[2] = '3,2025-05-03 10:00,web_form,"Quote never closed,We need 300 pcs,Acme\n'
    table, quarantine, read = collect(write(tmp_path / "q.csv", HEADER + "".join(rows)))
    assert read == 6 and len(table) == 5 and len(quarantine) == 1
    assert table[schema.SOURCE_POSITION].tolist() == ["2", "3", "5", "6", "7"]
    assert table[schema.COMPANY].eq("Société Générale").all()
    line = quarantine.iloc[0]
    assert (line["reason"], line[schema.SOURCE_POSITION]) == ("unclosed quote", "4")
    assert "physical line 4 is never closed; read again from line 5" in line["detail"]


def test_a_quote_over_several_lines_names_each_of_them(tmp_path: Path) -> None:
    text = (
        HEADER
        + ROW.format(i=1, d=1)
        + '2,2025-05-02 10:00,web_form,"Broken,first line of the body\n'
        + "second line, still the body\n"
        + ROW.format(i=3, d=3)
        + '4,2025-05-04 10:00,web_form,"two\nlines",ok,Acme\n'
    )
    table, quarantine, read = collect(write(tmp_path / "q.csv", text))
    assert table[schema.SOURCE_POSITION].tolist() == ["2", "4", "5"]
    assert table[schema.SUBJECT].tolist()[-1] == "two\nlines"
    assert quarantine["detail"].tolist() == [
        "a quote on physical lines 3-4 is never closed; read again from line 5"
    ]
    assert read == 4


def test_parts_of_a_file_with_an_unclosed_quote_read_what_the_whole_does(tmp_path: Path) -> None:
    """Ranged reading (the Dask partitions) counts records as the recovering reader yields
    them: the parts together hold every row and quarantine line of the whole, once."""
    rows = [ROW.format(i=i, d=i) for i in range(1, 8)]
    rows[2] = '3,2025-05-03 10:00,web_form,"Quote never closed,We need 300 pcs,Acme\n'
    path = write(tmp_path / "q.csv", HEADER + "".join(rows))
    whole = list(read_csv(path, "q.csv", 100))
    total = count_csv_records(path, "q.csv")
    assert total == 7
    parts = [list(read_csv(path, "q.csv", 100, units=(a, min(a + 2, total)))) for a in (0, 2, 4, 6)]
    chunks = [chunk for part in parts for chunk in part]
    for attribute in ("table", "quarantine"):
        expected = pd.concat([getattr(c, attribute) for c in whole], ignore_index=True)
        got = pd.concat([getattr(c, attribute) for c in chunks], ignore_index=True)
        pd.testing.assert_frame_equal(got, expected)


def test_one_bad_byte_costs_its_row_only_and_the_text_stays_utf8(tmp_path: Path) -> None:
    rows = [ROW.format(i=i, d=i) for i in range(1, 5)]
    rows.append("5,2025-05-05 10:00,platform,我们需要报价,LED 面板灯 2000 个,宁波进出口有限公司\n")
    data = (HEADER + "".join(rows)).encode()
    data = data.replace(b"We need 200 pcs", b"We need 200 pcs \xff")  # one byte, row 2
    path = tmp_path / "one_bad_byte.csv"
    path.write_bytes(data)
    reader = read_inquiries(path, future_after=FUTURE)
    chunks = list(reader)
    table = pd.concat([c.table for c in chunks], ignore_index=True)
    quarantine = pd.concat([c.quarantine for c in chunks], ignore_index=True)
    assert reader.encoding == "utf-8"
    assert table[schema.SOURCE_POSITION].tolist() == ["2", "4", "5", "6"]
    assert table[schema.COMPANY].tolist()[:3] == ["Société Générale"] * 3
    assert table[schema.COMPANY].iloc[-1] == "宁波进出口有限公司"
    assert quarantine[["reason", "field"]].values.tolist() == [["undecodable bytes", "body"]]
    assert "\ufffd" in quarantine["detail"].iloc[0]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gb18030", "您好！我们是上海的灯具进口商，需要采购面板灯两千个，请报宁波离岸价格，谢谢。"),
        ("cp1251", "Здравствуйте! Мы дистрибьютор светотехники в Москве, просим прислать цены."),
        ("cp1256", "مرحبا، نحن شركة استيراد في دبي ونرغب في الحصول على عرض سعر للمصابيح."),
    ],
)
def test_a_whole_file_in_another_charset_is_read_in_it(
    tmp_path: Path, encoding: str, text: str
) -> None:
    lines = "".join(f'{i},2025-05-0{i} 10:00,email,"{text} {i}","{text}"\n' for i in range(1, 4))
    path = write(tmp_path / "export.csv", "id,received_at,channel,subject,body\n" + lines, encoding)
    assert sniff_encoding(path) == encoding
    table, quarantine, _ = collect(path)
    assert quarantine.empty and table[schema.BODY].eq(text).all()
