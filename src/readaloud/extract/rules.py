"""The HTML extractor's rules as data: what looks like content, what looks like page chrome, and why.

Most vocabularies are Mozilla's Readability.js as released in **0.6.0** (2025-03-03, the release Firefox
vendors; ``Readability.js``: the ``REGEXPS`` table and the tag lists of ``Readability.prototype``;
Apache-2.0), whose retry ladder and scores :mod:`.content` ports. They were calibrated by Mozilla against
its 130-page test corpus, so they are tuned as a set: do not change one in isolation. Where readaloud
differs it says so beside the table ("readaloud addition" / "readaloud difference"), with the reason.
Upstream changes made after 0.6.0 (``foot|footnote`` dropped from ``negative``, ``mathjax`` added to
``okMaybeItsACandidate``) are not taken: they come with no release yet, and readaloud's corpus floors
(tests/test_corpus*.py) were measured with the 0.6.0 set; take them together when a release does.
Phrase-level chrome (a line saying "Skip Navigation") lives in :mod:`.textrules`; these rules look at
tags, classes, ids and roles.
"""

from __future__ import annotations

import re

from .. import patterns
from . import textrules

# --- case-blind word lists ---------------------------------------------------------------------------

# The characters re.IGNORECASE matches with each ASCII letter besides its other case (CPython's case
# folding: found by trying every code point; tests/test_extract_speedups.py tries them again).
_FOLDED_TOGETHER = {"i": "I\u0130\u0131", "k": "K\u212a", "s": "S\u017f"}
_WORD_ALTERNATIVE = patterns.compile(r"\^?[a-z0-9_ -]+\$?")


def case_blind(alternatives: str) -> re.Pattern[str]:
    """``patterns.compile(alternatives, re.I)`` for a list of words ("caption|cutline|^hid$": lower-case
    letters, digits, "-", "_" and spaces, each word maybe anchored), matching exactly what that would.

    Python's regex engine cannot skip ahead to where a case-insensitive alternation may start: it
    tries every word at every position, and the class-name rules were 12% of extraction time (13 us
    for one search of a 50-character class list). Spelled out case-sensitively, with the words that
    share a first letter after that letter (``b(?:[aA][nN]...|[yY]...)|B(?:[aA][nN]...|[yY]...)``),
    the engine scans for those letters and tries only their words: the same matches, 5-10 times
    faster. Words starting with different letters never match at the same place, and the words of one
    letter keep their order, so where two words could match at one position the first still wins.
    An anchored word ("^hid$") can match where another word does, so a list with one keeps every word
    in its place (spelled out, not grouped).
    """
    words = alternatives.split("|")
    for word in words:
        if not _WORD_ALTERNATIVE.fullmatch(word):
            raise ValueError(f"not a plain word for case_blind: {word!r}")
    if any(word.startswith("^") for word in words):
        return patterns.compile("|".join(spelling for word in words for spelling in _first_letter_spellings(word)))
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(_spelled(word[1:]))
    return patterns.compile(
        "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for letter, rests in by_first.items() for first in _spellings(letter))
    )


def _first_letter_spellings(word: str) -> list[str]:
    """``word`` as one case-sensitive pattern per spelling of its first letter (each starts with a plain
    letter, which the engine tests before trying the rest)."""
    anchor = "^" if word.startswith("^") else ""
    first = word[len(anchor)]
    return [anchor + re.escape(spelling) + _spelled(word[len(anchor) + 1 :]) for spelling in _spellings(first)]


def _spelled(word: str) -> str:
    """``word`` (maybe anchored) as a case-sensitive pattern matching what it matches under re.I."""
    anchor = "^" if word.startswith("^") else ""
    end = "$" if word.endswith("$") else ""
    letters = word[len(anchor) : len(word) - len(end)]
    return anchor + "".join(_spellings_class(char) for char in letters) + end


def _spellings(char: str) -> str:
    """``char`` and every character re.IGNORECASE takes for it."""
    if not char.isalpha():
        return char
    return char + _FOLDED_TOGETHER.get(char, char.upper())


def _spellings_class(char: str) -> str:
    spellings = _spellings(char)
    return re.escape(spellings) if len(spellings) == 1 else f"[{spellings}]"


# --- Readability.js 0.6.0: REGEXPS -------------------------------------------------------------------

# Class/id of elements that are probably not content; stripped on the first pass (FLAG_STRIP_UNLIKELYS).
UNLIKELY_CANDIDATES = case_blind(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
    r"legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
    r"ad-break|agegate|pagination|pager|popup|yom-remote"
)
# ...unless the class/id also says it may hold the article.
OK_MAYBE_ITS_A_CANDIDATE = case_blind(r"and|article|body|column|content|main|shadow")
# Class/id weights (+25 / -25) when FLAG_WEIGHT_CLASSES is on.
POSITIVE = case_blind(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")
NEGATIVE = case_blind(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
    r"masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
    r"shopping|tags|widget"
)
BYLINE = case_blind(r"byline|author|dateline|writtenby|p-author")
# readaloud addition: class/id tokens that match NEGATIVE without naming what the element is, set aside
# when a long block of prose would be cleaned away for them (content._is_prose_despite_names): "media"
# (a picture beside the text) and "-hidden" modifiers of a part or a CSS property ("overflow-hidden",
# "field--label-hidden", "lazy-hidden"), but not the element's own state ("is-hidden", "visually-hidden").
# Page builders' "-widget" names ("elementor-widget-text-editor") were tried here on 2 Dec 2026: +0.001
# on WCXB calibrate's service pages, -0.010 on check's, so not taken.
NOT_NEGATIVE_TOKEN = patterns.compile(r"media|^(?!(?:is|u|js|sr|visually)-hidden$)[\w-]*[a-z0-9]-hidden$", re.I)
# ...and what makes such a block prose: at most this share of its text in links.
PROSE_MAX_LINK_DENSITY = 0.2
NORMALIZE_SPACES = patterns.compile(r"\s{2,}")
# Embeds kept because people want to see them (their presence also protects a node from cleaning).
VIDEOS = patterns.compile(
    r"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|"
    r"(archive|upload\.wikimedia)\.org|player\.twitch\.tv)",
    re.I,
)
SHARE_ELEMENTS = patterns.compile(r"(\b|_)(share|sharedaddy)(\b|_)", re.I)
# readaloud addition, cleaned the same way as share elements (small ones only, inside the article):
# newsletter and subscription boxes in the middle of the text ("c-newsletter--promo" on CityLab,
# "newsletter-signup" on Slate, "EmailOptin" on Breitbart).
NEWSLETTER_ELEMENTS = patterns.compile(r"(\b|_|-)(newsletter|subscribe|subscription|signup|sign-up|emailoptin)", re.I)
# readaloud addition, cleaned the same way (inside the article, up to AUTHOR_BOX_MAX_CHARS): the box about
# the writer after the story (WordPress themes' .author-box/.author-bio, "about the author", Molongui's
# .m-a-box, Arc's .author-card), which repeats the byline's name and is not the article (issue 8).
# A bare "bio" is not one: on service pages it names a team member's description, which is content.
AUTHOR_BOX_ELEMENTS = patterns.compile(
    r"author[-_]?(bio|box|info|card|profile|about|description|details)|about[-_]?(the[-_]?)?author|"
    r"(^|\s|_|-)m-a-box($|\s|_|-)",
    re.I,
)
AUTHOR_BOX_MAX_CHARS = 1500
# readaloud addition: a table holding this many quantity fields is an order form (Shopify's quick-order
# list, WooCommerce's grouped products, a cart), dropped like a form (issue 8: product pages).
ORDER_FORM_FIELDS = (
    ".//input[@type='number' or contains(translate(@name, 'QUANTIY', 'quantiy'), 'quantity') or @name='qty']"
)
ORDER_FORM_MIN_FIELDS = 2
TOKENIZE = patterns.compile(r"\W+")
HAS_CONTENT = patterns.compile(r"\S$")
HASH_URL = patterns.compile(r"^#.+")
B64_DATA_URL = patterns.compile(r"^data:\s*([^\s;,]+)\s*;\s*base64\s*,", re.I)
IMAGE_URL = patterns.compile(r"\.(jpg|jpeg|png|webp)", re.I)
# Commas as used in Latin, Sindhi, Chinese and various other scripts.
COMMAS = patterns.compile("[\u002c\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c]")
# schema.org types whose JSON-LD describes an article (https://schema.org/Article).
JSONLD_ARTICLE_TYPES = patterns.compile(
    r"^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|"
    r"BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|"
    r"SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|"
    r"LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$"
)
SCHEMA_ORG_CONTEXT = patterns.compile(r"^https?://schema\.org/?$")
# A node whose whole text is one of these is an ad slot or a loading indicator.
AD_WORDS = patterns.compile(r"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", re.I)
LOADING_WORDS = patterns.compile(r"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", re.I)

# Inline styles that hide an element (Readability reads node.style; we read the attribute).
DISPLAY_NONE = patterns.compile(r"(^|;)\s*display\s*:\s*none\s*(!important)?\s*(;|$)", re.I)
VISIBILITY_HIDDEN = patterns.compile(r"(^|;)\s*visibility\s*:\s*hidden\s*(!important)?\s*(;|$)", re.I)

# Title separators (Readability's _getArticleTitle), plus the en dash, which the current test corpus
# expects to separate "Lorem ipsum dolor sit amet – My website" (fixture title-en-dash). The em dash is
# not one: "Evolve: Shared Mutable History — evolve extension for Mercurial" stays whole (mercurial).
TITLE_SEPARATOR = patterns.compile(r" [|\-–\\/>»] ")
TITLE_HIERARCHICAL_SEPARATOR = patterns.compile(r" [\\/>»] ")
TITLE_LAST_PART = patterns.compile(r"(.*)[|\-–\\/>»] .*", re.S)
TITLE_FIRST_PART = patterns.compile(r"[^|\-–\\/>»]*[|\-–\\/>»](.*)", re.S)
TITLE_SEPARATORS_RUN = patterns.compile(r"[|\-–\\/>»]+")

# Meta tags read for metadata (Readability's _getArticleMetadata): ``property`` may hold several
# space-separated values; ``name`` holds one.
META_PROPERTY = patterns.compile(
    r"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*",
    re.I,
)
META_NAME = patterns.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?"
    r"(author|creator|pub-date|description|title|site_name)\s*$",
    re.I,
)

# --- Readability.js 0.6.0: tag and role lists ---------------------------------------------------------

FLAG_STRIP_UNLIKELYS = 0x1
FLAG_WEIGHT_CLASSES = 0x2
FLAG_CLEAN_CONDITIONALLY = 0x4
ALL_FLAGS = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY

N_TOP_CANDIDATES = 5
# An article must have this many characters, or the pass is retried with one flag fewer.
CHAR_THRESHOLD = 500
TAGS_TO_SCORE = frozenset({"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})
UNLIKELY_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"})
DIV_TO_P_ELEMS = frozenset({"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})
ALTER_TO_DIV_EXCEPTIONS = frozenset({"div", "article", "section", "p"})
# Phrasing content (canvas, iframe, svg and video are left out, as Readability.js does).
PHRASING_ELEMS = frozenset(
    {
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
        "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
        "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
        "sup", "textarea", "time", "var", "wbr",
    }
)
# a/del/ins are phrasing only when everything inside them is.
TRANSPARENT_PHRASING = frozenset({"a", "del", "ins"})
EMPTY_CONTAINER_TAGS = frozenset({"div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"})
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements removed outright from the article once it is chosen (Readability's _prepArticle).
CLEAN_TAGS = ("object", "embed", "footer", "link", "aside")
CLEAN_FORM_TAGS = ("iframe", "input", "textarea", "select", "button")
DATA_TABLE_DESCENDANTS = ("col", "colgroup", "tfoot", "thead", "th")
# Score given to an element by its tag before content is added (Readability's _initializeNode).
TAG_BASE_SCORES = {
    "div": 5,
    "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}

# --- readaloud additions: layout -------------------------------------------------------------------------

# Block-level elements (the HTML standard's rendering section: elements with ``display: block``, list
# items, tables and their parts). Everything else is laid out inline, as browsers do with unknown and
# custom elements (``<mjx-container>``): its text joins the text around it.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol",
        "p", "plaintext", "pre", "search", "section", "summary", "table", "caption", "thead", "tbody",
        "tfoot", "tr", "td", "th", "ul", "xmp", "optgroup", "option",
    }
)

# Real pages nest a few dozen levels. Generated or hostile markup can nest thousands (libxml2 keeps
# about 2,000), where Readability's per-node subtree measures turn quadratic: elements deeper than this
# are neither cleaned one by one nor split into blocks one by one.
MAX_NESTING = 150

# Elements whose text is never prose: graphics (an SVG's labels and icon titles), the fallback text
# media elements show old browsers ("Your browser does not support the video tag"), form controls and
# inert templates. Their text is left out of every block.
NON_TEXT_TAGS = frozenset(
    {"svg", "canvas", "video", "audio", "object", "embed", "iframe", "template", "select", "datalist",
     "textarea", "button", "script", "style", "noscript", "head", "title"}
)

# --- readaloud additions: the removal record -----------------------------------------------------------

# The fixed vocabulary of reasons ``--explain`` prints. Every Removal's reason is one of these. The
# phrase-level reasons come from :mod:`.textrules` (one name per reason for both extractors); the rest
# name what a removed element's tag, role or class says it was, or which rule dropped it.
REASON_SKIP_LINK = textrules.SKIP_LINK
REASON_OUTDATED_BROWSER = textrules.OUTDATED_BROWSER
REASON_PHOTO_CREDIT = textrules.PHOTO_CREDIT
REASON_SHARE = textrules.SHARE_BAR
REASON_NEWSLETTER = textrules.NEWSLETTER
REASON_RELATED = textrules.RELATED
REASON_AD = textrules.ADVERTISEMENT
REASON_COMMENTS = textrules.COMMENTS
REASON_NAVIGATION = textrules.NAVIGATION
REASON_COOKIE = textrules.COOKIE_NOTICE
REASON_FOOTER = textrules.FOOTER
REASON_CAPTION = "caption"
REASON_HEADER = "header"
REASON_SIDEBAR = "sidebar"
REASON_HIDDEN = "hidden"
REASON_SCRIPT = "script/style"
REASON_LOW_DENSITY = "low text density"
REASON_DIALOG = "dialog"
REASON_FORM = "form"
REASON_EMBED = "embed"
REASON_BYLINE = "byline"
REASON_DEK = "dek"
REASON_TITLE = "repeated title"
# Not chrome but a decision recorded beside the removals: the page's lang attribute set aside because
# most of the body is in another language (extract/language.py; `readaloud extract --explain`).
REASON_DECLARED_LANGUAGE = "declared language"
REASON_AUTHOR_BOX = "author box"
REASON_TAGS = "tags"
REASON_OUTSIDE = "outside the article"
REASON_UNLIKELY = "unlikely to be content"
REASON_SECTION_LABEL = "section label"
REASON_DATELINE = "dateline"

REMOVAL_REASONS = frozenset(
    {
        REASON_SKIP_LINK, REASON_OUTDATED_BROWSER, REASON_PHOTO_CREDIT, REASON_CAPTION, REASON_SHARE,
        REASON_NEWSLETTER, REASON_RELATED, REASON_AD, REASON_COMMENTS, REASON_NAVIGATION, REASON_HEADER,
        REASON_FOOTER, REASON_SIDEBAR, REASON_HIDDEN, REASON_SCRIPT, REASON_LOW_DENSITY, REASON_COOKIE,
        REASON_DIALOG, REASON_FORM, REASON_EMBED, REASON_BYLINE, REASON_DEK, REASON_TITLE,
        REASON_AUTHOR_BOX, REASON_TAGS, REASON_OUTSIDE, REASON_UNLIKELY, REASON_SECTION_LABEL, REASON_DATELINE,
        REASON_DECLARED_LANGUAGE, *(rule.reason for rule in textrules.LINE_RULES),
    }
)

# Reasons that name what a removed element was (by its class, role, tag or own words), as opposed to
# the rules that only found it wanting (low text density, outside the chosen column, unlikely).
NAMED_CHROME_REASONS = frozenset(
    {
        REASON_SKIP_LINK, REASON_OUTDATED_BROWSER, REASON_SHARE, REASON_NEWSLETTER, REASON_RELATED, REASON_AD,
        REASON_COMMENTS, REASON_NAVIGATION, REASON_HEADER, REASON_FOOTER, REASON_SIDEBAR, REASON_HIDDEN,
        REASON_COOKIE, REASON_DIALOG, REASON_AUTHOR_BOX, REASON_TAGS, REASON_LOW_DENSITY, REASON_UNLIKELY,
    }
)

# How a removed element's class/id names what it was. First match wins, so specific names come before
# generic ones ("comment-share" is a share bar, "header-nav" navigation). Words gathered from the class
# names of the Readability test pages and the usual CMS themes (WordPress, Arc, Chorus, Drupal).
CHROME_CLASS_REASONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (REASON_SKIP_LINK, patterns.compile(r"skip[-_]?(to|link|nav|main|content)|skiplink", re.I)),
    (REASON_OUTDATED_BROWSER, patterns.compile(r"outdated|browser[-_]?(upgrade|update|warning|notice)|browsehappy|unsupported[-_]?browser", re.I)),
    (REASON_COOKIE, patterns.compile(r"cookie|gdpr|consent|privacy[-_]?banner", re.I)),
    (REASON_NEWSLETTER, patterns.compile(r"newsletter|subscri|sign[-_]?up|signup|mailing[-_]?list|e-?mail[-_]?(capture|form|signup)", re.I)),
    (REASON_SHARE, patterns.compile(r"(\b|_|-)(share|sharing|sharedaddy|social|sociable|addthis|shareaholic)", re.I)),
    (REASON_RELATED, patterns.compile(r"related|recommend|more[-_]?(stories|from|on|articles|news)|read[-_]?(more|next)|also[-_]?read|popular|trending|recirc|outbrain|taboola|most[-_]?(read|viewed)", re.I)),
    (REASON_COMMENTS, case_blind(r"comment|disqus|replies|respond|discussion")),
    (REASON_AD, patterns.compile(r"(^|\s|_|-)(ad|ads|adv|advert|advertisement|advertising|dfp|gpt|sponsor|sponsored|promo|banner-ad)($|\s|_|-)|advert|sponsor", re.I)),
    (REASON_AUTHOR_BOX, patterns.compile(r"author[-_]?(bio|box|info|card)|about[-_]?the[-_]?author", re.I)),
    (REASON_TAGS, patterns.compile(r"(^|\s|_|-)(tags|tag-list|topics|keywords)($|\s|_|-)", re.I)),
    (REASON_NAVIGATION, patterns.compile(r"(^|\s|_|-)nav|menu|breadcrumb|pagination|pager|toolbar", re.I)),
    (REASON_HEADER, case_blind(r"header|masthead|banner|topbar|top-bar")),
    (REASON_FOOTER, case_blind(r"foot|copyright|colophon")),
    (REASON_SIDEBAR, case_blind(r"sidebar|aside|rail|widget|complementary")),
    (REASON_DIALOG, case_blind(r"modal|popup|overlay|dialog|lightbox")),
    (REASON_CAPTION, case_blind(r"caption")),
    (REASON_PHOTO_CREDIT, case_blind(r"credit")),
)
# Elements whose tag alone says what they are.
TAG_REASONS = {
    "nav": REASON_NAVIGATION,
    "header": REASON_HEADER,
    "footer": REASON_FOOTER,
    "aside": REASON_SIDEBAR,
    "form": REASON_FORM,
    "fieldset": REASON_FORM,
    "button": REASON_FORM,
    "input": REASON_FORM,
    "select": REASON_FORM,
    "textarea": REASON_FORM,
    "iframe": REASON_EMBED,
    "object": REASON_EMBED,
    "embed": REASON_EMBED,
    "dialog": REASON_DIALOG,
    "figcaption": REASON_CAPTION,
}
# ARIA landmark and widget roles (WAI-ARIA 1.2).
ROLE_REASONS = {
    "navigation": REASON_NAVIGATION,
    "menu": REASON_NAVIGATION,
    "menubar": REASON_NAVIGATION,
    "banner": REASON_HEADER,
    "contentinfo": REASON_FOOTER,
    "complementary": REASON_SIDEBAR,
    "dialog": REASON_DIALOG,
    "alertdialog": REASON_DIALOG,
    "alert": REASON_DIALOG,
    "search": REASON_NAVIGATION,
}

# --- readaloud additions: dek, captions, credits ---------------------------------------------------------

# Class/id of a dek (standfirst, subtitle): the sentence under the headline that sums the story up.
# Names from newspaper CMSs: "dek" (US), "standfirst" (UK), "subhead"/"subtitle"/"deck"/"summary"/"lede"
# elsewhere. A dek is read once as the Article's dek, never again as a body paragraph.
DEK_CLASSES = patterns.compile(
    r"(^|\s|_|-)(dek|deck|standfirst|stand-first|sub-?title|sub-?head(line)?|sub-?heading|strapline|"
    r"summary|article-summary|description|lede|excerpt|teaser-text|intro-text)($|\s|_|-)",
    re.I,
)
# A dek is one or two sentences; longer text with that class is a summary box or a teaser list.
DEK_MIN_CHARS = 20
DEK_MAX_CHARS = 400
# How much visible text may separate the headline from its dek (characters of other block text).
DEK_MAX_DISTANCE_CHARS = 600
# How alike the meta description and a visible element must be to call that element the dek.
DEK_SIMILARITY = 0.8

# A short line that ends in an arrow is a link to elsewhere ("Más en Opinión ›", "Read more →",
# "Next »"), not prose; French closing guillemets are told apart by their opening «.
ARROW_LINK = patterns.compile(r"^[^«]{1,60}\s?[›»→]$")
ARROW_LINK_MAX_WORDS = 6

# Class/id tokens of the section label above a headline ("Politics", "Analysis"): a kicker, rubric or
# eyebrow in newsroom terms (class names seen on the corpus pages and in Arc/Chorus/WordPress themes).
# Only short labels: a long element with such a class is something else.
KICKER_CLASSES = patterns.compile(r"kicker|rubric|eyebrow|overline|^section-?label$|^category-?label$", re.I)
KICKER_CLASSES_ANYWHERE = case_blind(r"kicker|rubric|eyebrow|overline|label")  # a cheap first test
KICKER_MAX_WORDS = 5

# Class/id tokens of figure captions and of photo credits inside or beside them, matched one token at a
# time (names seen on the Readability test pages: "caption", "media-caption__text", "thumbcaption",
# "wp-caption-text", "credits", "caption__source", "image-source"). A copyright notice in the body
# ("article-copyright", "copyright-txt": whose picture or text it is) is a credit too, never read.
# Tokens that only say whether a caption exists ("no_caption", "has-caption") or name a video player's
# caption button are not captions.
CAPTION_CLASSES = case_blind(r"caption|cutline|image-desc|photo-desc|media-desc")
CREDIT_CLASSES = case_blind(r"credit|copyright|photographer|image-source|photo-source|caption__source|attribution")
NOT_CAPTION_CLASSES = patterns.compile(
    r"^(no|has|with|without|show|hide)[-_]?(caption|credit)|captions?[-_]?(button|settings|toggle|on|off)|"
    r"navigation",
    re.I,
)
# Class/id tokens of a wrapper that does what <figure> does (a picture and the words under it) on sites
# that build figures out of divs: WordPress "wp-caption"/"wp-block-image"/"attachment", the usual theme
# names "image"/"photo"/"picture"/"figure"/"media-image"/"img-wrap"/"article-image"/"inline-image".
# Matched one token at a time, on a whole word between dashes or underscores ("imageblock" is not one).
FIGURE_CLASSES = patterns.compile(
    r"(^|[-_])(fig|figure|image|img|photo|picture|pic|wp-caption|attachment|inline-image|article-image)s?"
    r"([-_](wrap|wrapper|container|holder|block|box|inner))?$",
    re.I,
)
# Markup that says a wrapper is a section, not a figure, whatever its class.
NOT_FIGURE_CONTENT = ("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "form")
# A picture and the text right after it are a figure when that text is this short (a caption's length).
FIGURE_TEXT_MAX_CHARS = 300
# A heading or byline is "the same text" as the title when this much of it is (Readability's 0.75).
TITLE_SIMILARITY = 0.75
# A byline candidate in the body is a short line.
BYLINE_MAX_CHARS = 100
# A line at the top of the body that is only a date ("22 Dec, 2016", "Updated: March 3, 2024 at 5:41
# p.m. EST") is the publication date, which the Article holds: remove these words and digits and
# nothing may be left. English month and day names, as on the corpus pages.
DATELINE_WORDS = patterns.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|"
    r"\b(?:published|updated|posted|modified|last|on|at|utc|gmt|[ecmp][sd]t)\b|\b[ap]\.?m\.?(?!\w)",
    re.I,
)
DATELINE_MAX_CHARS = 60
# ...and something in it must be a date: a month name, a year or a numeric date ("87" or "1 / 5" are not).
DATELINE_DATE = patterns.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    re.I,
)

# A leading "By Jane Doe" line left in the body (readaloud addition: bylines outside byline classes).
BYLINE_TEXT = patterns.compile(r"^\s*(by|von|par|por|di|door|av|przez)\s+\S", re.I)
