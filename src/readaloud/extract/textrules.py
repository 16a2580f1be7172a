"""Phrase-level page chrome: the words news sites put around an article, as data.

Each rule is a regex over one line (or one short element's text) with the reason ``--explain`` reports
and a word limit: chrome is short, so a long paragraph that merely mentions a newsletter is never
dropped. Phrases were collected from the chrome of real news sites (Slate, The Guardian, BBC, NYT,
Washington Post, CNN, NPR, Reuters, AP, Le Monde, Spiegel, and the Readability test pages in
``../shared/corpora``); the comment on each group says where its phrases were seen. The HTML extractor
may import :func:`classify_line` to label what its structural rules remove.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .. import patterns

SKIP_LINK = "skip link"
OUTDATED_BROWSER = "outdated-browser notice"
SCRIPT_NOTICE = "javascript notice"
PHOTO_CREDIT = "photo credit"
CAPTION_CONTROL = "caption control"
SHARE_BAR = "share bar"
NEWSLETTER = "newsletter box"
RELATED = "related links"
ADVERTISEMENT = "advertisement"
COMMENTS = "comments"
NAVIGATION = "navigation"
COOKIE_NOTICE = "cookie notice"
FOOTER = "footer"
SUBSCRIPTION = "subscription prompt"
MEDIA_PLAYER = "media player"
COUNTER = "counter or rating"
PICTURE_ADDRESS = "picture address"

# Reasons whose heading-like line opens a run of chrome (a list of links, a comment thread): in plain
# text the short lines after such a heading belong to it.
SECTION_REASONS = frozenset({RELATED, COMMENTS, NEWSLETTER, FOOTER})

# News agencies and picture libraries that end photo credits ("Name/TASS/Getty Images", "Photo: Reuters").
PHOTO_AGENCIES = (
    r"Getty(?: Images)?|AFP|Reuters|AP|Associated Press|EPA(?:-EFE)?|TASS|Shutterstock|iStock(?:photo)?|"
    r"Bloomberg|Alamy|Corbis|NurPhoto|Sipa(?: USA)?|ZUMA(?: Press| Wire)?|Xinhua|dpa|picture alliance|"
    r"Keystone|PA(?: Images| Wire)?|Wikimedia Commons|Unsplash|Pool|Anadolu(?: Agency)?|SOPA Images|"
    r"Redux|Polaris|The Washington Post|The New York Times|NASA|Handout|Flickr|Pixabay|LightRocket"
)

# Where on the page a credited picture sits ("Main image credit: ...", "Top photo by ...").
PICTURE_POSITION = r"(?:(?:main|header|featured|feature|cover|lead|top|hero|title|thumbnail) )?"
# What a credit line starts with before its colon: the picture's name, optionally with where it sits.
CREDIT_LEAD = (
    PICTURE_POSITION
    + r"(?:photo(?:graph)?s?(?: illustrations?)?|images?|pictures?|illustrations?|video|graphics?|credits?|photo credits?)"
)

# A caption that ends in its credit: AP style puts the credit last, in parentheses ("... on Monday.
# (AP Photo/Evan Vucci)", "(Photo by Jane Doe/Getty Images)", "(Photo: Reuters)"), agencies without
# them ("... on Monday. Alexander Shcherbak/TASS/Getty Images"), museums and archives with "Courtesy".
# The whole line is the caption of a picture; prose does not end in a credit.
CAPTION_WITH_CREDIT = patterns.compile(
    rf"(?:\((?:{CREDIT_LEAD})(?: by)?\s*[:|]?\s[^()]{{1,80}}\)"
    rf"|\((?:AP|AFP|Reuters|EPA) Photo\b[^()]*\)"
    rf"|\([^()]{{0,80}}(?:/|\bvia )(?:{PHOTO_AGENCIES})[^()]{{0,40}}\)"
    rf"|\((?:{PHOTO_AGENCIES})\)"
    rf"|[.!?]\s+[^.!?]{{0,60}}/(?:{PHOTO_AGENCIES})(?:/[^.!?]{{1,40}})?"
    rf"|[.!?]\s+(?:courtesy(?: of)?|photo(?:graph)?(?: by)?:?|image(?: by)?:?)\s[^.!?]{{1,80}}\.?"
    rf"|[.!?]\s+(?:{CREDIT_LEAD})(?: credits?| sources?)?\s*:\s*[^.!?]{{1,80}}\.?"
    rf")\s*$",
    re.IGNORECASE,
)
CAPTION_WITH_CREDIT_MAX_WORDS = 60

# A counted number ("3.409", "12K", "1,2 Mio.") and the words counters count with.
COUNT = r"\d[\d.,]*\s?(?:[kKmM]|mio\.?|tsd\.?)?\+?"
COUNTED = (
    r"views?|reads?|readers|visits|hits|plays|likes?|upvotes?|shares|letture|visualizzazioni|"
    r"aufrufe|views|vues|lectures|visitas|lecturas|visualizaciones|me gusta|mi piace|j'aime"
)

@dataclass(frozen=True)
class LineRule:
    """One chrome phrase: which reason it gives and the most words a matching line may have."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int = 12


def _rule(reason: str, pattern: str, max_words: int = 12) -> LineRule:
    return LineRule(reason, patterns.compile(pattern, re.IGNORECASE), max_words)


# Order matters only for the reason reported: the first match wins.
LINE_RULES: tuple[LineRule, ...] = (
    # Skip links: every accessible news site (Slate "Skip Navigation", BBC "Skip to content", Guardian
    # "Skip to main content", "Skip to navigation", NYT "Skip to site index").
    _rule(SKIP_LINK, r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|nav|menu|search|site index|footer|article)\b|^skip navigation$|^skip (?:to )?main content$"),
    # Browser notices: Slate's "You are using an outdated browser. Please upgrade your browser and improve
    # your visit to our site."; browse-happy banners ("Your browser is out of date", "upgrade to a modern browser").
    _rule(OUTDATED_BROWSER, r"\b(?:you are using an? (?:outdated|old|unsupported) browser|(?:please )?upgrade your browser|your browser is (?:out of date|outdated|not supported|no longer supported)|improve your (?:visit|experience) (?:to|on) (?:our|this) site|upgrade to a (?:modern|newer|supported) browser)\b", 20),
    _rule(SCRIPT_NOTICE, r"\b(?:please )?(?:enable|turn on) javascript\b|\bjavascript (?:is|must be) (?:disabled|enabled|required)\b|\brequires javascript\b", 25),
    # Photo credits: Slate/AP/Reuters/Getty conventions ("Alexander Shcherbak/TASS/Getty Images",
    # "(AP Photo/Evan Vucci)", "Photo: Reuters", "Photograph: Sarah Lee/The Guardian", "Credit: NASA").
    _rule(PHOTO_CREDIT, r"^\(?(?:AP|AFP|Reuters|EPA) Photo\b[^)]*\)?$|\((?:AP|AFP|Reuters) Photo/[^)]*\)\s*$", 14),
    # ...with the words sites put before the name ("Main image credit: Getty", "Image credit: © X",
    # "Images: ...", "Image source: X", "Header image: X"; seen on WordPress, Dotdash and Future plc pages).
    _rule(PHOTO_CREDIT, rf"^(?:{CREDIT_LEAD})(?: credits?| sources?| courtesy)?(?: by)?\s*[:|]\s*\S", 14),
    # ...or "by" ("Top photo by Joan Bardeletti" under Medium stories, "Header image by X via Unsplash").
    _rule(PHOTO_CREDIT, rf"^{PICTURE_POSITION}(?:photo(?:graph)?|illustration|image|picture)s? (?:by|from|courtesy of|provided by|via) \S", 10),
    # An article's pictures credited in one line at its end, a list of names and libraries ("Photos by
    # cmgirl (Shutterstock), Macrovector (Shutterstock), J E Theriot, ..." on Gawker-network blogs):
    # commas, no sentence inside.
    _rule(PHOTO_CREDIT, r"^(?:photo(?:graph)?|illustration|image|picture)s? (?:by|from|courtesy of|via) [^.!?]*,[^.!?]*,[^.!?]*\.?$", 40),
    _rule(PHOTO_CREDIT, rf"^[^.!?]{{0,80}}(?:/|\bvia |\bfor |\s\|\s|©\s?)(?:{PHOTO_AGENCIES})(?:/[^.!?]{{1,40}})?\.?$", 12),
    # A bare agency, also in parentheses on a line of its own ("Reuters", "(Getty Images)", "© AFP").
    _rule(PHOTO_CREDIT, rf"^\(?(?:©\s?)?(?:{PHOTO_AGENCIES})(?:/\S[^.!?()]*)?\)?$", 6),
    _rule(PHOTO_CREDIT, r"^(?:courtesy(?: of)?|©|\(c\)|copyright ©?)\s*\S[^.!?]{0,60}(?:photo|images?|pictures?)?$", 8),
    # Caption toggles (NPR "hide caption", "toggle caption", Guardian "Enlarge this image").
    _rule(CAPTION_CONTROL, r"^(?:hide|show|toggle) caption$|^enlarge this image$|^(?:view|open) (?:image|gallery|slideshow)$|^\d+ of \d+$|^expand image$", 4),
    # Share bars: Slate/CNN/Guardian/NYT share rows, also as one line "Share Tweet Email".
    _rule(SHARE_BAR, r"^(?:(?:share(?: this)?(?: (?:story|article|page|on))?|tweet|e-?mail|print|pin(?: it)?|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|messenger|telegram|sms|copy(?: link)?|link copied|save(?: article| for later)?|gift(?: this)? article|share via \w+)\s*[|·•,/]?\s*)+$", 10),
    _rule(SHARE_BAR, r"^share (?:this|on|via)\b", 6),
    # Newsletter boxes: Slate "Sign up for Slate's evening newsletter", Guardian "Sign up to First Edition",
    # NYT "Get the best of The Times in your inbox", Vox "Enter your email".
    _rule(NEWSLETTER, r"\b(?:sign up (?:for|to) (?:our|the|\w+'s|\w+’s)\b.*\bnewsletters?\b|subscribe to (?:our|the) [\w' ]*newsletters?|newsletter sign[- ]?up|(?:in|to) your inbox\b|enter your e-?mail(?: address)?|you can unsubscribe at any time|by signing up,? you agree|thanks? (?:you )?for signing up)", 25),
    _rule(NEWSLETTER, r"^(?:e-?mail address|sign up|subscribe|newsletters?|get the newsletter|your email)$", 3),
    # Related and recommended links: "Related", "Read more", "More from Slate", "You may also like",
    # "Most popular", "Trending", "Further reading", "Recommended for you" (across most news sites).
    _rule(RELATED, r"^(?:related(?: stories| articles| coverage| content| posts| reading| links| topics)?|read more(?: about .*| on .*)?|more (?:from|in|on|about|stories|news) ?.*|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared|emailed)(?: stories| articles)?|trending(?: now| stories)?|further reading|see also|what to read next|read next|up next|popular (?:stories|now)|editors'? picks)\s*:?$", 8),
    _rule(RELATED, r"^(?:read more|related|see also|also read|read also|recommended)\s*[:»›|]\s*\S", 20),
    # WordPress related-post plugins and newsroom CMSs put a label before a link: "Related post: ...",
    # "Related article: ...", "Related Story: ...", "Suggested reading: ...", "Don't miss: ...".
    _rule(RELATED, r"^(?:related|suggested|recommended|further|similar) (?:posts?|articles?|stor(?:y|ies)|reading|content|links?|coverage|videos?|guides?|topics?|news)\s*[:»›|]\s*\S|^don'?t miss\s*:\s*\S", 20),
    # Advertisement labels: "Advertisement", "Story continues below advertisement" (WaPo), "Supported by" (NYT).
    _rule(ADVERTISEMENT, r"^(?:advertisement|advert|ads?|sponsored(?: content| post| by .*)?|paid (?:post|content|partner content)|promoted(?: content| stories)?|partner content|(?:story|article) continues below(?: advertisement)?|continue reading (?:the main story|below)|supported by|ad feedback|remove ads|(?:this )?ad(?:vertisement)? (?:loads|ends)\b.*)$", 8),
    # Comment sections: "Comments", "123 Comments", "Join the conversation", "Comments are closed".
    _rule(COMMENTS, r"^(?:\d[\d,]*\s+)?comments?(?:\s*\(\d+\))?$|^\d[\d,]*\s+(?:responses?|replies)$|^(?:join the (?:conversation|discussion)|leave a (?:comment|reply)|post a comment|show comments|view comments|add a comment|be the first to comment|comments are closed|commenting (?:is|has been) (?:disabled|closed))\b", 10),
    # Navigation: menus and breadcrumbs rendered as text ("Home > News > Politics", "Menu", "Back to top").
    _rule(NAVIGATION, r"^(?:home|menu|main menu|search|sections|navigation|toggle navigation|open (?:menu|navigation)|close(?: menu)?|back to top|top of page|next(?: article| story)?|previous(?: article| story)?|more|all sections|sign in|log ?in|register|my account|profile)$", 3),
    _rule(NAVIGATION, r"^\w[\w&' ]{0,25}(?:\s*[›»>]\s*\w[\w&' ]{0,25}){1,5}$", 10),
    # Cookie/consent banners (GDPR era; Guardian, BBC, Le Monde, Spiegel in English and the common phrasing).
    _rule(COOKIE_NOTICE, r"\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences|notice|consent)|manage (?:cookies|preferences|consent|privacy settings)|by continuing to (?:use|browse) (?:this|our) (?:web)?site)\b", 40),
    # Footers: copyright lines, legal and corporate links (Slate "© 2017 The Slate Group LLC. All rights reserved.").
    _rule(FOOTER, r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|[A-Z])|\ball rights reserved\b|^copyright \d{4}\b", 20),
    _rule(FOOTER, r"^(?:terms (?:of (?:use|service)|and conditions)|privacy(?: policy| notice| settings)?|about(?: us)?|contact(?: us)?|careers|jobs|advertise(?: with us)?|site ?map|accessibility(?: statement)?|do not sell my (?:personal )?info(?:rmation)?|help|faq|corrections|masthead|rss(?: feeds?)?|work with us|press|ethics|licensing|(?:your )?ad choices)(?:\s*[|·•]\s*\S.*)?$", 12),
    # Subscription and login walls: "Subscribe now", "Already a subscriber? Log in", "You have 2 free
    # articles left", "This article is for subscribers only", "Support our journalism".
    _rule(SUBSCRIPTION, r"\b(?:already a (?:subscriber|member)|subscribe (?:now|today|to continue|for (?:just|only|\$|£|€))|(?:become|join) (?:a|as a) (?:member|subscriber|supporter)|support (?:our|independent|quality) journalism|you have \w+ free articles?|free articles? (?:left|remaining)|for subscribers only|subscribers? only|subscribe to (?:continue|read)|log ?in to (?:continue|read)|sign in to (?:continue|read)|create (?:a )?free account|unlock (?:this|unlimited|full)|start your free trial|register to continue|continue reading with)\b", 30),
    # The same chrome in German, French and Spanish (Spiegel, Zeit, Süddeutsche, Le Monde, Le Figaro,
    # El País): skip links, share rows, ad labels, related links, comments, cookie banners, legal footers.
    _rule(SKIP_LINK, r"^(?:zum (?:inhalt|hauptinhalt) springen|direkt zum inhalt|aller au contenu(?: principal)?|passer au contenu|ir al contenido(?: principal)?|saltar al contenido)$", 6),
    _rule(SHARE_BAR, r"^(?:(?:teilen|artikel teilen|drucken|partager|imprimer|compartir|imprimir|e-?mail)\s*[|·•,/]?\s*)+$", 8),
    _rule(ADVERTISEMENT, r"^(?:anzeige|werbung|publicité|publicidad|contenu sponsorisé)$", 3),
    _rule(RELATED, r"^(?:mehr zum thema|das könnte sie auch interessieren|lesen sie auch|lire aussi|à lire aussi|sur le même sujet|ver también|te puede interesar|más información)\s*:?$", 8),
    _rule(COMMENTS, r"^(?:\d[\d.]*\s+)?(?:kommentare?|commentaires?|comentarios?)$", 3),
    _rule(NEWSLETTER, r"^(?:newsletter abonnieren|jetzt (?:newsletter )?abonnieren|inscrivez-vous à (?:notre|la) newsletter|suscríbete a (?:nuestro|la) newsletter)\b", 12),
    _rule(COOKIE_NOTICE, r"\b(?:wir verwenden cookies|diese (?:web)?seite verwendet cookies|nous utilisons des cookies|ce site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies)\b", 40),
    _rule(FOOTER, r"^(?:impressum|datenschutz(?:erklärung)?|mentions légales|politique de confidentialité|aviso legal|política de privacidad)(?:\s*[|·•]\s*\S.*)?$|\b(?:alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\b", 20),
    _rule(SUBSCRIPTION, r"\b(?:jetzt abonnieren|bereits abonnent|abonnez-vous|déjà abonné|suscríbete|ya eres suscriptor)\b", 25),
    # View counters, like counters and rating widgets: a number and what it counts ("3.409 letture",
    # "12K views", "Views: 1,234", "7 Likes"), stars ("Rated 4.4 out of 5 stars", "4.5/5", "★★★★☆"),
    # review counts ("369 Reviews", "(24 ratings)"). Words from the counters of WordPress post-views
    # plugins, Discourse, YouTube embeds, shop templates, in English, Italian, German, French and Spanish.
    _rule(COUNTER, rf"^(?:{COUNT}\s*(?:{COUNTED})|(?:{COUNTED})\s*:?\s*{COUNT})$", 4),
    # The address of a picture or media file as a line of its own: a gallery's thumbnails or a lazy-
    # loading script's fallback printed as text (BigCommerce and Shopify product pages). Never prose.
    _rule(PICTURE_ADDRESS, r"^<?(?:https?://|//|www\.)\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|mp4|webm|mov)(?:[?#]\S*)?>?$", 1),
    _rule(COUNTER, r"^(?:rated\s+)?\d(?:[.,]\d+)?\s*(?:out of|/|of|von|sur|de|su)\s*(?:5|10)(?:\s*(?:stars?|sternen|étoiles|estrellas|stelle))?\.?(?:\s*\(?\d[\d,.]*\s*(?:total )?(?:reviews?|ratings?|votes?)\)?)?$", 12),
    _rule(COUNTER, r"^(?:\d[\d,.]*\s+(?:reviews?|ratings?|votes?)\s+with\s+)?(?:an?\s+)?(?:average\s+)?(?:customer\s+)?(?:rating|rated)(?:\s+of)?\s*:?\s*\d(?:[.,]\d+)?\s*(?:out of|/|of)\s*(?:5|10)(?:\s*stars?)?\.?$", 16),
    _rule(COUNTER, r"^[★☆✩✪⭐\s]+(?:\d(?:[.,]\d+)?)?$", 6),
    _rule(COUNTER, r"^\(?\d[\d,.]*\s*(?:reviews?|ratings?|votes?|bewertungen|avis|reseñas|recensioni)\)?$", 3),
    # Audio/video player chrome ("Listen to this article", "Play video", "Watch: ...", "Loading...").
    _rule(MEDIA_PLAYER, r"^(?:listen to (?:this )?(?:article|story)|play(?: video| audio)?|pause|watch(?: video)?|now playing|loading\.*|audio|video|\d{1,2}:\d{2}(?: min)?|\d+ min(?:ute)? (?:read|listen))$", 6),
)


LINE_RULES_MAX_WORDS = max(rule.max_words for rule in LINE_RULES)

# A consent banner's or preference panel's paragraph, however long (the line rule above stops at 40
# words; these run to 50-200: "We, and our 228 partners use cookies and similar methods to recognize
# visitors...", "These cookies allow us to count visits..."). Phrasing of the common consent platforms
# (OneTrust, Cookiebot, Fides, Usercentrics, CookieYes) in English, German, French and Spanish. Found
# read as the body of 6 WCXB calibrate pages (4 of them listings, where the banner outscored the items).
# Sentences only: a "Cookie Policy" link or an "Accept all cookies" button sits in footers and in
# blocks that hold other text.
CONSENT_NOTICE = patterns.compile(
    r"\b(?:we|partners|(?:web)?site|platform)(?: and our partners)? (?:use|uses|using)(?: various types of)? cookies\b"
    r"|\buses? cookies (?:and similar|to (?:give|provide|ensure|improve|offer|personali[sz]e|enhance|analy[sz]e))"
    r"|\bwith our cookies\b|\bthese cookies (?:allow|help|are|enable|collect|may)\b"
    r"|\bwir verwenden cookies|\bdiese (?:web)?seite verwendet cookies|\bnous utilisons des cookies"
    r"|\bce site utilise des cookies|\butilizamos cookies|\beste sitio (?:web )?utiliza cookies",
    re.I,
)
# ...in an element up to this long (a banner with its buttons); a longer one is a page about cookies.
CONSENT_MAX_CHARS = 2500
# Pages about cookies or privacy keep their text: their title says so.
CONSENT_PAGE_TITLE = patterns.compile(r"cookie|privacy|datenschutz|confidentialit|privacidad", re.I)


# Where a picture or chart came from, on a line of its own: "Source: GitHut 2.0", "(Source: Power BI
# Dashboard Templates, AnyInstructor)", "Image source: NASA", "Via: The Verge" (WordPress and Markdown
# blogs put it in the paragraph under the picture). Only right after a picture is it the picture's
# credit: elsewhere such a line may cite the source of a statistic or a quotation, which is read.
SOURCE_LINE = patterns.compile(
    r"^\(?(?:image |photo |picture |chart |graphic |data )?(?:sources?|via|credits?)\s*:\s*[^()\s][^()]{0,100}\)?\.?$",
    re.IGNORECASE,
)
SOURCE_LINE_MAX_WORDS = 16


def is_source_line(text: str) -> bool:
    """True for a "Source: ..." line (SOURCE_LINE): a picture's credit when it sits under one."""
    if words_up_to(text, SOURCE_LINE_MAX_WORDS + 1) > SOURCE_LINE_MAX_WORDS:
        return False
    return bool(SOURCE_LINE.search(" ".join(text.split())))


def classify_line(text: str) -> str | None:
    """The chrome reason for one line or short element text, or None if it reads as content."""
    words = words_up_to(text, LINE_RULES_MAX_WORDS + 1)
    if not words or words > LINE_RULES_MAX_WORDS:
        return None
    line = " ".join(text.split())
    for rule in LINE_RULES:
        if words <= rule.max_words and rule.pattern.search(line):
            return rule.reason
    return None


def is_credit(text: str) -> bool:
    """True for a photo credit line (kept for display, never read as body text)."""
    return classify_line(text) == PHOTO_CREDIT


def ends_in_credit(text: str) -> bool:
    """True for a caption followed by its picture's credit (see CAPTION_WITH_CREDIT)."""
    if words_up_to(text, CAPTION_WITH_CREDIT_MAX_WORDS + 1) > CAPTION_WITH_CREDIT_MAX_WORDS:
        return False
    return bool(CAPTION_WITH_CREDIT.search(" ".join(text.split())))


# --- text shape: does a line read as prose? ---------------------------------------------------------

# Terminal punctuation of a sentence in the scripts we read, optionally closed by quotes/brackets.
SENTENCE_END = patterns.compile(r"[.!?…。！？؟।][\"'”’»)\]]*$")
SENTENCE_START = patterns.compile(r"^[\"'“‘«„(\[¿¡]?[^\W_a-z]")  # capital, digit or a caseless script
CJK = patterns.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
PROSE_MIN_WORDS = 14  # a line this long is prose even without terminal punctuation (cut-off text)


NON_SPACE_RUN = patterns.compile(r"\S+")
# Above this length words are counted one match at a time: ``split()`` and ``findall`` would hold every
# word (or character) of a whole-page paragraph as its own string at once, ten times the text.
LIST_COUNT_MAX_CHARS = 100_000


def word_count(text: str) -> int:
    """Words, counting two CJK characters as a word (those scripts do not separate words by spaces)."""
    if len(text) <= LIST_COUNT_MAX_CHARS:
        return max(len(text.split()), len(CJK.findall(text)) // 2)
    return max(_count(NON_SPACE_RUN, text), _count(CJK, text) // 2)


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def words_up_to(text: str, limit: int) -> int:
    """The number of words, counted no further than ``limit``: the line rules look at short lines
    only, and a whole-page paragraph must not be split into a list to learn that it is long."""
    return sum(1 for _ in itertools.islice(NON_SPACE_RUN.finditer(text), limit))


def reads_as_sentence(text: str) -> bool:
    """Capitalised, two words or more, terminal punctuation: 'This development pleased Kremlin flacks.'
    reads as a sentence; 'Skip Navigation' and a headline link do not."""
    return word_count(text) >= 2 and bool(SENTENCE_START.match(text)) and bool(SENTENCE_END.search(text))


def reads_as_prose(text: str) -> bool:
    return reads_as_sentence(text) or word_count(text) >= PROSE_MIN_WORDS

