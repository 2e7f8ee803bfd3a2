"""Slice groups from the feature table, the ingested inquiries or the source folder."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.evaluation.slices import slice_groups, source_folder


@pytest.fixture
def inquiries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            schema.INQUIRY_ID: ["m1", "m2", "r7"],
            schema.SOURCE: ["mail/corpus", "mail/corpus", "exports/platform.csv"],
            schema.SOURCE_POSITION: ["hard-ham-1/0001.txt", "spam-2/0042.txt", "7"],
            schema.CHANNEL: ["email", "email", "platform"],
        }
    )


def test_source_folder_is_the_top_sub_folder_or_the_file_name(inquiries: pd.DataFrame) -> None:
    assert source_folder(inquiries).tolist() == ["hard-ham-1", "spam-2", "platform.csv"]


def test_slice_groups_align_with_the_test_rows(inquiries: pd.DataFrame) -> None:
    test = pd.DataFrame({schema.INQUIRY_ID: ["r7", "m1", "unknown"], "region": ["EU", "NA", "EU"]})
    groups = slice_groups(test, inquiries, ["region", "folder", schema.CHANNEL])
    assert groups.index.equals(test.index)
    assert groups["region"].tolist() == ["EU", "NA", "EU"]
    assert groups["folder"].tolist()[:2] == ["platform.csv", "hard-ham-1"]
    assert pd.isna(groups["folder"].iloc[2])
    assert groups[schema.CHANNEL].tolist()[:2] == ["platform", "email"]


def test_an_unknown_slice_is_an_error_naming_the_parameter(inquiries: pd.DataFrame) -> None:
    test = pd.DataFrame({schema.INQUIRY_ID: ["m1"]})
    with pytest.raises(KeyError, match=r"evaluate\.slices: 'subset'"):
        slice_groups(test, inquiries, ["subset"])
