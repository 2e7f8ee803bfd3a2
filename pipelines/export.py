"""DVC stage ``export``: the registered pyfunc model as a local directory for serving.

Copies ``inquiry-quality@candidate`` (logged and registered by ``evaluate``) to ``--out`` and
checks that it wraps the bundle of ``--model``, so ``mlflow models serve -m <out>`` and
``inquiry-quality score --model <out>`` use the very artifact that is in the registry.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from inquiry_quality.core.config import load_params
from inquiry_quality.mlops.export import export_registered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--model", required=True, type=Path, help="model bundle directory")
    parser.add_argument("--out", required=True, type=Path, help="pyfunc model directory")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    model_name = load_params(args.params).evaluate.registered_model
    export_registered(args.model, args.out, model_name=model_name)


if __name__ == "__main__":
    main()
