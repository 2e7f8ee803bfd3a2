"""Typed parameters loaded from ``params.yaml``.

Each top-level section of ``params.yaml`` is one stage (stage name = section = script name)
and maps to one frozen dataclass here. Unknown keys are an error that names the key, so a typo
in ``dvc exp run -S train.c=0.3`` fails loudly instead of being ignored.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


class ConfigError(ValueError):
    """A parameter file that does not match the expected structure."""


def _convert(value: Any, annotation: Any, where: str) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(value, inner[0], where)
    if dataclasses.is_dataclass(annotation):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: expected a mapping, got {value!r}")
        return from_mapping(annotation, value, where)
    if origin in (list, tuple):
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        item = args[0] if args else Any
        items = [_convert(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict or annotation is dict:
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: expected a mapping, got {value!r}")
        return dict(value)
    if annotation is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if annotation in (int, str, bool) and not isinstance(value, annotation):
        if annotation is int and isinstance(value, bool):
            raise ConfigError(f"{where}: expected an integer, got {value!r}")
        raise ConfigError(f"{where}: expected {annotation.__name__}, got {value!r}")
    return value


def from_mapping(cls: type[T], data: Mapping[str, Any], where: str) -> T:
    """Build dataclass ``cls`` from ``data``, rejecting unknown keys and wrong types."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"{where}: unknown parameter(s) {', '.join(unknown)}")
    kwargs = {k: _convert(v, hints[k], f"{where}.{k}") for k, v in data.items()}
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required key is missing
        raise ConfigError(f"{where}: {exc}") from exc


@dataclass(frozen=True)
class GenerateParams:
    """The embedded default data set (see docs/synthetic-data.md)."""

    seed: int = 42
    n_inquiries: int = 20000
    n_new: int = 2000
    start_date: str = "2024-11-01"
    months: int = 24
    label_noise: float = 0.02
    non_english_share: float = 0.10


@dataclass(frozen=True)
class Params:
    """All sections of params.yaml; a stage reads only its own section(s)."""

    generate: GenerateParams = field(default_factory=GenerateParams)
    extra: dict[str, Any] = field(default_factory=dict)


def load_params(path: str | Path = "params.yaml") -> Params:
    """Read ``path`` and return typed parameters; sections not modelled yet go to ``extra``."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: parameter file not found") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{path}: expected a mapping of sections")
    known = {f.name for f in dataclasses.fields(Params)} - {"extra"}
    sections = {k: v for k, v in raw.items() if k in known}
    params = from_mapping(Params, sections, str(path))
    return dataclasses.replace(params, extra={k: v for k, v in raw.items() if k not in known})
