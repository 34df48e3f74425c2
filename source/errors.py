"""The one exception family for expected failures, each kind with its exit code.

The command line prints these as one line each (no traceback) and exits with
the kind's code; anything else is a bug and exits with UNEXPECTED.
"""

from __future__ import annotations

import enum

from .model import Diagnostic


class ExitCode(enum.IntEnum):
    OK = 0
    SOME_FAILED = 1  # batch: other articles were published, these were not
    USAGE = 2  # bad command-line arguments
    SOURCE = 65  # an article source is invalid (sysexits EX_DATAERR)
    NO_INPUT = 66  # an input file does not exist or cannot be read (EX_NOINPUT)
    ENGINE = 69  # a speech engine or an external tool is unavailable (EX_UNAVAILABLE)
    UNEXPECTED = 70  # a bug in Openleaf (EX_SOFTWARE)
    OUTPUT = 73  # an output cannot be written (EX_CANTCREAT)
    THEME = 78  # a theme or the organisation's settings are missing or broken (EX_CONFIG)
    INTERRUPTED = 130  # Ctrl-C


class OpenleafError(Exception):
    """An expected failure with a message a non-programmer can act on."""

    exit_code = ExitCode.UNEXPECTED

    def lines(self) -> list[str]:
        return [str(self)]


class UsageError(OpenleafError):
    exit_code = ExitCode.USAGE


class InputError(OpenleafError):
    exit_code = ExitCode.NO_INPUT


class ThemeError(OpenleafError):
    exit_code = ExitCode.THEME


class ConfigError(OpenleafError):
    """The organisation's settings (openleaf.toml) are broken; one or more ``FILE:LINE: ...`` lines."""

    exit_code = ExitCode.THEME

    def lines(self) -> list[str]:
        return str(self).splitlines()


class OutputError(OpenleafError):
    exit_code = ExitCode.OUTPUT


class EngineUnavailable(OpenleafError):
    exit_code = ExitCode.ENGINE


MAX_REPORTED = 100  # a file with thousands of broken citations needs the first ones fixed, not a flood


class SourceError(OpenleafError):
    """Every problem found in one source, reported together (the first MAX_REPORTED of them)."""

    exit_code = ExitCode.SOURCE

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        shown = [str(d) for d in self.diagnostics[:MAX_REPORTED]]
        hidden = self.diagnostics[MAX_REPORTED:]
        if hidden:
            first = hidden[0]
            shown.append(f"{first.file}:{first.line}:{first.col}: {len(hidden):,} more problems not shown; "
                         "fix the ones above and publish again")
        return shown
