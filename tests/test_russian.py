"""The Russian pipeline: language routing, figures, places, organisations and periods (sentences of our own)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import pipeline
from components.lexicon import read_jsonl
from components.normal_forms import nominative_phrase
from pipeline.languages import detect_language, document_language
from pipeline.loading import Pipelines
from pipeline.run.annotate import annotate
from pipeline.run.reading import UNSUPPORTED_LANGUAGE, Document, make_document
from pipeline.run.running import run_inputs

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ru():
    return pipeline.load(lang="ru")


@pytest.mark.parametrize(
    "text,meta,lang",
    [
        ("Exports rose 5% in 2023.", {}, "en"),
        ("Импорт Узбекистана вырос на 7,1% за девять месяцев.", {}, "ru"),
        ("Импорт вырос на 7%.", {"lang": "EN"}, "en"),  # meta.lang decides
        ("Қазақстанның өнеркәсіп өндірісі 4,2% өсті, өңірлерде өсім байқалды.", {}, "kk"),
        ("Акимат Шымкента (Shymkent) сообщил о росте на 3%.", {}, "ru"),
        ("1 234 567", {}, "en"),
    ],
)
def test_language_of_a_document(text, meta, lang):
    assert document_language(text, meta) == lang


def test_a_russian_text_quoting_one_kazakh_letter_stays_russian():
    text = "Товарооборот области Абай составил 12 млрд тенге, сообщает портал «Әділет». " + "Экспорт вырос на 4,5%, импорт снизился на 2,1%. " * 10
    assert detect_language(text) == "ru"


def test_kazakh_is_refused_with_its_own_status():
    refused = make_document("Қазақстан экспорты 2023 жылы өсті.", "kk1", {}, source="kk.txt", encoding="utf-8", is_html=False)
    assert (refused.status, refused.lang) == (UNSUPPORTED_LANGUAGE, "kk")


def test_an_english_run_never_loads_the_russian_pipeline():
    nlp = pipeline.load()
    list(annotate(nlp, [Document("e", "Exports rose 5% in 2023.")]))
    assert set(Pipelines.around(nlp).loaded) == {"en"}


FIGURES = [
    ("Выручка сети достигла 4,25 млрд тенге.", "4,25 млрд тенге", 4.25e9, "KZT"),
    ("Долг компании — 1 250 млн тенге.", "1 250 млн тенге", 1.25e9, "KZT"),
    ("Фонд получил ₸310,4 млрд за квартал.", "₸310,4 млрд", 3.104e11, "KZT"),
    ("Поступило 18 тыс. тг на счёт.", "18 тыс. тг", 1.8e4, "KZT"),
    ("Зарплата выросла до 412 300 тенге.", "412 300 тенге", 412300.0, "KZT"),
    ("Приток инвестиций составил $2,75 млрд.", "$2,75 млрд", 2.75e9, "USD"),  # the sentence's period, not the figure's
    ("Приток составил $2,75 млрд. Отток снизился.", "$2,75 млрд", 2.75e9, "USD"),
    ("Приток составил $2,75 млрд.\nОтток снизился.", "$2,75 млрд", 2.75e9, "USD"),
    ("Приток составил $2,75 млрд. (рост на 4%).", "$2,75 млрд.", 2.75e9, "USD"),  # mid-sentence the period is the abbreviation's
    ("Экспорт составил 833,5 млн долл. США.", "833,5 млн долл. США", 8.335e8, "USD"),
    ("Выручка составила 14,2 трлн. тенге.", "14,2 трлн. тенге", 1.42e13, "KZT"),
    ("Экспорт оценивается в 640 млн долл. США.", "640 млн долл. США", 6.4e8, "USD"),
    ("Импорт составил 3 миллиарда долларов.", "3 миллиарда долларов", 3e9, "USD"),
    ("Бюджет вырос на 95,5 трлн сумов.", "95,5 трлн сумов", 9.55e13, "UZS"),
    ("Доходы составили 41 миллиард 300 миллионов сомов.", "41 миллиард 300 миллионов сомов", 4.13e10, "KGS"),
    ("Сделка оценена в 12,5 млн евро.", "12,5 млн евро", 1.25e7, "EUR"),
    ("Поставки на 870 млн юаней.", "870 млн юаней", 8.7e8, "CNY"),
    ("Оплата 25 тысяч рублей.", "25 тысяч рублей", 2.5e4, "RUB"),
]


@pytest.mark.parametrize("sentence,surface,value,unit", FIGURES)
def test_money_in_russian(ru, sentence, surface, value, unit):
    (figure,) = [f for f in ru(sentence)._.figures if f["label"] == "MONEY"]
    assert (figure["text"], figure["unit"]) == (surface, unit)
    assert figure["value"] == pytest.approx(value)


PERCENTS = [
    ("Индекс цен составил 108,3%.", "108,3%", 108.3, "%", None),
    ("Розница выросла на 6,4 процента.", "6,4 процента", 6.4, "%", None),
    ("Доля снизилась на 1,2 п.п.", "1,2 п.п.", 1.2, "pp", None),
    ("Ставка выросла на 0,75 процентных пункта.", "0,75 процентных пункта", 0.75, "pp", None),
    ("Выпуск увеличился в 2,3 раза.", "2,3 раза", 2.3, "x", None),
    ("Экспорт вырос вдвое.", "вдвое", 2.0, "x", None),
    ("Рост составил почти 9%.", "9%", 9.0, "%", "почти"),
    ("Инфляция превысила свыше 12,1%.", "12,1%", 12.1, "%", "свыше"),
]


@pytest.mark.parametrize("sentence,surface,value,unit,hedge", PERCENTS)
def test_percentages_in_russian(ru, sentence, surface, value, unit, hedge):
    (figure,) = ru(sentence)._.figures
    assert (figure["text"], figure["unit"], figure["approx"]) == (surface, unit, hedge)
    assert figure["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence,label,surface",
    [
        ("Товарооборот в Казахстане вырос.", "REGION", "Казахстане"),
        ("Промышленность Павлодарской области выросла.", "REGION", "Павлодарской"),
        ("Рост отмечен в Северо-Казахстанской области.", "REGION", "Северо-Казахстанской"),
        ("Экспорт из Узбекистана вырос.", "REGION", "Узбекистана"),
        ("Торговля с Центральной Азией выросла.", "REGION", "Центральной Азией"),
        ("Урожай в Навоийской области вырос.", "REGION", "Навоийской"),
        ("Зарплата в Джалал-Абадской области выросла.", "REGION", "Джалал-Абадской"),
        ("Выпуск стали в Темиртау снизился.", "REGION", "Темиртау"),
        ("Добыча нефти в Жанаозене снизилась.", "REGION", "Жанаозене"),
        ("По данным Нацстаткома, выпуск вырос.", "ORG", "Нацстаткома"),
        ("Экспорт Республики Каракалпакстан вырос.", "REGION", "Республики Каракалпакстан"),
        ("По данным Бюро национальной статистики, рост продолжился.", "ORG", "Бюро национальной статистики"),
        ("Решение принял Национальный банк.", "ORG", "Национальный банк"),
        ("Об этом сообщили в Минфине.", "ORG", "Минфине"),
        ("Как сообщает Всемирный банк, рост замедлился.", "ORG", "Всемирный банк"),
        ("По данным Комитета государственных доходов, сборы выросли.", "ORG", "Комитета государственных доходов"),
        ("Национальный банк Кыргызской Республики сохранил ставку.", "ORG", "Национальный банк Кыргызской Республики"),
        ("Об этом пишет КазТАГ.", "ORG", "КазТАГ"),
        ("Решение одобрил Мажилис.", "ORG", "Мажилис"),
        ("Об этом пишет Капитал.", "ORG", "Капитал"),
    ],
)
def test_places_and_organisations_in_every_case(ru, sentence, label, surface):
    assert (surface, label) in [(ent.text, ent.label_) for ent in ru(sentence).ents]


@pytest.mark.parametrize("sentence", ["Инвестиции в основной капитал выросли на 3%.", "Запущен спутник связи стоимостью $300 млн."])
def test_an_outlet_named_by_an_ordinary_word_needs_its_capital(ru, sentence):
    assert "ORG" not in [ent.label_ for ent in ru(sentence).ents]


def test_an_anaphoric_period_is_a_span(ru):
    (doc,) = annotate(ru, [Document("p", "Оптовая торговля за этот период составила 2,9 трлн тенге.", {"date": "2024-05-15", "lang": "ru"})])
    (fact,) = doc._.facts
    assert fact["period"] == "этот период"


@pytest.mark.parametrize(
    "sentence,period,start,end",
    [
        ("В январе-сентябре 2023 года экспорт составил 40,2 млрд долларов.", "январе-сентябре 2023 года", "2023-01-01", "2023-09-30"),
        ("Во II квартале 2024 года ВВП вырос на 3,1%.", "II квартале 2024 года", "2024-04-01", "2024-06-30"),
        ("За 10 месяцев 2023 года импорт составил 18,4 млрд долларов.", "За 10 месяцев 2023 года", "2023-01-01", "2023-10-31"),
        ("В 2022 году инфляция составила 20,3%.", "2022 году", "2022-01-01", "2022-12-31"),
        ("С начала года выпуск вырос на 4,1%.", "С начала года", "2024-01-01", "2024-05-15"),
        ("В прошлом году экспорт вырос на 6,2%.", "прошлом году", "2023-01-01", "2023-12-31"),
        ("На 1 апреля 2024 года депозиты достигли 36,4 трлн тенге.", "1 апреля 2024 года", "2024-04-01", "2024-04-01"),
        ("На конец марта резервы составили $35,9 млрд.", "конец марта", "2024-03-01", "2024-03-31"),
    ],
)
def test_periods_resolve_to_dates(ru, sentence, period, start, end):
    (doc,) = annotate(ru, [Document("p", sentence, {"date": "2024-05-15", "lang": "ru"})])
    (fact,) = doc._.facts
    assert (fact["period"], fact["period_start"], fact["period_end"]) == (period, start, end)


def test_a_mixed_folder_runs_in_one_run(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "en.txt").write_text("Kazakhstan's exports rose 5.2% to $40 billion in 2023.\n", encoding="utf-8")
    (inputs / "ru.txt").write_text("Экспорт Казахстана в 2023 году вырос на 5,2%, до $40 млрд.\n", encoding="utf-8")
    (inputs / "kk.txt").write_text("Қазақстанның экспорты 2023 жылы 5,2% өсті, өңірлер өсім көрсетті.\n", encoding="utf-8")
    summary = run_inputs([str(inputs)], str(tmp_path / "out"))
    assert (summary.processed, summary.skipped) == (2, 1)
    docs = pd.read_parquet(tmp_path / "out" / "docs.parquet").set_index("doc_id")
    assert docs["lang"].to_dict() == {"en": "en", "kk": "kk", "ru": "ru"}
    assert docs.loc["kk", "status"] == UNSUPPORTED_LANGUAGE
    facts = pd.read_parquet(tmp_path / "out" / "facts.parquet")
    assert sorted(set(zip(facts["doc_id"], facts["lang"]))) == [("en", "en"), ("ru", "ru")]
    ru_facts = facts[facts["doc_id"] == "ru"].set_index("text")
    assert ru_facts.loc["$40 млрд", "value"] == 4e10 and ru_facts.loc["5,2%", "region"] == "Казахстана"


def fact_of(ru, sentence: str, surface: str) -> dict:
    (doc,) = annotate(ru, [Document("r", sentence, {"date": "2024-05-15", "lang": "ru"})])
    return next(fact for fact in doc._.facts if fact["text"] == surface)


@pytest.mark.parametrize(
    "sentence,surface,kind,direction,compared_to",
    [
        ("Выпуск цемента вырос на 6,4% по сравнению с аналогичным периодом прошлого года.", "6,4%", "change", "up", "аналогичным периодом прошлого года"),
        ("В сравнении с январем-июнем 2023 года добыча угля сократилась на 2,7%.", "2,7%", "change", "down", "январем-июнем 2023 года"),
        ("Инвестиции составили 3,2 трлн тенге, на 11,5% больше, чем годом ранее.", "11,5%", "change", "up", "годом ранее"),
        ("Грузооборот уменьшился на 0,8% относительно 2022 года.", "0,8%", "change", "down", "2022 года"),
        ("Индекс цен к соответствующему периоду 2023 года составил 104,2%.", "104,2%", "index", "up", "соответствующему периоду 2023 года"),
        ("Индекс потребительских цен составил 98,6%.", "98,6%", "index", "down", None),
        ("Доля экспорта в товарообороте составила 61,3%.", "61,3%", "share", None, None),
        ("На Китай пришлось 18,2% всего импорта.", "18,2%", "share", None, None),
        ("Базовая ставка составила 14,75%.", "14,75%", "rate", None, None),
        ("Производство продукции снизилось в 1,4 раза.", "1,4 раза", "change", "down", None),
        ("Пассивы банков выросли до 48,2 трлн тенге.", "48,2 трлн тенге", "level", None, None),
        ("Выпуск должен вырасти к 2030 году до 9 трлн тенге.", "9 трлн тенге", "level", None, None),
    ],
)
def test_kind_direction_and_base_in_russian(ru, sentence, surface, kind, direction, compared_to):
    fact = fact_of(ru, sentence, surface)
    assert (fact["kind"], fact["direction"], fact["compared_to"]) == (kind, direction, compared_to)


@pytest.mark.parametrize(
    "sentence,surface,region",
    [
        ("Товарооборот Казахстана с Китаем составил $31,5 млрд.", "$31,5 млрд", "Казахстана"),
        ("Экспорт из Узбекистана в Россию вырос на 12,4%.", "12,4%", "Узбекистана"),
        ("Импорт Кыргызстана из Турции составил $1,2 млрд.", "$1,2 млрд", "Кыргызстана"),
        ("Товарооборот между Таджикистаном и Казахстаном вырос на 8,1%.", "8,1%", "Таджикистаном"),
        ("Объем промышленного производства в Карагандинской области составил 4,1 трлн тенге.", "4,1 трлн тенге", "Карагандинской"),
        ("В 2023 году товарооборот Таджикистана со странами региона составил:\n- с Узбекистаном - $0,9 млрд;\n- с Кыргызстаном - $0,2 млрд.",
         "$0,2 млрд", "Таджикистана"),
    ],
)
def test_the_region_is_the_economy_whose_statistic_it_is(ru, sentence, surface, region):
    assert fact_of(ru, sentence, surface)["region"] == region


@pytest.mark.parametrize(
    "sentence,surface,indicator_norm,region_norm",
    [
        (
            "В Карагандинской области рост объема промышленного производства составил 4,2%.",
            "4,2%",
            "объем промышленного производства",
            "Карагандинская область",
        ),
        ("Доходы бюджета Казахстана выросли на 5,3%.", "5,3%", "Доходы бюджета", "Казахстан"),
        ("Средняя номинальная заработная плата в Казахстане составила 412 тыс. тенге.", "412 тыс. тенге", "Средняя номинальная заработная плата", "Казахстан"),
    ],
)
def test_normal_forms_of_indicator_and_region(ru, sentence, surface, indicator_norm, region_norm):
    fact = fact_of(ru, sentence, surface)
    assert (fact["indicator_norm"], fact["region_norm"]) == (indicator_norm, region_norm)


def test_english_normal_forms_are_as_written():
    (fact,) = pipeline.load()("Industrial production in Kazakhstan rose 5% in 2023.")._.facts
    assert (fact["indicator_norm"], fact["region_norm"]) == (fact["indicator"], fact["region"])


@pytest.mark.parametrize(
    "written,normal",
    [
        ("объема промышленного производства", "объем промышленного производства"),
        ("Объёмом розничной торговли", "Объём розничной торговли"),
        ("Карагандинской области", "Карагандинская область"),
        ("Восточно-Казахстанской области", "Восточно-Казахстанская область"),
        ("доходов бюджета", "доходы бюджета"),
        ("ВВП", "ВВП"),
        ("инвестиций в основной капитал", "инвестиции в основной капитал"),
    ],
)
def test_nominative_phrase(written, normal):
    assert nominative_phrase(tuple(written.split())) == normal


@pytest.mark.parametrize(
    "sentence,surface,indicator",
    [
        ("Совокупные активы банков выросли до 61,2 трлн тенге.", "61,2 трлн тенге", "активы банков"),  # a quantifier stays out
        ("Общий объем экспорта составил $3,4 млрд.", "$3,4 млрд", "объем экспорта"),
        ("Наибольший объем инвестиций пришелся на Туркестанскую область – 0,8 трлн тенге.", "0,8 трлн тенге", "объем инвестиций"),
        ("Наиболее высокая зарплата отмечена в Астане – 512 тыс. тенге.", "512 тыс. тенге", "зарплата"),
        ("Снижение добычи составило 3,3%.", "3,3%", "добычи"),  # a change word, like рост
        ("Кредиты населению выросли на 12,7%.", "12,7%", "Кредиты населению"),  # the holder of the quantity
        ("Депозиты банковской системы достигли 44 трлн тенге.", "44 трлн тенге", "Депозиты банковской системы"),
        ("Индекс физического объема промышленного производства составил 104,1%.", "104,1%", "Индекс физического объема промышленного производства"),
        ("Объем розничной торговли составил 5,1 трлн сумов.", "5,1 трлн сумов", "Объем розничной торговли"),  # объем written with е
        ("Сальдо внешней торговли составило $2,3 млрд.", "$2,3 млрд", "Сальдо внешней торговли"),
        ("Обрабатывающая промышленность выросла на 4,9%.", "4,9%", "Обрабатывающая промышленность"),
        ("Ставка сохранена на уровне 16,5%.", "16,5%", "Ставка"),  # на уровне frames the figure
        ("Инвестиции в основной капитал выросли на 6,2%.", "6,2%", "Инвестиции в основной капитал"),  # a complement that completes the head
        ("Доля в товарообороте составила 21,4%.", "21,4%", "Доля в товарообороте"),
    ],
)
def test_indicator_phrases_in_russian(ru, sentence, surface, indicator):
    assert fact_of(ru, sentence, surface)["indicator"] == indicator



def test_the_remembering_lemmatizer_gives_spacys_russian_lemmas(ru):
    import spacy

    plain = spacy.blank("ru")
    plain.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    plain.initialize()
    text = "Объем промышленного производства в Карагандинской области вырос на 4,2% (до 1,5 трлн тенге), а импорт из КНР снизился."
    for _ in range(2):  # the second time from memory
        assert [token.lemma_ for token in ru(text)] == [token.lemma_ for token in plain(text)]


CONCEPTS = {row["concept"] for row in read_jsonl(PROJECT_DIR / "configs" / "lexicons" / "indicator_concepts.jsonl") if row["role"] == "concept"}


@pytest.mark.parametrize(
    "russian,english",
    [
        ("Объем промышленного производства вырос на 4,1% в 2023 году.", "Industrial production rose 4.1% in 2023."),
        ("Индекс физического объема промышленного производства составил 104,1%.", "The industrial production index was 104.1%."),
        ("ВВП вырос на 5,1% в 2023 году.", "GDP grew 5.1% in 2023."),
        ("Годовая инфляция замедлилась до 8,4% в марте.", "Annual inflation slowed to 8.4% in March."),
        ("Экспорта товаров было на $3,5 млрд.", "Exports of goods were $3.5 billion."),
        ("Внешнеторговый оборот составил $12,6 млрд.", "Foreign trade turnover was $12.6 billion."),
        ("Товарооборот с Китаем вырос на 9,9%.", "Trade turnover with China rose 9.9%."),
        ("Базовую ставку снизили до 14,75%.", "The base rate was cut to 14.75%."),
        ("Объем розничной торговли составил 3,2 трлн тенге.", "Retail trade was 3.2 trillion tenge."),
        ("Доходы государственного бюджета составили 19,1 трлн тенге.", "State budget revenue was 19.1 trillion tenge."),
        ("Инвестиции в основной капитал выросли на 6,2%.", "Investment in fixed capital rose 6.2%."),
        ("Объем денежных переводов составил $1,4 млрд.", "Remittances were $1.4 billion."),
        ("Среднемесячная номинальная заработная плата составила 402 тыс. тенге.", "The average monthly nominal wage was 402 thousand tenge."),
        ("Кредитный портфель банков вырос до 36,5 трлн тенге.", "The loan portfolio rose to 36.5 trillion tenge."),
    ],
)
def test_a_russian_indicator_shares_its_id_with_english(nlp, ru, russian, english):
    (en_fact,) = nlp(english)._.facts
    (ru_fact,) = ru(russian)._.facts
    assert ru_fact["indicator_id"] == en_fact["indicator_id"] in CONCEPTS


def test_a_russian_indicator_of_no_concept_gets_the_key_of_its_dictionary_forms(ru):
    (fact,) = ru("Пассивы банков выросли до 52 трлн тенге.")._.facts
    assert fact["indicator_id"] == "пассив"  # the holder (банков) framed off, like `volume of` in English

