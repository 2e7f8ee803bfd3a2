"""The flows a rep walks, in Debian's Chromium driven by Playwright (one server per module).

Set ``INQUIRY_QUALITY_SCREENSHOTS=docs/img`` to save the inbox and an inquiry as PNG files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from inquiry_quality.core import schema
from inquiry_quality.web.app import Served, create_app
from inquiry_quality.web.server import in_thread

from .conftest import HOSTILE_ATTACHMENT

SCREENSHOTS = os.environ.get("INQUIRY_QUALITY_SCREENSHOTS")


@pytest.fixture
def rep(live_server: tuple[str, Served], context: BrowserContext) -> Iterator[Page]:
    """A rep's page that records every request and every console error."""
    url, _ = live_server
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda m: page.errors.append(m.text) if "Refused" in m.text else None,  # type: ignore[attr-defined]
    )
    yield page
    outside = [u for u in page.requests if not u.startswith(url + "/")]  # type: ignore[attr-defined]
    assert outside == [], f"the browser fetched from outside the server: {outside}"
    assert page.errors == [], f"CSP violations: {page.errors}"  # type: ignore[attr-defined]


def test_triage_with_the_keyboard(rep: Page, live_server: tuple[str, Served]) -> None:
    url, served = live_server
    rep.goto(url + "/")
    first = served.inbox.table[schema.INQUIRY_ID].iloc[0]
    expect(rep.locator("tr.row.selected")).to_have_attribute("data-id", first)
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        rep.set_viewport_size({"width": 1280, "height": 900})
        rep.screenshot(path=f"{SCREENSHOTS}/inbox.png")
    tier = "ask for details"
    rep.select_option("select[name=tier]", tier)
    expect(rep.locator("p.count")).to_contain_text(
        f"{(served.inbox.table[schema.TIER] == tier).sum()} inquiries"
    )
    assert set(rep.locator("tr.row .tier").all_inner_texts()) == {tier}
    assert "tier=ask%20for%20details" in rep.url
    rep.keyboard.press("j")
    second = rep.locator("tr.row").nth(1)
    expect(second).to_have_class("row selected")
    inquiry_id = second.get_attribute("data-id")
    rep.keyboard.press(str(1 + schema.JUNK_TYPES.index(schema.SCAM)))  # junk, from the inbox
    expect(second.locator(".badge")).to_have_text("junk (scam)")
    rep.keyboard.press("u")
    expect(second.locator(".badge")).to_have_text("")
    rep.keyboard.press("o")
    rep.wait_for_url("**/inquiry?id=*")
    expect(rep.locator("p.inquiry-id")).to_have_text(f"Inquiry {inquiry_id}")

    rep.click("#copy-mail")
    expect(rep.locator("#copied")).to_have_text("Copied.")
    copied = rep.evaluate("navigator.clipboard.readText()")
    assert copied == rep.locator("#mail").input_value() and "\nDear " in copied

    rep.keyboard.press("g")
    expect(rep.locator("#current-mark")).to_have_text("genuine")
    rep.keyboard.press("u")
    expect(rep.locator("#current-mark")).to_have_text("not yet")
    rep.keyboard.press("c")
    expect(rep.locator("#current-mark")).to_have_text("existing customer")
    rep.fill("input[name=order_value]", "12500")
    rep.click("button[data-key=w]")
    expect(rep.locator("#current-mark")).to_have_text("won (12,500)")
    mark = served.marks.current(str(inquiry_id))
    assert mark is not None and mark.outcome == "won" and mark.order_value == 12500
    assert [e.outcome for e in served.marks.history(str(inquiry_id))] == [
        "junk", "undo", "genuine", "undo", "existing_customer", "won"
    ]  # fmt: skip
    if SCREENSHOTS:
        rep.screenshot(path=f"{SCREENSHOTS}/inquiry.png", full_page=True)
    rep.keyboard.press("i")
    rep.wait_for_url(url + "/")
    rep.select_option("select[name=marked]", "marked")
    expect(rep.locator("tr.row")).to_have_count(1)


def test_a_hostile_inquiry_is_text_and_fetches_nothing(
    rep: Page, live_server: tuple[str, Served]
) -> None:
    url, _ = live_server
    rep.goto(f"{url}/?q=buyer@attacker.example")
    expect(rep.locator("tr.row")).to_have_count(1)
    rep.click("tr.row a.open")
    expect(rep.locator("#body")).to_contain_text("<script>fetch('http://attacker.example")
    expect(rep.locator("#body")).to_contain_text('<img src="http://tracker.example/pixel.gif"')
    expect(rep.locator("#subject")).to_contain_text("<script>document.title='pwned'</script>")
    expect(rep.locator(".attachment")).to_have_text(HOSTILE_ATTACHMENT)
    assert rep.title() != "pwned"
    assert rep.locator("main img, main svg, main script, a[href^=javascript]").count() == 0
    assert rep.locator("#body a, #subject a").count() == 0
    if rep.locator(".danger").count():
        expect(rep.locator(".danger")).to_contain_text("Do not click")


def test_two_reps_mark_at_the_same_time(browser: Browser, live_server: tuple[str, Served]) -> None:
    url, served = live_server
    ids = served.inbox.table[schema.INQUIRY_ID].iloc[-2:].tolist()
    pages = []
    for inquiry_id in ids:
        page = browser.new_context().new_page()
        page.goto(f"{url}/inquiry?id={inquiry_id}")
        pages.append(page)
    for page in pages:  # both POSTs are sent before either answer is awaited
        spam = 1 + schema.JUNK_TYPES.index("spam")
        page.evaluate(f"document.querySelector('button[data-key=\"{spam}\"]').click()")
    for page in pages:
        expect(page.locator("#current-mark")).to_have_text("junk (spam)")
        page.context.close()
    for inquiry_id in ids:
        mark = served.marks.current(inquiry_id)
        assert mark is not None and mark.junk_type == "spam"


def test_a_pasted_inquiry_gets_its_report(rep: Page, live_server: tuple[str, Served]) -> None:
    url, _ = live_server
    rep.goto(url + "/paste")
    rep.click("button[type=submit]")
    expect(rep.locator("#paste-error")).to_contain_text("Nothing to score")
    rep.fill("#text", "Subject: RFQ solar street lights\n\nPlease quote 300 sets, FOB Ningbo.")
    rep.click("button[type=submit]")
    expect(rep.locator("h1")).to_have_text("RFQ solar street lights")
    expect(rep.locator(".verdict")).to_contain_text("Genuine: about")


def test_the_junk_keys_follow_the_schema(
    page: Page, served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page tells app.js the junk types: reordered in the schema, key 1 marks the new first."""
    order = tuple(reversed(schema.JUNK_TYPES))
    monkeypatch.setattr(schema, "JUNK_TYPES", order)
    with in_thread(create_app(served)) as url:
        page.goto(url + "/")
        row = page.locator("tr.row.selected")
        inquiry_id = str(row.get_attribute("data-id"))
        page.keyboard.press("1")
        expect(row.locator(".badge")).to_have_text(f"junk ({order[0]})")
        page.keyboard.press(str(len(order)))
        expect(row.locator(".badge")).to_have_text(f"junk ({order[-1]})")
    assert [e.junk_type for e in served.marks.history(inquiry_id)] == [order[0], order[-1]]
