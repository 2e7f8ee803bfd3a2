"""Sentence templates with ``{field}`` placeholders (``str.format`` syntax)."""

from __future__ import annotations

import string


def template_fields(template: str) -> tuple[str, ...]:
    """The placeholders of ``template``, in order of first use, each once."""
    fields = (field for _, field, _, _ in string.Formatter().parse(template) if field)
    return tuple(dict.fromkeys(fields))
