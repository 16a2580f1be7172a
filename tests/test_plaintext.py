"""Plain-text pages: chrome lines dropped with reasons, title/dek/byline found, blocks typed by layout."""

from __future__ import annotations

from readaloud.extract.plaintext import text_to_article
from readaloud.extract.textrules import classify_line
from readaloud.model import BlockKind


def kinds(article) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in article.blocks]


def test_news_page_rendering(samples_dir) -> None:
    seed = (samples_dir / "slate-trump-russia.txt").read_text(encoding="utf-8")
    article = text_to_article(seed)
    assert article.title == "Trump Wants Russia to Interfere for Him Again"
    assert article.dek.startswith("Ahead of his meeting with Putin")
    removed = {(r.reason, r.text) for r in article.removed}
    assert ("skip link", "Skip Navigation") in removed
    assert ("outdated-browser notice", "You are using an outdated browser.") in removed
    # the wrapped second half of the banner continues the notice, not the article
    assert ("outdated-browser notice", "Please upgrade your browser and improve your visit to our site.") in removed
    assert [r.where for r in article.removed] == ["line 1", "line 2", "line 4"]
    credit = article.blocks[0]
    assert (credit.kind, credit.spoken, credit.text) == (BlockKind.CREDIT, False, "Alexander Shcherbak/TASS/Getty Images")
    assert [b.id for b in article.blocks] == [f"b{n}" for n in range(1, len(article.blocks) + 1)]


def test_a_short_real_sentence_is_a_paragraph_but_a_short_label_is_not() -> None:
    text = (
        "A Headline About Something Important\n\n"
        "The first paragraph explains what happened in a sentence that is long enough to be prose.\n\n"
        "This development pleased Kremlin flacks.\n\n"
        "The story goes on with a second full paragraph that explains more of the background here.\n\n"
        "Skip Navigation\n\n"
        "The end of the story, in one more sentence of ordinary prose."
    )
    article = text_to_article(text)
    assert ("paragraph", "This development pleased Kremlin flacks.") in kinds(article)
    assert all(block.text != "Skip Navigation" for block in article.blocks)
    assert article.removed[0].reason == "skip link"


def test_layout_headings_lists_and_quotes() -> None:
    text = (
        "How the Plan Works\n\n"
        "The council agreed the plan on Tuesday after a long debate about its cost and timing.\n\n"
        "What changes for residents\n\n"
        "Bins will be collected every other week, and the garden waste service will expand.\n\n"
        "The main steps are:\n"
        "- new bins in March\n"
        "- collections from April\n"
        "   - garden waste from May\n\n"
        "1. apply online\n"
        "2. wait for the letter\n\n"
        "> We listened to every street, the council leader said in her statement.\n\n"
        "## Costs\n\n"
        "The scheme costs 1.2 million pounds a year, according to the council's own figures."
    )
    article = text_to_article(text)
    assert article.title == "How the Plan Works"
    body = kinds(article)
    assert ("heading", "What changes for residents") in body
    assert ("heading", "Costs") in body
    items = [b for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert [(b.text, b.level, b.ordered) for b in items] == [
        ("new bins in March", 1, False),
        ("collections from April", 1, False),
        ("garden waste from May", 2, False),
        ("apply online", 1, True),
        ("wait for the letter", 1, True),
    ]
    assert len({b.group for b in items[:3]}) == 1 and items[0].group != items[3].group
    assert ("quote", "We listened to every street, the council leader said in her statement.") in body


def test_byline_and_date_after_the_title_are_metadata() -> None:
    text = (
        "Markets Rally as Rates Hold Steady\n\n"
        "By Jane Doe and John Roe\n\n"
        "July 6, 2017 5:41 PM\n\n"
        "Stocks rose on Thursday after the central bank left interest rates unchanged for a third month."
    )
    article = text_to_article(text)
    assert article.byline == "By Jane Doe and John Roe"
    assert article.published == "2017-07-06"
    assert article.dek == ""
    assert kinds(article) == [("paragraph", "Stocks rose on Thursday after the central bank left interest rates unchanged for a third month.")]


def test_dek_needs_to_be_set_off_from_the_body() -> None:
    text = (
        "A Headline Without a Standfirst\n\n"
        "The first paragraph is one sentence long and directly follows the headline.\n\n"
        "The second paragraph continues the story with more detail and more words in it."
    )
    article = text_to_article(text)
    assert article.dek == ""
    assert len(article.blocks) == 2


def test_menus_related_links_and_trailing_tags_are_chrome() -> None:
    text = (
        "Home\nNews\nSport\nCulture\n\n"
        "A Headline for the Test Story\n\n"
        "The only paragraph of the story says what it needs to say in one sentence.\n\n"
        "Related Stories\nAnother headline somewhere\nYet another story title\n\n"
        "Donald Trump\nVladimir Putin\nRussia"
    )
    article = text_to_article(text)
    assert article.title == "A Headline for the Test Story"
    assert kinds(article) == [("paragraph", "The only paragraph of the story says what it needs to say in one sentence.")]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Home"] == "navigation"
    assert reasons["Another headline somewhere"] == "related links"
    assert reasons["Russia"] in ("navigation", "related links", "footer")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Notes From the Meeting\n\n"
        "The committee met on Monday to discuss the budget for the coming year and\n"
        "agreed to postpone the vote until the finance office has published its own\n"
        "figures, which are expected at the end of the month.\n\n"
        "A second paragraph follows here and is short."
    )
    article = text_to_article(text)
    assert article.blocks[0].text.startswith("The committee met on Monday")
    assert article.blocks[0].text.endswith("at the end of the month.")
    assert len(article.blocks) == 2


def test_text_without_a_headline_keeps_every_paragraph() -> None:
    article = text_to_article("Just a note. It has two sentences.\n\nAnd a second paragraph.")
    assert article.title == ""
    assert kinds(article) == [("paragraph", "Just a note. It has two sentences."), ("paragraph", "And a second paragraph.")]


def test_a_single_short_line_is_kept() -> None:
    assert kinds(text_to_article("Hello world")) == [("paragraph", "Hello world")]


def test_no_kept_block_is_chrome(samples_dir) -> None:
    article = text_to_article((samples_dir / "slate-trump-russia.txt").read_text(encoding="utf-8"))
    assert [b.text for b in article.spoken_blocks if classify_line(b.text)] == []


def test_credit_phrases() -> None:
    for credit in ("Alexander Shcherbak/TASS/Getty Images", "Photo: Reuters", "(AP Photo/Evan Vucci)", "Getty Images"):
        assert classify_line(credit) == "photo credit", credit
    for prose in ("This development pleased Kremlin flacks.", "Trump Wants Russia to Interfere for Him Again"):
        assert classify_line(prose) is None


def test_a_whole_page_saved_as_text_keeps_only_the_article() -> None:
    """Menus, teaser headlines, a video player label and a footer blurb around the article are dropped;
    the headline is the one the byline follows, not the teaser above it."""
    text = (
        "International\n\nMarkets\n\nTech\n\n"
        "Wilbur Ross pledges not to intimidate climate scientists\n\n"
        "Microsoft unveils new, nicer chat bot\n\n"
        "The Birth Lottery and Economic Mobility\n\n"
        "by Ahiza Garcia February 1, 2016: 12:41 PM ET\n\n"
        "The priest saving LA's gang members\n\n"
        "The U.S. has long been heralded as a land of opportunity, a place where anyone can succeed regardless of background.\n\n"
        "But a new report released on Monday by Stanford University's Center on Poverty and Inequality calls that into question.\n\n"
        "The report assessed poverty levels, income and wealth inequality, economic mobility and unemployment levels among ten countries.\n\n"
        "Among its key findings: the class you're born into matters much more in the U.S. than in many of the other countries studied.\n\n"
        "The overall rankings of the countries were as follows:\n\n"
        "- Finland\n- Norway\n- United States\n\n"
        "The report concluded that the American safety net was ineffective because it provides only half the support it should.\n\n"
        "That is a sobering result.\n\n"
        "CNNMoney (New York) First published February 1, 2016: 1:28 AM ET\n\n"
        "Social Surge - What's Trending\n\n"
        "Citi mortgage units fined $28.8 million\n\n"
        "First low-cost Asian airline cleared for flights to the U.S.\n\n"
        "Most expensive cars from the Scottsdale collector car auctions\n\n"
        "Millions of job openings!\n\n"
        "Every morning.\n\n"
        "Start your day right with the latest news driving global markets, from major stock movers and key economic headlines.\n\n"
        "Most stock quote data provided by BATS. Market indices are shown in real time, except for the DJIA, which is delayed."
    )
    article = text_to_article(text)
    assert article.title == "The Birth Lottery and Economic Mobility"
    assert article.byline.startswith("by Ahiza Garcia")
    texts = [block.text for block in article.spoken_blocks]
    assert texts[0].startswith("The U.S. has long been heralded")
    assert texts[-1] == "That is a sobering result."
    assert ["Finland", "Norway", "United States"] == [b.text for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    outside = {r.text for r in article.removed if r.reason == "outside the article"}
    assert "The priest saving LA's gang members" in outside
    assert any(text.startswith("Start your day right") for text in outside)
