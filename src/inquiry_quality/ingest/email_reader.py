"""E-mail readers: a folder of message files (``.eml`` or any extension) and mbox files.

Messages are parsed with the standard ``email`` package: the MIME structure with
``policy.compat32`` (lenient with broken mail, and several times faster than ``policy.default``,
which parses every header it looks at), then only the headers a record needs are read with
``policy.default``'s header parser, which decodes encoded words and unfolds lines. A header that
parser rejects is kept raw, and bytes no parser accepts are split into headers and text by hand,
so no message is lost to broken MIME. Big batches are parsed on every core, in input order.
Attachments are listed by name and MIME type only: their payloads are never decoded, opened or
executed, and links in HTML bodies are never followed.
"""

from __future__ import annotations

import codecs
import fnmatch
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from functools import partial
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.parallel import map_slices
from inquiry_quality.ingest.charsets import WESTERN, decodes, guess_charset
from inquiry_quality.ingest.emailparts import (
    html_to_text,
    is_forward,
    parse_signature,
    split_body,
)
from inquiry_quality.ingest.folders import iter_folder
from inquiry_quality.ingest.frames import Chunk, IngestError, problem, quarantine_rows
from inquiry_quality.ingest.sniff import compression, head, not_mail, open_decompressed

log = logging.getLogger(__name__)

_MBOX_FROM = re.compile(rb"^>+From ")
_SEPARATOR = re.compile(
    rb"From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +"
    rb"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d{2}(?::\d{2})?"
    rb"(?: +\S+)? +\d{4}\b"
)
# header fields a message starts with (after an mbox separator)
_FIRST_HEADER = re.compile(
    rb"(?:Return-Path|Received|Delivered-To|Envelope-To|From|To|Cc|Subject|Date|Message-ID"
    rb"|MIME-Version|Content-Type|Reply-To|Sender|DKIM-Signature|Authentication-Results"
    rb"|ARC-[\w-]+|X-[\w-]+):",
    re.IGNORECASE,
)
_LOOKS_HTML = re.compile(r"\s*(?:<!DOCTYPE html|<html|<body|<head|<table|<p\b|<div)", re.I)
_RAW_HEADER = re.compile(r"^([A-Za-z-]+):[ \t]*(.*)$")
# A forked worker process costs about as much as parsing a few hundred messages.
_MESSAGES_PER_PROCESS = 500


class RawMessage(NamedTuple):
    """One message's bytes (None when too large or not readable), its size, and why it cannot
    be read as a message ((reason, detail), or None)."""

    position: str
    data: bytes | None
    size: int
    trouble: tuple[str, str] | None = None


def iter_mbox(path: Path, max_bytes: int) -> Iterator[RawMessage]:
    """Split an mbox file (gzip, bzip2 or xz compressed too) into messages, streaming.

    mboxrd rules (``_mbox_lines``): a separator is a ``From `` line after a blank line (or at
    the start of the file) with an envelope address and date, or followed by a header line;
    other ``From `` lines are text, and ``>From `` lines are unquoted one level. Text before
    the first separator is a message too. A separator that follows no blank line means
    messages that ran together: that part is not split by guess but returned as trouble naming
    its lines. Messages above ``max_bytes`` are not kept in memory (their bytes are None).
    """
    count, size, lines = 0, 0, []
    first, suspect, end = 1, 0, 1
    in_message = False
    with open_decompressed(path) as fh:
        for number, line, kind in _mbox_lines(fh):
            end = number + 1
            if kind == "separator":
                if in_message or any(x.strip() for x in lines):
                    count += 1
                    yield _mbox_message(count, lines, size, max_bytes, first, number, suspect)
                size, lines, in_message = 0, [], True
                first, suspect = number, 0
                continue
            if kind == "suspect":
                suspect = suspect or number
            size += len(line)
            if size <= max_bytes:
                lines.append(line[1:] if _MBOX_FROM.match(line) else line)
    if in_message or any(x.strip() for x in lines):
        yield _mbox_message(count + 1, lines, size, max_bytes, first, end, suspect)


def _mbox_lines(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes, str]]:
    """Each line, numbered from 1, as ``separator``, ``suspect`` (an envelope line that follows
    no blank line) or ``text``. A ``From `` line after a blank line without a well-formed
    envelope (a garbled date) is a separator when a header line follows it, else text ("From
    the factory we ship...")."""
    previous_blank = True
    held: tuple[int, bytes] | None = None  # such a line, until the next one tells
    for number, line in enumerate(lines, start=1):
        if held is not None:
            yield held[0], held[1], "separator" if _FIRST_HEADER.match(line) else "text"
            held = None
        if line.startswith(b"From ") and _SEPARATOR.match(line):
            yield number, line, "separator" if previous_blank else "suspect"
        elif line.startswith(b"From ") and previous_blank:
            held = (number, line)
        else:
            yield number, line, "text"
        previous_blank = not line.strip()
    if held is not None:
        yield held[0], held[1], "text"


def _mbox_message(
    count: int, lines: list[bytes], size: int, max_bytes: int, first: int, end: int, suspect: int
) -> RawMessage:
    if suspect:
        detail = (
            f"lines {first}-{end - 1}: the separator on line {suspect} follows no blank line, "
            "so where one message ends is unclear"
        )
        return RawMessage(str(count), None, size, ("mbox cannot be split", detail))
    return RawMessage(str(count), _joined(lines, size, max_bytes), size)


def _joined(lines: list[bytes], size: int, max_bytes: int) -> bytes | None:
    return b"".join(lines) if size <= max_bytes else None


def _text(value: Any) -> str | None:
    """A header value as readable text (encoded words decoded, never raising)."""
    if value is None:
        return None
    try:
        return str(make_header(decode_header(str(value))))
    except (ValueError, LookupError, UnicodeError, TypeError):
        return str(value)


_RAW_8BIT = re.compile("[\udc80-\udcff]")


class _Headers:
    """A message's headers by lower-case name, indexed once (a message has dozens of headers
    and a record reads seven of them), each read decoded and unfolded on request."""

    def __init__(self, msg: Message) -> None:
        self.msg = msg
        self._raw: dict[str, list[tuple[str, Any]]] = {}
        for key, value in msg.raw_items():
            self._raw.setdefault(key.lower(), []).append((key, value))

    def values(self, name: str) -> list[Any]:
        """Every ``name`` header (lower case), decoded and unfolded by ``policy.default``
        (raw if it fails)."""
        return [self._parsed(key, raw) for key, raw in self._raw.get(name, [])]

    def first(self, name: str) -> str | None:
        """The first ``name`` header as text: decoded and unfolded (see ``values``)."""
        key = name.lower()
        found = self._raw.get(key)
        if not found:
            return None
        raw = found[0][1]
        plain = _PLAIN_FORMS.get(key, _PLAIN_VALUE)
        if isinstance(raw, str) and "=?" not in raw and plain.fullmatch(raw):
            text: str | None = _LINE_BREAKS.sub("", raw)
        else:
            text = _text(self._parsed(*found[0]))
        return text.strip() if text else None

    def _parsed(self, key: str, raw: Any) -> Any:
        # unencoded 8-bit bytes, which the parser keeps as surrogates
        if isinstance(raw, str) and _RAW_8BIT.search(raw):
            raw = _decoded(raw.encode("utf-8", "surrogateescape"), None, _text_bytes(self.msg))
        try:
            return policy.default.header_fetch_parse(key, raw)
        except Exception:  # policy.default raises assorted errors on malformed headers
            return raw


#: a header value that ``policy.default`` and ``_text`` give back unchanged but for unfolding:
#: printable ASCII with no encoded word (most headers; parsing them costs more than the body);
#: an address or message id only in the plainest forms (``Ann Lee <ann@x.com>``, ``"Ann B.
#: Lee" <ann@x.com>``, ``ann@x.com``, ``<123.abc@x.com>``; an address is only read by
#: ``parseaddr``, which gives the same name and address for these as for what
#: ``policy.default`` makes of them), since their parsers rewrite comments, quotes, spacing
#: and odd ids
_PLAIN_VALUE = re.compile(r"[\x20-\x7e\t\r\n]*")
_PLAIN_ADDRESS = re.compile(
    r"(?:[A-Za-z0-9]+(?: [A-Za-z0-9]+)* "
    r'|"[A-Za-z0-9.\'-]+(?: [A-Za-z0-9.\'-]+)*" )?<[\w.+-]+@[\w.-]+>'
    r"|[\w.+-]+@[\w.-]+",
    re.ASCII,
)
_PLAIN_ID = re.compile(r"<[\w.$%+-]+@[\w.-]+>", re.ASCII)
_PLAIN_FORMS = {"from": _PLAIN_ADDRESS, "reply-to": _PLAIN_ADDRESS, "message-id": _PLAIN_ID}
_LINE_BREAKS = re.compile(r"\n|\r")  # what policy.default removes to unfold a header


#: declared charsets that mail software uses for their supersets (as the WHATWG Encoding
#: Standard does: ASCII and Latin-1 labels mean windows-1252, GB2312 means GBK/GB18030)
_SUPERSETS = {"ascii": "cp1252", "iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030"}


def _declared_charset(part: Message) -> str | None:
    """The part's declared charset as a Python codec name (a superset where one is meant), or
    None when it declares none or one Python does not know."""
    try:
        name = codecs.lookup(part.get_content_charset() or "").name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _decode(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(payload or "")
    return _decoded(payload, _declared_charset(part))


def _decoded(data: bytes, declared: str | None, evidence: bytes = b"") -> str:
    """Text in the declared charset, else UTF-8, else (undeclared 8-bit text, as mail clients
    do) the charset ``charset-normalizer`` recognises with strong evidence in it and in
    ``evidence`` (more text in the same charset: a short raw header is too little), else
    windows-1252: the first that decodes every byte; replacement characters only when none
    does."""
    candidates = [declared, "utf-8"]
    if not declared and not data.isascii() and not decodes(data, "utf-8"):
        candidates.append(guess_charset(data + b"\n" + evidence))
    for charset in dict.fromkeys(c for c in (*candidates, WESTERN) if c):
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(declared or "utf-8", errors="replace")


def _text_bytes(msg: Message) -> bytes:
    """The undeclared 8-bit bytes of the message's first text part (b"" if declared)."""
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            if part.get_content_charset() or not isinstance(payload, bytes):
                return b""
            return payload
    return b""


def _dates(headers: _Headers) -> Iterator[str | None]:
    """The Date header, then the dates of the Received headers, earliest first (lazily: most
    messages have a usable Date and many Received headers)."""
    yield headers.first("Date")
    for received in reversed(headers.values("received")):
        if ";" in str(received):
            yield str(received).rsplit(";", 1)[-1]


def _received_at(headers: _Headers) -> pd.Timestamp | None:
    """The Date header; without a usable one, the date of the earliest Received header."""
    for candidate in _dates(headers):
        if not candidate:
            continue
        try:
            parsed = parsedate_to_datetime(candidate)
            if 100 <= parsed.year < 1000:  # "102": a three-digit year is 1900 + it (RFC 5322 4.3)
                parsed = parsed.replace(year=parsed.year + 1900)
            stamp = pd.Timestamp(parsed)
        except (ValueError, TypeError, IndexError, OverflowError):
            continue
        return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return None


def _parts(msg: Message, max_chars: int) -> tuple[str, list[str], list[str]]:
    """The body text (plain parts or HTML parts as text) and the attachments' names/types."""
    plains: list[str] = []
    htmls: list[str] = []
    names: list[str] = []
    types: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        filename = part.get_filename()
        # a multipart whose boundary is broken arrives as one part: read it as text
        textual = content_type.startswith(("text/", "multipart/"))
        if filename or part.get_content_disposition() == "attachment" or not textual:
            names.append(_text(filename) or "(unnamed)")
            types.append(content_type)
            continue
        text = _decode(part)[:max_chars]
        is_html = content_type == "text/html" or _LOOKS_HTML.match(text)
        (htmls if is_html else plains).append(text)
    plain = "\n\n".join(plains) if any(p.strip() for p in plains) else ""
    html = "\n\n".join(html_to_text(h) for h in htmls)
    return _fuller_alternative(plain, html), names, types


def _fuller_alternative(plain: str, html: str) -> str:
    """The plain text, unless it is a stub of the HTML version ("This is an HTML message",
    "your e-mail program does not support HTML"): a plain part with under half the words of
    the HTML part's text does not carry the message, so the HTML text is read instead."""
    if len(plain.split()) * 2 < len(html.split()):
        return html
    return plain


_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def _thread_ids(headers: _Headers) -> str | None:
    """The Message-IDs an e-mail replies to (In-Reply-To, then References), each once."""
    text = " ".join(headers.first(name) or "" for name in ("In-Reply-To", "References"))
    return " ".join(dict.fromkeys(_MESSAGE_ID.findall(text))) or None


def _record(msg: Message, max_chars: int) -> dict[str, Any]:
    headers = _Headers(msg)
    name, address = parseaddr(headers.first("From") or "")
    reply_to = parseaddr(headers.first("Reply-To") or "")[1]
    text, names, types = _parts(msg, max_chars)
    subject = headers.first("Subject")
    parts = split_body(text[:max_chars], is_forward(subject, text))
    record: dict[str, Any] = {
        schema.MESSAGE_ID: headers.first("Message-ID"),
        schema.RECEIVED_AT: _received_at(headers),
        schema.SUBJECT: subject,
        schema.BODY: parts.body,
        schema.QUOTED: parts.quoted,
        schema.SIGNATURE: parts.signature,
        schema.SENDER_NAME: name or None,
        schema.SENDER_EMAIL: address or None,
        schema.REPLY_TO: reply_to or None,
        schema.IN_REPLY_TO: _thread_ids(headers),
        schema.ATTACHMENTS: schema.ATTACHMENT_SEP.join(names),
        schema.ATTACHMENT_TYPES: schema.ATTACHMENT_SEP.join(types),
    }
    for column, value in parse_signature(parts.signature).items():
        if not record.get(column):
            record[column] = value
    return record


def _raw_record(data: bytes, max_chars: int) -> dict[str, Any]:
    """Last resort for bytes no parser accepts: headers by regex, the rest as the body."""
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    head, _, rest = text.partition("\n\n")
    headers = {}
    for line in head.split("\n"):
        if match := _RAW_HEADER.match(line):
            headers.setdefault(match.group(1).lower(), match.group(2).strip())
    name, address = parseaddr(headers.get("from", ""))
    parts = split_body(rest[:max_chars], is_forward(headers.get("subject"), rest))
    return {
        schema.MESSAGE_ID: headers.get("message-id"),
        schema.SUBJECT: headers.get("subject"),
        schema.BODY: parts.body,
        schema.QUOTED: parts.quoted,
        schema.SIGNATURE: parts.signature,
        schema.SENDER_NAME: name or None,
        schema.SENDER_EMAIL: address or None,
        schema.RECEIVED_AT: None,
    }


def parse_message(data: bytes, max_body_chars: int = 50_000) -> dict[str, Any]:
    """One message's canonical fields (no labels, no provenance)."""
    try:
        return _record(BytesParser(policy=policy.compat32).parsebytes(data), max_body_chars)
    except Exception as exc:  # broken MIME may raise anything; read it by hand
        log.debug("parse failed: %r", exc)
    return _raw_record(data, max_body_chars)


def read_messages(
    path: Path,
    fmt: str,
    source: str,
    chunk_rows: int,
    *,
    max_message_bytes: int,
    max_body_chars: int,
    pattern: str = "**/*",
    exclude: tuple[str, ...] = (),
    units: tuple[int, int] | None = None,
) -> Iterator[Chunk]:
    """Read a mailbox (``fmt="mbox"``), a folder of message files, a zip of them or one file
    (``fmt="eml"``); ``units`` (start, stop) reads only those messages (0-based, in reading
    order)."""
    start, stop = units or (0, None)
    zipped = _is_zip(path)
    if fmt == "mbox" and not zipped:
        if not path.is_file():
            raise IngestError(f"{source}: mbox source is not a file")
        messages: Iterator[RawMessage] = iter_mbox(path, max_message_bytes)
    elif zipped:
        messages = _zip_messages(path, pattern, exclude, max_message_bytes)
    else:
        files = islice(_message_files(path, pattern, exclude), start, stop)
        start, stop = 0, None  # the file list is sliced: only the files in range are read
        messages = _folder_messages(files, max_message_bytes)
    messages = islice(messages, start, stop)
    pending: list[tuple[str, bytes]] = []
    problems: list[dict[str, str]] = []
    for position, data, size, trouble in messages:
        kind = None if data is None else not_mail(data)
        if trouble is not None:
            problems.append(problem(source, position, *trouble, schema.BODY))
        elif kind is not None:
            problems.append(problem(source, position, "not an e-mail", kind, schema.BODY))
        elif data is None:
            detail = f"{size} bytes (max_message_bytes {max_message_bytes})"
            problems.append(problem(source, position, "message too large", detail, schema.BODY))
        elif not data.strip():
            problems.append(problem(source, position, "empty message", "", schema.BODY))
        else:
            pending.append((position, data))
        if len(pending) + len(problems) >= chunk_rows:
            yield Chunk(_frame(parse_messages(pending, max_body_chars)), quarantine_rows(problems))
            pending, problems = [], []
    if pending or problems:
        yield Chunk(_frame(parse_messages(pending, max_body_chars)), quarantine_rows(problems))


def parse_messages(messages: list[tuple[str, bytes]], max_body_chars: int) -> list[dict[str, Any]]:
    """Records of (position, bytes) pairs, in input order; big batches on every core."""
    parse = partial(_parse_slice, max_body_chars=max_body_chars)
    slices = map_slices(parse, messages, _MESSAGES_PER_PROCESS, preload=[__name__])
    return [record for records in slices for record in records]


def _parse_slice(messages: list[tuple[str, bytes]], max_body_chars: int) -> list[dict[str, Any]]:
    return [
        {**parse_message(data, max_body_chars), schema.SOURCE_POSITION: position}
        for position, data in messages
    ]


def _message_files(
    folder: Path, pattern: str, exclude: tuple[str, ...]
) -> Iterator[tuple[str, Path]]:
    """A folder's message files, or the one file, with their relative path."""
    if folder.is_dir():
        return iter_folder(folder, pattern, exclude)
    return iter([(folder.name, folder)])


def count_messages(
    path: Path, fmt: str, max_message_bytes: int, pattern: str = "**/*", exclude: tuple = ()
) -> int:
    """How many messages ``read_messages`` reads (too large and empty ones included)."""
    zipped = _is_zip(path)
    if fmt == "mbox" and not zipped:
        return sum(1 for _ in iter_mbox(path, max_message_bytes))
    if zipped:
        with zipfile.ZipFile(path) as box:
            return len(_zip_members(box, pattern, exclude))
    return sum(1 for _ in _message_files(path, pattern, exclude))


def _is_zip(path: Path) -> bool:
    """Whether the source is a zip archive (of message files), whatever its name."""
    return path.is_file() and compression(head(path)) == "zip"


def _folder_messages(files: Iterable[tuple[str, Path]], max_bytes: int) -> Iterator[RawMessage]:
    for relative, path in files:
        size = path.stat().st_size
        yield RawMessage(relative, path.read_bytes() if size <= max_bytes else None, size)


def _zip_members(
    box: zipfile.ZipFile, pattern: str, exclude: tuple[str, ...]
) -> list[zipfile.ZipInfo]:
    """The message files of a zip archive, as of a folder, in a stable order."""
    return [
        info
        for info in sorted(box.infolist(), key=lambda i: i.filename)
        if not info.is_dir()
        and fnmatch.fnmatch(PurePosixPath(info.filename).name, PurePosixPath(pattern).name)
        and not any(
            fnmatch.fnmatch(part, pat) for part in info.filename.split("/") for pat in exclude
        )
    ]


def _zip_messages(
    archive: Path, pattern: str, exclude: tuple[str, ...], max_bytes: int
) -> Iterator[RawMessage]:
    """The message files of a zip archive (read up to ``max_bytes`` each, whatever sizes the
    archive claims)."""
    with zipfile.ZipFile(archive) as box:
        for info in _zip_members(box, pattern, exclude):
            with box.open(info) as fh:
                data = fh.read(max_bytes + 1)
            size = max(len(data), info.file_size)
            yield RawMessage(info.filename, data if len(data) <= max_bytes else None, size)


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    columns = [c for c in (*schema.INQUIRY_COLUMNS, schema.SOURCE_POSITION) if c != schema.CHANNEL]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame[schema.RECEIVED_AT] = pd.to_datetime(frame[schema.RECEIVED_AT], utc=True)
    return frame
