"""Words of a job title, in every buyer language: one list for reading a signature (``ingest``)
and for the completeness features ("Inkoper", "Einkaufsleiter", "Responsable des achats")."""

from __future__ import annotations

from typing import Final

JOB_TITLES: Final = (
    "manager", "director", "buyer", "purchaser", "purchasing", "procurement", "sourcing",
    "ceo", "coo", "cfo", "cto", "owner", "founder", "president", "engineer", "head of",
    "officer", "coordinator", "assistant", "gerente", "directora", "comprador", "compradora",
    "jefe de", "geschäftsführer", "einkäufer", "einkauf", "directeur", "acheteur",
    "responsable", "einkaufsleiter", "einkaufsleiterin", "einkäuferin", "leiter einkauf",
    "acheteuse", "gerente de compras", "jefe de compras", "diretor", "diretora",
    "direttore", "responsabile", "ufficio acquisti", "менеджер", "директор", "руководитель",
    "müdür", "müdürü", "مدير", "مديرة",
    "inkoper", "inkoopster", "inkoop", "inkoopmanager", "eigenaar", "bedrijfsleider",  # nl
    "kierownik", "dyrektor", "prezes", "właściciel", "specjalista",  # pl
)  # fmt: skip
