"""Podcast feeds: articles read aloud, as episodes a podcast app subscribes to.

RSS 2.0 with Apple's iTunes tags (what every podcast app reads) written by feedgen, plus the
Podcasting 2.0 namespace (podcastindex.org) for ``podcast:chapters`` (a JSON chapters file per
episode, the format podcastindex specifies) and ``podcast:transcript`` (the WebVTT transcript).
The player serves one at ``/feed.xml``; ``readaloud batch --feed URL`` writes one beside its files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from .chapters import Chapter

PODCAST_NAMESPACE = "https://podcastindex.org/namespace/1.0"
CHAPTERS_TYPE = "application/json+chapters"  # podcastindex: the JSON chapters format, version 1.2.0
CHAPTERS_VERSION = "1.2.0"
TRANSCRIPT_TYPE = "text/vtt"
# Enclosure types by file extension (IANA media types; M4B as podcast apps expect it).
AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4b": "audio/x-m4a", ".ogg": "audio/ogg", ".flac": "audio/flac", ".wav": "audio/wav"}
GENERATOR = "readaloud"


@dataclass(frozen=True)
class Episode:
    """One article as an episode: its audio file (by URL, with its exact length in bytes) and its text's links."""

    guid: str
    title: str
    audio_url: str
    audio_bytes: int
    audio_type: str
    duration_s: int
    description: str = ""
    author: str = ""
    language: str = ""
    published: datetime | None = None
    chapters_url: str = ""
    transcript_url: str = ""


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    description: str
    feed_url: str
    language: str = ""
    author: str = ""


class _PodcastNamespace(BaseExtension):
    """Declares the podcast: prefix on the channel (feedgen puts each extension's namespaces there)."""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NAMESPACE}


class _PodcastEntry(BaseEntryExtension):
    """``podcast:chapters`` and ``podcast:transcript`` on one item."""

    def __init__(self) -> None:
        self.chapters_url = ""
        self.transcript_url = ""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NAMESPACE}

    def extend_rss(self, item: etree._Element) -> etree._Element:
        if self.chapters_url:
            etree.SubElement(item, f"{{{PODCAST_NAMESPACE}}}chapters", url=self.chapters_url, type=CHAPTERS_TYPE)
        if self.transcript_url:
            etree.SubElement(item, f"{{{PODCAST_NAMESPACE}}}transcript", url=self.transcript_url, type=TRANSCRIPT_TYPE)
        return item


def podcast_feed(channel: Channel, episodes: Iterable[Episode]) -> bytes:
    """The RSS document, newest episode first as podcast apps list them."""
    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.register_extension("podcastindex", _PodcastNamespace, _PodcastEntry, atom=False)
    feed.title(channel.title)
    feed.link(href=channel.feed_url, rel="self")  # feedgen's <link> is the last alternate one: set it after
    feed.link(href=channel.link, rel="alternate")
    feed.description(channel.description)
    feed.generator(GENERATOR)
    if channel.language:
        feed.language(channel.language)
    feed.podcast.itunes_author(channel.author or channel.title)
    feed.podcast.itunes_summary(channel.description)
    feed.podcast.itunes_explicit("no")
    for episode in sorted(episodes, key=_newest_first):
        _add_episode(feed, episode)
    return bytes(feed.rss_str(pretty=True))


def _newest_first(episode: Episode) -> float:
    return -(episode.published.timestamp() if episode.published else 0.0)


def _add_episode(feed: FeedGenerator, episode: Episode) -> None:
    entry = feed.add_entry(order="append")
    entry.guid(episode.guid, permalink=False)
    entry.title(episode.title)
    entry.description(episode.description or episode.title)
    entry.enclosure(episode.audio_url, str(episode.audio_bytes), episode.audio_type)
    entry.pubDate(episode.published or datetime.now(timezone.utc))
    if episode.author:
        entry.podcast.itunes_author(episode.author)
    entry.podcast.itunes_duration(episode.duration_s)
    entry.podcastindex.chapters_url = episode.chapters_url
    entry.podcastindex.transcript_url = episode.transcript_url


def chapters_json(chapters: Iterable[Chapter]) -> bytes:
    """podcastindex's JSON chapters: start times in seconds, titles in spoken order."""
    listed = [{"startTime": round(chapter.start_ms / 1000, 3), "title": chapter.title} for chapter in chapters]
    return json.dumps({"version": CHAPTERS_VERSION, "chapters": listed}, ensure_ascii=False, indent=1).encode("utf-8")
