"""A seeded sample of the real SpamAssassin corpus, run through the corpus parameters.

The corpus lives beside the repository (``../shared/corpora/spamassassin``, as in CI). The
sample is laid out the same way under a temporary folder (``<tmp>/repo`` beside
``<tmp>/shared/corpora/spamassassin``), so ``experiments/spamassassin/params.yaml`` works on
it unchanged.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core.config import Params, load_params
from inquiry_quality.features import feature_table, featurizer_from_params
from inquiry_quality.ingest import ingest
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.modeling.split import Split, split_table
from inquiry_quality.modeling.training import train_bundle

REPO = Path(__file__).resolve().parents[2]
CORPUS_PARAMS = REPO / "experiments" / "spamassassin" / "params.yaml"
SAMPLE_SIZE = 200


@pytest.fixture(scope="session")
def corpus_root(tmp_path_factory: pytest.TempPathFactory, spamassassin: Path) -> Path:
    """``<tmp>``: an empty ``repo/`` beside ``shared/corpora/spamassassin/`` holding 200
    messages sampled with seed 0 and their rows of ``labels.csv``."""
    root = tmp_path_factory.mktemp("corpus")
    sample_dir = root / "shared" / "corpora" / "spamassassin"
    labels = pd.read_csv(spamassassin / "labels.csv").sample(n=SAMPLE_SIZE, random_state=0)
    for relative in labels["path"]:
        (sample_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(spamassassin / relative, sample_dir / relative)
    labels.to_csv(sample_dir / "labels.csv", index=False)
    (root / "repo").mkdir()
    return root


@dataclass(frozen=True)
class CorpusRun:
    """The corpus parameters' stages on the sample, through the library."""

    root: Path  # the folder whose ``repo/`` the parameter paths are relative to
    params: Params
    report: dict
    inquiries: pd.DataFrame
    split: Split
    bundle: ModelBundle


@pytest.fixture(scope="session")
def corpus_run(corpus_root: Path) -> CorpusRun:
    """ingest -> featurize -> train with ``experiments/spamassassin/params.yaml`` as it is."""
    params = load_params(CORPUS_PARAMS)
    repo = corpus_root / "repo"
    result = ingest(params.ingest, root=repo, out=corpus_root / "inquiries.parquet")
    inquiries = pd.read_parquet(result.table_path)
    featurizer = featurizer_from_params(params.featurize)
    table = feature_table(inquiries, featurizer)
    split = split_table(table, params.train.split)
    bundle = train_bundle(
        split.train, featurizer, params.train, data_version="sample", split=split.description
    )
    return CorpusRun(corpus_root, params, result.report, inquiries, split, bundle)
