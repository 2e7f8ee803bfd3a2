"""When the goods are needed: a month or a span of days, weeks or months next to a delivery word.

"Delivery in May", "ship by Jan 15", "Entrega en 6 semanas", "Lieferung bis Ende März",
"поставка в мае". Month names come from Babel's CLDR data for each language the phrase lists
know (full names in both grammatical forms, abbreviations only next to a day number); a
sentence states a delivery time when it has such a month or span and a delivery word.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from babel.dates import get_month_names

from inquiry_quality.features.patterns import load_patterns

#: words (stems) that make a month or a span in the same sentence a delivery time
DELIVERY_STEMS: Final = (
    # en
    "deliver", "ship", "dispatch", "need", "require", "arriv", "lead time", "ready", "by",
    "before", "until", "no later than",
    # es, pt
    "entreg", "envi", "embarq", "necesit", "precis", "lleg", "cheg", "antes de", "para",
    # fr
    "livr", "expédi", "expedi", "besoin", "avant", "d'ici",
    # de, nl
    "liefer", "versand", "versend", "benötig", "brauch", "bis", "spätestens", "lever",
    # it
    "consegn", "spedi", "bisogno", "entro", "prima di",
    # ru
    "постав", "достав", "отгруз", "нужн", "срок", "до ",
    # tr, ar
    "teslim", "sevk", "gerek", "kadar", "تسليم", "شحن", "توصيل",
)  # fmt: skip
#: a span: "6 weeks", "30-45 days", "2 Wochen", "6 semanas", "3 недели"
_SPAN: Final = re.compile(
    r"\b\d+(?:\s*[-–~]\s*\d+)?\s*(?:days?|weeks?|months?|wks?|días|dias|semanas?|meses|mes|"
    r"jours?|semaines?|mois|tagen?|wochen?|monaten?|giorni|settimane?|mesi|dagen|weken|"
    r"дн\w*|недел\w*|месяц\w*|gün|hafta|ay|يوم|أيام|أسابيع|أشهر)\b",
    re.IGNORECASE,
)
_SENTENCES: Final = re.compile(r"[.!?;\n]+\s")
_CASED: Final = frozenset({"en", "de", "nl", "tr"})  # months are capitalised: "May" not "may"
_RU_ENDINGS: Final = ("", "ь", "я", "е", "ю", "й", "ем", "ём")


def _alternation(names: set[str], dated: set[str]) -> str:
    """Full names anywhere; abbreviations only with a day number before or after them ("Jan
    15", "15. März"). Each set is one group, tried at a position at once rather than one
    alternative per name (3 times faster on long mail)."""

    def group(words: set[str]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    parts = [rf"\b(?:{group(names)})\b"]
    if dated:
        short = group(dated)
        parts += [rf"\b(?:{short})\.?\s*\d{{1,2}}\b", rf"\b\d{{1,2}}\.?\s*(?:{short})\b"]
    return "|".join(parts)


@cache
def _month_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Month names: those of languages that capitalise them, then the rest (any case)."""
    names: dict[bool, set[str]] = {True: set(), False: set()}
    short: dict[bool, set[str]] = {True: set(), False: set()}
    for language in load_patterns()["languages"]:
        try:
            forms = {
                width: {
                    name.rstrip(".")
                    for context in ("format", "stand-alone")
                    for name in get_month_names(width, context, language).values()
                }
                for width in ("wide", "abbreviated")
            }
        except (ValueError, LookupError):
            continue
        wide = forms["wide"]
        if language == "ru":  # declined: "в мае", "до конца марта"
            wide |= {n.rstrip("ьй") + ending for n in wide for ending in _RU_ENDINGS}
        cased = language in _CASED
        names[cased] |= {n for n in wide if n}
        short[cased] |= {n for n in forms["abbreviated"] if len(n) >= 3} - wide
    return (
        re.compile(_alternation(names[True], short[True])),
        re.compile(_alternation(names[False], short[False]), re.IGNORECASE),
    )


@cache
def _cue_pattern() -> re.Pattern[str]:
    stems = sorted(DELIVERY_STEMS, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stems) + ")", re.IGNORECASE)


def states_delivery_time(text: str) -> bool:
    """Whether a sentence of ``text`` names a month or a span of time with a delivery word."""
    cue = _cue_pattern()
    if not cue.search(text):  # no sentence can have one: spare the month names (slow)
        return False
    cased, folded = _month_pattern()
    for sentence in _SENTENCES.split(text):
        if cue.search(sentence) and (
            _SPAN.search(sentence) or cased.search(sentence) or folded.search(sentence)
        ):
            return True
    return False
