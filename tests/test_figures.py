"""Figures on real-style sentences: span boundaries, value and unit (one row per surface form)."""
from __future__ import annotations

import pytest

# (sentence, expected figure surface, label, value, unit)
CASES = [
    # money: currency words after the number, every scale form
    ("Industrial output amounted to 7.5 trillion tenge in January.", "7.5 trillion tenge", "MONEY", 7.5e12, "KZT"),
    ("The budget allocated 120 billion tenges to roads.", "120 billion tenges", "MONEY", 120e9, "KZT"),
    ("Revenue reached 450 million soums last quarter.", "450 million soums", "MONEY", 450e6, "UZS"),
    ("Exports rose to 2.3 trillion sum, the agency said.", "2.3 trillion sum", "MONEY", 2.3e12, "UZS"),
    ("Remittances totalled 12.4 billion som in the first half.", "12.4 billion som", "MONEY", 12.4e9, "KGS"),
    ("The bank lent 3.2 billion somoni to farmers.", "3.2 billion somoni", "MONEY", 3.2e9, "TJS"),
    ("Azerbaijan's budget surplus was 1.1 billion manat.", "1.1 billion manat", "MONEY", 1.1e9, "AZN"),
    ("Georgia collected 5.6 billion lari in taxes.", "5.6 billion lari", "MONEY", 5.6e9, "GEL"),
    ("Armenia's exports reached 980 billion drams.", "980 billion drams", "MONEY", 980e9, "AMD"),
    ("Trade with Russia reached 1.5 trillion rubles.", "1.5 trillion rubles", "MONEY", 1.5e12, "RUB"),
    ("The deal was worth 40 billion roubles.", "40 billion roubles", "MONEY", 40e9, "RUB"),
    ("Chinese investment reached 9 billion yuan in Xinjiang.", "9 billion yuan", "MONEY", 9e9, "CNY"),
    ("The project costs 3.4 billion renminbi.", "3.4 billion renminbi", "MONEY", 3.4e9, "CNY"),
    ("The lender raised 500 million euros from the bond.", "500 million euros", "MONEY", 500e6, "EUR"),
    ("Tourism brought in 2.5 billion Turkish lira.", "2.5 billion Turkish lira", "MONEY", 2.5e9, "TRY"),
    ("The contract is valued at 35 crore rupees.", "35 crore rupees", "MONEY", 35e7, "INR"),
    ("The fund invested 20 lakh rupees in the start-up.", "20 lakh rupees", "MONEY", 20e5, "INR"),
    ("Mongolia earned 1.2 trillion tugriks from coal.", "1.2 trillion tugriks", "MONEY", 1.2e12, "MNT"),
    ("The hotel was sold for 420 million Finnish markka.", "420 million Finnish markka", "MONEY", 420e6, "FIM"),
    ("A fine of 10.5 million Australian dollars was imposed.", "10.5 million Australian dollars", "MONEY", 10.5e6, "AUD"),
    ("Sales rose to 15.2 million US dollars.", "15.2 million US dollars", "MONEY", 15.2e6, "USD"),
    ("Gold reserves rose to 41.7 billion of US dollars.", "41.7 billion of US dollars", "MONEY", 41.7e9, "USD"),
    ("The fund allocated 2.5 billion of tenge to the programme.", "2.5 billion of tenge", "MONEY", 2.5e9, "KZT"),
    ("The firm paid 333.6 million yen in damages.", "333.6 million yen", "MONEY", 333.6e6, "JPY"),
    ("Savings reached 7.5 million Danish crowns.", "7.5 million Danish crowns", "MONEY", 7.5e6, "DKK"),
    ("The shares were priced at 8.29 yuan.", "8.29 yuan", "MONEY", 8.29, "CNY"),
    # money: symbols and codes before the number
    ("Exports totaled $14.7 billion in 2023.", "$14.7 billion", "MONEY", 14.7e9, "USD"),
    ("Investment reached US$49.4 billion last year.", "US$49.4 billion", "MONEY", 49.4e9, "USD"),
    ("Oil traded at US $58.24 per barrel.", "US $58.24", "MONEY", 58.24, "USD"),
    ("The bank earned KZT751bn in net profit.", "KZT751bn", "MONEY", 751e9, "KZT"),
    ("Lending grew to KZT 165.6 bln in March.", "KZT 165.6 bln", "MONEY", 165.6e9, "KZT"),
    ("The fund holds ₸1.2 trillion in assets.", "₸1.2 trillion", "MONEY", 1.2e12, "KZT"),
    ("The EBRD lent €3.5bn to the region.", "€3.5bn", "MONEY", 3.5e9, "EUR"),
    ("The bonds raised €3 mln.", "€3 mln", "MONEY", 3e6, "EUR"),
    ("The takeover was a PS8.1bn offer.", "PS8.1bn", "MONEY", 8.1e9, "GBP"),
    ("Rents rose to £2,000 a month.", "£2,000", "MONEY", 2000, "GBP"),
    ("The company paid USD10m in fines.", "USD10m", "MONEY", 10e6, "USD"),
    ("The donors pledged the city USD25m.", "USD25m", "MONEY", 25e6, "USD"),  # a glued scale before the full stop
    ("The property sold for AUD1.5m on Friday.", "AUD1.5m", "MONEY", 1.5e6, "AUD"),
    ("The agency approved USD 300 million for roads.", "USD 300 million", "MONEY", 300e6, "USD"),
    ("The plan costs EUR 40 million.", "EUR 40 million", "MONEY", 40e6, "EUR"),
    ("The insurer paid HK$216,925 in claims.", "HK$216,925", "MONEY", 216925, "HKD"),
    ("The offer of C$6 per share lapsed.", "C$6", "MONEY", 6, "CAD"),
    ("Gold is worth $US113 trillion, the report says.", "$US113 trillion", "MONEY", 113e12, "USD"),
    ("The deficit widened to $-50.8bn in June.", "$-50.8bn", "MONEY", -50.8e9, "USD"),
    ("The phone costs $13.6M to build.", "$13.6M", "MONEY", 13.6e6, "USD"),
    ("Qantas wants $4.2b from the government.", "$4.2b", "MONEY", 4.2e9, "USD"),
    ("The market is worth $2.174T globally.", "$2.174T", "MONEY", 2.174e12, "USD"),
    ("India announced a package of INR1 trillion.", "INR1 trillion", "MONEY", 1e12, "INR"),
    ("The dollar traded at 110 JPY in Tokyo.", "110 JPY", "MONEY", 110, "JPY"),
    ("The ticket cost 115USD at the door.", "115USD", "MONEY", 115, "USD"),
    ("The fee is 10 000 dollars for members.", "10 000 dollars", "MONEY", 10000, "USD"),
    ("Profit was $1,234.5 million in the quarter.", "$1,234.5 million", "MONEY", 1234.5e6, "USD"),
    # money: ranges, minor units, number words
    ("The plant will cost $5-6 billion to build.", "$5-6 billion", "MONEY", 5.5e9, "USD"),
    ("Analysts expect 2-3 trillion tenge of new loans.", "2-3 trillion tenge", "MONEY", 2.5e12, "KZT"),
    ("Shares fell 34 cents to close lower.", "34 cents", "MONEY", 0.34, "USD"),
    ("The bid of 470 pence a share was rejected.", "470 pence", "MONEY", 4.7, "GBP"),
    ("The stock rose 18 sen to RM23.50.", "18 sen", "MONEY", 0.18, "MYR"),
    ("The official received five million yen from the firm.", "five million yen", "MONEY", 5e6, "JPY"),
    ("It only cost fifty dollars at the market.", "fifty dollars", "MONEY", 50, "USD"),
    ("Lunch costs about eight euros in Riga.", "eight euros", "MONEY", 8, "EUR"),
    ("The state spent a billion dollars on the dam.", "a billion dollars", "MONEY", 1e9, "USD"),
    ("Purchases from Turkey came to 2 billion dollar 118 million 6 thousand last year.", "2 billion dollar 118 million 6 thousand", "MONEY", 2118006000, "USD"),
    ("The grant totals 3 million euros 250 thousand.", "3 million euros 250 thousand", "MONEY", 3250000, "EUR"),
    ("Members pay 40 dollars 12 million times a year.", "40 dollars", "MONEY", 40, "USD"),
    # percent forms
    ("The index was 104.6 percent in February.", "104.6 percent", "PERCENT", 104.6, "%"),
    ("Inflation slowed to 8.7% in June.", "8.7%", "PERCENT", 8.7, "%"),
    ("The economy grew 4.8 per cent last year.", "4.8 per cent", "PERCENT", 4.8, "%"),
    ("Retail sales rose 13pct year on year.", "13pct", "PERCENT", 13, "%"),
    ("Wages rose 55pc in a decade.", "55pc", "PERCENT", 55, "%"),
    ("Imports fell 0.3 pct in May.", "0.3 pct", "PERCENT", 0.3, "%"),
    ("The Dow closed +0.2% on Monday.", "+0.2%", "PERCENT", 0.2, "%"),
    ("The FTSE ended -1.3% lower.", "-1.3%", "PERCENT", -1.3, "%"),
    ("Growth is forecast at 5-6% next year.", "5-6%", "PERCENT", 5.5, "%"),
    ("Yields rose 2.5 percentage points in a year.", "2.5 percentage points", "PERCENT", 2.5, "pp"),
    ("The share of exports rose 1.2 p.p. in 2023.", "1.2 p.p.", "PERCENT", 1.2, "pp"),
    ("The central bank cut the rate by 50 basis points.", "50 basis points", "PERCENT", 0.5, "pp"),
    ("The spread narrowed 25 bps on the news.", "25 bps", "PERCENT", 0.25, "pp"),
    ("Other finished products grew 1.8 times.", "1.8 times", "PERCENT", 1.8, "x"),
    ("Exports of grain grew twofold over the year.", "twofold", "PERCENT", 2, "x"),
    ("Profits rose sixfold to a record.", "sixfold", "PERCENT", 6, "x"),
    ("Sales jumped 6-fold in five years.", "6-fold", "PERCENT", 6, "x"),
    ("Grain shipments rose 2,5fold on the year.", "2,5fold", "PERCENT", 2.5, "x"),
    ("Lending grew 3.4fold in a decade.", "3.4fold", "PERCENT", 3.4, "x"),
    ("Imports of cars grew by almost three times in 2023.", "three times", "PERCENT", 3, "x"),
    ("The surplus was four times higher than a year before.", "four times", "PERCENT", 4, "x"),
    ("Core inflation was more than double the headline rate.", "double", "PERCENT", 2, "x"),
    ("Wages in the capital are twice the national average.", "twice", "PERCENT", 2, "x"),
    ("The plan foresees a doubling of port capacity.", "doubling", "PERCENT", 2, "x"),
    ("Miners hope to triple their output by 2030.", "triple", "PERCENT", 3, "x"),
    ("Farm exports contributed 0.4 of a percentage point to growth.", "0.4 of a percentage point", "PERCENT", 0.4, "pp"),
    ("The index fell minus five percent on the day.", "minus five percent", "PERCENT", -5, "%"),
    ("The rate fell to .001 per cent in March.", ".001 per cent", "PERCENT", 0.001, "%"),
    ("Unemployment stood at forty percent in the town.", "forty percent", "PERCENT", 40, "%"),
    ("montgomery county sold $ 75 million of bonds .", "$ 75 million", "MONEY", 75e6, "USD"),
    ("the stock rose 6 . 2 % to $ 1.45 billion .", "$ 1.45 billion", "MONEY", 1.45e9, "USD"),
    ("profit rose to hk $ 10.05 billion .", "hk $ 10.05 billion", "MONEY", 10.05e9, "HKD"),
    # extra spaces or a line break inside a figure
    ("Tax receipts came to 61.3 billion  lari in the year.", "61.3 billion  lari", "MONEY", 61.3e9, "GEL"),
    ("Remittances reached $2.7\nbillion in the first half.", "$2.7\nbillion", "MONEY", 2.7e9, "USD"),
    ("Unemployment eased to 6.1\npercent in March.", "6.1\npercent", "PERCENT", 6.1, "%"),
    ("Borrowing rose to 3.2\nbillion euros.", "3.2\nbillion euros", "MONEY", 3.2e9, "EUR"),
    # a dash glued to a figure, or after a year, is no part of it
    ("The deficit ratio was 4.1 percent—0.6 percentage points above target.", "4.1 percent", "PERCENT", 4.1, "%"),
    ("The deficit ratio was 4.1 percent—0.6 percentage points above target.", "0.6 percentage points", "PERCENT", 0.6, "pp"),
    ("Unemployment fell in 2019 – 5.2%, and in 2018 – 5.9%.", "5.2%", "PERCENT", 5.2, "%"),
    ("Unemployment fell in 2019 – 5.2%, and in 2018 – 5.9%.", "5.9%", "PERCENT", 5.9, "%"),
    ("Arrears rose in 2022—3.1 billion euros in all.", "3.1 billion euros", "MONEY", 3.1e9, "EUR"),
    ("Poland sold goods worth $5 billion to the euro area.", "$5 billion", "MONEY", 5e9, "USD"),
    ("Saudi reserves rose to 1.6 trillion riyals ($1 = 3.75 riyals).", "1.6 trillion riyals", "MONEY", 1.6e12, "SAR"),
]


@pytest.mark.parametrize("sentence,surface,label,value,unit", CASES, ids=[c[1] for c in CASES])
def test_figure(nlp, sentence, surface, label, value, unit):
    doc = nlp(sentence)
    found = {figure["text"]: figure for figure in doc._.figures}
    assert surface in found, f"figures found: {list(found)}"
    figure = found[surface]
    assert figure["label"] == label
    assert figure["unit"] == unit
    assert figure["value"] == pytest.approx(value, rel=1e-9)


# (sentence, hedge word, figure surface): hedges stay outside and are recorded as `approx`
HEDGES = [
    ("Output amounted to about $7.9 billion.", "about", "$7.9 billion"),
    ("Exports reached nearly 3 trillion tenge.", "nearly", "3 trillion tenge"),
    ("The share rose to more than 60 per cent.", "more than", "60 per cent"),
    ("Imports were over $2 billion.", "over", "$2 billion"),
    ("Returns came to plus 7 percent in the year.", "plus", "7 percent"),
    ("The poll has a margin of plus or minus 3%.", "plus or minus", "3%"),
]


@pytest.mark.parametrize("sentence,hedge,surface", HEDGES, ids=[h[2] for h in HEDGES])
def test_hedges_stay_outside(nlp, sentence, hedge, surface):
    doc = nlp(sentence)
    figure = next(f for f in doc._.figures if f["text"] == surface)
    assert figure["approx"] == hedge


# bare amounts: money where the context says so, nothing otherwise
BARE = [
    ("Production amounted to 7.5 trillion tenge (about 16.6 billion) in 2024.", "16.6 billion", "USD"),
    ("Sales rose to 12 billion marks from 10.4 billion a year earlier.", "10.4 billion", "DEM"),
    ("Revenue was 46.4 trillion tenge (about $102.5 billion), and the fund held 3 trillion tenge (about 6.6 billion).", "6.6 billion", "USD"),
    ("Oman spent 11.2 billion rials in 2024, against 10.8 billion rials a year before, and raised 1.1 billion rials of debt.\n"
     "Gas revenue came to 2.3 billion in the year.", "2.3 billion", "OMR"),
]


@pytest.mark.parametrize("sentence,surface,unit", BARE, ids=[b[1] for b in BARE])
def test_bare_amounts_take_the_implied_currency(nlp, sentence, surface, unit):
    doc = nlp(sentence)
    figure = next(f for f in doc._.figures if f["text"] == surface)
    assert (figure["label"], figure["unit"]) == ("MONEY", unit)


def test_a_bare_count_in_an_article_of_one_currency_is_no_money(nlp):
    text = "Oman spent 11.2 billion rials in 2024 and 10.8 billion rials in 2023 on 1.1 billion rials of imports. The number of visitors rose to 3.9 million."
    assert "3.9 million" not in [figure["text"] for figure in nlp(text)._.figures]


NOT_FIGURES = [
    "The country has 19.6 million people and 2.7 million hectares of wheat.",
    "Gas output reached 53 billion cubic metres (about 1.9 trillion cubic feet).",
    "The meeting was held three times a year in 2023.",
    "The council meets twice a year, and the panel met two times in May.",
    "Double-digit growth filled every double room in town.",
    "The striker scored twice as the hosts won, doubling it to three late on.",
    "The 2023 edition drew 1,300 members.",
    "Traffic on the N2 motorway and the T5 terminal rose after the K2 expedition.",
    "The R2 of the model was 0.8, and the N95 mask stocks were checked.",
    # exchange rates are not annotated
    "Amounts are converted at $1 = 3.75 riyals throughout.",
    "The tenge ended the week at 512 tenge to the US dollar.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_no_money_or_percent_without_a_unit(nlp, sentence):
    doc = nlp(sentence)
    assert [f["text"] for f in doc._.figures] == []


# (sentence, range surface, low, high, unit): `between A and B` is one range figure, `between` outside it
BETWEEN = [
    ("The bank sees inflation between 14% and 15% by December.", "14% and 15%", 14.0, 15.0, "%"),
    ("Growth of between 3 and 4 percent is forecast for 2026.", "3 and 4 percent", 3.0, 4.0, "%"),
    ("Inflows of between $3 billion and $3.5 billion are expected.", "$3 billion and $3.5 billion", 3e9, 3.5e9, "USD"),
    ("Tax arrears of between 2 and 3 million tenge were written off.", "2 and 3 million tenge", 2e6, 3e6, "KZT"),
]


@pytest.mark.parametrize("sentence,surface,low,high,unit", BETWEEN, ids=[b[1] for b in BETWEEN])
def test_between_ranges(nlp, sentence, surface, low, high, unit):
    (figure,) = nlp(sentence)._.figures
    assert (figure["text"], figure["low"], figure["high"], figure["unit"]) == (surface, low, high, unit)
    assert figure["value"] == pytest.approx((low + high) / 2)


def test_between_two_years_is_no_range(nlp):
    assert [figure["text"] for figure in nlp("Between 2022 and 2023 exports rose 5% and imports 3%.")._.figures] == ["5%", "3%"]


def test_an_ordinal_is_never_the_number_of_a_figure(nlp):
    assert [(f["text"], f["value"]) for f in nlp("He became the first £100 player, and a second $5 billion tranche followed.")._.figures] == [
        ("£100", 100.0),
        ("$5 billion", 5e9),
    ]


# (text, figure surface, unit): a sign or word that several currencies share, read from the article
SHARED = [
    ("Exports rose to C$60.6 billion in August. The surplus with the United States narrowed to $6.4 billion.", "$6.4 billion", "CAD"),
    ("The fine is 10.5 million Australian dollars ($7.5 million) at most.", "$7.5 million", "USD"),
    ("In Alberta, the heavy oil discount peaked at $52 a barrel in October.", "$52", "USD"),
    ("Morocco's car exports reached 38.9 billion dirhams in the first half.", "38.9 billion dirhams", "MAD"),
    ("Dubai's non-oil trade reached 1.2 trillion dirhams last year.", "1.2 trillion dirhams", "AED"),
    ("China's exports to the EU rose to ¥2.17 trillion in October.", "¥2.17 trillion", "CNY"),
    ("Japan's exports rose to ¥9.1 trillion in October.", "¥9.1 trillion", "JPY"),
    # one-letter signs glued to the number: money only where the article's country or figures say which
    ("Nigeria's federal budget for 2026 is N54.9tn, up from N49.7 trillion.", "N54.9tn", "NGN"),
    ("Nigeria's federal budget for 2026 is N54.9tn, up from N49.7 trillion.", "N49.7 trillion", "NGN"),
    ("Lagos traders paid 800 billion naira in levies and N120 billion in fees.", "N120 billion", "NGN"),
    ("Kazakhstan plans to spend T2.4 trillion on housing next year.", "T2.4 trillion", "KZT"),
    ("Zambia's mining royalties rose to K9.6 billion in 2024.", "K9.6 billion", "ZMW"),
    ("Malawi's treasury expects K1.2 trillion in domestic revenue.", "K1.2 trillion", "MWK"),
    ("South Africa's Treasury raised R12 billion from the bond auction.", "R12 billion", "ZAR"),
    ("The Kenyan government borrowed KSh45bn from local banks.", "KSh45bn", "KES"),
]


@pytest.mark.parametrize("text,surface,unit", SHARED, ids=[s[1] + "-" + s[2] for s in SHARED])
def test_shared_currency_signs_are_read_from_the_article(nlp, text, surface, unit):
    found = {figure["text"]: figure["unit"] for figure in nlp(text)._.figures}
    assert found[surface] == unit


# (text, figure surface, unit, unit_assumed): a bare `$` or `dollars` takes the currency of the country the
# article reports on (its places, organisations and currency names); US dollars only where it says none
HOME_CURRENCY = [
    ("WELLINGTON - Dairy exports earned $1.9 billion in March, Stats NZ said.", "$1.9 billion", "NZD", True),
    ("The Reserve Bank of Australia left rates on hold; household credit grew to $2.4 trillion.", "$2.4 trillion", "AUD", True),
    ("The Canadian dollar firmed after the federal deficit shrank to $40 billion.", "$40 billion", "CAD", True),
    ("Singapore's non-oil domestic exports rose to 15 billion dollars in May.", "15 billion dollars", "SGD", True),
    ("Mexico's remittance inflows reached $5.6 billion in June.", "$5.6 billion", "MXN", True),
    ("Kazakhstan's exports to Canada reached $50 million, and Kazakhstan's imports $80 million.", "$50 million", "USD", True),
    ("Germany's exporters sold machinery worth $3 billion to Brazil.", "$3 billion", "USD", True),
    ("Canada's budget deficit narrowed to US$12 billion, officials in Ottawa said.", "US$12 billion", "USD", False),
    ("Australia's exporters earned USD 4 billion from coal in May.", "USD 4 billion", "USD", False),
    ("Holdings of bonds in Canadian dollars reached $90 billion worldwide.", "$90 billion", "USD", True),
    ("In Queensland, thermal coal fetched $130 a tonne in August.", "$130", "USD", True),
    ("Kazakhstan's budget revenue rose to 9.1 trillion tenge in 2024.", "9.1 trillion tenge", "KZT", False),
]


@pytest.mark.parametrize("text,surface,unit,assumed", HOME_CURRENCY, ids=[h[1] + "-" + h[2] for h in HOME_CURRENCY])
def test_a_bare_dollar_takes_the_home_currency(nlp, text, surface, unit, assumed):
    found = {figure["text"]: (figure["unit"], figure["unit_assumed"]) for figure in nlp(text)._.figures}
    assert found[surface] == (unit, assumed)


def test_an_amount_read_as_money_from_its_context_is_assumed(nlp):
    doc = nlp("Revenue reached 7.5 trillion tenge (about 16.6 billion) in 2023.")
    assert [(f["text"], f["unit"], f["unit_assumed"]) for f in doc._.figures] == [
        ("7.5 trillion tenge", "KZT", False),
        ("16.6 billion", "USD", True),
    ]


# (sentence, range surface, low, high): `A to B unit` is a range unless `from` opens it (a change) or A is not below B
TO_RANGES = [
    ("Growth is seen at 4.0 to 4.8 per cent this year.", "4.0 to 4.8 per cent", 4.0, 4.8),
    ("The bank may cut rates by 25 to 50 basis points.", "25 to 50 basis points", 0.25, 0.5),
]


@pytest.mark.parametrize("sentence,surface,value,low,high", [
    ("The bank targets inflation of 5±1% by 2027.", "5±1%", 5.0, 4.0, 6.0),
    ("The output gap is 1.5 ± 0.5 percent.", "1.5 ± 0.5 percent", 1.5, 1.0, 2.0),
])
def test_tolerances(nlp, sentence, surface, value, low, high):
    (figure,) = nlp(sentence)._.figures
    assert (figure["text"], figure["value"], figure["low"], figure["high"]) == (surface, value, low, high)


@pytest.mark.parametrize("sentence,surface,low,high", TO_RANGES, ids=[r[1] for r in TO_RANGES])
def test_to_ranges(nlp, sentence, surface, low, high):
    (figure,) = nlp(sentence)._.figures
    assert (figure["text"], figure["low"], figure["high"]) == (surface, low, high)


@pytest.mark.parametrize("sentence,surface", [
    ("Exports in 2023 to 5 billion dollars, officials said.", "5 billion dollars"),
    ("Output rose from 2019 to 5 percent above its level.", "5 percent"),
])
def test_years_are_no_ranges(nlp, sentence, surface):
    assert [figure["text"] for figure in nlp(sentence)._.figures] == [surface]


# `from A to B unit` is a change: two figures, the bare start taking the end's unit and scale
FROM_TO = [
    ("Inflation rose from 2.5 to 3 percent in May.", [("2.5", 2.5, "%"), ("3 percent", 3.0, "%")]),
    ("The share of food fell from 41.3 to 38.6 per cent.", [("41.3", 41.3, "%"), ("38.6 per cent", 38.6, "%")]),
    ("Reserves grew from 12.4 to 15.1 billion dollars.", [("12.4", 12.4e9, "USD"), ("15.1 billion dollars", 15.1e9, "USD")]),
]


@pytest.mark.parametrize("sentence,expected", FROM_TO, ids=[f[1][1][0] for f in FROM_TO])
def test_from_to_is_two_figures(nlp, sentence, expected):
    assert [(f["text"], f["value"], f["unit"]) for f in nlp(sentence)._.figures] == expected


# (sentence, range surface, value, unit, low, high): a range is one figure whatever its shape, its scale and currency
# read on both ends where they are written once (`$400 to $500 million`: 4e8 to 5e8); midpoint value, low and high
RANGES = [
    # money: a shared scale or currency, written once
    ("The buyer is ready to pay $400 to $500 million for the stake.", "$400 to $500 million", 4.5e8, "USD", 4e8, 5e8),
    ("Analysts put the write-down at 400 to 500 million dollars.", "400 to 500 million dollars", 4.5e8, "USD", 4e8, 5e8),
    ("Analysts put the write-down at 400 million to 500 million dollars.", "400 million to 500 million dollars", 4.5e8, "USD", 4e8, 5e8),
    ("The bond sale should bring in US$400 million to 500 million.", "US$400 million to 500 million", 4.5e8, "USD", 4e8, 5e8),
    ("The lender will need KZT 3-4 bn of fresh capital.", "KZT 3-4 bn", 3.5e9, "KZT", 3e9, 4e9),
    # the low end's own scale, a step down, goes unwritten
    ("The new terminal will cost $800 to $1.2 billion.", "$800 to $1.2 billion", 1e9, "USD", 8e8, 1.2e9),
    ("Spending of between 800 and 1.2 trillion tenge is planned.", "800 and 1.2 trillion tenge", 1e12, "KZT", 8e11, 1.2e12),
    ("The subsidy scheme will cost 3 to 4 trillion tenge a year.", "3 to 4 trillion tenge", 3.5e12, "KZT", 3e12, 4e12),
    ("Bankers expect the listing to raise between $2 and $3 billion.", "$2 and $3 billion", 2.5e9, "USD", 2e9, 3e9),
    ("The rail link needs between 20 and 30 billion rubles.", "20 and 30 billion rubles", 2.5e10, "RUB", 2e10, 3e10),
    ("The utility needs between 2 billion and 3 billion euros.", "2 billion and 3 billion euros", 2.5e9, "EUR", 2e9, 3e9),
    ("The yard expects between $2 billion and 3 billion in orders.", "$2 billion and 3 billion", 2.5e9, "USD", 2e9, 3e9),
    ("Bids for the licence ranged from 1.5 to 2 billion euros.", "1.5 to 2 billion euros", 1.75e9, "EUR", 1.5e9, 2e9),
    ("A new terminal would cost from 1.5 to 2 billion euros.", "1.5 to 2 billion euros", 1.75e9, "EUR", 1.5e9, 2e9),
    # money: each end written in full, with no change before it
    ("The port upgrade is budgeted at $400 million to $500 million.", "$400 million to $500 million", 4.5e8, "USD", 4e8, 5e8),
    ("Brokers value the unit at €1.5bn to €2bn.", "€1.5bn to €2bn", 1.75e9, "EUR", 1.5e9, 2e9),
    ("Estimates of the damage range from $1.5 billion to $2 billion.", "$1.5 billion to $2 billion", 1.75e9, "USD", 1.5e9, 2e9),
    # money: a dash between the ends, the unit repeated and glued
    ("Engineers put the refinery's cost at $400-$500 million.", "$400-$500 million", 4.5e8, "USD", 4e8, 5e8),
    ("Engineers put the refinery's cost at $400m-$500m.", "$400m-$500m", 4.5e8, "USD", 4e8, 5e8),
    ("The tender is worth $400 million-$500 million.", "$400 million-$500 million", 4.5e8, "USD", 4e8, 5e8),
    ("The carmaker will invest €1.5bn–€2bn in Spain.", "€1.5bn–€2bn", 1.75e9, "EUR", 1.5e9, 2e9),
    ("The merger saves £2 billion-£3 billion a year.", "£2 billion-£3 billion", 2.5e9, "GBP", 2e9, 3e9),
    ("The fund will raise 2bn-3bn euros this year.", "2bn-3bn euros", 2.5e9, "EUR", 2e9, 3e9),
    ("The fund will raise 2 billion-3 billion euros this year.", "2 billion-3 billion euros", 2.5e9, "EUR", 2e9, 3e9),
    # percent
    ("Economists see growth of 2-3% next year.", "2-3%", 2.5, "%", 2.0, 3.0),
    ("The economy should expand by 2 to 3 percent.", "2 to 3 percent", 2.5, "%", 2.0, 3.0),
    ("Wages are set to grow between 2% and 3% in 2026.", "2% and 3%", 2.5, "%", 2.0, 3.0),
    ("Output is forecast to grow 2.5–3.0 per cent.", "2.5–3.0 per cent", 2.75, "%", 2.5, 3.0),
    ("The bank sees core inflation at 2%-3% by the end of 2026.", "2%-3%", 2.5, "%", 2.0, 3.0),
    ("The bank sees core inflation at 2%–3% by the end of 2026.", "2%–3%", 2.5, "%", 2.0, 3.0),
    ("Growth is seen at 2% to 3% over the next two years.", "2% to 3%", 2.5, "%", 2.0, 3.0),
    ("Prices in May were 2 percent to 3 percent higher.", "2 percent to 3 percent", 2.5, "%", 2.0, 3.0),
    ("Analysts expect a rise of 4% to 5% in exports.", "4% to 5%", 4.5, "%", 4.0, 5.0),
    ("The bank targets inflation of 4±2% in the medium term.", "4±2%", 4.0, "%", 2.0, 6.0),
]


@pytest.mark.parametrize("sentence,surface,value,unit,low,high", RANGES, ids=[r[1] for r in RANGES])
def test_ranges_are_one_figure(nlp, sentence, surface, value, unit, low, high):
    (figure,) = nlp(sentence)._.figures
    assert (figure["text"], figure["unit"], figure["low"], figure["high"]) == (surface, unit, low, high)
    assert figure["value"] == pytest.approx(value, rel=1e-9)


def test_a_hedge_before_a_range_stays_outside(nlp):
    (figure,) = nlp("The government will spend about $400 to $500 million on dams.")._.figures
    assert (figure["text"], figure["approx"], figure["low"], figure["high"]) == ("$400 to $500 million", "about", 4e8, 5e8)


# (sentence, [(surface, value), ...]): a change from a level to a level, a change then a level, or two amounts
# stay two figures; an end written without the other's scale still takes it (`from $400 to $500 million`)
NOT_RANGES = [
    ("Exports rose from $1.5 billion to $2 billion last year.", [("$1.5 billion", 1.5e9), ("$2 billion", 2e9)]),
    ("Core inflation fell 2% to 3% in May.", [("2%", 2.0), ("3%", 3.0)]),
    ("Imports increased by $400 million to $500 million.", [("$400 million", 4e8), ("$500 million", 5e8)]),
    ("The jobless rate rose 0.5% to 6% in the quarter.", [("0.5%", 0.5), ("6%", 6.0)]),
    ("The central bank raised its inflation target from 4% to 5%.", [("4%", 4.0), ("5%", 5.0)]),
    ("Reserves climbed from $400 to $500 million.", [("$400", 4e8), ("$500 million", 5e8)]),
    ("Reserves climbed from $800 to $1.2 billion.", [("$800", 8e8), ("$1.2 billion", 1.2e9)]),
    ("Output rose from 2019 to 5 billion dollars by 2023.", [("5 billion dollars", 5e9)]),
    ("Growth is forecast to slow in 2024-25 to 6.6 per cent.", [("6.6 per cent", 6.6)]),
    ("The surplus shrank from 400 million to 500 million dollars.", [("400 million", 4e8), ("500 million dollars", 5e8)]),
    ("Exports to China were $2 and $3 billion in the two years.", [("$2", 2e9), ("$3 billion", 3e9)]),
    ("The deficit was $500 million to $400 million, officials said.", [("$500 million", 5e8), ("$400 million", 4e8)]),
    ("Sales rose 1.8% and 2.4%, respectively.", [("1.8%", 1.8), ("2.4%", 2.4)]),
]


@pytest.mark.parametrize("sentence,expected", NOT_RANGES, ids=[n[0] for n in NOT_RANGES])
def test_changes_and_pairs_are_no_ranges(nlp, sentence, expected):
    figures = nlp(sentence)._.figures
    assert [(f["text"], f["value"]) for f in figures] == expected
    assert all(f["low"] is None for f in figures)


def test_figure_entities_are_replaced_as_setting_every_entity_would(nlp):
    """Writing only the figure entities leaves every token as `doc.set_ents` with all entities (the default outside)
    would: a trimmed figure (`$ 70 -`), one read from its end (`2023 5 billion tenge`), a range and the places."""
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
    from spacy.tokens import Span

    text = (
        "Kazakhstan's exports rose to $ 70 - in Almaty, and 2023 5 billion tenge went to roads; "
        "between $2 and $3 billion was lent, up 4%-5% from 2022."
    )
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name == "figure_normalizer":
            break
        pipe(doc)
    normalizer = nlp.get_pipe("figure_normalizer")
    readings = normalizer.find(doc)
    expected = doc.copy()
    others = [ent for ent in expected.ents if ent.label_ not in ("MONEY", "PERCENT", "AMOUNT")]
    figures = [Span(expected, span.start, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id) for span, _ in readings]
    expected.set_ents(sorted([*others, *figures], key=lambda span: span.start), default="outside")
    before = {ent.start for ent in doc.ents}
    normalizer.set_annotations(doc, readings)
    attrs = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    assert others and before != {ent.start for ent in doc.ents}
    assert doc.to_array(attrs).tolist() == expected.to_array(attrs).tolist()
