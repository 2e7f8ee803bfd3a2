"""Stateless, explainable feature extractors: the seed's first judgement of an inquiry.

``build_featurizer`` gives one scikit-learn transformer over every family; ``registry``
says what each output column means and how to explain it to a sales rep.
"""

from inquiry_quality.features.catalogue import read_catalogue
from inquiry_quality.features.featurizer import (
    FAMILY_CLASSES,
    InquiryFeaturizer,
    build_featurizer,
    feature_table,
    featurizer_from_params,
    read_settings,
    write_settings,
)
from inquiry_quality.features.region import REGION_TIPS, region_of
from inquiry_quality.features.registry import FEATURES, describe, missing_mask

__all__ = [
    "FAMILY_CLASSES",
    "FEATURES",
    "REGION_TIPS",
    "InquiryFeaturizer",
    "build_featurizer",
    "describe",
    "feature_table",
    "featurizer_from_params",
    "missing_mask",
    "read_catalogue",
    "read_settings",
    "region_of",
    "write_settings",
]
