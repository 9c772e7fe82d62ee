"""`advise --format`: the advice as text, Markdown, PDF, ODT, DOCX or JSON, on the screen or in a file (-o)."""

from __future__ import annotations

import json
import sys

import pytest
import yaml
from conftest import CASES

from cli.main import main


@pytest.fixture
def example(tmp_path) -> str:
    """The market square (golden project 04, the project of examples/marktplein.yaml) as a project file in v2 answers:
    these tests are about the command line, not about the bundled example."""
    case = yaml.safe_load(next(c for c in CASES if c.stem.startswith("04")).read_text(encoding="utf-8"))["project"]
    path = tmp_path / "marktplein.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("format", "starts"), [("text", "Advies voor: "), ("md", "# Advies voor: "), ("json", "{")])
def test_each_text_format_goes_to_the_screen(example, capsys, format, starts):
    assert main(["advise", "--format", format, example]) == 0
    assert capsys.readouterr().out.startswith(starts)


def test_text_is_the_default_and_json_the_same_as_the_old_flag(example, capsys):
    main(["advise", example])
    default = capsys.readouterr().out
    main(["advise", "--format", "text", example])
    assert capsys.readouterr().out == default
    main(["advise", "--json", example])
    old = capsys.readouterr().out
    main(["advise", "-f", "json", example])
    assert capsys.readouterr().out == old
    assert json.loads(old)["recommended"]


def test_markdown_has_the_project_description(example, capsys):
    main(["advise", "-f", "md", example])
    assert "Het marktplein in de wijk wordt opnieuw ingericht." in capsys.readouterr().out


# How each file begins: an ODT is a zip whose first entry is its mimetype, stored (so tools know it by its first
# bytes); a DOCX is a zip whose first entry is its list of content types.
HEADS = {"pdf": b"%PDF-", "odt": b"mimetypeapplication/vnd.oasis.opendocument.text", "docx": b"[Content_Types].xml"}


def file_kind(data: bytes) -> str | None:
    return next((kind for kind, head in HEADS.items() if data.startswith(head) or data[30:].startswith(head)), None)


@pytest.mark.parametrize(("format", "head"), [("md", b"# Advice for: "), ("text", b"Advice for: ")])
def test_output_writes_the_report_to_a_file_and_says_where(example, tmp_path, capsys, format, head):
    target = tmp_path / f"advies.{format}"
    assert main(["advise", "-f", format, "-o", str(target), "--lang", "en", example]) == 0
    assert target.read_bytes().startswith(head)
    assert capsys.readouterr().out == f"Written: {target}\n"


@pytest.mark.parametrize("format", HEADS)
def test_output_writes_each_file_format(example, tmp_path, capsys, format):
    target = tmp_path / f"advies.{format}"
    assert main(["advise", "-f", format, "-o", str(target), "--lang", "en", example]) == 0
    assert file_kind(target.read_bytes()) == format
    assert capsys.readouterr().out == f"Written: {target}\n"


@pytest.mark.parametrize("format", HEADS)
def test_a_file_format_is_not_poured_into_a_terminal(example, capsys, monkeypatch, format):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["advise", "-f", format, example]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"Een {format.upper()} kan niet" in captured.err and f"> advies.{format}" in captured.err
    assert "-o BESTAND" in captured.err


@pytest.mark.parametrize("format", HEADS)
def test_a_file_format_goes_to_a_pipe_as_bytes(example, capsysbinary, format):
    assert main(["advise", "-f", format, example]) == 0
    assert file_kind(capsysbinary.readouterr().out) == format


def test_a_file_that_cannot_be_written_is_one_clear_line(example, tmp_path, capsys):
    assert main(["advise", "-f", "md", "-o", str(tmp_path / "missing" / "advies.md"), example]) == 2
    assert "kan dit bestand niet schrijven" in capsys.readouterr().err


def test_an_unknown_format_is_refused(example, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["advise", "-f", "rtf", example])
    assert stopped.value.code == 2
    assert "invalid choice: 'rtf'" in capsys.readouterr().err
