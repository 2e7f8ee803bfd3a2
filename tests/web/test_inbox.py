"""The inbox query's page links."""

from __future__ import annotations

from inquiry_quality.web.inbox import Query


def test_page_links_keep_the_filters_and_leave_out_page_one() -> None:
    query = Query.from_params({"tier": "discard", "language": "1", "q": "led", "page": "3"})
    assert query.params(page=1) == {"tier": "discard", "language": "1", "q": "led"}
    assert query.params(tier="") == {"language": "1", "q": "led", "page": "3"}
