"""The HTML extractor on small pages written here, one behaviour per test."""

from __future__ import annotations

import json

import pytest

from readaloud.extract.html import html_to_article
from readaloud.model import Article, BlockKind

PARAGRAPHS = [
    "The council met on Tuesday evening to discuss the new library, which has been delayed for three years "
    "by a dispute over the budget, the site and the architect's fees.",
    "Residents who attended the meeting said they were frustrated, and several asked why the money set aside "
    "in 2019 had been spent on consultants rather than on construction.",
    "The mayor said the building would open next spring, although she admitted that the schedule depended on "
    "the weather, the contractors and a final vote by the regional authority.",
    "Critics were not convinced. One long-time resident, a retired teacher, said she had heard the same promise "
    "at every meeting since the project was first announced.",
]


def page(body: str, head: str = "<title>Library plans delayed again as costs rise | The Town Crier</title>", lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def article_body(extra: str = "", before: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"<main><article>{before}{paragraphs}{extra}</article></main>"


def spoken_texts(article: Article) -> list[str]:
    return [block.text for block in article.blocks if block.spoken]


def removed_reasons(article: Article) -> dict[str, str]:
    return {removal.text: removal.reason for removal in article.removed}


def test_body_paragraphs_come_out_in_order_with_ids() -> None:
    article = html_to_article(page(article_body()), url="https://example.org/library")
    assert spoken_texts(article) == PARAGRAPHS
    assert [b.id for b in article.blocks] == ["b1", "b2", "b3", "b4"]
    assert all(b.kind == BlockKind.PARAGRAPH for b in article.blocks)
    assert article.url == "https://example.org/library"
    assert article.title == "Library plans delayed again as costs rise"
    assert article.lang == "en"


def test_hidden_and_aria_hidden_elements_are_dropped_and_recorded() -> None:
    extra = (
        '<p style="display: none">Secret text that should never be read aloud to anyone at all.</p>'
        '<p hidden>Another hidden paragraph that sits in the markup for scripts to reveal later.</p>'
        '<div aria-hidden="true"><p>Decorative duplicate of the headline for a carousel widget.</p></div>'
        '<p style="visibility:hidden">Invisible but present paragraph kept for layout reasons.</p>'
    )
    article = html_to_article(page(article_body(extra)))
    assert spoken_texts(article) == PARAGRAPHS
    reasons = removed_reasons(article)
    assert reasons["Secret text that should never be read aloud to anyone at all."] == "hidden"
    assert reasons["Decorative duplicate of the headline for a carousel widget."] == "hidden"
    assert reasons["Invisible but present paragraph kept for layout reasons."] == "hidden"


def test_structure_becomes_block_kinds() -> None:
    extra = (
        "<h2>What happens next</h2>"
        "<p>The council listed the steps it will take before the spring opening date:</p>"
        "<ol><li>Sign the building contract</li><li>Order the shelving<ul><li>Oak for the reading room</li>"
        "</ul></li></ol>"
        "<h3>In the mayor's words</h3>"
        "<blockquote><p>We will open in spring.</p><p>I promise that.</p></blockquote>"
        "<pre>phase 1: foundations\nphase 2: walls</pre>"
        "<table><thead><tr><th>Year</th><th>Budget</th></tr></thead>"
        "<tbody><tr><td>2019</td><td>4 million</td></tr><tr><td>2024</td><td>6 million</td></tr></tbody></table>"
    )
    article = html_to_article(page(article_body(extra)))
    blocks = {b.text: b for b in article.blocks}
    assert blocks["What happens next"].kind == BlockKind.HEADING and blocks["What happens next"].level == 2
    assert blocks["In the mayor's words"].level == 3
    first, second, nested = blocks["Sign the building contract"], blocks["Order the shelving"], blocks["Oak for the reading room"]
    assert first.kind == second.kind == nested.kind == BlockKind.LIST_ITEM
    assert first.ordered and second.ordered and not nested.ordered
    assert (first.level, nested.level) == (1, 2)
    assert first.group == second.group != nested.group
    assert blocks["We will open in spring."].kind == BlockKind.QUOTE
    assert blocks["I promise that."].kind == BlockKind.QUOTE
    assert blocks["phase 1: foundations\nphase 2: walls"].kind == BlockKind.PREFORMATTED
    cell = blocks["4 million"]
    assert cell.kind == BlockKind.TABLE_CELL and (cell.row, cell.column) == (2, 2)
    assert blocks["Year"].row == 1 and blocks["2024"].row == 3
    assert cell.group == blocks["Year"].group


def test_captions_and_credits_are_kept_but_not_spoken() -> None:
    figure = (
        "<figure><img src='library.jpg' alt='The site'>"
        "<figcaption>The empty site on Mill Road, where the library was meant to stand."
        "<span class='credit'>Alexander Shcherbak/TASS/Getty Images</span></figcaption></figure>"
    )
    article = html_to_article(page(article_body(before=figure)))
    kinds = {b.text: (b.kind, b.spoken) for b in article.blocks}
    assert kinds["The empty site on Mill Road, where the library was meant to stand."] == (BlockKind.CAPTION, False)
    assert kinds["Alexander Shcherbak/TASS/Getty Images"] == (BlockKind.CREDIT, False)
    assert spoken_texts(article) == PARAGRAPHS


def test_a_bare_credit_line_is_a_credit() -> None:
    credit = "<p>Alexander Shcherbak/TASS/Getty Images</p>"
    article = html_to_article(page(article_body(before=credit)))
    assert article.blocks[0].kind == BlockKind.CREDIT and not article.blocks[0].spoken
    assert spoken_texts(article) == PARAGRAPHS


def test_json_ld_metadata_wins() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "The Town Crier"},
            {
                "@type": "NewsArticle",
                "headline": "Library plans delayed again",
                "description": "A standfirst from JSON-LD.",
                "author": [{"@type": "Person", "name": "Ann Reporter"}, {"@type": "Person", "name": "Bo Writer"}],
                "datePublished": "2024-03-01T09:00:00Z",
                "inLanguage": "en-GB",
                "publisher": {"@type": "Organization", "name": "The Town Crier"},
            },
        ],
    }
    head = (
        "<title>Something else entirely | Site</title>"
        '<meta property="og:title" content="An Open Graph title">'
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )
    article = html_to_article(page(article_body(), head=head, lang=""))
    assert article.title == "Library plans delayed again"
    assert article.byline == "Ann Reporter, Bo Writer"
    assert article.published == "2024-03-01T09:00:00Z"
    assert article.site == "The Town Crier"
    assert article.lang == "en-GB"


def test_meta_tags_fill_in_when_there_is_no_json_ld() -> None:
    head = (
        "<title>Ignored title | Site</title>"
        '<meta property="og:title" content="Library plans delayed again">'
        '<meta name="author" content="Ann Reporter">'
        '<meta property="og:site_name" content="The Town Crier">'
        '<meta property="article:published_time" content="2024-03-01">'
        '<meta property="og:locale" content="fr_FR">'
    )
    article = html_to_article(page(article_body(), head=head, lang=""))
    assert (article.title, article.byline, article.site, article.published) == (
        "Library plans delayed again", "Ann Reporter", "The Town Crier", "2024-03-01"
    )
    assert article.lang == "fr-FR"


def test_parsely_and_dublin_core_meta_are_read() -> None:
    head = (
        '<meta name="parsely-title" content="Parsely title">'
        '<meta name="parsely-author" content="Parsely Author">'
        '<meta name="parsely-pub-date" content="2023-01-02">'
        '<meta name="DC.creator" content="Dublin Author">'
    )
    article = html_to_article(page(article_body(), head=head))
    assert article.title == "Parsely title"
    assert article.byline == "Dublin Author"  # Dublin Core comes before parsely, as in Readability
    assert article.published == "2023-01-02"


@pytest.mark.parametrize(
    ("chrome", "text", "reason"),
    [
        ('<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>',
         "Share Tweet Email", "share bar"),
        ('<aside class="newsletter-signup"><h3>Sign up for our evening newsletter</h3><form><input type="email">'
         "</form></aside>", "Sign up for our evening newsletter", "newsletter box"),
        ('<section class="related-stories"><h3>Related</h3><ul><li><a href="/a">Pool closes</a></li>'
         '<li><a href="/b">Park reopens</a></li></ul></section>', "Related\nPool closes\nPark reopens", "related links"),
        ('<section id="comments"><h3>Comments</h3><p>Join the conversation.</p></section>',
         "Comments\nJoin the conversation.", "comments"),
    ],
)
def test_chrome_inside_the_article_is_removed_with_its_reason(chrome: str, text: str, reason: str) -> None:
    article = html_to_article(page(article_body(extra=chrome)))
    assert spoken_texts(article) == PARAGRAPHS
    reasons = removed_reasons(article)
    assert reasons.get(" ".join(text.split())) == reason, article.removed


def test_navigation_and_footer_around_the_article_are_recorded() -> None:
    body = (
        '<a class="skip-link" href="#main">Skip to main content</a>'
        '<nav class="site-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
        + article_body()
        + '<footer class="site-footer"><p>© 2024 The Town Crier. All rights reserved.</p></footer>'
    )
    article = html_to_article(page(body))
    assert spoken_texts(article) == PARAGRAPHS
    reasons = removed_reasons(article)
    assert reasons["News Sport"] == "navigation"
    assert reasons["© 2024 The Town Crier. All rights reserved."] == "footer"
    assert reasons["Skip to main content"] == "skip link"


def test_title_dek_and_byline_are_not_body_blocks() -> None:
    head = (
        "<title>Library plans delayed again | The Town Crier</title>"
        '<meta name="description" content="The council says spring; residents have heard that before.">'
    )
    header = (
        "<header><h1>Library plans delayed again</h1>"
        '<p class="standfirst">The council says spring; residents have heard that before.</p>'
        '<p class="byline">By <a rel="author" href="/ann">Ann Reporter</a></p></header>'
    )
    article = html_to_article(page(article_body(before=header), head=head))
    assert article.title == "Library plans delayed again"
    assert article.dek == "The council says spring; residents have heard that before."
    assert article.byline == "By Ann Reporter"
    assert spoken_texts(article) == PARAGRAPHS
    reasons = {r.reason for r in article.removed}
    assert {"repeated title", "byline"} <= reasons


def test_a_dek_found_by_the_meta_description_alone() -> None:
    head = (
        "<title>Library plans delayed again</title>"
        '<meta property="og:description" content="Residents have heard the promise of a spring opening before.">'
    )
    header = "<h1>Library plans delayed again</h1><h2>Residents have heard the promise of a spring opening before.</h2>"
    article = html_to_article(page(article_body(before=header), head=head))
    assert article.dek == "Residents have heard the promise of a spring opening before."
    assert spoken_texts(article) == PARAGRAPHS


def test_a_lede_copied_into_the_description_stays_in_the_body() -> None:
    head = f'<title>Library plans delayed again</title><meta name="description" content="{PARAGRAPHS[0]}">'
    article = html_to_article(page(article_body(), head=head))
    assert article.dek == ""
    assert spoken_texts(article) == PARAGRAPHS


def test_a_leading_heading_equal_to_the_title_is_removed_once() -> None:
    title = "Library plans delayed again as costs rise"
    article = html_to_article(page(article_body(before=f"<h1>{title}</h1>", extra=f"<h2>{title}</h2>")))
    texts = [b.text for b in article.blocks]
    assert texts.count(title) == 1
    assert texts[-1] == title


def test_a_first_section_heading_with_a_few_of_the_titles_words_is_read() -> None:
    head = "<title>Outside the web: standalone WebAssembly binaries using Emscripten</title>"
    body = (
        "<article><header><h1>Outside the web: standalone WebAssembly binaries using Emscripten</h1></header>"
        f"<p>{PARAGRAPHS[0]}</p><h2>Using standalone mode in Emscripten</h2>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "</article>"
    )
    texts = [b.text for b in html_to_article(page(body, head=head)).blocks]
    assert "Using standalone mode in Emscripten" in texts


def test_a_short_title_loses_the_site_name_when_it_is_the_headline() -> None:
    head = "<title>Library plans delayed again | The Town Crier</title>"
    with_headline = html_to_article(page(article_body(before="<h1>Library plans delayed again</h1>"), head=head))
    assert with_headline.title == "Library plans delayed again"
    assert spoken_texts(with_headline) == PARAGRAPHS
    # Without a matching headline, Readability's rule stands: four words or fewer keep the whole title.
    assert html_to_article(page(article_body(), head=head)).title == "Library plans delayed again | The Town Crier"


def test_line_breaks_and_double_breaks() -> None:
    poem = "<p>Roses are red,<br>violets are blue,<br/>the library is late,<br>and so are you.</p>"
    loose = "<div>First loose paragraph of text in a div.<br><br>Second loose paragraph after two breaks.</div>"
    article = html_to_article(page(article_body(extra=poem + loose)))
    texts = spoken_texts(article)
    assert "Roses are red,\nviolets are blue,\nthe library is late,\nand so are you." in texts
    assert "First loose paragraph of text in a div." in texts
    assert "Second loose paragraph after two breaks." in texts


def test_inline_elements_join_with_the_spacing_of_the_source() -> None:
    inline = (
        "<p>The <b>new</b> library will have <em>three</em> floors, a <a href='/cafe'>caf<span>é</span></a> "
        "and\n   a   <span><i>rooftop</i> garden</span>.</p>"
        "<ul><li><p>First point.</p><p>Second point.</p></li></ul>"
    )
    article = html_to_article(page(article_body(extra=inline)))
    texts = spoken_texts(article)
    assert "The new library will have three floors, a café and a rooftop garden." in texts
    assert "First point.\nSecond point." in texts


def test_scripts_styles_and_comments_never_reach_the_text() -> None:
    extra = "<script>var x = 'tracking code';</script><style>p { color: red }</style><!-- an editor's note -->"
    article = html_to_article(page(article_body(extra=extra)))
    assert spoken_texts(article) == PARAGRAPHS
    assert any(r.reason == "script/style" for r in article.removed)


def test_pages_without_text_give_an_article_without_blocks() -> None:
    assert html_to_article("").blocks == []
    assert html_to_article("<html><body><img src='x.png'></body></html>").blocks == []
    assert html_to_article('<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi there.</p></body></html>').blocks


def test_rtl_direction_is_reported() -> None:
    body = '<div dir="rtl">' + article_body() + "</div>"
    assert html_to_article(page(body)).dir == "rtl"


def test_graphics_and_media_fallback_text_is_not_read() -> None:
    extra = (
        "<p>The plan <svg><title>chart icon</title><text>42%</text></svg>was approved.</p>"
        "<video src='a.mp4'>Your browser does not support the video tag.</video>"
    )
    texts = spoken_texts(html_to_article(page(article_body(extra=extra))))
    assert "The plan was approved." in texts
    assert not any("browser" in t or "chart icon" in t for t in texts)


@pytest.mark.parametrize("depth", [400, 2000])
def test_absurdly_deep_markup_neither_crashes_nor_hangs(depth: int) -> None:
    deep_divs = page("<div>" * depth + article_body() + "</div>" * depth)
    deep_spans = page("<p>" + "<span>" * depth + "x" + "</span>" * depth + "</p>" + article_body())
    for html in (deep_divs, deep_spans):
        article = html_to_article(html)  # libxml2 keeps about 2,000 levels; the text may be cut there
        assert all(block.text for block in article.blocks)
    assert spoken_texts(html_to_article(page("<div>" * 400 + article_body() + "</div>" * 400)))[-4:] == PARAGRAPHS


def test_broken_json_ld_is_ignored() -> None:
    head = '<title>Library plans delayed again as costs rise</title><script type="application/ld+json">' + "[" * 5000 + "</script>"
    article = html_to_article(page(article_body(), head=head))
    assert article.title == "Library plans delayed again as costs rise"


def test_a_dateline_at_the_top_is_not_read_but_numbers_are() -> None:
    before = "<p>Updated: March 3, 2024 at 5:41 p.m. EST</p><p>87</p>"
    article = html_to_article(page(article_body(before=before)))
    assert spoken_texts(article) == ["87", *PARAGRAPHS]
    assert removed_reasons(article)["Updated: March 3, 2024 at 5:41 p.m. EST"] == "dateline"


def test_a_hidden_summary_is_not_the_dek() -> None:
    header = (
        "<h1>Library plans delayed again as costs rise</h1>"
        '<div style="display:none"><p class="standfirst">A summary kept for the mobile layout only.</p></div>'
    )
    article = html_to_article(page(article_body(before=header)))
    assert article.dek == ""
    assert spoken_texts(article) == PARAGRAPHS


# --- captions and credits, however a site marks them up ----------------------------------------------


def unspoken(article: Article) -> dict[str, BlockKind]:
    return {block.text: block.kind for block in article.blocks if not block.spoken}


@pytest.mark.parametrize(
    "credit",
    [
        "Main image credit: Getty",
        "Image credit: © Depositphotos.com/AndrewLozovyi",
        "(Getty Images)",
        "Reuters",
        "AP Photo/Evan Vucci",
        "Photo: Hyundai",
        "Image: NASA/JPL",
        "Image from the March 2024 review.",
    ],
)
def test_credit_lines_are_credits(credit: str) -> None:
    article = html_to_article(page(article_body(before=f"<p>{credit}</p>")))
    assert unspoken(article) == {credit: BlockKind.CREDIT}
    assert spoken_texts(article) == PARAGRAPHS


@pytest.mark.parametrize(
    "caption",
    [
        "The mayor walks past the empty site on Monday. (AP Photo/Evan Vucci)",
        "Protesters gather outside the town hall. Alexander Shcherbak/TASS/Getty Images",
        "The Swimming Lesson (1906), 1911. Photogravure, 14.6 by 22.9 cm. Courtesy Robert Mann Gallery.",
        "The new reading room, as the architect drew it (Photo: Town Crier)",
        "Fueling your body properly is important when spending days on the trail. Credit: Jessica Haist",
    ],
)
def test_a_caption_that_ends_in_its_credit_is_a_caption(caption: str) -> None:
    article = html_to_article(page(article_body(before=f"<p>{caption}</p>")))
    assert unspoken(article)[caption] in (BlockKind.CAPTION, BlockKind.CREDIT)  # short ones read as a credit
    assert spoken_texts(article) == PARAGRAPHS


def test_a_sentence_that_names_an_agency_is_still_read() -> None:
    line = "The report came from Reuters."
    article = html_to_article(page(article_body(before=f"<p>{line}</p>")))
    assert spoken_texts(article) == [line, *PARAGRAPHS]


def test_a_credit_on_its_own_line_in_a_paragraph_is_split_off() -> None:
    article = html_to_article(page(article_body(before="<p>Which plans went furthest?<br>Photo: Town Crier</p>")))
    assert unspoken(article) == {"Photo: Town Crier": BlockKind.CREDIT}
    assert spoken_texts(article) == ["Which plans went furthest?", *PARAGRAPHS]


@pytest.mark.parametrize(
    "figure",
    [
        # WordPress's classic caption shortcode
        '<div class="wp-caption alignleft"><img src="site.jpg"><p class="wp-caption-text">The empty site on Mill Road</p></div>',
        # a theme's own figure wrapper, the text in a plain <p>
        '<div class="article-image"><img src="site.jpg"><p>The empty site on Mill Road</p></div>',
        # no class at all: a picture (in a link) and then one short text element
        '<div><a href="site.jpg"><img src="site.jpg"></a><span>The empty site on Mill Road</span></div>',
    ],
)
def test_text_under_a_picture_in_a_figure_built_of_divs_is_a_caption(figure: str) -> None:
    article = html_to_article(page(article_body(before=figure)))
    assert unspoken(article) == {"The empty site on Mill Road": BlockKind.CAPTION}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_caption_div_made_a_paragraph_is_still_a_caption() -> None:
    # Readability turns a div of inline text into a <p>; the div's class still says it is a caption.
    figure = (
        '<div class="carousel"><img src="a.jpg"><img src="b.jpg"></div>'
        '<div class="photo-caption mt-2">Testing the watches side by side on the same trail.</div>'
    )
    article = html_to_article(page(article_body(before=figure)))
    assert unspoken(article) == {"Testing the watches side by side on the same trail.": BlockKind.CAPTION}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_paragraph_made_of_caption_spans_is_a_caption() -> None:
    # An editor's caption without <figcaption>: the paragraph under the picture holds caption spans.
    figure = (
        '<p><a href="/courses"><img src="wine.jpg" alt=""></a></p>'
        '<p><span class="caption">While most sparkling wines are white, ros</span>\u00e9'
        '<span class="caption"> and red styles are also produced.</span></p>'
    )
    article = html_to_article(page(article_body(before=figure)))
    assert unspoken(article) == {"While most sparkling wines are white, ros\u00e9 and red styles are also produced.": BlockKind.CAPTION}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_paragraph_with_a_caption_span_in_it_is_still_read() -> None:
    line = 'The council published <span class="caption">the plans</span> on its website last week, with the costs.'
    article = html_to_article(page(article_body(before=f"<p>{line}</p>")))
    assert spoken_texts(article)[0] == "The council published the plans on its website last week, with the costs."


def test_a_copyright_notice_is_a_credit() -> None:
    notice = '<p class="article-copyright">\u00a9 Jane Doe, John Smith. Originally published in the Town Crier, 25.06.2019.</p>'
    article = html_to_article(page(article_body(extra=notice)))
    assert list(unspoken(article).values()) == [BlockKind.CREDIT]
    assert spoken_texts(article) == PARAGRAPHS


def test_a_photo_illustration_credit_in_a_card_is_split_off() -> None:
    cards = "".join(
        f"<li><img src='{n}.jpg'><h5>Which plans cost the most, number {n}?</h5>"
        f"<div><p>The council compared the budgets of every plan it was shown this year.</p></div>"
        f"<span>Photo Illustration: Town Crier, Getty Images</span></li>"
        for n in range(1, 3)
    )
    article = html_to_article(page(article_body(extra=f"<ul>{cards}</ul>")))
    assert set(unspoken(article)) == {"Photo Illustration: Town Crier, Getty Images"}
    assert not any("Photo Illustration" in text for text in spoken_texts(article))


def test_a_card_with_a_linked_title_under_its_picture_is_not_a_caption() -> None:
    card = '<div><img src="site.jpg"><p><a href="/next">Council approves the budget for next year</a></p></div>'
    builder_blocks = html_to_article(page(article_body(extra=card))).blocks
    assert all(block.kind != BlockKind.CAPTION for block in builder_blocks)


def test_captions_in_a_gallery_list_stay_captions() -> None:
    gallery = (
        "<ul><li><figure><img src='a.jpg'><figcaption>Credit: The Town Crier</figcaption></figure></li>"
        "<li><figure><img src='b.jpg'><figcaption>The old library in 1950</figcaption></figure></li></ul>"
    )
    article = html_to_article(page(article_body(extra=gallery)))
    assert unspoken(article) == {"Credit: The Town Crier": BlockKind.CREDIT, "The old library in 1950": BlockKind.CAPTION}
    assert spoken_texts(article) == PARAGRAPHS


# --- pages that are not one article column -------------------------------------------------------------


def test_a_page_copied_into_noscript_for_readers_without_javascript_is_read() -> None:
    # Discourse and other script-built sites: the saved page is an empty app shell and a <noscript> copy.
    body = '<div id="app"></div><noscript>' + article_body() + "</noscript>"
    assert spoken_texts(html_to_article(page(body))) == PARAGRAPHS


CHECKLIST = [
    "Check the opening hours before you set out: the temporary library in the old school hall keeps "
    "shorter hours than the branch on Mill Road did, and it closes on Mondays.",
    "Bring your library card, since the reading room is shared with the adult education classes and the "
    "staff check cards at the door on weekday evenings.",
    "Return borrowed books to the drop box by the car park rather than to the old building, where the "
    "slot has been sealed until the work is finished.",
    "Ask at the desk about the home delivery service, which the council has extended to every resident "
    "over seventy for as long as the new building stays closed.",
]


def box_page(names: str) -> str:
    checklist = "".join(f"<p>{text}</p>" for text in CHECKLIST)
    box = f'<div class="{names}"><img src="plan.jpg"><img src="site.jpg"><img src="hall.jpg">{checklist}</div>'
    return page(article_body(extra=box))


@pytest.mark.parametrize("names", ["cda-media-block", "relative overflow-hidden", "field field--label-hidden"])
def test_prose_in_a_box_named_for_its_picture_or_a_css_property_is_read(names: str) -> None:
    # Readability drops any box whose class matches its negative words ("media", "hidden"); these
    # names say a picture sits beside the text, or how the box overflows, not that it is chrome.
    assert spoken_texts(html_to_article(box_page(names))) == [*PARAGRAPHS, *CHECKLIST]


@pytest.mark.parametrize("names", ["sidebar-media", "is-hidden"])
def test_prose_in_a_box_named_as_chrome_is_still_not_read(names: str) -> None:
    assert spoken_texts(html_to_article(box_page(names))) == PARAGRAPHS


def test_content_react_streamed_in_late_is_read_where_its_template_stands() -> None:
    # React 18 streaming (Next.js): the slow part arrives hidden at the end of the body, and a script
    # that never ran in the saved copy would move it to its <template> placeholder.
    first, *late, last = (f"<p>{text}</p>" for text in PARAGRAPHS)
    body = (
        "<nav><a href='/'>Home</a> <a href='/all'>All reviews</a></nav>"
        f'<main><article>{first}<template id="B:2"></template>{last}</article></main>'
        "<footer>© 2026 The Town Crier. All rights reserved.</footer>"
        f'<div hidden id="S:2">{"".join(late)}</div>'
    )
    article = html_to_article(page(body))
    assert spoken_texts(article) == PARAGRAPHS


def test_a_short_noscript_notice_is_not_read() -> None:
    body = "<noscript><p>Please enable JavaScript to see the comments on this story.</p></noscript>" + article_body()
    assert spoken_texts(html_to_article(page(body))) == PARAGRAPHS


def forum_thread(posts: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<div class="post"><div class="author"><a href="/u/{name}">{name}</a></div>'
        f'<div class="body"><div>{text}</div></div><div class="actions"><a href="#">Reply</a></div></div>'
        for name, text in posts
    )
    nav = "<header><nav><a href='/'>Home</a> <a href='/f'>Forums</a></nav></header>"
    return f"{nav}<h1>Library hours</h1>{items}<footer>Town forum, since 2004</footer>"


def test_a_forum_thread_is_read_as_all_its_posts_in_order() -> None:
    posts = [("ann", PARAGRAPHS[0]), ("bo", PARAGRAPHS[1]), ("cy", PARAGRAPHS[2]), ("di", PARAGRAPHS[3])]
    article = html_to_article(page(forum_thread(posts)))
    assert [text for text in spoken_texts(article) if text in PARAGRAPHS] == PARAGRAPHS


def test_our_own_walk_takes_every_post_of_a_thread_not_the_best_one() -> None:
    from readaloud.extract.content import ReadabilityExtractor
    from readaloud.extract.dom import inner_text
    from readaloud.extract.html import parse_document

    posts = [("ann", PARAGRAPHS[0]), ("bo", PARAGRAPHS[1]), ("cy", PARAGRAPHS[2]), ("di", PARAGRAPHS[3])]
    extractor = ReadabilityExtractor(parse_document(page(forum_thread(posts))), "Library hours")
    extractor.prepare()
    text = inner_text(extractor.extract().content)
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert "Town forum, since 2004" not in text


def test_a_listing_of_short_items_is_not_refused() -> None:
    from readaloud.extract import extract_article

    items = "".join(
        f"<li><h3>Reading lamp model {n}</h3><span>Brass, 40 cm, warm white LED</span><span>{n}9.00 EUR</span></li>"
        for n in range(1, 9)
    )
    article = extract_article(page(f"<main><h1>Reading lamps</h1><ul class='products'>{items}</ul></main>"))
    assert "Reading lamp model 8" in " ".join(spoken_texts(article))


def test_a_page_with_no_text_in_its_body_reads_its_description() -> None:
    description = "Hello everyone, I would like to ask for your advice on setting up automations at home."
    head = f'<title>Automations - Community</title><meta name="description" content="{description}">'
    article = html_to_article(page('<div id="app"></div>', head=head))
    assert spoken_texts(article) == [description]


@pytest.mark.parametrize(
    "chrome",
    ["3.409 letture", "12K views", "Views: 1,234", "7 Likes", "Rated 4.4 out of 5 stars.", "4.5/5", "★★★★☆",
     "369 Reviews", "Related post: How the old library was saved", "Related Article: A history of the town hall"],
)
def test_counters_ratings_and_related_labels_are_not_read(chrome: str) -> None:
    article = html_to_article(page(article_body(before=f"<p>{chrome}</p><h3>{chrome}</h3>")))
    assert spoken_texts(article) == PARAGRAPHS
    assert chrome in removed_reasons(article)


def test_a_sentence_about_views_and_ratings_is_read() -> None:
    line = "She views the plan as a risk, and rated it 2 out of 5 in the survey."
    article = html_to_article(page(article_body(before=f"<p>{line}</p>")))
    assert spoken_texts(article) == [line, *PARAGRAPHS]


def test_each_post_of_a_thread_is_read_after_its_author() -> None:
    posts = [("Ann Reader", PARAGRAPHS[0]), ("Bo Writer", PARAGRAPHS[1]), ("Cy Critic", PARAGRAPHS[2]),
             ("Di Neighbour", PARAGRAPHS[3])]
    article = html_to_article(page(forum_thread(posts)))
    spoken = spoken_texts(article)
    assert article.byline == "Ann Reader" or spoken[0] == "Ann Reader"
    for name, text in posts[1:]:
        assert spoken.index(name) == spoken.index(text) - 1


def test_blocks_from_classless_text_are_matched_to_the_page_captions() -> None:
    from readaloud.extract.blocks import mark_captions, page_captions
    from readaloud.extract.html import parse_document
    from readaloud.model import Block

    source = page(
        '<div class="photo-caption">Staying hydrated is key on a long walk. <span class="photo-credit">Trish Matheny</span></div>'
        + article_body()
    )
    blocks = [Block("", BlockKind.PARAGRAPH, "Staying hydrated is key on a long walk. Trish Matheny"),
              Block("", BlockKind.PARAGRAPH, PARAGRAPHS[0])]
    mark_captions(blocks, page_captions(parse_document(source)))
    assert [(b.kind, b.spoken) for b in blocks] == [(BlockKind.CAPTION, False), (BlockKind.PARAGRAPH, True)]


def test_a_credit_line_inside_a_list_item_is_split_off() -> None:
    faq = "<ul><li><b>When will it open?</b><br>Next spring, the mayor says.<br>Photo: Ben Hasty/Getty Images</li></ul>"
    article = html_to_article(page(article_body(extra=faq)))
    assert unspoken(article) == {"Photo: Ben Hasty/Getty Images": BlockKind.CREDIT}
    assert "When will it open?\nNext spring, the mayor says." in spoken_texts(article)


def test_a_rating_line_inside_a_product_card_is_not_read() -> None:
    cards = "".join(
        f"<li><a href='/p{n}'>Reading lamp model {n}</a><br>{n}9.00 EUR<br>{n}6 reviews with an average rating of 4.{n} out of 5 stars</li>"
        for n in range(1, 4)
    )
    article = html_to_article(page(article_body(extra=f"<ul>{cards}</ul>")))
    spoken = " ".join(spoken_texts(article))
    assert "Reading lamp model 2" in spoken and "average rating" not in spoken


def test_chrome_phrases_in_list_items_are_not_read_but_steps_are() -> None:
    menu = "<ul><li>Skip to main content</li><li>Share on Facebook</li><li>Settings > Privacy > Reset</li></ul>"
    article = html_to_article(page(article_body(before=menu)))
    assert spoken_texts(article) == ["Settings > Privacy > Reset", *PARAGRAPHS]


def test_a_six_word_link_label_with_an_arrow_is_navigation() -> None:
    # The arrow is not one of the label's words: "Más en El brote de Coronavirus ›" is six words and a link.
    section = "<section><h2>Coronavirus</h2><a href='/es/spotlight/coronavirus'>Más en El brote de Coronavirus ›</a></section>"
    article = html_to_article(page(article_body(extra=section)))
    assert "Más en El brote de Coronavirus ›" not in spoken_texts(article)


def test_the_shown_byline_wins_over_a_head_naming_the_site() -> None:
    head = '<title>Library plans delayed again | The Town Crier</title><meta name="author" content="The Town Crier">'
    body = ("<main><article><header><h1>Library plans delayed again</h1><p class='byline'>By Jane Doe</p></header>"
            + "".join(f"<p>{text}</p>" for text in PARAGRAPHS) + "</article></main>")
    article = html_to_article(page(body, head=head))
    assert article.byline.endswith("Jane Doe") and "Crier" not in article.byline
    assert spoken_texts(article) == PARAGRAPHS


def test_a_shown_label_does_not_replace_the_heads_byline() -> None:
    head = '<title>Library plans delayed again</title><meta name="author" content="Jane Doe">'
    body = ("<main><article><h1>Library plans delayed again</h1><p class='author-label'>AUTHORING</p>"
            + "".join(f"<p>{text}</p>" for text in PARAGRAPHS) + "</article></main>")
    assert html_to_article(page(body, head=head)).byline == "Jane Doe"


def test_the_author_box_after_the_story_is_not_read() -> None:
    box = ("<div class='author-box'><img src='jane.jpg' alt=''><h4>Jane Doe</h4><p>Jane Doe is a reporter at The "
           "Town Crier who covers local government, schools and the budget. She lives in the town with two cats.</p></div>")
    article = html_to_article(page(article_body(extra=box)))
    assert spoken_texts(article) == PARAGRAPHS
    assert "author box" in removed_reasons(article).values()


def test_an_order_form_table_is_not_read_instead_of_the_description() -> None:
    rows = "".join(
        f"<tr><td>Blue / {size}L</td><td><input type='number' name='updates[{n}]' value='0'></td><td>${n}9.99/ea</td>"
        f"<td>$0.00</td></tr>" for n, size in enumerate((30, 40, 50, 60, 70, 80), start=1)
    )
    form = f"<form id='QuickOrder'><table><tr><th>Variant</th><th>Quantity</th><th>Price</th><th>Total</th></tr>{rows}</table></form>"
    description = "<div class='product-description'><p>" + "</p><p>".join(PARAGRAPHS[:2]) + "</p></div>"
    article = html_to_article(page(f"<main>{form}{description}</main>"))
    assert spoken_texts(article) == PARAGRAPHS[:2]


def test_a_cookie_banner_is_not_read_as_the_page() -> None:
    banner = (
        "<div id='consent-banner'><div class='consent__text'><span>We, and our</span> <button>228</button> <span>partners use "
        "cookies and similar methods to recognize visitors and remember their preferences. We may also use these "
        "technologies to gauge the effectiveness of advertising campaigns and to analyse traffic on the site.</span></div>"
        "<button>Accept all</button></div>"
    )
    article = html_to_article(page(banner + article_body()))
    assert spoken_texts(article) == PARAGRAPHS
    assert "cookie notice" in removed_reasons(article).values()


def test_a_page_about_cookies_keeps_its_text() -> None:
    text = ("This website uses cookies to remember what you put in your basket, and for nothing else at all. We keep "
            "them for a week, we never share them with anyone, and you can delete them at any time from the settings "
            "of your browser without losing anything but the basket itself.")
    article = html_to_article(page(article_body(before=f"<p>{text}</p>"), head="<title>Our cookie policy</title>"))
    assert spoken_texts(article) == [text, *PARAGRAPHS]
