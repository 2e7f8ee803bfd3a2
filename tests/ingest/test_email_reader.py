import mailbox
from collections.abc import Callable
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.ingest import parse_message, read_inquiries
from inquiry_quality.ingest.dedupe import Deduplicator
from inquiry_quality.ingest.email_reader import iter_mbox, parse_messages
from inquiry_quality.ingest.emailparts import parse_signature

FUTURE = pd.Timestamp("2030-01-01", tz="UTC")


def collect(
    source: SourceParams | Path, params: IngestParams | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    reader = read_inquiries(source, params, future_after=FUTURE)
    chunks = list(reader)
    table = pd.concat([c.table for c in chunks], ignore_index=True)
    quarantine = pd.concat([c.quarantine for c in chunks], ignore_index=True)
    return table, quarantine, reader.rows_read


def test_plain_message_fields(make_email: Callable) -> None:
    msg = make_email(
        "Dear Sir,\nPlease quote 500 pcs.\n\nBest regards,\nJohn Smith\nPurchasing Manager\n"
        "Smith Imports Ltd\nTel: +44 20 7946 0000\nFax: +44 20 7946 0001\nwww.smith-imports.co.uk"
        "\n\nOn Mon, 3 Mar 2025 at 10:00, Sales <sales@nb.cn> wrote:\n> Thank you for your inquiry",
        attachments=(("spec.pdf", "application/pdf"), ("invoice.exe", "application/octet-stream")),
    )
    msg["Reply-To"] = "other@gmail.com"
    record = parse_message(msg.as_bytes())
    assert record[schema.MESSAGE_ID] == "<1.anna@berg-lighting.se>"
    assert record[schema.SENDER_NAME] == "Anna Berg"
    assert record[schema.SENDER_EMAIL] == "anna@berg-lighting.se"
    assert record[schema.REPLY_TO] == "other@gmail.com"
    assert record[schema.BODY] == "Dear Sir,\nPlease quote 500 pcs."
    assert record[schema.QUOTED].startswith("On Mon, 3 Mar 2025")
    assert record[schema.SIGNATURE].startswith("Best regards,")
    assert record[schema.COMPANY] == "Smith Imports Ltd"
    assert record[schema.JOB_TITLE] == "Purchasing Manager"
    assert record[schema.PHONE] == "+44 20 7946 0000" and record[schema.FAX] == "+44 20 7946 0001"
    assert record[schema.WEBSITE] == "www.smith-imports.co.uk"
    assert record[schema.ATTACHMENTS] == "spec.pdf; invoice.exe"
    assert record[schema.ATTACHMENT_TYPES] == "application/pdf; application/octet-stream"
    assert record[schema.RECEIVED_AT] == pd.Timestamp("2025-03-03 08:30", tz="UTC")


def test_html_only_body_becomes_text(make_email: Callable) -> None:
    html = (
        "<html><head><style>p {color: red}</style><script>alert(1)</script></head><body>"
        "<p>We need <b>200 pcs</b> of downlights.</p><a href='http://evil.example/x'>View</a>"
        "</body></html>"
    )
    record = parse_message(make_email("", html=html).as_bytes())
    assert record[schema.BODY] == "We need\n200 pcs\nof downlights.\nView\n<http://evil.example/x>"


def test_plain_alternative_is_read_unless_it_is_a_stub_of_the_html(make_email: Callable) -> None:
    html = "<p>We need <b>200 pcs</b> of 18 W LED downlights, CE and RoHS, FOB Ningbo.</p>"
    same = parse_message(make_email("We need 200 pcs of 18W downlights.", html=html).as_bytes())
    assert same[schema.BODY] == "We need 200 pcs of 18W downlights."
    stub = parse_message(make_email("This is an HTML message.", html=html).as_bytes())
    assert stub[schema.BODY] == "We need\n200 pcs\nof 18 W LED downlights, CE and RoHS, FOB Ningbo."


def test_a_forwarded_rfq_is_read_as_the_inquiry(make_email: Callable) -> None:
    body = (
        "Please quote this one.\n\n-----Original Message-----\nFrom: Anna Berg\nSent: Monday\n\n"
        "Dear Sir,\nWe need 500 pcs of 60x60 panels.\n\nBest regards,\nAnna Berg\n"
        "Berg Lighting AB\nTel: +46 8 123 456 78"
    )
    forwarded = parse_message(make_email(body, subject="Fwd: RFQ panels").as_bytes())
    assert "We need 500 pcs" in forwarded[schema.BODY] and not forwarded[schema.QUOTED]
    assert forwarded[schema.COMPANY] == "Berg Lighting AB"
    assert forwarded[schema.PHONE] == "+46 8 123 456 78"
    reply = parse_message(make_email(body, subject="RE: RFQ panels").as_bytes())
    assert reply[schema.BODY] == "Please quote this one." and "500 pcs" in reply[schema.QUOTED]


def test_legacy_charsets_are_decoded(make_email: Callable) -> None:
    for charset in ("iso-8859-1", "windows-1252"):
        record = parse_message(make_email("Grüße aus München", charset=charset).as_bytes())
        assert record[schema.BODY] == "Grüße aus München"
    unknown = b"Subject: x\nContent-Type: text/plain; charset=x-unknown-9\n\nna\xefve text\n"
    assert parse_message(unknown)[schema.BODY] == "na\xefve text"


@pytest.mark.parametrize(
    ("content_type", "body", "text"),
    [
        (
            "text/plain; charset=us-ascii",
            b"summer\x92s price \x96 \x80 5",
            "summer\u2019s price \u2013 \u20ac 5",
        ),
        ("text/plain", "Grüße, 5 €".encode(), "Grüße, 5 €"),
        ("text/plain", "Grüße, 5 €".encode("cp1252"), "Grüße, 5 €"),
        ("text/plain; charset=utf-8", b"caf\xe9 \x93ok\x94", "café \u201cok\u201d"),
        ("text/plain; charset=gb2312", "询价 LED 灯 王喆".encode("gbk"), "询价 LED 灯 王喆"),
    ],
)
def test_mislabelled_charsets_are_decoded_without_replacement_characters(
    content_type: str, body: bytes, text: str
) -> None:
    message = b"Subject: x\nContent-Type: " + content_type.encode() + b"\n\n" + body + b"\n"
    assert parse_message(message)[schema.BODY] == text


def test_unencoded_8bit_headers_are_decoded_as_utf8_else_windows_1252() -> None:
    latin = parse_message(
        b"Subject: Save \xa35 on LED \x96 today\nFrom: J\xf6rg <j@x.de>\n\nHello\n"
    )
    assert latin[schema.SUBJECT] == "Save \xa35 on LED \u2013 today"
    assert latin[schema.SENDER_NAME] == "J\xf6rg"
    utf8 = parse_message("Subject: Grüße, 5 €\n\nHello\n".encode())
    assert utf8[schema.SUBJECT] == "Grüße, 5 €"


def test_a_three_digit_year_is_read_as_1900_plus_it() -> None:
    old_mailer = b"Date: Mon, 04 Feb 102 14:08:54 +0000\nSubject: x\n\nHello\n"
    assert parse_message(old_mailer)[schema.RECEIVED_AT] == pd.Timestamp("2002-02-04 14:08:54Z")


def test_broken_mime_and_headers_still_give_a_record() -> None:
    broken = (
        b"From: =?utf-8?q?broken <not an address\nSubject: =?bogus?B?@@@?=\n"
        b'Date: yesterday\nContent-Type: multipart/mixed; boundary="zzz"\n\n'
        b"--zzz\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n%%%notbase64\n"
    )
    record = parse_message(broken)
    assert record[schema.RECEIVED_AT] is None
    assert isinstance(record[schema.BODY], str)


def test_message_without_body_is_quarantined(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.eml").write_bytes(b"From: a@b.com\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n\n")
    (folder / "b.eml").write_bytes(b"")
    (folder / "c.txt").write_bytes(
        b"Subject: only a subject\nDate: Mon, 3 Mar 2025 10:00 +0000\n\n"
    )
    table, quarantine, read = collect(folder)
    assert read == 3 and table.empty
    reasons = dict(zip(quarantine[schema.SOURCE_POSITION], quarantine["reason"], strict=True))
    assert reasons == {"a.eml": "empty message", "b.eml": "empty message", "c.txt": "no body text"}


def test_an_empty_message_id_is_no_id(tmp_path: Path) -> None:
    """``Message-ID: <>`` and a blank one: each inquiry keeps an id of its own (its file's), so
    none is blank on the page nor dropped as a duplicate of another."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, message_id, body in (
        ("a.eml", "<>", "We need 100 LED panels, please quote FOB."),
        ("b.eml", "< >", "Cheap watches, click here now."),
        ("c.eml", "", "Please send your catalogue."),
        ("d.eml", "<x@example.com>", "Samples of the 40 W panel, please."),
    ):
        (folder / name).write_text(
            f"From: {name[0]}@example.com\nSubject: {name}\nMessage-ID: {message_id}\n\n{body}\n"
        )
    table, quarantine, read = collect(folder)
    assert read == 4 and quarantine.empty
    assert list(table[schema.INQUIRY_ID]) == [
        "inbox:a.eml",
        "inbox:b.eml",
        "inbox:c.eml",
        "x@example.com",
    ]
    assert table[schema.MESSAGE_ID].isna().tolist() == [True, True, True, False]
    assert Deduplicator().filter(table)[1] == 0  # ingest keeps them all


def test_twenty_megabyte_message(tmp_path: Path, make_email: Callable) -> None:
    msg = make_email("Please see the attached catalogue.")
    msg.add_attachment(
        b"\x00" * 20_000_000, maintype="application", subtype="pdf", filename="big.pdf"
    )
    (tmp_path / "big.eml").write_bytes(msg.as_bytes())
    table, quarantine, _ = collect(tmp_path / "big.eml")
    assert table[schema.ATTACHMENTS].tolist() == ["big.pdf"] and quarantine.empty
    assert table[schema.BODY].tolist() == ["Please see the attached catalogue."]
    small_limit = IngestParams(max_message_bytes=10_000_000)
    table, quarantine, read = collect(tmp_path / "big.eml", small_limit)
    assert read == 1 and table.empty
    assert quarantine["reason"].tolist() == ["message too large"]


def test_huge_text_body_is_cut(tmp_path: Path, make_email: Callable) -> None:
    (tmp_path / "long.eml").write_bytes(make_email("word " * 4_000_000).as_bytes())
    table, _, _ = collect(tmp_path / "long.eml")
    assert len(table[schema.BODY].iloc[0]) <= IngestParams().max_body_chars


def test_mbox_with_broken_separators(tmp_path: Path, make_email: Callable) -> None:
    one = make_email("first message", message_id="<1@x>").as_bytes()
    two = make_email("second\nFrom here on a body line\n", message_id="<2@x>").as_bytes()
    three = make_email("third", message_id="<3@x>").as_bytes()
    path = tmp_path / "box.mbox"
    # no separator before the first message; a separator with a garbled date; no blank line
    # before a "From " line inside the second message, which must not split it
    path.write_bytes(one + b"\nFrom ??? garbled\n" + two + b"\nFrom a@b Mon Mar 3 2025\n" + three)
    table, quarantine, read = collect(path)
    assert read == 3 and quarantine.empty
    assert table[schema.MESSAGE_ID].tolist() == ["1@x", "2@x", "3@x"]
    assert table[schema.SOURCE_POSITION].tolist() == ["1", "2", "3"]
    assert "From here on" in table[schema.BODY].iloc[1]


def test_mbox_written_by_the_stdlib_round_trips(tmp_path: Path, make_email: Callable) -> None:
    box = mailbox.mbox(tmp_path / "m.mbox")
    for i in range(7):
        box.add(make_email(f"From the start {i}", message_id=f"<{i}@x>"))
    box.flush()
    table, _, read = collect(tmp_path / "m.mbox")
    assert read == 7 and table[schema.BODY].tolist() == [f"From the start {i}" for i in range(7)]


def test_unquoted_file_name_with_spaces_is_kept_whole() -> None:
    message = (
        b"Subject: catalogue\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
        b"Content-Type: text/plain\n\nSee attached.\n--b\nContent-Type: application/msword\n"
        b"Content-Disposition: attachment; filename=Yinxiang Motorcycles.doc\n\nxx\n--b--\n"
    )
    assert parse_message(message)[schema.ATTACHMENTS] == "Yinxiang Motorcycles.doc"


@pytest.mark.slow
def test_a_big_batch_parses_on_every_core_in_input_order(make_email: Callable) -> None:
    messages = [
        (str(i), make_email(f"Please quote {i} pcs.", message_id=f"<{i}@x>").as_bytes())
        for i in range(1500)
    ]
    one_by_one = [
        {**parse_message(data), schema.SOURCE_POSITION: position} for position, data in messages
    ]
    records = parse_messages(messages, IngestParams().max_body_chars)
    assert records == one_by_one
    assert [r[schema.MESSAGE_ID] for r in records] == [f"<{i}@x>" for i in range(1500)]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_any_bytes_parse_without_crashing(data: bytes) -> None:
    record = parse_message(data)
    assert record[schema.BODY] is None or isinstance(record[schema.BODY], str)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(messages=st.lists(st.binary(max_size=400), max_size=6))
def test_any_mbox_counts_reconcile(tmp_path: Path, messages: list[bytes]) -> None:
    path = tmp_path / "fuzz.mbox"
    path.write_bytes(b"".join(b"From x@y Mon Mar  3 10:00:00 2025\n" + m + b"\n" for m in messages))
    table, quarantine, read = collect(path)
    assert read == len(table) + len(quarantine)
    assert read == sum(1 for _ in iter_mbox(path, 10_000))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_text_body_is_kept_somewhere(make_email: Callable, text: str) -> None:
    record = parse_message(make_email(text or "x").as_bytes())
    kept = " ".join(record[c] or "" for c in (schema.BODY, schema.QUOTED, schema.SIGNATURE))
    for word in (text or "x").split():
        assert word.lstrip(">") in kept


def test_a_body_line_from_the_factory_is_not_a_separator(
    tmp_path: Path, make_email: Callable
) -> None:
    body = "We are a distributor.\n\nFrom the factory we need 500 pcs.\n>From a quoted line.\n"
    box = mailbox.mbox(tmp_path / "m.mbox")
    box.add(make_email("first", message_id="<1@x>"))
    box.flush()
    with (tmp_path / "m.mbox").open("ab") as fh:  # a writer that does not quote body lines
        fh.write(b"\nFrom buyer@acme.de Mon Mar  3 10:00:00 2025\n")
        fh.write(make_email(body, message_id="<2@x>").as_bytes())
    table, quarantine, read = collect(tmp_path / "m.mbox")
    assert read == 2 and quarantine.empty
    assert table[schema.MESSAGE_ID].tolist() == ["1@x", "2@x"]
    assert "From the factory we need 500 pcs." in table[schema.BODY].iloc[1]
    assert "\nFrom a quoted line." in table[schema.BODY].iloc[1]  # >From unquoted one level


def test_messages_that_ran_together_are_quarantined_with_their_lines(
    tmp_path: Path, make_email: Callable
) -> None:
    one = make_email("first", message_id="<1@x>").as_bytes()
    two = make_email("second", message_id="<2@x>").as_bytes()
    three = make_email("third", message_id="<3@x>").as_bytes()
    envelope = b"From buyer@acme.de Mon Mar  3 10:00:00 2025\n"
    text = envelope + one + envelope + two + b"\n" + envelope + three  # no blank line before 2
    (tmp_path / "m.mbox").write_bytes(text)
    table, quarantine, read = collect(tmp_path / "m.mbox")
    assert read == 2 and table[schema.MESSAGE_ID].tolist() == ["3@x"]
    merged_end = text.count(b"\n", 0, text.index(b"\n" + envelope + three)) + 1
    line = quarantine.iloc[0]
    assert (line["reason"], line[schema.SOURCE_POSITION]) == ("mbox cannot be split", "1")
    separator = one.count(b"\n") + 2
    assert line["detail"].startswith(f"lines 1-{merged_end}: the separator on line {separator} ")


@pytest.mark.parametrize(
    ("charset", "subject", "body"),
    [
        (
            "gb2312",
            "询价：LED面板灯 2000个",
            "您好！我们是上海的灯具进口商，需要采购LED面板灯2000个，请报FOB宁波价格。谢谢！",
        ),
        (
            "cp1251",
            "Запрос цены",
            "Здравствуйте! Мы дистрибьютор светотехники в Москве. Просим прислать цены на панели.",
        ),
        (
            "cp1256",
            "طلب عرض سعر",
            "مرحبا، نحن شركة استيراد في دبي ونرغب في الحصول على عرض سعر لمصابيح بكمية 1000 قطعة.",
        ),
    ],
)
def test_undeclared_8bit_mail_is_read_in_its_charset(charset: str, subject: str, body: str) -> None:
    raw = (
        f"From: Buyer <buyer@example.com>\nSubject: {subject}\nMessage-ID: <1@x>\n"
        f"MIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n{body}\n"
    ).encode(charset)
    record = parse_message(raw)
    assert (record[schema.SUBJECT], record[schema.BODY]) == (subject, body)


def test_senders_and_ids_read_as_the_full_header_parser_reads_them(spamassassin: Path) -> None:
    """Plain headers skip ``policy.default``'s parser: on real mail (quoted display names,
    comments, odd ids) the sender, reply-to and message id come out as it gives them."""
    files = [
        p
        for folder in ("easy-ham-1", "spam-1")
        for p in sorted((spamassassin / folder).iterdir())[:300]
    ]
    checked = 0
    for path in files:
        data = path.read_bytes()
        full = BytesParser(policy=policy.default).parsebytes(data)
        try:
            sender, reply_to, message_id = (full[h] for h in ("From", "Reply-To", "Message-ID"))
        except Exception:  # malformed: the reader falls back to the raw text there
            continue
        raw = [str(h) for h in (sender, reply_to, message_id) if h is not None]
        if any("=?" in h or not h.isascii() for h in raw):  # decoded as text: another test
            continue
        record = parse_message(data)
        name, address = parseaddr(str(sender or ""))
        assert record[schema.SENDER_EMAIL] == (address or None), path.name
        # without a name in the header, the signature's (if any)
        signed = parse_signature(record[schema.SIGNATURE]).get(schema.SENDER_NAME)
        assert record[schema.SENDER_NAME] == (name or signed), path.name
        assert record[schema.REPLY_TO] == (parseaddr(str(reply_to or ""))[1] or None), path.name
        assert record[schema.MESSAGE_ID] == (
            str(message_id).strip() or None if message_id else None
        ), path.name
        checked += 1
    assert checked > 500
