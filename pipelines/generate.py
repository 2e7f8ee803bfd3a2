"""DVC stage `generate`: write the embedded default data set (raw files) to --out."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from inquiry_quality.core.config import load_params
from inquiry_quality.synth import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", type=Path, default=Path("params.yaml"))
    parser.add_argument("--out", type=Path, required=True, help="folder for the raw files")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    generate(load_params(args.params).generate, args.out)


if __name__ == "__main__":
    main()
