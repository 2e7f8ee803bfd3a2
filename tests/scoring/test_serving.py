"""``mlflow models serve`` answers on 127.0.0.1 with the Python API's scores and reasons."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality import load_scorer
from inquiry_quality.core import schema
from inquiry_quality.scoring.requests import QUARANTINE_REASON, REQUEST_COLUMNS

BODY_ONLY = "Please quote 2000 pcs of 100W LED flood lights, CIF Hamburg, delivery in May."


def _post(url: str, payload: dict) -> dict:
    request = urllib.request.Request(
        url, json.dumps(payload).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_the_served_model_answers_like_the_python_api(
    pyfunc_dir: Path,
    new_batch: pd.DataFrame,
    tmp_path: Path,
    port: int,
    server_runner: Callable[..., AbstractContextManager[subprocess.Popen]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inquiry_quality.mlops.pyfunc import to_naive_utc

    raw = new_batch.drop(columns=list(schema.LABEL_COLUMNS))
    raw = raw.groupby(schema.CHANNEL, observed=True).head(3).reset_index(drop=True)
    expected = load_scorer(pyfunc_dir).score(raw, flat=True)
    bin_dir = Path(sys.executable).parent
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")  # uvicorn
    command = [str(bin_dir / "mlflow"), "models", "serve", "-m", str(pyfunc_dir),
               "--env-manager", "local", "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with server_runner(command, f"{url}/ping", tmp_path / "serve.log"):
        split = json.loads(to_naive_utc(raw).to_json(orient="split", date_format="iso"))
        del split["index"]
        answer = _post(f"{url}/invocations", {"dataframe_split": split})
        body_only = {"columns": [schema.BODY], "data": [[BODY_ONLY]]}
        lone = _post(f"{url}/invocations", {"dataframe_split": body_only})["predictions"]
        mixed = {
            "columns": ["Subject", schema.BODY, schema.CHANNEL],
            "data": [["RFQ", BODY_ONLY, "email"], [None, None, "email"], ["x", "y", "telex"]],
        }
        checked = _post(f"{url}/invocations", {"dataframe_split": mixed})["predictions"]
        example = json.loads((pyfunc_dir / "serving_input_example.json").read_text())
        from_docs = _post(f"{url}/invocations", example)["predictions"]
        with pytest.raises(urllib.error.HTTPError) as refused:
            _post(
                f"{url}/invocations", {"dataframe_split": {"columns": ["Sbject"], "data": [["a"]]}}
            )
    assert len(lone) == 1 and 0 < lone[0][schema.P_GENUINE] < 1
    assert [row[QUARANTINE_REASON] for row in checked] == [
        "",
        "empty message",
        f"channel not one of {schema.CHANNELS}",
    ]
    assert checked[0][schema.P_GENUINE] > 0 and checked[1][schema.P_GENUINE] is None
    assert "NaN" not in (pyfunc_dir / "serving_input_example.json").read_text()
    assert len(from_docs) == len(example["dataframe_split"]["data"])
    assert refused.value.code == 400
    message = json.loads(refused.value.read())["message"]
    assert "a request needs rows with a subject or body column" in message
    served = pd.DataFrame(answer["predictions"])
    assert list(served.columns) == [*schema.OUTPUT_COLUMNS, *REQUEST_COLUMNS]
    assert (served[QUARANTINE_REASON] == "").all()
    for column in (schema.P_GENUINE, schema.P_CONVERT):
        assert served[column].tolist() == pytest.approx(expected[column].tolist(), rel=1e-9)
    for column in (schema.TIER, schema.ACTION, schema.REASONS, schema.FOLLOW_UP_QUESTIONS):
        assert served[column].tolist() == expected[column].tolist()


@pytest.mark.slow
def test_the_pyfunc_scores_a_row_with_only_a_body(pyfunc_dir: Path) -> None:
    """Every input column is optional: a row pasted with its body alone is scored."""
    import mlflow

    model = mlflow.pyfunc.load_model(str(pyfunc_dir))
    inputs = model.metadata.get_input_schema().inputs
    assert inputs and not any(column.required for column in inputs)
    out = model.predict(pd.DataFrame({schema.BODY: [BODY_ONLY]}))
    expected = load_scorer(pyfunc_dir).score(pd.DataFrame({schema.BODY: [BODY_ONLY]}), flat=True)
    assert out[schema.P_GENUINE].tolist() == pytest.approx(expected[schema.P_GENUINE].tolist())
    assert out[schema.REASONS].tolist() == expected[schema.REASONS].tolist()
