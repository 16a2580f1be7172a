"""Captions and credits that the markup ties to a picture, whatever their own tag or class: never spoken,
kept as ``spoken: false`` blocks. Each test is the general markup pattern in a small synthetic page."""

from __future__ import annotations

from test_extract_html import PARAGRAPHS, article_body, page, spoken_texts, unspoken

from readaloud.extract.html import html_to_article
from readaloud.model import BlockKind

CAPTION = "The empty site on Mill Road before the work began"


def test_the_element_a_picture_is_described_by_is_its_caption() -> None:
    # WAI-ARIA: the picture names its description's id; no caption tag or class needed.
    figure = f'<div><img src="site.jpg" aria-describedby="desc-1"><div id="desc-1">{CAPTION}</div></div>'
    article = html_to_article(page(article_body(before=figure)))
    assert unspoken(article) == {CAPTION: BlockKind.CAPTION}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_wordpress_caption_inside_a_list_item_is_a_caption() -> None:
    # WordPress's caption shortcode inside a nested list item: the list item's own text is still read.
    notes = (
        "<ul><li>The council landed the fix for the booking page this week.<ul><li>"
        '<div id="attachment_9" class="wp-caption aligncenter"><a href="site.png">'
        '<img aria-describedby="caption-attachment-9" src="site.png"></a>'
        f'<p id="caption-attachment-9" class="wp-caption-text">{CAPTION}</p></div>'
        "</li></ul></li></ul>"
    )
    article = html_to_article(page(article_body(extra=notes)))
    assert unspoken(article) == {CAPTION: BlockKind.CAPTION}
    assert spoken_texts(article) == [*PARAGRAPHS, "The council landed the fix for the booking page this week."]


def test_a_caption_span_after_a_picture_inside_a_paragraph_is_split_off() -> None:
    # A picture with its caption and credit set inline at the start of the paragraph it illustrates.
    lede = (
        '<p><span class="story-image"><span class="image"><img src="site.jpg"></span>'
        f'<span class="caption">{CAPTION}</span></span> '
        "The council said on Monday that the library would open next spring, a year later than planned.</p>"
    )
    article = html_to_article(page(article_body(before=lede)))
    assert unspoken(article) == {CAPTION: BlockKind.CAPTION}
    assert spoken_texts(article) == [
        "The council said on Monday that the library would open next spring, a year later than planned.",
        *PARAGRAPHS,
    ]


def test_a_credit_span_after_a_picture_in_a_list_item_is_a_credit() -> None:
    # A how-to step: its text, its picture, and the picture's credit line in a span.
    steps = (
        "<ol><li><p><strong>Compare the prices.</strong> Rates at the airport desk are often higher than in town.</p>"
        '<div><picture><img src="desk.jpg"></picture></div> <span class="credit">Jane Doe for the Town Crier</span></li>'
        "<li>Book the car a week ahead, when the rates are lowest.</li></ol>"
    )
    article = html_to_article(page(article_body(extra=steps)))
    assert unspoken(article) == {"Jane Doe for the Town Crier": BlockKind.CREDIT}
    items = [(b.text, b.ordered) for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert items == [  # the steps stay numbered list items, the credit set apart
        ("Compare the prices. Rates at the airport desk are often higher than in town.", True),
        ("Book the car a week ahead, when the rates are lowest.", True),
    ]


def test_a_caption_class_label_inside_a_list_item_line_is_read() -> None:
    # BEM sliders name a property's label "__caption": in a line with its value it is no picture's caption.
    tiles = "".join(
        f'<li><img src="car{n}.jpg"><h4>Hybrid {n}</h4><div class="slider__property">'
        f'<span class="slider__caption">Annual fuel cost</span> <span class="slider__value">$300 less than a gas car</span></div></li>'
        for n in range(1, 3)
    )
    article = html_to_article(page(article_body(extra=f"<ul>{tiles}</ul>")))
    assert not unspoken(article)
    assert any("Annual fuel cost $300 less than a gas car" in text for text in spoken_texts(article))


def test_a_caption_class_not_next_to_a_picture_stays_in_its_paragraph() -> None:
    # "caption" is also a typography class: inline in prose, with no picture before it, it is read.
    line = 'The council <span class="caption">published the plans</span> on its website last week, with the costs.'
    article = html_to_article(page(article_body(before=f'<p><img src="logo.png"> {line}</p>')))
    assert spoken_texts(article)[0] == "The council published the plans on its website last week, with the costs."


def test_text_under_a_picture_that_repeats_its_caption_attribute_is_its_caption() -> None:
    # Lightbox scripts keep the caption on the picture's link (data-caption); the page shows it again below.
    figure = f'<a href="site.jpg" data-caption="{CAPTION}."><img src="site.jpg"></a><p>{CAPTION}</p>'
    article = html_to_article(page(article_body(before=figure)))
    assert unspoken(article) == {CAPTION: BlockKind.CAPTION}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_card_title_that_repeats_the_pictures_alt_text_is_still_read() -> None:
    # Shops and listings give a product's picture its name as alt text and print the name under it.
    cards = "".join(
        f'<div><img src="lamp{n}.jpg" alt="Brass reading lamp model {n}"><p>Brass reading lamp model {n}</p></div>'
        for n in range(1, 3)
    )
    article = html_to_article(page(article_body(extra=cards)))
    assert "Brass reading lamp model 1" in spoken_texts(article)


def test_captions_tied_to_a_picture_are_matched_in_a_second_opinion() -> None:
    # trafilatura's text has no classes or ids: its blocks are matched against the page's captions.
    from readaloud.extract.blocks import page_captions
    from readaloud.extract.html import parse_document

    source = page(f'<div><img src="a.jpg" aria-describedby="d1"><p id="d1">{CAPTION}</p></div>' + article_body())
    assert page_captions(parse_document(source)) == {CAPTION: BlockKind.CAPTION}


def test_a_picture_its_caption_and_a_fine_print_credit_are_a_figure() -> None:
    # The news figure's three parts in a plain div: picture, caption, credit in <small>.
    figure = f'<div><img src="site.jpg"><p>{CAPTION}.</p><small>Jane Doe for the Town Crier</small></div>'
    article = html_to_article(page(article_body(before=figure)))
    assert set(unspoken(article)) == {f"{CAPTION}.", "Jane Doe for the Town Crier"}
    assert spoken_texts(article) == PARAGRAPHS


def test_an_icon_and_a_short_paragraph_are_not_a_figure() -> None:
    # Service pages and cards: an icon's paragraph, then a paragraph of text. That text is read.
    card = '<div><p><img src="icon.svg"></p><p>Binding quotes guarantee that your price will not change.</p></div>'
    article = html_to_article(page(article_body(extra=card)))
    assert "Binding quotes guarantee that your price will not change." in spoken_texts(article)


def test_a_source_line_under_a_picture_is_its_credit() -> None:
    # Blogs put where a picture or chart came from in the paragraph under it.
    chart = '<p><img src="chart.png" alt="Top languages"></p><p><em>Source: <a href="/g">GitHut 2.0</a></em></p>'
    article = html_to_article(page(article_body(before=chart)))
    assert unspoken(article) == {"Source: GitHut 2.0": BlockKind.CREDIT}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_source_line_away_from_pictures_is_read() -> None:
    # Elsewhere it cites the source of a statistic: that is part of the text.
    article = html_to_article(page(article_body(extra="<p>Source: Bureau of Labor Statistics</p>")))
    assert spoken_texts(article)[-1] == "Source: Bureau of Labor Statistics"


def test_a_credit_naming_where_the_picture_sits_is_a_credit() -> None:
    article = html_to_article(page(article_body(extra="<p><em>Top photo by Jane Doe</em></p>")))
    assert unspoken(article) == {"Top photo by Jane Doe": BlockKind.CREDIT}


def test_one_line_crediting_all_the_pictures_is_a_credit() -> None:
    line = "Photos by Jane Doe (Shutterstock), Bo Li (Flickr), Town Crier archive, Mill Road Society, J B."
    article = html_to_article(page(article_body(extra=f"<p><small>{line}</small></p>")))
    assert unspoken(article) == {line: BlockKind.CREDIT}
    assert spoken_texts(article) == PARAGRAPHS


def test_a_picture_address_printed_as_a_line_is_not_read() -> None:
    # A gallery's thumbnails printed as text (BigCommerce/Shopify product pages): an address per line.
    thumbnails = "".join(f"<p>https://cdn.example.com/images/160x160/tee_{colour}_thumb.jpg?v=3</p>" for colour in ("bone", "powder", "atlantic"))
    links = "<p>https://example.org/report</p><p>The photos are at https://example.org/pictures/site.jpg for anyone.</p>"
    article = html_to_article(page(article_body(links, before=thumbnails)))
    spoken = spoken_texts(article)
    assert not any(".jpg?v=3" in text for text in spoken)
    assert "https://example.org/report" in spoken  # a plain address may be the thing cited
    assert any("site.jpg for anyone" in text for text in spoken)  # an address inside a sentence stays
