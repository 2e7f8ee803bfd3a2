"""Mailing-list tags and footers: removed from the text, the sender's words kept."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.features.listmail import (
    strip_list_footer,
    strip_list_tag,
    strip_mime_boundaries,
)
from inquiry_quality.features.text import TextFeatures, clean_text

MAILMAN = (
    "See the attached patch.\n\n-- \nAnn\n\n\n"
    "_______________________________________________\n"
    "Foo-users mailing list\nFoo-users@lists.example.org\n"
    "https://lists.example.org/mailman/listinfo/foo-users"
)
YAHOO = (
    "Meet on Friday.\n\n"
    "------------------------ Yahoo! Groups Sponsor ---------------------~-->\n"
    "4 DVDs Free\nhttp://us.click.yahoo.com/x\n"
    "---------------------------------------------------------------------~->\n\n"
    "To unsubscribe from this group, send an email to:\nfoo-unsubscribe@egroups.com\n\n"
    "Your use of Yahoo! Groups is subject to http://docs.yahoo.com/info/terms/"
)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("[Foo-Users] Re: build fails", "Re: build fails"),
        ("Re: [foo] [bar] build fails", "Re: build fails"),
        ("RE: [SA] question", "RE: question"),
        ("Quote for [model X] lamps", "Quote for [model X] lamps"),  # not at the start
        ("Order 45", "Order 45"),
    ],
)
def test_strip_list_tag(subject: str, expected: str) -> None:
    assert strip_list_tag(subject) == expected


@pytest.mark.parametrize(("body", "kept"), [(MAILMAN, "Ann"), (YAHOO, "Meet on Friday.")])
def test_strip_list_footer_removes_list_furniture(body: str, kept: str) -> None:
    stripped = strip_list_footer(body)
    assert stripped.endswith(kept)
    assert "listinfo" not in stripped and "Yahoo" not in stripped


def test_strip_list_footer_keeps_a_bare_listinfo_paragraph_only_when_it_is_furniture() -> None:
    body = "First point.\n\nSecond point.\n\nhttp://example.com/mailman/listinfo/fork"
    assert strip_list_footer(body) == "First point.\n\nSecond point."


def test_strip_list_footer_keeps_the_senders_own_unsubscribe_line() -> None:
    body = "Buy now!\n\n---------------\nTo unsubscribe from our mailing list, click here."
    assert strip_list_footer(body) == body


def test_strip_list_footer_keeps_a_long_text_after_a_separator() -> None:
    body = "Intro\n----------\n" + "a real paragraph of text. " * 80 + "\nFoo mailing list"
    assert strip_list_footer(body) == body


def test_clean_text_strips_only_when_asked() -> None:
    assert clean_text("[foo] Hi", MAILMAN).startswith("[foo] hi")
    stripped = clean_text("[foo] Hi", MAILMAN, strip_list_artefacts=True)
    assert stripped == "hi see the attached patch. -- ann"


def test_text_family_passes_the_setting() -> None:
    frame = pd.DataFrame({"subject": ["[foo] Hi"], "body": [MAILMAN]})
    kept = TextFeatures().transform(frame)["clean_text"].iloc[0]
    stripped = TextFeatures(strip_list_artefacts=True).transform(frame)["clean_text"].iloc[0]
    assert "mailing list" in kept and "mailing list" not in stripped


def test_featurizer_from_params_passes_the_setting() -> None:
    from inquiry_quality.core.config import FeaturizeParams
    from inquiry_quality.features import featurizer_from_params

    frame = pd.DataFrame({"subject": ["[foo] Hi"], "body": [MAILMAN]})
    params = FeaturizeParams(strip_list_artefacts=True)
    text = featurizer_from_params(params).transform(frame)["clean_text"].iloc[0]
    assert text == "hi see the attached patch. -- ann"


def test_strip_mime_boundaries_removes_only_boundary_lines() -> None:
    body = "Buy now!\n\n--DeathToSpamDeathToSpam--\n--Dave--\n-- \nAnn\n----------------"
    assert strip_mime_boundaries(body) == "Buy now!\n\n\n--Dave--\n-- \nAnn\n----------------"
