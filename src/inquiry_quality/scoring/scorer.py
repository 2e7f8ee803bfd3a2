"""``Scorer``: canonical inquiries in, one actionable row per inquiry out.

Everything comes from the model bundle (the same featurizer and heads as training, no second
implementation); the scorer adds the decisions and the words around its numbers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Final

import pandas as pd
import sklearn

import inquiry_quality
from inquiry_quality.core import schema
from inquiry_quality.core.config import ScoreParams
from inquiry_quality.features import REGION_TIPS
from inquiry_quality.features.featurizer import with_known_parties
from inquiry_quality.features.region import UNKNOWN
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.modeling.heads import GENUINE
from inquiry_quality.scoring.evidence import product_words, quoted_evidence
from inquiry_quality.scoring.followups import missing_details
from inquiry_quality.scoring.reasons import could_be_said, reasons
from inquiry_quality.scoring.tiers import (
    NO_DETAILS,
    NO_FOLLOW_UP,
    NO_REPLY_TIP,
    QUOTE_NOW,
    TierRules,
    assign_tiers,
)

#: output columns holding lists (joined with LIST_SEP where only text fits: CSV, serving)
LIST_COLUMNS: Final = (schema.REASONS, schema.MISSING_DETAILS, schema.FOLLOW_UP_QUESTIONS)
LIST_SEP: Final = " | "
CANDIDATE_TERMS: Final = 12  # n-grams asked of the model; evidence.QUOTED of them are quoted


def flatten_lists(frame: pd.DataFrame) -> pd.DataFrame:
    """List columns as text joined by `` | `` (CSV, MLflow serving)."""
    joined = {c: [LIST_SEP.join(v) for v in frame[c]] for c in LIST_COLUMNS if c in frame}
    return frame.assign(**joined)


@dataclass(frozen=True)
class Scored:
    """One scoring call: the output rows plus the features, predictions and contributions."""

    output: pd.DataFrame
    features: pd.DataFrame
    predictions: pd.DataFrame
    contributions: pd.DataFrame | None


class Scorer:
    """Scores canonical inquiries with a ``ModelBundle`` and the ``score`` params."""

    def __init__(self, bundle: ModelBundle, params: ScoreParams | None = None) -> None:
        self.params = params or ScoreParams()
        if self.params.known_parties:  # today's CRM, not the one frozen in the model
            featurizer = with_known_parties(bundle.featurizer, self.params.known_parties)
            bundle = replace(bundle, featurizer=featurizer)
        self.bundle = bundle
        self.rules = TierRules.from_params(self.params, bundle.metadata["thresholds"])
        # the exporter's product words are never quoted as junk wording (a featurizer
        # built without a catalogue has none)
        self.products = product_words(getattr(bundle.featurizer, "catalogue", None))

    def uncapped(self) -> Scorer:
        """This scorer without the daily capacity, which a batch applies over all its rows;
        today's CRM export, already read into the bundle, is not read again."""
        other = copy.copy(self)
        other.params = self.params.model_copy(update={"daily_capacity": None})
        other.rules = TierRules.from_params(other.params, self.bundle.metadata["thresholds"])
        return other

    @property
    def lineage(self) -> dict[str, str]:
        meta = self.bundle.metadata
        return {
            schema.MODEL_VERSION: str(meta.get("model_version", "unknown")),
            schema.DATA_VERSION: str(meta.get("data_version", "unknown")),
            schema.PACKAGE_VERSION: inquiry_quality.__version__,
        }

    def score(self, raw: pd.DataFrame, flat: bool = False) -> pd.DataFrame:
        """One row per inquiry of ``raw`` with ``schema.OUTPUT_COLUMNS`` (same index).

        ``reasons``, ``missing_details`` and ``follow_up_questions`` are lists of strings, or
        strings joined by `` | `` with ``flat=True``. An inquiry discarded, to verify, routed to
        the account owner or purchasing, or held for a payment check gets no follow-up
        questions nor region tip (``tiers.NO_FOLLOW_UP``), a quote-now one no questions (its
        mail acknowledges); only an inquiry to verify keeps its missing details
        (``tiers.NO_DETAILS``).
        """
        output = self.score_details(raw).output
        return flatten_lists(output) if flat else output

    def score_details(self, raw: pd.DataFrame) -> Scored:
        """``score`` with its features, predictions and contributions kept.

        scikit-learn's per-call checks are skipped (the same numbers): the fitted heads were
        validated at training, and every feature reaching a classifier has passed an imputer,
        so it is finite. On a one-inquiry report those checks were a fifth of the time.
        """
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            feats = self.bundle.features(raw)
            explained = self.bundle.predict_and_explain(feats, GENUINE, CANDIDATE_TERMS)
        predictions, contributions = explained.predictions, explained.contributions
        received = raw.get(schema.RECEIVED_AT)
        tiers = assign_tiers(
            predictions, self.rules, received, feats.get("completeness_score"), feats
        )
        records = raw.to_dict("records")  # the rows as mappings, once for quotes and mails
        if contributions is not None and len(feats):
            text = self.bundle.text_column
            quotes = {
                (text, direction): None
                if terms is None or text not in feats
                else quoted_evidence(
                    list(terms),
                    feats[text],
                    records,
                    feats.get("language"),
                    direction == "against",
                    None
                    if text not in contributions
                    else could_be_said(
                        contributions, text, direction, self.params.min_contribution
                    ),
                    self.products,
                )
                for direction, terms in (
                    ("for", explained.terms_for),
                    ("against", explained.terms_against),
                )
            }
            why = reasons(
                contributions, feats, self.params.top_reasons, self.params.min_contribution, quotes
            )
        else:
            why = [[] for _ in range(len(feats))]
        missing, questions = missing_details(feats, records, self.params.follow_up)
        silent = tiers[schema.TIER].isin([*NO_FOLLOW_UP, QUOTE_NOW]).to_numpy()
        questions = [[] if s else q for s, q in zip(silent, questions, strict=True)]
        unlisted = tiers[schema.TIER].isin(list(NO_DETAILS)).to_numpy()
        missing = [[] if u else m for u, m in zip(unlisted, missing, strict=True)]
        region = feats["region"].fillna(UNKNOWN) if "region" in feats else UNKNOWN
        ids = (
            raw[schema.INQUIRY_ID].astype("string")
            if schema.INQUIRY_ID in raw
            else pd.Series(raw.index.astype(str), index=raw.index, dtype="string")
        )
        columns = {
            schema.INQUIRY_ID: ids,
            schema.P_GENUINE: predictions[schema.P_GENUINE],
            schema.P_CONVERT: predictions[schema.P_CONVERT],
            schema.JUNK_TYPE: tiers[schema.JUNK_TYPE],
            schema.TIER: tiers[schema.TIER],
            schema.ACTION: tiers[schema.ACTION],
            schema.REASONS: why,
            schema.MISSING_DETAILS: missing,
            schema.FOLLOW_UP_QUESTIONS: questions,
            schema.REGION: region,
        }
        output = pd.DataFrame(columns, index=raw.index)
        output[schema.REGION_TIP] = (
            output[schema.REGION]
            .map(lambda r: REGION_TIPS.get(r, REGION_TIPS[UNKNOWN]))
            .where(~output[schema.TIER].isin(list(NO_FOLLOW_UP)), NO_REPLY_TIP)
        )
        for key, value in self.lineage.items():
            output[key] = value
        return Scored(output[list(schema.OUTPUT_COLUMNS)], feats, predictions, contributions)
