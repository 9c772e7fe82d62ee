"""publiccode.yml has the shape of the publiccode.yml 0.4 standard, and says what pyproject.toml and LICENSE say."""

from __future__ import annotations

import datetime as dt
import tomllib

import yaml
from conftest import ROOT

# From the standard's schema.core.rst (tag v0.4.0): the keys marked mandatory, and the allowed values used here.
MANDATORY = ("publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus", "softwareType",
             "description", "legal", "maintenance", "localisation")
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
                  "standalone/other", "addon", "library", "configurationFiles"}
MAINTENANCE = {"internal", "contract", "community", "none"}
CATEGORIES = {"digital-citizenship", "collaboration", "knowledge-management", "survey", "data-analytics",
              "data-visualization", "project-management", "regulations-and-directives", "online-community"}
SCOPES = {"local-authorities", "government", "society"}


def _publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_the_mandatory_keys_are_there():
    data = _publiccode()
    assert [key for key in MANDATORY if key not in data] == []
    assert data["publiccodeYmlVersion"] == "0.4"
    assert data["platforms"] == ["web"]
    assert data["developmentStatus"] in DEVELOPMENT_STATUS
    assert data["softwareType"] == "standalone/web" and data["softwareType"] in SOFTWARE_TYPES
    assert set(data["categories"]) <= CATEGORIES
    assert set(data["intendedAudience"]["scope"]) <= SCOPES


def test_the_version_is_the_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    data = _publiccode()
    assert data["softwareVersion"] == project["version"]
    dt.date.fromisoformat(data["releaseDate"])


def test_the_licence_is_eupl_1_2_as_in_pyproject_and_license():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _publiccode()["legal"]["license"] == "EUPL-1.2" == project["license"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n")
    assert "15.Applicable Law" in licence and "All other changes or additions to this Appendix" in licence


def test_descriptions_in_dutch_and_english_within_the_standards_lengths():
    data = _publiccode()
    assert data["localisation"]["localisationReady"] is True
    assert data["localisation"]["availableLanguages"] == ["nl", "en"]
    for lang in ("nl", "en"):
        description = data["description"][lang]
        assert 0 < len(description["shortDescription"]) <= 150, lang
        assert 150 <= len(description["longDescription"]) <= 10_000, lang
        assert description["features"], lang


def test_maintenance_names_a_contact_and_placeholders_are_marked():
    data = _publiccode()
    assert data["maintenance"]["type"] in MAINTENANCE
    if data["maintenance"]["type"] in ("internal", "community"):
        assert all(contact["name"] for contact in data["maintenance"]["contacts"])
    # Not known yet, so clearly a placeholder: nobody should mistake it for the real address
    assert data["url"].startswith("https://") and "TODO" in data["url"]
