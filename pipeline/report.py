"""What a run reports: each article, each of its outputs, the speech made, the workers used.

The screen (progress.py) and the --json report read the same objects and the
same totals, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..formats.options import Options
from ..source.errors import ExitCode
from .manifest import FileRecord, Manifest

# --- what a run reports ------------------------------------------------------------


@dataclass
class OutputStatus:
    format: str
    key: str = ""
    status: str = "pending"  # then: written | unchanged | failed | skipped (after --fail-fast)
    files: list[FileRecord] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    exit_code: int = ExitCode.OK
    traceback: str = ""
    warnings: list[str] = field(default_factory=list)  # from its writer, this run or (unchanged) the one that wrote it
    consumes: list[str] = field(default_factory=list)  # the outputs it is built on (read-along: audio)

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(eq=False)  # each article is itself, however alike two may look
class ArticleStatus:
    source: Path  # as found on the command line
    slug: str = ""
    out_dir: Path | None = None
    source_sha: str = ""
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the article itself could not be read or parsed
    exit_code: int = ExitCode.OK
    outputs: dict[str, OutputStatus] = field(default_factory=dict)
    manifest: Manifest = field(default_factory=Manifest)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(o.status == "failed" for o in self.outputs.values())

    @property
    def status(self) -> str:
        if self.failed:
            return "failed"
        states = {o.status for o in self.outputs.values()}
        return states.pop() if len(states) == 1 else "written" if "written" in states else "skipped"


@dataclass
class SpeechTotals:
    sentences: int = 0  # distinct texts the audio to build needs and the speech cache lacked
    synthesised: int = 0
    cached: int = 0  # texts found in the cache
    audio_seconds: float = 0.0
    seconds: float = 0.0  # time spent speaking, summed over workers
    cpu_seconds: float = 0.0


@dataclass
class Report:
    articles: list[ArticleStatus]
    formats: list[str]
    jobs: int
    scheduler: str | None
    seconds: float = 0.0
    speech: SpeechTotals = field(default_factory=SpeechTotals)
    workers: dict[str, float] = field(default_factory=dict)  # worker -> peak resident memory, MB
    interrupted: bool = False
    options: Options = field(default_factory=Options)
    theme: str | None = None

    def count(self, status: str) -> int:
        return sum(o.status == status for a in self.articles for o in a.outputs.values())

    @property
    def failed(self) -> list[ArticleStatus]:
        return [a for a in self.articles if a.failed]

    @property
    def published(self) -> list[ArticleStatus]:
        """Articles whose every output is now written or up to date (the rest failed or were skipped)."""
        return [a for a in self.articles if not a.failed and all(o.status in ("written", "unchanged")
                                                                  for o in a.outputs.values())]


class Listener:
    """What the progress display hears about; every method may be left as it is."""

    def planned(self, report: Report) -> None: ...
    def speech_planned(self, sentences: int) -> None: ...
    def speech_done(self, sentences: int) -> None: ...
    def output_done(self, article: ArticleStatus, output: OutputStatus) -> None: ...
    def article_failed(self, article: ArticleStatus) -> None: ...
    def warn(self, article: ArticleStatus, lines: list[str]) -> None: ...




def totals(report: Report) -> dict[str, int]:
    """The counts the summary line prints and the --json report lists: one computation for both."""
    failed_articles, published = len(report.failed), len(report.published)
    # An article that could not be read or parsed has no outputs of its own: each of its formats failed.
    unparsed = sum(len(report.formats) for a in report.articles if a.errors)
    return {
        "articles": len(report.articles),
        "published_articles": published,
        "failed_articles": failed_articles,
        "skipped_articles": len(report.articles) - failed_articles - published,
        "written": report.count("written"),
        "unchanged": report.count("unchanged"),
        "failed": report.count("failed") + unparsed,
        "skipped": report.count("skipped"),
    }
