from pathlib import Path

import pytest

from inquiry_quality.core.config import ConfigError, load_params

REPO = Path(__file__).resolve().parents[2]


def test_repo_params_load() -> None:
    params = load_params(REPO / "params.yaml")
    assert params.generate.n_inquiries > 0


def test_unknown_key_is_named(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("generate:\n  sed: 3\n")
    with pytest.raises(ConfigError, match=r"generate: unknown parameter\(s\) sed"):
        load_params(path)


def test_wrong_type_is_named(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("generate:\n  n_new: many\n")
    with pytest.raises(ConfigError, match=r"generate\.n_new: expected int"):
        load_params(path)
