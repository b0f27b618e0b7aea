"""Relations on real-style sentences: each figure's indicator, period, region, equivalent and base.

One row per (text, figure): the fields of that figure's row in `doc._.facts` that the row
names, and only those. What is right follows shared/spec/annotations.md ("Relation labels")
and the rules of components/relations.py; a row the pipeline gets wrong stays in the table,
marked xfail with what goes wrong.
"""
from __future__ import annotations

from typing import Any

import pytest

FIELDS = ("indicator", "period", "region", "equals", "compared_to", "kind", "direction")


def row(case_id: str, text: str, surface: str, **expected: Any):
    """A case: in `text`, the fact of figure `surface` has the `expected` fields."""
    assert set(expected) <= set(FIELDS), f"{case_id}: unknown fields {set(expected) - set(FIELDS)}"
    return pytest.param(text, surface, expected, id=case_id)


def wrong(reason: str, case_id: str, text: str, surface: str, **expected: Any):
    """A case the pipeline gets wrong today (strict: it fails the suite once it passes)."""
    assert set(expected) <= set(FIELDS), f"{case_id}: unknown fields {set(expected) - set(FIELDS)}"
    return pytest.param(text, surface, expected, id=case_id, marks=pytest.mark.xfail(reason=reason, strict=True))


# Texts used by several rows (one figure a row).
KG_SECTORS = (
    "BISHKEK, Kyrgyzstan, June 14. Industrial production in Kyrgyzstan grew in January-May 2024 in several "
    "sectors: metallurgy - 10.6 percent, mechanical engineering - 23.4 percent, textiles - 7.9 percent."
)
KZ_SECTORS = (
    "ASTANA, Kazakhstan, May 15. Manufacturing output in Kazakhstan rose in January-April 2024, with "
    "pharmaceuticals - 31.2 percent, light industry - 12.5 percent and furniture - 8.3 percent."
)
KZ_REGIONS_INDEX = (
    "ASTANA, Kazakhstan, May 20. The industrial production index was highest in Ulytau region (118.4 percent), "
    "Zhambyl region (112.7 percent) and Kostanay region (108.3 percent) in January-April 2024."
)
UZ_REGIONS_RETAIL = (
    "TASHKENT, Uzbekistan, July 22. Retail trade turnover in January-June 2024 amounted to 8.4 trillion soums in "
    "Samarkand region, 7.1 trillion soums in Fergana region and 5.9 trillion soums in Bukhara region."
)
KZ_REGIONS_DASH = (
    "ASTANA, Kazakhstan, May 15. Investment in fixed assets was highest in Almaty - 1.9 trillion tenge, "
    "Astana - 1.4 trillion tenge and Atyrau region - 1.2 trillion tenge in January-April 2024."
)
UZ_PARAGRAPHS = (
    "TASHKENT, Uzbekistan, April 10. Uzbekistan's exports amounted to $6.1 billion in January-March 2024. "
    "Gold exports totaled $1.9 billion.\n\nImports reached $8.4 billion, according to the agency."
)
MN_PARAGRAPHS = (
    "ULAANBAATAR, Mongolia, July 15. Mongolia's exports totaled $9.2 billion in January-June 2024. "
    "Coal exports rose by 12.5 percent.\n\nImports grew by 8.3 percent."
)
GE_LINES = (
    "Georgia's exports rose 7.2 percent to $1.4 billion in January-April 2024.\n"
    "Imports grew by 3.1 percent.\nRemittances reached $410 million in the same months."
)
KZ_PARAGRAPHS = (
    "ASTANA, Kazakhstan, April 20. Kazakhstan's retail trade turnover reached 9.1 trillion tenge in "
    "January-March 2024.\n\nThe government plans to allocate 300 billion tenge to support small businesses."
)
AZ_TRADE_BRACKET = (
    "BAKU, Azerbaijan, July 30. Azerbaijan's foreign trade turnover fell by 12.3 percent from the same period "
    "of 2023 ($26.2 billion), amounting to $23 billion in January-June 2024."
)
KZ_OIL_SHARE = (
    "ASTANA, Kazakhstan, April 10. In the oil sector, output amounted to 5.1 trillion tenge (52.3 percent of "
    "the total), and in the gas sector it was 1.2 trillion tenge."
)
UZ_INFLATION_MAY = (
    "Annual inflation in Uzbekistan slowed to 8.4 percent in June from 8.5 percent in May, the Central Bank "
    "said in a statement on Monday."
)
KZ_INFLATION = (
    "ASTANA, Kazakhstan, August 2. Annual inflation in Kazakhstan eased to 8.4% in July from 8.6% in June, "
    "the National Bank said."
)

CASES = [
    # --- indicator named before the figure: `X amounted to / reached / totaled N` ---
    row("before-totaled", "Tajikistan's foreign trade turnover totaled $3.7 billion in the first half of 2024, "
        "according to the Statistics Agency under the President.",
        "$3.7 billion", indicator="foreign trade turnover", period="the first half of 2024", region="Tajikistan"),
    row("before-reached", "BISHKEK, Kyrgyzstan, August 5. Kyrgyzstan's gross domestic product reached "
        "611.4 billion soms in January-June 2024.",
        "611.4 billion soms", indicator="gross domestic product", period="January-June 2024", region="Kyrgyzstan"),
    row("before-amounted", "BAKU, Azerbaijan, April 24. Azerbaijan's state budget revenues amounted to "
        "7.2 billion manat in Q1 2024.",
        "7.2 billion manat", indicator="state budget revenues", period="Q1 2024", region="Azerbaijan"),
    row("before-totaled-in-place", "ASTANA, Kazakhstan, July 10. Tax revenues in Kazakhstan totaled 7.9 trillion tenge "
        "in the first half of 2024.",
        "7.9 trillion tenge", indicator="Tax revenues", period="the first half of 2024", region="Kazakhstan"),
    # --- indicator right after the figure: `$5 billion in exports`, `N was recorded in X` ---
    row("after-in-exports", "BAKU, Azerbaijan, July 25. Azerbaijan recorded $13.9 billion in exports in "
        "January-June 2024, the State Customs Committee said.",
        "$13.9 billion", indicator="exports", period="January-June 2024", region="Azerbaijan"),
    row("after-in-remittances", "BISHKEK, Kyrgyzstan, August 14. Kyrgyzstan received $1.2 billion in remittances "
        "in the first half of 2024.",
        "$1.2 billion", indicator="remittances", period="the first half of 2024", region="Kyrgyzstan"),
    row("after-of-fdi", "DUSHANBE, Tajikistan, March 2. Tajikistan attracted $420 million of foreign direct "
        "investment in 2023.",
        "$420 million", indicator="foreign direct investment", period="2023", region="Tajikistan"),
    row("after-was-recorded-in", "ASTANA, Kazakhstan, August 14. Growth of 7.2 percent was recorded in "
          "industrial production in the first half of 2024.",
          "7.2 percent", indicator="industrial production", period="the first half of 2024"),
    row("after-was-recorded-in-place", "ASTANA, Kazakhstan, August 14. An increase of 12.1 percent was recorded "
          "in retail trade turnover in Almaty in January-July 2024.",
          "12.1 percent", indicator="retail trade turnover", region="Almaty", period="January-July 2024"),
    # --- lists after an indicator: every item takes the indicator named before the list ---
    row("list-dash-first", KG_SECTORS, "10.6 percent",
        indicator="Industrial production", period="January-May 2024", region="Kyrgyzstan"),
    row("list-dash-middle", KG_SECTORS, "23.4 percent",
        indicator="Industrial production", period="January-May 2024", region="Kyrgyzstan"),
    row("list-dash-last", KG_SECTORS, "7.9 percent",
        indicator="Industrial production", period="January-May 2024", region="Kyrgyzstan"),
    row("list-with-first", KZ_SECTORS, "31.2 percent",
        indicator="Manufacturing output", period="January-April 2024", region="Kazakhstan"),
    row("list-with-last", KZ_SECTORS, "8.3 percent",
        indicator="Manufacturing output", period="January-April 2024", region="Kazakhstan"),
    # --- regions in lists: each figure to its own place ---
    row("regions-brackets-first", KZ_REGIONS_INDEX, "118.4 percent",
        region="Ulytau", indicator="industrial production index", period="January-April 2024"),
    row("regions-brackets-middle", KZ_REGIONS_INDEX, "112.7 percent",
        region="Zhambyl", indicator="industrial production index", period="January-April 2024"),
    row("regions-brackets-last", KZ_REGIONS_INDEX, "108.3 percent",
        region="Kostanay", indicator="industrial production index", period="January-April 2024"),
    row("regions-in-first", UZ_REGIONS_RETAIL, "8.4 trillion soums",
        region="Samarkand", indicator="Retail trade turnover", period="January-June 2024"),
    row("regions-in-middle", UZ_REGIONS_RETAIL, "7.1 trillion soums",
        region="Fergana", indicator="Retail trade turnover", period="January-June 2024"),
    row("regions-in-last", UZ_REGIONS_RETAIL, "5.9 trillion soums",
        region="Bukhara", indicator="Retail trade turnover", period="January-June 2024"),
    row("regions-dash-city", KZ_REGIONS_DASH, "1.4 trillion tenge",
        region="Astana", indicator="Investment in fixed assets", period="January-April 2024"),
    row("regions-dash-region", KZ_REGIONS_DASH, "1.2 trillion tenge",
        region="Atyrau", indicator="Investment in fixed assets", period="January-April 2024"),
    # --- equivalents: the second figure EQUALS the first and shares its indicator, period, place ---
    row("equals-or-about", "ASTANA, Kazakhstan, April 20. Kazakhstan's oil and gas condensate exports brought "
        "4.12 trillion tenge, or about $9.1 billion, in the first quarter of 2024.",
        "$9.1 billion", equals="4.12 trillion tenge", indicator="oil and gas condensate exports", period="the first quarter of 2024",
        region="Kazakhstan"),
    row("equals-code-brackets", "ASTANA, Kazakhstan, May 3. Kazakhstan's budget revenues totaled KZT 2.9 trillion "
        "(about $6.4 billion) in Q1 2024.",
        "$6.4 billion", equals="KZT 2.9 trillion", indicator="budget revenues", period="Q1 2024", region="Kazakhstan"),
    row("equals-or-some-lari", "TBILISI, Georgia, April 19. Georgia's exports reached 1.6 billion lari, or some "
        "$590 million, in the first quarter of 2024.",
        "$590 million", equals="1.6 billion lari", indicator="exports", period="the first quarter of 2024",
        region="Georgia"),
    row("equals-first-has-none", "ASTANA, Kazakhstan, May 3. Kazakhstan's budget revenues totaled KZT 2.9 trillion "
        "(about $6.4 billion) in Q1 2024.",
        "KZT 2.9 trillion", equals=None, indicator="budget revenues", period="Q1 2024"),
    row("equals-not-same-currency", "TASHKENT, Uzbekistan, April 10. Uzbekistan's exports reached $6.1 billion in "
        "Q1 2024, and imports totaled $8.3 billion.",
        "$8.3 billion", equals=None, indicator="imports", period="Q1 2024", region="Uzbekistan"),
    row("equals-not-a-ratio", "ASTANA, Kazakhstan, April 10. The state budget deficit amounted to 1.2 trillion "
        "tenge, or 0.9 percent of GDP, in Q1 2024.",
        "0.9 percent", equals=None),
    # --- back-references: `it was N` takes the indicator named earlier ---
    row("backref-it-was", "ASTANA, Kazakhstan, April 10. In agriculture, gross output amounted to 1.4 trillion "
        "tenge in January-March 2024, and in construction it was 1.23 trillion tenge.",
        "1.23 trillion tenge", indicator="gross output", period="January-March 2024"),
    row("backref-they-were", "TASHKENT, Uzbekistan, April 20. Tax revenues reached 52.3 trillion soums in the "
        "first half of 2024, while a year earlier they were 44.7 trillion soums.",
        "44.7 trillion soums", indicator="Tax revenues", period="a year earlier"),
    row("backref-share-next-sentence", "BISHKEK, Kyrgyzstan, April 10. Gross domestic product of Kyrgyzstan "
        "reached 301.2 billion soms in January-March 2024. Services made up 48.4 percent of the total.",
        "48.4 percent", indicator="Gross domestic product", period="January-March 2024", region="Kyrgyzstan"),
    row("backref-share-of-them", "BAKU, Azerbaijan, April 20. Azerbaijan's non-oil exports reached $1.6 billion in "
        "Q1 2024. Agricultural products accounted for 31.5 percent of them.",
        "31.5 percent", indicator="non-oil exports", period="Q1 2024", region="Azerbaijan"),
    row("backref-share-crude-oil", "ASTANA, Kazakhstan, August 15. Kazakhstan's exports amounted to $40.1 billion "
          "in January-July 2024. Crude oil accounted for 54.2 percent of the total.",
          "54.2 percent", indicator="exports", period="January-July 2024", kind="share"),
    # --- carried within a paragraph, not across a paragraph break ---
    row("carry-period-region", UZ_PARAGRAPHS, "$1.9 billion",
        indicator="Gold exports", period="January-March 2024", region="Uzbekistan"),
    row("no-carry-after-break", UZ_PARAGRAPHS, "$8.4 billion", indicator="Imports", period=None, region=None),
    row("carry-period-change", MN_PARAGRAPHS, "12.5 percent",
        indicator="Coal exports", period="January-June 2024", region="Mongolia"),
    row("no-carry-change-after-break", MN_PARAGRAPHS, "8.3 percent", indicator="Imports", period=None, region=None),
    row("no-carry-after-line-break", GE_LINES, "3.1 percent", indicator="Imports", period=None, region=None),
    row("own-period-after-line-break", GE_LINES, "$410 million", indicator="Remittances", period="the same months", region=None),
    row("no-carry-indicator-after-break", KZ_PARAGRAPHS, "300 billion tenge", indicator=None, period=None),
    # --- comparisons ---
    # --- a figure fronted with its comma: the clause's subject after it is its indicator ---
    row("fronted-at", "At $2.7 billion, Tunisia's trade deficit was the narrowest in five years.",
        "$2.7 billion", indicator="trade deficit", region="Tunisia"),
    row("fronted-standing-at", "Standing at 58% of GDP, the country's public debt worries investors.",
        "58%", indicator="public debt"),
    # --- `over`: a base when it is shifted, matched or a bare year, or when the figure's own period came first ---
    row("over-stretch-is-own-period", "Cement output in Ethiopia rose 6.2% over the ten months of 2023.",
        "6.2%", period="the ten months of 2023", compared_to=None),
    row("over-opening-the-sentence", "Over the first nine months of 2024, Peru's copper exports climbed 11%.",
        "11%", period="the first nine months of 2024", compared_to=None),
    row("over-after-own-period", "Peru's copper exports climbed 11% in 2024 over the first half of 2023.",
        "11%", period="2024", compared_to="the first half of 2023"),
    row("over-matched-period", "Peru's copper exports climbed 11% over the same period of 2023.",
        "11%", period=None, compared_to="the same period of 2023"),
    row("over-bare-year", "Tea exports from Sri Lanka grew 4% over 2022.", "4%", compared_to="2022"),
    row("compared-to-year", "The economy of Kazakhstan grew by 5.1 percent in 2023 compared to 2022, according "
        "to the Bureau of National Statistics.",
        "5.1 percent", compared_to="2022", period="2023", kind="change", direction="up", region="Kazakhstan"),
    row("compared-with-year", "TASHKENT, Uzbekistan, January 20. In 2023, freight turnover in Uzbekistan grew by "
        "4.4 percent compared with 2022.",
        "4.4 percent", compared_to="2022", period="2023", kind="change", direction="up", region="Uzbekistan"),
    row("more-than-in", "BAKU, Azerbaijan, April 3. The country's non-oil exports amounted to $3.3 billion in "
        "2023, which is 6.1 percent more than in 2022.",
        "6.1 percent", compared_to="2022", period="2023", indicator="non-oil exports", kind="change", direction="up"),
    row("higher-than-in", "ASHGABAT, Turkmenistan, May 14. Turkmenistan's trade with Türkiye reached $1.2 billion "
        "in 2023, 9.4 percent higher than in 2022.",
        "9.4 percent", compared_to="2022", period="2023", region="Turkmenistan", kind="change", direction="up"),
    row("fell-from-bracketed-figure", AZ_TRADE_BRACKET, "12.3 percent",
        compared_to="$26.2 billion", indicator="foreign trade turnover", kind="change", direction="down"),
    row("bracketed-base-own-period", AZ_TRADE_BRACKET, "$26.2 billion",
        period="the same period of 2023", indicator="foreign trade turnover", compared_to=None),
    row("decreased-from-bracketed-figure", "BISHKEK, Kyrgyzstan, March 5. Kyrgyzstan's imports decreased by "
        "8.1 percent from the same period of 2023 ($2.1 billion).",
        "8.1 percent", compared_to="$2.1 billion", indicator="imports", region="Kyrgyzstan", kind="change",
        direction="down"),
    row("down-from-a-year-earlier", "DUSHANBE, Tajikistan, August 9. Tajikistan's industrial output totaled "
        "24.5 billion somoni in the first half of 2024, down 3.6% from a year earlier.",
        "3.6%", compared_to="a year earlier", period="the first half of 2024", kind="change", direction="down"),
    row("were-down-from-a-year-earlier", "ULAANBAATAR, Mongolia, October 2. Mongolia's copper concentrate exports "
        "were down 4.2% from a year earlier in January-August 2024.",
        "4.2%", compared_to="a year earlier", period="January-August 2024", region="Mongolia", direction="down"),
    row("compared-to-same-period-last-year", "BAKU, Azerbaijan, July 30. Azerbaijan's foreign trade turnover "
        "amounted to $23 billion in January-June 2024, down 12.3 percent compared to the same period last year.",
        "12.3 percent", compared_to="the same period last year", period="January-June 2024", kind="change",
        direction="down"),
    row("level-has-no-base", "BAKU, Azerbaijan, July 30. Azerbaijan's foreign trade turnover amounted to $23 billion "
        "in January-June 2024, down 12.3 percent compared to the same period last year.",
        "$23 billion", compared_to=None, kind="level", direction=None),
    # --- a forecast or perfect change verb: its subject is the indicator ---
    row("subject-of-forecast-to-grow", "Senegal's economy is forecast to grow 8.3% in 2025, the finance ministry said.",
        "8.3%", indicator="economy", region="Senegal", period="2025"),
    row("subject-of-modal", "Construction will shrink 2.5% this year, the builders' association warned.",
        "2.5%", indicator="Construction"),
    row("verb-after-to-is-no-modifier", "Ghana's government plans to raise capital spending by 14% next year.",
        "14%", indicator="capital spending"),
    row("subject-of-perfect", "The services sector has expanded 6.4% since 2021.", "6.4%", indicator="services sector"),
    # --- shares ---
    row("share-of-the-total", KZ_OIL_SHARE, "52.3 percent", kind="share", indicator="output", direction=None),
    row("share-accounted-for", "ASTANA, Kazakhstan, April 10. Investment in fixed assets in Kazakhstan reached "
        "2.8 trillion tenge in Q1 2024. Investment in the Atyrau region accounted for 17.9 percent of it.",
        "17.9 percent", kind="share", region="Atyrau", period="Q1 2024", direction=None),
    row("share-accounted-for-next-sentence", "BAKU, Azerbaijan, April 20. Azerbaijan's non-oil exports reached "
        "$1.6 billion in Q1 2024. Agricultural products accounted for 31.5 percent of them.",
        "31.5 percent", kind="share", direction=None),
    row("share-made-up", "BISHKEK, Kyrgyzstan, April 10. Gross domestic product of Kyrgyzstan reached "
        "301.2 billion soms in January-March 2024. Services made up 48.4 percent of the total.",
        "48.4 percent", kind="share", direction=None),
    row("share-accounts-for-present", "Public spending on pensions in Serbia accounts for 9.8 percent of GDP.",
        "9.8 percent", kind="share", indicator="Public spending on pensions", direction=None),
    row("level-after-share", KZ_OIL_SHARE, "1.2 trillion tenge", kind="level", indicator="output"),
    # --- partners are not the region; the reporting economy is ---
    row("partner-exports-to", "ASTANA, Kazakhstan, May 2. Kazakhstan's exports to China amounted to $4.1 billion "
        "in the first quarter of 2024, according to official data.",
        "$4.1 billion", region="Kazakhstan", indicator="exports"),
    row("partner-turnover-with", "TASHKENT, Uzbekistan, June 11. Uzbekistan's trade turnover with the EU reached "
        "$2.3 billion in January-April 2024.",
        "$2.3 billion", region="Uzbekistan", indicator="trade turnover"),
    row("partner-imports-from", "BISHKEK, Kyrgyzstan, July 8. Kyrgyzstan's imports from Russia totaled $1.4 billion "
        "in the first five months of 2024.",
        "$1.4 billion", region="Kyrgyzstan", indicator="imports", period="the first five months of 2024"),
    row("partner-only-exports-to", "TASHKENT, Uzbekistan, April 10. Exports to China reached $1.6 billion in "
        "January-March 2024, the Statistics Agency reported.",
        "$1.6 billion", region=None, indicator="Exports"),
    row("partner-only-turnover-with", "ASTANA, Kazakhstan, April 10. Trade turnover with the EU amounted to "
        "$10.3 billion in the first quarter of 2024.",
        "$10.3 billion", region=None, indicator="Trade turnover"),
    row("place-production-in", "ASTANA, Kazakhstan, April 10. Gold production in Kazakhstan fell by 4.1 percent in "
        "January-March 2024.",
        "4.1 percent", region="Kazakhstan", indicator="Gold production"),
    row("place-of", "ULAANBAATAR, Mongolia, March 1. Exports of Mongolia reached $15.2 billion in 2023, a record "
        "high for the country.",
        "$15.2 billion", region="Mongolia", indicator="Exports", period="2023"),
    row("partner-remittances-from-to", "TASHKENT, Uzbekistan, August 1. Remittances from Russia to Uzbekistan "
          "amounted to $5.6 billion in January-June 2024.",
          "$5.6 billion", region="Uzbekistan", indicator="Remittances"),
    wrong("the place after a partner (`investment from the UAE in Kazakhstan`) is not attached to the indicator",
          "partner-then-place", "ASTANA, Kazakhstan, August 14. The first half of 2024 saw $2.6 billion in "
          "investment from the United Arab Emirates in Kazakhstan.",
          "$2.6 billion", region="Kazakhstan", indicator="investment"),
    # --- datelines: the reporter's place and date are not the figure's ---
    row("dateline-place", "TASHKENT, Uzbekistan, July 18. Exports amounted to $12.4 billion, the agency said.",
        "$12.4 billion", region=None, indicator="Exports"),
    row("dateline-place-and-date", "ALMATY, Kazakhstan, March 25. Retail trade turnover totaled 6.1 trillion tenge, "
        "the statistics bureau said.",
        "6.1 trillion tenge", region=None, period=None),
    row("dateline-date-not-period", "ASTANA, Kazakhstan, February 12. Kazakhstan's gross domestic product increased "
        "by 5.1 percent compared to 2022, the Bureau of National Statistics reported.",
        "5.1 percent", period=None, region="Kazakhstan", compared_to="2022", kind="change", direction="up"),
    row("dateline-agency-dash", "ASTANA. KAZINFORM - Kazakhstan's industrial output rose by 4.3 percent in "
        "January-June 2024.",
        "4.3 percent", region="Kazakhstan", period="January-June 2024"),
    row("no-dateline-short-sentence", "Uzbekistan's exports amounted to $12.4 billion in January-June 2024.",
        "$12.4 billion", region="Uzbekistan", period="January-June 2024"),
    row("no-dateline-short-sentence-year", "Mongolia's coal exports reached $8.9 billion in 2023.",
        "$8.9 billion", region="Mongolia", indicator="coal exports"),
    # --- period forms ---
    row("period-june-last-year", "ASTANA, Kazakhstan, July 10. Kazakhstan's international reserves stood at "
        "$36.1 billion in June last year, the regulator said.",
        "$36.1 billion", period="June last year", indicator="international reserves"),
    row("period-since-start-leading", "TASHKENT, Uzbekistan, July 10. Since the beginning of the year, Uzbekistan "
        "has attracted $14.2 billion of foreign investment.",
        "$14.2 billion", period="Since the beginning of the year", region="Uzbekistan"),
    row("period-since-start-trailing", "BISHKEK, Kyrgyzstan, July 10. Kyrgyzstan has exported gold worth "
        "$1.1 billion since the beginning of the year.",
        "$1.1 billion", period="since the beginning of the year", region="Kyrgyzstan"),
    row("period-in-year-leading", "DUSHANBE, Tajikistan, July 10. In 2023, Tajikistan's GDP grew by 8.3 percent, "
        "reaching 130.8 billion somoni.",
        "130.8 billion somoni", period="2023", indicator="GDP", region="Tajikistan", kind="level"),
    row("period-first-nine-months", "TASHKENT, Uzbekistan, October 18. Uzbekistan's gold and foreign exchange "
        "reserves grew by $6.2 billion in the first nine months of 2024.",
        "$6.2 billion", period="the first nine months of 2024", region="Uzbekistan"),
    row("own-period-in-list-current", KZ_INFLATION, "8.4%", period="July", indicator="Annual inflation",
        region="Kazakhstan"),
    row("own-period-in-list-previous", KZ_INFLATION, "8.6%", period="June", indicator="Annual inflation",
        region="Kazakhstan"),
    row("own-period-june", UZ_INFLATION_MAY, "8.4 percent", period="June", indicator="Annual inflation"),
    row("own-period-may", UZ_INFLATION_MAY, "8.5 percent", period="May", indicator="Annual inflation"),
    row("change-and-level-share-period", "BISHKEK, Kyrgyzstan, April 10. Imports from Russia rose by 7.4 percent "
        "to $714 million in January-March 2024.",
        "7.4 percent", period="January-March 2024", kind="change", direction="up"),
    row("change-then-level-share-period", AZ_TRADE_BRACKET, "12.3 percent", period="January-June 2024"),
    row("level-after-change-own-period", AZ_TRADE_BRACKET, "$23 billion", period="January-June 2024",
        indicator="foreign trade turnover", region="Azerbaijan", equals=None),
    row("period-after-ratio-of-gdp", "ASTANA, Kazakhstan, April 10. The state budget deficit amounted to "
          "1.2 trillion tenge, or 0.9 percent of GDP, in Q1 2024.",
          "1.2 trillion tenge", period="Q1 2024", indicator="state budget deficit"),
    # --- kind and direction ---
    row("rose-to-is-a-level", "ASTANA, Kazakhstan, July 2. Annual inflation in Kazakhstan rose to 8.7% in June.",
        "8.7%", direction=None, kind="rate", period="June"),
    row("slowed-to-is-a-level", UZ_INFLATION_MAY, "8.4 percent", direction=None, kind="rate"),
    row("rose-by-points", "TASHKENT, Uzbekistan, July 2. The share of industry in Uzbekistan's GDP rose by "
        "0.5 percentage points in 2023.",
        "0.5 percentage points", kind="change", direction="up", period="2023"),
    row("declined-percent", "BAKU, Azerbaijan, July 2. Azerbaijan's oil exports declined 12.3 percent in "
        "January-May 2024.",
        "12.3 percent", kind="change", direction="down", indicator="oil exports"),
    row("contracted-by", "ASTANA, Kazakhstan, July 2. Kazakhstan's industrial output contracted by 2.1% in "
        "January-May 2024.",
        "2.1%", kind="change", direction="down"),
    row("grew-times", "TASHKENT, Uzbekistan, July 2. Uzbekistan's exports of fruit and vegetables grew 1.8 times "
        "in 2023.",
        "1.8 times", kind="change", direction="up", period="2023"),
    row("grew-by-times", "ASTANA, Kazakhstan, July 2. Kazakhstan's exports of wheat grew by 1.8 times in "
        "January-May 2024.",
        "1.8 times", kind="change", direction="up", region="Kazakhstan"),
    row("index-is-not-change", "ASTANA, Kazakhstan, March 20. The industrial production index in Kazakhstan was "
        "104.6 percent in January-February 2024.",
        "104.6 percent", kind="index", direction="up"),
    row("base-rate-is-a-rate", "ASTANA, Kazakhstan, March 25. The National Bank kept the base rate at "
        "14.75 percent, the regulator said.",
        "14.75 percent", kind="rate", direction=None, indicator="base rate"),
    row("level-reaching-after-change", "DUSHANBE, Tajikistan, July 10. In 2023, Tajikistan's GDP grew by 8.3 percent, "
        "reaching 130.8 billion somoni.",
        "8.3 percent", kind="change", direction="up"),
    row("it-was-after-increased-is-level", "ASTANA, Kazakhstan, April 10. In the oil refining sector, output "
          "increased over the quarter, and it was 1.12 trillion tenge in Q1 2024.",
          "1.12 trillion tenge", kind="level", direction=None, indicator="output"),
    row("hedged-change-reads-the-verb", "Copper exports jumped more than 12% in the first half of 2024.",
        "12%", kind="change", direction="up", compared_to=None),
    row("hedged-loss-and-its-relative-form", "The lender's shares lost more than 35% of their value in March, or more "
        "than $14 billion.", "35%", kind="change", direction="down", compared_to=None),
    row("relative-form-is-no-base", "The lender's shares lost more than 35% of their value in March, or more "
        "than $14 billion.", "$14 billion", direction="down", compared_to=None),
    row("more-than-after-a-figure-compares", "Tax receipts in May were 7.2% more than Rs 1.9 lakh crore a year ago.",
        "7.2%", kind="change", compared_to="Rs 1.9 lakh crore"),
    row("hedged-level-after-reporting-verb", "He added output would be over ₾40 billion in 2025, having doubled from "
        "₾20 billion in 2017.", "₾40 billion", kind="level", direction=None, compared_to=None),
    row("multiple-verb-says-its-direction", "He added output would be over ₾40 billion in 2025, having doubled from "
        "₾20 billion in 2017.", "doubled", kind="change", direction="up", compared_to="₾20 billion"),
    row("halved-is-down", "Wheat imports halved in 2024.", "halved", kind="change", direction="down"),
    row("added-before-a-figure-is-a-rise", "The stock index added 2.4% on Tuesday.", "2.4%", kind="change", direction="up"),
    row("level-reached-after-multiple-has-no-base", "Sales in Vietnam grew more than fivefold to $2.1 billion last year "
        "from 2015.", "$2.1 billion", kind="level", compared_to=None),
    row("multiple-with-base-year", "Sales in Vietnam grew more than fivefold to $2.1 billion last year from 2015.",
        "fivefold", kind="change", direction="up", compared_to="2015"),
    row("pushed-up-to-is-a-level", "Output fell 3%, pushing the jobless rate up to 5.4%.", "5.4%", kind="rate", direction=None),
    row("double-spaced-figure-and-period", "Public debt of Kyrgyzstan in the first  half of 2024 stood at 61.2 billion  som "
        "($700 million).", "$700 million", indicator="Public debt", period="the first  half of 2024", region="Kyrgyzstan",
        equals="61.2 billion  som"),
    row("relative-clause-on-an-aside-mention", "Household spending rose 2.1 per cent, mainly due to spending on recreation "
        "services, which increased by 8 per cent.", "8 per cent", indicator="spending on recreation services"),
    row("aside-mention-before-the-subject-figure", "Household spending rose 2.1 per cent, mainly due to spending on "
        "recreation services, which increased by 8 per cent.", "2.1 per cent", indicator="Household spending"),
    row("growth-as-object-of-its-quantity", "Imports sharply accelerated growth from 3.1% to 9.4% in March.", "9.4%",
        indicator="Imports", period="March"),
    row("growth-as-the-only-noun", "The central bank projects growth of 4.2% in 2025.", "4.2%", indicator="growth"),
    row("recorded-in-past-a-determiner", "In 2023, 4.1% growth was registered in the retail trade turnover.", "4.1%",
        indicator="retail trade turnover"),
    row("for-mention-right-before-the-figure", "By type of tax, receipts rose: for corporate income tax +11.2% yoy, for "
        "personal income tax +6.4% yoy.", "+6.4%", indicator="personal income tax"),
    row("equivalent-of-a-change-shares-its-base-period", "Budget receipts were 820 billion tenge ($1.8 billion) higher than "
        "in the same period of 2023.", "$1.8 billion", kind="change", compared_to="the same period of 2023",
        equals="820 billion tenge"),
    row("equivalent-compared-with-the-base-equivalent", "Public spending rose by 150 billion som ($1.7 billion) "
        "from 310 billion som ($3.6 billion) in 2021.", "$1.7 billion", kind="change", direction="up",
        compared_to="$3.6 billion"),
    row("yoy-change-takes-a-carried-base-period", "Retail sales reached $9.1 billion, a 6.2 percent increase compared to "
        "the same period in 2023. Online sales grew by 14.8 percent year-on-year.", "14.8 percent", kind="change",
        compared_to="the same period in 2023"),
    row("above-the-level-in-a-period", "New export orders were 3% above the level in the first quarter.", "3%",
        kind="change", direction="up", compared_to="the first quarter", period=None),
    row("month-of-a-document-is-no-period", "The state posted a surplus of A$2.4 billion in 2024-25, some A$300 million "
        "more than forecast in the June budget.", "A$300 million", period="2024-25", compared_to=None),
    # --- indicator shapes: open modifiers, hyphen compounds, what was traded as an `of` complement ---
    row("indicator-compound-term", "The central bank raised its short-term policy rate by 25 basis points to 0.75% in July.",
        "0.75%", indicator="short-term policy rate", period="July"),
    row("indicator-number-compound", "12-month inflation eased to 31.8% in August 2025.",
        "31.8%", indicator="12-month inflation", period="August 2025"),
    row("indicator-traded-of-goods", "Exports of machinery and transport equipment rose 7% to $4.1 billion in 2024.",
        "$4.1 billion", indicator="Exports of machinery and transport equipment", period="2024"),
    row("indicator-traded-of-stops-at-verb", "Imports of crude oil fell 3% in March.",
        "3%", indicator="Imports of crude oil", period="March"),
    row("indicator-production-of-stays-short", "Production of metal ores increased by 4.5% in 2023.",
        "4.5%", indicator="Production", period="2023"),
    row("indicator-operating-surplus", "The state posted an operating surplus of A$2.9 billion for the financial year.",
        "A$2.9 billion", indicator="operating surplus", period="the financial year"),
    # --- period shapes: fiscal split years, day-first dates, month quarters, counts ---
    row("period-fiscal-split-year", "The deficit is projected at 6.9% of GDP in fiscal year 2024/25.",
        "6.9%", indicator="deficit", period="fiscal year 2024/25"),
    row("period-fy-split-year", "Revenue collection reached Tk 3.6 lakh crore in FY2023-24.",
        "Tk 3.6 lakh crore", indicator="Revenue collection", period="FY2023-24"),
    row("period-day-month-year", "Net debt stood at A$31.4 billion at 30 June 2025.",
        "A$31.4 billion", indicator="Net debt", period="30 June 2025"),
    row("period-month-quarter", "Iron ore shipments rose 4% in the March quarter.",
        "4%", indicator="Iron ore shipments", period="the March quarter"),
    row("period-edge-month", "Reserves reached $44.2 billion at end-December.",
        "$44.2 billion", indicator="Reserves", period="end-December"),
    row("compared-on-a-year-earlier", "Car exports reached $9.2 billion in the first half of 2025, up 4.4% on a year earlier.",
        "4.4%", indicator="Car exports", period="the first half of 2025", compared_to="a year earlier", kind="change", direction="up"),
    row("on-average-is-no-comparison", "Inflation should ease to 7 percent on average in the fourth quarter of 2026.",
        "7 percent", indicator="Inflation", period="the fourth quarter of 2026", compared_to=None),
    row("place-after-was-recorded-in", "Regional output growth was uneven. The fastest growth, 6.2 percent, was recorded in Sulawesi.",
        "6.2 percent", region="Sulawesi"),
    row("place-list-after-comma-is-the-next-figure's", "Output in Atyrau region totaled KZT 751 bln, in Karaganda region - KZT 312 bln.",
        "KZT 751 bln", region="Atyrau"),
    row("place-that-qualifies-a-noun", "Mexico's remittances rose 3% in July. Monterrey-based analysts expect USD 60 bn in 2025.",
        "USD 60 bn", region="Mexico"),
    row("base-keeps-its-own-period", "The average transfer in July was USD 385, versus USD 390 a year earlier.",
        "USD 390", period="a year earlier"),
    row("base-period-is-not-carried", "GDP grew 5.0 percent in the third quarter of 2025, up from 4.9 percent in the second quarter. "
        "Compared with the previous quarter, GDP expanded 1.4 percent.",
        "1.4 percent", period="the third quarter of 2025"),
    row("indicator-with-indicator-complement", "Net interest on the public debt topped $1 trillion in fiscal 2025.",
        "$1 trillion", indicator="Net interest", period="fiscal 2025"),
    row("growth-in-takes-the-complement", "Growth in retail sales was 4.2% in May.",
        "4.2%", indicator="retail sales", period="May"),
    row("level-next-to-a-level-has-no-base", "The utility posted a net profit of $61 million for 2024, compared with a loss of $105 million a year earlier.",
        "$61 million", indicator="net profit", period="2024", compared_to=None),
    row("new-level-from-a-level-has-no-base", "Inflation is expected to ease to 6.5 percent next year from around 9 percent.",
        "6.5 percent", compared_to=None),
    row("new-level-after-to-a-low-of", "Inflation slowed to a five-month low of 5.3 percent in July from 5.6 percent in June.",
        "5.3 percent", period="July", direction=None, compared_to=None),
    row("base-past-its-own-indicator", "Net profit rose by $7 million, compared with a net profit of $54 million a year earlier.",
        "$7 million", kind="change", compared_to="$54 million"),
    row("equivalent-has-no-base", "Arrears stood at about KES 63 billion (roughly $430 million) at end-December, up from KES 49 billion.",
        "$430 million", compared_to=None),
    row("above-a-base-is-a-change", "Outlays came in 7.5 percent above the approved plan of 4.1 trillion tenge.",
        "7.5 percent", kind="change", direction="up", compared_to="4.1 trillion tenge"),
    row("below-a-period-is-a-change", "Exports were 12.1% below their March level.",
        "12.1%", kind="change", direction="down", compared_to="March"),
    row("more-than-past-a-relative-form", "This is 3.2%, or 0.9 billion manats, more than in the budget for 2025.",
        "3.2%", kind="change", direction="up", compared_to="2025"),
    row("relative-form-shares-the-base", "This is 3.2%, or 0.9 billion manats, more than in the budget for 2025.",
        "0.9 billion manats", kind="change", compared_to="2025"),
    row("coordinated-change-with-its-own-cue", "Output rose 4.1 percent over the previous month and 12.5 percent compared to the same month of 2024.",
        "12.5 percent", kind="change", direction="up", compared_to="the same month of 2024"),
    row("own-cue-without-a-base-takes-none-carried", "Borrowing fell by £2.1 billion compared with last year. It was £1.4 billion less than forecasts.",
        "£1.4 billion", kind="change", compared_to=None),
    row("a-but-clause-keeps-its-own-period", "Exports rose by 3.6% compared to 2021, but in 2021 the growth was 5.1%.",
        "3.6%", period=None, compared_to="2021"),
    row("a-but-clause-has-no-base-of-the-first", "Exports rose by 3.6% compared to 2021, but in 2021 the growth was 5.1%.",
        "5.1%", indicator="Exports", period="2021", compared_to=None),
    row("a-growth-rate-beside-an-earlier-rate-has-no-base", "Output grew 2.4 per cent in the second quarter, compared with 1.9 per cent a year earlier.",
        "2.4 per cent", kind="change", compared_to=None),
    row("a-bracketed-earlier-rate-is-no-base", "Consumer prices rose by 2.8% year-on-year in March (3.1% in February).",
        "2.8%", compared_to=None),
    row("a-point-change-keeps-its-level-base", "The bank cut the policy rate by 75 basis points, from 9.5 percent to 8.75 percent.",
        "75 basis points", compared_to="9.5 percent"),
    row("a-level-compared-to-a-period-is-a-change", "Imports grew 7% in 2024, but in 2023 they were 0.4% compared to the previous year.",
        "0.4%", kind="change", period="2023", compared_to="the previous year"),
    row("compared-on-a-fiscal-year", "Royalty income totalled A$11.3bn in the financial year, down 9.8 per cent on 2023-24.",
        "9.8 per cent", period="the financial year", compared_to="2023-24"),
    row("base-keeps-its-own-fiscal-year", "Inflation should ease to 6.5 percent in FY26 from around 9 percent in FY25.",
        "9 percent", period="FY25"),
    row("each-change-takes-the-cue-of-its-clause", "The index rose 0.3% from the previous month and 2.6% from the same month last year.",
        "2.6%", compared_to="the same month last year"),
    row("each-change-takes-the-cue-of-its-clause-2", "Sales fell 0.8% when compared with the previous three months, but rose 0.5% "
        "when compared with the same period a year earlier.",
        "0.5%", compared_to="the same period a year earlier"),
    row("a-revision-is-no-comparison", "Sales fell 0.3% in December, after a rise of 0.1% in November (revised from 0.2%).",
        "0.3%", compared_to=None),
    row("period-after-a-basis", "Consumer price inflation rose to 5.0% y/y in October 2024, from 4.9% y/y in September.",
        "4.9%", period="September"),
    row("period-after-on-a-date", "Reserves stood at about $11.7bn on January 3, while domestic debt rose to Rs50.4 trillion "
        "at the end of November, up 14.4pc from a year earlier.",
        "14.4pc", period="the end of November", compared_to="a year earlier"),
    row("after-was-recorded-in-a-place's", "A monthly rise of 0.4% was recorded in Chile's consumer price index in September.",
        "0.4%", indicator="consumer price index", region="Chile", period="September"),
    row("indicator-x-to-y-ratio", "The utility's debt-to-equity ratio fell to 320 percent at end-2024.",
        "320 percent", indicator="debt-to-equity ratio", period="end-2024"),
    row("indicator-price-of-goods", "In March the price of domestic cooking gas was cut by 5 percent.",
        "5 percent", indicator="price of domestic cooking gas", period="March"),
    row("respectively-places", "In January-August, Arequipa and Cusco received transfers of S/ 1.21 billion and S/ 870 mln respectively.",
        "S/ 870 mln", region="Cusco", indicator="transfers", period="January-August"),
    row("respectively-indicators", "Exports and imports rose 5% and 3%, respectively, in May.",
        "3%", indicator="imports", period="May"),
    row("equivalent-after-worth", "In June alone, inflows totalled US$1,081 million, worth about 4.4 trillion pesos.",
        "4.4 trillion pesos", equals="US$1,081 million", indicator="inflows"),
    row("indicator-earned-from-source", "Earnings from tourism amounted to US$1.86 bn in the first seven months.",
        "US$1.86 bn", indicator="Earnings from tourism", period="the first seven months"),
    row("indicator-trade-in-goods", "China's foreign trade in goods totalled 37.31 trillion yuan in 2025.",
        "37.31 trillion yuan", indicator="foreign trade in goods", region="China", period="2025"),
    row("indicator-possessive-modifier", "Workers' remittances rose 19.7 percent to US$4.4 billion in January–July.",
        "US$4.4 billion", indicator="Workers' remittances", period="January–July"),
    row("of-gdp-names-no-indicator", "The fiscal deficit is put at $12 billion, or 4.1% of GDP, to be financed by $7 billion from local banks.",
        "$7 billion", indicator="fiscal deficit"),
    row("period-count-period", "Remittances rose 9% to $12.8 billion in the seven-month period.",
        "$12.8 billion", indicator="Remittances", period="the seven-month period"),
    # --- real-wire scope and clause rules (issue 12) ---
    row("indicator-named-after-determiner", "Turkey posted a 2.1 billion lira ($60 million) budget surplus in March.",
        "2.1 billion lira", indicator="budget surplus", period="March"),
    row("indicator-named-after-equivalent", "Turkey posted a 2.1 billion lira ($60 million) budget surplus in March.",
        "$60 million", indicator="budget surplus"),
    row("indicator-subject-not-phrase", "Total spending in the 2025 budget is projected at 4.1 trillion rupees.",
        "4.1 trillion rupees", indicator="spending"),
    row("indicator-subject-past-phrase", "Ghana's cocoa exports began to slow amid a slowdown in global demand and fell by 5.5 percent.",
        "5.5 percent", indicator="cocoa exports"),
    row("indicator-growth-refers-back", "Retail sales reached $4.1 billion in May.\nThe growth represents a 6.3 percent increase.",
        "6.3 percent", indicator="Retail sales"),
    row("indicator-growth-only-noun", "The central bank now projects growth of 3.4 percent in 2026.",
        "3.4 percent", indicator="growth"),
    row("indicator-growth-registered-in", "In 2024, 9.8% growth was registered in cement production.",
        "9.8%", indicator="cement production"),
    row("period-record-span", "The lira hit its lowest in nearly three months, while exports rose 4 percent.",
        "4 percent", period=None),
    row("period-not-report-date", "Exports rose 4.2 percent in October, the agency said on Nov. 14.",
        "4.2 percent", period="October"),
    row("base-restated-period", "Borrowing was £12.1 billion, £3.2 billion less than in the previous financial year (April 2022 to March 2023).",
        "£3.2 billion", compared_to="April 2022 to March 2023"),
    row("base-period-after-amount-recorded", "Imports grew 12.5% compared to the amount recorded in the first quarter of 2024.",
        "12.5%", compared_to="the first quarter of 2024", period=None),
    row("period-not-carried-when-ambiguous", "Exports rose 3% in March and imports fell 2% in April. Re-exports grew by 1.5%.",
        "1.5%", period=None),
    row("period-dateline-day", "BISHKEK. July 2. KABAR - Exports reached $310 million. Imports rose 4 percent.",
        "$310 million", period=None),
    row("base-relative-form", "Revenues decreased by $2.0 billion, or 0.7 percent, from 2022-23.",
        "0.7 percent", kind="change", compared_to="2022-23"),
    row("base-rate-beside-rate", "Tax receipts fell by 3.5% (against 12.1% growth in the previous year).",
        "3.5%", compared_to=None),
    row("aside-in-brackets", "Tax receipts fell by 3.5% (against 12.1% growth in the previous year), amounting to 410 billion drams.",
        "410 billion drams", indicator="Tax receipts", period=None),
    row("region-partner-list", "Tajikistan's exports reached $1.9 billion in 2024.\nExports went to Kazakhstan - $410 million, "
        "Turkey - $260 million (13.7 percent) and China ($190 million).", "$260 million", region=None),
    row("region-partner-list-bracket", "Tajikistan's exports reached $1.9 billion in 2024.\nExports went to Kazakhstan - $410 million, "
        "Turkey - $260 million (13.7 percent) and China ($190 million).", "$190 million", region=None),
    row("region-ranking-place", "Armenia's imports totalled $5.2 billion in 2024.\nRussia is in first place with $1.7 billion.",
        "$1.7 billion", region=None),
    row("region-home-list", "Kazakhstan's retail sales were highest in Almaty - 2.1 trillion tenge and Astana - 1.5 trillion tenge.",
        "2.1 trillion tenge", region="Almaty"),
    row("region-outside-of", "Investment outside of Luzon reached 310 billion pesos in 2024.", "310 billion pesos", region=None),
    row("period-possessive-owner", "Inflation in Chile stood at 0.41 percent in March, up from February's 0.35 percent.",
        "0.35 percent", period="February"),
    row("period-dash-owner", "In 2023 this figure was 5.1%, in 2022 – 3.9%, and in 2021 – 2.4%.", "5.1%", period="2023"),
    row("period-dash-owner-list", "In 2023 this figure was 5.1%, in 2022 – 3.9%, and in 2021 – 2.4%.", "3.9%", period="2022"),
    row("period-modifies-indicator", "The minister said the 2026 GDP per capita would be $9,100, while two years ago it was $7,300.",
        "$9,100", period="2026"),
    row("period-in-brackets-no-aside", "Net borrowing in the last financial year (April 2024 to March 2025) was £21.7 billion.",
        "£21.7 billion", period="April 2024 to March 2025"),
    row("indicator-past-total-denominator", "Chip exports made up 19.1 percent of the country's total exports in May, an increase of "
        "1.4 percentage points from a year earlier.", "1.4 percentage points", indicator="Chip exports", compared_to="a year earlier"),
    row("indicator-share-of-the-base", "The largest share in total exports belonged to cotton fibre (31.2%).", "31.2%", indicator="exports"),
    row("indicator-with-absolute-clause", "The bank said the inflation outlook is stable, with core inflation seen at 3.2 percent in 2026.",
        "3.2 percent", indicator="core inflation", period="2026"),
    row("change-past-equivalent", "The fund's assets reached 31.2 trillion tenge (US$65 billion), 1.1 trillion tenge (US$2.3 billion) more "
        "than last year’s figures.", "1.1 trillion tenge", kind="change", compared_to="last year"),
    row("indicator-yoy-growth-refers-back", "The budget closed with a surplus, with a y-o-y growth by 12-fold.", "12-fold", indicator="surplus"),
    row("base-of-lead-clause", "The fall in imports in January-June 2025, as compared with January-June 2024, was due to lower fuel "
        "purchases by 12 percent.", "12 percent", compared_to="January-June 2024"),
    row("elliptic-change", "Output fell by 2.1% over the previous month. Mining fell by 1.4% and construction output by 0.9%.",
        "0.9%", kind="change", compared_to="the previous month"),
    row("multiple-is-no-base", "Food prices rose by 0.71 percent, more than double the figure for May (0.30%).", "0.71 percent",
        compared_to=None),
    row("indicator-bare-share-refers-back", "Local budget investments in schools decreased 12.4 percent to 4.1 billion tenge, "
        "and their share fell to 18.2 percent.", "18.2 percent", indicator="Local budget investments in schools"),
    row("equals-after-indicator", "The deficit compares with the 96 billion tenge surplus ($210 million) posted a year earlier.",
        "$210 million", equals="96 billion tenge"),
    row("period-modifier-not-across-another", "The minister said the 2026 GDP per capita would be $9,100, while two years ago it was $7,300.",
        "$7,300", period="two years ago"),
    row("period-carried-when-dates-agree", "Trade reached $9.2 billion in January-June 2025. Exports in the first half of 2025 rose to "
        "$4.1 billion. Imports fell by 2.1 percent.", "2.1 percent", period="the first half of 2025"),
    row("period-owned-past-equivalent", "GDP reached ₾85 billion in 2024, up from ₾27 billion ($9.9bln) in 2012.", "₾27 billion",
        period="2012"),
    # a range is one figure, and takes the indicator, period and place of a figure
    row("range-shared-scale", "Kazakhstan's exports of wheat flour are expected to reach $400 to $500 million in 2026.",
        "$400 to $500 million", indicator="exports of wheat flour", period="2026", region="Kazakhstan", kind="level"),
    row("range-percent-dash", "The central bank expects inflation in Uzbekistan of 5%-6% in 2026.", "5%-6%",
        indicator="inflation", period="2026", region="Uzbekistan"),
    # --- an earlier event after `, after` / `, following` keeps its period to itself ---
    row("after-clause-period-is-its-own", "Car sales fell 4.2% month on month, after a 1.8% gain in the previous month.", "4.2%",
        indicator="Car sales", period=None, compared_to=None),
    row("after-clause-figure-takes-it", "Car sales fell 4.2% month on month, after a 1.8% gain in the previous month.", "1.8%",
        period="the previous month"),
    row("following-a-drop", "Freight volumes rose 2.6% in June, following a 0.9% drop in May.", "2.6%", period="June"),
    # --- a period opening the next clause after a comma is that clause's ---
    row("clause-period-after-comma", "In 2022 cement output grew 4.4%, in 2023 it rose 6.9%.", "4.4%", period="2022"),
    row("clause-period-after-comma-next", "In 2022 cement output grew 4.4%, in 2023 it rose 6.9%.", "6.9%", period="2023"),
    row("period-after-semicolon-is-the-next-clause's", "Net lending fell by £1.3 billion to £4.2 billion in May 2021; it was the lowest May "
        "figure in 2010-2021.", "£1.3 billion", period="May 2021"),
    row("ratio-denominator-after-the-indicator", "Ghana projects a 4.1% primary deficit to gross domestic product for the next fiscal year.",
        "4.1%", indicator="primary deficit", period="the next fiscal year"),
    row("dateline-with-agency-credit", "LAGOS, March 4 (NAN) Customs revenue rose 12.1 per cent to N1.9 trillion in February.", "12.1 per cent",
        period="February", region=None),
    row("record-since-is-no-period", "Core inflation eased to 2.7%, the lowest since 2021.", "2.7%", period=None),
    row("nth-change-since-is-no-period", "The bank raised its key rate by 50 basis points, the third increase since March 2024.",
        "50 basis points", period=None),
    row("preceding-period-is-a-base", "Cargo traffic grew 4.3 per cent over the preceding quarter.", "4.3 per cent",
        period=None, compared_to="the preceding quarter"),
    row("bracketed-figure-keeps-its-own-period", "Food prices rose 5.2% y/y in August (4.8% in July), the statistics office said.", "4.8%",
        period="July"),
    row("exports-from-origin-to-partner", "Exports from Mangystau region to the Netherlands rose to $2.7 billion.", "$2.7 billion",
        indicator="Exports", region="Mangystau"),
    row("imports-from-partner", "Imports from Turkey fell 6% in 2023.", "6%", indicator="Imports", region=None),
    row("share-of-an-owned-base", "Wheat accounted for 14% of the country's exports in 2023.", "14%", indicator="exports"),
    row("share-of-a-named-owner's-base", "Crude oil made up 53% of Azerbaijan's exports.", "53%", indicator="exports", region="Azerbaijan"),
    row("share-of-the-total-is-not-the-indicator", "Coal output rose to 9.1 million tonnes, 46% of total industrial production.", "46%",
        indicator="Coal output"),
    row("partner-holding-a-trade-share", "Turkey accounted for 11% of the republic's trade turnover in 2023.", "11%",
        indicator="trade turnover", region=None),
    row("place-holding-a-share-of-output-is-the-region", "Atyrau region accounted for 24% of the country's industrial output.", "24%",
        indicator="industrial output", region="Atyrau"),
    row("second-change-after-a-bracketed-base", "Ghana's cocoa exports rose by 3.4% compared with the value recorded in the first quarter (GH¢ 5.1 billion) "
        "and by 21.7% compared to the corresponding quarter of 2023 (GH¢ 4.4 billion).", "21.7%",
        kind="change", direction="up", compared_to="GH¢ 4.4 billion"),
    row("fronted-base-frames-the-paragraph", "Georgia's trade turnover came to $7.1 billion in January-June 2024. Compared to the same period "
        "of 2023, it rose by 6.2 percent. Georgia's imports in the first half of 2024 grew by 8.4 percent to $5.0 billion.", "8.4 percent",
        compared_to="the same period of 2023"),
    row("trailing-base-stays-with-its-figure", "In May alone, exports came to $2.1 billion, down 1.4 percent from a year earlier. "
        "Exports to Turkey fell 12.5 percent in May.", "12.5 percent", compared_to=None),
    row("named-growth-after-its-figure", "The ministry drafted the budget assuming a 4.4 percent economic growth next year.", "4.4 percent",
        indicator="economic growth"),
    row("bare-increase-after-its-figure-is-no-indicator", "Exports reached $3.2 billion, a 6 percent increase on the year.", "6 percent",
        indicator="Exports"),
    row("equivalent-past-extra-spaces", "Customs duties brought 61.4 billion drams (about  $ 158 million) in May.", "$ 158 million",
        equals="61.4 billion drams"),
    row("next-clause-with-its-own-verb-keeps-its-base", "Shipments to Japan fell 4.4% in May and were 9.1% below their March level.", "4.4%",
        compared_to=None),
    row("ranked-investor-is-a-partner", "Hungary's stock of inward FDI reached 31 billion euros in 2024. Austria remained the largest investor, "
        "with 18 percent of the stock, followed by Germany with 16 percent.", "16 percent", region="Hungary"),
    row("home-place-ranked-first-is-the-region", "Kazakhstan's retail sales rose 9% in 2024. Almaty remained the largest market, with 31% of them.",
        "31%", region="Almaty"),
    row("pronoun-for-an-inflow-receives", "Remittances to Jalisco rose 3.3%, while those to Oaxaca fell 1.2%.", "1.2%", region="Oaxaca"),
    row("pronoun-for-an-outflow-partner", "Exports to Brazil rose 6%, while those to Chile fell 2%.", "2%", region=None),
    row("list-items-after-a-colon-share-the-lead-in", "In 2023 Armenia's trade with its neighbours came to:\n- with Iran, $0.7 billion;\n"
        "- with Georgia, $1.1 billion.\nTourism revenue rose 9%.", "$1.1 billion", region="Armenia", period="2023", indicator="trade"),
    row("a-line-after-a-list-is-a-new-paragraph", "In 2023 Armenia's trade with its neighbours came to:\n- with Iran, $0.7 billion;\n"
        "- with Georgia, $1.1 billion.\nTourism revenue rose 9%.", "9%", region=None, period=None),
    row("period-aside-stays-with-figure", "Cement output rose 5%, in the second quarter, to 2.1 million tonnes.", "5%",
        period="the second quarter"),
    # --- `exceeded the PERIOD's level by N`: the period is the base; a figure of that period stated before is ---
    row("exceeded-period-level", "Budget receipts exceeded the previous year's level by 8.3%.", "8.3%",
        indicator="Budget receipts", compared_to="the previous year", direction="up"),
    row("surpassed-earlier-figure", "In 2020 the harvest grew 3.3%, in 2021 it surpassed the 2020 figure by 1.5 times.", "1.5 times",
        period="2021", compared_to="3.3%"),
    row("exceeded-amount-is-no-base", "Wheat exports exceeded $2 billion in 2023.", "$2 billion", kind="level", compared_to=None, period="2023"),
]


def facts_of(nlp, text: str) -> dict[str, dict[str, Any]]:
    """The facts of `text` by figure surface (each surface once in the text)."""
    facts = nlp(text)._.facts
    surfaces = [fact["text"] for fact in facts]
    assert len(surfaces) == len(set(surfaces)), f"a figure surface occurs twice: {surfaces}"
    return {fact["text"]: fact for fact in facts}


@pytest.mark.parametrize("text,surface,expected", CASES)
def test_fact_fields(nlp, text, surface, expected):
    facts = facts_of(nlp, text)
    assert surface in facts, f"figures found: {list(facts)}"
    got = {name: facts[surface][name] for name in expected}
    assert got == expected


TEXTS = {case.values[0]: case.id for case in reversed(CASES)}  # each text once, named by its first row


@pytest.mark.parametrize("text", list(TEXTS), ids=list(TEXTS.values()))
def test_relations_follow_the_contract(nlp, text):
    """Every relation's head is a figure; a figure has at most one relation of each label; the child
    is what its label requires (a figure for EQUALS, a figure or a period for COMPARED_TO); the
    facts say what the relations say."""
    doc = nlp(text)
    figures = {(figure["start"], figure["end"]) for figure in doc._.figures}
    periods = {(span.start_char, span.end_char) for span in doc.spans.get("concept_candidates", ()) if span.label_ == "PERIOD"}
    seen: dict[tuple[str, int, int], int] = {}
    for relation in doc._.relations:
        head, child, label = relation["head"], relation["child"], relation["label"]
        ends = (child["start"], child["end"])
        assert (head["start"], head["end"]) in figures, relation
        assert ends != (head["start"], head["end"]), relation
        if label in ("INDICATOR", "PERIOD", "REGION"):
            assert child["label"] == label, relation
        elif label == "EQUALS":
            assert ends in figures, relation
        else:
            assert label == "COMPARED_TO" and (ends in figures or ends in periods), relation
        key = (label, head["start"], head["end"])
        seen[key] = seen.get(key, 0) + 1
    assert all(count == 1 for count in seen.values()), seen
    by_head = {(r["head"]["start"], r["head"]["end"], r["label"]): r["child"] for r in doc._.relations}
    for fact in doc._.facts:
        for label, name in (("INDICATOR", "indicator"), ("PERIOD", "period"), ("REGION", "region"),
                            ("EQUALS", "equals"), ("COMPARED_TO", "compared_to")):
            child = by_head.get((fact["start"], fact["end"], label))
            assert fact[name] == (doc.text[child["start"] : child["end"]] if child else None), (fact["text"], label)


def test_relation_ends_carry_span_labels(nlp):
    doc = nlp("ASTANA, Kazakhstan, May 3. Kazakhstan's budget revenues totaled KZT 2.9 trillion "
              "(about $6.4 billion) in Q1 2024.")
    ends = {(relation["label"], relation["head"]["label"], relation["child"]["label"]) for relation in doc._.relations}
    assert ("EQUALS", "MONEY", "MONEY") in ends
    assert ("INDICATOR", "MONEY", "INDICATOR") in ends
