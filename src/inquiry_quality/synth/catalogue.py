"""The fictional exporter and its catalogue: one coherent family of LED lighting products."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

EXPORTER = "Ningbo Brightway Lighting Co., Ltd."
EXPORTER_DOMAIN = "brightway-lighting.com"
# The sales reps buyers may address personally ("Dear Ms. Chen").
SALES_REPS: tuple[tuple[str, str, str], ...] = (
    ("Ms.", "Lily", "Chen"),
    ("Mr.", "Jason", "Wu"),
    ("Ms.", "Amy", "Zhang"),
    ("Mr.", "Kevin", "Li"),
)

CATALOGUE_COLUMNS = ("model_no", "product", "category", "specs", "moq", "unit", "fob_usd")


@dataclass(frozen=True)
class Family:
    category: str
    code: str
    product: str  # "{size}" is replaced by the variant's size
    sizes: tuple[tuple[str, str, tuple[int, ...]], ...]  # (size, size code, wattages)
    series: tuple[str, ...]  # product series, each a separate model
    ip: str
    lm_per_w: tuple[int, int]
    usd_base: float
    usd_per_w: float
    moq: int


FAMILIES: tuple[Family, ...] = (
    Family(
        "panel",
        "PL",
        "LED panel light {size}",
        (
            ("600x600", "6060", (36, 40, 48)),
            ("600x1200", "60120", (60, 72)),
            ("300x1200", "30120", (36, 40)),
            ("300x600", "3060", (18, 24)),
        ),
        ("edge-lit", "backlit"),
        "IP20",
        (90, 120),
        4.5,
        0.18,
        200,
    ),
    Family(
        "downlight",
        "DL",
        "LED downlight {size}",
        (('3"', "3", (5, 7)), ('4"', "4", (9, 12)), ('6"', "6", (15, 18)), ('8"', "8", (24, 30))),
        ("recessed", "anti-glare"),
        "IP44",
        (80, 105),
        1.6,
        0.16,
        500,
    ),
    Family(
        "bulb",
        "BL",
        "LED bulb {size}",
        (
            ("A60", "A60", (9, 12)),
            ("A70", "A70", (15,)),
            ("G45", "G45", (5,)),
            ("T100", "T100", (30,)),
            ("ST64 filament", "ST64", (6,)),
        ),
        ("E27",),
        "IP20",
        (90, 110),
        0.35,
        0.05,
        3000,
    ),
    Family(
        "tube",
        "TB",
        "LED T8 tube {size}",
        (("600mm", "06", (9,)), ("1200mm", "12", (18,)), ("1500mm", "15", (22,))),
        ("glass", "aluminium"),
        "IP20",
        (100, 130),
        0.8,
        0.05,
        1000,
    ),
    Family(
        "flood",
        "FL",
        "LED flood light {size}",
        (("", "", (20, 30, 50, 100, 150, 200, 300)),),
        ("slim", "SMD"),
        "IP65",
        (100, 130),
        4.0,
        0.11,
        100,
    ),
    Family(
        "street",
        "SL",
        "LED street light {size}",
        (("", "", (30, 50, 80, 100, 150, 200)),),
        ("modular",),
        "IP66",
        (130, 150),
        18.0,
        0.22,
        50,
    ),
    Family(
        "high bay",
        "HB",
        "LED UFO high bay {size}",
        (("", "", (100, 150, 200)),),
        ("UFO",),
        "IP65",
        (130, 150),
        16.0,
        0.14,
        50,
    ),
)
CCTS = ("3000K", "4000K", "6500K")


def build_catalogue(rng: np.random.Generator) -> pd.DataFrame:
    """Every model of every family with specs, MOQ and an FOB Ningbo price."""
    rows = []
    for family in FAMILIES:
        for series_index, series in enumerate(family.series):
            for size, size_code, wattages in family.sizes:
                for watts in wattages:
                    suffix = "" if series_index == 0 else f"-{series[0].upper()}"
                    efficacy = int(rng.integers(*family.lm_per_w))
                    name = family.product.format(size=size).strip()
                    specs = [f"{watts}W", f"{watts * efficacy}lm", "/".join(CCTS), family.ip]
                    rows.append(
                        {
                            "model_no": f"NB-{family.code}{size_code}-{watts}W{suffix}",
                            "product": f"{name} ({series})" if len(family.series) > 1 else name,
                            "category": family.category,
                            "specs": ", ".join(specs),
                            "moq": family.moq * int(rng.choice([1, 1, 2])),
                            "unit": "pcs",
                            "fob_usd": round(
                                (family.usd_base + family.usd_per_w * watts)
                                * rng.uniform(0.9, 1.15),
                                2,
                            ),
                        }
                    )
    return pd.DataFrame(rows, columns=list(CATALOGUE_COLUMNS))
