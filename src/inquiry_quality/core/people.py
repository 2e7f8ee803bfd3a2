"""Words of people's names and job titles in every buyer language: one list each for reading a
signature (``ingest``), the completeness features and the follow-up mail's greeting."""

from __future__ import annotations

from typing import Final

#: words and phrases of a job title ("Inkoper", "Einkaufsleiter", "Responsable des achats")
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
#: lower-case words that begin a surname: "Pieter de Vries", "João da Silva", "Hans von Berg",
#: "Jan ten Berge", "Ahmed al Khatib"
NAME_PARTICLES: Final = frozenset((
    "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le",
    "van", "von", "ter", "ten", "zu", "bin", "ibn", "al", "el",
))  # fmt: skip
