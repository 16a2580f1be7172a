"""What an audio file says about itself: title, artist, album, language, date.

One :class:`AudioMetadata` built from the article, written in each container's own dialect (ID3 for
MP3 and WAV, Vorbis comments for FLAC and Ogg, MP4 atoms for M4B) so players and audiobook apps show
the article's title and byline and know which language they are hearing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..langtags import primary
from ..model import Article

# ISO 639-1 (the two letters in an article's ``lang``) -> ISO 639-2 three-letter codes, for ID3 ``TLAN``
# and MP4 stream language. Source: the Library of Congress ISO 639-2 code list. Where 639-2 has two codes
# we use the terminology (/T) code (``deu``, ``fra``, ``zho``): it is the one ISO 639-3 and BCP 47 tooling
# uses, the one ffmpeg writes, and the one listeners' apps map to a language name; the bibliographic (/B)
# variants (``ger``, ``fre``, ``chi``) are accepted by readers too but are library-catalogue legacy.
# Covers every language espeak-ng 1.52 ships a voice for that has a two-letter code.
ISO_639_2: dict[str, str] = {
    "af": "afr", "am": "amh", "an": "arg", "ar": "ara", "as": "asm", "az": "aze", "ba": "bak",
    "be": "bel", "bg": "bul", "bn": "ben", "bs": "bos", "ca": "cat", "cs": "ces", "cy": "cym",
    "da": "dan", "de": "deu", "el": "ell", "en": "eng", "eo": "epo", "es": "spa", "et": "est",
    "eu": "eus", "fa": "fas", "fi": "fin", "fr": "fra", "ga": "gle", "gd": "gla", "gl": "glg",
    "gn": "grn", "gu": "guj", "he": "heb", "hi": "hin", "hr": "hrv", "ht": "hat", "hu": "hun",
    "hy": "hye", "ia": "ina", "id": "ind", "io": "ido", "is": "isl", "it": "ita", "ja": "jpn",
    "ka": "kat", "kk": "kaz", "kl": "kal", "kn": "kan", "ko": "kor", "ku": "kur", "ky": "kir",
    "la": "lat", "lb": "ltz", "lt": "lit", "lv": "lav", "mi": "mri", "mk": "mkd", "ml": "mal",
    "mn": "mon", "mr": "mar", "ms": "msa", "mt": "mlt", "my": "mya", "nb": "nob", "ne": "nep",
    "nl": "nld", "nn": "nno", "no": "nor", "om": "orm", "or": "ori", "pa": "pan", "pl": "pol",
    "pt": "por", "qu": "que", "ro": "ron", "ru": "rus", "sd": "snd", "si": "sin", "sk": "slk",
    "sl": "slv", "sq": "sqi", "sr": "srp", "sv": "swe", "sw": "swa", "ta": "tam", "te": "tel",
    "th": "tha", "tk": "tuk", "tn": "tsn", "tr": "tur", "tt": "tat", "ug": "uig", "uk": "ukr",
    "ur": "urd", "uz": "uzb", "vi": "vie", "yi": "yid", "yo": "yor", "zh": "zho", "zu": "zul",
}

# Words that open a byline but are not part of the author's name ("By Jane Doe", "Von Max Muster").
# Collected from the bylines of the English, German, French, Spanish, Italian and Dutch test pages.
BYLINE_PREFIXES = ("by", "von", "par", "por", "di", "da", "door", "av", "af")
_BYLINE_PREFIX = re.compile(rf"^\s*(?:{'|'.join(BYLINE_PREFIXES)})\s+", re.IGNORECASE)

# A leading ISO 8601 calendar date: what ID3 TDRC, Vorbis DATE and MP4 ©day all accept.
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso639_2(lang: str) -> str:
    """The three-letter code for a BCP 47 tag (``en-GB`` -> ``eng``), or ``""`` when unknown."""
    language = primary(lang)
    if len(language) == 3 and language.isalpha():
        return language
    return ISO_639_2.get(language, "")


def tag_date(published: str) -> str:
    """The date part of a published timestamp (``2017-05-12T10:00Z`` -> ``2017-05-12``), else ``""``."""
    match = _ISO_DATE.match(published.strip())
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)


@dataclass
class AudioMetadata:
    """The tags every format gets. ``language`` is a BCP 47 tag as in :attr:`Article.lang`."""

    title: str = ""
    artist: str = ""
    album: str = ""
    language: str = ""
    date: str = ""

    @classmethod
    def from_article(cls, article: Article) -> AudioMetadata:
        """Artist is the byline (the person speaking through the text), else the site that published it."""
        byline = _BYLINE_PREFIX.sub("", article.byline).strip()
        return cls(
            title=article.title.strip(),
            artist=byline or article.site.strip(),
            album=article.site.strip(),
            language=article.lang,
            date=tag_date(article.published),
        )

    @property
    def language_code(self) -> str:
        return iso639_2(self.language)

    def vorbis_comments(self) -> dict[str, str]:
        """The fields as Vorbis comments (FLAC, Ogg); empty fields are left out."""
        fields = {
            "TITLE": self.title,
            "ARTIST": self.artist,
            "ALBUM": self.album,
            "LANGUAGE": self.language_code,
            "DATE": self.date,
        }
        return {key: value for key, value in fields.items() if value}

    def mp4_metadata(self) -> dict[str, str]:
        """The fields under the names ffmpeg's MP4 muxer maps to iTunes atoms (©nam, ©ART, ...)."""
        fields = {"title": self.title, "artist": self.artist, "album": self.album, "date": self.date}
        return {key: value for key, value in fields.items() if value}
