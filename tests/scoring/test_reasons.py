"""Reasons say each fact once: over the seeded demo batch and the hand-written inbox."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from scoring.test_handwritten import INQUIRIES, inquiry_frame

from inquiry_quality.core.config import Params, ScoreParams
from inquiry_quality.features.registry import BY_NAME, FACT_OF, SAME_FACT, describe
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.reasons import (
    AGAINST,
    FOR,
    could_be_said,
    one_per_fact,
    reason_facts,
    reasons,
    repeated_facts,
    sayable,
    sentence,
    top_factors,
    with_evidence,
)


@pytest.fixture(scope="module")
def talkative(scorer: Scorer) -> Scorer:
    """The project's model saying every non-zero factor: the hardest case for repeats."""
    return Scorer(scorer.bundle, ScoreParams(top_reasons=200, min_contribution=0.0))


@pytest.fixture(scope="module")
def handwritten_inbox(project_params: Params) -> pd.DataFrame:
    rows = yaml.safe_load(INQUIRIES.read_text(encoding="utf-8"))
    return inquiry_frame(rows, project_params.ingest)


def test_every_grouped_feature_is_in_the_registry_once() -> None:
    members = [name for names in SAME_FACT.values() for name in names]
    assert len(members) == len(set(members)) == len(FACT_OF)
    assert set(members) <= set(BY_NAME)
    assert all(len(names) >= 2 for names in SAME_FACT.values())


def test_the_larger_contribution_says_the_fact() -> None:
    contributions = pd.DataFrame(
        {
            "links_count": [0.4, -0.1, 0.0],
            "links_elsewhere": [-0.9, 0.3, 0.0],
            "has_quantity": [0.2, 0.2, 0.5],
        }
    )
    kept = one_per_fact(contributions)
    assert kept["links_count"].tolist() == [0.0, 0.0, 0.0]
    assert kept["links_elsewhere"].tolist() == [-0.9, 0.3, 0.0]
    assert kept["has_quantity"].tolist() == [0.2, 0.2, 0.5]  # alone in its group here


@pytest.mark.parametrize(
    ("first", "second", "fact"),
    [
        ("links_count", "links_elsewhere", "links"),
        ("has_quantity", "quantity_value", "quantity"),
        ("risky_attachments", "html_attachments", "risky attachments"),
    ],
)
def test_sentences_of_one_group_are_found_as_a_repeat(first: str, second: str, fact: str) -> None:
    row = {"quantity_text": "500 pcs", "quantity_value": 500.0, "sender_domain": "x.de"}
    said = [
        AGAINST + describe(first, row | {first: 2}, "against"),
        AGAINST + describe(second, row | {second: 2}, "against"),
    ]
    if first == "has_quantity":
        said = [FOR + describe(first, row, "for"), FOR + describe(second, row, "for")]
    assert all(reason_facts(r) == {fact} for r in said), said
    assert repeated_facts(said) == [fact]


def _repeats(output: pd.DataFrame) -> dict[str, list[str]]:
    found = {}
    for inquiry, said in zip(output["inquiry_id"], output["reasons"], strict=True):
        if repeated := repeated_facts(said):
            found[str(inquiry)] = [r for r in said if reason_facts(r) & set(repeated)]
    return found


def test_no_demo_inquiry_says_a_fact_twice(
    talkative: Scorer, scorer: Scorer, new_batch: pd.DataFrame, project_inquiries: pd.DataFrame
) -> None:
    """The seeded demo data: its new batch and its history (generated like `make run`'s)."""
    demo = pd.concat([new_batch, project_inquiries], ignore_index=True)
    for model in (talkative, scorer):
        output = model.score(demo)
        assert len(output) >= 300 and sum(map(len, output["reasons"])) > 2 * len(output)
        assert not _repeats(output)


def test_no_handwritten_inquiry_says_a_fact_twice(
    talkative: Scorer, scorer: Scorer, handwritten_inbox: pd.DataFrame
) -> None:
    for model in (talkative, scorer):
        output = model.score(handwritten_inbox)
        assert len(output) == len(handwritten_inbox)
        assert not _repeats(output)


def test_each_reason_names_one_fact(talkative: Scorer, handwritten_inbox: pd.DataFrame) -> None:
    """Every sentence the scorer says is one fact's; only mapped-in columns (platform fields
    outside the registry, said as "Buyer level: Basic") are none."""
    output = talkative.score(handwritten_inbox)
    said = {r for row in output["reasons"] for r in row}
    facts = {r: reason_facts(r) for r in said}
    assert not {r: f for r, f in facts.items() if len(f) > 1}
    unknown = {r for r, f in facts.items() if not f}
    extra = talkative.bundle.metadata["features"].get("extra", [])
    mapped = {name.replace("_", " ").capitalize() for name in extra}
    assert {r[len(FOR) :].split(": ")[0] for r in unknown} <= mapped
    assert all(r.startswith((FOR, AGAINST)) for r in said)


def test_a_mapped_in_number_is_said_without_a_trailing_zero() -> None:
    assert sentence("years_on_platform", "for", (("years_on_platform", 2.0),)) == (
        "Years on platform: 2"
    )
    assert sentence("years_on_platform", "for", (("years_on_platform", 0.5),)) == (
        "Years on platform: 0.5"
    )


def test_a_wording_reason_without_readable_wording_gives_way() -> None:
    """With nothing to quote, "Wording typical of junk" is no reason: the next factor says."""
    contributions = pd.DataFrame(
        {"clean_text": [-2.0, -2.0], "has_quantity": [-1.0, -1.0]}, index=[0, 1]
    )
    features = pd.DataFrame({"clean_text": ["x", "y"], "has_quantity": [0.0, 0.0]})
    quotes = {("clean_text", "against"): [[], ["…send me your price list…"]]}
    kept = with_evidence(contributions, quotes)
    assert kept["clean_text"].tolist() == [0.0, -2.0]
    said = reasons(contributions, features, 1, 0.1, quotes)
    assert said == [
        [AGAINST + BY_NAME["has_quantity"].against_sentence],
        [AGAINST + "Wording typical of junk: '…send me your price list…'"],
    ]
    unquoted = reasons(contributions, features, 1, 0.1, {("clean_text", "against"): None})
    assert unquoted[0] == [AGAINST + "Wording typical of junk"]  # no terms: said as before


@pytest.mark.parametrize("minimum", [0.0, 0.05])
def test_a_factor_is_picked_only_where_it_could_be_said(minimum: float) -> None:
    values = [0.3, 0.04, 0.0, None, -0.04, -0.3, 0.05, -0.05]
    contributions = pd.DataFrame({"text": values, "other": [0.01] * len(values)}, dtype="Float64")
    up, _, down, _ = top_factors(contributions, 2, minimum)
    for direction, picks in (("for", up), ("against", down)):
        picked = [0 in row for row in picks]
        assert could_be_said(contributions, "text", direction, minimum).tolist() == picked


def test_weak_factors_left_unchecked_change_no_pick(
    scorer: Scorer, new_batch: pd.DataFrame
) -> None:
    """``sayable`` with ``min_contribution`` skips the weak factors' sentences: the factors
    then picked are those picked when every factor is checked."""
    scored = scorer.score_details(new_batch.head(120))
    contributions, features = scored.contributions, scored.features
    assert contributions is not None
    minimum = scorer.params.min_contribution
    checked = one_per_fact(sayable(contributions, features))
    skipped = one_per_fact(sayable(contributions, features, minimum))
    weak = (contributions.abs() < minimum).to_numpy()
    assert (skipped.to_numpy() != checked.to_numpy())[~weak].sum() == 0
    assert (skipped.to_numpy() != checked.to_numpy()).any()  # weak ones were left as they are
    up, _, down, _ = top_factors(checked, 3, minimum)
    up_s, _, down_s, _ = top_factors(skipped, 3, minimum)
    assert (up == up_s).all() and (down == down_s).all()


@pytest.mark.parametrize("count", [1, 4])
def test_a_count_in_the_singular_or_plural_says_its_fact(count: int) -> None:
    said = FOR + describe("request_phrases", {"request_phrases": count}, "for")
    assert reason_facts(said) == {FACT_OF.get("request_phrases", "request_phrases")}
