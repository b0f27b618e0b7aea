"""Period resolution: a PERIOD's text, the publication date, (for comparisons) the figure's own
period and (for fiscal years) the article's country give ISO start and end dates, or None when
the text does not fix them.

The first two tables call `components.periods.resolve_period` directly (the second with a
country's fiscal year from `lexicons/fiscal_years.jsonl`); the third runs whole documents with a
`meta.date` through the pipeline and reads `period_start`/`period_end` (and the base's dates)
from the facts.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import srsly

from components.periods import PeriodWords, fiscal_years, resolve_period
from pipeline.run.annotate import annotate
from pipeline.run.reading import Document

LEXICONS = Path(__file__).resolve().parents[1] / "configs" / "lexicons"
PERIODS_LEXICON = LEXICONS / "periods.jsonl"
FISCAL_YEARS = fiscal_years(list(srsly.read_jsonl(LEXICONS / "fiscal_years.jsonl")))


@pytest.fixture(scope="module")
def words() -> PeriodWords:
    return PeriodWords.from_rows(list(srsly.read_jsonl(PERIODS_LEXICON)))


def case(case_id, text, published, reference, expected, xfail=None):
    """`text` published on `published` (ISO or None), compared with `reference` (a pair of ISO dates
    or None), resolves to `expected` (a pair of ISO dates or None)."""
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(text, published, reference, expected, id=case_id, marks=marks)


CASES = [
    # month ranges, with and without a year
    case("month-range-year", "January-June 2024", None, None, ("2024-01-01", "2024-06-30")),
    case("month-range-through-leap", "January through February 2024", None, None, ("2024-01-01", "2024-02-29")),
    case("month-range-to", "January to December 2022", "2024-04-01", None, ("2022-01-01", "2022-12-31")),
    case("month-range-abbreviated", "Jan-Sept 2024", None, None, ("2024-01-01", "2024-09-30")),
    case("month-code-glued", "6M2023", None, None, ("2023-01-01", "2023-06-30")),
    case("month-code-spaced", "11M 2022", None, None, ("2022-01-01", "2022-11-30")),
    case("month-range-en-dash", "January–March", "2024-04-18", None, ("2024-01-01", "2024-03-31")),
    case("month-range-no-year-past", "January-June", "2024-07-18", None, ("2024-01-01", "2024-06-30")),
    case("month-range-no-year-not-future", "January-June", "2024-03-25", None, ("2023-01-01", "2023-06-30")),
    case("month-range-no-year-leap", "January-February", "2024-03-25", None, ("2024-01-01", "2024-02-29")),
    case("month-range-across-years", "December 2023-February 2024", None, None, ("2023-12-01", "2024-02-29")),
    # single months; leap years
    case("month-leap-year", "February 2024", None, None, ("2024-02-01", "2024-02-29")),
    case("month-common-year", "February 2023", None, None, ("2023-02-01", "2023-02-28")),
    case("month-december", "December 2023", None, None, ("2023-12-01", "2023-12-31")),
    case("month-no-year-past", "June", "2024-07-18", None, ("2024-06-01", "2024-06-30")),
    case("month-no-year-not-future", "September", "2024-07-18", None, ("2023-09-01", "2023-09-30")),
    case("month-last-year", "June last year", "2017-07-10", None, ("2016-06-01", "2016-06-30")),
    case("last-month-january", "last month", "2024-01-10", None, ("2023-12-01", "2023-12-31")),
    # quarters and halves
    case("q1", "Q1 2024", None, None, ("2024-01-01", "2024-03-31")),
    case("q2", "Q2 2024", None, None, ("2024-04-01", "2024-06-30")),
    case("q3", "Q3 2023", None, None, ("2023-07-01", "2023-09-30")),
    case("q4", "Q4 2023", None, None, ("2023-10-01", "2023-12-31")),
    case("1q", "1Q 2024", None, None, ("2024-01-01", "2024-03-31")),
    case("h1", "H1 2024", None, None, ("2024-01-01", "2024-06-30")),
    case("h2", "H2 2023", None, None, ("2023-07-01", "2023-12-31")),
    case("first-quarter-words", "the first quarter of 2024", None, None, ("2024-01-01", "2024-03-31")),
    case("fourth-quarter-words", "the fourth quarter of 2023", None, None, ("2023-10-01", "2023-12-31")),
    case("second-quarter-last-year", "the second quarter of last year", "2024-07-18", None, ("2023-04-01", "2023-06-30")),
    case("second-half-words", "the second half of 2023", None, None, ("2023-07-01", "2023-12-31")),
    case("first-half-of-the-year", "the first half of the year", "2024-08-14", None, ("2024-01-01", "2024-06-30")),
    case("first-half-of-last-year", "the first half of last year", "2024-07-18", None, ("2023-01-01", "2023-06-30")),
    case("third-quarter-no-year", "the third quarter", "2024-11-05", None, ("2024-07-01", "2024-09-30")),
    case("last-quarter-of-year", "the last quarter of 2023", None, None, ("2023-10-01", "2023-12-31")),
    case("final-quarter-of-year", "the final quarter of 2023", None, None, ("2023-10-01", "2023-12-31")),
    case("fourth-quarter-not-future", "the fourth quarter", "2024-02-10", None, ("2023-10-01", "2023-12-31")),
    # first N months
    case("first-nine-months", "the first nine months of 2023", None, None, ("2023-01-01", "2023-09-30")),
    case("first-two-months-leap", "the first two months of 2024", None, None, ("2024-01-01", "2024-02-29")),
    case("first-five-months", "the first five months of 2024", None, None, ("2024-01-01", "2024-05-31")),
    case("first-nine-months-no-year", "the first nine months", "2023-10-20", None, ("2023-01-01", "2023-09-30")),
    case("first-10-months-digits", "the first 10 months of 2024", None, None, ("2024-01-01", "2024-10-31")),
    # since the beginning; ends; days
    case("since-beginning-of-year", "since the beginning of the year", "2024-07-10", None, ("2024-01-01", "2024-07-10")),
    case("since-beginning-of-past-year", "since the beginning of 2023", "2024-07-10", None, ("2023-01-01", "2023-12-31")),
    case("end-of-year", "the end of 2024", None, None, ("2024-12-31", "2024-12-31")),
    case("end-of-month", "the end of June 2024", None, None, ("2024-06-30", "2024-06-30")),
    case("end-of-month-no-year-is-the-last-one", "end-December", "2025-04-30", None, ("2024-12-31", "2024-12-31")),
    case("end-of-month-no-year-this-year", "the end of March", "2025-04-30", None, ("2025-03-31", "2025-03-31")),
    case("end-of-the-year-is-this-one", "the end of the year", "2025-04-30", None, ("2025-12-31", "2025-12-31")),
    case("day-month-year", "May 1, 2024", None, None, ("2024-05-01", "2024-05-01")),
    case("day-first", "1 January 2024", None, None, ("2024-01-01", "2024-01-01")),
    case("day-no-year-is-the-last-one", "December 3", "2025-01-10", None, ("2024-12-03", "2024-12-03")),
    case("day-no-year-this-year", "January 3", "2025-01-10", None, ("2025-01-03", "2025-01-03")),
    case("as-of-day", "as of August 1, 2024", None, None, ("2024-08-01", "2024-08-01")),
    case("leap-day", "February 29, 2024", None, None, ("2024-02-29", "2024-02-29")),
    case("no-leap-day", "February 29, 2023", None, None, None),
    # years
    case("year", "2023", None, None, ("2023-01-01", "2023-12-31")),
    case("year-range", "2024-2025", None, None, ("2024-01-01", "2025-12-31")),
    case("last-year", "last year", "2017-07-10", None, ("2016-01-01", "2016-12-31")),
    case("the-previous-year", "the previous year", "2024-03-25", None, ("2023-01-01", "2023-12-31")),
    # references: the figure's own period shifted, or taken as it is
    case("same-period-in-year", "the same period in 2022", "2024-03-25", ("2024-01-01", "2024-02-29"),
         ("2022-01-01", "2022-02-28")),
    case("same-period-of-year", "the same period of 2023", "2024-07-18", ("2024-01-01", "2024-06-30"),
         ("2023-01-01", "2023-06-30")),
    case("same-period-last-year", "the same period last year", "2024-07-18", ("2024-01-01", "2024-06-30"),
         ("2023-01-01", "2023-06-30")),
    case("same-period-previous-year", "the same period of the previous year", "2024-07-18",
         ("2024-01-01", "2024-06-30"), ("2023-01-01", "2023-06-30")),
    case("a-year-earlier", "a year earlier", "2024-07-18", ("2024-01-01", "2024-06-30"), ("2023-01-01", "2023-06-30")),
    case("a-year-ago-quarter", "a year ago", "2024-07-18", ("2024-04-01", "2024-06-30"), ("2023-04-01", "2023-06-30")),
    case("same-month-last-year", "the same month last year", "2024-07-18", ("2024-06-01", "2024-06-30"),
         ("2023-06-01", "2023-06-30")),
    case("aforementioned-period", "the aforementioned period", "2024-04-01", ("2023-01-01", "2023-12-31"),
         ("2023-01-01", "2023-12-31")),
    case("quarter-of-reference-year", "Q1", "2024-07-18", ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-03-31")),
    # what the text does not fix
    case("fiscal-year", "fiscal year 2024", "2024-04-01", None, None),
    case("fiscal-year-code", "FY2024", "2024-04-01", None, None),
    case("split-year", "2023/24", "2024-04-01", None, None),
    case("same-period-without-reference", "the same period", "2024-04-01", None, None),
    case("year-earlier-without-reference", "a year earlier", "2024-07-18", None, None),
    case("aforementioned-without-reference", "the aforementioned period", "2024-04-01", None, None),
    case("last-week", "last week", "2024-04-01", None, None),
    case("past-five-years", "over the past five years", "2024-02-10", None, None),
    case("relative-without-date", "last year", None, None, None),
    case("mid-year", "mid-2024", "2024-02-10", None, None),
    case("third-quarter-digit-ordinal", "the 3rd quarter of 2016", None, None, ("2016-07-01", "2016-09-30")),
    # stretches ending with a month: the latest one ended by publication when no year is written
    case("year-to-month-day", "the year to June 30", "2024-08-15", None, ("2023-07-01", "2024-06-30")),
    case("year-to-month-not-future", "the year to June 30", "2024-05-10", None, ("2022-07-01", "2023-06-30")),
    case("year-through-month-year", "the year through June 2026", "2025-05-02", None, ("2025-07-01", "2026-06-30")),
    case("year-to-end-month", "the year to end-September", "2024-11-02", None, ("2023-10-01", "2024-09-30")),
    case("year-ended-date", "the year ended June 30, 2023", "2024-08-15", None, ("2022-07-01", "2023-06-30")),
    case("fiscal-year-ended-date", "the fiscal year that ended on March 31, 2019", None, None, ("2018-04-01", "2019-03-31")),
    case("financial-year-ending-month", "the financial year ending March 2024", None, None, ("2023-04-01", "2024-03-31")),
    case("twelve-months-to", "the 12 months to March", "2024-08-15", None, ("2023-04-01", "2024-03-31")),
    case("twenty-four-months-to", "the 24 months to June 2024", None, None, ("2022-07-01", "2024-06-30")),
    case("three-months-to", "the three months to September", "2024-08-15", None, ("2023-07-01", "2023-09-30")),
    case("quarter-ended-date", "the quarter ended September 30, 2024", None, None, ("2024-07-01", "2024-09-30")),
    case("half-to-month", "the half to June", "2024-08-15", None, ("2024-01-01", "2024-06-30")),
    case("half-year-to-date", "the half-year to December 31, 2023", None, None, ("2023-07-01", "2023-12-31")),
    case("year-to-month-quarter", "the year to the March quarter", "2024-05-01", None, ("2023-04-01", "2024-03-31")),
    case("september-quarter", "the September quarter", "2024-08-15", None, ("2023-07-01", "2023-09-30")),
    case("june-quarter", "the June quarter", "2024-08-15", None, ("2024-04-01", "2024-06-30")),
    case("december-quarter", "the December quarter", "2024-08-15", None, ("2023-10-01", "2023-12-31")),
    case("march-quarter-of-year", "the March quarter of 2024", "2024-08-15", None, ("2024-01-01", "2024-03-31")),
    case("month-range-quarter", "the July-September quarter", "2024-11-20", None, ("2024-07-01", "2024-09-30")),
    case("june-half", "the June half", "2024-08-15", None, ("2024-01-01", "2024-06-30")),
    case("december-half", "the December half", "2024-08-15", None, ("2023-07-01", "2023-12-31")),
    # a stretch of time the text does not place is not the publication year
    case("day-range-of-month", "the Dec. 1-20 period", "2024-08-15", None, ("2023-12-01", "2023-12-20")),
    case("day-range-with-year", "March 4-10, 2024", None, None, ("2024-03-04", "2024-03-10")),
    case("trailing-window-unplaced", "the past 12 months", "2024-08-15", None, None),
    case("trailing-window-words", "the last three months", "2024-08-15", None, None),
    case("part-of-last-year-still-placed", "the first nine months of last year", "2024-08-15", None, ("2023-01-01", "2023-09-30")),
    case("last-quarter-is-the-previous-one", "last quarter", "2024-11-20", None, ("2024-07-01", "2024-09-30")),
    case("previous-quarter-across-a-year", "the previous quarter", "2024-02-10", None, ("2023-10-01", "2023-12-31")),
    case("next-quarter", "next quarter", "2024-11-20", None, ("2025-01-01", "2025-03-31")),
    case("last-quarter-of-a-year-is-its-fourth", "the last quarter of 2023", "2024-11-20", None, ("2023-10-01", "2023-12-31")),
    case("bare-period", "the period", "2024-08-15", None, None),
    case("count-period-unplaced", "the six-month period", "2024-08-15", None, None),
    case("bare-month", "the month", "2024-08-15", None, None),
    case("the-year-is-this-year", "the year", "2024-08-15", None, ("2024-01-01", "2024-12-31")),
]


@pytest.mark.parametrize("text,published,reference,expected", CASES)
def test_resolve_period(words, text, published, reference, expected):
    got = resolve_period(
        text,
        words,
        date.fromisoformat(published) if published else None,
        (date.fromisoformat(reference[0]), date.fromisoformat(reference[1])) if reference else None,
    )
    assert (tuple(day.isoformat() for day in got) if got else None) == expected


def fiscal(case_id, text, published, country, expected):
    """`text` published on `published` (ISO or None) in an article on `country` (ISO 3166, or None: unknown)
    resolves to `expected` (a pair of ISO dates or None)."""
    return pytest.param(text, published, country, expected, id=case_id)


FISCAL_CASES = [
    # a single-year name: the year it ends in (India, US, Australia, Pakistan, Thailand) or starts in (Japan, Singapore)
    fiscal("india-fy-code", "FY2024", None, "IN", ("2023-04-01", "2024-03-31")),
    fiscal("india-fy-two-digits", "FY24", None, "IN", ("2023-04-01", "2024-03-31")),
    fiscal("japan-fy-code", "FY2024", None, "JP", ("2024-04-01", "2025-03-31")),
    fiscal("singapore-fy-code", "FY2024", None, "SG", ("2024-04-01", "2025-03-31")),
    fiscal("us-fiscal-year", "fiscal 2023", None, "US", ("2022-10-01", "2023-09-30")),
    fiscal("us-fiscal-year-words", "fiscal year 2025", None, "US", ("2024-10-01", "2025-09-30")),
    fiscal("thailand-fiscal-year", "fiscal 2025", None, "TH", ("2024-10-01", "2025-09-30")),
    fiscal("new-zealand-fy-code", "FY24", None, "NZ", ("2023-07-01", "2024-06-30")),
    fiscal("kazakhstan-calendar", "fiscal 2024", None, "KZ", ("2024-01-01", "2024-12-31")),
    # a split name starts in its first year
    fiscal("india-fiscal-split", "fiscal 2023-24", None, "IN", ("2023-04-01", "2024-03-31")),
    fiscal("india-split-fiscal-year", "the 2023-24 fiscal year", None, "IN", ("2023-04-01", "2024-03-31")),
    fiscal("india-bare-split", "2023-24", None, "IN", ("2023-04-01", "2024-03-31")),
    fiscal("australia-bare-split", "2023-24", None, "AU", ("2023-07-01", "2024-06-30")),
    fiscal("egypt-fy-slashed", "FY2023/24", None, "EG", ("2023-07-01", "2024-06-30")),
    fiscal("uk-slashed-financial-year", "the 2023/24 financial year", None, "GB", ("2023-04-01", "2024-03-31")),
    fiscal("canada-en-dash-split", "2019–20", None, "CA", ("2019-04-01", "2020-03-31")),
    fiscal("australia-years-to-split", "the three years to 2026-27", None, "AU", ("2024-07-01", "2027-06-30")),
    # relative fiscal years from the publication date
    fiscal("kenya-coming-fiscal-year", "the coming fiscal year", "2025-05-20", "KE", ("2025-07-01", "2026-06-30")),
    fiscal("kenya-current-fiscal-year", "the current fiscal year", "2025-05-20", "KE", ("2024-07-01", "2025-06-30")),
    fiscal("us-last-fiscal-year", "last fiscal year", "2024-11-20", "US", ("2023-10-01", "2024-09-30")),
    # parts of a fiscal year
    fiscal("pakistan-first-half", "the first half of FY24", None, "PK", ("2023-07-01", "2023-12-31")),
    fiscal("india-first-quarter", "the first quarter of fiscal 2025", None, "IN", ("2024-04-01", "2024-06-30")),
    fiscal("india-quarter-code", "Q3 FY25", None, "IN", ("2024-10-01", "2024-12-31")),
    fiscal("japan-second-half", "the second half of fiscal 2024", None, "JP", ("2024-10-01", "2025-03-31")),
    fiscal("india-named-quarter-next-year", "the January-March quarter of fiscal 2024-25", None, "IN", ("2025-01-01", "2025-03-31")),
    fiscal("australia-december-half", "the December half of FY24", None, "AU", ("2023-07-01", "2023-12-31")),
    # what the country or its usage does not fix
    fiscal("unknown-country", "FY2024", None, None, None),
    fiscal("unknown-country-split", "2023-24", None, None, None),
    fiscal("country-not-listed", "fiscal 2024", None, "ET", None),
    fiscal("uk-single-year-unsettled", "FY2024", None, "GB", None),
    fiscal("calendar-country-split", "2023-24", None, "KZ", None),
    fiscal("split-not-consecutive", "2023-25", None, "IN", None),
    fiscal("bare-fiscal-year", "the fiscal year", "2025-05-20", "KE", None),
    fiscal("explicit-end-beats-naming", "the fiscal year ending March 2024", None, "JP", ("2023-04-01", "2024-03-31")),
]


@pytest.mark.parametrize("text,published,country,expected", FISCAL_CASES)
def test_resolve_fiscal_period(words, text, published, country, expected):
    got = resolve_period(text, words, date.fromisoformat(published) if published else None, fiscal=FISCAL_YEARS.get(country or ""))
    assert (tuple(day.isoformat() for day in got) if got else None) == expected


def test_fiscal_years_name_their_source():
    assert FISCAL_YEARS["IN"].first_month == 4 and FISCAL_YEARS["US"].first_month == 10
    rows = list(srsly.read_jsonl(LEXICONS / "fiscal_years.jsonl"))
    assert all(row["source"] and 1 <= row["first_month"] <= 12 and row["named_by"] in ("start", "end", None) for row in rows)
    assert len({row["country"] for row in rows}) == len(rows)


# End to end: (text with meta.date, figure surface, expected {fact field: value})
DOCUMENTS = [
    pytest.param("Kazakhstan's exports amounted to $40.1 billion in January-June, according to the Bureau of "
                 "National Statistics.", "2024-03-25", "$40.1 billion",
                 {"period": "January-June", "period_start": "2023-01-01", "period_end": "2023-06-30"},
                 id="month-range-without-year-before-publication"),
    pytest.param("Kazakhstan's exports amounted to $40.1 billion in January-June, according to the Bureau of "
                 "National Statistics.", "2024-07-18", "$40.1 billion",
                 {"period": "January-June", "period_start": "2024-01-01", "period_end": "2024-06-30"},
                 id="month-range-without-year-after-publication"),
    pytest.param("The international reserves of Kazakhstan stood at $36.1 billion in June last year, the National "
                 "Bank said.", "2017-07-10", "$36.1 billion",
                 {"period": "June last year", "period_start": "2016-06-01", "period_end": "2016-06-30"},
                 id="june-last-year"),
    pytest.param("Since the beginning of the year, Uzbekistan has attracted $14.2 billion of foreign investment, "
                 "the ministry said.", "2024-07-10", "$14.2 billion",
                 {"period_start": "2024-01-01", "period_end": "2024-07-10"},
                 id="since-beginning-of-year"),
    pytest.param("Azerbaijan's foreign trade turnover amounted to $23 billion in January-June 2024, down "
                 "12.3 percent compared to the same period last year.", "2024-07-30", "12.3 percent",
                 {"period_start": "2024-01-01", "period_end": "2024-06-30", "compared_to": "the same period last year",
                  "compared_to_period_start": "2023-01-01", "compared_to_period_end": "2023-06-30"},
                 id="base-same-period-last-year"),
    pytest.param("Kazakhstan's trade turnover with China was $31.4 billion in 2023, having increased by 30 percent "
                 "compared to 2022.", "2024-04-01", "30 percent",
                 {"period_start": "2023-01-01", "period_end": "2023-12-31", "compared_to": "2022",
                  "compared_to_period_start": "2022-01-01", "compared_to_period_end": "2022-12-31"},
                 id="base-year"),
    pytest.param("Azerbaijan's foreign trade turnover fell by 12.3 percent from the same period of 2023 "
                 "($26.2 billion), amounting to $23 billion in January-June 2024.", "2024-07-30", "$26.2 billion",
                 {"period": "the same period of 2023", "period_start": "2023-01-01", "period_end": "2023-06-30"},
                 id="own-period-same-period-of-year"),
    pytest.param("Tax revenues in Uzbekistan reached 52.3 trillion soums in the first half of 2024, while a year "
                 "earlier they were 44.7 trillion soums.", "2024-07-20", "44.7 trillion soums",
                 {"period": "a year earlier", "period_start": "2023-01-01", "period_end": "2023-06-30"},
                 id="own-period-a-year-earlier"),
    pytest.param("Collection reached 71.2% of the plan for 6M 2024, up from 64.0% for 6M 2023.", "2024-07-20", "71.2%",
                 {"period": "6M 2024", "period_start": "2024-01-01", "period_end": "2024-06-30"},
                 id="month-code-split-by-the-tokenizer"),
    pytest.param("Ghana's cocoa earnings reached $2.4bn- in H1 2024- central bank\n\nThe central bank said cocoa earnings "
                 "rose.", "2024-08-02", "$2.4bn",
                 {"period": "H1 2024", "period_start": "2024-01-01", "period_end": "2024-06-30"},
                 id="headline-dash-glued-after-figure-and-period"),
    pytest.param("New Zealand's current account deficit narrowed to 6.7 percent of GDP in the year to June 30, the "
                 "statistics agency said.", "2024-09-18", "6.7 percent",
                 {"period": "the year to June 30", "period_start": "2023-07-01", "period_end": "2024-06-30"},
                 id="year-to-month-day"),
    pytest.param("Australia's economy expanded 0.3 percent in the September quarter.", "2024-08-15", "0.3 percent",
                 {"period": "the September quarter", "period_start": "2023-07-01", "period_end": "2023-09-30"},
                 id="quarter-named-by-its-month"),
    pytest.param("Wage growth in Britain slowed to 5.1 percent in the three months to June.", "2024-08-15", "5.1 percent",
                 {"period": "the three months to June", "period_start": "2024-04-01", "period_end": "2024-06-30"},
                 id="three-months-to-month"),
    pytest.param("Pakistan's current account posted a surplus of $1.2 billion in the first half of FY24, the central "
                 "bank said.", "2024-01-20", "$1.2 billion",
                 {"period": "the first half of FY24", "period_start": "2023-07-01", "period_end": "2023-12-31"},
                 id="fiscal-half-pakistan"),
    pytest.param("Japan's tax revenue rose to 72.1 trillion yen in FY2023, the finance ministry said.", "2024-07-02",
                 "72.1 trillion yen", {"period": "FY2023", "period_start": "2023-04-01", "period_end": "2024-03-31"},
                 id="fiscal-year-japan"),
    pytest.param("India's fiscal deficit narrowed to 5.6 percent of GDP in FY2024, the ministry said.", "2024-06-01",
                 "5.6 percent", {"period": "FY2024", "period_start": "2023-04-01", "period_end": "2024-03-31"},
                 id="fiscal-year-india"),
    pytest.param("The U.S. federal deficit reached $1.8 trillion in fiscal 2024, the Treasury said.", "2024-10-20",
                 "$1.8 trillion", {"period": "fiscal 2024", "period_start": "2023-10-01", "period_end": "2024-09-30"},
                 id="fiscal-year-us"),
    pytest.param("The company reported revenue of $3 billion in fiscal 2024.", "2024-10-20", "$3 billion",
                 {"period": "fiscal 2024", "period_start": None, "period_end": None},
                 id="fiscal-year-without-country"),
    pytest.param("Annual inflation in Norway eased to 3.1 percent in the year to end-September.", "2024-11-02", "3.1 percent",
                 {"period": "the year to end-September", "period_start": "2023-10-01", "period_end": "2024-09-30"},
                 id="year-to-end-month"),
    pytest.param("India's GDP grew 6.9 percent in the first quarter of fiscal 2025, data showed.", "2024-09-01", "6.9 percent",
                 {"period": "the first quarter of fiscal 2025", "period_start": "2024-04-01", "period_end": "2024-06-30"},
                 id="quarter-of-fiscal-year"),
    pytest.param("UK public sector borrowing was £121 billion in the financial year ending March 2024.", "2024-05-22",
                 "£121 billion", {"period": "the financial year ending March 2024", "period_start": "2023-04-01",
                                  "period_end": "2024-03-31"}, id="financial-year-ending-month"),
    pytest.param("Australian consumer prices rose 3.6 percent in the year to the March quarter.", "2024-05-01", "3.6 percent",
                 {"period": "the year to the March quarter", "period_start": "2023-04-01", "period_end": "2024-03-31"},
                 id="year-to-quarter"),
    pytest.param("Vietnam aims to lift exports to $500 billion by 2030.", "2024-08-15", "$500 billion",
                 {"period": None, "period_start": None}, id="aim-deadline-is-no-period"),
    pytest.param("Two-way trade rose to $12 billion in 2023, and the two governments plan to lift it to $20 billion "
                 "by 2030.", "2024-08-15", "$20 billion", {"period": None}, id="aim-deadline-takes-no-earlier-period"),
    pytest.param("South Africa's public debt is projected to reach 6.2 trillion rand by the end of 2027.", "2024-08-15",
                 "6.2 trillion rand", {"period": "the end of 2027", "period_start": "2027-12-31"}, id="forecast-keeps-its-date"),
    pytest.param("By the end of March, Georgia's international reserves had reached $5.1 billion.", "2024-08-15",
                 "$5.1 billion", {"period": "the end of March", "period_start": "2024-03-31"}, id="stock-at-a-date"),
    pytest.param("The Bank of Ghana on Monday raised its policy rate by 100 basis points to 30%.", "2024-08-15", "30%",
                 {"period": "Monday", "period_start": "2024-08-12", "period_end": "2024-08-12"}, id="decision-weekday"),
    pytest.param("Exports rose 4.5% in July, the ministry said on Tuesday.", "2024-08-15", "4.5%",
                 {"period": "July"}, id="report-weekday-is-no-period"),
    pytest.param("Inflation eased to 3.1% in July, the central bank said Thursday, keeping its key rate at 5%.", "2024-08-15", "5%",
                 {"period": "July"}, id="said-weekday-is-no-decision-date"),
    pytest.param("The central bank on Friday held its rate at 7%, as a $2 billion loan arrived.", "2024-08-15", "$2 billion",
                 {"period": None}, id="decision-weekday-dates-only-rates"),
    pytest.param("The lender's net income rose 11% in 3Q24.", "2024-11-05", "11%",
                 {"period": "3Q24", "period_start": "2024-07-01", "period_end": "2024-09-30"}, id="quarter-code-short-year"),
    pytest.param("Cement shipments fell 2.4% in H2'23.", "2024-02-05", "2.4%",
                 {"period": "H2'23", "period_start": "2023-07-01", "period_end": "2023-12-31"}, id="half-code-apostrophe-year"),
    pytest.param("Tea exports reached $640 million in January-May 2024. Over this period, coffee exports fell 6%.", "2024-07-02",
                 "6%", {"period": "this period", "period_start": "2024-01-01", "period_end": "2024-05-31"},
                 id="this-period-takes-the-dates-it-refers-to"),
    pytest.param("Budget receipts reached 14.1 trillion tenge in 10M24.", "2024-12-02", "14.1 trillion tenge",
                 {"period": "10M24", "period_start": "2024-01-01", "period_end": "2024-10-31"}, id="month-code-short-year"),
    pytest.param("Cotton exports earned $610 million in the first quarter; over this period, volumes fell 8%.", "2024-05-02",
                 "8%", {"period": "this period"}, id="this-period-refers-back"),
    pytest.param("Remittances totalled $2.9 billion during the period under review, the central bank said.", "2024-05-02",
                 "$2.9 billion", {"period": "the period under review"}, id="period-under-review-whole"),
    pytest.param("Kenya's development spending was cut 9.2% in the current fiscal period.", "2024-03-05", "9.2%",
                 {"period": "the current fiscal period", "period_start": "2023-07-01", "period_end": "2024-06-30"},
                 id="current-fiscal-period-is-the-fiscal-year"),
]


@pytest.mark.parametrize("text,published,surface,expected", DOCUMENTS)
def test_fact_dates(nlp, text, published, surface, expected):
    (doc,) = annotate(nlp, [Document(id="period-test", text=text, meta={"date": published})])
    assert doc._.meta["date"] == published
    facts = {fact["text"]: fact for fact in doc._.facts}
    assert surface in facts, f"figures found: {list(facts)}"
    assert {name: facts[surface][name] for name in expected} == expected


@pytest.mark.parametrize("text", [
    "Vietnam aims to lift exports to $500 billion by 2030.",
    "By 2030, the government wants annual exports of $20 billion.",
    "Kenya plans to cut the deficit to 3% by end-2025.",
    "The goal is to keep inflation at 4% until 2027.",
])
def test_aim_deadline_is_no_period_span(nlp, text):
    (doc,) = annotate(nlp, [Document(id="aim-test", text=text, meta={"date": "2024-08-15"})])
    assert [span.text for span in doc.spans["concepts"] if span.label_ == "PERIOD"] == []
    assert [relation for relation in doc._.relations if relation["label"] == "PERIOD"] == []
