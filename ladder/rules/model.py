"""The rule-set schema: what a YAML rule-set file may contain, and the resolved rule set the engine uses.

A file is either a base (no `extends`, defines everything) or extends another rule set and changes it
with explicit verbs (add_, disable_, rename_, weight_factors). `RuleSetFile` is the schema of one file
(and of docs/rule-set.schema.json); `RuleSet` is the result of resolving a chain of files.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, WithJsonSchema, model_validator

from ladder.rules.problem_texts import Alternatives, Words, word
from ladder.rules.problems import rule_error
from ladder.text import language

VALUES = ("inclusie", "invloed", "eigenaarschap", "deliberatie", "legitimiteit")
UNKNOWN = "onbekend"
PHASE_TRAIT = "fase"  # the phases trait of a rule set without a phases section (the id is fixed in code)
NOT_APPLICABLE = "nvt"  # the answer of a question whose ask_when does not hold; reserved like onbekend
POINTS_LIMIT = 5
FACTOR_LIMIT = 5


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _number_between(low: float, high: float, whole: bool) -> BeforeValidator:
    code = "whole_number_between" if whole else "number_between"

    def check(value: Any) -> Any:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and whole and isinstance(value, float) and not value.is_integer():
            ok = False
        if not ok or not low <= value <= high:
            raise rule_error(code, low=f"{low:g}", high=f"{high:g}")
        return int(value) if whole else float(value)

    return BeforeValidator(check)


Points = Annotated[
    float,
    _number_between(-POINTS_LIMIT, POINTS_LIMIT, whole=False),
    WithJsonSchema({"type": "number", "minimum": -POINTS_LIMIT, "maximum": POINTS_LIMIT}),
]
Score = Annotated[int, _number_between(0, 4, whole=True), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 4})]
Factor = Annotated[
    float, _number_between(0, FACTOR_LIMIT, whole=False), WithJsonSchema({"type": "number", "minimum": 0, "maximum": FACTOR_LIMIT})
]
Id = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_]*$", description="lowercase letters, digits and _, starting with a letter"),
]
GroupSize = Literal["klein", "middel", "groot"]
Cost = Literal["laag", "midden", "hoog"]
Duration = Literal["kort", "middel", "lang"]
Task = Literal["informatie", "mening", "ontwerp", "beleid", "keuze", "feiten", "beheer", "initiatief", "omgevingsdialoog"]
MethodAttribute = Literal[
    "schaal", "groepsgrootte", "kosten", "duur", "taak", "bereikt", "drempel", "kanaal", "organisator", "bereik"
]
# The attributes that are lists, so per_answer can count the chosen answers found in them.
LIST_ATTRIBUTES = ("schaal", "taak", "bereikt", "drempel", "organisator")
Channel = Literal["fysiek", "digitaal", "beide"]
Organiser = Literal["gemeente", "initiatiefnemer", "samenleving"]
Reach = Literal["weinigen", "vertegenwoordigend", "iedereen"]


class Text(StrictModel):
    """A text shown to users: Dutch always, English where given (Dutch is shown when it is missing)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        # A plain string is Dutch-only text; say so in the JSON Schema too, so editors accept it.
        json_schema_extra=lambda schema: schema.update(
            {"anyOf": [{"type": "string", "minLength": 1}, {k: schema.pop(k) for k in list(schema) if k != "title"}]}
        ),
    )

    nl: str = Field(min_length=1)
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_dutch(cls, value: Any) -> Any:
        return {"nl": value} if isinstance(value, str) else value

    def get(self, lang: str) -> str:
        """The rule set's own words; Dutch where the English is left out."""
        return (self.en or self.nl) if language(lang) == "en" else self.nl


class ValueRating(StrictModel):
    score: Score
    why: Text


class ValuesProfile(StrictModel):
    """The democratic-values lens: what a form of cooperation gains or risks (0 = nothing, 4 = much)."""

    inclusie: ValueRating
    invloed: ValueRating
    eigenaarschap: ValueRating
    deliberatie: ValueRating
    legitimiteit: ValueRating


class ValueScores(StrictModel):
    inclusie: Score
    invloed: Score
    eigenaarschap: Score
    deliberatie: Score
    legitimiteit: Score


class Crosswalk(StrictModel):
    iap2: str
    arnstein: str
    klassieke_ladder: str


class Rung(StrictModel):
    id: Id
    name: Text
    description: Text
    stance: Text
    role: Text
    promise: Text
    commitment: Text
    crosswalk: Crosswalk
    values: ValuesProfile
    pitfalls: tuple[Text, ...] = ()


class AddedRung(Rung):
    after: Id = Field(description="the rung this new rung comes directly above")


class RungRename(StrictModel):
    name: Text
    description: Text | None = None


class Condition(StrictModel):
    """A declarative condition over answers: a leaf (trait + equals/in) or all/any/not of conditions."""

    trait: Id | None = None
    equals: str | None = None
    in_: tuple[str, ...] | None = Field(None, alias="in", min_length=1)
    all: tuple[Condition, ...] | None = Field(None, min_length=1)
    any: tuple[Condition, ...] | None = Field(None, min_length=1)
    not_: Condition | None = Field(None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        combinators = [n for n, v in (("all", self.all), ("any", self.any), ("not", self.not_)) if v is not None]
        leaf = self.trait is not None
        tests = [n for n, v in (("equals", self.equals), ("in", self.in_)) if v is not None]
        if leaf and combinators:
            raise rule_error("condition_both")
        if len(combinators) > 1:
            raise rule_error("condition_combined", found=Words(tuple(combinators)))
        if leaf and len(tests) != 1:
            raise rule_error("condition_test")
        if not leaf and tests:
            raise rule_error("condition_without_trait")
        if not leaf and not combinators:
            raise rule_error("condition_empty")
        return self


class Option(StrictModel):
    id: Id
    label: Text
    help: Text | None = None
    exclusive: StrictBool = Field(False, description="of a multiple trait: cannot be chosen together with other options")


class Trait(StrictModel):
    id: Id
    label: Text | None = Field(None, description="a short name, for lists and charts; the id as words when left out")
    question: Text
    help: Text
    options: tuple[Option, ...] = Field(min_length=2, description="ordered low to high where that applies")
    multiple: StrictBool = Field(False, description="true when more than one option may be chosen (like fase)")
    ask_when: Condition | None = Field(None, description="asked only when this holds on the other answers; else nvt")
    kind: Literal["feit", "keuze"] = Field(
        "feit", description="feit: a fact about the project; keuze: a choice the municipality can make (groups the flips)"
    )

    @model_validator(mode="after")
    def _options_unique_and_not_unknown(self) -> Trait:
        ids = [o.id for o in self.options]
        if UNKNOWN in ids:
            raise rule_error("unknown_listed", id=UNKNOWN)
        if NOT_APPLICABLE in ids:
            raise rule_error("not_applicable_listed", id=NOT_APPLICABLE)
        if not self.multiple and any(o.exclusive for o in self.options):
            raise rule_error("exclusive_single")
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise rule_error("options_repeated", ids=", ".join(repeated))
        return self

    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def short_name(self, lang: str) -> str:
        return self.label.get(lang) if self.label else self.id.replace("_", " ").capitalize()


class Kader(StrictModel):
    """A hard frame: when the condition holds, cap (max), floor (min) or exclude rungs, or warn."""

    id: Id
    when: Condition
    max: Id | None = None
    min: Id | None = None
    exclude: tuple[Id, ...] | None = Field(None, min_length=1)
    warning: StrictBool = False
    reason: Text
    phases: tuple[Id, ...] | None = Field(None, min_length=1, description="applies only when one of these phases is evaluated")

    @model_validator(mode="after")
    def _one_effect(self) -> Kader:
        effects = [n for n in ("max", "min", "exclude") if getattr(self, n) is not None]
        if self.warning:
            effects.append("warning")
        if len(effects) != 1:
            raise rule_error("kader_effects", found=Words(tuple(effects)) if effects else word("found_none"))
        return self

    @property
    def effect(self) -> Literal["max", "min", "exclude", "warning"]:
        if self.max is not None:
            return "max"
        if self.min is not None:
            return "min"
        return "exclude" if self.exclude is not None else "warning"


class OptionWeights(StrictModel):
    """Points per rung for one answer (rung id: number from -5 to 5), with why it weighs so."""

    model_config = ConfigDict(extra="allow", frozen=True)
    why: Text
    __pydantic_extra__: dict[str, Points] = Field(init=False)

    def points(self) -> dict[str, float]:
        return dict(self.__pydantic_extra__ or {})


class WeightFactor(StrictModel):
    trait: Id
    options: tuple[Id, ...] | None = Field(None, description="only these answers; all answers when left out")
    factor: Factor
    why: Text


class Werkvorm(StrictModel):
    id: Id
    name: Text
    description: Text
    rungs: tuple[Id, ...] = Field(min_length=1)
    schaal: tuple[Id, ...] = Field(min_length=1)
    groepsgrootte: GroupSize
    kosten: Cost
    duur: Duration
    waarden: ValueScores
    # Optional: a method without one of these is not matched on it.
    taak: tuple[Task, ...] | None = Field(None, min_length=1, description="what the method is good for")
    bereikt: tuple[Id, ...] | None = Field(None, min_length=1, description="doelgroepen it reaches well")
    drempel: tuple[Id, ...] | None = Field(None, min_length=1, description="doelgroepen it tends to shut out")
    kanaal: Channel | None = None
    organisator: tuple[Organiser, ...] | None = Field(None, min_length=1, description="who normally runs it")
    bereik: Reach | None = Field(None, description="who can take part: a few, a representative sample, anyone")


class Guidance(StrictModel):
    id: Id
    kind: Literal["do", "dont", "dilemma"]
    text: Text
    source: str
    rungs: tuple[Id, ...] | None = Field(None, description="applies only when one of these rungs is advised")
    when: Condition | None = None
    with_hats: StrictBool = Field(False, description="shown only when the advice gives the municipality a hat")


class Role(StrictModel):
    """A role of the overheidsparticipatietrap (loslaten ... reguleren)."""

    id: Id
    name: Text
    description: Text
    fits_when: Text


class RoleRule(StrictModel):
    """Picks the municipal role when the advice is a rung in `rungs`; the first rule whose condition holds wins."""

    role: Id
    rungs: tuple[Id, ...] = Field(min_length=1)
    when: Condition | None = None
    why: Text


class RoleNeed(StrictModel):
    """The situation needs at least this role (the main role climbs to it), or adds it as a hat beside the main role."""

    id: Id
    role: Id
    when: Condition
    why: Text
    hat: StrictBool = False
    rungs: tuple[Id, ...] | Literal["all"] | None = Field(
        None, description="the rungs it applies to: a list, or all; role_needs.applies_to when left out"
    )


class MainRole(StrictModel):
    """A fixed main role, for any advised rung, when the condition holds (the first that holds wins)."""

    when: Condition
    role: Id
    why: Text | None = Field(None, description="why this role; the role's fits_when when left out")


class HatsFromTrait(StrictModel):
    """Each chosen option listed here is a hat (for example grondeigenaar, financier)."""

    trait: Id
    options: tuple[Id, ...] = Field(min_length=1)


class RoleNeeds(StrictModel):
    """The municipality's role from what the situation needs: climb the trap as little as possible."""

    applies_to: tuple[Id, ...] = Field(min_length=1, description="the rungs for which the needs pick the main role")
    main_for: tuple[MainRole, ...] = ()
    needs: tuple[RoleNeed, ...] = ()
    hats_from_trait: HatsFromTrait | None = None
    loslaten_why: Text = Field(description="why the lowest role fits when no need holds")


class Right(StrictModel):
    """A right of residents or a legal duty: listed apart from the methods, whatever rung is advised."""

    id: Id
    kind: Literal["recht", "plicht"]
    holder: str = Field(min_length=1, description="whose right or duty: inwoners, iedereen, gemeente, ...")
    basis: str = Field(min_length=1, description="the law or regulation it rests on")
    when: Condition | None = Field(None, description="listed only when this holds; always when left out")
    text: Text


class Support(StrictModel):
    """A support measure (the answer to the participation paradox): more help on the same rung, never less say."""

    id: Id
    when: Condition | None = None
    rungs_from: Id = Field("raadplegen", description="shown when the advised rung is this one or above it")
    text: Text
    source: str


class GoalLink(StrictModel):
    rung: Id
    why: Text


class RouteNames(StrictModel):
    situation: Text
    goal: Text


class RouteAdjust(StrictModel):
    """What to adjust when the routes differ, by the direction of the difference."""

    goal_higher: Text
    goal_lower: Text


class GoalRoute(StrictModel):
    """The goal route of the Brabant Participatiekompas: the participation goal points to a rung."""

    trait: Id
    links: dict[Id, GoalLink]
    names: RouteNames | None = None
    adjust: RouteAdjust | None = None


class WerkvormFit(StrictModel):
    """How an answer narrows the working methods: by the attribute values that fit each answer (prefer), or by
    counting the chosen answers in the method's list (per_answer). A note is shown, never scored."""

    trait: Id
    attribute: MethodAttribute
    why: Text
    prefer: dict[Id, tuple[str, ...]] | None = Field(None, description="for each answer, the attribute values that fit")
    plus: float = Field(1.0, description="with prefer: added when the method fits every chosen listed answer")
    minus: float = Field(-1.0, description="with prefer: added when it does not")
    per_answer: float | None = Field(None, description="points per chosen answer found in the method's list attribute")
    cap: float | None = Field(None, description="with per_answer: the largest total, in absolute value")
    effect: Literal["score", "note"] = "score"

    @model_validator(mode="after")
    def _one_form(self) -> WerkvormFit:
        if (self.prefer is None) == (self.per_answer is None):
            raise rule_error("fit_form")
        if self.per_answer is not None and self.cap is None:
            raise rule_error("fit_cap_missing")
        if self.prefer is not None and self.cap is not None:
            raise rule_error("fit_cap_with_prefer")
        if self.per_answer is not None and self.attribute not in LIST_ATTRIBUTES:
            raise rule_error("fit_per_answer_list", attribute=self.attribute,
                             choices=Alternatives(tuple(f"'{a}'" for a in LIST_ATTRIBUTES)))
        return self


class Robustness(StrictModel):
    """Margin thresholds (in points) for the robustness label."""

    robuust: float = Field(gt=0)
    redelijk: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Robustness:
        if self.redelijk > self.robuust:
            raise rule_error("robustness_order")
        return self


class Contact(StrictModel):
    name: str
    role: Text
    how: str = Field(description="how to reach them: desk, mail address or phone")
    when: Text


class PolicyReference(StrictModel):
    title: str
    url: str | None = None
    note: Text | None = None


class PhaseProfile(StrictModel):
    """What evaluating one phase adds: points per rung, an optional note, and whether entering here is late."""

    points: dict[Id, Points] = Field(default_factory=dict)
    note: Text | None = None
    late: StrictBool = Field(False, description="true: a project that enters in this phase joins late")


class Phases(StrictModel):
    """The phase matrix: the advice is that of the entry phase (the earliest chosen phase); each later phase has its own."""

    trait: Id = Field(description="the multiple trait whose options are the phases (fase); it is not weighed in weights")
    overall: Literal["earliest"] = "earliest"
    profiles: dict[Id, PhaseProfile]


class PhasePoints(StrictModel):
    """An extending file's change to one phase profile: the listed rungs' points, and the note when given."""

    points: dict[Id, Points] = Field(default_factory=dict)
    note: Text | None = None


class PreCheck(StrictModel):
    """Checked before scoring: when it holds, the advice is to inform only (there is nothing to participate on)."""

    id: Id
    when: Condition
    text: Text
    phases: tuple[Id, ...] | None = Field(None, min_length=1, description="holds only for these phases (always when fase is onbekend)")


class PostCheck(StrictModel):
    """Checked once the rung is known: what to arrange first (must) or see to (should) for that rung."""

    id: Id
    severity: Literal["must", "should"]
    when: Condition
    text: Text = Field(description="{fallback} is replaced by the name of the fallback rung")
    rungs: tuple[Id, ...] | None = Field(None, min_length=1, description="only when one of these rungs is advised")
    rungs_from: Id | None = Field(None, description="only when this rung or a higher one is advised")
    conditional: StrictBool = Field(False, description="true: the advice holds only if this is arranged, else the fallback")

    @model_validator(mode="after")
    def _one_rung_scope(self) -> PostCheck:
        if self.rungs is not None and self.rungs_from is not None:
            raise rule_error("rungs_and_rungs_from")
        return self


class Preconditions(StrictModel):
    pre: tuple[PreCheck, ...] = ()
    post: tuple[PostCheck, ...] = ()


class AtLeast(StrictModel):
    count: int = Field(ge=1)
    of: tuple[Id, ...] = Field(min_length=1)


class RequiredWhen(StrictModel):
    when: Condition
    traits: tuple[Id, ...] = Field(min_length=1)


class Information(StrictModel):
    """What the tool needs to know before it advises, and when an advice is only provisional."""

    required: tuple[Id, ...] = ()
    at_least: tuple[AtLeast, ...] = ()
    required_when: tuple[RequiredWhen, ...] = ()
    provisional_span: int = Field(2, ge=1, description="voorlopig when one unknown answer could move the advice this many rungs")


class QuestionBlock(StrictModel):
    """A group of questions in the questionnaire, in this order; traits in no block come last."""

    id: Id
    title: Text
    traits: tuple[Id, ...] = Field(min_length=1)


Status = Literal["concept", "in_gebruik", "vastgesteld", "illustratie"]


class RuleSetFile(StrictModel):
    """One YAML file: a base (no `extends`) or a rule set that extends another and changes it."""

    extends: Id | None = Field(None, description="id of the rule set this file builds on, e.g. base")
    name: Text | None = None
    description: Text | None = None
    version: str | None = None
    date: dt.date | None = None
    status: Status | None = None
    illustration: StrictBool | None = Field(None, description="true: an example inspired by sources, not adopted policy")
    disclaimer: Text | None = None
    sources: tuple[str, ...] | None = None
    contacts: tuple[Contact, ...] | None = None
    escalation: Text | None = Field(None, description="when to go to the wethouder (alderman)")
    policy_references: tuple[PolicyReference, ...] | None = None
    robustness: Robustness | None = None
    # A base defines these; a file with `extends` may change them only through the verbs below.
    rungs: tuple[Rung, ...] | None = Field(None, min_length=2)
    traits: tuple[Trait, ...] | None = Field(None, min_length=1)
    roles: tuple[Role, ...] | None = None
    role_rules: tuple[RoleRule, ...] | None = None
    role_needs: RoleNeeds | None = None
    goal_route: GoalRoute | None = None
    werkvorm_fit: tuple[WerkvormFit, ...] | None = None
    phases: Phases | None = None
    question_blocks: tuple[QuestionBlock, ...] | None = None
    # In a base these define; in an extending file they add (new id) or replace (same id; for
    # weights: the listed rungs of the listed answers).
    weights: dict[Id, dict[Id, OptionWeights]] | None = Field(None, min_length=1)
    kaders: tuple[Kader, ...] | None = None
    werkvormen: tuple[Werkvorm, ...] | None = None
    guidance: tuple[Guidance, ...] | None = None
    preconditions: Preconditions | None = None
    # In a base this defines; in an extending file it replaces the whole section.
    information: Information | None = None
    rights: tuple[Right, ...] | None = None
    support: tuple[Support, ...] | None = None
    # Only in a file with `extends`.
    add_rungs: tuple[AddedRung, ...] | None = None
    rename_rungs: dict[Id, RungRename] | None = None
    add_traits: tuple[Trait, ...] | None = None
    disable_traits: tuple[Id, ...] | None = None
    weight_factors: tuple[WeightFactor, ...] | None = None
    disable_kaders: tuple[Id, ...] | None = None
    disable_werkvormen: tuple[Id, ...] | None = None
    disable_guidance: tuple[Id, ...] | None = None
    phase_points: dict[Id, PhasePoints] | None = Field(None, description="replaces the listed rungs' points of a phase")
    disable_preconditions: tuple[Id, ...] | None = None


    add_role_needs: tuple[RoleNeed, ...] | None = Field(None, description="new id adds a role need, same id replaces it")
    disable_role_needs: tuple[Id, ...] | None = None
    disable_rights: tuple[Id, ...] | None = None
    disable_support: tuple[Id, ...] | None = None


BASE_ONLY = ("rungs", "traits", "roles", "role_rules", "role_needs", "goal_route", "werkvorm_fit", "phases",
             "question_blocks")
EXTENDS_ONLY = (
    "add_rungs",
    "rename_rungs",
    "add_traits",
    "disable_traits",
    "weight_factors",
    "disable_kaders",
    "disable_werkvormen",
    "disable_guidance",
    "phase_points",
    "disable_preconditions",
    "add_role_needs",
    "disable_role_needs",
    "disable_rights",
    "disable_support",
)
BASE_REQUIRED = ("name", "version", "date", "status", "rungs", "traits", "weights", "robustness")


class TraitWeights(StrictModel):
    """Resolved points of one answer: per rung, with the reasons and any factor applied.

    `points` are what the engine adds: `given` (as the files wrote them) times every factor.
    """

    points: dict[str, float]
    given: dict[str, float]
    why: Text
    factors: tuple[WeightFactor, ...] = ()


class SourceFile(StrictModel):
    file: str
    sha256: str = Field(description="of the file's bytes")
    content_sha256: str = Field(description="of the parsed content as canonical JSON: comments and layout do not count")


class RuleSet(StrictModel):
    """A fully resolved rule set: what the engine reads. Its content hash identifies the advice basis."""

    id: str
    name: Text
    description: Text | None
    version: str
    date: dt.date
    status: Status
    illustration: bool
    disclaimer: Text | None
    sources: tuple[str, ...]
    contacts: tuple[Contact, ...]
    escalation: Text | None
    policy_references: tuple[PolicyReference, ...]
    robustness: Robustness
    rungs: tuple[Rung, ...]
    traits: tuple[Trait, ...]
    disabled_traits: tuple[str, ...]
    roles: tuple[Role, ...]
    role_rules: tuple[RoleRule, ...]
    goal_route: GoalRoute | None
    werkvorm_fit: tuple[WerkvormFit, ...]
    weights: dict[str, dict[str, TraitWeights]]
    kaders: tuple[Kader, ...]
    werkvormen: tuple[Werkvorm, ...]
    guidance: tuple[Guidance, ...]
    # Model v2; the defaults keep rule sets stored by an older loader readable.
    phases: Phases | None = None
    preconditions: Preconditions = Preconditions()
    information: Information | None = None
    question_blocks: tuple[QuestionBlock, ...] = ()
    # Defaults: a rule set stored before these sections existed still reads back.
    role_needs: RoleNeeds | None = None
    rights: tuple[Right, ...] = ()
    support: tuple[Support, ...] = ()
    lineage: tuple[SourceFile, ...] = Field(description="the files it was built from, base first")
    content_hash: str = Field(description="identifies the rule set for reproducible advice (see loading.content_hash)")

    def rung_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rungs)

    def rung(self, rung_id: str) -> Rung:
        return next(r for r in self.rungs if r.id == rung_id)

    def trait(self, trait_id: str) -> Trait:
        return next(t for t in self.traits if t.id == trait_id)

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)
