"""Attachment lures: programs, web pages and names disguised with a double extension.

Only the file names are read: an attachment is never opened.
"""

from __future__ import annotations

import re

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, attachment_names, text_column

EXECUTABLE = frozenset(
    [
        "exe",
        "scr",
        "com",
        "pif",
        "js",
        "jse",
        "vbs",
        "vbe",
        "wsf",
        "bat",
        "cmd",
        "ps1",
        "jar",
        "msi",
        "lnk",
        "hta",
        "iso",
        "img",
        "cpl",
        "reg",
    ]
)
HTML = frozenset(["html", "htm", "shtml", "xhtml", "svg", "mht", "mhtml"])
DOCUMENT = frozenset(
    [
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "xlsm",
        "ppt",
        "pptx",
        "csv",
        "txt",
        "rtf",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "tif",
        "tiff",
        "zip",
        "rar",
    ]
)
# A document extension, padding (spaces, underscores, dots), then the real extension.
_DOUBLE = re.compile(rf"\.({'|'.join(sorted(DOCUMENT))})[\s_.\-]*\.([a-z0-9]{{1,5}})$")


def extension(name: str) -> str:
    """The lower-cased last extension of a file name ("" without one)."""
    return name.rsplit(".", 1)[1].strip().lower() if "." in name else ""


def is_double_extension(name: str) -> bool:
    """A document extension followed by a different, non-document one (PO.pdf.exe)."""
    match = _DOUBLE.search(name.lower().strip())
    return bool(match) and match.group(2) not in DOCUMENT


class AttachmentFeatures(FeatureFamily):
    """How many attachments are programs, web pages or disguised names."""

    feature_names = ("executable_attachments", "html_attachments", "double_extensions")

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for cell in text_column(X, schema.ATTACHMENTS):
            names = attachment_names(cell)
            kinds = [extension(n) for n in names]
            out["executable_attachments"].append(float(sum(k in EXECUTABLE for k in kinds)))
            out["html_attachments"].append(float(sum(k in HTML for k in kinds)))
            out["double_extensions"].append(float(sum(map(is_double_extension, names))))
        return out
