"""The phrasing family's spaCy tokenizer: faster than the stock one, the same tokens."""

from __future__ import annotations

import pandas as pd
import pytest
import spacy

from inquiry_quality.features import phrasing
from inquiry_quality.features.phrasing import PhrasingFeatures


def test_lean_tokenizer_gives_the_stock_tokens(inquiries: pd.DataFrame) -> None:
    stock = spacy.blank("en").tokenizer
    lean = phrasing._rules(None, (), ()).nlp.tokenizer
    pairs = zip(inquiries["subject"], inquiries["body"], strict=True)
    for text in (f"{subject}\n\n{body}\t\xa0x" for subject, body in pairs):
        assert [_token(t) for t in lean(text)] == [_token(t) for t in stock(text)]


def _token(token: spacy.tokens.Token) -> tuple:
    return (
        token.text,
        token.whitespace_,
        token.lower_,
        token.is_title,
        token.is_alpha,
        token.is_punct,
        token.is_space,
    )


def test_rules_are_rebuilt_when_the_vocabulary_outgrows_its_limit(
    inquiries: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = PhrasingFeatures()
    first = family.transform(inquiries)
    before = phrasing._rules(None, (), ())
    monkeypatch.setattr(phrasing, "VOCAB_LIMIT", len(before.nlp.vocab))
    family.transform(inquiries.assign(body=inquiries["body"] + " zq1x zq2y zq3z"))
    after = phrasing._rules(None, (), ())
    assert after is not before  # rebuilt: the old vocabulary is freed
    pd.testing.assert_frame_equal(family.transform(inquiries), first)


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("need quote", "pls send me ur price for panel lights and bulbs", 0.0),
        ("URGENT", "PLEASE SEND YOUR BEST PRICE FOR PANEL LIGHTS TODAY", 1.0),
        ("Заказ", "Здравствуйте, Лили! Просим выслать цену на светильники", 0.06),
        # scripts without capitals: blank, not "all lower case" (a Latin model code or two
        # inside does not make the text one written in Latin)
        ("رد: الشحنة", "أهلاً ليلي، وصلتنا المستندات، شكراً. سنقوم بتحويل الرصيد يوم الأحد", None),
        ("询价", "您好，我们需要LED面板灯NB-PL6060五百个，请报FOB宁波价格。", None),
        ("見積依頼", "いつもお世話になっております。LEDパネルの価格を教えてください。", None),
    ],
)
def test_capitals_ratio_is_blank_for_scripts_without_capitals(
    subject: str, body: str, expected: float | None
) -> None:
    frame = pd.DataFrame({"inquiry_id": ["x"], "subject": [subject], "body": [body]})
    value = PhrasingFeatures().transform(frame)["capitals_ratio"].iloc[0]
    if expected is None:
        assert pd.isna(value)
    else:
        assert value == pytest.approx(expected, abs=0.02)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Dear John,\nHope all is well. Please quote 500 panels.", "personal"),
        ("Dear Ms. Chen,\nour team needs 500 panels, please quote.", "personal"),
        ("Dear Sir,\nplease quote 500 panels.", "generic"),
        ("Dear valued customer,\nwe offer LED panels.", "generic"),
    ],
)
def test_a_greeting_line_ends_at_its_punctuation(body: str, expected: str) -> None:
    """A generic word after the greeting line ("all", "team") does not make it generic."""
    frame = pd.DataFrame({"inquiry_id": ["x"], "subject": ["Panels"], "body": [body]})
    assert PhrasingFeatures().transform(frame)["greeting"].iloc[0] == expected
