"""Scoring many projects at once: per project the recommended rung and the score of every rung, exactly as
the engine's advise() gives them (Advice.recommended, Advice.scores), computed column-wise with numpy.

How the batch path stays exactly equal to the engine (the tests compare with ==):
- Every distinct cell value of a trait's column is checked and normalized by the engine itself
  (given_answers, once per distinct cell for questions that are equal in several rule sets), and its points
  per rung come from the engine too (trait_points).
- An unanswered trait adds 0.0 here where the engine adds nothing; that is the same, since a running total
  that starts at +0.0 is never -0.0 and x + 0.0 == x for every other x.
- Where all of a project's points in a rung are whole multiples of one small power of two (all bundled weights
  are, and so is an average of two answers), every partial sum is a double without rounding, in any order: the
  total is their exact sum. Those sums are added as whole numbers, several rungs packed in one 64-bit word and
  several traits in one table (see _Scorer._packing).
- From a project's first point that is not such a number on (an average of three answers), its totals are added
  in floating point, trait by trait in the engine's order, starting from the exact sum before that trait (a
  _Tail); so every rounding addition is the one the engine does. When no packing fits, all projects are added
  that way (_float_totals), leading exact traits a few at a time (see _Scorer._blocks).
- Questions with an ask_when become `nvt` where the engine's apply_ask_when would make them so: the condition
  is evaluated per combination of the answers it reads, in trait order, as the engine does.
- With a phases section, the entry phase's profile points (the engine's phase_profile) are added after all the
  weights, as the engine adds them.
- Kader conditions are evaluated by the engine's kader_applies(), once per combination of the answers they read
  (the phases trait included for a kader scoped to phases); pre checks likewise by pre_check_holds(): where
  one holds, the advice is the lowest rung.
- Which kaders fire and which pre checks hold is one number per project (a bit each); the engine's
  allowed_rungs() says which rungs a pattern allows, and a table of 0 and -inf per pattern is added to the totals.
  The best allowed rung is the first maximum (np.argmax): the lower rung wins a tie, as in the engine.
- What several rule sets compute alike (answer codes, lookups in equal tables) is computed once per chunk; a
  result is shared only when it is a function of the very same arrays and equal tables (see _Chunk).
- Scores are rounded like Python's round(x, ROUNDING): rint(x * 10**d) / 10**d gives the same double,
  except when x * 10**d lies within rounding error of a half; those few values Python rounds itself.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from ladder.engine.advisor import (
    ROUNDING,
    allowed_rungs,
    entry_phase,
    given_answers,
    kader_applies,
    phase_profile,
    phase_trait,
    pre_check_holds,
    trait_points,
)
from ladder.rules.conditions import Answers, holds, traits_in
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN, Condition, Information, Kader, PreCheck, RuleSet, Trait
from ladder.rules.problems import AnswerError, AnswerProblem

MULTI_SEPARATOR = "+"  # several answers in one cell for a trait with multiple=True (fase): "voorbereiding+uitvoering"
CHUNK_ROWS = 32_768  # rows scored at a time: small enough that the temporaries stay in the cache; paces progress
MAX_REPORTED_ROWS = 10  # an AnswerError names at most this many bad cells (the first ones)
_DENSE_LIMIT = 1 << 16  # combinations of answers a kader condition is tabulated over; beyond it, per distinct row
_SHARED_TABLE_BYTES = 1 << 12  # tables up to this size are compared between rule sets, to share their lookups
_BLOCK_LIMIT = 1 << 12  # combinations of answers of traits whose points are added as one table
_EXACT_BITS = 32  # points that are whole multiples of 2**-32 add up without rounding (see _Scorer._blocks)
_PATTERN_BITS = 16  # up to this many kaders and pre checks, the rungs allowed are tabulated per pattern of them


@dataclass(frozen=True)
class BatchResult:
    rule_set_id: str
    content_hash: str
    rung_ids: tuple[str, ...]  # rule_set.rung_ids(), ladder order
    recommended: np.ndarray  # int8 index into rung_ids, shape (n,)
    # float64, shape (n, len(rung_ids)): Advice.scores per project, rounded as there; None when asked for without scores
    scores: np.ndarray | None
    too_little: np.ndarray  # bool, shape (n,): too little is known to name a form (Advice.form is None)

    def recommended_ids(self) -> np.ndarray:
        """The recommended rung id per project (dtype object)."""
        return np.asarray(self.rung_ids, dtype=object)[self.recommended]


def parse_cell(cell: Any) -> Any:
    """A cell as the engine's raw answer: None for onbekend ('' or NaN/None), a list for joined answers."""
    if isinstance(cell, str):
        return None if cell == "" else cell.split(MULTI_SEPARATOR) if MULTI_SEPARATOR in cell else cell
    return None if pd.isna(cell) else cell  # anything else but a missing value is an invalid answer


def advise_many(
    rule_set: RuleSet, answers: pd.DataFrame, progress: Callable[[int, int], None] | None = None, *, scores: bool = True
) -> BatchResult:
    """Score every project (row) under one rule set.

    answers: one row per project, one column per trait id (columns for other ids are ignored; a trait with
    no column counts as 'onbekend'). Cells are strings: an option id, 'onbekend', '' or NaN/None (both =
    'onbekend'), or for multiple-answer traits several option ids joined with MULTI_SEPARATOR. A categorical
    column (categories such strings, missing = onbekend) is read through its integer codes, the fastest form.
    Invalid values raise AnswerError naming the first bad rows by their index label. progress(done_rows,
    total_rows) is called after each chunk of CHUNK_ROWS rows. scores=False leaves the scores out (None): the
    recommendations are the same, and come sooner and in less memory.
    """
    return advise_many_each((rule_set,), answers, progress, scores=scores)[0]


def advise_many_each(
    rule_sets: Sequence[RuleSet], answers: pd.DataFrame, progress: Callable[[int, int], None] | None = None, *,
    scores: bool = True,
) -> tuple[BatchResult, ...]:
    """advise_many under several rule sets, reading each chunk of the frame once (one result per rule set)."""
    n = len(answers)
    checked: dict[Trait, dict[Hashable, tuple[str, ...] | AnswerProblem]] = {}  # shared by equal questions
    scorers = [_Scorer(rs, checked) for rs in rule_sets]
    wanted = {t for s in scorers for t in s.traits}
    columns = {c: _Column(answers[c]) for c in answers.columns if c in wanted}
    recommended = [np.zeros(n, dtype=np.int8 if len(s.rungs) <= 127 else np.int16) for s in scorers]
    totals = [np.zeros((n, len(s.rungs)), dtype=np.float64) if scores else None for s in scorers]
    too_little = [np.zeros(n, dtype=bool) for _ in scorers]
    for start in range(0, n, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, n)
        chunk = _Chunk({c: column.codes(start, stop) for c, column in columns.items()}, answers.index[start:stop])
        for scorer, best, total, few in zip(scorers, recommended, totals, too_little):
            best[start:stop], few[start:stop] = scorer.score(chunk, columns, None if total is None else total[start:stop])
        if progress is not None:
            progress(stop, n)
    return tuple(
        BatchResult(s.rule_set.id, s.rule_set.content_hash, s.rungs, best, total, few)
        for s, best, total, few in zip(scorers, recommended, totals, too_little)
    )


class _Column:
    """A column of the frame as integer codes into its distinct cells, read once for all rule sets; code -1 is a
    missing cell (NaN/None). A categorical column has them already (its categories); for any other column the
    distinct cells are found chunk by chunk and keep their code from the chunk they first turn up in."""

    def __init__(self, series: pd.Series):
        self.categorical = isinstance(series.dtype, pd.CategoricalDtype)
        self._values = series.cat.codes.to_numpy() if self.categorical else series.array
        self.cells: list[Hashable] = list(series.cat.categories) if self.categorical else []
        self._code: dict[Hashable, int] = {}

    def codes(self, start: int, stop: int) -> np.ndarray:
        if self.categorical:
            return self._values[start:stop]
        local, uniques = pd.factorize(self._values[start:stop], use_na_sentinel=True)
        table = np.empty(len(uniques) + 1, dtype=np.intp)
        table[-1] = -1  # factorize's -1, a missing cell, picks the last entry: stays missing
        for i, cell in enumerate(uniques):
            found = self._code.get(cell)
            if found is None:
                found = self._code[cell] = len(self.cells)
                self.cells.append(cell)
            table[i] = found
        return table.take(local)


class _Chunk:
    """Some rows of the frame as every rule set reads them. What several rule sets compute alike from the same
    arrays (a trait's answer codes, the combined codes of several traits) is computed once and shared."""

    def __init__(self, cells: dict[str, np.ndarray], labels: pd.Index):
        self.cells = cells  # per column: the codes of its cells (see _Column)
        self.labels = labels
        self.n = len(labels)
        self._shared: dict[Hashable, tuple[Any, np.ndarray]] = {}

    def translated(self, column: str, table: np.ndarray) -> np.ndarray:
        """table[code] per row: the column's cells as a trait's answer codes."""
        cells = self.cells[column]
        return self.once(("codes", table.tobytes()), (cells,), partial(table.take, cells))

    def once(self, name: Hashable, arrays: tuple[np.ndarray, ...], make: Callable[[], np.ndarray]) -> np.ndarray:
        """make(), a function of these arrays only (never changed in place), computed once per chunk."""
        # The arrays are kept with the result, so their ids cannot be reused by another array of this chunk.
        key = (name, *map(id, arrays))
        if key not in self._shared:
            self._shared[key] = (arrays, make())
        return self._shared[key][1]

    def lookup(self, table: np.ndarray, index: np.ndarray) -> np.ndarray:
        """table.take(index), computed once per chunk for equal small tables (conditions over a few answers)."""
        if table.nbytes > _SHARED_TABLE_BYTES:
            return table.take(index)
        return self.once(("lookup", table.dtype.str, table.tobytes()), (index,), partial(table.take, index))

    def combined(self, arrays: Sequence[np.ndarray], sizes: tuple[int, ...]) -> np.ndarray:
        """Per row, the position of its codes in a table of shape `sizes` (as np.ravel_multi_index; the codes are in
        range by construction)."""
        if len(arrays) == 1:
            return arrays[0]
        def make() -> np.ndarray:
            index = arrays[0] * sizes[1]
            for array, size in zip(arrays[1:], sizes[2:]):
                index += array
                index *= size
            index += arrays[-1]
            return index

        return self.once(f"combined {sizes}", tuple(arrays), make)


class _Trait:
    """One trait's answers as codes: code 0 is onbekend; the others are added as new answers turn up."""

    def __init__(self, rule_set: RuleSet, trait: str, checked: dict[Hashable, tuple[str, ...] | AnswerProblem]):
        self.rule_set = rule_set
        self.trait = trait
        self._checked = checked  # a cell: its normalized answer, or why it is invalid (the same for an equal question)
        self.answers: list[tuple[str, ...]] = [(UNKNOWN,)]
        self.points: list[tuple[float, ...]] = [(0.0,) * len(rule_set.rungs)]
        self.weighed = False  # whether any answer seen so far adds points
        self._code: dict[tuple[str, ...], int] = {(UNKNOWN,): 0}
        self._table = np.zeros(1, dtype=np.intp)  # per cell of the column: its code; the last entry, 0, for a missing cell
        self._bad: dict[int, AnswerProblem] = {}  # the column's invalid cells: why

    def codes(self, column: _Column) -> tuple[np.ndarray, dict[int, AnswerProblem]]:
        """The code of each of the column's cells (a missing cell last), and the invalid cells (position: why)."""
        known = len(self._table) - 1
        if known < len(column.cells):
            table = np.zeros(len(column.cells) + 1, dtype=np.intp)
            table[:known] = self._table[:known]
            for i in range(known, len(column.cells)):
                found = self._encode(column.cells[i])
                if isinstance(found, AnswerProblem):
                    self._bad[i] = found
                else:
                    table[i] = found
            self._table = table
        return self._table, self._bad

    def _encode(self, cell: Any) -> int | AnswerProblem:
        if cell not in self._checked:
            raw = parse_cell(cell)
            try:  # each answer on its own: whether the question is asked depends on the other columns (see _asked)
                self._checked[cell] = given_answers(self.rule_set, {} if raw is None else {self.trait: raw})[0][self.trait]
            except AnswerError as error:
                self._checked[cell] = error.problems[0]
        found = self._checked[cell]
        return found if isinstance(found, AnswerProblem) else self.code(found)

    def code(self, chosen: tuple[str, ...]) -> int:
        """The code of a normalized answer, added when it is new."""
        if chosen not in self._code:
            self._code[chosen] = len(self.answers)
            self.answers.append(chosen)
            vector = trait_points(self.rule_set, self.trait, chosen)
            self.points.append((0.0,) * len(self.rule_set.rungs) if vector is None else vector)
            self.weighed |= vector is not None
        return self._code[chosen]


@dataclass(frozen=True)
class _Tail:
    """The projects whose first inexact point (not a whole multiple of 2**-shift) comes from this trait: from here on
    their totals are added in the engine's order, for the rungs where an inexact point can still come."""

    trait: str
    inexact: np.ndarray  # bool per code of the trait: whether it has an inexact point
    block: int  # the packed block this trait starts: the totals before it are exact
    bias: np.ndarray  # per rung, what the fields of the blocks before it leave out
    rungs: np.ndarray  # the rungs added in order
    steps: tuple[tuple[str, np.ndarray], ...]  # from this trait on, in order: the points of those rungs (not all 0)


@dataclass(frozen=True)
class _Packing:
    """The points as whole numbers of 2**-shift, `width` bits per rung in 64-bit words (see _Scorer._packing)."""

    blocks: tuple[tuple[tuple[str, ...], tuple[int, ...], np.ndarray], ...]  # traits, their sizes, table of words
    tails: tuple[_Tail, ...]  # in the engine's order
    width: int
    bias: np.ndarray  # per rung, what the fields leave out (they count from each trait's lowest points)
    shift: int

    @property
    def scale(self) -> float:
        return 2.0**-self.shift

    @property
    def starts(self) -> set[int]:
        """The blocks a tail starts."""
        return {tail.block for tail in self.tails}

    def unpacked(self, words: np.ndarray, bias: np.ndarray, rungs: Any) -> np.ndarray:
        """The exact totals the fields of these words (and this bias) stand for, of these rungs."""
        # (field + bias) * scale, as field * scale + bias * scale: whole numbers times a power of two, all exact
        totals = np.multiply(words.view(f"<u{self.width // 8}")[:, rungs], self.scale, dtype=np.float64)
        totals += bias[rungs] * self.scale
        return totals


_FIELD_BITS = (8, 16, 32)  # the widths a rung's field in a packed word can have


class _Scorer:
    """One rule set's batch scoring; holds the answer codes seen so far (one call of advise_many_each)."""

    def __init__(self, rule_set: RuleSet, checked: dict[Trait, dict[Hashable, tuple[str, ...] | AnswerProblem]]):
        self.rule_set = rule_set
        self.rungs = rule_set.rung_ids()
        # given_answers checks an answer against its question only: equal questions share what it found
        self.traits = {t.id: _Trait(rule_set, t.id, checked.setdefault(t, {})) for t in rule_set.traits}
        # Warnings never change the advice; the other kaders do, through the rungs they allow.
        self.kaders = tuple(k for k in rule_set.kaders if not k.warning)
        self.phase_trait = phase_trait(rule_set)
        self._holds: dict[tuple[Hashable, ...], np.ndarray] = {}
        self._allowed: dict[tuple[int, ...], np.ndarray] = {}  # by the positions of the fired kaders
        self._packings: dict[tuple[tuple[str, int], ...], _Packing | None] = {}
        self._profile = np.zeros((0, len(self.rungs)))
        # Kaders and pre checks (bits of a pattern), grouped by the traits they read; see _pattern.
        conditions: list[tuple[tuple[str, str], Condition, bool, Callable[[Answers], bool]]] = [
            (("kader", k.id), k.when, k.phases is not None, partial(self._kader_applies, k)) for k in self.kaders]
        conditions += [(("pre", c.id), c.when, c.phases is not None, partial(self._pre_holds, c))
                       for c in rule_set.preconditions.pre]
        self._conditions = conditions
        self._groups: list[tuple[list[str], list[int]]] | None = None
        self._penalty = np.zeros((1 << len(conditions), len(self.rungs))) if len(conditions) <= _PATTERN_BITS else None
        self._known = np.zeros(len(self._penalty) if self._penalty is not None else 0, dtype=bool)

    def score(
        self, chunk: _Chunk, columns: dict[str, _Column], scores: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The recommended rung per project of this chunk, and whether too little is known to name it; fills
        `scores` (shape (n, rungs)) in place, when given."""
        codes = self._asked(self._codes(chunk, columns), chunk)
        totals, inexact = self._totals(codes, chunk)
        if self._penalty is not None:  # kaders and pre checks as one pattern per project
            pattern = self._pattern(codes, chunk)
            best = np.argmax(totals + self._penalties(pattern, chunk).take(pattern, axis=0), axis=1)
        else:
            allowed = self._allowed_mask(codes, chunk)
            best = np.argmax(np.where(allowed, totals, -np.inf), axis=1)  # first maximum: the lower rung wins a tie
            for check in self.rule_set.preconditions.pre:  # inform only: the lowest rung
                best[self._mask(("pre", check.id), check.when, check.phases is not None,
                                partial(self._pre_holds, check), codes, chunk)] = 0
        if scores is not None:  # rounded after the best rung is found, as in the engine
            scores[...] = totals
            if inexact is None:
                _round(scores)
            for rows, rungs, part in inexact or ():
                _round(part)
                scores[np.ix_(rows, rungs)] = part
        return best, self._too_little(codes, chunk)

    def _totals(
        self, codes: dict[str, np.ndarray], chunk: _Chunk
    ) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray, np.ndarray]] | None]:
        """Each project's points per rung, as the engine adds them: shape (n, rungs); and the totals that rounding
        can change (rows, rungs, their totals), or None for all of them.

        Where all of a project's points are whole multiples of one small power of two (every bundled weight, and an
        average of two), every partial sum is exact in any order, so the sum is that of packed whole numbers: a
        table lookup and an integer addition per block of traits for all rungs at once. The other projects (an
        average of three answers, say) are added in floating point in the engine's order from that trait on (a
        _Tail). An exact total in multiples of 2**-shift has at most `shift` decimals: with shift <= ROUNDING,
        round() gives it back as it is, so only the tails' totals need rounding.
        """
        packing = self._packing(codes)
        if packing is None:
            return self._float_totals(codes, chunk.n), None
        words = np.zeros((chunk.n, len(packing.blocks[0][2][0]) if packing.blocks else 1), dtype="<u8")
        before: dict[int, np.ndarray] = {}  # per block a tail starts: the words before it
        for block, (traits, sizes, table) in enumerate(packing.blocks):
            if block in packing.starts:
                before[block] = words.copy()
            words += table.take(chunk.combined([codes[t] for t in traits], sizes), axis=0)
        totals = packing.unpacked(words, packing.bias, slice(len(self.rungs)))
        inexact: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        done: np.ndarray | None = None  # the projects an earlier tail took
        for tail in packing.tails:
            mine = chunk.lookup(tail.inexact, codes[tail.trait])
            if done is not None:
                mine = chunk.once("and not", (mine, done), partial(np.greater, mine, done))  # for bools: mine & ~done
                done = chunk.once("or", (mine, done), partial(np.logical_or, mine, done))
            else:
                done = mine
            rows = chunk.once("rows", (mine,), partial(np.flatnonzero, mine))
            if len(rows) == 0:
                continue
            part = packing.unpacked(before[tail.block].take(rows, axis=0), tail.bias, tail.rungs)
            for trait, points in tail.steps:  # the engine's additions, one trait at a time
                part += points.take(chunk.once("take", (codes[trait], rows), partial(codes[trait].take, rows)), axis=0)
            totals[np.ix_(rows, tail.rungs)] = part
            inexact.append((rows, tail.rungs, part))
        return totals, inexact if packing.shift <= ROUNDING else None

    def _steps(self, codes: dict[str, np.ndarray]) -> list[str]:
        """What is added to the totals, in the engine's order: the weighed traits with a column, then the entry phase's
        profile (picked by the phases trait's codes, so it is named by that trait, last)."""
        steps = [t for t, trait in self.traits.items() if trait.weighed and t in codes]
        if self.rule_set.phases is not None and self.phase_trait in codes:
            steps.append(self.phase_trait)
        return steps

    def _profiles(self) -> np.ndarray:
        """Per answer code of the phases trait, the profile points of its entry phase (zeros when none)."""
        assert self.phase_trait is not None
        trait = self.traits[self.phase_trait]
        if len(self._profile) < len(trait.answers):  # answers are only added: the known ones keep their profile
            zero = (0.0,) * len(self.rungs)
            self._profile = np.asarray([phase_profile(self.rule_set, entry_phase(self.rule_set, {trait.trait: a})) or zero
                                        for a in trait.answers]).reshape(-1, len(self.rungs))
        return self._profile

    def _packing(self, codes: dict[str, np.ndarray]) -> _Packing | None:
        """The packed tables for the answers seen so far; None when the points do not fit in whole numbers.

        A point is exact when it is a whole multiple of 2**-_EXACT_BITS; all exact points are then multiples of
        2**-shift for the smallest such shift. With all partial sums below 2**53 * 2**-shift in size, any order of
        adding gives the same double, the engine's. Each trait's points become whole numbers counted from its
        lowest per rung, so fields never go negative, and their sum per rung fits in `width` bits: they add
        without carries, so one 64-bit addition adds several rungs. Codes with an inexact point are marked: for
        their projects the additions from that trait on are made in the engine's order (a _Tail).
        """
        names = self._steps(codes)
        key = tuple((t, len(self.traits[t].answers)) for t in names)
        if key in self._packings:
            return self._packings[key]
        self._packings[key] = None
        last = len(names) - 1 if self.rule_set.phases is not None and self.phase_trait in codes else len(names)
        steps = [(t, self._profiles() if i == last else np.asarray(self.traits[t].points)) for i, t in enumerate(names)]
        exact = [np.ldexp(points, _EXACT_BITS) == np.trunc(np.ldexp(points, _EXACT_BITS)) for _, points in steps]
        values = np.concatenate([points[fit] for (_, points), fit in zip(steps, exact)] + [np.zeros(1)])
        shift = next((s for s in range(_EXACT_BITS + 1) if np.all(np.ldexp(values, s) == np.trunc(np.ldexp(values, s)))),
                     _EXACT_BITS)
        whole = [np.where(fit, np.ldexp(points, shift), 0.0) for (_, points), fit in zip(steps, exact)]
        rungs = len(self.rungs)
        low = [w.min(axis=0) for w in whole]
        span = np.sum([w.max(axis=0) - lo for w, lo in zip(whole, low)], axis=0) if whole else np.zeros(rungs)
        bound = np.sum([np.abs(w).max(axis=0) for w in whole], axis=0) if whole else np.zeros(rungs)
        width = next((b for b in _FIELD_BITS if span.max(initial=0.0) < 2.0**b), None)
        if width is None or bound.max(initial=0.0) >= 2.0**53:
            return None
        per_word = 64 // width
        words = -(-rungs // per_word)
        fields = []
        for w, lo in zip(whole, low):
            packed = np.zeros((len(w), words), dtype="<u8")
            for r in range(rungs):
                packed[:, r // per_word] += (w[:, r] - lo[r]).astype(np.uint64) << np.uint64(width * (r % per_word))
            fields.append(packed)
        blocks: list[tuple[tuple[str, ...], tuple[int, ...], np.ndarray]] = []
        tails: list[_Tail] = []
        for i, ((trait, points), packed, fit) in enumerate(zip(steps, fields, exact)):
            if not fit.all():  # a tail starts here: so does a block, to know the exact totals before it
                later = np.zeros(rungs, dtype=bool)
                for later_fit in exact[i:]:
                    later |= ~later_fit.all(axis=0)
                at = np.flatnonzero(later)
                tails.append(_Tail(trait, ~fit.all(axis=1), len(blocks), np.sum(low[:i], axis=0) if i else np.zeros(rungs),
                                   at, tuple((t, p[:, at]) for t, p in steps[i:] if np.any(p[:, at]))))
            if fit.all() and blocks and len(blocks[-1][2]) * len(packed) <= _BLOCK_LIMIT:
                traits, sizes, table = blocks[-1]
                # every combination of the block's codes: the sums cannot carry (see above)
                table = (table[:, None, :] + packed[None, :, :]).reshape(-1, words)
                blocks[-1] = ((*traits, trait), (*sizes, len(points)), table)
            else:
                blocks.append(((trait,), (len(points),), packed))
        bias = np.sum(low, axis=0) if low else np.zeros(rungs)
        packing = _Packing(tuple(blocks), tuple(tails), width, bias, shift)
        self._packings[key] = packing
        return packing

    def _float_totals(self, codes: dict[str, np.ndarray], n: int) -> np.ndarray:
        """The totals in floating point, trait by trait in the engine's order (exact leading traits in blocks)."""
        totals = np.zeros((n, len(self.rungs)))
        for block in self._blocks(codes):
            table = np.zeros((1, len(self.rungs)))
            for trait in block:  # every combination of the block's answers, summed in the engine's order
                table = (table[:, None, :] + np.asarray(trait.points)[None, :, :]).reshape(-1, len(self.rungs))
            key = np.ravel_multi_index([codes[t.trait] for t in block], [len(t.points) for t in block])
            totals += table.take(key, axis=0)
        if self.rule_set.phases is not None and self.phase_trait in codes:  # the entry phase's profile, added last
            totals += self._profiles().take(codes[self.phase_trait], axis=0)
        return totals

    def _too_little(self, codes: dict[str, np.ndarray], chunk: _Chunk) -> np.ndarray:
        """Per project, whether an answer the `information` section needs is onbekend (as needed_answers)."""
        information = self.rule_set.information
        n = chunk.n
        if information is None:
            return np.zeros(n, dtype=bool)
        applies = [self._mask(("needs", str(i)), rule.when, False, partial(holds, rule.when), codes, chunk)
                   for i, rule in enumerate(information.required_when)]
        read = {*information.required, *(t for g in information.at_least for t in g.of),
                *(t for rule in information.required_when for t in rule.traits)}
        needed = {t: codes[t] for t in sorted(read & codes.keys())}
        # the same section over the same arrays gives the same, for any rule set
        return chunk.once(("too little", information, tuple(needed)), (*needed.values(), *applies),
                          partial(self._needs, information, needed, applies, n))

    @staticmethod
    def _needs(information: Information, codes: dict[str, np.ndarray], applies: list[np.ndarray], n: int) -> np.ndarray:
        few = np.zeros(n, dtype=bool)
        def unknown(trait: str) -> np.ndarray:  # onbekend is code 0; a question without a column is onbekend
            return codes[trait] == 0 if trait in codes else np.ones(n, dtype=bool)

        for trait in information.required:
            few |= unknown(trait)
        for group in information.at_least:
            missing = np.sum([unknown(t) for t in group.of], axis=0)
            few |= (len(group.of) - missing < group.count) & (missing > 0)
        for rule, applying in zip(information.required_when, applies):
            few |= applying & np.any([unknown(t) for t in rule.traits], axis=0)
        return few

    def _asked(self, codes: dict[str, np.ndarray], chunk: _Chunk) -> dict[str, np.ndarray]:
        """The codes with `nvt` where a question's ask_when does not hold, in trait order (as apply_ask_when)."""
        for trait in self.rule_set.traits:
            if trait.ask_when is None:
                continue
            coded = self.traits[trait.id]
            current = codes.get(trait.id, np.zeros(chunk.n, dtype=np.intp))
            asked = self._mask(("ask", trait.id), trait.ask_when, False, partial(holds, trait.ask_when), codes, chunk)
            not_applicable = coded.code((NOT_APPLICABLE,))
            # An nvt given for a question that is asked counts as onbekend (code 0).
            codes[trait.id] = chunk.once(f"asked {not_applicable}", (asked, current), lambda: np.where(
                asked, np.where(current == not_applicable, 0, current), not_applicable))  # noqa: B023 (called at once)
        return codes

    def _blocks(self, codes: dict[str, np.ndarray]) -> list[list[_Trait]]:
        """The weighed traits with a column in the engine's order, in blocks that are added as one table.

        A block of several traits adds their sum at once, where the engine adds them one by one. That is the
        same only while every sum is exact: so traits are grouped only as long as all their points are whole
        multiples of 2**-_EXACT_BITS and the sum of their largest sizes stays below 2**(53 - _EXACT_BITS), where
        every partial sum, in any order, is a double without rounding. From the first trait that breaks this
        on (fase, once it averages three phases), each trait is a block of its own, added in order.
        """
        blocks: list[list[_Trait]] = []
        exact, bound, combinations = True, 0.0, _BLOCK_LIMIT + 1  # the first trait starts a block
        for trait_id, trait in self.traits.items():
            if not (trait.weighed and trait_id in codes):
                continue  # it adds nothing, as in the engine
            points = np.ldexp(np.asarray(trait.points), _EXACT_BITS)
            bound += float(np.abs(points).max())
            exact = exact and bool(np.all(points == np.trunc(points))) and bound < 2.0**53
            if exact and combinations * len(trait.points) <= _BLOCK_LIMIT:
                blocks[-1].append(trait)
                combinations *= len(trait.points)
            else:
                blocks.append([trait])
                combinations = len(trait.points) if exact else _BLOCK_LIMIT + 1
        return blocks

    def _codes(self, chunk: _Chunk, columns: dict[str, _Column]) -> dict[str, np.ndarray]:
        """Answer codes per trait that has a column; invalid cells raise AnswerError, first rows first."""
        codes: dict[str, np.ndarray] = {}
        problems: list[tuple[int, int, str, AnswerProblem]] = []
        for order, (trait_id, trait) in enumerate(self.traits.items()):
            if trait_id not in chunk.cells:
                continue
            table, bad = trait.codes(columns[trait_id])
            if bad:
                cells = chunk.cells[trait_id]
                rows = np.flatnonzero(np.isin(cells, list(bad)))[:MAX_REPORTED_ROWS]
                problems.extend((int(row), order, trait_id, bad[int(cells[row])]) for row in rows)
            codes[trait_id] = chunk.translated(trait_id, table)
        if problems:
            problems.sort()
            raise AnswerError([AnswerProblem(t, "answer_in_row", {"row": chunk.labels[row], "problem": problem})
                               for row, _, t, problem in problems[:MAX_REPORTED_ROWS]])
        return codes

    def _pattern(self, codes: dict[str, np.ndarray], chunk: _Chunk) -> np.ndarray:
        """Per project a number with bit j set when condition j holds: the kaders, then the pre checks.

        Conditions that read the same traits, or some of the traits another one reads, share one table of their
        bits over every combination of those traits' answers: one lookup per group instead of one per condition.
        """
        if self._groups is None:
            self._groups = []
            reads = [(sorted(self._reads(c[1], c[2]) & codes.keys()), bit) for bit, c in enumerate(self._conditions)]
            for read, bit in sorted(reads, key=lambda r: -len(r[0])):
                group = next((g for g in self._groups if set(read) <= set(g[0])), None)
                if group is None:
                    self._groups.append((read, [bit]))
                else:
                    group[1].append(bit)
        always = 0  # the bits of the conditions that read none of the columns: the same for every project
        parts = []
        for read, bits in self._groups:
            if not read:
                for bit in bits:
                    always |= int(self._conditions[bit][3]({})) << bit
                continue
            sizes = tuple(len(self.traits[t].answers) for t in read)
            if math.prod(sizes) > _DENSE_LIMIT:  # too many combinations: each condition on its own
                parts += [self._mask(*self._conditions[bit], codes, chunk).astype(np.intp) << bit for bit in bits]
                continue
            key = ("group", *bits, sizes)
            if key not in self._holds:
                grid = np.indices(sizes).reshape(len(read), -1)
                table = np.zeros(grid.shape[1], dtype=np.intp)
                for bit in bits:
                    name, when, by_phase, test = self._conditions[bit]
                    own = sorted(self._reads(when, by_phase) & codes.keys())
                    if not own:  # reads none of the columns: the same for every combination
                        table |= int(test({})) << bit
                        continue
                    at = [read.index(t) for t in own]
                    holding = self._table(name, test, own)
                    table |= holding[np.ravel_multi_index(grid[at], [sizes[i] for i in at])].astype(np.intp) << bit
                self._holds[key] = table
            parts.append(chunk.lookup(self._holds[key], chunk.combined([codes[t] for t in read], sizes)))
        return chunk.once(("pattern", always), tuple(parts), partial(_bits, always, parts, chunk.n))

    def _penalties(self, pattern: np.ndarray, chunk: _Chunk) -> np.ndarray:
        """Per pattern: 0 for the rungs it allows, -inf for the others; a pre check that holds allows only the lowest
        rung (inform only). Filled for the patterns that turn up."""
        assert self._penalty is not None
        present = chunk.once("present", (pattern,), lambda: np.flatnonzero(np.bincount(pattern)))
        for p in present[~self._known[present]].tolist():
            if p >> len(self.kaders):
                allowed = np.arange(len(self.rungs)) == 0
            else:
                allowed = self._allowed_by(tuple(bit for bit in range(len(self.kaders)) if p >> bit & 1))
            self._penalty[p] = np.where(allowed, 0.0, -np.inf)
            self._known[p] = True
        return self._penalty

    def _allowed_mask(self, codes: dict[str, np.ndarray], chunk: _Chunk) -> np.ndarray:
        """Which rungs each project's fired kaders allow, shape (n, rungs), grouping projects by which kaders fire."""
        fired = np.stack([self._fires(bit, codes, chunk) for bit in range(len(self.kaders))] +
                         [np.zeros(chunk.n, dtype=bool)], axis=1)  # one column more, so there is one with no kaders
        patterns, inverse = np.unique(fired, axis=0, return_inverse=True)
        table = np.stack([self._allowed_by(tuple(np.flatnonzero(p).tolist())) for p in patterns])
        return table.take(inverse.ravel(), axis=0)

    def _allowed_by(self, fired: tuple[int, ...]) -> np.ndarray:
        """The rungs allowed when the kaders at these positions fire, as the engine decides it."""
        if fired not in self._allowed:
            mask = np.zeros(len(self.rungs), dtype=bool)
            mask[list(allowed_rungs(self.rule_set, tuple(self.kaders[i] for i in fired)))] = True
            self._allowed[fired] = mask
        return self._allowed[fired]

    def _fires(self, position: int, codes: dict[str, np.ndarray], chunk: _Chunk) -> np.ndarray:
        """Whether the kader at this position applies, per project."""
        return self._mask(*self._conditions[position], codes, chunk)

    def _kader_applies(self, kader: Kader, answers: Answers) -> bool:
        return kader_applies(kader, answers, entry_phase(self.rule_set, answers))

    def _pre_holds(self, check: PreCheck, answers: Answers) -> bool:
        return pre_check_holds(check, answers, entry_phase(self.rule_set, answers))

    def _reads(self, when: Condition, by_phase: bool) -> set[str]:
        """The traits a condition's test reads: the condition's, and the phases trait when it is scoped to phases."""
        return traits_in(when) | ({self.phase_trait} if by_phase and self.phase_trait else set())

    def _mask(
        self, name: tuple[str, str], when: Condition, by_phase: bool, test: Callable[[Answers], bool],
        codes: dict[str, np.ndarray], chunk: _Chunk,
    ) -> np.ndarray:
        """test() per project, evaluated once per combination of the answers it reads: the condition's traits, and
        the phases trait when it is scoped to phases. A trait without a column is onbekend everywhere."""
        read = sorted(self._reads(when, by_phase) & codes.keys())
        sizes = tuple(len(self.traits[t].answers) for t in read)
        if not read:
            return np.full(chunk.n, test({}), dtype=bool)
        if math.prod(sizes) > _DENSE_LIMIT:
            combos, inverse = np.unique(np.stack([codes[t] for t in read]), axis=1, return_inverse=True)
            return self._holds_for(test, read, combos.T)[inverse.ravel()]
        return chunk.lookup(self._table(name, test, read), chunk.combined([codes[t] for t in read], sizes))

    def _table(self, name: tuple[str, str], test: Callable[[Answers], bool], read: list[str]) -> np.ndarray:
        """test() for every combination of the answers of these traits seen so far (row-major)."""
        sizes = tuple(len(self.traits[t].answers) for t in read)
        key = (*name, sizes)
        if key not in self._holds:  # the answers seen so far only grow, so a table stays valid for its sizes
            self._holds[key] = self._holds_for(test, read, itertools.product(*(range(s) for s in sizes)))
        return self._holds[key]

    def _holds_for(self, test: Callable[[Answers], bool], read: list[str], combos: Any) -> np.ndarray:
        return np.array([test({t: self.traits[t].answers[c] for t, c in zip(read, combo)}) for combo in combos], dtype=bool)


def _bits(always: int, parts: list[np.ndarray], n: int) -> np.ndarray:
    """The pattern numbers: the bits of every part, and those that are always set."""
    pattern = np.full(n, always, dtype=np.intp)
    for part in parts:
        pattern |= part
    return pattern


def _round(totals: np.ndarray) -> None:
    """Python's round(x, ROUNDING) for every x, bit for bit and in place (see the module docstring)."""
    scale = 10.0**ROUNDING
    scaled = totals * scale
    whole = np.rint(scaled)  # rint rounds half to even, as Python's round does
    # scaled is off the exact x * 10**d by at most half a spacing of the largest |scaled|: only where it is
    # that close to a half may the exact value round the other way.
    top = max(float(scaled.max(initial=0.0)), -float(scaled.min(initial=0.0)))
    np.subtract(scaled, whole, out=scaled)
    near_half = np.abs(scaled, out=scaled) >= 0.5 - 4 * np.spacing(top)
    exceptions = [(i, round(float(totals[i]), ROUNDING)) for i in zip(*np.nonzero(near_half))] if near_half.any() else []
    np.divide(whole, scale, out=totals)  # the closest double to whole / 10**d, as round() returns
    for index, value in exceptions:
        totals[index] = value
