"""The notebook helpers of pipeline/notebook/viz.py, on seed 000 and on small hand-made fact tables."""
from __future__ import annotations

import html
import io
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from spacy.language import Language
from spacy.tokens import Doc

import pipeline
from pipeline.notebook.viz import LABEL_COLORS, _relation_parses
from pipeline.run.annotate import annotate
from pipeline.run.export import FACT_COLUMNS, frame
from pipeline.run.reading import read_text_document

PROJECT_DIR = Path(__file__).resolve().parents[1]
SEED = PROJECT_DIR / "seeds" / "000_7004adba4835f820.txt"
ARC = re.compile(r'class="displacy-label"[^>]*>([A-Z_]+)</textPath>')


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    document = read_text_document(SEED)
    assert document.meta["date"] == "2024-03-25"
    (processed,) = annotate(nlp, [document])
    return processed


@pytest.fixture(scope="module")
def facts(doc: Doc) -> pd.DataFrame:
    return pipeline.to_frames([doc])["facts"]


def test_helpers_are_exported() -> None:
    for name in ("show_entities", "show_relations", "convert_currency", "plot_indicator"):
        assert name in pipeline.__all__ and callable(getattr(pipeline, name))


def test_show_entities_has_every_figure_in_our_colours(doc: Doc) -> None:
    markup = pipeline.show_entities(doc)
    assert isinstance(markup, str) and markup._repr_html_() == str(markup)
    assert doc._.figures
    for figure in doc._.figures:
        assert html.escape(figure["text"]) in markup
    labels = {ent.label_ for ent in doc.ents} | {span.label_ for span in doc.spans["concepts"]}
    assert {"MONEY", "PERCENT", "REGION", "ORG", "INDICATOR", "PERIOD"} <= labels
    for label in labels:
        assert f"background: {LABEL_COLORS[label]}" in markup
    assert "volume of industrial production" in markup  # a linked INDICATOR span
    assert "<html" not in markup  # a fragment (page=False), not a page


def test_show_entities_without_concepts_and_with_own_colours(doc: Doc) -> None:
    markup = pipeline.show_entities([doc, doc], concepts=False, options={"colors": {"MONEY": "#123456"}})
    assert "background: #123456" in markup
    assert LABEL_COLORS["INDICATOR"] not in markup
    assert markup.count("000_7004adba4835f820") == 2  # one title per Doc


def test_show_relations_draws_every_relation(doc: Doc) -> None:
    markup = pipeline.show_relations(doc)
    assert isinstance(markup, str) and markup._repr_html_() == str(markup)
    for figure in doc._.figures:
        assert html.escape(figure["text"]) in markup
    drawn = ARC.findall(markup)
    assert sorted(drawn) == sorted(relation["label"] for relation in doc._.relations)
    assert {"INDICATOR", "PERIOD", "REGION", "EQUALS", "COMPARED_TO"} == set(drawn)
    assert markup.count("<svg") == 8  # one diagram per paragraph, each with figures


def test_show_relations_keeps_only_the_labels_asked_for(doc: Doc) -> None:
    markup = pipeline.show_relations(doc, labels=["EQUALS"])
    equals = [relation for relation in doc._.relations if relation["label"] == "EQUALS"]
    assert ARC.findall(markup) == ["EQUALS"] * len(equals)
    for figure in doc._.figures:  # every figure is still shown
        assert html.escape(figure["text"]) in markup


def test_relation_arcs_point_from_the_figure_to_its_child(doc: Doc) -> None:
    first = _relation_parses(doc, None, gap_chars=28)[0]
    words = [word["text"] for word in first["words"]]
    arcs = {(words[arc["start"]], words[arc["end"]], arc["label"]): arc["dir"] for arc in first["arcs"]}
    # EQUALS: the head is the second figure, so the arrow points back to the first.
    assert arcs[("7.5 trillion tenge", "16.6 billion", "EQUALS")] == "left"
    assert arcs[("7.5 trillion tenge", "January through February 2024", "PERIOD")] == "right"
    assert arcs[("volume of industrial production", "7.5 trillion tenge", "INDICATOR")] == "left"
    tags = {word["text"]: word["tag"] for word in first["words"]}
    assert tags["16.6 billion"] == "MONEY" and tags["Kazakhstan"] == "REGION"
    assert all(len(word["text"]) <= 30 for word in first["words"] if not word["tag"])  # gaps are shortened


def test_convert_currency_uses_the_equals_partner(facts: pd.DataFrame) -> None:
    converted = pipeline.convert_currency(facts, to="USD")
    assert "value_converted" not in facts.columns  # a copy
    assert converted["value_converted"].dtype == "float64"
    by_text = converted.set_index("text")["value_converted"]
    assert by_text["7.5 trillion tenge"] == pytest.approx(16.6e9)  # (about 16.6 billion)
    assert by_text["16.6 billion"] == pytest.approx(16.6e9)  # already in USD
    assert by_text["3.56 trillion tenge"] == pytest.approx(7.9e9)
    assert by_text["46.4 trillion tenge"] == pytest.approx(102.5e9)
    assert math.isnan(by_text["47.5 percent"])
    assert converted.loc[converted["unit"].isin(["%", "x"]), "value_converted"].isna().all()
    assert converted.loc[converted["unit"].isin(["KZT", "USD"]), "value_converted"].notna().all()


def test_convert_currency_the_other_way(facts: pd.DataFrame) -> None:
    by_text = pipeline.convert_currency(facts, to="kzt").set_index("text")["value_converted"]
    assert by_text["16.6 billion"] == pytest.approx(7.5e12)
    assert by_text["7.5 trillion tenge"] == pytest.approx(7.5e12)
    assert math.isnan(by_text["47.5 percent"])


def fact(**values) -> dict:
    row = {"doc_id": "d", "start": 0, "end": 1, "text": "x", "label": "MONEY", "kind": "level"}
    row.update(values)
    return row


def test_convert_currency_leaves_figures_without_a_partner_empty() -> None:
    facts = frame(
        [
            fact(start=0, text="KZT 5 bn", value=5e9, unit="KZT"),  # no partner: NA
            fact(start=10, text="KZT 9 bn", value=9e9, unit="KZT"),
            fact(start=20, text="$20 mn", value=20e6, unit="USD", equals="KZT 9 bn", equals_value=9e9, equals_unit="KZT"),
            fact(doc_id="e", start=0, text="KZT 9 bn", value=9e9, unit="KZT"),  # same text, other document: NA
            fact(doc_id="e", start=10, text="€3 mn", value=3e6, unit="EUR", equals="KZT 9 bn", equals_value=9e9, equals_unit="KZT"),
        ],
        FACT_COLUMNS,
    )
    converted = pipeline.convert_currency(facts, "USD")["value_converted"].tolist()
    assert math.isnan(converted[0]) and converted[1] == 20e6 and converted[2] == 20e6
    assert math.isnan(converted[3]) and math.isnan(converted[4])
    with pytest.raises(KeyError, match="equals_unit"):
        pipeline.convert_currency(facts.drop(columns=["equals_unit"]))


def plotted(figure: Figure) -> list[tuple[float, float]]:
    (axes,) = figure.axes
    (line,) = axes.lines
    return [tuple(point) for point in line.get_xydata()]


def test_plot_indicator_has_one_point_per_period(facts: pd.DataFrame) -> None:
    figure = pipeline.plot_indicator(facts, "Volume of  Industrial Production", unit="KZT")
    assert isinstance(figure, Figure) and isinstance(figure.canvas, FigureCanvasAgg)
    rows = facts[facts["indicator"].str.casefold().isin(["volume of industrial production"]) & facts["unit"].isin(["KZT"])]
    periods = {(row.period_start, row.period_end) for row in rows.itertuples() if row.period_start is not None}
    assert len(periods) == 2
    points = plotted(figure)
    assert len(points) == len(periods)
    assert [y for _, y in points] == pytest.approx([46.4e12, 7.5e12])  # January–December 2023, then January–February 2024
    assert points[0][0] < points[1][0]
    labels = {text.get_text() for text in figure.axes[0].texts}
    assert labels == {"January through December 2023", "January through February 2024"}
    png = io.BytesIO()
    figure.savefig(png, format="png")  # no display needed
    assert png.getvalue().startswith(b"\x89PNG") and figure._repr_png_().startswith(b"\x89PNG")


def test_plot_indicator_merges_a_period_and_picks_one_unit() -> None:
    facts = frame(
        [
            fact(text="a", value=1.0, unit="%", indicator="Inflation", period="May", region="Kazakhstan"),
            fact(text="b", value=3.0, unit="%", indicator="inflation", period="May", region="Kazakhstan"),
            fact(text="c", value=2.0, unit="%", indicator="inflation", period="June", region="Kazakhstan"),
            fact(text="d", value=9.0, unit="pp", indicator="inflation", period="July", region="Kazakhstan"),
            fact(text="e", value=7.0, unit="%", indicator="inflation", period="June", region="Mongolia"),
            fact(text="f", value=5.0, unit="%", indicator="inflation"),  # no period: left out
        ],
        FACT_COLUMNS,
    )
    figure = pipeline.plot_indicator(facts, "INFLATION", region="kazakhstan")  # unit: the most frequent, %
    assert [y for _, y in plotted(figure)] == [2.0, 2.0]  # May: mean of 1 and 3; June
    assert [tick.get_text() for tick in figure.axes[0].get_xticklabels()] == ["May", "June"]
    assert {text.get_text() for text in figure.axes[0].texts} == {"May (mean of 2)", "June"}
    assert figure.axes[0].get_ylabel() == "value (%)"
    assert len(plotted(pipeline.plot_indicator(facts, "inflation"))) == 2  # Mongolia's June is the same period
