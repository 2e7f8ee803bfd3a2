"""What a logged model carries: its own copy of the code a served model runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from architecture.test_layers import REPO, required_packages

from inquiry_quality.mlops.pyfunc import served_code

#: loads the exported model with only its own code/ importable as ``inquiry_quality``
SERVE_FROM_CODE = """
import json, sys
model = sys.argv[1]
sys.path.insert(0, model + "/code")
import mlflow.pyfunc, pandas as pd
import inquiry_quality
NOT_SERVED = ["inquiry_quality." + name for name in ("synth", "web", "analysis", "cli")]
body = "Please quote 500 pcs of LED panels, 40 W, CIF Hamburg. Regards, Ann Lee, Lee GmbH"
scored = mlflow.pyfunc.load_model(model).predict(pd.DataFrame({"body": [body]}))
print(json.dumps({
    "package": inquiry_quality.__file__,
    "rows": len(scored),
    "not_served": sorted(m for m in sys.modules if m.startswith(tuple(NOT_SERVED))),
}))
"""


def test_the_served_code_is_what_the_register_stage_depends_on(tmp_path: Path) -> None:
    """The logged model's code/ holds exactly the packages the register stage's script imports
    (and so depends on): editing the page or the CLI leaves the model and dvc.lock as they
    are, and a package a served model needs cannot be left out."""
    copied = {f"src/inquiry_quality/{p.name}" for p in served_code(tmp_path).iterdir()}
    assert copied == required_packages(REPO / "pipelines" / "register.py")
    assert not list(tmp_path.rglob("__pycache__"))


def test_an_exported_model_scores_with_its_own_code_alone(pyfunc_dir: Path) -> None:
    """Served from its own code/ (first on the path, as MLflow puts it), the model loads and
    scores an inquiry, and imports nothing of the generator, the page, the analysis or the
    CLI."""
    assert not (pyfunc_dir / "code" / "inquiry_quality" / "web").exists()
    run = subprocess.run(
        [sys.executable, "-c", SERVE_FROM_CODE, str(pyfunc_dir)],
        capture_output=True, text=True, check=True, cwd=pyfunc_dir,
    )  # fmt: skip
    served = json.loads(run.stdout.strip().splitlines()[-1])
    assert Path(served["package"]).is_relative_to(pyfunc_dir / "code")
    assert served["rows"] == 1 and served["not_served"] == []
