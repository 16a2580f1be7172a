"""The document model: the one contract between pipeline stages.

article -> blocks -> sentences, each with a stable id (``b12``, ``b12.s3``) so the player, the audio
files and the library packages can all point at the same piece of text. Plain dataclasses that
serialise to JSON; nothing downstream of ``extract`` ever looks at HTML again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class BlockKind(str, Enum):
    """What a block is, so later stages can read it sensibly (pause, announce, skip)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    PREFORMATTED = "preformatted"
    TABLE_CELL = "table_cell"
    CAPTION = "caption"
    CREDIT = "credit"


# Kinds that are kept for display but not read unless the listener asks for them.
UNSPOKEN_KINDS = frozenset({BlockKind.CAPTION, BlockKind.CREDIT})

# The article's title, dek and byline become blocks with these ids, read before the body: the player,
# the chapters and the library packages address them like body blocks (``b1``, ``b2``...).
TITLE_ID = "title"
FRONT_MATTER_IDS = (TITLE_ID, "dek", "byline")


@dataclass(slots=True)
class Sentence:
    """One sentence: the text as displayed, the text as spoken, and where it sits in its block.

    Slotted: a page-sized paragraph has hundreds of thousands of them (issue 10).
    """

    id: str
    text: str
    speech: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(**data)


@dataclass
class Block:
    """A unit of the article body. ``spoken`` is False for captions, credits and asides kept for display."""

    id: str
    kind: BlockKind
    text: str
    lang: str = ""
    spoken: bool = True
    level: int = 0  # heading level 1-6; list nesting depth for list items; 0 otherwise
    # For table cells: (row, column) within their table; ``group`` ties cells/items of one table/list.
    row: int = 0
    column: int = 0
    group: str = ""
    ordered: bool = False  # list items of an <ol>
    sentences: list[Sentence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text,
            "lang": self.lang,
            "spoken": self.spoken,
        }
        if self.kind == BlockKind.HEADING or self.level:
            data["level"] = self.level
        if self.kind == BlockKind.TABLE_CELL:
            data.update(row=self.row, column=self.column)
        if self.group:
            data["group"] = self.group
        if self.kind == BlockKind.LIST_ITEM:
            data["ordered"] = self.ordered
        if self.sentences:
            data["sentences"] = [s.to_dict() for s in self.sentences]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        fields = dict(data)
        fields["kind"] = BlockKind(fields["kind"])
        fields["sentences"] = [Sentence.from_dict(s) for s in fields.get("sentences", [])]
        return cls(**fields)


@dataclass
class Removal:
    """A record of one piece of page chrome that was dropped, so ``--explain`` can say why."""

    reason: str
    text: str
    where: str = ""  # a short CSS-like path or line number, to find it in the source

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removal:
        return cls(**data)


@dataclass
class Article:
    """A clean article: metadata plus ordered body blocks. Title, dek and byline are not body blocks."""

    title: str = ""
    dek: str = ""
    byline: str = ""
    published: str = ""
    site: str = ""
    url: str = ""
    lang: str = ""
    dir: str = ""
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "dek": self.dek,
            "byline": self.byline,
            "published": self.published,
            "site": self.site,
            "url": self.url,
            "lang": self.lang,
            "dir": self.dir,
            "blocks": [b.to_dict() for b in self.blocks],
            "removed": [r.to_dict() for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        fields = dict(data)
        fields["blocks"] = [Block.from_dict(b) for b in fields.get("blocks", [])]
        fields["removed"] = [Removal.from_dict(r) for r in fields.get("removed", [])]
        return cls(**fields)

    def block(self, block_id: str) -> Block | None:
        return next((b for b in self.blocks if b.id == block_id), None)

    @property
    def spoken_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.spoken]

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.spoken_blocks)


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready to be said: the front matter (title, dek, byline) and every body block, all
    with their sentences and speech text. Made once by :func:`readaloud.pipeline.prepare`; every
    output (player, audio files, EPUB, DAISY) reads it and none prepares anything again."""

    article: Article
    front: tuple[Block, ...] = ()

    @property
    def spoken(self) -> list[Block]:
        """The blocks in the order they are read: the front matter, then the spoken body."""
        return [*self.front, *self.article.spoken_blocks]

    @property
    def lang(self) -> str:
        return self.article.lang

    @property
    def title(self) -> str:
        return self.article.title


@dataclass
class WordMark:
    """Where one word is heard in a segment's audio.

    ``start``/``length`` index the speech text of sentence ``sentence_id`` (in a Segment), or the text
    that was synthesised when ``sentence_id`` is empty (an engine's raw output). ``ms`` counts from the
    start of the segment (or synthesis).
    """

    start: int
    length: int
    ms: int
    sentence_id: str = ""


@dataclass
class SentenceMark:
    """Where one sentence is heard in a segment's audio, in milliseconds from the segment's start."""

    sentence_id: str
    start_ms: int
    end_ms: int


@dataclass
class Segment:
    """The audio of one block: mono 16-bit PCM plus timings, which highlighting and chapters need."""

    block_id: str
    pcm: bytes
    sample_rate: int
    sentences: list[SentenceMark] = field(default_factory=list)
    words: list[WordMark] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        return len(self.pcm) * 1000 // (2 * self.sample_rate)
