"""The whole extractor set as one scikit-learn transformer, and the featurize stage's table."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import FeaturizeParams
from inquiry_quality.core.parallel import map_slices
from inquiry_quality.features.attachments import AttachmentFeatures
from inquiry_quality.features.base import FeatureFamily
from inquiry_quality.features.buyer import BuyerFeatures
from inquiry_quality.features.catalogue import Catalogue, read_catalogue
from inquiry_quality.features.completeness import CompletenessFeatures
from inquiry_quality.features.domain import DomainFeatures
from inquiry_quality.features.intent import IntentFeatures
from inquiry_quality.features.lexicon import tokenizer_modules
from inquiry_quality.features.message import MessageFeatures
from inquiry_quality.features.parties import KnownParties, PartyFeatures, read_known_parties
from inquiry_quality.features.phrasing import PhrasingFeatures, TextSettings
from inquiry_quality.features.plan import PlanFeatures
from inquiry_quality.features.region import RegionFeatures
from inquiry_quality.features.text import TextFeatures
from inquiry_quality.features.thread import (
    ThreadFeatures,
    compile_document_patterns,
    read_sent_messages,
)

FAMILY_CLASSES: tuple[type[FeatureFamily], ...] = (
    CompletenessFeatures,
    DomainFeatures,
    RegionFeatures,
    PhrasingFeatures,
    PlanFeatures,
    IntentFeatures,
    ThreadFeatures,
    PartyFeatures,
    AttachmentFeatures,
    BuyerFeatures,
    MessageFeatures,
    TextFeatures,
)
#: rows worth a forked worker (~0.1 s to start, plus moving the rows and features between them)
ROWS_PER_PROCESS = 2000


class InquiryFeaturizer(TextSettings, FeatureFamily):
    """Canonical inquiries -> every feature of every family (see ``docs/features.md``).

    Stateless: ``fit`` learns nothing. The spaCy pipeline is built on first use and cached
    per process, never pickled, so an exported model stays small and loads anywhere.
    The text-reading settings go to the phrasing family (``TextSettings``);
    ``strip_list_artefacts`` and ``keep_link_hosts`` to the text family (``TextFeatures``);
    ``known_parties`` (the CRM contacts export, as ``KnownParties``: its contacts as digests)
    and ``own_domains`` to the parties family; ``document_patterns``, ``own_domains`` and
    ``sent_messages`` to the thread family.
    """

    def __init__(
        self,
        catalogue: Catalogue = None,
        spacy_model: str | None = None,
        languages: Sequence[str] | None = None,
        batch_size: int = 256,
        strip_list_artefacts: bool = False,
        keep_link_hosts: bool = False,
        known_parties: KnownParties | None = None,
        own_domains: Sequence[str] = (),
        document_patterns: Sequence[str] = (),
        sent_messages: tuple[str, ...] = (),
    ) -> None:
        super().__init__(catalogue, spacy_model, languages, batch_size)
        self.strip_list_artefacts = strip_list_artefacts
        self.keep_link_hosts = keep_link_hosts
        self.known_parties = known_parties
        self.own_domains = own_domains
        self.document_patterns = document_patterns
        self.sent_messages = sent_messages

    def families(self) -> list[FeatureFamily]:
        """The family extractors, configured from this featurizer's parameters: built once
        per set of parameters (the parties' and thread's indexes are built on first use)."""
        params = tuple(self.get_params(deep=False).values())
        cached = self.__dict__.get("_families")
        if cached is None or any(a is not b for a, b in zip(cached[0], params, strict=True)):
            cached = self.__dict__["_families"] = (params, self._build_families())
        return cached[1]

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state.pop("_families", None)
        return state

    def _build_families(self) -> list[FeatureFamily]:
        phrasing = PhrasingFeatures(
            catalogue=self.catalogue,
            spacy_model=self.spacy_model,
            languages=self.languages,
            batch_size=self.batch_size,
        )
        text = TextFeatures(
            strip_list_artefacts=self.strip_list_artefacts, keep_link_hosts=self.keep_link_hosts
        )
        configured = {
            PhrasingFeatures: phrasing,
            TextFeatures: text,
            IntentFeatures: IntentFeatures(languages=self.languages),
            ThreadFeatures: ThreadFeatures(
                self.document_patterns, self.own_domains, self.sent_messages
            ),
            PartyFeatures: PartyFeatures(self.known_parties, self.own_domains),
        }
        return [configured[cls] if cls in configured else cls() for cls in FAMILY_CLASSES]

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names of every output column, family by family."""
        return np.concatenate([f.get_feature_names_out() for f in self.families()])

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """Features of every row of ``X``, index preserved."""
        if not isinstance(X, pd.DataFrame):
            raise TypeError(f"InquiryFeaturizer expects a pandas DataFrame, got {type(X)}")
        # the families' columns framed once: a frame per family and their concatenation cost
        # a one-inquiry report several milliseconds
        fresh = X.reset_index(drop=True)
        columns: dict[str, np.ndarray] = {}
        for family in self.families():
            columns.update(family.typed_columns(fresh))
        return pd.DataFrame(columns, index=X.index)


def build_featurizer(catalogue: Catalogue = None, **settings: Any) -> InquiryFeaturizer:
    """The featurizer for an exporter's catalogue (a ``catalogue.csv`` frame or a term list),
    with ``InquiryFeaturizer``'s other parameters as ``settings``; its output is a DataFrame."""
    return InquiryFeaturizer(catalogue=catalogue, **settings).set_output(transform="pandas")


def featurizer_from_params(
    params: FeaturizeParams, catalogue: Catalogue = None
) -> InquiryFeaturizer:
    """The featurizer configured by ``params.yaml``'s ``featurize`` section (its files, the
    CRM export and our sent Message-IDs, are read here: the model keeps their contents, the
    CRM's contacts as digests)."""
    compile_document_patterns(params.document_patterns)  # a bad pattern fails before any work
    parties = (
        KnownParties.from_frame(read_known_parties(params.known_parties))
        if params.known_parties
        else None
    )
    # sorted: a set pickles in the order of the process's string hashes
    sent = tuple(sorted(read_sent_messages(params.sent_messages))) if params.sent_messages else ()
    return build_featurizer(
        catalogue=catalogue,
        spacy_model=params.spacy_model,
        languages=tuple(params.languages) or None,
        batch_size=params.batch_size,
        strip_list_artefacts=params.strip_list_artefacts,
        keep_link_hosts=params.keep_link_hosts,
        known_parties=parties,
        own_domains=tuple(params.own_domains),
        document_patterns=tuple(params.document_patterns),
        sent_messages=sent,
    )


def with_known_parties(
    featurizer: InquiryFeaturizer, path: str | Path, setting: str = "score.known_parties"
) -> InquiryFeaturizer:
    """A copy of ``featurizer`` that knows the parties of the CRM export at ``path`` instead of
    those it was trained with. The CRM grows every day: a customer added since training is
    known at once. What the party features mean does not change, so the heads still apply."""
    current = copy.copy(featurizer)
    current.set_params(known_parties=KnownParties.from_frame(read_known_parties(path, setting)))
    return current


#: where the featurizer runs, not what it computes: not part of its settings for ``train``
RUN_SETTINGS = ("engine", "scheduler", "partition_rows")


def write_settings(path: str | Path, params: FeaturizeParams, catalogue: str | Path | None) -> None:
    """What ``train`` needs to rebuild this featurizer: the settings and the catalogue's path.

    The featurizer is stateless, so its settings are the whole of it; a JSON file keeps the
    ``featurize`` stage's output byte-identical (a pickle's set order is not).
    """
    settings = {
        "featurize": params.model_dump(mode="json", exclude=set(RUN_SETTINGS)),
        "catalogue": None if catalogue is None else str(catalogue),
    }
    Path(path).write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n", "utf-8")


def read_settings(path: str | Path) -> InquiryFeaturizer:
    """The featurizer that ``write_settings`` described (its catalogue read again)."""
    settings = json.loads(Path(path).read_text("utf-8"))
    catalogue = settings["catalogue"]
    return featurizer_from_params(
        FeaturizeParams.model_validate(settings["featurize"]),
        read_catalogue(catalogue) if catalogue else None,
    )


def feature_table(
    inquiries: pd.DataFrame,
    featurizer: InquiryFeaturizer,
    extra_columns: Sequence[str] = (),
    features: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Ids, labels (where present), ``extra_columns`` and every feature, one row per inquiry.

    Large tables are featurized on every core (rows are independent: the result is the same);
    ``features``, the featurizer's rows for ``inquiries`` in order, were computed elsewhere (on
    a Dask cluster: ``features.on_dask``), and ``inquiries`` need hold only the kept columns.
    """
    keep = [c for c in kept_columns(extra_columns) if c in inquiries.columns]
    missing = [c for c in (schema.INQUIRY_ID, *extra_columns) if c not in inquiries.columns]
    if missing:
        raise KeyError(f"inquiries lack column(s) {', '.join(missing)}")
    if features is None:
        features = pd.concat(
            map_slices(
                featurizer.transform,
                inquiries,
                ROWS_PER_PROCESS,
                preload=[__name__, *tokenizer_modules()],
            )
        )
    features = features.set_axis(inquiries.index)
    return pd.concat([inquiries[keep], features], axis=1).reset_index(drop=True)


def kept_columns(extra_columns: Sequence[str] = ()) -> list[str]:
    """The columns of the inquiries ``feature_table`` keeps beside the features."""
    return [*schema.ID_COLUMNS, *schema.LABEL_COLUMNS, *extra_columns]
