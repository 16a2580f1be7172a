"""Convert one article: the unit of work a local worker or a Dask worker runs.

A job reads its source, decides whether anything changed since the last run (same content hash
under the same settings, output still complete -> skipped), and otherwise extracts, prepares,
narrates and renders into the run's temporary folder. Everything that can go wrong with one article
ends as a failed :class:`ItemResult` with one sentence, never as an exception out of :func:`run_job`:
one bad page must not stop a night's batch.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .. import pipeline
from ..errors import NoArticleError, OutputError, ReadaloudError
from ..files import os_reason, remove_path
from ..load import read_source
from ..model import UNSPOKEN_KINDS, Article, BlockKind, PreparedArticle
from ..prepare import Lexicon
from ..render.audio import write_article_audio
from ..render.daisy import write_daisy
from ..render.epub3 import write_epub3
from ..speak import AudioCache, Narrator, SpeechOptions
from ..version import __version__
from .report import ItemResult, Status
from .settings import BatchSettings
from .sources import Source
from .state import PreviousOutput
from .storage import output_size

# Less listening time than this usually means the extractor caught a teaser, a paywall stub or a
# cookie notice rather than the article: news briefs run 150-300 words (about a minute or more at
# 175 wpm), paywall stubs 30-80 words. Measured in time, not words, because word counts split on
# spaces and so undercount Chinese and Japanese pages.
SHORT_ARTICLE_MS = 40_000
# Write errors that no later article can escape: the disk or quota is full, the file system read-only.
HALTING_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
# Lexicon words named in a warning; the rest are counted.
MAX_WORDS_LISTED = 5


@dataclass(frozen=True)
class JobSpec:
    """Everything a worker needs, picklable, with no reference to the coordinating process."""

    source: Source
    settings: BatchSettings
    fingerprint: str  # BatchSettings.fingerprint(), computed once by the coordinator
    outdir: str
    run_dir: str
    previous: PreviousOutput | None
    client_version: str = __version__


class WorkerTools:
    """What a worker process keeps from one article to the next: the audio cache and a lexicon memo.

    (Speech engines are kept by the speak registry, one per process.)
    """

    def __init__(self, cache_dir: str | None = None) -> None:
        self.cache = AudioCache(cache_dir)
        self._lexicons: dict[str, Lexicon] = {}

    def lexicon(self, path: str | None) -> Lexicon | None:
        if not path:
            return None
        if path not in self._lexicons:
            self._lexicons[path] = Lexicon.load(path)
        return self._lexicons[path]

    def narrator(self, settings: BatchSettings) -> Narrator:
        """A fresh narrator per article, so its warnings are this article's alone.

        Single-threaded (no lookahead, inline encoding): the pool runs one worker per core, so threads
        inside a worker would only compete with the other workers, and ``--jobs N`` would not mean N cores.
        """
        options = SpeechOptions(engine=settings.engine, voice=settings.voice, rate=settings.rate, lang=settings.lang,
                                voices=settings.voices)
        return Narrator(options, cache=self.cache, lookahead=0)


def run_job(spec: JobSpec, tools: WorkerTools) -> ItemResult:
    """Convert one source; whatever happens, return a result (converted, skipped or failed)."""
    started = time.monotonic()
    try:
        result = _convert(spec, tools)
    except OutputError as error:  # the output folder cannot take this article, so it cannot take the next
        result = failed_result(spec, str(error), halt=True)
    except ReadaloudError as error:
        result = failed_result(spec, str(error))
    except OSError as error:
        result = _write_failure(spec, error)
    except Exception as error:  # noqa: BLE001 - a bug on one page must not end the batch
        result = failed_result(spec, f"an internal error stopped the conversion ({type(error).__name__}: {error}).")
    if result.status == Status.FAILED:
        _remove_built(spec)
    result.seconds = round(time.monotonic() - started, 3)
    result.worker_rss_kb = current_rss_kb()
    result.worker_pid = os.getpid()
    return result


def failed_result(spec: JobSpec, error: str, halt: bool = False) -> ItemResult:
    return ItemResult.failure(spec.source.identity, _one_sentence(error), halt=halt)


def _write_failure(spec: JobSpec, error: OSError) -> ItemResult:
    """An OS error out of a job is a write (reads become InputError/FetchError): a full or read-only
    output folder stops the batch; anything else fails this article alone."""
    reason = os_reason(error)
    halt = error.errno in HALTING_ERRNOS
    return failed_result(spec, f"its output could not be written ({reason}).", halt=halt)


def _one_sentence(error: str) -> str:
    text = " ".join(error.split()) or "it failed for an unknown reason."
    return text if text.endswith((".", "!", "?")) else text + "."


def built_path(spec: JobSpec) -> Path:
    """Where this source's output is built: unique per source within the run's temporary folder
    (64 bits of the identity's hash: no two of a night's sources share it)."""
    key = hashlib.sha256(spec.source.identity.encode("utf-8")).hexdigest()[:16]
    return Path(spec.run_dir) / f"{key}{spec.settings.extension or '.daisy'}"


def _remove_built(spec: JobSpec) -> None:
    remove_path(built_path(spec))


def _convert(spec: JobSpec, tools: WorkerTools) -> ItemResult:
    _check_shared_folder(spec)
    data, url = _read(spec)
    source_hash = content_hash(data, spec.fingerprint)
    if _unchanged(spec, source_hash=source_hash):
        return ItemResult(spec.source.identity, Status.SKIPPED, source_hash=source_hash)
    article = skip_kinds(pipeline.extract_page(data, url=url, lang=spec.settings.lang), spec.settings.skipped_kinds)
    lexicon = tools.lexicon(spec.settings.lexicon)
    prepared = pipeline.prepare(article, lexicon)
    article_hash = content_hash(article_identity(prepared.article), spec.fingerprint)
    if _unchanged(spec, article_hash=article_hash):
        return ItemResult(spec.source.identity, Status.SKIPPED, source_hash=source_hash, article_hash=article_hash)
    if not any(b.sentences and b.kind != BlockKind.HEADING for b in prepared.article.spoken_blocks):
        raise NoArticleError("nothing but headings is left to read once the skipped kinds of text are left out.")
    built = built_path(spec)
    duration_ms, render_warnings = RENDERERS[spec.settings.format](prepared, built, spec.settings, tools)
    return ItemResult(
        source=spec.source.identity,
        status=Status.CONVERTED,
        title=article.title,
        language=article.lang,
        words=article.word_count,
        duration_ms=duration_ms,
        warnings=article_warnings(article, duration_ms, spec) + lexicon_warnings(prepared, lexicon) + render_warnings,
        source_hash=source_hash,
        article_hash=article_hash,
        built=str(built),
        size=output_size(built) or 0,
    )


def _read(spec: JobSpec) -> tuple[bytes, str | None]:
    """The source's bytes and, for a URL, the address it redirected to (the base for relative links)."""
    return read_source(spec.source.identity, timeout=spec.settings.fetch_timeout)


def _check_shared_folder(spec: JobSpec) -> None:
    """On a cluster, a worker that cannot see OUTDIR must say so rather than write somewhere else."""
    if not Path(spec.run_dir).is_dir():
        raise OutputError(
            f"this worker cannot see the output folder {spec.outdir} (is the shared storage mounted at the same path?)."
        )


def article_identity(article: Article) -> bytes:
    """What the listener gets (text, structure, metadata), not the record of removed page chrome, so
    a page whose footer or adverts changed counts as unchanged."""
    data = article.to_dict()
    del data["removed"]
    return json.dumps(data, sort_keys=True).encode("utf-8")


def content_hash(data: bytes, fingerprint: str) -> str:
    return hashlib.sha256(data + b"\0" + fingerprint.encode("ascii")).hexdigest()


def _unchanged(spec: JobSpec, source_hash: str = "", article_hash: str = "") -> bool:
    """Same content under the same settings as last time, and the output still whole."""
    previous = spec.previous
    if previous is None:
        return False
    same = (source_hash and source_hash == previous.source_hash) or (
        article_hash and article_hash == previous.article_hash
    )
    return bool(same) and output_size(Path(spec.outdir) / previous.output) == previous.size


def skip_kinds(article: Article, kinds: frozenset[BlockKind]) -> Article:
    """The house style's skips: blocks of a skipped kind are shown but not read; captions and credits
    are read when the house style does not skip them. Other unspoken blocks (asides) stay unspoken."""
    blocks = [
        replace(block, spoken=False) if block.kind in kinds
        else replace(block, spoken=True) if block.kind in UNSPOKEN_KINDS
        else block
        for block in article.blocks
    ]
    return replace(article, blocks=blocks)


def article_warnings(article: Article, duration_ms: int, spec: JobSpec) -> list[str]:
    warnings = []
    if duration_ms < SHORT_ARTICLE_MS:
        warnings.append(
            f"very short: {duration_ms / 1000:.0f} seconds of speech ({_words(article.word_count)}); "
            "check that this is the whole article."
        )
    if spec.client_version != __version__:
        warnings.append(f"converted by readaloud {__version__} but the batch runs {spec.client_version}.")
    return warnings


def _words(count: int) -> str:
    return "1 word" if count == 1 else f"{count} words"


def lexicon_warnings(prepared: PreparedArticle, lexicon: Lexicon | None) -> list[str]:
    """Which house-lexicon words were said differently, so a surprising pronunciation can be traced."""
    if lexicon is None:
        return []
    words: dict[str, None] = {}
    for block in prepared.spoken:
        words.update(dict.fromkeys(lexicon.applied(block.text, block.lang or prepared.lang)))
    if not words:
        return []
    shown = ", ".join(list(words)[:MAX_WORDS_LISTED]) + (", ..." if len(words) > MAX_WORDS_LISTED else "")
    return [f"the lexicon set the pronunciation of {_words(len(words))}: {shown}."]


# A renderer writes a prepared article to a path and says how long it plays and what to warn about.
Renderer = Callable[[PreparedArticle, Path, BatchSettings, WorkerTools], tuple[int, list[str]]]


def _render_audio(prepared: PreparedArticle, out: Path, settings: BatchSettings, tools: WorkerTools) -> tuple[int, list[str]]:
    """Audio with chapters, exactly as ``readaloud FILE`` writes it in that format."""
    result = write_article_audio(prepared, out, tools.narrator(settings), settings.format)
    return result.duration_ms, result.warnings


def _render_epub3(prepared: PreparedArticle, out: Path, settings: BatchSettings, tools: WorkerTools) -> tuple[int, list[str]]:
    result = write_epub3(prepared, out, tools.narrator(settings))
    return result.duration_ms, result.warnings


def _render_daisy(prepared: PreparedArticle, out: Path, settings: BatchSettings, tools: WorkerTools) -> tuple[int, list[str]]:
    result = write_daisy(prepared, out, tools.narrator(settings))
    return result.duration_ms, result.warnings


RENDERERS: dict[str, Renderer] = {
    "mp3": _render_audio,
    "wav": _render_audio,
    "ogg": _render_audio,
    "flac": _render_audio,
    "m4b": _render_audio,
    "epub3": _render_epub3,
    "daisy202": _render_daisy,
}


def current_rss_kb() -> int:
    """This process's resident memory now (Linux /proc), else its peak: what the benchmark tracks."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
