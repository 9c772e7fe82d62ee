"""Scoring many projects at once: per project the recommended rung and the score of every rung, exactly as
the engine's advise() gives them (Advice.recommended, Advice.scores), computed column-wise with numpy.

How the batch path stays exactly equal to the engine (the tests compare with ==):
- Every distinct cell value of a trait's column is checked and normalized by the engine itself
  (normalize_answers), and its points per rung come from the engine too (trait_points).
- The totals add those points trait by trait in the engine's order, so every floating-point addition is
  the one the engine does. An unanswered trait adds 0.0 here where the engine adds nothing; that is the
  same, since a running total that starts at +0.0 is never -0.0 and x + 0.0 == x for every other x.
  Leading traits whose points add up without any rounding (whole multiples of a small power of two, as
  all bundled weights are) are added a few at a time from a table of their sums: exact sums do not depend
  on the order (see _Scorer._blocks).
- Questions with an ask_when become `nvt` where the engine's apply_ask_when would make them so: the condition
  is evaluated per combination of the answers it reads, in trait order, as the engine does.
- With a phases section, the entry phase's profile points (the engine's phase_profile) are added after all the
  weights, as the engine adds them.
- Kader conditions are evaluated by the engine's kader_applies(), once per combination of the answers they read
  (the phases trait included for a kader scoped to phases); pre checks likewise by pre_check_holds(): where
  one holds, the advice is the lowest rung.
- Projects are grouped by which kaders fire (few patterns); the engine's allowed_rungs() says which rungs
  a pattern allows. The best allowed rung is the first maximum (np.argmax): the lower rung wins a tie, as
  in the engine.
- Scores are rounded like Python's round(x, ROUNDING): rint(x * 10**d) / 10**d gives the same double,
  except when x * 10**d lies within rounding error of a half; those few values Python rounds itself.
"""

from __future__ import annotations

import itertools
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
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN, Condition, Kader, PreCheck, RuleSet
from ladder.rules.problems import AnswerError, AnswerProblem

MULTI_SEPARATOR = "+"  # several answers in one cell for a trait with multiple=True (fase): "voorbereiding+uitvoering"
CHUNK_ROWS = 100_000  # rows scored at a time: bounds memory and paces the progress callback
MAX_REPORTED_ROWS = 10  # an AnswerError names at most this many bad cells (the first ones)
_DENSE_LIMIT = 1 << 16  # combinations of answers a kader condition is tabulated over; beyond it, per distinct row
_BLOCK_LIMIT = 1 << 12  # combinations of answers of traits whose points are added as one table
_EXACT_BITS = 32  # points that are whole multiples of 2**-32 add up without rounding (see _Scorer._blocks)
_PATTERN_BITS = 16  # up to this many kaders, the rungs allowed are tabulated over every pattern of fired kaders


@dataclass(frozen=True)
class BatchResult:
    rule_set_id: str
    content_hash: str
    rung_ids: tuple[str, ...]  # rule_set.rung_ids(), ladder order
    recommended: np.ndarray  # int index into rung_ids, shape (n,)
    scores: np.ndarray  # float64, shape (n, len(rung_ids)): Advice.scores per project, rounded as there
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
    rule_set: RuleSet, answers: pd.DataFrame, progress: Callable[[int, int], None] | None = None
) -> BatchResult:
    """Score every project (row) under one rule set.

    answers: one row per project, one column per trait id (columns for other ids are ignored; a trait with
    no column counts as 'onbekend'). Cells are strings: an option id, 'onbekend', '' or NaN/None (both =
    'onbekend'), or for multiple-answer traits several option ids joined with MULTI_SEPARATOR. Invalid values
    raise AnswerError naming the first bad rows by their index label. progress(done_rows, total_rows) is
    called after each chunk of CHUNK_ROWS rows.
    """
    return advise_many_each((rule_set,), answers, progress)[0]


def advise_many_each(
    rule_sets: Sequence[RuleSet], answers: pd.DataFrame, progress: Callable[[int, int], None] | None = None
) -> tuple[BatchResult, ...]:
    """advise_many under several rule sets, reading each chunk of the frame once (one result per rule set)."""
    n = len(answers)
    scorers = [_Scorer(rs) for rs in rule_sets]
    wanted = {t for s in scorers for t in s.traits}
    columns = [c for c in answers.columns if c in wanted]
    recommended = [np.zeros(n, dtype=np.intp) for _ in scorers]
    scores = [np.zeros((n, len(s.rungs)), dtype=np.float64) for s in scorers]
    too_little = [np.zeros(n, dtype=bool) for _ in scorers]
    for start in range(0, n, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, n)
        # Distinct values per column, found once for all rule sets; NaN and None become values of their own.
        cells = {c: pd.factorize(answers[c].array[start:stop], use_na_sentinel=False) for c in columns}
        for scorer, best, score, few in zip(scorers, recommended, scores, too_little):
            best[start:stop], few[start:stop] = scorer.score(cells, answers.index[start:stop], score[start:stop])
        if progress is not None:
            progress(stop, n)
    return tuple(
        BatchResult(s.rule_set.id, s.rule_set.content_hash, s.rungs, best, score, few)
        for s, best, score, few in zip(scorers, recommended, scores, too_little)
    )


class _Trait:
    """One trait's answers as codes: code 0 is onbekend; the others are added as new answers turn up."""

    def __init__(self, rule_set: RuleSet, trait: str):
        self.rule_set = rule_set
        self.trait = trait
        self.answers: list[tuple[str, ...]] = [(UNKNOWN,)]
        self.points: list[tuple[float, ...]] = [(0.0,) * len(rule_set.rungs)]
        self.weighed = False  # whether any answer seen so far adds points
        self._code: dict[tuple[str, ...], int] = {(UNKNOWN,): 0}
        self._by_cell: dict[Hashable, int | AnswerProblem] = {}  # a cell value: its code, or why it is invalid

    def codes(self, uniques: Any) -> tuple[np.ndarray, dict[int, AnswerProblem]]:
        """The code of each distinct cell value, and the invalid ones (position: message)."""
        table = np.zeros(len(uniques), dtype=np.intp)
        bad: dict[int, AnswerProblem] = {}
        for i, cell in enumerate(uniques):
            found = self._by_cell.get(cell)
            if found is None:
                found = self._by_cell[cell] = self._encode(cell)
            if isinstance(found, AnswerProblem):
                bad[i] = found
            else:
                table[i] = found
        return table, bad

    def _encode(self, cell: Any) -> int | AnswerProblem:
        raw = parse_cell(cell)
        try:  # each answer on its own: whether the question is asked depends on the other columns (see _asked)
            normalized, _ = given_answers(self.rule_set, {} if raw is None else {self.trait: raw})
        except AnswerError as error:
            return error.problems[0]
        return self.code(normalized[self.trait])

    def code(self, chosen: tuple[str, ...]) -> int:
        """The code of a normalized answer, added when it is new."""
        if chosen not in self._code:
            self._code[chosen] = len(self.answers)
            self.answers.append(chosen)
            vector = trait_points(self.rule_set, self.trait, chosen)
            self.points.append((0.0,) * len(self.rule_set.rungs) if vector is None else vector)
            self.weighed |= vector is not None
        return self._code[chosen]


class _Scorer:
    """One rule set's batch scoring; holds the answer codes seen so far (one call of advise_many_each)."""

    def __init__(self, rule_set: RuleSet):
        self.rule_set = rule_set
        self.rungs = rule_set.rung_ids()
        self.traits = {t.id: _Trait(rule_set, t.id) for t in rule_set.traits}
        # Warnings never change the advice; the other kaders do, through the rungs they allow.
        self.kaders = tuple(k for k in rule_set.kaders if not k.warning)
        self.phase_trait = phase_trait(rule_set)
        self._holds: dict[tuple[str, str, tuple[int, ...]], np.ndarray] = {}
        self._allowed: dict[tuple[int, ...], np.ndarray] = {}  # by the positions of the fired kaders

    def score(
        self, cells: dict[str, tuple[np.ndarray, Any]], labels: pd.Index, scores: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The recommended rung per project of this chunk, and whether too little is known to name it; fills
        `scores` (zeros, shape (n, rungs)) in place."""
        n = len(labels)
        codes = self._asked(self._codes(cells, n, labels), n)
        for block in self._blocks(codes):
            table = np.zeros((1, len(self.rungs)))
            for trait in block:  # every combination of the block's answers, summed in the engine's order
                table = (table[:, None, :] + np.asarray(trait.points)[None, :, :]).reshape(-1, len(self.rungs))
            key = np.ravel_multi_index([codes[t.trait] for t in block], [len(t.points) for t in block])
            scores += table.take(key, axis=0)
        if self.rule_set.phases is not None and self.phase_trait in codes:  # the entry phase's profile, added last
            trait = self.traits[self.phase_trait]
            zero = (0.0,) * len(self.rungs)
            profiles = [phase_profile(self.rule_set, entry_phase(self.rule_set, {trait.trait: a})) or zero for a in trait.answers]
            scores += np.asarray(profiles).take(codes[self.phase_trait], axis=0)
        allowed = self._allowed_mask(codes, n)
        best = np.argmax(np.where(allowed, scores, -np.inf), axis=1)  # first maximum: the lower rung wins a tie
        for check in self.rule_set.preconditions.pre:  # inform only: the lowest rung
            holding = self._mask(("pre", check.id), check.when, check.phases is not None, partial(self._pre_holds, check), codes, n)
            best[holding] = 0
        _round(scores)
        return best, self._too_little(codes, n)

    def _too_little(self, codes: dict[str, np.ndarray], n: int) -> np.ndarray:
        """Per project, whether an answer the `information` section needs is onbekend (as needed_answers)."""
        information = self.rule_set.information
        few = np.zeros(n, dtype=bool)
        if information is None:
            return few
        def unknown(trait: str) -> np.ndarray:  # onbekend is code 0; a question without a column is onbekend
            return codes[trait] == 0 if trait in codes else np.ones(n, dtype=bool)

        for trait in information.required:
            few |= unknown(trait)
        for group in information.at_least:
            missing = np.sum([unknown(t) for t in group.of], axis=0)
            few |= (len(group.of) - missing < group.count) & (missing > 0)
        for i, rule in enumerate(information.required_when):
            applies = self._mask(("needs", str(i)), rule.when, False, partial(holds, rule.when), codes, n)
            few |= applies & np.any([unknown(t) for t in rule.traits], axis=0)
        return few

    def _asked(self, codes: dict[str, np.ndarray], n: int) -> dict[str, np.ndarray]:
        """The codes with `nvt` where a question's ask_when does not hold, in trait order (as apply_ask_when)."""
        for trait in self.rule_set.traits:
            if trait.ask_when is None:
                continue
            coded = self.traits[trait.id]
            current = codes.get(trait.id, np.zeros(n, dtype=np.intp))
            asked = self._mask(("ask", trait.id), trait.ask_when, False, partial(holds, trait.ask_when), codes, n)
            not_applicable = coded.code((NOT_APPLICABLE,))
            # An nvt given for a question that is asked counts as onbekend (code 0).
            codes[trait.id] = np.where(asked, np.where(current == not_applicable, 0, current), not_applicable)
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

    def _codes(self, cells: dict[str, tuple[np.ndarray, Any]], n: int, labels: pd.Index) -> dict[str, np.ndarray]:
        """Answer codes per trait that has a column; invalid cells raise AnswerError, first rows first."""
        codes: dict[str, np.ndarray] = {}
        problems: list[tuple[int, int, str, AnswerProblem]] = []
        for order, (trait_id, trait) in enumerate(self.traits.items()):
            if trait_id not in cells:
                continue
            cell_codes, uniques = cells[trait_id]
            table, bad = trait.codes(uniques)
            if bad:
                rows = np.flatnonzero(np.isin(cell_codes, list(bad)))[:MAX_REPORTED_ROWS]
                problems.extend((int(row), order, trait_id, bad[cell_codes[row]]) for row in rows)
            codes[trait_id] = table.take(cell_codes)
        if problems:
            problems.sort()
            raise AnswerError([AnswerProblem(t, "answer_in_row", {"row": labels[row], "problem": problem})
                               for row, _, t, problem in problems[:MAX_REPORTED_ROWS]])
        return codes

    def _allowed_mask(self, codes: dict[str, np.ndarray], n: int) -> np.ndarray:
        """Which rungs each project's fired kaders allow: shape (n, rungs)."""
        if len(self.kaders) <= _PATTERN_BITS:  # a pattern is a number: bit j set when kader j fires
            pattern = np.zeros(n, dtype=np.intp)
            for bit in range(len(self.kaders)):
                pattern |= self._fires(bit, codes, n).astype(np.intp) << bit
            table = np.zeros((1 << len(self.kaders), len(self.rungs)), dtype=bool)
            for p in np.flatnonzero(np.bincount(pattern, minlength=len(table))):
                table[p] = self._allowed_by(tuple(bit for bit in range(len(self.kaders)) if p >> bit & 1))
            return table.take(pattern, axis=0)
        fired = np.stack([self._fires(bit, codes, n) for bit in range(len(self.kaders))], axis=1)
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

    def _fires(self, position: int, codes: dict[str, np.ndarray], n: int) -> np.ndarray:
        """Whether the kader at this position applies, per project."""
        kader = self.kaders[position]
        return self._mask(("kader", kader.id), kader.when, kader.phases is not None, partial(self._kader_applies, kader), codes, n)

    def _kader_applies(self, kader: Kader, answers: Answers) -> bool:
        return kader_applies(kader, answers, entry_phase(self.rule_set, answers))

    def _pre_holds(self, check: PreCheck, answers: Answers) -> bool:
        return pre_check_holds(check, answers, entry_phase(self.rule_set, answers))

    def _mask(
        self, name: tuple[str, str], when: Condition, by_phase: bool, test: Callable[[Answers], bool],
        codes: dict[str, np.ndarray], n: int,
    ) -> np.ndarray:
        """test() per project, evaluated once per combination of the answers it reads: the condition's traits, and
        the phases trait when it is scoped to phases. A trait without a column is onbekend everywhere."""
        read_set = traits_in(when) | ({self.phase_trait} if by_phase and self.phase_trait else set())
        read = sorted(read_set & codes.keys())
        sizes = tuple(len(self.traits[t].answers) for t in read)
        if not read:
            return np.full(n, test({}), dtype=bool)
        if np.prod(sizes, dtype=np.float64) > _DENSE_LIMIT:
            combos, inverse = np.unique(np.stack([codes[t] for t in read]), axis=1, return_inverse=True)
            return self._holds_for(test, read, combos.T)[inverse.ravel()]
        key = (*name, sizes)
        if key not in self._holds:  # the answers seen so far only grow, so a table stays valid for its sizes
            self._holds[key] = self._holds_for(test, read, itertools.product(*(range(s) for s in sizes)))
        return self._holds[key][np.ravel_multi_index([codes[t] for t in read], sizes)]

    def _holds_for(self, test: Callable[[Answers], bool], read: list[str], combos: Any) -> np.ndarray:
        return np.array([test({t: self.traits[t].answers[c] for t, c in zip(read, combo)}) for combo in combos], dtype=bool)


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
