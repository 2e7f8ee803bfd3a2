"""One inquiry from pasted text: an e-mail with headers, or just the message body."""

from __future__ import annotations

import re
from typing import Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.ingest import parse_message
from inquiry_quality.ingest.validate import conform

# What mail programs write for the headers of a message copied in another language (Outlook,
# Thunderbird, Apple Mail): "Von:", "Betreff:", "Objet :", "Oggetto:", "Тема:", "主题："
_LOCAL_NAMES: Final = {
    "from": ("von", "de", "da", "van", "od", "от", "kimden", "من", "发件人", "寄件者", "差出人"),
    "to": ("an", "à", "a", "para", "aan", "do", "кому", "kime", "إلى", "收件人", "宛先"),
    "cc": ("kopie", "copie à", "cópia", "kopia", "копия", "bilgi", "抄送"),
    "subject": (
        "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp", "temat", "тема", "konu",
        "الموضوع", "主题", "主旨", "件名",
    ),
}  # fmt: skip
_SENT_NAMES: Final = (
    "sent", "gesendet", "envoyé", "enviado", "enviada", "inviato", "verzonden", "wysłano",
    "отправлено", "gönderildi", "tarih", "datum", "fecha", "data", "дата", "التاريخ", "日期",
    "发送时间", "送信日時",
)  # fmt: skip
_CANONICAL: Final = {local: name for name, names in _LOCAL_NAMES.items() for local in names}
_HEADER = re.compile(
    r"^(from|to|subject|date|reply-to|message-id|cc|sender|"
    + "|".join(map(re.escape, sorted({*_CANONICAL, *_SENT_NAMES}, key=len, reverse=True)))
    + r") ?(?::[ \t]|：[ \t]?)",
    re.I,
)


def looks_like_email(text: str) -> bool:
    """True when the text starts with e-mail headers (From:, Subject:, Betreff:, ...): two or
    more, or a first paragraph of nothing but headers ("Subject: RFQ", a blank line, the body)."""
    parts = text.lstrip().replace("\r\n", "\n").split("\n\n", 1)
    lines = parts[0].split("\n")
    headers = sum(bool(_HEADER.match(line)) for line in lines)
    only_headers = len(parts) == 2 and all(
        _HEADER.match(line) or line[:1] in (" ", "\t") for line in lines
    )
    return headers >= 2 or (headers == 1 and only_headers)


def _english_headers(text: str) -> str:
    """``text`` with its header block's local names in English ("Betreff:" -> "Subject:"); the
    dates of "Gesendet:" and its like are written in words of the language: dropped."""
    head, _, rest = text.replace("\r\n", "\n").partition("\n\n")
    lines = []
    for line in head.split("\n"):
        found = _HEADER.match(line)
        name = found.group(1).lower() if found else ""
        if name in _SENT_NAMES:
            continue
        lines.append(f"{_CANONICAL[name]}: {line[found.end() :]}" if name in _CANONICAL else line)
    return "\n".join(lines) + "\n\n" + rest


def inquiry_from_text(
    text: str,
    received_at: pd.Timestamp | None = None,
    extra_numeric: list[str] | None = None,
    extra_categorical: list[str] | None = None,
) -> pd.DataFrame:
    """A one-row canonical inquiry: parsed like a mailbox message if ``text`` has headers,
    else ``text`` is the body of an e-mail received ``received_at`` (default: now)."""
    # a body alone is parsed as a message without headers: its signature block still gives
    # the sender's company, phone and website
    message = _english_headers(text.lstrip()) if looks_like_email(text) else "\n" + text.strip()
    record = parse_message(message.encode("utf-8"))
    record[schema.CHANNEL] = schema.CHANNELS[0]  # email
    if not record.get(schema.RECEIVED_AT):
        record[schema.RECEIVED_AT] = received_at or pd.Timestamp.now(tz="UTC")
    message_id = (record.get(schema.MESSAGE_ID) or "").strip("<> \t")
    record[schema.INQUIRY_ID] = message_id or "pasted"
    record[schema.SOURCE] = "pasted text"
    record[schema.SOURCE_POSITION] = "1"
    # each field as text, "" as missing: built column by column, not with per-column pandas
    # operations on a frame (their fixed cost was a third of a pasted inquiry's report)
    frame = pd.DataFrame(
        {
            column: [value]
            if column == schema.RECEIVED_AT
            else pd.array([None if pd.isna(value) or value == "" else str(value)], "string")
            for column, value in record.items()
        }
    )
    return conform(frame, extra_numeric or [], extra_categorical or [])
