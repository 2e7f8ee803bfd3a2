"""The lexicons' tokenizers: lean, with the tokens of spaCy's own."""

from __future__ import annotations

import pytest
import spacy

from inquiry_quality.features.lexicon import (
    fold,
    lexicon,
    lexicon_files,
    load_languages,
    tokenizer,
    tokens,
)

TEXTS = {
    "en": "Dear Sir,\n\nplease quote 500 pcs (LED-panels, 40W) C.I.F. Hamburg!\tThanks\r\nAnn",
    "fr": "Bonjour,\nj'aimerais l'offre pour 200 pièces, livraison à Lyon s'il vous plaît.",
    "de": "Sehr geehrte Damen und Herren,\n\nbitte senden Sie uns ein Angebot z.B. für 3.000 Stk.",
    "ru": "Здравствуйте!\nПросим выслать коммерческое предложение на 100 шт.",
    "zh": "您好，\n我们需要报价：LED面板 500 件，请尽快回复。",
    "ar": "السلام عليكم،\nنرجو إرسال عرض سعر لـ 50 قطعة.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_tokens_are_spacys_own_without_punctuation_or_space(language: str) -> None:
    full = spacy.blank(language).tokenizer(fold(TEXTS[language]))
    expected = [t.text for t in full if not (t.is_punct or t.is_space)]
    assert tokens(TEXTS[language], language) == expected
    assert len(expected) > 3


def test_load_languages_builds_every_languages_tokenizer_and_lexicon() -> None:
    tokenizer.cache_clear()
    lexicon.cache_clear()
    load_languages()
    languages = len(lexicon_files())
    assert tokenizer.cache_info().currsize == lexicon.cache_info().currsize == languages
    assert languages >= 10
