"""``inquiry-quality``: score a batch of inquiries, or explain one, from the command line."""

from __future__ import annotations

import argparse
import glob
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from inquiry_quality.core import schema
from inquiry_quality.web import TOKEN_ENV

if TYPE_CHECKING:
    from inquiry_quality.core.config import Params

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
EXIT_QUARANTINED: Final = 3
EXIT_MODEL: Final = 4
EXIT_OUTPUT: Final = 5
EXIT_ENGINE: Final = 6
DEFAULT_MODELS: Final = (Path("models/inquiry-quality"), Path("models/bundle"))
REGISTERED_MODEL: Final = "models:/inquiry-quality@champion"
#: ``scoring.engines.local.WORKER_MODULE``, named here to start the workers' forkserver before
#: this process imports the scoring stack
WORKER_MODULE: Final = "inquiry_quality.scoring.engines.preload"

EXIT_CODES = f"""exit codes:
  {EXIT_OK}  every inquiry was scored
  {EXIT_QUARANTINED}  scored, but some rows could not be used: see the quarantine file
  {EXIT_USAGE}  wrong command line, an input file is missing or unreadable, or an output is an
     input or the other output (nothing is written)
  {EXIT_MODEL}  the model is missing, or its files were changed (checksum mismatch): not loaded
  {EXIT_OUTPUT}  an output cannot be written (a folder, a read-only folder, or another run is
     writing it): nothing is written, existing files are left as they were
  {EXIT_ENGINE}  the cluster could not finish (a partition ran out of memory: see the message)
"""

SCORE_EPILOG = f"""examples:
  inquiry-quality score data/raw/generated/new/platform_export.csv -o scored.csv
  inquiry-quality score inbox.mbox web_form.xlsx -o scored.parquet --quarantine bad.csv
  inquiry-quality score ~/mail/inquiries/ -o scored.jsonl        (a folder of .eml files)
  inquiry-quality score export.csv -o scored.csv --drift drift.json   (+ drift.html)
  inquiry-quality score 'exports/*.parquet' -o scored --engine dask --scheduler tcp://host:8786

inputs: CSV, Excel (.xlsx), JSON Lines, Parquet, an .mbox file, a folder of .eml files, or a
Maildir (its cur/ and new/).
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
daily quote capacity, are set in params.yaml's score section (docs/scoring.md); without
one, the model's own operating thresholds apply.

{EXIT_CODES}"""

EXPLAIN_EPILOG = f"""examples:
  inquiry-quality explain message.eml
  inquiry-quality explain one_inquiry.csv
  pbpaste | inquiry-quality explain -          (paste an inquiry; end with Ctrl-D)
  inquiry-quality explain inquiry.txt         (the same text, saved in a file)

Pasted text that starts with e-mail headers (From:, Subject:, ...) is read as an e-mail;
otherwise it is the body of the inquiry.

{EXIT_CODES}"""


_JUNK_KEYS = ", ".join(f"{i} {t.replace('_', ' ')}" for i, t in enumerate(schema.JUNK_TYPES, 1))
SERVE_EPILOG = f"""examples:
  inquiry-quality serve data/scored/new_batch.csv      (after `make run`; then open the URL)
  inquiry-quality serve inbox.mbox web_form.xlsx       (scored with the model on start)
  inquiry-quality serve scored.csv --drift drift.json  (with the report it was scored with)
  {TOKEN_ENV}=... inquiry-quality serve --host 0.0.0.0 (a shared server: token required)

keys: j/k move, o open, g genuine, c existing customer, l lost, w won, u undo, / search;
junk by type: {_JUNK_KEYS}.
Marks go to the SQLite file of --marks; `dvc repro` exports them (stage marks) and
trains on them once each class has params.yaml's marks.min_per_class.

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
    parser.add_argument(
        "--contacts",
        type=Path,
        metavar="CSV",
        help="today's CRM contacts export (company, domains, emails, phone), so customers added "
        "since training are known; default: params score.known_parties, else the export the "
        "model was trained with",
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
        help="score in N worker processes (default: every CPU core for inputs over 16 MB, or mail "
        "over 4 MB, else 1)",
    )
    engine = score.add_argument_group("scoring on a Dask cluster (docs/scale-out.md)")
    engine.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine (default); dask: partitions scored on a Dask cluster",
    )
    where = engine.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler", metavar="URL", help="the cluster's scheduler, tcp://HOST:8786"
    )
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="without --scheduler: a local cluster of N worker processes (default: one a core)",
    )
    engine.add_argument(
        "--partition-rows",
        type=int,
        metavar="N",
        help="rows (messages) per partition (default: 20000); lower it if workers run out of "
        "memory",
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
    serve = commands.add_parser(
        "serve",
        help="the rep's page: triage a batch, read each inquiry, mark outcomes",
        description="Serve the inbox of a scored file (or of inputs scored on start) on "
        "127.0.0.1: inquiries in the order to handle them, each with its reasons and follow-up "
        "mail, and outcome marks that become training labels (docs/web.md).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=SERVE_EPILOG,
    )
    serve.add_argument(
        "inputs",
        nargs="*",
        metavar="SCORED_FILE | INPUT",
        type=Path,
        default=[Path("data/scored/new_batch.csv")],
        help="a file written by `score`, or inputs to score (default: data/scored/new_batch.csv)",
    )
    serve.add_argument(
        "--texts",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="where a scored file's inquiries come from (default: params.yaml score.sources)",
    )
    serve.add_argument(
        "--drift",
        type=Path,
        metavar="REPORT.json",
        help="the drift report the scored file was written with (`score --drift`); without "
        "it the page checks the scored file's inputs with the model in the background",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--marks", type=Path, help="marks database (default: params marks.database)")
    serve.add_argument(
        "--token-file",
        type=Path,
        help=f"file holding the access token (or set {TOKEN_ENV}); required off 127.0.0.1",
    )
    _common(serve)
    return parser


#: what a terminal acts on instead of showing: C0 controls but tab and newline (escape sequences
#: start with ESC, carriage return overwrites a line), DEL, C1 controls, bidirectional overrides
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without the characters a terminal would act on (inquiries come from strangers:
    a subject may hold an escape sequence that retitles or clears the terminal)."""
    return _CONTROLS.sub("", text)


def say(text: str, stream: TextIO | None = None) -> None:
    """Print ``text``, printable (see ``printable``); everything the CLI prints goes here."""
    print(printable(text), file=stream or sys.stdout)


class _PrintableFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def _params(args: argparse.Namespace) -> Params:
    """``--params`` (default: ./params.yaml if present), with ``--contacts`` in its score
    section."""
    from inquiry_quality.core.config import Params, load_params

    path = args.params or Path("params.yaml")
    params = load_params(path) if args.params or path.is_file() else Params()
    if args.contacts is None:
        return params
    if not args.contacts.is_file():
        raise FileNotFoundError(f"{args.contacts}: no such CRM contacts export (--contacts)")
    score = params.score.model_copy(update={"known_parties": str(args.contacts)})
    return params.model_copy(update={"score": score})


def _model(choice: str | None) -> str:
    if choice:
        return choice
    return str(next((p for p in DEFAULT_MODELS if p.is_dir()), REGISTERED_MODEL))


def _located_model(choice: str | None) -> str:
    """``_model``, refused at once (before the model's stack is imported) when it is not there."""
    from inquiry_quality.scoring.model_location import ModelNotFoundError, check_model_location

    model = _model(choice)
    try:
        check_model_location(model)
    except ModelNotFoundError as exc:
        if choice:
            raise
        defaults = " nor ".join(str(p) for p in DEFAULT_MODELS)
        raise ModelNotFoundError(
            f"neither {defaults} in {Path.cwd()}, and {exc}; `make run` in the project "
            "exports one, or pass --model"
        ) from None
    return model


def _expanded(inputs: Sequence[Path]) -> list[Path]:
    """Inputs with quoted globs (``'exports/*.parquet'``) expanded, in sorted order."""
    paths: list[Path] = []
    for path in inputs:
        if path.exists():
            paths.append(path)
            continue
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            missing = "no file matches" if glob.has_magic(str(path)) else "no such file or folder"
            raise FileNotFoundError(f"{path}: {missing}")
        paths += [Path(m) for m in matches]
    return paths


def _fail(message: str, code: int) -> int:
    say(f"inquiry-quality: error: {message}", sys.stderr)
    return code


def run_score(args: argparse.Namespace) -> int:
    from inquiry_quality.core.parallel import default_jobs, start_forkserver
    from inquiry_quality.scoring.outputs import (
        check_outputs,
        default_quarantine_path,
        is_parts_folder,
    )

    if args.engine != "dask" and (args.scheduler or args.workers or args.partition_rows):
        raise ValueError("--scheduler, --workers and --partition-rows need --engine dask")
    params = _params(args)
    inputs = _expanded(args.inputs)
    quarantine = args.quarantine or default_quarantine_path(args.output)
    folders = [args.output] if is_parts_folder(args.output, args.format) else []
    # before the seconds of importing the model's stack and loading the model
    check_outputs(inputs, [args.output, quarantine], folders=folders)
    model = _located_model(args.model)
    jobs = 1 if args.engine == "dask" else args.jobs or default_jobs(inputs)
    if jobs > 1:  # its imports (~4 s) on another core while this process loads the model
        start_forkserver([WORKER_MODULE])

    from inquiry_quality.mlops.loading import load_scorer
    from inquiry_quality.scoring import BatchOptions, format_summary, score_sources, source_for

    score_params = params.score
    if args.capacity is not None:
        score_params = score_params.model_copy(update={"daily_capacity": args.capacity})
    scorer = load_scorer(model, score_params)
    configured = [*params.score.sources, *params.ingest.sources]
    sources = [source_for(path, configured) for path in inputs]
    if args.channel:  # fills only what a file's own column or mapping leaves empty
        sources = [s.model_copy(update={"channel": s.channel or args.channel}) for s in sources]
    options = BatchOptions(
        fmt=args.format,
        extra_numeric=params.ingest.extra_numeric,
        extra_categorical=params.ingest.extra_categorical,
        progress=not args.quiet and sys.stderr.isatty(),
        keep_empty_quarantine=args.quarantine is not None,
        drift=True,
    )
    if args.engine == "dask":
        from inquiry_quality.core.dask_cluster import dask_client
        from inquiry_quality.scoring.engines import dask_engine

        rows = args.partition_rows or dask_engine.DEFAULT_PARTITION_ROWS
        with dask_client(args.scheduler, args.workers) as client:
            summary = dask_engine.score_sources_on_dask(
                client, scorer, model, sources, args.output, quarantine, options,
                loader=load_scorer, partition_rows=rows,
            )  # fmt: skip
    else:
        summary = score_sources(scorer, sources, args.output, quarantine, options, jobs=jobs)
    page = None
    if args.drift is not None:
        from inquiry_quality.mlops.monitoring import publish_drift_report

        page = publish_drift_report(summary.drift or {}, args.drift)
    if not args.quiet:
        say(format_summary(summary))
        say(f"\nScored inquiries: {args.output}")
        if summary.quarantined:
            say(f"Quarantined rows: {quarantine}")
        if page is not None:
            say(
                f"Drift report: {args.drift} ({(summary.drift or {}).get('verdict')}; page: {page})"
            )
    return EXIT_QUARANTINED if summary.quarantined else EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    given = None if args.file == "-" else Path(args.file)
    pasted = given is None or args.file.lower().endswith(".txt")  # else a mail or table file
    if given is not None and not (given.is_file() if pasted else given.exists()):
        return _fail(f"{args.file}: no such file", EXIT_USAGE)  # before the model's stack

    model = _located_model(args.model)
    import pandas as pd

    from inquiry_quality.ingest import read_inquiries
    from inquiry_quality.mlops.loading import load_scorer
    from inquiry_quality.scoring import source_for
    from inquiry_quality.scoring.batch import ANY_DATE
    from inquiry_quality.scoring.pasted import inquiry_from_text
    from inquiry_quality.scoring.report import render_report

    params = _params(args)
    extra = (params.ingest.extra_numeric, params.ingest.extra_categorical)
    if pasted:
        text = sys.stdin.read() if given is None else given.read_text(errors="replace")
        raw = inquiry_from_text(text, None, *extra)
        if raw[["subject", "body"]].isna().all(axis=None):
            return _fail(f"nothing to explain: {given or 'the pasted text'} is empty", EXIT_USAGE)
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
            say(f"{args.file}: cannot be scored: {line['reason']} ({line['detail']})")
            return EXIT_QUARANTINED
    scorer = load_scorer(model, params.score)
    row = scorer.score(raw).iloc[0]
    say(render_report(row, raw.iloc[0], scorer.rules, scorer.params.follow_up))
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from inquiry_quality.mlops.loading import load_scorer
    from inquiry_quality.scoring import source_for
    from inquiry_quality.web import server
    from inquiry_quality.web.security import TokenError, access_token

    try:
        token = access_token(args.host, args.token_file)
    except TokenError as exc:
        return _fail(str(exc), EXIT_USAGE)
    params = _params(args)
    configured = [*params.score.sources, *params.ingest.sources]
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        return _fail(f"{', '.join(missing)}: no such file (run `make run` first?)", EXIT_USAGE)
    model = _model(args.model)
    try:
        scorer = load_scorer(model, params.score)
    except FileNotFoundError:  # a scored file is served without one; pasting needs it
        scorer = None
    inputs = [source_for(path, configured) for path in args.inputs]
    texts = [source_for(p, configured) for p in args.texts] if args.texts else params.score.sources
    batch = server.load_batch(inputs, texts, scorer, params, args.drift)
    if batch.drift.running and not args.quiet:
        say("Checking the batch for drift in the background (its inputs are scored again; the")
        say("inbox shows the verdict when done; --drift REPORT.json reads the report instead).")
    marks = args.marks or Path(params.marks.database)
    names = " ".join(str(p) for p in args.inputs)
    served = server.build(batch, scorer, params, marks, names, model if scorer else None)
    if not args.quiet:
        say(f"{len(served.inbox)} inquiries from {names}; marks in {marks}")
        say(f"Open http://{args.host}:{args.port}/ (Ctrl-C stops)")
    server.run(served, args.host, args.port, token)
    return EXIT_OK


COMMANDS = {"score": run_score, "explain": run_explain, "serve": run_serve}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(_PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushed at exit, not leaked
        return EXIT_OK
    except Exception as exc:
        code = _exit_code(exc)
        if code is None:
            raise
        return code


#: the failures a user can act on: (module, exception class, message prefix, exit code), the
#: first that matches wins
USER_ERRORS: Final = (
    ("inquiry_quality.scoring.outputs", "SameFileError", "refused: ", EXIT_USAGE),
    ("inquiry_quality.scoring.outputs", "OutputError", "cannot write the output: ", EXIT_OUTPUT),
    ("inquiry_quality.modeling.bundle", "ModelIntegrityError", "model refused: ", EXIT_MODEL),
    ("inquiry_quality.scoring.model_location", "ModelNotFoundError", "no model: ", EXIT_MODEL),
    ("builtins", "FileNotFoundError", "", EXIT_USAGE),
    ("inquiry_quality.ingest.frames", "IngestError", "", EXIT_USAGE),
    ("builtins", "ValueError", "", EXIT_USAGE),  # incl. core.config's ConfigError
    ("inquiry_quality.scoring.engines", "EngineError", "", EXIT_ENGINE),
)


def _exit_code(exc: Exception) -> int | None:
    """The exit code for a failure the user can act on (its message printed), None for a bug.

    An error class is looked up only in a module already imported (an exception of a class
    whose module was never imported cannot have been raised): importing the scoring stack
    to classify a mistyped path would make its message wait seconds.
    """
    for module, name, prefix, code in USER_ERRORS:
        error = getattr(sys.modules.get(module), name, None)
        if error is not None and isinstance(exc, error):
            return _fail(f"{prefix}{exc}", code)
    return None


if __name__ == "__main__":
    sys.exit(main())
