"""`advise --format`: the advice as text, Markdown, PDF or JSON, on the screen or in a file (-o)."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

from cli.main import main

EXAMPLE = str(ROOT / "examples" / "marktplein.yaml")


@pytest.mark.parametrize(("format", "starts"), [("text", "Advies voor: "), ("md", "# Advies voor: "), ("json", "{")])
def test_each_text_format_goes_to_the_screen(capsys, format, starts):
    assert main(["advise", "--format", format, EXAMPLE]) == 0
    assert capsys.readouterr().out.startswith(starts)


def test_text_is_the_default_and_json_the_same_as_the_old_flag(capsys):
    main(["advise", EXAMPLE])
    default = capsys.readouterr().out
    main(["advise", "--format", "text", EXAMPLE])
    assert capsys.readouterr().out == default
    main(["advise", "--json", EXAMPLE])
    old = capsys.readouterr().out
    main(["advise", "-f", "json", EXAMPLE])
    assert capsys.readouterr().out == old
    assert json.loads(old)["recommended"]


def test_markdown_has_the_project_description(capsys):
    main(["advise", "-f", "md", EXAMPLE])
    assert "Het marktplein in de wijk wordt opnieuw ingericht." in capsys.readouterr().out


@pytest.mark.parametrize(("format", "head"), [("pdf", b"%PDF-"), ("md", b"# Advice for: "), ("text", b"Advice for: ")])
def test_output_writes_the_report_to_a_file_and_says_where(tmp_path, capsys, format, head):
    target = tmp_path / f"advies.{format}"
    assert main(["advise", "-f", format, "-o", str(target), "--lang", "en", EXAMPLE]) == 0
    assert target.read_bytes().startswith(head)
    assert capsys.readouterr().out == f"Written: {target}\n"


def test_a_pdf_is_not_poured_into_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["advise", "-f", "pdf", EXAMPLE]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "-o BESTAND" in captured.err


def test_a_pdf_goes_to_a_pipe_as_bytes(capsysbinary):
    assert main(["advise", "-f", "pdf", EXAMPLE]) == 0
    assert capsysbinary.readouterr().out.startswith(b"%PDF-")


def test_a_file_that_cannot_be_written_is_one_clear_line(tmp_path, capsys):
    assert main(["advise", "-f", "md", "-o", str(tmp_path / "missing" / "advies.md"), EXAMPLE]) == 2
    assert "kan dit bestand niet schrijven" in capsys.readouterr().err


def test_an_unknown_format_is_refused(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["advise", "-f", "odt", EXAMPLE])
    assert stopped.value.code == 2
    assert "invalid choice: 'odt'" in capsys.readouterr().err
