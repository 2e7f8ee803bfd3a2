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
    return token.text, token.whitespace_, token.lower_, token.is_title, token.is_alpha


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
