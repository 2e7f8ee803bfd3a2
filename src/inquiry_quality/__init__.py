"""inquiry-quality: which buyer inquiries are genuine, which will convert, and why."""

from importlib.metadata import PackageNotFoundError, version

from inquiry_quality import legacy

try:
    __version__ = version("inquiry-quality")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__", "load_scorer"]

legacy.install()  # models pickled before the layered layout name the old module paths


def __getattr__(name: str) -> object:
    """``load_scorer`` on first use, so ``import inquiry_quality`` stays light."""
    if name == "load_scorer":
        from inquiry_quality.mlops.loading import load_scorer

        return load_scorer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
