"""Real headless Chromium for the HTML and EPUB tests, and axe-core inside it.

We drive Debian's own ``/usr/bin/chromium`` through Playwright; Playwright
must never download a browser of its own (the tests run offline, and CI
installs Chromium with apt). Each launch gets a fresh, throw-away profile.

In CI (``CI=true``) a missing browser is a failure, never a skip: a check
that silently did not run is worse than none. On a developer machine the
browser tests skip with the reason.

Use in a test module::

    from browser import axe_violations, browser_page, format_violations  # noqa: F401  (fixture)

    def test_page_passes_axe(browser_page, built_html):
        browser_page.goto(built_html.as_uri())
        violations = axe_violations(browser_page, WCAG_AAA)
        assert not violations, format_violations(violations)
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path(os.environ.get("OPENLEAF_CHROMIUM", "/usr/bin/chromium"))

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# axe-core rule tags. axe has no separate "wcag22a" tag: WCAG 2.2 added one
# Level A criterion that axe does not test automatically.
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WCAG_AAA = WCAG_A_AA + ["wcag2aaa", "wcag21aaa", "wcag22aaa"]

# Playwright must not look for, or fetch, a browser of its own.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_browser() -> None:
    """Fail in CI, skip elsewhere, when Chromium or the Python packages are missing."""
    problems = []
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        problems.append(f"Chromium not found at {CHROMIUM} (install it with: apt-get install chromium)")
    for module, package in [("playwright", "playwright"), ("axe_playwright_python", "axe-playwright-python")]:
        try:
            __import__(module)
        except ImportError:
            problems.append(f"Python package {package} is not installed (pip install '.[test]')")
    if not problems:
        return
    message = "browser tests cannot run: " + "; ".join(problems)
    if in_ci():
        pytest.fail(message + " -- in CI the browser checks must run", pytrace=False)
    pytest.skip(message)


_driver = None


def _playwright():
    """One Playwright driver per test run, shared by every browser launched.

    The sync API allows only one driver per thread, and a test may need a
    second browser (say, with script disabled) while the module's is open.
    """
    global _driver
    if _driver is None:
        from playwright.sync_api import sync_playwright

        _driver = sync_playwright().start()
        atexit.register(_driver.stop)
    return _driver


@contextlib.contextmanager
def launch(extra_args: tuple[str, ...] = (), **context_options) -> Iterator["playwright.sync_api.BrowserContext"]:  # noqa: F821
    """A browser context in a fresh profile, closed and removed on exit.

    ``extra_args`` are Chromium flags a test needs besides ours (say, an autoplay policy).

    ``context_options`` go to Playwright's ``launch_persistent_context``
    (for example ``viewport``, ``device_scale_factor``, ``color_scheme``,
    ``java_script_enabled``).
    """
    require_browser()
    profile = tempfile.mkdtemp(prefix="openleaf-chromium-")
    try:
        context = _playwright().chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS + list(extra_args),
            **context_options,
        )
        try:
            yield context
        finally:
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser_context():
    """One Chromium per test module (starting it is the slow part)."""
    with launch(viewport={"width": 1280, "height": 900}) as context:
        yield context


@pytest.fixture
def browser_page(browser_context):
    """A fresh tab at 1280 x 900, light colour scheme, no motion preference set."""
    page = browser_context.new_page()
    try:
        yield page
    finally:
        page.close()


def axe_violations(page, tags: list[str], *, exclude: list[str] | None = None) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations (empty when clean).

    ``tags`` select the rules (see WCAG_A_AA and WCAG_AAA); ``exclude`` are
    CSS selectors of parts not to check.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    results = Axe().run(page, context=context, options=options)
    return list(results.response["violations"])


def format_violations(violations: list[dict], *, where: str = "") -> str:
    """One readable paragraph per violation: rule, impact, help, and each failing element."""
    if not violations:
        return "no accessibility violations"
    lines = [f"{len(violations)} accessibility rule(s) violated{' in ' + where if where else ''}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}"
            f" [{', '.join(t for t in violation.get('tags', []) if t.startswith('wcag'))}]"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more elements")
    return "\n".join(lines)
