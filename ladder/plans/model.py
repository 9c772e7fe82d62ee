"""A participation plan and its verslag, as frozen data that serialises to JSON (kept per version in storage).

Everything here was typed or checked by a person, in one language: unlike an Advice, a plan is not bilingual.
Every text is bounded (TEXT_LIMIT), and so is every list, so a stored plan can always be shown and printed.
Bump PLAN_SCHEMA_VERSION when a field changes meaning or disappears.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

PLAN_SCHEMA_VERSION = "1.0"
TEXT_LIMIT = 5000  # characters in one field: a few paragraphs
MOST_PHASES = 10
MOST_GROUPS = 30
MOST_INPUTS = 100

Line = Annotated[str, Field(max_length=TEXT_LIMIT)]
Response = Literal["overgenomen", "deels", "niet"]
RESPONSES: tuple[Response, ...] = ("overgenomen", "deels", "niet")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlanPhase(Frozen):
    """The form of participation in one phase of the project, and how it is done."""

    phase: Annotated[str, Field(max_length=100)]
    form: Annotated[str, Field(max_length=100)]  # a rung id of the rule set
    methods: Line = ""
    note: Line = ""


class Plan(Frozen):
    """A participatieplan: the question, what is fixed, who decides, the form and the municipality's role, the form
    per phase with its promise, who takes
    part and how they are reached, methods, residents' rights and the formal route, planning, means, evaluation."""

    schema_version: str = PLAN_SCHEMA_VERSION
    project: Annotated[str, Field(min_length=1, max_length=200)]
    question: Line = ""
    fixed: Line = ""  # what is fixed beforehand, and by whom (law, council decision, budget)
    decides: Line = ""  # who takes the decision: raad, college or burgemeester
    committed: Line = ""  # what the decision maker committed to beforehand about using the input
    form: Annotated[str, Field(max_length=100)]  # the chosen form (a rung id)
    role: Line = ""  # the municipality's role toward an initiative (overheidsparticipatie), one or more
    promise: Line = ""  # to the participants
    commitment: Line = ""  # of the municipality
    phases: Annotated[tuple[PlanPhase, ...], Field(max_length=MOST_PHASES)] = ()
    groups: Line = ""  # who is involved and how each group is reached, hard-to-reach groups named
    rights: Line = ""  # uitdaagrecht, burgerinitiatiefvoorstel, petitierecht where they apply
    formal_route: Line = ""  # zienswijze (afdeling 3.4 Awb), the applicant's duty under the Omgevingswet, ...
    start: dt.date | None = None
    feedback: Line = ""  # when participants hear what was done with their input
    decision_date: dt.date | None = None
    budget: Line = ""
    staff: Line = ""
    evaluation: Line = ""


class Turnout(Frozen):
    """How many took part, for one group."""

    group: Annotated[str, Field(min_length=1, max_length=200)]
    count: Annotated[int, Field(ge=0, le=10_000_000)]


class InputResponse(Frozen):
    """One piece of input, and what was done with it and why (the motiveringsplicht: a reason for each)."""

    input: Annotated[str, Field(min_length=1, max_length=TEXT_LIMIT)]
    response: Response
    reason: Line = ""


class Verslag(Frozen):
    """Looking back, for the decision: what was asked, who took part, what came out, what was done with each piece
    of input and why, and how the promise was kept."""

    schema_version: str = PLAN_SCHEMA_VERSION
    asked: Line = ""
    turnout: Annotated[tuple[Turnout, ...], Field(max_length=MOST_GROUPS)] = ()
    outcome: Line = ""
    responses: Annotated[tuple[InputResponse, ...], Field(max_length=MOST_INPUTS)] = ()
    promise_kept: Line = ""
