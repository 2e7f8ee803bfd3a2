"""Splitting an e-mail body into the new text, the quoted earlier messages and the signature.

``BODY`` must hold only what the sender wrote now: quoted replies would credit a buyer with the
exporter's own words, and the signature's contact details are features of their own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from inquiry_quality.core import schema
from inquiry_quality.core.people import JOB_TITLES, NAME_PARTICLES

_ATTRIBUTION_LINE = r"On\b[^\n]{0,300}?\bwrote:\s*$"  # On Mon, 3 Mar 2025, Ann <a@b.c> wrote:
_FORWARDED_LINE = r"-{2,}\s*Forwarded message\s*-{2,}"
# Where a quoted earlier message starts (the first match ends the new text).
_QUOTE_START = re.compile(
    rf"^(?:{_ATTRIBUTION_LINE}"
    r"|-{2,}\s*Original Message\s*-{2,}"
    rf"|{_FORWARDED_LINE}"
    r"|_{20,}[ \t]*\n[ \t]*From:"  # Outlook's rule above "From: ... Sent: ..."
    r"|From:[^\n]*\n(?:Sent|Date):)",
    re.MULTILINE | re.IGNORECASE,
)
_ATTRIBUTION = re.compile(_ATTRIBUTION_LINE, re.IGNORECASE)
_PREFIXED_NEXT = re.compile(r"\s*>")  # the first non-blank line after the attribution
# A forward: a forward prefix after any list tags and reply prefixes, or a forwarding
# mailer's own marker line.
_FORWARD_SUBJECT = re.compile(
    rf"^\s*(?:\[[^\]]*\]\s*)*(?:(?:{'|'.join(schema.REPLY_PREFIXES)})\s*:\s*)*"
    rf"(?:{'|'.join(schema.FORWARD_PREFIXES)})\s*:",
    re.IGNORECASE,
)
_FORWARD_MARKER = re.compile(
    rf"^(?:{_FORWARDED_LINE}|Begin forwarded message:)", re.MULTILINE | re.IGNORECASE
)
_SIG_DASHES = re.compile(r"^-- ?$", re.MULTILINE)
# Sign-offs that open a signature block, in the languages buyers commonly write in.
CLOSINGS = (
    r"(?:best|kind|warm|warmest|with best|many thanks and|thanks? (?:and|&)(?: best)?) regards",
    r"regards|best wishes|best|sincerely|yours (?:sincerely|faithfully|truly)|cheers|thanks",
    r"mit freundlichen gr\w*|viele gr\w*|beste gr\w*|freundliche gr\w*",  # de
    r"cordialement|bien cordialement|bien à vous|salutations distinguées",  # fr
    r"saludos(?: cordiales)?|atentamente|un saludo|cordialmente|abraços|atenciosamente",  # es/pt
    r"(?:un |reciba un )?cordial saludo|quedo atent[oa]|quedamos atentos|gracias|obrigad[oa]",
    r"cordiali saluti|distinti saluti|saluti",  # it
    r"met vriendelijke groet(?:en)?|groeten|pozdrawiam|z poważaniem|saygılarımla",  # nl/pl/tr
    r"с уважением|с наилучшими пожеланиями|всего доброго",  # ru
    r"مع أطيب التحيات|مع خالص التحيات|تحياتي|وتفضلوا بقبول فائق الاحترام",  # ar
    r"此致敬礼|此致|顺祝商祺|祝好|谢谢|敬上",  # zh
    r"trân trọng|hormat kami|salam|saludos y bendiciones",  # vi/id
)
_CLOSING = re.compile(rf"^(?:{'|'.join(CLOSINGS)})[ \t,.!，、،]*$", re.MULTILINE | re.IGNORECASE)
# a sign-off is followed by a few short lines (name, title, contacts), not by more text
_SIGNATURE_LINES = 10
_LINE_CHARS = 80

_PHONE = re.compile(r"^(?:tel|phone|ph|mob|mobile|cell|t|m|whatsapp)\b\.?\s*[:.]?\s*(.+)$", re.I)
_FAX = re.compile(r"^(?:fax|f)\b\.?\s*[:.]?\s*(.+)$", re.I)
_CELL_SEP = re.compile(r"\n|\s{3,}| \| ")  # lines, and cells of two-column signatures
_MAX_WORDS = 7
_NOT_CONTACT = re.compile(r"copyright|unsubscribe|click|remove|rights reserved|http", re.I)
_WEB = re.compile(r"((?:https?://|www\.)[^\s<>]+)", re.I)
_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}")
_NUMBER = re.compile(r"^\+?[\d ()./-]{7,}$")
_TITLE_WORDS = re.compile(
    r"\b(?:purchas\w*|head|executive|sales|import\w*|partner|chairman|consultant|supervisor"
    rf"|specialist|agent|representative|gm|{'|'.join(map(re.escape, JOB_TITLES))})\b",
    re.I,
)
_COMPANY_WORDS = re.compile(
    r"\b(?:ltd|limited|llc|l\.l\.c|inc|corp|corporation|gmbh|ag|s\.?a\.?|s\.?r\.?l|b\.?v|pty|plc"
    r"|co\.?|company|trading|group|enterprises?|industries|imports?|exports?|s\.?l|sarl|oy|ab"
    r"|spa|llp|lighting|electric\w*|solutions|ltda|eireli|a\.?ş|şti|sp\. z o\.o|kg|ооо|оао|зао|ао"
    r"|s\.?a\.?s|s\.?a\.?c|s\.?p\.?a)\b",
    re.I,
)


class BodyParts(NamedTuple):
    body: str
    quoted: str
    signature: str


def html_to_text(html: str) -> str:
    """Readable text of an HTML body; scripts and styles are dropped.

    Link and image targets are content the sender wrote, as a text-mode mail reader shows them:
    each web or mail link's target follows its anchor text in angle brackets and a remote image
    becomes its address, so an HTML-only body keeps its links for the text n-grams and the link
    count like a plain-text one. Nothing is fetched.
    """
    from bs4 import BeautifulSoup  # only mail with an HTML part needs it (~50 ms to import)

    soup = BeautifulSoup(html, "html.parser")
    # what a <head> holds, not the <head> itself: mailers often leave it open, and html.parser
    # then nests the whole body inside it
    for tag in soup(["script", "style", "title", "meta", "link", "base"]):
        tag.decompose()
    for anchor in soup.find_all("a", href=True):
        if target := _link_target(str(anchor["href"])):
            anchor.append(f" <{target}>")
    for image in soup.find_all("img", src=True):
        if target := _link_target(str(image["src"])):
            image.replace_with(f" <{target}> ")
    text = soup.get_text("\n")
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _link_target(href: str) -> str | None:
    """A web address or an e-mail address (``mailto:`` removed); None for anchors, scripts."""
    href = href.strip()
    if href.lower().startswith(("http://", "https://", "www.")):
        return href
    if href.lower().startswith("mailto:"):
        return href[len("mailto:") :] or None
    return None


def is_forward(subject: str | None, text: str) -> bool:
    """Whether a mail forwards another: what it quotes is then what it sends (a colleague's
    forwarded RFQ is the inquiry), not an earlier message of the thread."""
    return bool(_FORWARD_SUBJECT.match(subject or "") or _FORWARD_MARKER.search(text))


def split_body(text: str, forward: bool = False) -> BodyParts:
    """Split ``text`` into new text, quoted earlier messages and the signature block; in a
    ``forward`` the forwarded message (quote marks and all) stays in the new text, and its
    signature is the last one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    quote = None if forward else _QUOTE_START.search(text)
    if quote and _ATTRIBUTION.match(quote.group()) and _PREFIXED_NEXT.match(text, quote.end()):
        # "On ... wrote:" then ">" lines: the quote is those lines, and unprefixed lines after
        # them are the sender's own inline or bottom-posted reply
        new = text[: quote.start()] + text[quote.end() :].removeprefix("\n")
        quoted = quote.group()
    elif quote:  # a block quote ("Original Message", "From: ... Sent:"): the rest is quoted
        new, quoted = text[: quote.start()], text[quote.start() :]
    else:
        new, quoted = text, ""
    kept, inline_quotes = [], []
    for line in new.split("\n"):
        (inline_quotes if line.startswith(">") and not forward else kept).append(line)
    new = "\n".join(kept)
    quoted = "\n".join(q for q in (quoted.strip(), *inline_quotes) if q)
    new, signature = _split_signature(new)
    if not new.strip():  # nothing but quotes or a signature: that is what was sent
        return BodyParts(text.strip(), "", "")
    return BodyParts(new.strip(), quoted, signature.strip())


def _split_signature(text: str) -> tuple[str, str]:
    dashes = list(_SIG_DASHES.finditer(text))
    if dashes:
        cut = dashes[-1]
        return text[: cut.start()], text[cut.end() :]
    closings = list(_CLOSING.finditer(text))
    if closings:
        cut = closings[-1]
        after = [line for line in text[cut.end() :].split("\n") if line.strip()]
        if len(after) <= _SIGNATURE_LINES and all(len(line) <= _LINE_CHARS for line in after):
            return text[: cut.start()], text[cut.start() :]
    return _contact_block(text)


def _contact_block(text: str) -> tuple[str, str]:
    """No sign-off: the last paragraph is the signature when it is a few short lines that
    start with a name and give a phone, a website or an e-mail address."""
    head, _, last = text.rstrip().rpartition("\n\n")
    lines = [line.strip() for line in last.split("\n") if line.strip()]
    if (
        head.strip()
        and 2 <= len(lines) <= _SIGNATURE_LINES
        and all(len(line) <= _LINE_CHARS for line in lines)
        and _looks_like_name(lines[0])
        and any(
            _PHONE.match(line) or _NUMBER.match(line) or _WEB.search(line) or _EMAIL.search(line)
            for line in lines[1:]
        )
    ):
        return head, last
    return text, ""


def parse_signature(signature: str) -> dict[str, str]:
    """Name, job title, company, phone, fax and website found in a signature block."""
    found: dict[str, str] = {}
    free_lines: list[str] = []
    for raw in _CELL_SEP.split(signature):
        line = raw.strip(" \t|*-•")
        if not line or _CLOSING.fullmatch(line):
            continue
        if fax := _FAX.match(line):
            found.setdefault(schema.FAX, fax.group(1).strip())
        elif phone := _PHONE.match(line):
            found.setdefault(schema.PHONE, phone.group(1).strip())
        elif _NUMBER.match(line):
            found.setdefault(schema.PHONE, line)
        elif web := _WEB.search(line):
            found.setdefault(schema.WEBSITE, web.group(1).rstrip(".,;)"))
        elif _EMAIL.search(line) or line.lower().startswith(("e-mail", "email", "add", "addr")):
            continue
        else:
            free_lines.append(line)
    for line in free_lines[:4]:
        if len(line.split()) > _MAX_WORDS or line.endswith(":") or _NOT_CONTACT.search(line):
            continue
        if schema.JOB_TITLE not in found and _TITLE_WORDS.search(line):
            found[schema.JOB_TITLE] = line
        elif schema.COMPANY not in found and _COMPANY_WORDS.search(line):
            found[schema.COMPANY] = line
        elif schema.SENDER_NAME not in found and _looks_like_name(line):
            found[schema.SENDER_NAME] = line
    return found


def _looks_like_name(line: str) -> bool:
    words = line.replace(".", " ").split()
    capitals = sum(w[:1].isupper() for w in words)
    return (
        1 <= capitals <= 4
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)
        and len(words) - capitals <= 2
        and not any(ch.isdigit() for ch in line)
    )
