"""DVC stage ``marks``: the reps' outcome marks in force, exported as an ingest labels file.

The live SQLite file is read in one transaction; it is never a DVC dependency. The stage
depends on the folder of ``marks.last_event``, which the page rewrites on each mark, so it runs
after a mark, and rewrites the labels file only when the marks in force changed, so
`dvc repro` retrains only then.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from inquiry_quality.core.config import load_params
from inquiry_quality.web.marks import export_labels

logger = logging.getLogger("marks")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--out", required=True, help="labels file (csv)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params).marks
    rows, changed = export_labels(Path(params.database), Path(args.out), params.min_per_class)
    logger.info("%d marks exported to %s (%s)", rows, args.out, "changed" if changed else "same")


if __name__ == "__main__":
    main()
