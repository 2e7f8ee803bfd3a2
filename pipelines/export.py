"""DVC stage ``export``: the champion model as a local pyfunc directory for serving.

Copies ``<register.registered_model>@champion`` to ``--out``, so ``mlflow models serve -m <out>``
and ``inquiry-quality score --model <out>`` use the very artifact that is in the registry; a
candidate that lost the gate is never exported. Writes the model card (``README.md``) beside
it, from the champion's own run (its metrics) and bundle, and logs it to that run.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from inquiry_quality.core.config import load_params
from inquiry_quality.mlops.card import write_model_card
from inquiry_quality.mlops.export import export_champion


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--registration", required=True, type=Path, help="register's record")
    parser.add_argument("--out", required=True, type=Path, help="pyfunc model directory")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    params = load_params(args.params)
    model_name = params.register.registered_model
    export_champion(args.registration, args.out, model_name=model_name)
    sources = [spec.path for spec in params.ingest.sources]
    write_model_card(args.out, sources, model_name=model_name)


if __name__ == "__main__":
    main()
