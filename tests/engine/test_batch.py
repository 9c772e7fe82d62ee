"""The batch engine: for every project exactly the recommended rung and the scores that advise() gives."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from conftest import BUNDLED, golden_answers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.engine import batch
from ladder.engine.advisor import advise, recommend
from ladder.engine.batch import MULTI_SEPARATOR, BatchResult, advise_many, advise_many_each
from ladder.rules.loading import load_rule_set
from ladder.rules.model import UNKNOWN, RuleSet
from ladder.rules.problems import AnswerError

FRAMEWORKS = BUNDLED.ids()
# Every way a spreadsheet cell can say "not known".
UNKNOWN_CELLS = (UNKNOWN, "", None, math.nan)


def cells_and_answers(rule_set: RuleSet, trait_id: str) -> list[tuple[object, object]]:
    """Cells as a portfolio file may hold them, each with the same answer as advise() takes it (None: not given)."""
    trait = rule_set.trait(trait_id)
    options = trait.option_ids()
    pairs: list[tuple[object, object]] = [(cell, None) for cell in UNKNOWN_CELLS]
    if not trait.multiple:
        return pairs + [(o, o) for o in options]
    # Several answers in ladder order, in reverse, and with a repeat, as a person could type them; an exclusive
    # option (procedure: geen, ...) only on its own, as the form gives it.
    exclusive = {o.id for o in trait.options if o.exclusive}
    for size in range(1, len(options) + 1):
        for picked in itertools.combinations(options, size):
            if size > 1 and exclusive & set(picked):
                continue
            for typed in (picked, picked[::-1], picked + picked[:1]):
                pairs.append((MULTI_SEPARATOR.join(typed), list(typed)))
    return pairs


@st.composite
def portfolios(draw, rule_set: RuleSet):
    """A frame of projects (some columns left out, cells in every form) and each project's answers for advise()."""
    trait_ids = [t.id for t in rule_set.traits]
    present = draw(st.lists(st.sampled_from(trait_ids), unique=True, min_size=len(trait_ids) - 3))
    cells = st.tuples(*(st.sampled_from(cells_and_answers(rule_set, t)) for t in present))
    rows = draw(st.lists(cells, max_size=5))
    frame = pd.DataFrame([[cell for cell, _ in row] for row in rows], columns=present, dtype=object)
    frame = frame.astype(draw(st.sampled_from(["object", "str", "category"])))
    answers = [{t: answer for t, (_, answer) in zip(present, row) if answer is not None} for row in rows]
    return frame, answers


def assert_as_engine(rule_set: RuleSet, result: BatchResult, answers: list[dict]) -> None:
    assert result.recommended.shape == (len(answers),)
    assert result.scores.shape == (len(answers), len(rule_set.rungs))
    for row, project in enumerate(answers):
        advice = advise(rule_set, project)
        assert result.recommended_ids()[row] == advice.recommended
        assert result.scores[row].tolist() == [s.score for s in advice.scores]  # exact: compared with ==


def random_frame(rule_set: RuleSet, rows: int, seed: int) -> pd.DataFrame:
    """Seeded random projects: every option, every form of unknown, one to three answers of a multiple-choice
    question (an exclusive option alone)."""
    rng = np.random.default_rng(seed)
    columns = {}
    for trait in rule_set.traits:
        options = list(trait.option_ids())
        if trait.multiple:
            exclusive = [o.id for o in trait.options if o.exclusive]
            others = [o.id for o in trait.options if not o.exclusive]
            options = exclusive + [MULTI_SEPARATOR.join(rng.choice(others, size=rng.integers(1, 4))) for _ in range(40)]
        pool = np.array(options + list(UNKNOWN_CELLS), dtype=object)
        columns[trait.id] = pool[rng.integers(0, len(pool), rows)]
    return pd.DataFrame(columns)


def engine_rows(frame: pd.DataFrame) -> list[dict]:
    """The frame's rows as advise() takes answers: unknown cells left out, joined answers as a list."""
    def answer(cell):
        if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell == "":
            return None
        return cell.split(MULTI_SEPARATOR) if MULTI_SEPARATOR in cell else cell

    return [{t: a for t, a in ((t, answer(c)) for t, c in row.items()) if a is not None} for row in frame.to_dict("records")]


# --- the property: the batch is the engine, for every bundled framework ---------------------------------


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_batch_gives_what_advise_gives_for_every_project(bundled, framework):
    rule_set = bundled[framework]

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(portfolios(rule_set))
    def check(portfolio):
        frame, answers = portfolio
        assert_as_engine(rule_set, advise_many(rule_set, frame), answers)

    check()


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_many_random_projects_across_chunks_agree_with_the_engine(bundled, framework, monkeypatch):
    """New answers keep turning up in later chunks; the fast path recommend() equals advise() (engine tests)."""
    monkeypatch.setattr(batch, "CHUNK_ROWS", 150)
    rule_set = bundled[framework]
    frame = random_frame(rule_set, 600, seed=len(framework))
    result = advise_many(rule_set, frame)
    for row, project in enumerate(engine_rows(frame)):
        rung, scores = recommend(rule_set, project)
        assert result.recommended_ids()[row] == rung
        assert result.scores[row].tolist() == [scores[r] for r in result.rung_ids]


def test_the_general_paths_give_the_same_as_the_tabulated_ones(bundled, monkeypatch):
    """Beyond 16 kaders patterns are grouped by np.unique; wide conditions are evaluated per distinct row;
    traits are then added one by one instead of in blocks."""
    frames = {m: random_frame(rs, 400, seed=7) for m, rs in bundled.items()}
    tabulated = {m: advise_many(bundled[m], frames[m]) for m in bundled}
    monkeypatch.setattr(batch, "_PATTERN_BITS", 0)
    monkeypatch.setattr(batch, "_DENSE_LIMIT", 0)
    monkeypatch.setattr(batch, "_BLOCK_LIMIT", 1)
    for m, rule_set in bundled.items():
        general = advise_many(rule_set, frames[m])
        assert np.array_equal(general.recommended, tabulated[m].recommended)
        assert np.array_equal(general.scores, tabulated[m].scores)


@pytest.mark.parametrize("value", ["0.0000025", "0.0000035", "1.0000015", "-0.0000145"])
def test_scores_next_to_a_half_round_as_python_rounds(write_rules, value):
    """rint(x * 1e6) / 1e6 (numpy's round) differs from round(x, 6) here; the batch must give round()'s."""
    assert np.round(float(value), 6) != round(float(value), 6)  # the case is a real trap
    rule_set = load_rule_set(write_rules(f"extends: base\nweights:\n  tijd_tot_besluit:\n    krap:\n      why: Proef.\n      informeren: {value}\n"))
    result = advise_many(rule_set, pd.DataFrame({"tijd_tot_besluit": ["krap"]}))
    assert_as_engine(rule_set, result, [{"tijd_tot_besluit": "krap"}])
    assert result.scores[0, rule_set.rung_ids().index("informeren")] == round(float(value), 6)


@pytest.mark.parametrize("value", ["0.015625", "0.0078125", "0.0000152587890625"])
def test_exact_points_with_more_decimals_than_shown_are_rounded(write_rules, value):
    """2**-6 has six decimals, so round() leaves a sum of such points as it is; 2**-7 and 2**-16 have more."""
    rule_set = load_rule_set(write_rules(f"extends: base\nweights:\n  tijd_tot_besluit:\n    krap:\n      why: Proef.\n      informeren: {value}\n"))
    frame = pd.DataFrame({"tijd_tot_besluit": ["krap", "ruim"], "complexiteit": ["hoog", "laag"]})
    projects = [{"tijd_tot_besluit": "krap", "complexiteit": "hoog"}, {"tijd_tot_besluit": "ruim", "complexiteit": "laag"}]
    assert_as_engine(rule_set, advise_many(rule_set, frame), projects)


def test_points_that_do_not_add_up_exactly_are_added_in_the_engines_order(write_rules):
    """0.1 + 0.2 + 0.7 is 1.0 added left to right but not right to left: a tie the lower rung wins, or not."""
    assert (0.1 + 0.2) + 0.7 != 0.1 + (0.2 + 0.7)
    zero = "informeren: 0, coproduceren: 0, meebeslissen: 0, zelfbeheer: 0, overheidsparticipatie: 0"
    rule_set = load_rule_set(write_rules(
        "extends: base\nweights:\n"
        f"  tijd_tot_besluit:\n    krap: {{why: Proef., raadplegen: 0.1, adviseren: 1, {zero}}}\n"
        f"  complexiteit:\n    hoog: {{why: Proef., raadplegen: 0.2, adviseren: 0, {zero}}}\n"
        f"  ingrijpendheid:\n    hoog: {{why: Proef., raadplegen: 0.7, adviseren: 0, {zero}}}\n"
    ))
    project = {"tijd_tot_besluit": "krap", "complexiteit": "hoog", "ingrijpendheid": "hoog"}
    assert advise(rule_set, project).recommended == "raadplegen"  # tied with adviseren at exactly 1.0
    assert_as_engine(rule_set, advise_many(rule_set, pd.DataFrame([project])), [project])


# --- the forms of a column, and leaving the scores out ---------------------------------------------


def as_codes(frame: pd.DataFrame, code_width: str, unused: int = 0) -> pd.DataFrame:
    """The same cells as a categorical column per trait: through .astype('category'), or built from integer codes
    into its distinct cells (pd.Categorical.from_codes, -1 for an empty cell), with `unused` categories no row
    uses, so that the codes are int16 when there are more than 127."""
    columns = {}
    for trait_id, column in frame.items():
        codes, uniques = pd.factorize(column, use_na_sentinel=True)  # NaN and None both -1: onbekend
        categories = [*uniques, *(f"nergens_{i}" for i in range(unused))]  # invalid answers, but in no row
        if code_width == "astype":
            columns[trait_id] = column.astype(pd.CategoricalDtype(categories))
        else:
            columns[trait_id] = pd.Categorical.from_codes(codes.astype(code_width), categories)
    return pd.DataFrame(columns, index=frame.index)


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("code_width, unused", [("astype", 0), ("int8", 0), ("int16", 200)])
def test_categorical_and_integer_coded_columns_give_what_strings_give(bundled, framework, code_width, unused, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ROWS", 150)
    rule_set = bundled[framework]
    frame = random_frame(rule_set, 400, seed=5)
    coded = as_codes(frame, code_width, unused)
    if code_width != "astype":
        assert all(coded[c].cat.codes.dtype == code_width for c in coded.columns)
    as_strings, as_coded = advise_many(rule_set, frame), advise_many(rule_set, coded)
    assert np.array_equal(as_coded.recommended, as_strings.recommended)
    assert np.array_equal(as_coded.scores, as_strings.scores)
    assert np.array_equal(as_coded.too_little, as_strings.too_little)


def test_an_invalid_category_raises_answer_error_only_where_a_row_has_it(bundled):
    rule_set = bundled["amersfoort"]
    column = pd.Categorical.from_codes(np.array([0, -1, 2, 0], dtype=np.int8), ["krap", "Krap", "zeer_krap"])
    frame = pd.DataFrame({"tijd_tot_besluit": column}, index=[10, 11, 12, 13])
    with pytest.raises(AnswerError) as raised:
        advise_many(rule_set, frame)
    [problem] = raised.value.problems  # 'Krap' is a category of the column, but no row has it
    assert str(problem).startswith("row 12: invalid answer 'zeer_krap' for trait 'tijd_tot_besluit'")


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_without_scores_the_recommendations_and_too_little_are_the_same(bundled, framework, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ROWS", 150)
    rule_set = bundled[framework]
    frame = random_frame(rule_set, 400, seed=9)
    with_scores, without = advise_many(rule_set, frame), advise_many(rule_set, frame, scores=False)
    assert without.scores is None
    assert without.recommended.dtype == np.int8 and np.array_equal(without.recommended, with_scores.recommended)
    assert np.array_equal(without.too_little, with_scores.too_little)
    [each] = advise_many_each([rule_set], frame, scores=False)
    assert each.scores is None and np.array_equal(each.recommended, with_scores.recommended)


def test_points_added_in_the_engines_order_for_every_project_give_the_same(bundled, monkeypatch):
    """Without packed whole numbers (no field width fits), every project is added trait by trait in floating point."""
    frames = {m: random_frame(rs, 400, seed=13) for m, rs in bundled.items()}
    packed = {m: advise_many(bundled[m], frames[m]) for m in bundled}
    monkeypatch.setattr(batch, "_FIELD_BITS", ())
    for m, rule_set in bundled.items():
        in_order = advise_many(rule_set, frames[m])
        assert np.array_equal(in_order.recommended, packed[m].recommended)
        assert np.array_equal(in_order.scores, packed[m].scores)


# --- edge cases ---------------------------------------------------------------------------------------


def test_an_empty_frame_gives_empty_results(bundled):
    rule_set = bundled["amersfoort"]
    calls = []
    for frame in (pd.DataFrame(), pd.DataFrame({"tijd_tot_besluit": pd.Series([], dtype="str")})):
        result = advise_many(rule_set, frame, progress=lambda done, total: calls.append((done, total)))
        assert result.recommended.shape == (0,) and result.scores.shape == (0, len(rule_set.rungs))
        assert result.recommended_ids().tolist() == []
    assert calls == []


def test_one_project(bundled):
    rule_set = bundled["leusden"]
    frame = pd.DataFrame({"initiatiefnemer": ["maatschappelijk_initiatief"], "bestaande_netwerken": ["ja"],
                          "fase": ["uitvoering+beheer"]})
    result = advise_many(rule_set, frame)
    assert (result.rule_set_id, result.content_hash, result.rung_ids) == (rule_set.id, rule_set.content_hash, rule_set.rung_ids())
    assert_as_engine(rule_set, result, [{"initiatiefnemer": "maatschappelijk_initiatief", "bestaande_netwerken": "ja",
                                              "fase": ["uitvoering", "beheer"]}])


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_form_of_unknown_and_a_frame_without_columns_is_all_onbekend(bundled, framework):
    rule_set = bundled[framework]
    trait_ids = [t.id for t in rule_set.traits]
    unknown = pd.DataFrame({t: list(UNKNOWN_CELLS) for t in trait_ids}, dtype=object)
    no_columns = pd.DataFrame(index=range(2))
    assert_as_engine(rule_set, advise_many(rule_set, unknown), [{}] * len(UNKNOWN_CELLS))
    assert_as_engine(rule_set, advise_many(rule_set, no_columns), [{}] * 2)


def test_nan_cells_from_a_csv_count_as_onbekend(bundled, tmp_path):
    rule_set = bundled["maashorst"]
    path = tmp_path / "portfolio.csv"
    path.write_text("tijd_tot_besluit,conflict,fase\nkrap,,\n,hoog,agenda+voorbereiding\n,,\n", encoding="utf-8")
    frame = pd.read_csv(path)
    assert frame["tijd_tot_besluit"].isna().sum() == 2 and frame["fase"].isna().sum() == 2
    expected = [{"tijd_tot_besluit": "krap"}, {"conflict": "hoog", "fase": ["agenda", "voorbereiding"]}, {}]
    assert_as_engine(rule_set, advise_many(rule_set, frame), expected)


def test_columns_for_other_ids_are_ignored(bundled):
    rule_set = bundled["noordoost_brabant"]
    # a name, a number, a v1 column (urgentie is tijd_tot_besluit in v2) and a trait of another municipality (thema)
    frame = pd.DataFrame({"tijd_tot_besluit": ["krap"], "projectnaam": ["Speeltuin <b>Oost</b>"], "urgentie": ["hoog"],
                          "thema": ["fysiek"], "x": [3]})
    assert_as_engine(rule_set, advise_many(rule_set, frame), [{"tijd_tot_besluit": "krap"}])


def test_a_missing_column_counts_as_onbekend(bundled):
    rule_set = bundled["voorbeeldgemeente"]
    project = golden_answers("04")  # a square redesign, bindendheid left open
    del project["bindendheid"]
    cells = {k: MULTI_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in project.items()}
    without = pd.DataFrame([cells] * 2, dtype=object)
    with_column = without.assign(bindendheid=[UNKNOWN, ""])
    a, b = advise_many(rule_set, with_column), advise_many(rule_set, without)
    assert np.array_equal(a.recommended, b.recommended) and np.array_equal(a.scores, b.scores)
    assert_as_engine(rule_set, b, [project] * 2)


def test_the_index_does_not_matter_and_results_follow_row_order(bundled):
    rule_set = bundled["amersfoort"]
    frame = random_frame(rule_set, 50, seed=3)
    shuffled = frame.set_axis(np.arange(100, 150)[::-1])
    a, b = advise_many(rule_set, frame), advise_many(rule_set, shuffled)
    assert np.array_equal(a.recommended, b.recommended) and np.array_equal(a.scores, b.scores)


def test_several_frameworks_at_once_give_what_each_gives_alone(bundled):
    rule_sets = list(bundled.values())
    frame = random_frame(bundled["leusden"], 300, seed=11)  # leusden's traits; others ignore what they lack
    together = advise_many_each(rule_sets, frame)
    for rule_set, result in zip(rule_sets, together):
        alone = advise_many(rule_set, frame)
        assert result.rule_set_id == rule_set.id
        assert np.array_equal(result.recommended, alone.recommended) and np.array_equal(result.scores, alone.scores)


def test_progress_is_reported_after_every_chunk(bundled, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ROWS", 4)
    calls = []
    advise_many(bundled["amersfoort"], pd.DataFrame({"tijd_tot_besluit": ["krap"] * 10}), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(4, 10), (8, 10), (10, 10)]


# --- invalid values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "trait, cell, message",
    [
        ("tijd_tot_besluit", "zeer_krap", "invalid answer 'zeer_krap' for trait 'tijd_tot_besluit'"),
        ("tijd_tot_besluit", "Krap", "invalid answer 'Krap' for trait 'tijd_tot_besluit'"),
        ("tijd_tot_besluit", "krap+ruim", "trait 'tijd_tot_besluit' takes one answer, got 2: krap, ruim"),
        ("doelgroepen", "geen_bijzondere+kinderen",
         "answer 'geen_bijzondere' of trait 'doelgroepen' cannot be combined with other answers: geen_bijzondere, kinderen"),
        ("fase", "agenda+", "invalid answer '' for trait 'fase'"),
        ("fase", f"{UNKNOWN}+agenda", f"invalid answer '{UNKNOWN}' for trait 'fase'"),
        ("conflict", 3, "invalid answer 3 for trait 'conflict'"),
    ],
)
def test_an_invalid_value_raises_answer_error_naming_the_row(bundled, trait, cell, message):
    frame = pd.DataFrame({trait: [None, None, cell, None]}, index=[10, 11, 12, 13], dtype=object)
    with pytest.raises(AnswerError) as raised:
        advise_many(bundled["amersfoort"], frame)
    [problem] = raised.value.problems
    assert problem.trait == trait and str(problem).startswith(f"row 12: {message}")


def test_the_first_bad_rows_are_named_in_row_order(bundled):
    frame = pd.DataFrame({"tijd_tot_besluit": ["x"] * 30, "conflict": ["hoog", "y"] * 15})
    with pytest.raises(AnswerError) as raised:
        advise_many(bundled["amersfoort"], frame)
    named = [(p.trait, str(p).split(":")[0]) for p in raised.value.problems]
    # within a row in question order: conflict comes before tijd_tot_besluit in v2
    assert named[:3] == [("tijd_tot_besluit", "row 0"), ("conflict", "row 1"), ("tijd_tot_besluit", "row 1")]
    assert len(named) == batch.MAX_REPORTED_ROWS
    assert raised.value.problems[0].message("nl").startswith("regel 0: ongeldig antwoord 'x' bij de vraag 'tijd_tot_besluit'")
