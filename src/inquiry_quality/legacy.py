"""Old import paths, only so that models pickled before the layered layout still load.

A pickle names each class by its module (``inquiry_quality.model.InquiryPipeline``); the
modules moved into layer packages, so ``install`` adds an import hook that answers the old
names with the new modules. New code never imports an old path (a test checks it).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType
from typing import Final

MOVED: Final = {
    "inquiry_quality.schema": "inquiry_quality.core.schema",
    "inquiry_quality.config": "inquiry_quality.core.config",
    "inquiry_quality.multicore": "inquiry_quality.core.parallel",
    "inquiry_quality.model": "inquiry_quality.modeling.pipeline",
    "inquiry_quality.heads": "inquiry_quality.modeling.heads",
    "inquiry_quality.split": "inquiry_quality.modeling.split",
    "inquiry_quality.scaling": "inquiry_quality.modeling.scaling",
    "inquiry_quality.features.typos": "inquiry_quality.modeling.typos",
    "inquiry_quality.training": "inquiry_quality.modeling.training",
    "inquiry_quality.bundle": "inquiry_quality.modeling.bundle",
    "inquiry_quality.contributions": "inquiry_quality.modeling.contributions",
    "inquiry_quality.tracking": "inquiry_quality.mlops.pyfunc",
}


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds an old module name and loads it as the module it moved to."""

    def find_spec(self, fullname: str, path: object, target: object = None) -> object:
        if fullname not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(MOVED[spec.name])

    def exec_module(self, module: ModuleType) -> None:
        """The new module is already executed."""


def install() -> None:
    """Answer the old module names (idempotent)."""
    if not any(isinstance(finder, _Alias) for finder in sys.meta_path):
        sys.meta_path.append(_Alias())
