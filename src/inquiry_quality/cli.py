"""``inquiry-quality``: score a batch of inquiries, or explain one, from the command line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from inquiry_quality.core import schema

if TYPE_CHECKING:
    from inquiry_quality.core.config import Params

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
EXIT_QUARANTINED: Final = 3
EXIT_MODEL: Final = 4
DEFAULT_MODELS: Final = (Path("models/inquiry-quality"), Path("models/bundle"))
REGISTERED_MODEL: Final = "models:/inquiry-quality@champion"

EXIT_CODES = f"""exit codes:
  {EXIT_OK}  every inquiry was scored
  {EXIT_QUARANTINED}  scored, but some rows could not be used: see the quarantine file
  {EXIT_USAGE}  wrong command line, or an input file is missing or unreadable
  {EXIT_MODEL}  the model is missing, or its files were changed (checksum mismatch): not loaded
"""

SCORE_EPILOG = f"""examples:
  inquiry-quality score data/raw/generated/new/platform_export.csv -o scored.csv
  inquiry-quality score inbox.mbox web_form.xlsx -o scored.parquet --quarantine bad.csv
  inquiry-quality score ~/mail/inquiries/ -o scored.jsonl        (a folder of .eml files)
  inquiry-quality score export.csv -o scored.csv --drift drift.json   (+ drift.html)

inputs: CSV, Excel (.xlsx), JSON Lines, Parquet, an .mbox file, or a folder of .eml files.
Tables need the canonical column names (subject, body, sender_email, company, ...), unless
params.yaml maps them: a file with the same name as one of its score.sources or
ingest.sources is read with that source's column mapping.

output: one row per inquiry with p_genuine, p_convert, junk_type, tier, action, reasons,
missing_details, follow_up_questions, region, region_tip and the model's lineage. In CSV the
lists are joined by " | "; in Parquet and JSON Lines they are lists. Rows that cannot be
scored (no text, no date, ...) go to the quarantine file (default: <output>.quarantine.csv)
with the file, row and reason. The counts at the end always add up: read = scored +
quarantined.

drift: the batch is compared with the model's training data (features, scores, blanks, the
mix of languages, regions and channels, reasons); when anything moved, the summary ends with
one line naming the top columns, and --drift writes the whole report (docs/monitoring.md).

tiers: the thresholds behind quote now / ask for details / verify identity / discard, and the
daily quote capacity, are set in params.yaml's score section (README: "Score a batch of
inquiries"); without one, the model's own operating thresholds apply.

{EXIT_CODES}"""

EXPLAIN_EPILOG = f"""examples:
  inquiry-quality explain message.eml
  inquiry-quality explain one_inquiry.csv
  pbpaste | inquiry-quality explain -          (paste an inquiry; end with Ctrl-D)
  inquiry-quality explain inquiry.txt         (the same text, saved in a file)

Pasted text that starts with e-mail headers (From:, Subject:, ...) is read as an e-mail;
otherwise it is the body of the inquiry.

{EXIT_CODES}"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        help="model directory (pyfunc or bundle) or MLflow URI; default: models/inquiry-quality, "
        f"else models/bundle, else {REGISTERED_MODEL}",
    )
    parser.add_argument(
        "--params",
        type=Path,
        help="params.yaml with the score section and column mappings; default: ./params.yaml "
        "if present",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inquiry-quality",
        description="Which buyer inquiries are genuine, which will become orders, and what to "
        "do about each.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXIT_CODES,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    score = commands.add_parser(
        "score",
        help="score a batch of inquiries into a file",
        description="Score every inquiry in INPUT files into OUTPUT: the chance it is genuine "
        "and becomes an order, what to do (quote now / ask for details / verify identity / "
        "discard), why, and the questions to ask.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=SCORE_EPILOG,
    )
    score.add_argument("inputs", nargs="+", metavar="INPUT", type=Path, help="file or folder")
    score.add_argument("-o", "--output", required=True, type=Path, help=".csv/.parquet/.jsonl")
    score.add_argument("--quarantine", type=Path, help="CSV for rows that cannot be scored")
    score.add_argument(
        "--format", choices=("csv", "parquet", "jsonl"), help="output format (default: extension)"
    )
    score.add_argument(
        "--capacity",
        type=int,
        metavar="N",
        help="quotes your team can send a day: only the day's N best are 'quote now'",
    )
    score.add_argument(
        "--channel",
        choices=schema.CHANNELS,
        help="where inquiries came from, for files without a channel column",
    )
    score.add_argument(
        "--drift",
        type=Path,
        metavar="REPORT.json",
        help="write the batch's drift report against the model's training data here (and a "
        "page beside it, .html); a line in the summary warns of drift either way",
    )
    score.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="score in N worker processes (default: every CPU core for inputs over 16 MB, else 1)",
    )
    _common(score)
    explain = commands.add_parser(
        "explain",
        help="the full report for one inquiry",
        description="Print the full report for one inquiry: verdict, chances, action, reasons "
        "for and against, missing details, the follow-up mail, the region tip.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXPLAIN_EPILOG,
    )
    explain.add_argument(
        "file",
        nargs="?",
        default="-",
        help=".eml, .txt (text as pasted), a one-row table, or - for stdin (default)",
    )
    _common(explain)
    return parser


def _params(path: Path | None) -> Params:
    from inquiry_quality.core.config import Params, load_params

    if path is None:
        path = Path("params.yaml")
        if not path.is_file():
            return Params()
    return load_params(path)


def _model(choice: str | None) -> str:
    if choice:
        return choice
    return str(next((p for p in DEFAULT_MODELS if p.is_dir()), REGISTERED_MODEL))


def _fail(message: str, code: int) -> int:
    print(f"inquiry-quality: error: {message}", file=sys.stderr)
    return code


def run_score(args: argparse.Namespace) -> int:
    from inquiry_quality.mlops.loading import load_scorer
    from inquiry_quality.scoring import format_summary, score_sources, source_for
    from inquiry_quality.scoring.batch import default_quarantine_path
    from inquiry_quality.scoring.engines.local import default_jobs

    params = _params(args.params)
    score_params = params.score
    if args.capacity is not None:
        score_params = score_params.model_copy(update={"daily_capacity": args.capacity})
    scorer = load_scorer(_model(args.model), score_params)
    configured = [*params.score.sources, *params.ingest.sources]
    sources = [source_for(path, configured) for path in args.inputs]
    if args.channel:  # fills only what a file's own column or mapping leaves empty
        sources = [s.model_copy(update={"channel": s.channel or args.channel}) for s in sources]
    quarantine = args.quarantine or default_quarantine_path(args.output)
    summary = score_sources(
        scorer,
        sources,
        args.output,
        quarantine,
        fmt=args.format,
        extra_numeric=params.ingest.extra_numeric,
        extra_categorical=params.ingest.extra_categorical,
        progress=not args.quiet and sys.stderr.isatty(),
        keep_empty_quarantine=args.quarantine is not None,
        jobs=args.jobs or default_jobs(args.inputs),
        drift=True,
    )
    page = None
    if args.drift is not None:
        from inquiry_quality.mlops.monitoring import publish_drift_report

        page = publish_drift_report(summary.drift or {}, args.drift)
    if not args.quiet:
        print(format_summary(summary))
        print(f"\nScored inquiries: {args.output}")
        if summary.quarantined:
            print(f"Quarantined rows: {quarantine}")
        if page is not None:
            print(
                f"Drift report: {args.drift} ({(summary.drift or {}).get('verdict')}; page: {page})"
            )
    return EXIT_QUARANTINED if summary.quarantined else EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    import pandas as pd

    from inquiry_quality.ingest import read_inquiries
    from inquiry_quality.mlops.loading import load_scorer
    from inquiry_quality.scoring import source_for
    from inquiry_quality.scoring.batch import ANY_DATE
    from inquiry_quality.scoring.pasted import inquiry_from_text
    from inquiry_quality.scoring.report import render_report

    params = _params(args.params)
    extra = (params.ingest.extra_numeric, params.ingest.extra_categorical)
    if args.file == "-" or args.file.lower().endswith(".txt"):
        pasted = Path(args.file) if args.file != "-" else None
        if pasted is not None and not pasted.is_file():
            return _fail(f"{args.file}: no such file", EXIT_USAGE)
        text = sys.stdin.read() if pasted is None else pasted.read_text(errors="replace")
        raw = inquiry_from_text(text, None, *extra)
        if raw[["subject", "body"]].isna().all(axis=None):
            return _fail(f"nothing to explain: {pasted or 'the pasted text'} is empty", EXIT_USAGE)
    else:
        spec = source_for(Path(args.file), [*params.score.sources, *params.ingest.sources])
        chunks = list(read_inquiries(spec, params.ingest, Path("."), ANY_DATE))
        raw = pd.concat([c.table for c in chunks], ignore_index=True)
        bad = pd.concat([c.quarantine for c in chunks], ignore_index=True)
        if len(raw) + len(bad) != 1:
            return _fail(
                f"{args.file} holds {len(raw) + len(bad)} inquiries; explain takes one "
                "(use `inquiry-quality score` for a batch)",
                EXIT_USAGE,
            )
        if len(bad):
            line = bad.iloc[0]
            print(f"{args.file}: cannot be scored: {line['reason']} ({line['detail']})")
            return EXIT_QUARANTINED
    scorer = load_scorer(_model(args.model), params.score)
    row = scorer.score(raw).iloc[0]
    print(render_report(row, raw.iloc[0], scorer.rules))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from inquiry_quality.core.config import ConfigError
    from inquiry_quality.ingest import IngestError
    from inquiry_quality.modeling.bundle import ModelIntegrityError
    from inquiry_quality.scoring.loading import ModelNotFoundError

    try:
        return run_score(args) if args.command == "score" else run_explain(args)
    except ModelIntegrityError as exc:
        return _fail(f"model refused: {exc}", EXIT_MODEL)
    except ModelNotFoundError as exc:
        return _fail(f"no model: {exc}", EXIT_MODEL)
    except FileNotFoundError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except (IngestError, ConfigError, ValueError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushed at exit, not leaked
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
