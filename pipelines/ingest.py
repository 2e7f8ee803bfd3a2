"""DVC stage ``ingest``: every inquiry source into one validated table, nothing lost."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from inquiry_quality.core.config import load_params
from inquiry_quality.ingest import ingest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--out", required=True, help="ingested inquiries (parquet)")
    parser.add_argument("--quarantine", required=True, help="rows that could not be used (csv)")
    parser.add_argument("--report", required=True, help="reconciliation report (json)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    result = ingest(params.ingest, root=Path("."), out=Path(args.out))
    Path(args.quarantine).parent.mkdir(parents=True, exist_ok=True)
    result.quarantine.to_csv(args.quarantine, index=False)
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(json.dumps(result.report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
