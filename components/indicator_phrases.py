"""The indicator phrase component: grow each INDICATOR candidate into the noun phrase it heads.

The concept ruler finds indicators by their head words (`revenue`, `exports`, `debt`) and a
closed list of modifiers. Real text puts open-class words around them: `external merchandise
trade`, `guaranteed transfer`, `Program expenses`, `investments in health and social
services`. Without a tagger, word classes come from spacy-lookups-data's lemma tables
(`lemma_index`, `lemma_exc`: English nouns, verbs, adjectives and adverbs). Following the
spec's INDICATOR convention (the shortest noun phrase for the quantity, without determiners
or "total", keeping the pre-modifiers and the of-/in- complement that complete the head),
each candidate:

- drops a leading `total` (and determiners);
- takes in the nouns and adjectives before it (also capitalised ones and hyphen compounds),
  up to a determiner, a possessive, a number, a demonym, an entity or a word listed as
  `not_modifier` (`significant`, `record`) or `stop_verb` (`increased tax revenue`);
- takes in a complement after it where its head takes one (`complement_head`: `investments
  in`, `expenditure on`, `interest rate on`, `exports of`): the preposition and a run of
  nouns and adjectives (with `and`/`,` coordination), not `of the ...` (`deficit of the state
  budget`: the owner, not a part) and not ending in a generic noun (`complement_stop`: `in
  the economy`).

An acronym right after an indicator (`the consumer price index IPCA`) and its other mentions
become candidates too, and so does the noun phrase before a change verb and its figure where
the clause names no indicator before it (`the mining and quarry sector expanded by 5.1 per
cent`, `food and beverages, which rose by`), with the items of the elliptic list after that
figure (`, manufacturing by 3.2 per cent`); change verbs are the `up`/`down` relation cues.
Candidates a grown phrase covers are dropped. Word lists are data: `lexicons/indicators.jsonl`,
and the relation cues (`lexicons/relation_cues.jsonl`) for the change verbs, articles,
possessives, phrase openers and list conjunctions (`and`, `&`).
"""

from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc, Span
from spacy.util import registry

from .doc_arrays import doc_arrays
from .lexicon_pipe import LexiconPipe, Tables
from .relations.cues import Cues
from .schema import FIGURE_LABELS
from .segments import Segments, positions

WORD_CLASSES = ("noun", "adj", "verb", "adv")
CONTENT_CLASSES = frozenset({"noun", "adj"})
MAX_ITEM_WORDS = 6  # words of one elliptic list item (`electricity, gas and water`)


@registry.readers("econ.word_classes.v1")
def create_word_class_reader(lang: str = "en") -> list[dict[str, Any]]:
    """English word classes from spacy-lookups-data: one row per class with its words (base and inflected forms)."""
    lookups = load_lookups(lang, ["lemma_index", "lemma_exc"])
    rows = []
    for word_class in WORD_CLASSES:
        words = set(lookups.get_table("lemma_index").get(word_class, ()))
        words |= set(lookups.get_table("lemma_exc").get(word_class, {}))
        rows.append({"class": word_class, "words": sorted(words)})
    return rows


@Language.factory(
    "econ_indicator_phrases",
    assigns=["doc.spans"],
    requires=["doc.spans", "doc.ents", "token.lemma", "token.is_sent_start"],
    default_config={"spans_key": "concept_candidates"},
)
def make_indicator_phrases(nlp: Language, name: str, spans_key: str) -> "IndicatorPhrases":
    """Build the phrase component; its word lists are loaded by `initialize` or `from_disk`."""
    return IndicatorPhrases(nlp, name, spans_key=spans_key)


class IndicatorPhrases(LexiconPipe):
    """Grows INDICATOR candidates into their noun phrases; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "indicator_phrases", *, spans_key: str = "concept_candidates") -> None:
        super().__init__(nlp, name)
        self.spans_key = spans_key

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: Tables | None = None,
        word_classes: list[dict[str, Any]] | None = None,
    ) -> None:
        """Load the indicator words (`econ.lexicon.v1`) and the word classes (`econ.word_classes.v1`)."""
        if lexicon is not None and word_classes is not None:
            lexicon = {**lexicon, "word_classes": word_classes}
        if lexicon is None or "word_classes" not in lexicon:
            raise ValueError(f"{self.name}: initialize needs the lexicon tables and the word classes")
        super().initialize(get_examples, nlp=nlp, lexicon=lexicon)

    def load(self, tables: Tables) -> None:
        """Index the word classes, the indicator word roles and the relation cues."""
        self.classes: dict[str, frozenset[str]] = {}
        members: dict[str, set[str]] = {}
        for row in tables["word_classes"]:
            for word in row["words"]:
                members.setdefault(word, set()).add(row["class"])
        self.classes = {word: frozenset(found) for word, found in members.items()}

        def role(name: str) -> frozenset[str]:
            return frozenset(row["word"].lower() for row in tables["indicators"] if row.get("role") == name)

        self.known = role("modifier") | role("head") | role("measure")  # not tails: `had forecast inflation`
        self.stops = role("not_modifier") | role("stop_verb")
        self.complement_heads = {
            row["word"].lower(): frozenset(row["prepositions"]) for row in tables["indicators"] if row.get("role") == "complement_head"
        }
        self.complement_stops = role("complement_stop")
        self.auxiliaries = role("auxiliary")
        self.licensing_auxiliaries = role("licensing_auxiliary")
        self.cues = Cues.from_rows(tables["relation_cues"], tables["indicators"], tables["multiples"])
        self.change_verbs = self.cues.up | self.cues.down

    def word_classes(self, word: str, lemma: str) -> frozenset[str]:
        """The classes a word can belong to: its own, else its lemma's as that form allows
        (`-ed`/`-ing` forms of a verb are verbs, `-s` forms nouns or verbs)."""
        own = self.classes.get(word)
        if own is not None or word == lemma:
            return own or frozenset()
        found = self.classes.get(lemma, frozenset())
        if word.endswith(("ed", "ing")):
            return found & {"verb"}
        if word.endswith("s"):
            return found & {"noun", "verb"}
        return found

    def find(self, doc: Doc) -> list[Span]:
        """The candidates, INDICATOR ones grown into their phrases."""
        if self.spans_key not in doc.spans:
            return []
        candidates = list(doc.spans[self.spans_key])
        others = [span for span in candidates if span.label_ != "INDICATOR"]
        arrays = doc_arrays(doc)
        ents = list(doc.ents)  # spaCy builds the spans on every access
        view = PhraseView(
            doc,
            arrays.words,
            arrays.lemmas or [""] * len(doc),
            {i for span in (*ents, *others) for i in range(span.start, span.end)},
            arrays.segments,
            [e for e in ents if e.label_ in FIGURE_LABELS],
        )
        grown = [self.grow(span, view) for span in candidates if span.label_ == "INDICATOR"]
        grown += self.acronym_mentions(grown, view)
        grown += self.subject_phrases(grown, view)
        kept: list[Span] = []
        for span in sorted(grown, key=lambda s: (s.start, -len(s))):  # a phrase that covers another candidate replaces it
            if kept and span.start < kept[-1].end:
                continue
            kept.append(span)
        return sorted(others + kept, key=lambda s: (s.start, s.end))

    def acronym_mentions(self, indicators: list[Span], view: "PhraseView") -> list[Span]:
        """An acronym right after an indicator names it (`the consumer price index IPCA`): that token and its
        mentions elsewhere are INDICATOR candidates too."""
        doc = view.doc
        texts = doc_arrays(doc).texts
        acronyms = {
            texts[span.end] for span in indicators
            if span.end < len(doc) and span.end not in view.blocked and is_all_caps_acronym(texts[span.end])
        }
        if not acronyms:
            return []
        taken = {i for span in indicators for i in range(span.start, span.end)}
        return [
            Span(doc, index, index + 1, label="INDICATOR")
            for index, text in enumerate(texts)
            if text in acronyms and index not in view.blocked and index not in taken
        ]

    def subject_phrases(self, indicators: list[Span], view: "PhraseView") -> list[Span]:
        """The noun phrase before a change verb and its figure, where the clause names no indicator before it
        (`the mining and quarry sector expanded by 5.1 per cent`, `Manufacturing grew 3%`), and the items of the
        elliptic list after that figure (`, manufacturing by 3.2 per cent, and trade, catering and accommodation 2.1 per cent`)."""
        doc, words, lemmas = view.doc, view.words, view.lemmas
        figures = {e.start: e for e in view.figures}
        if not figures:
            return []
        figure_ends = sorted(e.end for e in figures.values())
        found = []
        for index in sorted(index for lemma in self.change_verbs.intersection(lemmas) for index in positions(lemmas, lemma) if index):
            if "verb" not in self.classes.get(lemmas[index], ()):
                continue  # not the noun `increase`
            figure = figures.get(self.past_manner(index + 1, words))
            if figure is None:
                continue
            end = self.auxiliaries_start(index, words)
            if words[index] == lemmas[index] and not self.licensing_auxiliaries.intersection(words[end:index]):
                continue  # a bare form is a verb only after a modal or `to`: `is forecast to grow 3%`, `will expand 2%`
            end = end - 2 if words[end - 2 : end] == [",", "which"] else end  # `food and beverages, which rose by`
            start = self.modifiers_start(end, view)
            if start == end or not self.is_noun(end - 1, view):
                continue
            opener = start - 1
            while opener > 0 and words[opener] in self.cues.articles:
                opener -= 1
            if opener >= 0 and view.doc[opener].is_stop and words[opener] not in self.cues.articles and "," in words[start:end]:
                start = words.index(",", start) + 1  # `Among the groups, housing ... rose`: the subject follows the comma
            floor = max([view.segments.start(start)] + [end for end in figure_ends if end <= start])
            if any(floor <= s.start < start or s.end == end for s in indicators):
                continue  # `production in the mining sector rose 5%`: the clause has its indicator; `exports and imports rose`
            found.append(Span(doc, start, end, label="INDICATOR"))
            found += self.elliptic_items(figure, figures, view)
        return found

    def auxiliaries_start(self, verb: int, words: list[str]) -> int:
        """Where the auxiliaries before a verb start (`is forecast to` in `the economy is forecast to grow`, `has`)."""
        start = verb
        while start > 0 and words[start - 1] in self.auxiliaries:
            start -= 1
        return start

    def past_manner(self, index: int, words: list[str]) -> int:
        """Where a change verb's figure would start after `by` or a manner phrase (`at an annualised pace of`)."""
        if words[index : index + 1] == ["by"]:
            return index + 1
        if words[index : index + 1] != ["at"]:
            return index
        end = index + 1
        while end < len(words) and words[end] not in self.cues.pace_words and (words[end] in self.cues.articles or words[end] in self.cues.basis_words):
            end += 1
        if end < len(words) - 1 and words[end] in self.cues.pace_words and words[end + 1] == "of":
            return end + 2
        return index

    def elliptic_items(self, figure: Span, figures: dict[int, Span], view: "PhraseView") -> list[Span]:
        """The noun phrases of a list continuing a change with its verb left out (`, manufacturing by 3.2 per cent`)."""
        words, items = view.words, []
        limit = view.segments.end(figure.start)
        while figure.end < limit and words[figure.end] == ",":
            start = figure.end + 1 + (words[figure.end + 1 : figure.end + 2] == ["and"])
            end = start
            while end < limit and end - start <= MAX_ITEM_WORDS and (self.is_modifier(end, view) or words[end] in (",", "and") and end > start):
                end += 1
            following = figures.get(end + (words[end : end + 1] == ["by"]))
            if following is None or end == start or not self.is_noun(end - 1, view):
                break
            items.append(Span(view.doc, start, end, label="INDICATOR"))
            figure = following
        return items

    def is_noun(self, index: int, view: "PhraseView") -> bool:
        """Whether the token at `index` can be a noun (or is a listed indicator word)."""
        return view.words[index] in self.known or "noun" in self.word_classes(view.words[index], view.lemmas[index])

    def set_annotations(self, doc: Doc, found: list[Span]) -> None:
        if self.spans_key in doc.spans:
            doc.spans[self.spans_key] = found

    def grow(self, span: Span, view: "PhraseView") -> Span:
        """The phrase an INDICATOR candidate heads."""
        start, end = span.start, span.end
        while end - start > 1 and (view.words[start] in self.cues.articles or view.words[start] == "total"):
            start += 1
        if end - start == len(span):  # a listed phrase keeps its own beginning
            start = self.modifiers_start(start, view)
        end = self.complement_end(end, view)
        if (start, end) == (span.start, span.end):
            return span
        return Span(span.doc, start, end, label=span.label_)

    def is_modifier(self, index: int, view: "PhraseView") -> bool:
        """Whether the token at `index` can modify the phrase after it."""
        word = view.words[index]
        if index in view.blocked or word in self.stops:
            return False
        token = view.doc[index]
        if not token.is_alpha:
            return False
        if word in self.known:
            return True
        if token.is_stop:
            return False
        classes = self.word_classes(word, view.lemmas[index])
        return bool(classes & CONTENT_CLASSES) or "verb" in classes and word.endswith("ed")  # `guaranteed transfer`

    def modifiers_start(self, start: int, view: "PhraseView") -> int:
        """Where the pre-modifiers before token `start` begin (within its sentence).

        A capitalised modifier stands at the sentence start or before another capitalised
        word (`Household Final Consumption Expenditure`; not `French price growth`). The
        first word must open a noun phrase: a word that can be a verb is dropped unless a
        determiner, preposition or the sentence start stands before it (`the bank projects
        GDP growth`, `banks issued loans`).
        """
        floor = view.segments.start(start)
        doc = view.doc
        index = start
        while index > floor:
            previous = index - 1
            if view.words[previous] == "-" and previous > floor and not doc[previous - 1].whitespace_ and not doc[previous].whitespace_:
                if doc[previous - 1].like_num or doc[previous - 1].is_alpha and view.words[previous - 1] not in self.stops:
                    index = previous - 1  # `non-oil revenue`, `goods-producing sector`, `12-month`
                    continue
                break
            hyphen = previous - 1
            if hyphen > floor and view.words[hyphen] == "-" and not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_ and doc[previous].is_alpha:
                if doc[hyphen - 1].is_alpha and view.words[hyphen - 1] not in self.stops and hyphen - 1 not in view.blocked:
                    index = hyphen - 1  # `goods-producing sector`: the compound modifies as a whole
                    continue
            if (
                view.words[previous] in self.cues.list_conjunctions and previous - 1 >= floor and self.is_modifier(previous - 1, view)
                and index < start
            ):
                index = previous - 1  # `oil and gas condensate exports`
                continue
            if (
                view.words[previous] == "," and "and" in view.words[index:start] + view.words[start : start + 3]
                and previous - 1 >= floor and self.is_modifier(previous - 1, view)
            ):
                index = previous - 1  # `oil, gas and coal exports`, `the agriculture, forestry and fishing sector`
                continue
            if not self.is_modifier(previous, view):
                break
            if doc[previous].text[:1].isupper() and previous > floor and not doc[index].text[:1].isupper():
                break
            index = previous
        for position in range(start - 1, index - 1, -1):  # `banks issued loans`, `the bank projects GDP growth`
            if not self.opens_phrase(position, floor, view, inside=position > index):
                return position + 1
        return index

    def opens_phrase(self, index: int, floor: int, view: "PhraseView", *, inside: bool = False) -> bool:
        """Whether a modifier can stand where it is: not a verb of the clause (a word that can
        be a verb and is not a listed word, after anything but the sentence start, a determiner,
        a preposition, a punctuation mark, a hyphen, or an `and` `inside` the phrase; a bare form
        after `to` or a modal)."""
        word = view.words[index]
        if word in self.known or index == floor:
            return True
        classes = self.word_classes(word, view.lemmas[index])
        if "verb" not in classes:
            return True
        before = view.doc[index - 1]
        if before.text == "-" and not before.whitespace_:
            return True  # `goods-producing sector`
        if before.lower_ in self.licensing_auxiliaries and word == view.lemmas[index]:
            return False  # a bare form after `to` or a modal is the clause's verb: `plans to raise spending`
        # `mining and quarry sector`
        return before.lower_ in self.cues.phrase_openers or (inside and before.lower_ in self.cues.list_conjunctions) or before.is_punct

    def complement_end(self, end: int, view: "PhraseView") -> int:
        """Where an of-/in-/on-/from- complement after token `end` ends (`end` if there is none)."""
        doc, words = view.doc, view.words
        limit = view.segments.end(end - 1)
        if end >= limit or words[end] not in self.complement_heads.get(words[end - 1], ()):
            return end
        index = end + 1
        if index < limit and words[index] == "the":
            if words[end] == "of":
                return end  # `deficit of the state budget`: the owner, not a part
            index += 1
        first, last_noun = index, None
        while index < limit:
            word = words[index]
            if word in ("and", ",") and last_noun is not None and index + 1 < limit and self.is_content(index + 1, view):
                index += 1
                continue
            if word in self.cues.plural_possessives and last_noun is not None:
                following = index + 1 + (words[index + 1 : index + 2] == ["own"])
                if following < limit and self.is_content(following, view):
                    index = following  # `the businesses’ own funds`
                    continue
            if not self.is_content(index, view):
                if index > first and word in self.complement_stops and doc[index].text.islower() and self.is_noun(index, view):
                    last_noun = index  # `investments in fixed capital`: a generic noun after a modifier is a specific one
                break
            if self.is_noun(index, view):
                last_noun = index
            index += 1
        if last_noun is None or (last_noun == first and words[last_noun] in self.complement_stops):
            return end
        return last_noun + 1 if doc[last_noun].text[:1].islower() or doc[last_noun].is_upper else end

    def is_content(self, index: int, view: "PhraseView") -> bool:
        """Whether the token at `index` can stand in a complement: a lower-case modifier word, not a generic noun."""
        token = view.doc[index]
        if view.words[index] in self.complement_stops or (token.text[:1].isupper() and not token.is_upper):
            return False  # `in the economy`; a name: `trade in the European Union`
        return self.is_modifier(index, view)


def is_all_caps_acronym(text: str) -> bool:
    """Whether a token is an all-capital acronym of two to six letters (`IPCA`, `PMI`)."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


class PhraseView:
    """The arrays one doc's phrases are read from."""

    def __init__(self, doc: Doc, words: list[str], lemmas: list[str], blocked: set[int], segments: Segments, figures: list[Span]) -> None:
        self.doc = doc
        self.figures = figures
        self.words = words
        self.lemmas = lemmas
        self.blocked = blocked
        self.segments = segments
