"""Attachment lures: programs, web pages and double extensions, read from names only."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.features.attachments import AttachmentFeatures, is_double_extension


@pytest.mark.parametrize(
    ("name", "double"),
    [
        ("PO_4471.pdf.exe", True),
        ("Invoice.PDF.html", True),
        ("scan.xlsx      .js", True),
        ("payment_copy.pdf_.htm", True),
        ("quotation.pdf", False),
        ("drawings.v2.pdf", False),
        ("photos.zip", False),
        ("report.pdf.zip", False),  # a document in an archive's name: not disguised
    ],
)
def test_double_extensions(name: str, double: bool) -> None:
    assert is_double_extension(name) is double


def test_counts_per_inquiry() -> None:
    frame = pd.DataFrame(
        {"attachments": ["RFQ.pdf.exe; specs.pdf", "view_order.html; logo.svg", "quote.docx", None]}
    )
    out = AttachmentFeatures().fit_transform(frame)
    assert out["executable_attachments"].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert out["html_attachments"].tolist() == [0.0, 2.0, 0.0, 0.0]
    assert out["double_extensions"].tolist() == [1.0, 0.0, 0.0, 0.0]
