"""The cleaned text handed to the model's n-grams."""

from __future__ import annotations

from inquiry_quality.features.text import clean_text, readable


def test_clean_text_normalises_addresses_links_and_numbers() -> None:
    text = clean_text("RE: Order 4521", "Mail ME at a.b@x.com or see https://x.com/p?id=1, 500 pcs")
    assert text == "re: order xxnum mail me at xxemail or see xxurl xxnum pcs"


def test_clean_text_keeps_model_numbers_and_non_english_words() -> None:
    assert clean_text("", "NB-PL6060-40W Größe") == "nb-pl6060-40w größe"


def test_clean_text_keeps_link_hosts_only_when_asked() -> None:
    body = "see https://www.Example.co.uk/p?id=1 and http://www2.shop.com/x or http://[bad"
    assert clean_text("", body) == "see xxurl and xxurl or xxurl"
    assert (
        clean_text("", body, keep_link_hosts=True)
        == "see xxurl example.co.uk and xxurl shop.com or xxurl"
    )


def test_a_quoted_ngram_says_its_placeholders_in_words() -> None:
    text = clean_text(
        "Offer", "Mail me@x.com, see http://www.cnet.com/a?b=1 for 20 units", False, True
    )
    assert "xxurl cnet" in text and "xxnum units" in text
    assert readable("xxurl cnet") == "[link] cnet"
    assert readable("xxnum units") == "[number] units"
    assert readable("xxemail") == "[e-mail address]"
    assert readable("fob ningbo") == "fob ningbo"
