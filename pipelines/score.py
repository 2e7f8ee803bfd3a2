"""DVC stage ``score``: score the new batch (``score.sources``) to a file, with a summary.

With ``score.outcomes`` (the new batch's outcomes, known only in this demo), the summary also
says how each tier did; outcomes never reach the model. The batch's drift report against the
model's training reference goes to ``--drift`` (JSON metrics, and its page beside it); with
``MLFLOW_RUN_ID`` set it is also logged to that run. ``--reasons`` gets how the batch's reasons
and follow-up mails read (``scoring/reason_quality.py``).
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from inquiry_quality.core.config import load_params
from inquiry_quality.ingest.outcomes import load_outcomes
from inquiry_quality.mlops.loading import load_scorer
from inquiry_quality.mlops.monitoring import publish_drift_report
from inquiry_quality.scoring import BatchOptions, format_summary, score_sources
from inquiry_quality.scoring.reason_quality import reason_quality, reason_rows

log = logging.getLogger("score")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--model", required=True, help="pyfunc or bundle directory, or URI")
    parser.add_argument("--out", required=True, type=Path, help="scored inquiries (csv/parquet)")
    parser.add_argument("--quarantine", required=True, type=Path, help="unusable rows (csv)")
    parser.add_argument("--summary", required=True, type=Path, help="summary (json metrics)")
    parser.add_argument("--drift", required=True, type=Path, help="drift report (json metrics)")
    parser.add_argument("--reasons", required=True, type=Path, help="reason quality (json)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    scorer = load_scorer(args.model, params.score)
    outcomes = [load_outcomes(spec, params.ingest, Path(".")) for spec in params.score.outcomes]
    summary = score_sources(
        scorer,
        params.score.sources,
        args.out,
        args.quarantine,
        BatchOptions(
            extra_numeric=params.ingest.extra_numeric,
            extra_categorical=params.ingest.extra_categorical,
            outcomes=outcomes,
            drift=True,
        ),
    )
    args.summary.parent.mkdir(parents=True, exist_ok=True)
    args.summary.write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
    publish_drift_report(summary.drift or {}, args.drift)
    quality = reason_quality(reason_rows([str(args.out)]))
    args.reasons.write_text(json.dumps(quality, indent=2, ensure_ascii=False) + "\n", "utf-8")
    log.info("scored batch in %s\n%s", args.out, format_summary(summary))


if __name__ == "__main__":
    main()
