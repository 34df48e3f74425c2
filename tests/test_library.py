"""The library: openleaf.publish() and openleaf.parse(), as a program that uses Openleaf calls them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from conftest import SHORT_BODY, write_article


def test_publish_takes_str_paths_and_returns_the_report_the_command_prints(tmp_path):
    source = write_article(tmp_path / "articles", SHORT_BODY)
    program = textwrap.dedent(f"""
        import openleaf
        report = openleaf.publish({str(source)!r}, out={str(tmp_path / "out")!r}, formats=["html", "epub"], jobs=1)
        print(len(report.published), len(report.failed), sorted(report.articles[0].outputs))
    """)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "0", "['epub',", "'html']"]
    assert (tmp_path / "out" / "test-article" / "test-article.html").is_file()


def test_a_bad_request_raises_openleaf_error_with_the_usage_exit_code(tmp_path):
    import openleaf

    with pytest.raises(openleaf.OpenleafError) as raised:
        openleaf.publish(str(tmp_path), formats="pdf,docx")
    assert raised.value.exit_code == openleaf.ExitCode.USAGE and "docx" in str(raised.value)
    with pytest.raises(openleaf.OpenleafError, match="speech engine"):
        openleaf.publish(str(tmp_path), formats=["audio"], voice="pipper")


def test_parse_returns_the_article_or_every_problem(tmp_path):
    import openleaf

    article = openleaf.parse(str(write_article(tmp_path, SHORT_BODY)))
    assert article.title == "A Test Article" and [s.title_text for s in article.sections] == ["When to drink"]
    broken = write_article(tmp_path, "Text [@nobody] and [@none].\n\n# A title in the body\n", name="broken.md")
    with pytest.raises(openleaf.SourceError) as raised:
        openleaf.parse(broken)
    assert len(raised.value.diagnostics) >= 3 and all(line.startswith(str(broken)) for line in raised.value.lines())


def test_publish_stays_the_function_after_the_command_module_is_imported(tmp_path):
    import openleaf
    import openleaf.publish  # noqa: F401 - what the command line (and run_cli) does

    report = openleaf.publish(str(write_article(tmp_path, SHORT_BODY)), out=tmp_path / "out", formats="html", jobs=1)
    assert len(report.published) == 1


def test_publishing_again_after_an_edit_in_the_same_process_rebuilds_it(tmp_path):
    import openleaf

    source = write_article(tmp_path, SHORT_BODY)
    openleaf.publish(source, out=tmp_path / "out", formats="html", jobs=1)
    source.write_text(source.read_text() + "\nA sentence added later.\n")
    report = openleaf.publish(source, out=tmp_path / "out", formats="html", jobs=1)
    assert report.articles[0].outputs["html"].status == "written"
    assert "A sentence added later." in (tmp_path / "out" / "test-article" / "test-article.html").read_text()


def test_python_dash_m_openleaf_is_the_command():
    done = subprocess.run([sys.executable, "-m", "openleaf", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("openleaf ")


def test_importing_the_library_loads_no_writer_or_rendering_library():
    program = "import sys, openleaf; print(sorted(m for m in ('weasyprint', 'ebooklib', 'numpy', 'rich', 'jinja2') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
