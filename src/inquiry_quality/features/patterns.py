"""The project's phrase lists (``inquiry_quality/data/phrasing_patterns.yaml``), loaded once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from inquiry_quality.core.config import read_yaml

PATTERN_FILE = "phrasing_patterns.yaml"


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, Any]:
    """The phrase lists by family name; lists are returned as tuples (read-only)."""
    text = resources.files("inquiry_quality.data").joinpath(PATTERN_FILE).read_text("utf-8")
    raw = read_yaml(text)
    return {key: tuple(str(v) for v in value) for key, value in raw.items()}
