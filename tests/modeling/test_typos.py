"""TypoRate: a rare word one letter from a common word is a typo; the lexicon is the fit's."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.modeling.typos import FEATURE_NAMES, TypoRate

COMMON = "please send your quotation for these lights with delivery time"


@pytest.fixture
def rate() -> TypoRate:
    return TypoRate(frequent_df=3, ratio=2).fit([COMMON] * 5 + ["Siemens Hamburg offer"])


@pytest.mark.parametrize(
    "word",
    ["quotaton", "quottation", "qoutation", "delivry"],  # dropped, doubled, swapped, dropped
)
def test_one_letter_from_a_common_word_is_a_typo(rate: TypoRate, word: str) -> None:
    assert rate.is_typo(word)


@pytest.mark.parametrize("word", ["quotation", "siemens", "zebrafish", "quotations"])
def test_common_rare_unrelated_words_are_not(rate: TypoRate, word: str) -> None:
    # a rare plural of a common word looks like a typo of it (a known limit)
    assert rate.is_typo(word) == (word == "quotations")


def test_a_word_as_common_as_its_neighbour_is_no_typo() -> None:
    rate = TypoRate(frequent_df=3, ratio=2).fit([COMMON + " quotaton"] * 5)
    assert not rate.is_typo("quotaton")


def test_a_shared_misspelling_is_a_typo_if_much_rarer() -> None:
    texts = [COMMON] * 10 + [COMMON.replace("quotation", "quotaton")] * 2
    assert TypoRate(frequent_df=3, ratio=4).fit(texts).is_typo("quotaton")  # 2 vs 10
    assert not TypoRate(frequent_df=3, ratio=6).fit(texts).is_typo("quotaton")


def test_transform_flags_some_and_many() -> None:
    rate = TypoRate(frequent_df=3, ratio=2, many_share=0.2).fit([COMMON] * 5)
    clean = COMMON
    one = COMMON.replace("quotation", "quotaton")
    many = one.replace("delivery", "delivry").replace("please", "pleese")
    many = many.replace("lights", "ligths")
    out = rate.transform(pd.Series([clean, one, many, None]))
    np.testing.assert_array_equal(out, [[0, 0], [1, 0], [1, 1], [0, 0]])
    assert list(rate.get_feature_names_out()) == list(FEATURE_NAMES)


def test_lexicon_is_case_insensitive_and_skips_codes(rate: TypoRate) -> None:
    out = rate.transform(["Please send your QUOTATION for NB-PL6060-36W lihgts@x.com"])
    np.testing.assert_array_equal(out, [[0, 0]])
