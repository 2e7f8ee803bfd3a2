"""The exported model: the same files for the same bundle, whichever run registered it."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import register_and_export

from inquiry_quality.mlops.loading import RUN_FIELDS
from inquiry_quality.scoring.integrity import directory_digest
from inquiry_quality.scoring.loading import PYFUNC_FILE


def test_a_bundle_exports_to_the_same_files_from_another_run(
    pyfunc_dir: Path, project_bundle_dir: Path, tmp_path: Path
) -> None:
    """What a fresh clone's ``dvc.lock`` needs: no run id, time or store path in the export."""
    again = register_and_export(project_bundle_dir, tmp_path)
    assert directory_digest(again) == directory_digest(pyfunc_dir)
    model = yaml.safe_load((again / PYFUNC_FILE).read_text(encoding="utf-8"))
    assert not set(RUN_FIELDS) & set(model)
    assert "python_function" in model["flavors"] and model["signature"]["inputs"]
