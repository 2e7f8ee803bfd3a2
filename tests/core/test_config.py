"""Parameters: one source of truth, strict about keys and types at every level."""

from pathlib import Path

import pytest
import yaml

from inquiry_quality.core.config import ConfigError, Params, load_params

REPO = Path(__file__).resolve().parents[2]
#: keys that describe the default data set (its files and columns), not a default behaviour
DATA_KEYS = {
    ("ingest", "sources"),
    ("ingest", "outcomes"),
    ("ingest", "extra_numeric"),
    ("ingest", "extra_categorical"),
    ("score", "sources"),
    ("score", "outcomes"),
    # the exporter's own files and numbers: none unless the params file names them
    ("featurize", "document_patterns"),
    ("featurize", "own_domains"),
    ("featurize", "known_parties"),
    ("featurize", "sent_messages"),
}


def _leaves(tree: object, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], object]:
    if isinstance(tree, dict) and path not in DATA_KEYS:
        return {k: v for key, sub in tree.items() for k, v in _leaves(sub, (*path, key)).items()}
    return {path: tree}


def test_the_code_defaults_are_the_default_params_file() -> None:
    """A key left out of a parameter file means what the default params.yaml says."""
    written = _leaves(yaml.safe_load((REPO / "params.yaml").read_text(encoding="utf-8")))
    defaults = _leaves(Params().model_dump(mode="json"))
    assert set(written) == set(defaults), "params.yaml and the code list different keys"
    differ = {
        ".".join(k): (written[k], defaults[k])
        for k in written
        if k not in DATA_KEYS and written[k] != defaults[k]
    }
    assert not differ, f"params.yaml value, code default: {differ}"


@pytest.mark.parametrize(
    "path", [REPO / "params.yaml", REPO / "experiments" / "spamassassin" / "params.yaml"]
)
def test_every_params_file_of_the_project_validates(path: Path) -> None:
    assert load_params(path).train.model in ("logreg", "svm", "hgb")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("generate:\n  sed: 3\n", r"generate\.sed: unknown parameter"),
        ("train:\n  split:\n    metod: time\n", r"train\.split\.metod: unknown parameter"),
        ("train:\n  logreg:\n    c: 1\n", r"train\.logreg\.c: unknown parameter"),
        ("trian:\n  model: svm\n", r"trian: unknown parameter"),
        (
            "ingest:\n  sources:\n    - path: a.csv\n      mapping: {}\n      delimeter: ';'\n",
            r"ingest\.sources\.0\.delimeter: unknown parameter",
        ),
    ],
)
def test_an_unknown_key_at_any_level_is_named_in_full(
    tmp_path: Path, text: str, named: str
) -> None:
    path = tmp_path / "params.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=named):
        load_params(path)


def test_wrong_type_is_named(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("generate:\n  n_new: many\n")
    with pytest.raises(ConfigError, match=r"generate\.n_new: .*integer.*'many'"):
        load_params(path)


def test_a_missing_key_takes_the_default(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("train:\n  model: svm\n  svm:\n    C: 3.0\n")
    train = load_params(path).train
    assert train.svm.C == 3.0 and train.svm.max_iter == Params().train.svm.max_iter
    assert train.structured_weight == Params().train.svm.structured_weight
