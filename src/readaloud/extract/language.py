"""Language of the article and of each block, so every block is read with a voice that speaks it.

Sources, best first: the page's own declaration (``<html lang>``, ``og:locale``, JSON-LD
``inLanguage``: the extractors put it in ``article.lang``), then statistical detection (langdetect) on
the body text. A block keeps the article's language unless it is long enough to judge and clearly
another language (a French quotation in an English article), or the page marked it explicitly.

Tags are normalised to lower case with ``-`` (``en``, ``pt-br``): the primary language plus the region
*when the page gives one*, because voices differ by region (``pt-br``/``pt``, ``en-gb``/``en-us``);
script and variant subtags are dropped (``zh-Hant-TW`` -> ``zh-tw``). Detected languages carry no region
(langdetect's own ``zh-cn``/``zh-tw`` excepted). Block and article languages are compared by primary
subtag, so an ``en-gb`` page's English blocks stay ``en-gb``. An unknown language is ``""``.

langdetect's 55 profiles are compiled once per machine (:mod:`.detector`: 10 ms to load instead of
0.95 s) and loaded once per :class:`LanguageDetector`; results are made stable by the detector's
fixed seed (langdetect is random otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from langdetect.lang_detect_exception import LangDetectException

from ..langtags import normalise_tag, primary
from ..model import Article, Block, BlockKind, Removal
from .detector import load_factory
from .rules import REASON_DECLARED_LANGUAGE
from .textrules import word_count

# Detection thresholds, calibrated on the blocks of the Readability test pages' expected output (130
# pages, 4,843 blocks, a dozen languages): with these values and the function-word check below, the
# only blocks given another language than their page's are a truly English title on a French page
# and Lorem ipsum; quotations of eight or more words in another language are recognised.
# langdetect is unreliable under about five words.
MIN_BLOCK_WORDS = 8
MIN_BLOCK_CONFIDENCE = 0.95
# The article's own share of the probability mass must be small too: a block that is 30% English
# on an English page is English with foreign names, not a foreign block.
MAX_ARTICLE_LANG_SHARE = 0.05
ARTICLE_SAMPLE_CHARS = 4000  # enough text to detect reliably; more only costs time
MIN_ARTICLE_WORDS = 4
SEED = 0
# The page's declared language is overruled when more than this share of the spoken body's words are
# in blocks confidently detected as one other language (each block judged as above, so quotations and
# names never add up to it), and the body holds at least this many words.
BODY_SHARE_TO_OVERRULE = 0.5
MIN_BODY_WORDS_TO_OVERRULE = 40
# The removal record's place for a declaration set aside (``readaloud extract --explain``); the reason
# is in rules.py's vocabulary with the others.
DECLARED_WHERE = "<html lang>"


# langdetect is overconfident on short text: "Izuku blinked for a moment. You'll let me?" comes out
# Norwegian at p=0.99999, a Wikipedia reference German. So between two languages of the same (Latin)
# script, a block changes language only if its own function words agree: at least
# MIN_FUNCTION_WORDS of the detected language's, and more than FUNCTION_WORD_MARGIN times the
# article language's. The words are the most frequent function words of each language (the heads of
# the Snowball stop-word lists), chosen to be rare in the other listed languages.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to a in is that it was for on with as his he be at by this had not are but from have you they which she her we their were been has would will there what so me my your our let more like about",
        "fr": "le la les des un une et est du au aux en que qui dans pour pas sur ce cette il elle ils nous vous je ne se sont avec par mais ou été être avoir ont a à où leur",
        "de": "der die das und ist nicht ein eine zu den dem des mit sich auf für von auch es sie wir ich er im dass aber wie wird werden hat sind war noch nach bei",
        "es": "el la los las de y que en un una es por con para del se no su al lo como más pero sus le ha fue este esta son entre cuando muy sin sobre también",
        "it": "il lo la gli le di e che è un una per non con del della dei delle si da al alla ma sono come anche più nel nella questo questa ha hanno essere",
        "pt": "o a os as de e que em um uma é do da dos das no na para com não se por mais ao mas foi são como seu sua ele ela também está",
        "nl": "de het een en van is dat niet op te zijn voor met die er aan ook als maar dan wordt hij ze wij bij nog naar uit worden",
        "sv": "och att det som en på är av för med till den har inte om ett han var jag hon men de sig från så kan vi när",
        "da": "og at det som en på er af for med til den har ikke om et han var jeg hun men de sig fra så kan vi når",
        "no": "og at det som en på er av for med til den har ikke om et han var jeg hun men de seg fra så kan vi når",
        "pl": "i w na z że nie się do jest to jak co ale o od po tak przez dla jego jej już tylko są być był była",
        "cs": "a v na se je že s z do to jak ale o od po jsem jsou by byl byla pro jeho její už také nebo když",
        "ro": "și în de la că nu cu pe un o este se din care mai pentru sunt fost ca dar lui ei au",
        "tr": "ve bir bu da de için ile çok ne gibi daha olan olarak ama en kadar sonra değil var ya",
    }.items()
}
MIN_FUNCTION_WORDS = 2
FUNCTION_WORD_MARGIN = 2
# Without a function-word list for both languages, only long blocks are judged.
MIN_WORDS_WITHOUT_LIST = 20
PLAINLY_IN_SHARE = 0.10
# Blocks where fewer tokens than this are words (citations "^ Hay, Maclagan & Gordon 2008, p. 72.",
# figures, code) are not judged: langdetect guesses wildly on them, and they cost the most to judge.
MIN_WORD_SHARE = 0.7
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A block is judged by its first this many characters: langdetect reads no more of a text (its
# max_text_length), and judging all of a 5 MB paragraph took 3 s and 250 MB (word lists) for that answer.
JUDGED_CHARS = 10_000
# Kinds whose text is worth judging on its own (headings and table cells are too short or too mixed;
# preformatted text is mostly code, which langdetect calls Norwegian or Catalan).
DETECTABLE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


@dataclass(frozen=True)
class Guess:
    """A detected language and its probability, with the probability of the language we compare to."""

    lang: str
    probability: float
    share_of: float  # probability of the reference language (0 if absent)


class LanguageDetector:
    """langdetect with its profiles loaded once and a fixed seed: same text, same answer, every run."""

    def __init__(self) -> None:
        self._factory = load_factory(SEED)  # profiles compiled once per machine (detector.py)

    def detect(self, text: str, reference: str = "") -> Guess | None:
        """The most probable language of ``text`` (None if nothing can be said)."""
        detector = self._factory.create()
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return None  # no letters at all (numbers, symbols)
        if not ranked:
            return None
        reference_share = next((r.prob for r in ranked if primary(r.lang) == primary(reference)), 0.0)
        return Guess(lang=normalise_tag(ranked[0].lang), probability=ranked[0].prob, share_of=reference_share)


@cache
def shared_detector() -> LanguageDetector:
    """The process's one detector: loading profiles costs time, so it happens once (as langdetect's own
    module-level factory does); workers in other processes build their own on first use."""
    return LanguageDetector()


def assign_languages(article: Article, detector: LanguageDetector | None = None) -> Article:
    """Set ``article.lang`` (normalised, detected if the page gave none) and every block's ``lang``.

    When most of the body is confidently in another language than the page declares (a template's
    ``lang="en"`` over a German article), the body's language becomes the article's, so the title,
    headings and the file's language tag are read and tagged as what they are; a Removal records the
    declaration that was set aside, for ``readaloud extract --explain``.
    """
    article.lang = normalise_tag(article.lang)
    if not article.lang or _needs_detector(article):
        detector = detector or shared_detector()
    if not article.lang and detector is not None:
        article.lang = _detect_article_language(article, detector)
    marked = [block.lang for block in article.blocks]  # what the page itself marked (<p lang="fr">)
    for block in article.blocks:
        block.lang = _block_language(block, article.lang, detector)
    body_lang = _body_language(article)
    if detector is not None and body_lang and _body_confirms(article, body_lang, detector):
        article.removed.append(Removal(REASON_DECLARED_LANGUAGE, _declaration_note(article.lang, body_lang), DECLARED_WHERE))
        article.lang = body_lang
        for block, lang in zip(article.blocks, marked):
            block.lang = lang
            block.lang = _block_language(block, article.lang, detector)
    return article


def _body_language(article: Article) -> str:
    """The language most of the spoken body is detected in, when that is not the article's; else ""."""
    words: dict[str, int] = {}
    total = 0
    for block in article.blocks:
        if not block.spoken:
            continue
        count = word_count(block.text)
        total += count
        if primary(block.lang) != primary(article.lang):
            words[block.lang] = words.get(block.lang, 0) + count
    if not words or total < MIN_BODY_WORDS_TO_OVERRULE:
        return ""
    lang, count = max(words.items(), key=lambda item: item[1])
    return lang if count > BODY_SHARE_TO_OVERRULE * total else ""


def _body_confirms(article: Article, body_lang: str, detector: LanguageDetector) -> bool:
    """The body as a whole says so too, and holds few of the declared language's function words:
    blocks judged one by one can each be fooled (a list of English headlines read as Afrikaans)."""
    sample = leading_text([b.text for b in article.blocks if b.spoken], ARTICLE_SAMPLE_CHARS)
    if _plainly_in(sample, article.lang):
        return False
    guess = detector.detect(sample, reference=article.lang)
    return (
        guess is not None
        and primary(guess.lang) == primary(body_lang)
        and guess.probability >= MIN_BLOCK_CONFIDENCE
        and guess.share_of <= MAX_ARTICLE_LANG_SHARE
    )


def leading_text(parts: list[str], limit: int) -> str:
    """The first ``limit`` characters of the parts joined by spaces, without joining all of them (a
    whole-page paragraph would be copied to be cut)."""
    taken: list[str] = []
    length = 0
    for part in parts:
        if length >= limit:
            break
        taken.append(part[: limit - length])
        length += len(taken[-1]) + 1
    return " ".join(taken)[:limit]


def _declaration_note(declared: str, detected: str) -> str:
    return f'lang="{declared}", but most of the text is in "{detected}": the article is read as "{detected}"'


def _needs_detector(article: Article) -> bool:
    return any(_judgeable(block) for block in article.blocks)


def _detect_article_language(article: Article, detector: LanguageDetector) -> str:
    parts = [article.title, article.dek] + [b.text for b in article.blocks if b.spoken]
    sample = leading_text([part for part in parts if part], ARTICLE_SAMPLE_CHARS)
    if len(sample.split()) < MIN_ARTICLE_WORDS and len(sample) < 20:
        return ""
    guess = detector.detect(sample)
    return guess.lang if guess else ""


def _block_language(block: Block, article_lang: str, detector: LanguageDetector | None) -> str:
    """The article's language, unless the page marked the block or it is confidently another language."""
    explicit = normalise_tag(block.lang)
    if explicit and primary(explicit) != primary(article_lang):
        return explicit  # the page said so (<blockquote lang="fr">); the page knows best
    text = block.text[:JUDGED_CHARS]
    if detector is None or not article_lang or not _judgeable(block) or _plainly_in(text, article_lang):
        return article_lang
    guess = detector.detect(text, reference=article_lang)
    if guess is None or primary(guess.lang) == primary(article_lang):
        return article_lang
    confident = guess.probability >= MIN_BLOCK_CONFIDENCE and guess.share_of <= MAX_ARTICLE_LANG_SHARE
    return guess.lang if confident and _words_agree(text, guess.lang, article_lang) else article_lang


def _words_agree(text: str, detected: str, article_lang: str) -> bool:
    """Does the block's own vocabulary back the detector? (See FUNCTION_WORDS.)"""
    if not _is_mostly_latin(text):
        return True  # a change of script (Cyrillic, CJK, Arabic quote) is what langdetect gets right
    words = [word.lower() for word in WORD.findall(text)]
    detected_words = FUNCTION_WORDS.get(primary(detected))
    article_words = FUNCTION_WORDS.get(primary(article_lang))
    if detected_words is None or article_words is None:
        return len(words) >= MIN_WORDS_WITHOUT_LIST
    detected_hits = sum(word in detected_words for word in words)
    article_hits = sum(word in article_words for word in words)
    return detected_hits >= MIN_FUNCTION_WORDS and detected_hits > FUNCTION_WORD_MARGIN * article_hits


def _plainly_in(text: str, lang: str) -> bool:
    """Running text is 40-50% function words; a block with a tenth of them in ``lang`` is in ``lang``.

    This spares langdetect (about 2 ms a block) for nearly every block of a one-language page.
    """
    article_words = FUNCTION_WORDS.get(primary(lang))
    if article_words is None:
        return False
    words = [word.lower() for word in WORD.findall(text)]
    return bool(words) and sum(word in article_words for word in words) / len(words) >= PLAINLY_IN_SHARE


def _is_mostly_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    latin = sum(char < "\u0250" for char in letters)  # Basic Latin to Latin Extended-B
    return not letters or latin / len(letters) >= 0.5

def _judgeable(block: Block) -> bool:
    """Long enough, and running words rather than references, numbers or code."""
    if not (block.spoken and block.kind in DETECTABLE_KINDS):
        return False
    tokens = block.text[:JUDGED_CHARS].split()
    words = WORD.findall(block.text[:JUDGED_CHARS])
    return len(tokens) >= MIN_BLOCK_WORDS and len(words) >= MIN_WORD_SHARE * len(tokens)
