"""inquiry-quality: which buyer inquiries are genuine, which will convert, and why."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("inquiry-quality")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
