"""split_table: the newest part tests; stratified is seeded; a changed split is refused."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import ConfigError, SplitParams, parse_params
from inquiry_quality.modeling.split import check_split, split_table


def test_time_split_tests_on_the_newest(table: pd.DataFrame) -> None:
    shuffled = table.sample(frac=1.0, random_state=1)
    split = split_table(shuffled, SplitParams(method="time", test_fraction=0.2))
    assert len(split.test) == round(len(table) * 0.2)
    assert split.train[schema.RECEIVED_AT].max() <= split.test[schema.RECEIVED_AT].min()
    assert split.description["n_train"] + split.description["n_test"] == len(table)


def test_stratified_split_is_seeded_and_keeps_the_label_mix(table: pd.DataFrame) -> None:
    cfg = SplitParams(method="stratified", test_fraction=0.2, seed=3)
    first, again = split_table(table, cfg), split_table(table, cfg)
    other = split_table(table, SplitParams(method="stratified", test_fraction=0.2, seed=4))
    assert first.description["test_ids_sha256"] == again.description["test_ids_sha256"]
    assert first.description["test_ids_sha256"] != other.description["test_ids_sha256"]
    share = table[schema.IS_GENUINE].mean()
    assert abs(first.test[schema.IS_GENUINE].mean() - share) < 0.03


def test_stratified_split_moves_only_a_few_inquiries_when_some_are_added(
    table: pd.DataFrame,
) -> None:
    cfg = SplitParams(method="stratified", test_fraction=0.2, seed=0)
    fewer = table.sample(frac=1.0, random_state=0).iloc[10:]  # 10 inquiries fewer, reordered
    tested = set(split_table(table, cfg).test[schema.INQUIRY_ID])
    tested_fewer = set(split_table(fewer, cfg).test[schema.INQUIRY_ID])
    kept = set(fewer[schema.INQUIRY_ID])
    moved = (tested & kept) ^ tested_fewer
    assert len(moved) <= 4  # only rows next to each stratum's cut change side


@pytest.mark.parametrize(
    ("split", "named"),
    [({"method": "random"}, r"train\.split\.method"), ({"test_fraction": 1.5}, "test_fraction")],
)
def test_bad_split_params_fail_clearly(split: dict, named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        parse_params({"train": {"split": split}}, "params.yaml")


def test_a_different_test_part_is_refused(table: pd.DataFrame) -> None:
    split = split_table(table, SplitParams(test_fraction=0.2))
    check_split(split, split.description)
    other = split_table(table, SplitParams(test_fraction=0.3))
    with pytest.raises(ValueError, match="test part differs"):
        check_split(other, split.description)


def test_undated_inquiries_split_stratified_but_not_by_time(table: pd.DataFrame) -> None:
    undated = table.assign(**{schema.RECEIVED_AT: pd.NaT})
    split = split_table(undated, SplitParams(method="stratified", test_fraction=0.2))
    assert split.description["test_start"] is None
    with pytest.raises(ValueError, match=rf"time needs received_at, and {len(table)} of"):
        split_table(undated, SplitParams(method="time", test_fraction=0.2))
