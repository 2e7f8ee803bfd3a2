"""What mailing-list software adds to a message: a subject tag, a footer, MIME boundary lines.

A list server (Mailman, Majordomo, Yahoo! Groups, ...) rewrites every message it relays: the
subject gets the list's tag (``[ILUG] Re: ...``) and the body the list's footer (a separator
line, "<List> mailing list", the listinfo address, a sponsor's advert); a list that relays a
message as a MIME attachment can leave its MIME boundary lines (``--<boundary>--``) in the text.
None of it was written by the sender: it says which list delivered the mail, like the ``List-*``
headers, so a model that reads it learns the mailbox's collection, not the sender.
``featurize.strip_list_artefacts`` removes all three from the text the model reads. The rules
are general (any tag, any list's footer furniture, any boundary); the sender's own words,
including a marketer's "unsubscribe" line, stay.
"""

from __future__ import annotations

import re
from itertools import pairwise

from inquiry_quality.core import schema

# Reply/forward prefixes a tag may follow ("Re: [list] ..."); they are kept.
_PREFIXES = (
    rf"(?:(?:{'|'.join(schema.REPLY_PREFIXES + schema.FORWARD_PREFIXES)})\s*(?:\[\d+\])?\s*:\s*)*"
)
_SUBJECT_TAG = re.compile(rf"^({_PREFIXES})\[[^\[\]\n]{{1,40}}\]\s*", re.IGNORECASE)
#: tags stripped at most (a relayed message can carry the tags of several lists)
MAX_TAGS = 3
# A separator line that opens a footer: a rule of dashes/underscores/..., or the "-- " line.
_SEPARATOR = re.compile(r"^(?:[-_=~*+#]{10,}.*|-- ?)$", re.MULTILINE)
# List-server furniture (not words a sender uses for their own mailing: "unsubscribe" alone is
# not one of them).
_FURNITURE = re.compile(
    r"^[^\n]{1,60} mailing list[ \t]*$"  # Mailman: "Foo-users mailing list"
    r"|/listinfo\b|/mailman/|\blist maintainer\b|\(un\)subscri"
    r"|groups sponsor|your use of yahoo! groups|unsubscribe from this group"
    r"|\bemail is sponsored by\b|-request@",
    re.IGNORECASE | re.MULTILINE,
)
# A MIME boundary delimiter line left in the text: "--", a token without spaces, "--".
_MIME_BOUNDARY = re.compile(r"^--[^\s-]\S{8,69}--[ \t]*$", re.MULTILINE)
#: a footer is short: longer tails after a separator are the sender's text
MAX_FOOTER_CHARS = 1500
MAX_PARAGRAPH_CHARS = 600
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def strip_list_tag(subject: str) -> str:
    """``subject`` without the bracketed list tag(s) at its start (reply prefixes kept)."""
    for _ in range(MAX_TAGS):
        stripped = _SUBJECT_TAG.sub(r"\1", subject, count=1)
        if stripped == subject:
            break
        subject = stripped
    return subject


def strip_list_footer(body: str) -> str:
    """``body`` without a list footer at its end.

    The footer starts at the first separator line (a rule, or the "-- " line) whose block, up to
    the next separator, holds list furniture, when what follows is short; without such a line,
    trailing paragraphs that hold list furniture are dropped.
    """
    if not _FURNITURE.search(body):
        return body
    starts = [separator.start() for separator in _SEPARATOR.finditer(body)]
    for start, end in pairwise([*starts, len(body)]):
        if len(body) - start <= MAX_FOOTER_CHARS and _FURNITURE.search(body[start:end]):
            return body[:start].rstrip()
    paragraphs = _PARAGRAPH.split(body)
    while (
        len(paragraphs) > 1
        and len(paragraphs[-1]) <= MAX_PARAGRAPH_CHARS
        and _FURNITURE.search(paragraphs[-1])
    ):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def strip_mime_boundaries(body: str) -> str:
    """``body`` without MIME boundary delimiter lines (``--<token>--``) left in its text."""
    return _MIME_BOUNDARY.sub("", body) if "--" in body else body
