"""inquiry-quality: which buyer inquiries are genuine, which will convert, and why."""

from inquiry_quality import legacy

__all__ = ["__version__", "load_scorer"]

legacy.install()  # models pickled before the layered layout name the old module paths


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("inquiry-quality")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0"


def __getattr__(name: str) -> object:
    """``__version__`` and ``load_scorer`` on first use, so ``import inquiry_quality`` stays
    light (``importlib.metadata`` alone is ~40 ms, ``load_scorer`` the model's whole stack)."""
    if name == "__version__":
        globals()["__version__"] = value = _version()
        return value
    if name == "load_scorer":
        from inquiry_quality.mlops.loading import load_scorer

        return load_scorer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
