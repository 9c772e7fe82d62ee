"""The bundled rule sets: the stable public interface, their content, and how they are identified."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from pydantic import BaseModel

from ladder.reports.texts import TEXTS as MESSAGES
from ladder.rules.loading import load_rule_set, load_rule_set_text
from ladder.rules.model import Text
from ladder.rules.schema import rule_set_schema

RUNGS = ("informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer", "overheidsparticipatie")
LMH = ("laag", "midden", "hoog")
NEE_JA = ("nee", "ja")
# The trait ids and options are a stable public interface (portfolio files and other tools use them).
TRAITS = {
    "initiatiefnemer": ("gemeente", "samen", "maatschappelijk_initiatief", "private_initiatiefnemer", "verzoek_aan_gemeente",
                        "andere_overheid"),
    "soort_opgave": ("ontwerp", "beleid", "keuze_of_verdeling", "feitenonderzoek", "beheer", "initiatief_realiseren", "aanvraag",
                     "uitvoering_besluit"),
    "rol_gemeente": ("opdrachtgever", "bevoegd_gezag", "grondeigenaar", "financier", "ondersteuner"),
    "uitvoerder_participatie": ("gemeente", "initiatiefnemer", "samen"),
    "schaal": ("straat", "buurt", "wijk_dorp", "gemeente", "regio"),
    "fase": ("agenda", "voorbereiding", "besluitvorming", "uitvoering", "beheer"),
    "beleidsruimte": ("geen", "beperkt", "ruim", "open"),
    "vertrekpunt": ("plan_of_keuzes", "vraag_bepaald", "alles_open"),
    "vastgelegd_door": ("wet_of_norm", "veiligheid", "contract_of_afspraak", "eerder_besluit", "besluit_andere_overheid", "budget"),
    "besluit_genomen": ("nee", "richting_gekozen", "ja"),
    "bindendheid": ("nog_niet_afgesproken", "mening_meewegen", "advies_volgen", "overnemen_binnen_kaders", "besluit_bij_deelnemers"),
    "procedure": ("geen", "zienswijze_awb", "omgevingsvisie_of_plan", "aanvraag_omgevingsvergunning",
                  "verplichte_participatie_raad", "bindend_advies_raad"),
    "formeel_recht": ("geen", "uitdaagrecht", "burgerinitiatiefvoorstel", "petitie"),
    "ingrijpendheid": LMH,
    "belanghebbenden": ("weinig", "gemiddeld", "veel"),
    "doelgroepen": ("geen_bijzondere", "kinderen", "jongeren", "weinig_tijd", "taal_of_lezen", "weinig_digitaal", "beperking",
                    "weinig_geld", "ouderen"),
    "conflict": LMH, "vertrouwen": LMH, "capaciteit_samenleving": LMH,
    "bestaande_netwerken": NEE_JA,
    "vraag_initiatief": ("alleen_ruimte", "advies_en_contacten", "geld_of_middelen", "toestemming", "taak_overnemen",
                         "samenwerkingsafspraak"),
    "inbreng_helpt": ("ja", "beperkt", "nee"),
    "afhankelijk_van_inwoners": ("ja", "deels", "nee"),
    "tijd_tot_besluit": ("acuut", "krap", "gemiddeld", "ruim"),
    "complexiteit": LMH,
    "publiek_belang": ("klein", "enig", "groot"),
    "politieke_gevoeligheid": LMH, "middelen": LMH,
    "doel": ("begrip", "weten_wat_leeft", "draagvlak", "deskundigheid", "samen_maken", "bindende_keuze", "zelf_dragen",
             "initiatief_steunen"),
}
MULTIPLE = ["rol_gemeente", "fase", "vastgelegd_door", "procedure", "formeel_recht", "doelgroepen", "vraag_initiatief"]


def test_the_base_has_the_stable_rungs_and_traits(base):
    assert base.rung_ids() == RUNGS
    assert {t.id: t.option_ids() for t in base.traits} == TRAITS
    assert [t.id for t in base.traits if t.multiple] == MULTIPLE


def test_the_base_has_a_full_catalogue(base):
    assert len(base.werkvormen) >= 30
    for rung in RUNGS:
        assert sum(rung in m.rungs for m in base.werkvormen) >= 3, rung
    assert [r.id for r in base.roles] == ["loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren"]
    assert {g.kind for g in base.guidance} == {"do", "dont", "dilemma"}


def test_every_municipality_says_it_is_an_illustration(bundled):
    for rule_set in bundled.values():
        assert rule_set.illustration and rule_set.status == "illustratie"
        assert rule_set.disclaimer is not None and "geen vastgesteld beleid" in rule_set.disclaimer.nl
        assert rule_set.version and rule_set.date


def test_leusden_keeps_the_base_rungs(bundled):
    # v2 removed Leusden's extra rung samenleving_zonder_gemeente: it duplicated the role loslaten (CHANGELOG).
    assert bundled["leusden"].rung_ids() == RUNGS


def _texts(value):
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def test_every_bundled_text_is_available_in_english(bundled):
    for rule_set in bundled.values():
        missing = [text.nl for text in _texts(rule_set) if not text.en]
        assert not missing, (rule_set.id, missing[:3])


def test_the_content_hash_ignores_comments_and_layout_but_not_content():
    text = (ROOT / "municipalities" / "amersfoort.yaml").read_text(encoding="utf-8")
    original = load_rule_set(ROOT / "municipalities" / "amersfoort.yaml")
    reformatted = load_rule_set_text("# een opmerking\n\n" + text.replace("\n", "\n\n"), "amersfoort.yaml")
    assert reformatted.content_hash == original.content_hash
    changed = load_rule_set_text(text.replace("max: adviseren", "max: raadplegen"), "amersfoort.yaml")
    assert changed.content_hash != original.content_hash


def test_the_lineage_names_every_file_with_its_hash(bundled):
    lineage = bundled["leusden"].lineage
    assert [s.file for s in lineage] == ["rules/base.yaml", "municipalities/leusden.yaml"]
    assert all(len(s.sha256) == 64 for s in lineage)


def test_the_published_json_schema_is_up_to_date():
    published = json.loads((ROOT / "docs" / "rule-set.schema.json").read_text(encoding="utf-8"))
    assert published == rule_set_schema(), "regenerate with: python -m ladder schema -o docs/rule-set.schema.json"


def test_the_ui_catalogue_has_every_text_in_both_languages_with_the_same_placeholders():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert MESSAGES["nl"].keys() == MESSAGES["en"].keys()
    for key, dutch in MESSAGES["nl"].items():
        assert fields(dutch) == fields(MESSAGES["en"][key]), key


@pytest.mark.parametrize("verb", ["disable_kaders", "disable_werkvormen", "disable_guidance"])
def test_disabling_an_unknown_item_is_an_error(write_rules, verb):
    from ladder.rules.loading import validate_file

    [problem] = validate_file(write_rules(f"extends: base\n{verb}: [bestaat_niet]\n"))
    assert problem.line == 2 and "unknown id 'bestaat_niet'" in problem.message("en")


def test_a_factor_multiplies_the_points_and_is_explained(write_rules, base):
    rule_set = load_rule_set(write_rules(
        "extends: base\nweight_factors:\n  - trait: bestaande_netwerken\n    options: [ja]\n    factor: 2\n    why: Telt dubbel.\n"
    ))
    doubled = rule_set.weights["bestaande_netwerken"]["ja"]
    assert doubled.points == {r: p * 2 for r, p in base.weights["bestaande_netwerken"]["ja"].points.items()}
    assert doubled.factors[0].why.nl == "Telt dubbel."
    assert rule_set.weights["bestaande_netwerken"]["nee"] == base.weights["bestaande_netwerken"]["nee"]


def test_a_disabled_trait_is_not_asked_and_its_answers_are_set_aside(write_rules):
    from ladder.engine.advisor import advise

    # No bundled municipality disables a trait under v2; a file extending Maashorst drops its own trait 'thema'.
    rule_set = load_rule_set(write_rules("extends: maashorst\ndisable_traits: [thema]\n", "zonder_thema.yaml"))
    assert "thema" not in [t.id for t in rule_set.traits]
    assert advise(rule_set, {"thema": "sociaal"}).ignored_answers == ("thema",)


def test_factors_keep_applying_and_explaining_when_a_child_changes_the_points(write_rules, bundled):
    """Leusden doubles bestaande_netwerken; a file extending Leusden that rewrites those points is doubled too."""
    path = write_rules(
        "extends: leusden\nweights:\n  bestaande_netwerken:\n    ja:\n      why: Eigen punten.\n      zelfbeheer: 1\n",
        "kind_van_leusden.yaml",
    )
    weights = load_rule_set(path).weights["bestaande_netwerken"]["ja"]
    assert weights.given["zelfbeheer"] == 1 and weights.points["zelfbeheer"] == 2
    assert weights.points["overheidsparticipatie"] == bundled["leusden"].weights["bestaande_netwerken"]["ja"].points["overheidsparticipatie"]
    assert [f.factor for f in weights.factors] == [2]


@pytest.mark.slow
def test_every_bundled_file_validates_against_the_published_json_schema():
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "docs" / "rule-set.schema.json").read_text(encoding="utf-8"))
    files = [ROOT / "rules" / "base.yaml", ROOT / "docs" / "voorbeeld-regelset.yaml", *sorted((ROOT / "municipalities").glob("*.yaml"))]
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # dates as text, as an editor sees them
        jsonschema.validate(data, schema)
    broken = yaml.safe_load((ROOT / "tests" / "fixtures" / "broken" / "weight_out_of_range.yaml").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_the_annotated_example_in_the_reference_is_the_checked_example_file():
    example = (ROOT / "docs" / "voorbeeld-regelset.yaml").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "rule-format.md").read_text(encoding="utf-8")
    assert f"```yaml\n{example}```" in reference
    assert load_rule_set(ROOT / "docs" / "voorbeeld-regelset.yaml").illustration
