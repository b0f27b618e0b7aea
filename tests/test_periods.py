"""Period resolution: a PERIOD's text, the publication date and (for comparisons) the figure's own
period give ISO start and end dates, or None when the text does not fix them.

The first table calls `components.periods.resolve_period` directly; the second runs whole
documents with a `meta.date` through the pipeline and reads `period_start`/`period_end`
(and the base's dates) from the facts.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import srsly

from components.periods import PeriodWords, resolve_period
from pipeline.annotate import annotate
from pipeline.reading import Document

PERIODS_LEXICON = Path(__file__).resolve().parents[1] / "configs" / "lexicons" / "periods.jsonl"


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
]


@pytest.mark.parametrize("text,published,surface,expected", DOCUMENTS)
def test_fact_dates(nlp, text, published, surface, expected):
    (doc,) = annotate(nlp, [Document(id="period-test", text=text, meta={"date": published})])
    assert doc._.meta["date"] == published
    facts = {fact["text"]: fact for fact in doc._.facts}
    assert surface in facts, f"figures found: {list(facts)}"
    assert {name: facts[surface][name] for name in expected} == expected
