"""The page's routes through FastAPI's TestClient: order, filters, escaping, CSP, CSRF, token."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from inquiry_quality.cli import main
from inquiry_quality.core import schema
from inquiry_quality.scoring import TIERS
from inquiry_quality.scoring.followups import follow_up_mail
from inquiry_quality.scoring.pasted import inquiry_from_text
from inquiry_quality.scoring.tiers import DETAILS_UNLISTED, NO_DETAILS, NO_FOLLOW_UP, QUOTE_NOW
from inquiry_quality.web import TOKEN_ENV, words
from inquiry_quality.web.app import Served, create_app
from inquiry_quality.web.security import CSRF_COOKIE, CSRF_HEADER, TokenError, access_token

from .conftest import HOSTILE_ID

ROW_ID = re.compile(r'<tr class="row" data-id="([^"]+)"')


@pytest.fixture
def client(served: Served) -> TestClient:
    return TestClient(create_app(served))


def _csrf(client: TestClient) -> str:
    client.get("/")
    return client.cookies[CSRF_COOKIE]


def test_inbox_lists_by_action_then_chance_of_an_order(client: TestClient, served: Served) -> None:
    html = client.get("/").text
    ids = ROW_ID.findall(html)
    table = served.inbox.table.set_index(schema.INQUIRY_ID)
    shown = table.loc[[i.replace("&amp;", "&") for i in ids]]
    rank = shown[schema.TIER].map(TIERS.index)
    assert rank.is_monotonic_increasing
    for _, tier in shown.groupby(schema.TIER):
        assert tier[schema.P_CONVERT].is_monotonic_decreasing
    counts = served.inbox.table[schema.TIER].value_counts()
    for tier, n in counts.items():
        assert f"{tier} <b>{n}</b>" in html


def test_filters_and_search_narrow_the_inbox(client: TestClient, served: Served) -> None:
    table = served.inbox.table
    tier = table[schema.TIER].iloc[-1]
    html = client.get("/", params={"tier": tier}).text
    assert f"{(table[schema.TIER] == tier).sum()} inquiries" in html
    found = client.get("/", params={"q": "URGENT rfq"}).text
    assert ROW_ID.findall(found) == [HOSTILE_ID]
    assert "0 inquiries" in client.get("/", params={"q": "no such words here"}).text


def test_every_response_carries_a_strict_csp(client: TestClient) -> None:
    for path in ("/", f"/inquiry?id={HOSTILE_ID}", "/paste", "/static/app.js", "/nothing"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy


def test_the_page_gives_the_keys_the_schemas_junk_types(client: TestClient) -> None:
    body = re.search(r'<body [^>]*data-junk-types="([^"]*)"', client.get("/").text)
    assert body is not None and tuple(body.group(1).split()) == schema.JUNK_TYPES
    script = client.get("/static/app.js").text
    assert not [t for t in schema.JUNK_TYPES if f'"{t}"' in script]  # no list of its own


def test_every_tier_has_its_colour(client: TestClient) -> None:
    css = client.get("/static/app.css").text
    assert [t for t in TIERS if f".tier-{t.replace(' ', '-')} {{" not in css] == []


def test_a_hostile_inquiry_is_shown_as_text(client: TestClient) -> None:
    html = client.get("/inquiry", params={"id": HOSTILE_ID}).text
    assert "<script>" not in html.replace('<script src="/static/', "")
    assert "&lt;script&gt;fetch(" in html
    assert "<img" not in html and "&lt;img src=" in html
    assert 'href="javascript' not in html and "javascript:alert(1)" in html
    assert "invoice.html&lt;svg onload=alert(1)&gt;" in html
    assert "&lt;b&gt;Mr Evil&lt;/b&gt;" in html


def test_marking_needs_the_csrf_token(client: TestClient, served: Served) -> None:
    form = {"id": HOSTILE_ID, "outcome": "junk", "junk_type": "phishing"}
    _csrf(client)
    assert client.post("/mark", data=form).status_code == 403
    assert client.post("/mark", data=form, headers={CSRF_HEADER: "forged"}).status_code == 403
    assert served.marks.current(HOSTILE_ID) is None
    token = client.cookies[CSRF_COOKIE]
    answer = client.post("/mark", data=form, headers={CSRF_HEADER: token, "HX-Request": "true"})
    assert answer.status_code == 200 and "junk (phishing)" in answer.text
    mark = served.marks.current(HOSTILE_ID)
    assert mark is not None and mark.junk_type == "phishing"


def test_a_bad_mark_is_refused_with_a_reason(client: TestClient, served: Served) -> None:
    token = _csrf(client)
    headers = {CSRF_HEADER: token, "HX-Request": "true"}
    answer = client.post("/mark", data={"id": HOSTILE_ID, "outcome": "junk"}, headers=headers)
    assert answer.status_code == 400 and "junk needs its type" in answer.text
    won = {"id": HOSTILE_ID, "outcome": "won", "order_value": "lots"}
    assert "Not an amount" in client.post("/mark", data=won, headers=headers).text
    assert served.marks.current(HOSTILE_ID) is None


def test_with_a_token_every_request_needs_it(served: Served) -> None:
    client = TestClient(create_app(served, token="s3cret-t0ken"))
    assert client.get("/").status_code == 401
    assert client.get("/static/app.css").status_code == 401
    assert client.get("/", auth=("anna", "wrong")).status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer s3cret-t0ken"}).status_code == 200
    client.auth = ("anna", "s3cret-t0ken")
    token = _csrf(client)
    form = {"id": HOSTILE_ID, "outcome": "genuine"}
    client.post("/mark", data=form, headers={CSRF_HEADER: token})
    mark = served.marks.current(HOSTILE_ID)
    assert mark is not None and mark.who == "anna"


def test_a_public_address_needs_a_token(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert access_token("127.0.0.1", None) is None
    with pytest.raises(TokenError, match=r"refusing to serve on 0\.0\.0\.0"):
        access_token("0.0.0.0", None)
    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    assert "without an access token" in capsys.readouterr().err
    secret = tmp_path / "token"
    secret.write_text("from-a-file\n")
    assert access_token("0.0.0.0", secret) == "from-a-file"
    monkeypatch.setenv(TOKEN_ENV, "from-the-env")
    assert access_token("0.0.0.0", None) == "from-the-env"


def test_pasted_inquiries_get_a_report_and_bad_input_a_message(client: TestClient) -> None:
    token = _csrf(client)
    empty = client.post("/paste", data={"text": "  ", "csrf": token})
    assert empty.status_code == 400 and "Nothing to score" in empty.text
    big = client.post("/paste", data={"csrf": token}, files={"file": ("x.eml", b"a" * 1_000_001)})
    assert big.status_code == 400 and "larger than 1 MB" in big.text
    huge = client.post("/paste", content=b"a" * 2_000_001, headers={CSRF_HEADER: token})
    assert huge.status_code == 413  # refused before the body is read
    text = "Subject: RFQ LED panels\n\nPlease quote 2000 pcs 600x600 LED panels, CIF Hamburg."
    report = client.post("/paste", data={"text": text, "csrf": token})
    assert report.status_code == 200
    assert "RFQ LED panels" in report.text and "Follow-up mail" in report.text
    junk = {"file": ("x.eml", bytes(range(256)))}
    binary = client.post("/paste", data={"csrf": token}, files=junk)
    assert binary.status_code in (200, 400)
    assert client.get("/").status_code == 200  # the server keeps running


def test_a_pasted_report_shows_what_the_scorer_says(client: TestClient, served: Served) -> None:
    text = (
        "From: Ana Souza <ana@construtora-souza.com.br>\n"
        "Date: Mon, 30 Nov 2026 09:00:00 +0000\n"
        "Subject: RFQ LED panels\n\n"
        "Please quote 2000 pcs 600x600 LED panels, CIF Santos, delivery in March.\n"
        "Ana Souza\nConstrutora Souza Ltda\n+55 11 5555 0101\n"
    )
    page = client.post("/paste", data={"text": text, "csrf": _csrf(client)}).text
    assert served.scorer is not None
    ingest = served.params.ingest
    raw = inquiry_from_text(text, None, ingest.extra_numeric, ingest.extra_categorical)
    row = served.scorer.score(raw).iloc[0]
    said = {
        heading: [html.unescape(li) for li in re.findall(r"<li>(.*?)</li>", items)]
        for heading, items in re.findall(r"<h3>(For|Against)</h3><ul>(.*?)</ul>", page)
    }
    assert (said["For"], said["Against"]) == words.reasons_for_against(row[schema.REASONS])
    verdict = html.unescape(page)
    assert f"{row[schema.TIER]}</span> {row[schema.ACTION]}" in verdict
    assert f"({row[schema.P_GENUINE] * 100:.0f}%)" in verdict
    assert f"<p>{', '.join(row[schema.MISSING_DETAILS]) or 'none'}</p>" in verdict
    mail = re.search(r'<textarea id="mail"[^>]*>(.*?)</textarea>', page, re.S)
    questions = row[schema.FOLLOW_UP_QUESTIONS]
    inquiry = {**raw.iloc[0].to_dict(), **row.to_dict()}  # the page's row: text and scores
    expected = follow_up_mail(inquiry, list(questions), acknowledge=row[schema.TIER] == QUOTE_NOW)
    assert mail is not None and html.unescape(mail.group(1)) == expected
    assert html.unescape(row[schema.REGION_TIP]) in verdict


def test_a_pasted_scam_gets_no_mail_and_no_list_of_details(
    client: TestClient, served: Served
) -> None:
    text = (
        "From: Barrister Musa Bello <musa.bello.chambers@yahoo.com>\n"
        "Subject: URGENT FUNDS RELEASE\n\n"
        "Dear Beloved Friend, you have been awarded USD 12,500,000. Kindly pay the release fee "
        "of USD 950 by Western Union or MoneyGram and send your bank details. Strictly "
        "confidential.\n"
    )
    page = html.unescape(client.post("/paste", data={"text": text, "csrf": _csrf(client)}).text)
    assert served.scorer is not None
    ingest = served.params.ingest
    raw = inquiry_from_text(text, None, ingest.extra_numeric, ingest.extra_categorical)
    tier = served.scorer.score(raw).iloc[0][schema.TIER]
    assert tier in NO_FOLLOW_UP  # whatever the small test model calls it, no one replies
    assert f"None: {NO_FOLLOW_UP[tier]}" in page and '<textarea id="mail"' not in page
    assert (DETAILS_UNLISTED in page) == (tier in NO_DETAILS)
