"""Generate INDICATOR and PERIOD patterns from `lexicons/indicators.jsonl` and `lexicons/periods.jsonl`.

INDICATOR: the shortest noun phrase naming an economic quantity, built from modifiers,
a head noun and an optional tail (`industrial production index`, `non-oil exports`, `GDP
growth`, `retail sales volumes`), a measure word with
its `of` complement (`volume of industrial production`, `net inflow of remittances`), or
a listed name (`GDP`, `investment in fixed assets`). QUALIFIER phrases (`in current
prices`) are matched only to keep their nouns from reading as indicators. PERIOD: month ranges, months,
dates, years, quarters and halves, `the first nine months of 2023`, `the same period
in 2022`, relative forms (`June last year`, `a year earlier`, `since the beginning of
the year`), stretches ending with a month (`the year to end-September`, `the September quarter`,
`the half to June`) and fiscal years and their parts (`FY25`, `the first quarter of fiscal 2025`).
"""
from __future__ import annotations

from typing import Any, Callable

Token = dict[str, Any]
Pattern = dict[str, Any]

YEAR = {"TEXT": {"REGEX": r"^(?:19[5-9][0-9]|20[0-9][0-9])$"}}
DAY = {"TEXT": {"REGEX": r"^(?:[1-9]|[12][0-9]|3[01])$"}}
THE = {"LOWER": "the"}
COUNT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
DURATION_WORDS = ["day", "week", "month", "quarter", "year", "term"]
# Heads that take what was traded or priced as an `of` complement: `exports of goods and services`, `price of cooking gas`.
TRADED_HEADS = {"exports", "imports", "shipments", "sales", "purchases", "deliveries", "price", "value"}
# Heads that take their source as a `from` complement: `earnings from tourism`, `revenue from oil exports`.
EARNED_HEADS = {"earnings", "revenue", "revenues", "receipts", "income", "proceeds"}


def words(rows: list[dict[str, Any]], role: str) -> list[str]:
    """The words of a lexicon with the given role, sorted."""
    return sorted({row["word"] for row in rows if row.get("role") == role})


def part_words(rows: list[dict[str, Any]], shortest: int, longest: int) -> list[str]:
    """The part-of-year words (`quarter`, `half`, `year`) lasting from `shortest` to `longest` months, sorted."""
    return sorted({row["word"] for row in rows if row.get("role") == "part" and shortest <= row["months"] <= longest})


def phrase_pattern(phrase: str, tokenize: Callable[[str], list[str]]) -> list[Token]:
    """A token pattern for a listed phrase: case-insensitive, but exact for an acronym (`GDP`, `IPI`)."""
    return [{"ORTH": t} if phrase.isupper() else {"LOWER": t.lower()} for t in tokenize(phrase)]


def indicator_patterns(rows: list[dict[str, Any]]) -> list[Pattern]:
    """Token and phrase patterns for INDICATOR candidates."""
    heads = {w.lower() for w in words(rows, "head")}
    heads_lower = sorted(heads | {w + "s" for w in heads if not w.endswith("s")})
    head = {"LOWER": {"IN": heads_lower}}
    tail = {"LOWER": {"IN": sorted(set(heads_lower) | {w.lower() for w in words(rows, "tail")})}, "OP": "?"}
    measure = {"LOWER": {"IN": [w.lower() for w in words(rows, "measure")]}}
    modifier = {"LOWER": {"IN": sorted({w.lower() for w in words(rows, "modifier")})}}
    modifiers = {**modifier, "OP": "*"}
    hyphen = {"ORTH": "-"}
    compound_left = {"LOWER": {"IN": ["non", "short", "long", "medium", *COUNT_WORDS, *sorted({w.lower() for w in words(rows, "modifier")})]}}
    compound_right = {"LOWER": {"IN": [*DURATION_WORDS, *sorted({w.lower() for w in words(rows, "modifier")})]}}
    compound = [compound_left, hyphen, compound_right]  # `non-oil`, `short-term`, `energy-sector`, `12-month`
    number_compound = [{"SHAPE": {"IN": ["d", "dd", "ddd"]}}, hyphen, {"LOWER": {"IN": DURATION_WORDS}}]  # `12-month`, `364-day`
    goods = {"IS_ALPHA": True, "IS_LOWER": True, "IS_STOP": False, "LOWER": {"NOT_IN": words(rows, "stop_verb")}}  # stop verbs end a complement
    patterns: list[Pattern] = []

    def add(shape: str, tokens: list[Token]) -> None:
        patterns.append({"label": "INDICATOR", "pattern": tokens, "id": f"indicator/{shape}"})

    add("modifier-head", [modifiers, head, tail])
    add("compound-modifier-head", [modifiers, *compound, modifiers, head, tail])
    add("number-compound-head", [*number_compound, modifiers, head, tail])
    either = {"LOWER": {"IN": sorted(set(heads_lower) | {w.lower() for w in words(rows, "modifier")})}}
    add("x-to-y-ratio", [modifiers, either, hyphen, {"LOWER": "to"}, hyphen, either, {"LOWER": {"IN": ["ratio", "ratios"]}}])  # `debt-to-equity ratio`
    goods_run = [goods, {**goods, "OP": "?"}, {**goods, "OP": "?"}]
    traded = {"LOWER": {"IN": sorted(TRADED_HEADS)}}
    add("traded-of-goods", [modifiers, traded, {"LOWER": "of"}, *goods_run])
    add("traded-of-goods-and", [modifiers, traded, {"LOWER": "of"}, *goods_run, {"LOWER": "and"}, *goods_run])
    earned = {"LOWER": {"IN": sorted(EARNED_HEADS)}}
    add("earned-from-source", [modifiers, earned, {"LOWER": "from"}, *goods_run])  # `earnings from tourism`
    add("trade-in-goods", [modifiers, {"LOWER": "trade"}, {"LOWER": "in"}, *goods_run])  # `foreign trade in goods`
    owners = {"LOWER": {"IN": ["workers", "migrants", "households", "consumers", "investors"]}}
    add("possessive-modifier-head", [owners, {"ORTH": {"IN": ["'", "’"]}}, modifiers, head, tail])  # `workers' remittances`
    add("coordinated-modifiers", [modifier, {"LOWER": {"IN": ["and", "&"]}}, modifiers, head, tail])
    add("measure-of", [modifiers, measure, {"LOWER": "of"}, modifiers, head, tail])
    for row in rows:  # listed phrases go to the phrase matcher (the concept ruler matches them case-insensitively)
        if row.get("role") in ("name", "qualifier"):
            phrase = row["phrase"]
            slug = phrase.lower().replace(" ", "-")
            if row["role"] == "name":
                patterns.append({"label": "INDICATOR", "pattern": phrase, "id": f"indicator/name/{slug}"})
            else:  # `in current prices` is no indicator: the longer QUALIFIER match hides `prices`
                patterns.append({"label": "QUALIFIER", "pattern": phrase, "id": f"qualifier/{slug}"})
    return patterns


def period_patterns(rows: list[dict[str, Any]]) -> list[Pattern]:
    """Token patterns for PERIOD candidates."""
    month = {"ORTH": {"IN": words(rows, "month")}}
    lone_month = {"ORTH": {"IN": [w for w in words(rows, "month") if len(w) > 3 and w != "May" and not w.endswith(".")]}}
    range_word = {"LOWER": {"IN": words(rows, "range")}}
    ordinal = {"LOWER": {"IN": words(rows, "ordinal")}}
    count = {"LOWER": {"IN": words(rows, "count")}}
    part = {"LOWER": {"IN": [w for w in words(rows, "part") if w not in ("year", "month", "months")]}}
    unit = {"LOWER": {"IN": ["year", "month", "quarter", "half", "half-year", "week"]}}
    relative = {"LOWER": {"IN": words(rows, "relative")}}
    reference = {"LOWER": {"IN": words(rows, "reference")}}
    ago = {"LOWER": {"IN": words(rows, "ago")}}
    fiscal = {"LOWER": {"IN": [w.lower() for w in words(rows, "fiscal")]}}
    codes = {"ORTH": {"IN": words(rows, "quarter_code") + words(rows, "half_code")}}
    period_noun = {"LOWER": {"IN": ["period", "month", "quarter", "date", "year", "half", "months"]}}  # not `time`: `at the same time`
    two_digits = {"SHAPE": "dd"}
    split_year = [YEAR, {"ORTH": {"IN": ["-", "/"]}}, two_digits]
    slashed_year = {"TEXT": {"REGEX": r"^(?:19|20)[0-9]{2}/[0-9]{2}$"}}  # `2024/25` is one token
    fiscal_names: list[list[Token]] = [  # `fiscal 2024`, `fiscal year 2024-25`, `FY 2024/25`, `FY25`, `the current fiscal year`
        [fiscal, {"LOWER": "year", "OP": "?"}, YEAR],
        [fiscal, {"LOWER": "year", "OP": "?"}, *split_year],
        [fiscal, {"LOWER": "year", "OP": "?"}, slashed_year],
        [{"ORTH": "FY"}, {"TEXT": {"REGEX": r"^\d{2}(\d{2})?$"}}],
        [THE, {**relative, "OP": "?"}, fiscal, {"LOWER": "year"}],
    ]
    of_fiscal = [[{"LOWER": "of"}, *name] for name in fiscal_names]
    of_year: list[list[Token]] = [[{"LOWER": "of"}, YEAR], [{"LOWER": "of"}, THE, {"LOWER": "year"}],
                                  [{"LOWER": "of"}, relative, {"LOWER": "year"}], [{"LOWER": "of"}, THE, relative, {"LOWER": "year"}], *of_fiscal]
    patterns: list[Pattern] = []

    def add(shape: str, tokens: list[Token]) -> None:
        patterns.append({"label": "PERIOD", "pattern": tokens, "id": f"period/{shape}"})

    add("month-range", [month, range_word, month, {**YEAR, "OP": "?"}])
    add("month-range-relative", [month, range_word, month, relative, {"LOWER": "year"}])  # `January-September this year`
    add("month-range-of-year", [month, range_word, month, {"LOWER": {"IN": ["of", "in"]}}, YEAR])  # `January-August of 2017`
    add("year-month-range", [YEAR, range_word, month, YEAR])  # `1994 to May 2021`
    add("month-code", [{"TEXT": {"REGEX": r"^(?:[1-9]|1[0-2])M(?:(?:19|20)\d\d)?$"}}, {**YEAR, "OP": "?"}])  # `9M2017`, `9M 2016`
    add("month-code-split", [{"TEXT": {"REGEX": r"^(?:[1-9]|1[0-2])$"}, "SPACY": False}, {"ORTH": "M"}, YEAR])  # `9M 2016`: the tokenizer splits a glued `M`
    add("month-year-range", [month, YEAR, range_word, month, YEAR])
    add("month-year", [month, {"ORTH": ",", "OP": "?"}, YEAR])
    add("month", [lone_month])
    add("month-may", [{"ORTH": "May", "IS_SENT_START": False}])  # not the modal verb opening a sentence
    add("date", [month, DAY, {"ORTH": ",", "OP": "?"}, YEAR])
    add("year", [YEAR])
    add("year-range", [YEAR, range_word, YEAR])
    add("code", [codes, {**YEAR, "OP": "?"}])
    add("month-relative", [month, relative, {"LOWER": "year"}])
    add("relative", [{**THE, "OP": "?"}, relative, unit])
    add("ago", [{"LOWER": {"IN": ["a", "one", "two", "three"]}}, {"LOWER": {"IN": ["year", "years", "month", "months", "quarter"]}}, ago])
    add("reference", [THE, reference, period_noun])
    add("since-start", [{"LOWER": "since"}, THE, {"LOWER": {"IN": ["beginning", "start"]}}, {"LOWER": "of"}, {**THE, "OP": "?"}, {"LOWER": {"IN": ["year", "this"]}}, {"LOWER": "year", "OP": "?"}])
    add("since-start-year", [{"LOWER": "since"}, THE, {"LOWER": {"IN": ["beginning", "start"]}}, {"LOWER": "of"}, YEAR])
    add("fiscal", [fiscal, {"LOWER": "year", "OP": "?"}, YEAR])
    add("part", [THE, ordinal, part])
    add("first-months", [THE, {**ordinal, "OP": "?"}, count, {"LOWER": "months"}])
    for index, tail in enumerate(of_year):
        add(f"part-of/{index}", [THE, ordinal, part, *tail])
        add(f"first-months-of/{index}", [{**THE, "OP": "?"}, {**ordinal, "OP": "?"}, count, {"LOWER": "months"}, *tail])
        add(f"edge-of/{index}", [THE, {"LOWER": {"IN": ["end", "beginning", "start", "middle"]}}, *tail])
    add("edge-of-month", [THE, {"LOWER": {"IN": ["end", "beginning", "start", "middle"]}}, {"LOWER": "of"}, month, {**YEAR, "OP": "?"}])
    up_to = {"LOWER": {"IN": words(rows, "ending")}}
    month_ends: list[list[Token]] = [  # the month a stretch ends with: `June`, `June 30, 2024`, `end-September 2024`
        [month, {**DAY, "OP": "?"}, {**YEAR, "OP": "?"}],
        [month, DAY, {"ORTH": ","}, YEAR],
        [{"LOWER": "end"}, {"ORTH": "-"}, month, {**YEAR, "OP": "?"}],
    ]
    half_year = [{"LOWER": "half"}, {"ORTH": "-"}, {"LOWER": "year"}]
    stretches = [[{"LOWER": {"IN": part_words(rows, 3, 12)}}], half_year]  # `year`, `half`, `quarter`, `half-year`
    for index, month_end in enumerate(month_ends):
        add(f"months-to/{index}", [THE, {"LOWER": {"IN": [*words(rows, "count"), *map(str, range(2, 13))]}}, {"LOWER": "months"}, up_to, *month_end])
        for shape, stretch in enumerate(stretches):  # `the year to June 30`, `the half to end-December`, `the financial year ending March 2024`
            add(f"stretch-to-month/{shape}/{index}", [THE, {**fiscal, "OP": "?"}, *stretch, up_to, *month_end])
    named_stretches = [[{"LOWER": {"IN": part_words(rows, 3, 6)}}], half_year]  # `quarter`, `half`, `half-year`
    for shape, stretch in enumerate(named_stretches):  # `the September quarter`, `the June half of 2024`, `the April-June quarter of FY25`
        add(f"month-stretch/{shape}", [THE, month, *stretch, {**YEAR, "OP": "?"}])
        add(f"stretch-to-month-stretch/{shape}", [THE, *stretches[0], up_to, THE, month, *stretch])  # `the year to the June quarter`
        for index, tail in enumerate([[{"LOWER": "of"}, YEAR], *of_fiscal]):
            add(f"month-stretch-of/{shape}/{index}", [THE, month, *stretch, *tail])
            add(f"month-range-stretch-of/{shape}/{index}", [THE, month, range_word, month, *stretch, *tail])
    add("week-to", [THE, {"LOWER": "week"}, up_to, month, DAY])
    add("previous-months", [THE, relative, {"LOWER": {"IN": words(rows, "count")}}, {"LOWER": {"IN": ["months", "quarters", "years"]}}])
    add("month-range-quarter", [THE, month, range_word, month, {"LOWER": "quarter"}])
    add("year-code", [YEAR, codes])
    add("split-year", [YEAR, {"ORTH": {"IN": ["-", "–", "/"]}}, two_digits])
    add("fiscal-split-year", [THE, YEAR, {"ORTH": {"IN": ["-", "/"]}}, two_digits, {"LOWER": {"IN": ["fiscal", "financial"]}}, {"LOWER": "year"}])
    add("fiscal-code", [{"ORTH": "FY"}, {**two_digits, "OP": "?"}, {**YEAR, "OP": "?"}])
    add("early-late", [{"LOWER": {"IN": ["early", "late", "mid"]}}, {"ORTH": "-", "OP": "?"}, {"TEXT": {"REGEX": r"^(?:19|20)\d\d$|^[A-Z][a-z]+$"}}, {**YEAR, "OP": "?"}])
    add("month-day", [month, DAY])
    add("same", [THE, {"LOWER": "same"}, period_noun])
    add("same-in-year", [THE, {"LOWER": "same"}, period_noun, {"LOWER": {"IN": ["in", "of"]}}, YEAR])
    add("same-relative", [THE, {"LOWER": "same"}, period_noun, relative, {"LOWER": "year"}])
    add("same-of-relative", [THE, {"LOWER": "same"}, period_noun, {"LOWER": "of"}, {**THE, "OP": "?"}, relative, {"LOWER": "year"}])
    add("same-ago", [THE, {"LOWER": "same"}, period_noun, {"LOWER": {"IN": ["a", "one"]}}, {"LOWER": "year"}, ago])
    add("fiscal-split", [fiscal, {"LOWER": "year", "OP": "?"}, *split_year])  # `fiscal year 2024-25`, `FY2025-26`
    add("fiscal-slashed", [fiscal, {"LOWER": "year", "OP": "?"}, slashed_year])  # `fiscal year 2024/25`
    add("slashed-fiscal-year", [THE, slashed_year, {"LOWER": {"IN": ["fiscal", "financial"]}}, {"LOWER": "year"}])  # `the 2024/25 fiscal year`
    add("slashed-year", [slashed_year])
    add("the-fiscal-year", [THE, {"LOWER": {"IN": [*words(rows, "relative"), "new", "outgoing"]}, "OP": "?"}, fiscal, {"LOWER": "year"}])
    add("the-outgoing-year", [THE, {"LOWER": "outgoing"}, {"LOWER": "year"}])
    add("the-quarter", [THE, {"LOWER": {"IN": ["quarter", "period"]}}])  # a reference back: `in the quarter`
    add("month-range-period", [THE, month, range_word, month, {**YEAR, "OP": "?"}, {"LOWER": "period"}])
    add("day-month", [DAY, month, {**YEAR, "OP": "?"}])  # `30 June 2025`
    add("years-to", [THE, {"LOWER": {"IN": words(rows, "count")}}, {"LOWER": {"IN": ["years", "quarters", "months"]}}, up_to, YEAR, {"ORTH": {"IN": ["-", "/"]}, "OP": "?"}, {**two_digits, "OP": "?"}])
    add("edge-month", [{"LOWER": {"IN": ["end", "mid", "early", "late", "start"]}}, {"ORTH": "-"}, month, {**YEAR, "OP": "?"}])  # `end-December`
    add("count-ago", [{"LOWER": {"IN": words(rows, "count")}}, {"LOWER": {"IN": ["years", "months", "quarters"]}}, ago])  # `twelve months earlier`
    add("count-period", [THE, {"LOWER": {"IN": [*words(rows, "count"), *map(str, range(2, 13))]}}, {"ORTH": "-"}, {"LOWER": {"IN": ["month", "year", "week", "quarter"]}}, {"LOWER": "period"}])
    add("same-count", [THE, {"LOWER": "same"}, {"LOWER": {"IN": words(rows, "count")}}, {"LOWER": {"IN": ["months", "quarters", "years"]}}])
    counts = {"LOWER": {"IN": [*words(rows, "count"), *map(str, range(2, 13))]}}
    add("first-n-months", [THE, {**ordinal, "OP": "?"}, counts, {"LOWER": "months"}, {"LOWER": "of", "OP": "?"}, {**YEAR, "OP": "?"}])  # `the first 10 months of 2025`
    add("reference-of-year", [THE, reference, period_noun, {"LOWER": {"IN": ["of", "in"]}}, YEAR])  # `the corresponding period of 2024`
    add("edge-year", [{"LOWER": {"IN": ["end", "start"]}}, {"ORTH": "-"}, YEAR])  # `end-2024`
    add("edge-year-token", [{"LOWER": {"REGEX": r"^(?:end|start|mid|early|late)-(?:19|20)[0-9]{2}$"}}])  # `end-2024` as one token
    spans = {"LOWER": {"IN": ["years", "months", "quarters", "weeks", "days"]}}
    add("duration", [{**THE, "OP": "?"}, {**relative, "OP": "?"}, counts, {"LOWER": "and", "OP": "?"}, {"LOWER": "a", "OP": "?"}, {"LOWER": "half", "OP": "?"}, spans])  # `four years`, `the past two and a half years`
    add("duration-digits", [{**THE, "OP": "?"}, {**relative, "OP": "?"}, {"TEXT": {"REGEX": r"^(?:1[3-9]|[2-9][0-9])$"}}, spans])  # `the past 24 months`
    add("reference-relative-year", [THE, reference, period_noun, {"LOWER": "of", "OP": "?"}, {**THE, "OP": "?"}, relative, {"LOWER": "year"}])  # `the corresponding period of the previous year`
    add("relative-year-period", [THE, relative, {"LOWER": "year"}, period_noun])  # `the prior year period`
    add("first-days-of-month", [THE, ordinal, {"TEXT": {"REGEX": r"^(?:[2-9]|[12][0-9]|30)$"}}, {"LOWER": "days"}, {"LOWER": "of"}, month, {**YEAR, "OP": "?"}])  # `the first 20 days of December`
    add("day-range-period", [THE, month, DAY, {"ORTH": {"IN": ["-", "–"]}}, DAY, {"LOWER": "period"}])  # `the Dec. 1-20 period`
    add("days-period", [THE, {"TEXT": {"REGEX": r"^(?:[2-9]|[1-9][0-9])$"}}, {"ORTH": "-"}, {"LOWER": "day"}, {"LOWER": "period"}])  # `the 20-day period`
    add("month-pair-period", [THE, month, {"ORTH": "/"}, month, {"LOWER": "period"}])  # `the October/November period`
    add("year-ended-on", [THE, {**fiscal, "OP": "?"}, {"LOWER": "year"}, {"LOWER": "that", "OP": "?"}, {"LOWER": {"IN": ["ended", "ending", "ends"]}},
                          {"LOWER": "on", "OP": "?"}, month, DAY, {"ORTH": ",", "OP": "?"}, {**YEAR, "OP": "?"}])  # `the fiscal year that ended on March 31, 2017`
    return patterns
