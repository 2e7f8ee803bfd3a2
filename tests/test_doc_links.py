"""Every relative link in README.md and docs/*.md points to a file, and to a heading if it names
one (GitHub's anchors), so moving or renaming a doc cannot leave a dead link behind."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parents[1]
DOCS = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])


@cache
def tokens(path: Path) -> list:
    """The document's block tokens; links in code blocks and spans are never parsed as links."""
    return MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))


def links(path: Path) -> list[str]:
    found = []
    for block in tokens(path):
        for child in block.children or []:
            if child.type == "link_open":
                found.append(str(child.attrGet("href")))
    return found


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@cache
def anchors(path: Path) -> frozenset[str]:
    found: set[str] = set()
    blocks = tokens(path)
    for i, block in enumerate(blocks):
        if block.type == "heading_open":
            text = "".join(c.content for c in blocks[i + 1].children or [])
            base = slug(text)
            name, n = base, 0
            while name in found:  # repeated headings get -1, -2, ...
                n += 1
                name = f"{base}-{n}"
            found.add(name)
    return frozenset(found)


def test_the_slug_is_githubs() -> None:
    assert slug("What `make run` produces") == "what-make-run-produces"
    assert slug("Nothing is lost: quarantine and reconciliation") == (
        "nothing-is-lost-quarantine-and-reconciliation"
    )


def test_every_doc_is_found() -> None:
    names = {p.name for p in DOCS}
    assert {"README.md", "architecture.md", "configuration.md", "scoring.md"} <= names


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_point_to_files_and_headings(doc: Path) -> None:
    dead = []
    for href in links(doc):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:  # an absolute URL: not followed, offline
            continue
        target = (doc.parent / unquote(parts.path)).resolve() if parts.path else doc
        if not target.exists():
            dead.append(f"{href}: no such file")
        elif parts.fragment and target.suffix == ".md" and parts.fragment not in anchors(target):
            dead.append(f"{href}: no heading #{parts.fragment} in {target.name}")
    assert not dead, f"{doc.relative_to(REPO)}: {dead}"
