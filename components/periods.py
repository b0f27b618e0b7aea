"""Resolving a PERIOD's text to ISO start/end dates, given the publication date.

`January through February 2024` -> 2024-01-01..2024-02-29; `June last year` in a July 2017
article -> 2016-06-01..2016-06-30; `the same period in 2023` with the figure's own period
January-February 2024 -> 2023-01-01..2023-02-28; `the year to June 30` -> the twelve months
ending then; `the September quarter` -> July-September; `FY2024` in an article on India ->
April 2023-March 2024 (the article's country's fiscal year, `lexicons/fiscal_years.jsonl`).
What the text does not fix resolves to None: no guess.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, NamedTuple

Range = tuple[date, date]
DATE_LINE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s")  # the leading ` date YYYY-MM-DD ` of the bundled articles: the publication date
SPLIT_YEAR = re.compile(r"\b((?:19|20)\d\d)[-–/](\d\d)\b")  # a fiscal year: `2023-24`, `2024/25`
FISCAL_CODE = re.compile(r"\bFY ?(\d{4}|\d\d)(?:[-–/](\d{4}|\d\d))?\b", re.IGNORECASE)  # `FY24`, `FY2024`, `FY2024/25`
WORD = re.compile(r"[A-Za-z]+\d*\.?|\d+(?:st|nd|rd|th|[A-Za-z])?")  # `3rd` is one word
MONTH_CODE = re.compile(r"(?:[1-9]|1[0-2])m")  # `9M2017`, `9M 2016`: the first nine months
SHORT_YEAR_CODE = re.compile(r"\b([1-4]Q|Q[1-4]|[12]H|H[12]|(?:[1-9]|1[0-2])M)'?(\d\d)\b")  # `1Q24`, `Q1'24`, `1H24`, `5M24`
YEAR_TOKEN = re.compile(r"(19|20)\d\d")  # a token that is a year
FOREIGN_WORD = re.compile(r"(?<![\w-])[IV]+(?![\w-])|(?<!\w)(?:\d-м|[^\W\d_A-Za-z][^\W\d_]*\.?)")  # a word of another script, a Roman numeral (`I квартал`)


@dataclass(frozen=True)
class PeriodWords:
    """The period lexicon (`lexicons/periods.jsonl`) indexed by role."""

    months: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    quarter_codes: dict[str, int]
    half_codes: dict[str, int]
    relative: dict[str, int]
    weekdays: dict[str, int]  # `Thursday` -> 3 (Monday 0)
    references: frozenset[str]
    ago: frozenset[str]
    parts: dict[str, int]  # part of a year -> its months: `quarter` 3, `half` 6, `year` 12
    ending: frozenset[str]  # `to`, `ended`: a stretch ending with a month (`the year to June`)
    fiscal: frozenset[str]  # `fiscal`, `financial`, `fy`
    anaphora: frozenset[str]  # `this period`, `the period`: the whole text of a period that refers back to another
    translations: dict[str, str] = field(default_factory=dict)  # another language's period word -> the English it reads as (`means`)

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> "PeriodWords":
        def by(role: str, key: str) -> dict[str, int]:
            return {row["word"].lower(): row[key] for row in rows if row["role"] == role}

        def listed(role: str) -> frozenset[str]:
            return frozenset(row["word"].lower() for row in rows if row["role"] == role)

        return cls(
            months=by("month", "number"),
            ordinals=by("ordinal", "number"),
            counts=by("count", "number"),
            quarter_codes=by("quarter_code", "number"),
            half_codes=by("half_code", "number"),
            relative=by("relative", "offset"),
            weekdays=by("weekday", "number"),
            references=listed("reference"),
            ago=listed("ago"),
            parts=by("part", "months"),
            ending=listed("ending"),
            fiscal=listed("fiscal"),
            anaphora=listed("anaphora"),
            translations={row["word"].lower(): row["means"] for row in rows if "means" in row},
        )

    def in_english(self, text: str) -> str:
        """A period of another language as the English words its lexicon rows mean (`январе-марте 2024 года` ->
        `January-March 2024 year`); English text (no translations) as it is."""
        if not self.translations:
            return text
        return FOREIGN_WORD.sub(lambda found: self.translations.get(found[0].lower(), found[0]), text)

    def part_length(self, word: str) -> int | None:
        """The months of a part word, singular or plural (`quarters` 3)."""
        return self.parts.get(word) or self.parts.get(word.removesuffix("s"))


class FiscalYear(NamedTuple):
    """A country's fiscal year: the month it starts in, and which calendar year a single-year name
    (`FY2024`, `fiscal 2024`) is: `start` or `end` (the year it starts or ends in), or None where
    usage is not settled (then only split names, `2023-24`, are read). A tuple, so that the keys
    of the period cache that hold one hash in C."""

    first_month: int
    named_by: str | None

    def start_year(self, named: int) -> int | None:
        """The calendar year in which the fiscal year with a single-year name starts."""
        if self.first_month == 1 or self.named_by == "start":
            return named
        return named - 1 if self.named_by == "end" else None

    def containing(self, day: date) -> int:
        """The calendar year in which the fiscal year containing `day` starts."""
        return day.year if day.month >= self.first_month else day.year - 1


def parse_date(text: Any) -> date | None:
    """An ISO date string (`meta.date`, a fact's `period_start`) as a date, or None."""
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def fiscal_years(rows: list[dict[str, Any]]) -> dict[str, FiscalYear]:
    """Each country's fiscal year (ISO 3166 code -> FiscalYear) from `lexicons/fiscal_years.jsonl`."""
    return {row["country"]: FiscalYear(row["first_month"], row.get("named_by")) for row in rows}


def ordinal(lower: list[str], words: PeriodWords, last: int) -> int | None:
    """The ordinal of a part (`first` -> 1); `last`/`final` (-1) is the last part."""
    number = next((words.ordinals[t] for t in lower if t in words.ordinals), None)
    return last if number == -1 else number


def month_span(first: int, last: int) -> Range:
    """From the first day of month `first` to the last day of month `last`, both counted from year 0 (`year * 12 + month - 1`)."""
    end_year, end_month = divmod(last, 12)
    return date(first // 12, first % 12 + 1, 1), date(end_year, end_month + 1, calendar.monthrange(end_year, end_month + 1)[1])


def trailing_months(year: int, last: int, count: int) -> Range:
    """The `count` months ending with month `last` of `year` (`the three months to December 2024`)."""
    return month_span(year * 12 + last - count, year * 12 + last - 1)


def month_range(year: int, first: int, last: int) -> Range:
    """From the first day of month `first` to the last day of month `last` of one year."""
    return month_span(year * 12 + first - 1, year * 12 + last - 1)


def shift_years(period: Range, years: int) -> Range | None:
    """The same calendar stretch `years` later (Feb 29 becomes Feb 28)."""
    try:
        start = period[0].replace(year=period[0].year + years)
    except ValueError:
        return None
    end_year = period[1].year + years
    end_day = min(period[1].day, calendar.monthrange(end_year, period[1].month)[1])
    return start, date(end_year, period[1].month, end_day)


def count_before(lower: list[str], index: int, words: PeriodWords) -> int:
    """The count right before token `index` (`the 12 months`, `the three months`), else 1."""
    word = lower[index - 1] if index else ""
    return words.counts.get(word) or (int(word) if word.isdigit() and len(word) <= 2 else 1)


def ending_stretch(tokens: list[str], lower: list[str], words: PeriodWords) -> tuple[int, int, bool] | None:
    """(months, last month, whether the month names the stretch) of a stretch that ends with a month: `the
    year to June 30` (12, 6, False), `the 12 months ended March` (12, 3, False), `the half to June` (6, 6,
    False), `the June half` (6, 6, True), `the September quarter` and `the July-September quarter` (3, 9,
    True); None for any other period."""
    part_at = next((i for i, word in enumerate(lower) if words.part_length(word)), None)
    named = [i for i, token in enumerate(tokens) if lower[i] in words.months and token[0].isupper()]
    if part_at is None or not named:
        return None
    month_at = named[-1]
    ends_before = month_at == part_at - 1  # `the September quarter`
    ends_after = part_at < month_at and not words.ending.isdisjoint(lower[part_at + 1 : month_at])  # `the year to June`
    if not (ends_before or ends_after):
        return None
    months = (words.part_length(lower[part_at]) or 1) * count_before(lower, part_at, words)
    return months, words.months[lower[month_at]], ends_before


def is_fiscal(text: str, lower: list[str], words: PeriodWords) -> bool:
    """Whether a period names a fiscal year (`fiscal 2024`, `FY24`, `the financial year`, `2023-24`)."""
    return not words.fiscal.isdisjoint(lower) or bool(FISCAL_CODE.search(text) or SPLIT_YEAR.search(text))


def fiscal_start(text: str, years: list[int], fiscal: FiscalYear, published: date | None, offset: int | None) -> int | None:
    """The calendar year in which the fiscal year a period names starts: `FY2024` or `fiscal 2024` by the
    country's naming, `2023-24` or `FY2023/24` in 2023, `the current fiscal year` from the publication date."""
    code = FISCAL_CODE.search(text)
    split = SPLIT_YEAR.search(text)
    if code:
        first, second = (int(part) % 100 if part else None for part in code.groups())
        named = 2000 + first if len(code[1]) == 2 else int(code[1])
        if second is None:
            return fiscal.start_year(named)
        return named if second == (first + 1) % 100 and fiscal.first_month != 1 else None
    if split:
        first = int(split[1])
        return first if int(split[2]) == (first + 1) % 100 and fiscal.first_month != 1 else None
    if len(years) == 2:
        return years[0] if years[1] == years[0] + 1 and fiscal.first_month != 1 else None
    if years:
        return fiscal.start_year(years[0])
    if offset is not None and published:
        return fiscal.containing(published) + offset
    return None


def year_parts(lower: list[str], words: PeriodWords) -> tuple[int, int] | None:
    """The first and last month (1-12) of the part of a year a period names: `9M` (1, 9), `Q3` (7, 9),
    `the second half` (7, 12), `the first nine months` (1, 9); None when it names none or one that does not exist."""
    code = next((int(token[:-1]) for token in lower if MONTH_CODE.fullmatch(token)), None)
    if code is not None:
        return 1, code
    if words.quarter_codes.keys() & set(lower) or "quarter" in lower:
        quarter = next((words.quarter_codes[t] for t in lower if t in words.quarter_codes), None) or ordinal(lower, words, 4)
        return (3 * quarter - 2, 3 * quarter) if quarter in (1, 2, 3, 4) else None
    if words.half_codes.keys() & set(lower) or "half" in lower:
        half = next((words.half_codes[t] for t in lower if t in words.half_codes), None) or ordinal(lower, words, 2)
        return (6 * half - 5, 6 * half) if half in (1, 2) else None
    if "months" in lower:
        count = next((words.counts.get(t) or int(t) for t in lower if t in words.counts or t.isdigit() and int(t) <= 12), None)
        return (1, count) if count else None
    return None


def names_part(lower: list[str], words: PeriodWords) -> bool:
    """Whether a period names a part of a year (`quarter`, `half`, `months`, `Q1`, `H2`, `9M`)."""
    return bool({"quarter", "half", "months"} & set(lower) or (words.quarter_codes.keys() | words.half_codes.keys()) & set(lower)
                or any(MONTH_CODE.fullmatch(token) for token in lower))


def fiscal_range(
    text: str, lower: list[str], years: list[int], words: PeriodWords, fiscal: FiscalYear | None, published: date | None,
    offset: int | None, stretch: tuple[int, int, bool] | None = None,
) -> Range | None:
    """The dates of a fiscal period in the article's country (`FY2024`, `the first half of FY25`, `the four
    years to 2028-29`, with its `ending_stretch` `the January-March quarter of fiscal 2024-25`); None where
    the country or its naming is unknown."""
    if fiscal is None:
        return None
    start = fiscal_start(text, years, fiscal, published, offset)
    if start is None:
        return None
    first = start * 12 + fiscal.first_month - 1
    if stretch is not None:
        last = first + (stretch[1] - fiscal.first_month) % 12
        return month_span(last - stretch[0] + 1, last)
    if names_part(lower, words):
        parts = year_parts(lower, words)
        return month_span(first + parts[0] - 1, first + parts[1] - 1) if parts else None
    count = next((count_before(lower, i, words) for i, word in enumerate(lower) if word.endswith("s") and words.part_length(word) == 12), 1)
    return month_span(first - 12 * (count - 1), first + 11)


@dataclass(frozen=True)
class PeriodText:
    """A period expression read once: its words, the years and months it names, its relative offset
    (`last` -1), the year it falls in, its `ending_stretch`, and what resolves it (the publication date,
    the compared figure's period, the article's fiscal year)."""

    text: str
    tokens: list[str]
    lower: list[str]
    years: list[int]
    months: list[int]
    offset: int | None
    default_year: int | None  # the publication year, moved by `last year`/`next year`
    year: int | None  # the last year named, else the reference's (unless `last`/`next`), else the default
    stretch: tuple[int, int, bool] | None
    words: PeriodWords
    published: date | None
    reference: Range | None
    fiscal: FiscalYear | None

    @classmethod
    def read(cls, text: str, words: PeriodWords, published: date | None, reference: Range | None, fiscal: FiscalYear | None) -> "PeriodText":
        """Read `text`, keeping what resolves it."""
        tokens = WORD.findall(SHORT_YEAR_CODE.sub(r"\1 20\2", text))  # `1Q24` reads as `1Q 2024`
        lower = [token.lower() for token in tokens]
        years = [int(token) for token in tokens if YEAR_TOKEN.fullmatch(token)]
        months = [words.months[token] for token in lower if token in words.months and token.capitalize() in text]
        offset = next((words.relative[token] for token in lower if token in words.relative), None)
        year_offset = offset if offset is not None and "year" in lower else 0
        default_year = published.year + year_offset if published else None
        year = years[-1] if years else reference[0].year if reference and offset is None else default_year
        return cls(text, tokens, lower, years, months, offset, default_year, year, ending_stretch(tokens, lower, words), words, published, reference, fiscal)

    @property
    def unplaced(self) -> bool:
        """Whether only the publication date places it in a year: no year, no `last`/`next`, no compared period."""
        return not self.years and self.offset is None and self.reference is None and self.published is not None

    def says(self, listed: frozenset[str]) -> bool:
        """Whether one of its words is in `listed`."""
        return not listed.isdisjoint(self.lower)


def unfixed(period: PeriodText) -> None:
    """No fixed calendar stretch."""
    return None


def same_period(period: PeriodText) -> Range | None:
    """`the same period in 2022` (the compared period in that year), `the same period last year` and `the
    corresponding quarter a year ago` (a year back), `the same period` (the compared period itself)."""
    reference = period.reference
    if reference is None:
        return None
    if period.years:
        return shift_years(reference, period.years[0] - reference[0].year)
    return shift_years(reference, -1) if period.offset == -1 or period.says(period.words.ago) else reference


def year_ago(period: PeriodText) -> Range | None:
    """`a year ago`, `a year earlier`: the compared period a year back."""
    return shift_years(period.reference, -1) if period.reference and "year" in period.lower else None


def trailing_window(period: PeriodText) -> bool:
    """Whether a period counts back or on from now (`the past 12 months`, `the next two years`), with no month or year named."""
    if period.offset is None or period.years or period.months:
        return False
    lower, counts = period.lower, period.words.counts
    return any(word in period.words.relative and (following in counts or following.isdigit()) for word, following in zip(lower, lower[1:]))


def names_fiscal_year(period: PeriodText) -> bool:
    """Whether it names a fiscal year, and no calendar stretch ends after it (not `the fiscal year ended March 31, 2017`)."""
    return (period.stretch is None or period.stretch[2]) and is_fiscal(period.text, period.lower, period.words)


def fiscal_period(period: PeriodText) -> Range | None:
    """`fiscal_range` of the period."""
    return fiscal_range(period.text, period.lower, period.years, period.words, period.fiscal, period.published, period.offset, period.stretch)


def since_year(period: PeriodText) -> Range | None:
    """`since 2020`: from the start of that year (else of the default year) to publication, or to its end."""
    year = period.years[0] if period.years else period.default_year
    if year is None:
        return None
    published = period.published
    end = published if published and published.year == year else date(year, 12, 31)
    return date(year, 1, 1), end


def trailing_stretch(period: PeriodText) -> Range:
    """`the year to June 30`, `the September quarter`: the months ending with the month named; without a
    year or compared period, the latest one ended by publication."""
    months, last, _ = period.stretch
    resolved = trailing_months(period.year, last, months)
    if not period.years and period.reference is None and period.published and resolved[1] > period.published:
        resolved = trailing_months(period.year - 1, last, months)
    return resolved


def part_of_year(period: PeriodText) -> Range | None:
    """`Q3`, `the second half`, `the first nine months`; when only the publication date places it, the
    latest one ended by then."""
    parts = year_parts(period.lower, period.words)
    if parts is None:
        return None
    resolved = month_range(period.year, *parts)
    if period.unplaced and resolved[1] > period.published:
        resolved = month_range(period.year - 1, *parts)  # `the fourth quarter` in a February article
    return resolved


def end_of_month(period: PeriodText) -> Range:
    """`end-December`, `the end of 2024`: the last day of the last month named, else of the year."""
    last = period.months[-1] if period.months else 12
    day = month_range(period.year, last, last)[1]
    if period.months and period.unplaced and day > period.published:
        day = month_range(period.year - 1, last, last)[1]  # `at end-December` in an April article
    return day, day


def months_across_years(period: PeriodText) -> Range:
    """`December 2023-February 2024`: from the first month in the first year to the second in the second."""
    (first, last), (first_year, last_year) = period.months, period.years
    return month_range(first_year, first, first)[0], month_range(last_year, last, last)[1]


def days_of_month(period: PeriodText, first: int, last: int) -> Range | None:
    """`on December 3`, `the Dec. 1-20 period`: those days (None if the month has no such day or they run
    backwards); the latest ones by publication."""
    year, month = period.year, period.months[0]
    if period.unplaced and (month, last) > (period.published.month, period.published.day):
        year -= 1  # `on December 3` in a January article
    try:
        start, end = date(year, month, first), date(year, month, last)
    except ValueError:
        return None
    return (start, end) if start <= end else None


def named_months(period: PeriodText) -> Range | None:
    """`June`, `January through March`, `on December 3`, `Dec. 1-20`; when only the publication date places them, the
    latest ones ended by then."""
    days = [int(t) for t in period.tokens if re.fullmatch(r"\d{1,2}", t)]
    if days and len(period.months) == 1:
        return days_of_month(period, days[0], days[-1])
    first, last = period.months[0], period.months[-1]
    resolved = month_range(period.year, first, last)
    if period.unplaced and resolved[1] > period.published:
        resolved = month_range(period.year - 1, first, last)
    return resolved


def weekday_date(period: PeriodText) -> Range:
    """`Thursday`: the latest such day up to the publication date."""
    weekday = next(period.words.weekdays[word] for word in period.lower if word in period.words.weekdays)
    day = period.published - timedelta(days=(period.published.weekday() - weekday) % 7)
    return day, day


def relative_quarter_named(period: PeriodText) -> bool:
    """Whether a period is a quarter counted from the publication's (`last quarter`, `the next quarter`), no year named."""
    return (
        period.offset is not None and period.published is not None and not period.years and not period.months
        and period.lower[-1:] == ["quarter"] and len(period.lower) <= 3
    )


def relative_quarter(period: PeriodText) -> Range:
    """`last quarter`, `next quarter`: the quarter before or after the publication's."""
    quarter = (period.published.month - 1) // 3 + period.offset
    year = period.published.year + quarter // 4
    first = quarter % 4 * 3 + 1
    return month_range(year, first, first + 2)


def relative_month(period: PeriodText) -> Range:
    """`last month`, `next month`: the month before or after the publication month."""
    month = period.published.month + period.offset
    year = period.year
    year, month = (year - 1, 12) if month < 1 else (year + 1, 1) if month > 12 else (year, month)
    return month_range(year, month, month)


def year_span(period: PeriodText) -> Range:
    """`2022-2024`: from the start of the first year to the end of the second."""
    return date(period.years[0], 1, 1), date(period.years[1], 12, 31)


def whole_year(period: PeriodText) -> Range | None:
    """`2024`, `this year`: the calendar year; None where a slash leaves it open, or where the text names neither a
    year nor the year (`the period`, `the three-month period`: a stretch of time the text does not place)."""
    if "/" in period.text or not period.years and "year" not in period.lower:
        return None
    return date(period.year, 1, 1), date(period.year, 12, 31)


PeriodRule = tuple[Callable[[PeriodText], bool], Callable[[PeriodText], Range | None]]
PERIOD_RULES: tuple[PeriodRule, ...] = (  # the first kind of expression that applies resolves it
    (lambda period: period.says(period.words.references), same_period),  # `the same period`, `the corresponding quarter`
    (lambda period: " ".join(period.lower) in period.words.anaphora, same_period),  # `over this period`: the one referred to
    (lambda period: period.says(period.words.ago), year_ago),
    (lambda period: "mid" in period.lower, unfixed),  # `mid-2024`
    (names_fiscal_year, fiscal_period),
    (lambda period: "since" in period.lower, since_year),
    (lambda period: not period.words.weekdays.keys().isdisjoint(period.lower) and period.unplaced and not period.months, weekday_date),
    (lambda period: period.year is None, unfixed),
    (lambda period: period.stretch is not None, trailing_stretch),
    (trailing_window, unfixed),  # `the past 12 months`: a window the text does not place, not the year's first months
    (relative_quarter_named, relative_quarter),  # `last quarter`, `the previous quarter`, `next quarter`
    (lambda period: names_part(period.lower, period.words), part_of_year),
    (lambda period: "end" in period.lower, end_of_month),
    (lambda period: len(period.months) == 2 and len(period.years) == 2, months_across_years),
    (lambda period: bool(period.months), named_months),
    (lambda period: period.offset is not None and "month" in period.lower and period.published is not None, relative_month),
    (lambda period: period.offset is not None and "year" not in period.lower, unfixed),  # `last week`, `the previous quarter`
    (lambda period: len(period.years) == 2, year_span),
)


def resolve_period(
    text: str, words: PeriodWords, published: date | None = None, reference: Range | None = None, fiscal: FiscalYear | None = None
) -> Range | None:
    """ISO start and end of a period expression, or None when the text does not fix them.

    `published` resolves relative expressions (`last year`); `reference` is the period of
    the figure being compared, for `the same period in 2022` and `a year earlier`; `fiscal`
    is the fiscal year of the article's country, for `FY2024` and `2023-24`.
    """
    period = PeriodText.read(words.in_english(text), words, published, reference, fiscal)
    resolve = next((resolve for applies, resolve in PERIOD_RULES if applies(period)), whole_year)
    return resolve(period)
