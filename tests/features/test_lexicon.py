"""The lexicons' tokenizers: lean, with the tokens of spaCy's own."""

from __future__ import annotations

import pytest
import spacy

from inquiry_quality.features import lexicon as lexicon_module
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
    # whitespace runs, special cases and pieces that recur within the text
    "xx": "Hi  there,\n \n we don't need it.  We   don't! (don't) e.g. 5kg\u00a0x 5kg\n\n\nbye ",
}


def spacys_own(text: str, language: str) -> list[str]:
    """The words of ``text`` as one Doc of spaCy's stock tokenizer has them."""
    full = spacy.blank(language).tokenizer(fold(text))
    return [t.text for t in full if not (t.is_punct or t.is_space)]


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_tokens_are_spacys_own_without_punctuation_or_space(language: str) -> None:
    expected = spacys_own(TEXTS[language], language)
    assert tokens(TEXTS[language], language) == expected
    assert tokens(TEXTS[language], language) == expected  # again, from the kept pieces
    assert len(expected) > 3


def test_tokens_keeps_each_languages_pieces_apart() -> None:
    text = "l'offre d'achat, l'offre"
    french, english = spacys_own(text, "fr"), spacys_own(text, "en")
    assert french != english  # French splits the elision, English does not
    assert tokens(text, "en") == english
    assert tokens(text, "fr") == french
    assert tokens(text, "en") == english


def test_tokens_starts_over_past_the_pieces_it_keeps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_module, "PIECES_KEPT", 10)
    lexicon_module._piece_words.cache_clear()
    tokens("warm up", "en")
    words_known = len(tokenizer("en").vocab)
    texts = [" ".join(f"item{i}x{j}: no{i}n{j}" for j in range(4)) for i in range(6)]
    for text in texts:
        assert tokens(text, "en") == spacys_own(text, "en")
        assert len(lexicon_module._piece_words("en")) <= 10 + 8  # the limit, plus one text
    # the tokenizer's vocabulary started over too: 48 new words met, at most ~20 kept
    assert len(tokenizer("en").vocab) < words_known + 30


def test_load_languages_builds_every_languages_tokenizer_and_lexicon() -> None:
    tokenizer.cache_clear()
    lexicon.cache_clear()
    load_languages()
    languages = len(lexicon_files())
    assert tokenizer.cache_info().currsize == lexicon.cache_info().currsize == languages
    assert languages >= 10
