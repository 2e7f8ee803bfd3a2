"""The scorer's output: columns, reasons from contributions, follow-ups, region, lineage."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import ScoreParams
from inquiry_quality.features import REGION_TIPS
from inquiry_quality.features.registry import BY_NAME, describe
from inquiry_quality.features.text import readable
from inquiry_quality.modeling.heads import GENUINE
from inquiry_quality.scoring import LIST_COLUMNS, Scorer
from inquiry_quality.scoring.evidence import quoted_evidence
from inquiry_quality.scoring.followups import (
    QUOTE_ORDER,
    follow_up_mail,
    mail_language,
    missing_details,
    person,
)
from inquiry_quality.scoring.reasons import (
    AGAINST,
    FOR,
    one_per_fact,
    sayable,
    top_factors,
    with_evidence,
)
from inquiry_quality.scoring.scorer import CANDIDATE_TERMS
from inquiry_quality.scoring.tiers import (
    NO_DETAILS,
    NO_FOLLOW_UP,
    NO_REPLY_TIP,
    QUOTE_NOW,
    VERIFY_IDENTITY,
)


def test_one_row_per_inquiry_with_the_output_columns(
    scorer: Scorer, new_batch: pd.DataFrame
) -> None:
    shuffled = new_batch.sample(frac=1.0, random_state=0)
    out = scorer.score(shuffled)
    assert list(out.columns) == list(schema.OUTPUT_COLUMNS)
    assert out.index.equals(shuffled.index)
    assert (out[schema.INQUIRY_ID] == shuffled[schema.INQUIRY_ID]).all()
    assert out[schema.P_GENUINE].between(0, 1).all()
    assert (out[schema.P_CONVERT] <= out[schema.P_GENUINE]).all()
    for column in LIST_COLUMNS:
        assert out[column].map(lambda v: isinstance(v, list)).all()
    meta = scorer.bundle.metadata
    assert (out[schema.MODEL_VERSION] == meta["model_version"]).all()
    assert (out[schema.DATA_VERSION] == meta["data_version"]).all()
    replied = ~out[schema.TIER].isin(list(NO_FOLLOW_UP))
    tips = out[schema.REGION].map(REGION_TIPS)
    assert (out[schema.REGION_TIP][replied] == tips[replied]).all()
    assert (out[schema.REGION_TIP][~replied] == NO_REPLY_TIP).all()
    flat = scorer.score(shuffled, flat=True)
    assert flat[schema.REASONS].tolist() == [" | ".join(r) for r in out[schema.REASONS]]


def test_reasons_are_the_inquirys_strongest_contributions(
    scorer: Scorer, new_batch: pd.DataFrame
) -> None:
    raw = new_batch.sample(n=40, random_state=1)
    details = scorer.score_details(raw)
    text = details.features[scorer.bundle.text_column]
    terms = {
        "for": quoted_evidence(
            scorer.bundle.top_terms(details.features, GENUINE, CANDIDATE_TERMS).tolist(),
            text,
            raw,
            details.features["language"],
            products=scorer.products,
        ),
        "against": quoted_evidence(
            scorer.bundle.top_terms(details.features, GENUINE, CANDIDATE_TERMS, 0).tolist(),
            text,
            raw,
            details.features["language"],
            against=True,
            products=scorer.products,
        ),
    }
    quotes = {(scorer.bundle.text_column, d): quoted for d, quoted in terms.items()}
    contributions = with_evidence(
        one_per_fact(sayable(details.contributions, details.features)), quotes
    )
    top, minimum = scorer.params.top_reasons, scorer.params.min_contribution
    up, _, down, _ = top_factors(contributions, top, minimum)
    names = list(contributions.columns)

    def said(name: str, direction: str, i: int) -> str:
        row = details.features.iloc[i]
        text = (
            describe(name, row.to_dict(), direction)  # type: ignore[arg-type]
            if name in BY_NAME
            else f"{name.replace('_', ' ').capitalize()}: {_shown(row[name])}"  # mapped-in
        )
        quoted = terms[direction][i] if name == scorer.bundle.text_column else []
        return text + (": " + ", ".join(f"'{t}'" for t in quoted) if quoted else "")

    for i, (_, row) in enumerate(details.output.iterrows()):
        expected = [FOR + said(names[j], "for", i) for j in up[i] if j >= 0] + [
            AGAINST + said(names[j], "against", i) for j in down[i] if j >= 0
        ]
        assert row[schema.REASONS] == list(dict.fromkeys(expected))
        strongest = contributions.iloc[i].abs().max()
        assert bool(row[schema.REASONS]) == (strongest >= minimum)


def test_the_wording_reason_quotes_the_inquirys_own_ngrams(
    scorer: Scorer, new_batch: pd.DataFrame
) -> None:
    everything = Scorer(scorer.bundle, ScoreParams(top_reasons=100, min_contribution=0.0))
    details = everything.score_details(new_batch)
    features = scorer.bundle.heads[GENUINE].named_steps["features"]
    analyze = features.named_transformers_["text"]["tfidf"].transformer_list[0][1].build_analyzer()
    quoting = 0
    texts = details.features["clean_text"]
    for reasons, text in zip(details.output[schema.REASONS], texts, strict=True):
        wording = [r for r in reasons if "Wording typical" in r]
        quoted = [t for r in wording for t in re.findall(r"'([^']+)'", r)]
        grams = {readable(t) for t in analyze(text)}
        for quote in quoted:  # an n-gram of the text, shown in its context
            assert quote.strip("…") in readable(text), (quote, text)
            assert any(g in quote for g in grams), quote
        quoting += bool(quoted)
    assert quoting > 0


def test_free_mail_without_company_counts_against(scorer: Scorer, examples: pd.DataFrame) -> None:
    """Free-mail is a reason against; "no company" is one exactly when the model counts it."""
    contributions = scorer.score_details(examples).contributions
    everything = Scorer(scorer.bundle, ScoreParams(top_reasons=contributions.shape[1]))
    reasons = everything.score(examples).loc[0, schema.REASONS]
    against = [r for r in reasons if r.startswith(AGAINST)]
    assert contributions.loc[0, "is_free_mail"] < 0
    free_mail = [r for r in against if "free mail" in r and "gmail.com" in r]
    assert bool(free_mail) == (
        contributions.loc[0, "is_free_mail"] <= -scorer.params.min_contribution
    )
    no_company = AGAINST + BY_NAME["has_company"].against_sentence
    counted = contributions.loc[0, "has_company"] <= -everything.params.min_contribution
    assert (no_company in against) == counted
    assert FOR + BY_NAME["has_company"].for_sentence not in reasons
    top = scorer.score(examples).loc[0, schema.REASONS]
    assert [r for r in top if r.startswith(AGAINST)] == against[: scorer.params.top_reasons]


def test_a_complete_rfq_reads_as_a_request(scorer: Scorer, examples: pd.DataFrame) -> None:
    """Complete trade details no longer mean "a buyer" (sellers give them too): asking does."""
    out = scorer.score(examples)
    rfq = out.loc[1]
    assert rfq[schema.P_GENUINE] > out.loc[0, schema.P_GENUINE]
    everything = Scorer(scorer.bundle, ScoreParams(top_reasons=100)).score(examples).loc[1]
    assert any(r.startswith(FOR + "Asks us for goods") for r in everything[schema.REASONS])
    lacking, _ = missing_details(scorer.bundle.features(examples), examples)
    assert len(lacking[1]) < len(lacking[0])
    assert rfq[schema.REGION] == "Europe"


def test_follow_up_questions_ask_what_is_missing_in_quote_order(
    scorer: Scorer, new_batch: pd.DataFrame
) -> None:
    details = scorer.score_details(new_batch)
    questions_by_label = {f.missing_label: f.question for f in BY_NAME.values() if f.question}
    order = [BY_NAME[n].question for n in QUOTE_ORDER]
    asked_some = False
    for i, (_, row) in enumerate(details.output.iterrows()):
        asked = row[schema.FOLLOW_UP_QUESTIONS]
        if row[schema.TIER] in (*NO_FOLLOW_UP, QUOTE_NOW):  # no reply, or the quote itself
            assert asked == []
            continue
        missing = {questions_by_label[label] for label in row[schema.MISSING_DETAILS]}
        assert set(asked) <= missing
        assert BY_NAME["has_fax"].question not in asked  # score.follow_up.ask_fax is false
        assert asked == sorted(asked, key=order.index)
        if person(new_batch.iloc[i].to_dict())[0]:
            assert BY_NAME["has_contact_person"].question not in asked
        mail = follow_up_mail(new_batch.iloc[i].to_dict(), asked)
        assert "Hi" not in mail.split() and mail.count("RE:") == 1
        asked_some |= bool(asked)
        assert all(q in mail for q in asked) or mail_language(new_batch.iloc[i]) != "en"
    assert asked_some
    tier = details.output[schema.TIER]
    unlisted = tier.isin(list(NO_DETAILS))
    assert unlisted.any() and (tier == VERIFY_IDENTITY).any()
    # no one asks a scammer, a seller or a customer for a quote's details
    assert (details.output.loc[unlisted, schema.MISSING_DETAILS].map(len) == 0).all()
    for column, feature in (
        ("has_quantity", "quantity"),
        ("has_incoterm", "price term (Incoterm)"),
    ):
        lacking = (details.features[column] == 0) & ~unlisted
        assert lacking.sum() > 0
        assert all(feature in m for m in details.output.loc[lacking, schema.MISSING_DETAILS])


def test_no_genuine_head_means_no_reasons_but_still_a_score(
    scorer: Scorer, examples: pd.DataFrame
) -> None:
    bundle = scorer.bundle
    heads = {k: v for k, v in bundle.heads.items() if k != GENUINE}
    crippled = type(bundle)(bundle.featurizer, heads, bundle.metadata, bundle.references)
    out = Scorer(crippled).score(examples.iloc[[1]])
    assert out[schema.P_GENUINE].isna().all()
    assert out[schema.REASONS].tolist() == [[]]
    assert (out[schema.TIER] == VERIFY_IDENTITY).all()


@pytest.mark.parametrize("column", [schema.RECEIVED_AT, schema.INQUIRY_ID])
def test_scores_without_optional_columns(
    scorer: Scorer, examples: pd.DataFrame, column: str
) -> None:
    raw = examples.iloc[[1]].drop(columns=[column])
    out = scorer.score(raw)
    assert len(out) == 1 and out[schema.TIER].notna().all()


def _shown(value: object) -> object:
    """A mapped-in column's value as a reason says it: 2.0 as "2"."""
    return f"{value:g}" if isinstance(value, float) else value


def test_an_uncapped_copy_keeps_todays_crm_without_reading_it_again(
    scorer: Scorer, project_raw: Path, tmp_path: Path, new_batch: pd.DataFrame
) -> None:
    """A batch scores without the capacity and applies it over all rows at the end; the CRM
    export read when the scorer was made is not read again (nor needed any more)."""
    contacts = tmp_path / "crm.csv"
    shutil.copy(project_raw / "crm_contacts.csv", contacts)
    today = scorer.params.model_copy(update={"known_parties": str(contacts)})
    capped = Scorer(scorer.bundle, today.model_copy(update={"daily_capacity": 3}))
    plain = Scorer(scorer.bundle, today)
    contacts.unlink()
    uncapped = capped.uncapped()
    assert (uncapped.rules.daily_capacity, capped.rules.daily_capacity) == (None, 3)
    assert uncapped.params == plain.params
    rows = new_batch.head(40)
    pd.testing.assert_frame_equal(uncapped.score(rows), plain.score(rows))
