"""Safe by default: an access token off localhost, CSRF tokens, and a strict CSP.

- Bound to anything but 127.0.0.1 (or ::1 / localhost), the server refuses to start without an
  access token, read from ``INQUIRY_QUALITY_TOKEN`` or a file (never the command line, where
  other users of the machine see it in the process list). With a token every request needs it
  as HTTP Basic password (the user name is the rep's name) or as ``Authorization: Bearer``.
- Every POST carries a CSRF token equal to the page's ``csrf`` cookie (double submit; the
  cookie is SameSite=Strict, so another site can neither send nor read it).
- Every response forbids scripts, styles, images, frames and connections from anywhere but the
  server itself, and inline scripts altogether.
"""

from __future__ import annotations

import base64
import binascii
import getpass
import os
import secrets
from pathlib import Path
from typing import Final

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from inquiry_quality.web import TOKEN_ENV

LOCAL_HOSTS: Final = ("127.0.0.1", "::1", "localhost")
CSRF_COOKIE: Final = "csrf"
CSRF_HEADER: Final = "X-CSRF-Token"
CSRF_FIELD: Final = "csrf"
MAX_BODY_BYTES: Final = 2_000_000  # a pasted inquiry is at most 1 MB; forms add little
CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class TokenError(RuntimeError):
    """The server may not start: no access token for a non-local address, or an unreadable
    token file."""


def access_token(host: str, token_file: Path | None) -> str | None:
    """The access token from ``token_file`` or ``$INQUIRY_QUALITY_TOKEN``; required off
    localhost (``TokenError``), optional on it."""
    token = None
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise TokenError(f"{token_file}: cannot read the token file ({exc})") from exc
        if not token:
            raise TokenError(f"{token_file}: the token file is empty")
    token = token or os.environ.get(TOKEN_ENV, "").strip() or None
    if token is None and host not in LOCAL_HOSTS:
        raise TokenError(
            f"refusing to serve on {host} without an access token: set {TOKEN_ENV} or pass "
            "--token-file FILE (every request then needs it; the rep's name is the user name)"
        )
    return token


def local_user() -> str:
    """The rep's name when no one logs in: the login name on this machine."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "local"


def _credentials(request: Request) -> tuple[str | None, str | None]:
    """(user, secret) from the Authorization header, if any."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return None, value.strip()
    if scheme.lower() == "basic":
        try:
            user, _, password = base64.b64decode(value).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None, None
        return user or None, password
    return None, None


class Guard(BaseHTTPMiddleware):
    """Access token, CSRF check and security headers on every request."""

    def __init__(self, app: object, token: str | None) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.token = token
        self.local = local_user()

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        user, secret = _credentials(request)
        if self.token is not None and not (secret is not None and _same(secret, self.token)):
            return self._secure(
                PlainTextResponse(
                    "An access token is needed: log in with your name and the token.",
                    401,
                    {"WWW-Authenticate": 'Basic realm="inquiry-quality", charset="UTF-8"'},
                )
            )
        if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
            return self._secure(PlainTextResponse("Too large: at most 2 MB a request.", 413))
        request.state.user = user or self.local
        cookie = request.cookies.get(CSRF_COOKIE)
        request.state.csrf = cookie or secrets.token_urlsafe(32)
        if request.method not in ("GET", "HEAD") and not await _csrf_ok(request, cookie):
            return self._secure(
                PlainTextResponse("Missing or wrong CSRF token: reload the page and retry.", 403)
            )
        response = await call_next(request)
        if cookie is None:
            response.set_cookie(
                CSRF_COOKIE, request.state.csrf, httponly=True, samesite="strict", path="/"
            )
        return self._secure(response)

    @staticmethod
    def _secure(response: Response) -> Response:
        response.headers.update(HEADERS)
        return response


async def _csrf_ok(request: Request, cookie: str | None) -> bool:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        await request.body()  # cached, so the endpoint reads the same body again
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    return bool(cookie and sent and _same(cookie, sent))


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison of two texts (any characters)."""
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
