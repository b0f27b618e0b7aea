"""The one schema of what the pipeline extracts: its labels, the figure, fact and relation dicts, and the table rows.

Components store plain dicts of these shapes on the Doc (`doc._.figures`, `doc._.facts`, `doc._.relations`), so
`DocBin(store_user_data=True)` and `nlp.pipe(n_process=N)` carry them. Every field of a row's schema carries the
dtype of its column (`Annotated[type, dtype]`); `pipeline/run/export.py` turns the dicts into rows and takes the
tables' columns, in field order, and their dtypes from here (`columns`). A `date` column holds an ISO date string
on the Doc and a `datetime.date` in the tables.
"""
from typing import Annotated, TypedDict, get_type_hints

FIGURE_LABELS = ("MONEY", "PERCENT")
ENTITY_LABELS = (*FIGURE_LABELS, "REGION", "ORG")  # the labels of `doc.ents`
CONCEPT_LABELS = ("INDICATOR", "PERIOD")  # the labels of the INDICATOR/PERIOD span groups
SPAN_LABELS = (*ENTITY_LABELS, *CONCEPT_LABELS)
RELATION_LABELS = ("INDICATOR", "PERIOD", "REGION", "EQUALS", "COMPARED_TO")

Offset = Annotated[int, "int64"]
Number = Annotated[float, "float64"]
OptionalNumber = Annotated[float | None, "float64"]
Text = Annotated[str, "string"]
OptionalText = Annotated[str | None, "string"]
Flag = Annotated[bool, "boolean"]
IsoDate = Annotated[str | None, "date"]


class Offsets(TypedDict):
    """Character offsets into the Doc's text, end exclusive."""

    start: Offset
    end: Offset


class SpanRef(Offsets):
    """A span as a relation end (the spec's `head_span`, `child_span`): its offsets and label."""

    label: Text


class Relation(TypedDict):
    """One relation of `doc._.relations`: a figure (`head`), what it is linked to (`child`), one of `RELATION_LABELS`."""

    head: SpanRef
    child: SpanRef
    label: str


class FigureSpan(Offsets):
    """Where a figure stands: its offsets, surface and label (MONEY or PERCENT)."""

    text: Text
    label: Text


class Reading(TypedDict):
    """What a figure's surface reads as."""

    value: Number  # the scale applied; a range's midpoint
    unit: OptionalText  # an ISO 4217 code, `%`, `pp` or `x` (a bare amount has none until its currency is found)
    unit_assumed: Flag  # the currency was inferred from the article, not written
    approx: OptionalText  # the hedge before it (`about`, `more than`)
    low: OptionalNumber  # a range's ends
    high: OptionalNumber


class Figure(FigureSpan, Reading):
    """One figure of `doc._.figures` (the figure normaliser)."""

    pattern: OptionalText  # the id of the pattern that found it


class DocKey(TypedDict):
    """The document a row belongs to."""

    doc_id: OptionalText


class Fact(DocKey, FigureSpan, Reading):
    """One fact of `doc._.facts` per figure (the relations pipe): what, how much, when, where, against what."""

    kind: Text  # level, change, share, rate or index
    direction: OptionalText  # up or down
    change_pct: OptionalNumber  # the signed change in percent, where it can be derived
    indicator: OptionalText
    indicator_id: OptionalText  # the concept the indicator names (`lexicons/indicator_concepts.jsonl`), else its lemma
    indicator_norm: OptionalText  # its normalised nominative form (`объем промышленного производства`); English: as written
    period: OptionalText
    period_start: IsoDate
    period_end: IsoDate
    region: OptionalText
    region_id: OptionalText  # the place's id in every language and spelling: a country's ISO code (`KZ`), else its slug (`kz-karaganda`)
    region_norm: OptionalText  # its normalised nominative form (`Карагандинская область`, `Казахстан`); English: as written
    equals: OptionalText  # the figure it converts (EQUALS), and its value and unit
    equals_value: OptionalNumber
    equals_unit: OptionalText
    compared_to: OptionalText  # its base (COMPARED_TO): a figure (value, unit) or a period (its dates)
    compared_to_value: OptionalNumber
    compared_to_unit: OptionalText
    compared_to_period_start: IsoDate
    compared_to_period_end: IsoDate
    sentence: Text


class CheckedFact(Fact, total=False):
    """A fact once the fact checks (`econ_fact_checks`, a later pipe) ran: a row of the facts table."""

    flags: OptionalText  # the names of the checks it fails, joined by `;`; empty when it passes them all


class FactRow(CheckedFact):
    """A row of the facts table: a checked fact and the language of its document (`en`, `ru`: its pipeline's)."""

    lang: OptionalText


class Mention(SpanRef):
    """A span with its surface."""

    text: Text


class EntityRow(DocKey, Mention, Reading):
    """A row of the entities table: one entity of `doc.ents`, a figure with what it reads as."""

    pattern: OptionalText


class RelationRow(DocKey):
    """A row of the relations table: one relation with the surfaces of both ends."""

    label: Text
    head_start: Offset
    head_end: Offset
    head_text: Text
    child_start: Offset
    child_end: Offset
    child_label: Text
    child_text: Text


def columns(schema: type) -> dict[str, str]:
    """The columns of a row schema, in field order, with their dtypes."""
    return {name: hint.__metadata__[0] for name, hint in get_type_hints(schema, include_extras=True).items()}
