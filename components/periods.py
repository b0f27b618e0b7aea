"""Resolving a PERIOD's text to ISO start/end dates, given the publication date.

`January through February 2024` -> 2024-01-01..2024-02-29; `June last year` in a July 2017
article -> 2016-06-01..2016-06-30; `the same period in 2023` with the figure's own period
January-February 2024 -> 2023-01-01..2023-02-28. What the text does not fix resolves to
None: no guess.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

Range = tuple[date, date]
SPLIT_YEAR = re.compile(r"\b(?:19|20)\d\d[-–/]\d\d\b")  # a fiscal year: `2023-24`, `2024/25`
WORD = re.compile(r"[A-Za-z]+\d*\.?|\d+[A-Za-z]?")
MONTH_CODE = re.compile(r"(?:[1-9]|1[0-2])m")  # `9M2017`, `9M 2016`: the first nine months


@dataclass(frozen=True)
class PeriodWords:
    """The period lexicon (`lexicons/periods.jsonl`) indexed by role."""

    months: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    quarter_codes: dict[str, int]
    half_codes: dict[str, int]
    relative: dict[str, int]
    references: frozenset[str]
    ago: frozenset[str]

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> "PeriodWords":
        def by(role: str, key: str) -> dict[str, int]:
            return {row["word"].lower(): row[key] for row in rows if row["role"] == role}

        return cls(
            months=by("month", "number"),
            ordinals=by("ordinal", "number"),
            counts=by("count", "number"),
            quarter_codes=by("quarter_code", "number"),
            half_codes=by("half_code", "number"),
            relative=by("relative", "offset"),
            references=frozenset(row["word"] for row in rows if row["role"] == "reference") - {"same"},
            ago=frozenset(row["word"] for row in rows if row["role"] == "ago"),
        )


def ordinal(lower: list[str], words: PeriodWords, last: int) -> int | None:
    """The ordinal of a part (`first` -> 1); `last`/`final` (-1) is the last part."""
    number = next((words.ordinals[t] for t in lower if t in words.ordinals), None)
    return last if number == -1 else number


def trailing_months(year: int, last: int, count: int) -> Range:
    """The `count` months ending with month `last` of `year` (`the three months to December 2024`)."""
    first_index = year * 12 + last - 1 - (count - 1)
    start = date(first_index // 12, first_index % 12 + 1, 1)
    return start, month_range(year, last, last)[1]


def month_range(year: int, first: int, last: int) -> Range:
    """From the first day of month `first` to the last day of month `last` of one year."""
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def shift_years(period: Range, years: int) -> Range | None:
    """The same calendar stretch `years` later (Feb 29 becomes Feb 28)."""
    try:
        start = period[0].replace(year=period[0].year + years)
    except ValueError:
        return None
    end_year = period[1].year + years
    end_day = min(period[1].day, calendar.monthrange(end_year, period[1].month)[1])
    return start, date(end_year, period[1].month, end_day)


def resolve_period(text: str, words: PeriodWords, published: date | None = None, reference: Range | None = None) -> Range | None:
    """ISO start and end of a period expression, or None when the text does not fix them.

    `published` resolves relative expressions (`last year`); `reference` is the period of
    the figure being compared, for `the same period in 2022` and `a year earlier`.
    """
    tokens = WORD.findall(text)
    lower = [token.lower() for token in tokens]
    years = [int(token) for token in tokens if re.fullmatch(r"(19|20)\d\d", token)]
    months = [words.months[token] for token in lower if token in words.months and token.capitalize() in text]
    offset = next((words.relative[token] for token in lower if token in words.relative), None)
    year_offset = offset if offset is not None and "year" in lower else 0
    default_year = published.year + year_offset if published else None

    if "same" in lower or words.references.intersection(lower):
        if reference is None:
            return None
        if years:
            return shift_years(reference, years[0] - reference[0].year)
        return shift_years(reference, -1) if offset == -1 or words.ago.intersection(lower) else reference
    if words.ago.intersection(lower):
        return shift_years(reference, -1) if reference and "year" in lower else None
    if "mid" in lower or any(token.startswith("fy") for token in lower) or "fiscal" in lower or SPLIT_YEAR.search(text):
        return None  # `mid-2024`, `FY2024`, `2024-25`: not a fixed calendar stretch
    if "since" in lower:
        year = years[0] if years else default_year
        if year is None:
            return None
        end = published if published and published.year == year else date(year, 12, 31)
        return date(year, 1, 1), end
    year = years[-1] if years else None
    if year is None:
        year = reference[0].year if reference and offset is None else default_year
    if year is None:
        return None
    parts = None
    code = next((int(token[:-1]) for token in lower if MONTH_CODE.fullmatch(token)), None)
    if code is not None:
        parts = (1, code)
    elif words.quarter_codes.keys() & set(lower) or "quarter" in lower:
        quarter = next((words.quarter_codes[t] for t in lower if t in words.quarter_codes), None) or ordinal(lower, words, 4)
        parts = (3 * quarter - 2, 3 * quarter) if quarter in (1, 2, 3, 4) else None
    elif words.half_codes.keys() & set(lower) or "half" in lower:
        half = next((words.half_codes[t] for t in lower if t in words.half_codes), None) or ordinal(lower, words, 2)
        parts = (6 * half - 5, 6 * half) if half in (1, 2) else None
    elif "months" in lower:
        count = next((words.counts.get(t) or int(t) for t in lower if t in words.counts or t.isdigit() and int(t) <= 12), None)
        if count and months and {"to", "through", "ending", "ended", "until"} & set(lower):
            resolved = trailing_months(year, months[-1], count)  # `the 12 months to December`
            if not years and reference is None and published and resolved[1] > published:
                resolved = trailing_months(year - 1, months[-1], count)
            return resolved
        parts = (1, count) if count else None
    if parts is not None or {"quarter", "half", "months"} & set(lower) or words.quarter_codes.keys() & set(lower):
        if parts is None:
            return None
        resolved = month_range(year, *parts)
        if not years and offset is None and reference is None and published and resolved[1] > published:
            resolved = month_range(year - 1, *parts)  # `the fourth quarter` in a February article
        return resolved
    if "end" in lower:
        last = months[-1] if months else 12
        day = month_range(year, last, last)[1]
        if months and not years and offset is None and reference is None and published and day > published:
            day = month_range(year - 1, last, last)[1]  # `at end-December` in an April article
        return day, day
    if len(months) == 2 and len(years) == 2:
        return month_range(years[0], months[0], months[0])[0], month_range(years[1], months[1], months[1])[1]
    if months:
        day = next((int(t) for t in tokens if re.fullmatch(r"\d{1,2}", t)), None)
        if day is not None and len(months) == 1:
            if not years and offset is None and reference is None and published and (months[0], day) > (published.month, published.day):
                year -= 1  # `on December 3` in a January article
            try:
                return date(year, months[0], day), date(year, months[0], day)
            except ValueError:
                return None
        resolved = month_range(year, months[0], months[-1])
        if not years and offset is None and reference is None and published and resolved[1] > published:
            resolved = month_range(year - 1, months[0], months[-1])
        return resolved
    if offset is not None and "month" in lower and published:
        month = published.month + offset
        year, month = (year - 1, 12) if month < 1 else (year + 1, 1) if month > 12 else (year, month)
        return month_range(year, month, month)
    if offset is not None and "year" not in lower:
        return None  # `last week`, `the previous quarter`: not fixed well enough here
    if len(years) == 2:
        return date(years[0], 1, 1), date(years[1], 12, 31)
    if "/" in text:
        return None
    return date(year, 1, 1), date(year, 12, 31)
