"""Looking at the results: entities and relations with displaCy, currency conversion, a plot of one indicator.

    import pipeline
    pipeline.show_entities(doc)              # HTML string (rendered when it is a cell's value in Jupyter)
    pipeline.show_relations(doc)             # HTML string with one arc diagram per paragraph
    pipeline.convert_currency(facts, "USD")  # facts with `value_converted`
    pipeline.plot_indicator(facts, "annual inflation", unit="%")  # a matplotlib Figure

They work in and outside Jupyter: the two `show_` helpers return an `HtmlString` (a `str`
that Jupyter displays as HTML; write it to a file anywhere else), and `plot_indicator`
draws on the non-interactive Agg canvas without touching pyplot (`fig.savefig(...)` works
without a display; Jupyter shows the returned Figure). matplotlib is imported only by
`plot_indicator`, so it is needed only there (the `notebook` and `dev` extras install it).
"""
from __future__ import annotations

import bisect
import html
import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd
from spacy import displacy
from spacy.tokens import Doc

from components.doc_arrays import doc_arrays
from components.relations import linked_spans_key

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

# One colour per label, shared by every view (the entity highlights, and nothing else: arcs are black).
LABEL_COLORS: dict[str, str] = {
    "MONEY": "#8fd694",
    "PERCENT": "#ffd166",
    "REGION": "#8ecae6",
    "ORG": "#cdb4db",
    "INDICATOR": "#f4a261",
    "PERIOD": "#d3d3d3",
    "AMOUNT": "#e9edc9",
}
GAP_CHARS = 28  # text between two spans in the relation view is shortened to this many characters
CHAR_WIDTH = 7.5  # approximate width in pixels of one character in displaCy's 16px Arial


class HtmlString(str):
    """A plain `str` of HTML that Jupyter renders (through `_repr_html_`) when it is a cell's value."""

    def _repr_html_(self) -> str:
        return str(self)


def _docs(docs: Doc | Iterable[Doc]) -> list[Doc]:
    return [docs] if isinstance(docs, Doc) else list(docs)


def _title(doc: Doc, suffix: str = "") -> str:
    return html.escape(f"{doc._.doc_id or ''}{suffix}".strip())


def show_entities(docs: Doc | Iterable[Doc], *, concepts: bool = True, options: dict[str, Any] | None = None) -> HtmlString:
    """The entities of one or more Docs highlighted by displaCy, in our label colours.

    With `concepts` (the default), the INDICATOR and PERIOD spans linked to a figure
    (`doc.spans["concepts"]`) are shown as well; one that overlaps an entity is left out,
    since displaCy's entity view cannot nest. `options` are passed to displaCy (`ents`
    limits the labels shown; `colors` overrides `LABEL_COLORS`).
    """
    parsed = []
    for doc in _docs(docs):
        spans = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        if concepts:
            for span in doc.spans.get(linked_spans_key(), ()):
                if not any(span.start_char < end and start < span.end_char for start, end, _ in spans):
                    spans.append((span.start_char, span.end_char, span.label_))
        ents = [{"start": start, "end": end, "label": label} for start, end, label in sorted(spans)]
        parsed.append({"text": doc.text, "ents": ents, "title": _title(doc)})
    settings = {**(options or {}), "colors": {**LABEL_COLORS, **(options or {}).get("colors", {})}}
    markup = displacy.render(parsed, style="ent", manual=True, options=settings, jupyter=False, page=False)
    return HtmlString(markup)


def _shorten(text: str, limit: int) -> str:
    """`text` on one line, cut in the middle at word boundaries to about `limit` characters."""
    words = text.split()
    text = " ".join(words)
    if len(text) <= limit:
        return text
    head: list[str] = []
    tail: list[str] = []
    for word in words:  # words from the start, up to half the room
        if len(" ".join([*head, word])) > limit // 2:
            break
        head.append(word)
    for word in reversed(words[len(head) :]):  # and from the end
        if len(" ".join([word, *tail])) > limit // 2:
            break
        tail.insert(0, word)
    return " ".join(head) + " … " + " ".join(tail) if head or tail else text[: max(limit - 1, 1)] + "…"


def _relation_parses(doc: Doc, labels: set[str] | None, gap_chars: int) -> list[dict[str, Any]]:
    """displaCy manual dependency data: one parse per paragraph (or run of paragraphs joined by a relation)."""
    relations = [rel for rel in doc._.relations or () if labels is None or rel["label"] in labels]
    units = _merged_units(doc, relations)
    if not units:
        return []
    unit_starts = [unit[0] for unit in units]
    bounds, blocks = _paragraph_blocks(doc, relations)
    parses = []
    for first, last in blocks:
        words, word_of_unit = _block_words(doc, units, bounds[first], bounds[last + 1], gap_chars)
        if not word_of_unit:
            continue
        arcs = _arcs(relations, unit_starts, word_of_unit)
        suffix = f" · paragraph {first + 1}" if first == last else f" · paragraphs {first + 1}–{last + 1}"
        parses.append({"words": words, "arcs": arcs, "title": _title(doc, suffix)})
    return parses


def _merged_units(doc: Doc, relations: list[dict[str, Any]]) -> list[list[Any]]:
    """[start, end, labels] of every figure and every span a relation points to, in text order; overlapping
    spans are merged into one unit (one "word" of the diagram)."""
    spans: dict[tuple[int, int], str] = {(fig["start"], fig["end"]): fig["label"] for fig in doc._.figures or ()}
    for relation in relations:
        for end in ("head", "child"):
            spans.setdefault((relation[end]["start"], relation[end]["end"]), relation[end]["label"])
    units: list[list[Any]] = []
    for (start, end), label in sorted(spans.items()):
        if units and start < units[-1][1]:
            units[-1][1] = max(units[-1][1], end)
            if label not in units[-1][2]:
                units[-1][2].append(label)
        else:
            units.append([start, end, [label]])
    return units


def _paragraph_blocks(doc: Doc, relations: list[dict[str, Any]]) -> tuple[list[int], list[tuple[int, int]]]:
    """The paragraphs' character bounds, and the blocks (first, last paragraph) drawn as one diagram each: a
    paragraph, or a run of paragraphs joined where a relation crosses a paragraph break."""
    breaks = doc_arrays(doc).segments.paragraph_chars[1:]
    bounds = [0, *breaks, len(doc.text)]
    reach = list(range(len(bounds) - 1))  # reach[p]: the last paragraph block p extends to
    for relation in relations:
        first, last = sorted(bisect.bisect_right(breaks, relation[end]["start"]) for end in ("head", "child"))
        reach[first] = max(reach[first], last)
    blocks: list[tuple[int, int]] = []
    paragraph = 0
    while paragraph < len(reach):
        last = reach[paragraph]
        inner = paragraph
        while inner < last:
            inner += 1
            last = max(last, reach[inner])
        blocks.append((paragraph, last))
        paragraph = last + 1
    return bounds, blocks


def _block_words(doc: Doc, units: list[list[Any]], block_start: int, block_end: int, gap_chars: int) -> tuple[list[dict[str, str]], dict[int, int]]:
    """The words of one block (its units, and the text between them shortened to `gap_chars`, 0 leaving it out),
    and the word of each unit in it by the unit's index."""
    words: list[dict[str, str]] = []
    word_of_unit: dict[int, int] = {}
    cursor = block_start
    for index, (start, end, unit_labels) in enumerate(units):
        if not block_start <= start < block_end:
            continue
        gap = _shorten(doc.text[cursor:start], gap_chars)
        if gap and gap_chars > 0:
            words.append({"text": gap, "tag": ""})
        word_of_unit[index] = len(words)
        words.append({"text": doc.text[start:end], "tag": "+".join(unit_labels)})
        cursor = end
    tail = _shorten(doc.text[cursor:block_end], gap_chars)
    if tail and gap_chars > 0:
        words.append({"text": tail, "tag": ""})
    return words, word_of_unit


def _arcs(relations: list[dict[str, Any]], unit_starts: list[int], word_of_unit: dict[int, int]) -> list[dict[str, Any]]:
    """One arc per relation between two different words of a block, from the figure to the child."""
    arcs = []
    for relation in relations:
        head, child = (word_of_unit.get(bisect.bisect_right(unit_starts, relation[end]["start"]) - 1) for end in ("head", "child"))
        if head is None or child is None or head == child:
            continue
        if child < head:
            arcs.append({"start": child, "end": head, "label": relation["label"], "dir": "left"})
        else:
            arcs.append({"start": head, "end": child, "label": relation["label"], "dir": "right"})
    return arcs


def show_relations(
    doc: Doc,
    *,
    labels: Iterable[str] | None = None,
    gap_chars: int = GAP_CHARS,
    options: dict[str, Any] | None = None,
) -> HtmlString:
    """The relations of a Doc as displaCy arcs from each figure to its indicator, period, region, equivalent and base.

    displaCy's dependency view in manual mode: every figure and every span a relation points
    to is one "word" (its label below it), the text between two of them is one more word,
    shortened to `gap_chars` characters (0 leaves it out), and each relation is an arc from
    the figure to the child, labelled INDICATOR, PERIOD, REGION, EQUALS or COMPARED_TO. There
    is one diagram per paragraph (relations do not cross paragraphs; if one did, its
    paragraphs would share a diagram). `labels` keeps only those relation labels; `options`
    go to displaCy's dependency renderer (`compact`, `distance`, `color`, `bg`, `font`...).
    Spans that overlap are merged into one word, and a relation between two of them is not drawn.
    """
    parses = _relation_parses(doc, set(labels) if labels is not None else None, gap_chars)
    if not parses:
        return HtmlString(f"<p>{_title(doc)}: no figures.</p>")
    rendered = []
    for parse in parses:
        longest = max(len(word["text"]) for word in parse["words"])
        distance = int(max(100, min(CHAR_WIDTH * longest + 24, 320)))
        settings = {"compact": True, "distance": distance, "offset_x": distance // 2, **(options or {})}
        markup = displacy.render([parse], style="dep", manual=True, options=settings, jupyter=False, page=False)
        rendered.append(_trim_compact(markup, parse["arcs"], settings))
    return HtmlString("\n".join(rendered))


def _trim_compact(markup: str, arcs: list[dict[str, Any]], settings: dict[str, Any]) -> str:
    """Crop the empty band above the arcs that displaCy leaves in compact mode (its height is that of curved arcs)."""
    if not settings.get("compact") or not arcs:
        return markup
    renderer = displacy.DependencyRenderer(settings)
    highest = max(renderer.get_levels(arcs).values(), default=0)
    offset_y = renderer.distance / 2 * highest + renderer.arrow_stroke
    top = int(offset_y - highest * renderer.distance / 6 - 12)
    tag = re.search(r"<svg\b[^>]*>", markup)
    width = re.search(r'\swidth="([\d.]+)"', tag.group(0)) if tag else None
    height = re.search(r'\sheight="([\d.]+)"', tag.group(0)) if tag else None
    if top <= 0 or tag is None or width is None or height is None:
        return markup
    cropped = float(height.group(1)) - top
    new_tag = tag.group(0).replace(height.group(0), f' height="{cropped:g}" viewBox="0 {top} {width.group(1)} {cropped:g}"', 1)
    new_tag = re.sub(r"height: [\d.]+px", f"height: {cropped:g}px", new_tag, count=1)
    return markup[: tag.start()] + new_tag + markup[tag.end() :]


FACT_KEYS = ("doc_id", "start", "text", "value", "unit", "equals", "equals_value", "equals_unit")


def convert_currency(facts: pd.DataFrame, to: str = "USD") -> pd.DataFrame:
    """A copy of a facts table with `value_converted`: each figure's value in currency `to`, where the text gives it.

    - a figure whose `unit` is `to` keeps its `value`;
    - a figure with an EQUALS partner in `to` takes the partner's value: the second figure of
      `7.5 trillion tenge (about $16.6 billion)` is the row whose `equals*` columns name the
      first, so the first gets `16.6e9` and the second, if the first is in `to`, `7.5e12`;
    - every other figure gets NA (NaN).

    Limits: only the EQUALS pairs the pipeline found, within one document, are used. No
    exchange rate is derived from a pair and applied to other figures, none comes from
    outside, and a rate written in the text (`at 450 tenge per dollar`) is not read. The
    partner's value is the article's own, usually rounded (`about $7.9 billion`), and for a
    range it is the midpoint. A pair is matched by document, text and unit, taking the
    nearest such figure before the row that names it. Percentages and multiples are never
    converted. The table needs the columns `doc_id, start, text, value, unit, equals,
    equals_value, equals_unit` (those of `pipeline.to_frames(docs)["facts"]`).
    """
    missing = [key for key in FACT_KEYS if key not in facts.columns]
    if missing:
        raise KeyError(f"convert_currency needs the facts columns {', '.join(missing)}")
    target = to.strip().upper()
    table = facts.copy()
    units = table["unit"].astype("string").str.upper()
    own = _equal(units, target)
    by_partner = ~own & _equal(table["equals_unit"].astype("string").str.upper(), target)
    converted = pd.Series(float("nan"), index=table.index, dtype="float64")
    converted[own] = table.loc[own, "value"].astype("float64")
    converted[by_partner] = table.loc[by_partner, "equals_value"].astype("float64")

    # A figure in another currency whose partner (the row that names it in `equals`) is in `to`.
    for _, head in table[own & table["equals"].notna()].iterrows():
        partners = table[
            _equal(table["doc_id"], head["doc_id"])
            & _equal(table["text"], head["equals"])
            & _equal(units, str(head["equals_unit"]).upper())
            & (table["start"] < head["start"])
        ]
        partners = partners[converted[partners.index].isna()]
        if not partners.empty:
            converted[partners["start"].astype("int64").idxmax()] = float(head["value"])
    table["value_converted"] = converted
    return table


def _equal(column: pd.Series, value: Any) -> pd.Series:
    """`column == value` as plain booleans (a missing cell is False, not NA)."""
    return column.astype("string").eq(str(value)).fillna(False).astype(bool)


def _period_key(row: pd.Series) -> tuple[Any, ...] | None:
    start = row.get("period_start")
    if start is not None and not pd.isna(start):
        end = row.get("period_end")
        return ("date", start, None if end is None or pd.isna(end) else end)
    label = row.get("period")
    if label is None or pd.isna(label):
        return None
    return ("label", str(label))


def plot_indicator(
    facts: pd.DataFrame,
    indicator: str,
    *,
    unit: str | None = None,
    region: str | None = None,
) -> Figure:
    """A matplotlib Figure of one indicator over its periods: one point per period, labelled with its text.

    The rows are those whose `indicator` equals `indicator` ignoring case and spacing, in one
    `unit` (default: the most frequent one among them) and, if given, one `region` (ignoring
    case). Rows with no period are left out. A period is its ISO start and end dates when
    resolved (x is `period_start`), else its text (then x is categorical, in order of first
    mention). Several rows for one period (the same fact in two articles, or two places)
    share one point: the mean of their values. The Figure uses the non-interactive Agg
    canvas and is not registered with pyplot: `fig.savefig("plot.png")` works without a
    display, and Jupyter shows it as a cell's value.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    wanted = " ".join(indicator.split()).casefold()
    names = facts["indicator"].astype("string").str.split().str.join(" ").str.casefold()
    rows = facts[_equal(names, wanted)]
    if region is not None:
        rows = rows[_equal(rows["region"].astype("string").str.casefold(), region.casefold())]
    if unit is None and not rows.empty and rows["unit"].notna().any():
        unit = str(rows["unit"].value_counts().index[0])
    if unit is not None:
        rows = rows[_equal(rows["unit"], unit)]
    rows = rows[rows["value"].notna()]

    points: dict[tuple[Any, ...], dict[str, Any]] = {}
    for _, row in rows.iterrows():
        key = _period_key(row)
        if key is None:
            continue
        point = points.setdefault(key, {"label": str(row["period"]), "values": []})
        point["values"].append(float(row["value"]))
    dated = bool(points) and all(key[0] == "date" for key in points)
    keys = sorted(points, key=lambda key: (key[1], key[2] or key[1])) if dated else list(points)
    xs = [key[1] for key in keys] if dated else [points[key]["label"] for key in keys]
    ys = [sum(points[key]["values"]) / len(points[key]["values"]) for key in keys]

    figure = _display_figure_class()(figsize=(8, 4.5), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot(xs, ys, marker="o", linestyle="-", color=LABEL_COLORS["INDICATOR"], markerfacecolor="#264653")
    for x, y, key in zip(xs, ys, keys):
        count = len(points[key]["values"])
        note = points[key]["label"] + (f" (mean of {count})" if count > 1 else "")
        axes.annotate(note, (x, y), textcoords="offset points", xytext=(0, 8), ha="center", fontsize=8)
    where = f" in {region}" if region else ""
    axes.set_title(f"{indicator}{where}" + ("" if points else " (no rows)"))
    axes.set_xlabel("period start" if dated else "period")
    axes.set_ylabel(f"value ({unit})" if unit else "value")
    axes.margins(x=0.15, y=0.2)
    if not dated:
        axes.tick_params(axis="x", labelrotation=20)
    return figure


def _display_figure_class() -> type:
    """`_DisplayFigure`, made on first use so that importing this module does not import matplotlib."""
    if "_DisplayFigure" in globals():
        return globals()["_DisplayFigure"]
    from matplotlib.figure import Figure

    class _DisplayFigure(Figure):
        """A Figure that Jupyter shows as a PNG even when no matplotlib backend is set up in the kernel."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", bbox_inches="tight")
            return buffer.getvalue()

    _DisplayFigure.__module__ = __name__
    _DisplayFigure.__qualname__ = "_DisplayFigure"
    globals()["_DisplayFigure"] = _DisplayFigure
    return _DisplayFigure


def __getattr__(name: str) -> Any:  # lets pickle find `pipeline.notebook.viz._DisplayFigure` in a fresh process
    if name == "_DisplayFigure":
        return _display_figure_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
