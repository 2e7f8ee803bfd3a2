"""The rep's page: the inbox, one inquiry, outcome marks, and a form for a pasted inquiry.

Server-rendered Jinja2 (autoescaped everywhere) with HTMX for partial updates; every asset is
in ``static/``. Nothing an inquiry holds is ever rendered as HTML: bodies are plain text in a
``<pre>``, links stay text, attachments are names.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from urllib.parse import urlencode

import pandas as pd
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.datastructures import UploadFile

from inquiry_quality.core import schema
from inquiry_quality.core.config import Params
from inquiry_quality.ingest import IngestError
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.pasted import inquiry_from_text
from inquiry_quality.web import words
from inquiry_quality.web.drift import NO_DRIFT_CHECK, DriftCheck, drift_note
from inquiry_quality.web.inbox import FILTERS, MARKED_CHOICES, Inbox, Query
from inquiry_quality.web.marks import JUNK, WON, MarkError, MarkStore
from inquiry_quality.web.security import CSRF_FIELD, Guard

logger = logging.getLogger(__name__)

MAX_PASTE_BYTES: Final = 1_000_000
STATIC: Final = Path(__file__).parent / "static"


@dataclass(frozen=True)
class Served:
    """What one server shows: the inbox, the marks, the model for pasted inquiries."""

    inbox: Inbox
    marks: MarkStore
    scorer: Scorer | None
    params: Params
    min_per_class: int
    source: str
    model_saved: str | None = None  # ISO time the model was saved; marks after it are new
    quarantined: int = 0
    texts_missing: int = 0
    drift: DriftCheck = NO_DRIFT_CHECK  # the batch's drift check (``evaluation.drift``)
    warm: threading.Event = field(default_factory=threading.Event)  # set once warmed up


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("inquiry_quality.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        url=lambda **p: "?" + urlencode({k: v for k, v in p.items() if v not in ("", None)}),
        in_words=words.in_words,
        junk_types=schema.JUNK_TYPES,
        filters=FILTERS,
        marked_choices=MARKED_CHOICES,
        csrf_field=CSRF_FIELD,
        schema=schema,
    )
    return env


def _record(row: pd.Series) -> dict[str, object]:
    """A table row as a template reads it (missing values as empty strings)."""
    return {k: ("" if not isinstance(v, list) and pd.isna(v) else v) for k, v in row.items()}


def inquiry_context(row: dict[str, object]) -> dict[str, object]:
    """Everything the inquiry view shows beyond the row's own fields."""
    reasons = list(row.get(schema.REASONS) or [])  # type: ignore[call-overload]
    for_, against = words.reasons_for_against(reasons)
    return {
        "row": row,
        "reasons_for": for_,
        "reasons_against": against,
        "attachments": words.attachment_names(row.get(schema.ATTACHMENTS)),
        "mail": words.mail_for(row),
        "no_mail_why": words.no_mail_why(row),
        "details_unlisted": words.details_unlisted(row),
        "risky": words.risky(row),
    }


def create_app(served: Served, token: str | None = None) -> FastAPI:
    """The application for ``served``; ``token``: the access token every request needs."""
    app = FastAPI(title="inquiry-quality", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(Guard, token=token)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    env = _templates()
    inbox = served.inbox

    def render(request: Request, name: str, status: int = 200, **context: object) -> HTMLResponse:
        context.update(csrf=request.state.csrf, user=request.state.user, served=served)
        return HTMLResponse(env.get_template(name).render(**context), status)

    def drift_panel() -> dict[str, object]:
        check = served.drift
        return {"drift_check": check, "drift": drift_note(check.report)}

    def marks_panel() -> dict[str, object]:
        counts = served.marks.counts_since(served.model_saved)
        return {"new_marks": counts, "min_per_class": served.min_per_class}

    @app.get("/", response_class=HTMLResponse)
    def inbox_view(request: Request) -> HTMLResponse:
        query = Query.from_params(request.query_params)
        latest = served.marks.latest()
        page = inbox.page(query, latest)
        rows = [_record(r) for _, r in page.rows.iterrows()]
        context = {"query": query, "page": page, "rows": rows, "latest": latest, "inbox": inbox}
        if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "results":
            return render(request, "_results.html", **context)
        return render(request, "inbox.html", **context, **marks_panel(), **drift_panel())

    @app.get("/drift", response_class=HTMLResponse)
    def drift_view(request: Request) -> HTMLResponse:
        """The drift panel alone: the inbox asks for it while the check runs."""
        return render(request, "_drift.html", **drift_panel())

    @app.get("/inquiry", response_class=HTMLResponse)
    def inquiry_view(request: Request, id: str = "") -> HTMLResponse:
        row = inbox.row(id)
        if row is None:
            return render(request, "error.html", 404, message=f"No inquiry {id!r} in this batch.")
        before, after = inbox.neighbours(id)
        return render(
            request,
            "inquiry.html",
            **inquiry_context(_record(row)),
            current=served.marks.current(id),
            history=served.marks.history(id),
            before=before,
            after=after,
            **marks_panel(),
        )

    def mark_response(request: Request, inquiry_id: str, view: str, error: str = "") -> Response:
        if not request.headers.get("HX-Request"):
            if error:
                return render(request, "error.html", 400, message=error)
            return RedirectResponse(f"/inquiry?{urlencode({'id': inquiry_id})}", 303)
        name = "_badge.html" if view == "row" else "_marks.html"
        return render(
            request,
            name,
            400 if error else 200,
            inquiry_id=inquiry_id,
            current=served.marks.current(inquiry_id),
            history=served.marks.history(inquiry_id),
            error=error,
        )

    @app.post("/mark")
    async def mark(request: Request) -> Response:
        form = await request.form()
        inquiry_id = str(form.get("id", ""))
        view = str(form.get("view", ""))
        row = inbox.row(inquiry_id)
        if row is None:
            return mark_response(request, inquiry_id, view, f"No inquiry {inquiry_id!r}.")
        outcome = str(form.get("outcome", ""))
        value_text = str(form.get("order_value", "")).replace(",", "").strip()
        try:
            value = float(value_text) if value_text and outcome == WON else None
        except ValueError:
            return mark_response(request, inquiry_id, view, f"Not an amount: {value_text!r}.")
        try:
            served.marks.mark(
                inquiry_id,
                outcome,
                request.state.user,
                junk_type=(str(form.get("junk_type", "")) or None) if outcome == JUNK else None,
                order_value=value,
                shown=row.to_dict(),
            )
        except MarkError as exc:
            return mark_response(request, inquiry_id, view, f"Not recorded: {exc}.")
        return mark_response(request, inquiry_id, view)

    @app.post("/undo")
    async def undo(request: Request) -> Response:
        form = await request.form()
        inquiry_id = str(form.get("id", ""))
        served.marks.undo(inquiry_id, request.state.user)
        return mark_response(request, inquiry_id, str(form.get("view", "")))

    @app.get("/paste", response_class=HTMLResponse)
    def paste_form(request: Request) -> HTMLResponse:
        return render(request, "paste.html", error="", text="")

    @app.post("/paste", response_class=HTMLResponse)
    async def paste(request: Request) -> HTMLResponse:
        form = await request.form()
        text = str(form.get("text", "") or "")
        upload = form.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(MAX_PASTE_BYTES + 1)
            if len(data) > MAX_PASTE_BYTES:
                return _paste_error(request, f"{upload.filename}: larger than 1 MB.", "")
            text = data.decode("utf-8", errors="replace")
        elif len(text.encode("utf-8")) > MAX_PASTE_BYTES:
            return _paste_error(request, "The pasted text is larger than 1 MB.", "")
        if not text.strip():
            return _paste_error(request, "Nothing to score: paste an inquiry or choose a file.", "")
        if served.scorer is None:
            return _paste_error(request, "No model is loaded: start with --model.", text)
        try:
            raw = inquiry_from_text(
                text,
                None,
                served.params.ingest.extra_numeric,
                served.params.ingest.extra_categorical,
            )
        except (IngestError, ValueError) as exc:
            return _paste_error(request, f"Cannot read this inquiry: {exc}", text)
        if raw[[schema.SUBJECT, schema.BODY]].isna().all(axis=None):
            return _paste_error(request, "Nothing to score: the inquiry has no text.", text)
        scored = served.scorer.score(raw).iloc[0]
        row = _record(pd.concat([raw.iloc[0].drop(schema.INQUIRY_ID), scored]))
        return render(request, "report.html", **inquiry_context(row))

    def _paste_error(request: Request, message: str, text: str) -> HTMLResponse:
        return render(request, "paste.html", 400, error=message, text=text)

    return app
