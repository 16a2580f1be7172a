// The player: reads the article block by block with server-made audio, highlights the sentence being
// heard, and never fights the listener's own tools. Rules it keeps:
// - nothing plays until asked; focus moves only on explicit commands ("Go to current paragraph",
//   "Back to where I am", heading/paragraph moves in screen-reader mode);
// - one polite status region says short state changes; the article text is never in a live region;
// - the next block is fetched while this one plays (two audio elements), so blocks follow without a gap;
// - a slow (neural) voice's block comes in parts of 1, 2, 4... sentences (web/audio.py), each its own
//   audio: the first sentence plays as soon as it is made, and the decks alternate over parts as over
//   blocks; a one-part block (espeak) is the whole block, as it always was.
import { Contents } from "./contents.js";
import { PositionBar } from "./position.js";
import { settings } from "./settings.js";
import { Shortcuts } from "./shortcuts.js";
import { WordHighlight } from "./words.js";
import { MoreMenu } from "./toolbar.js";

// Speeds: 0.5x to 4x in 0.05 steps on the Speed slider; Slower/Faster and [ ] move 0.25 (the usual
// step of VLC and podcast apps), to the next quarter. playbackRate scales the pauses inside the audio too.
const SPEED = { min: 0.5, max: 4, step: 0.05, buttonStep: 0.25 };
const START_PARAMETER = "start"; // ?start=1: open at the article's start (the queue's "previous track")
const PREVIOUS_TRACK_RESTART_S = 3; // previous track this far into the first paragraph restarts it
const SLOW_SYNTHESIS_MS = 1500; // say "Preparing audio" when a block takes longer than this
const AUTO_SCROLL_SETTLE_MS = 900; // scroll events this soon after our own scrolling are ours
const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");
const POSITION_SYNC_MS = 5000; // how often the place is sent to the library while it moves
const CONTINUE_PARAMETER = "continue"; // ?continue=1: the queue moved on to this article while playing

class Announcer {
  // The one polite status region. Repeating the same words must still be announced, so the text is
  // cleared first and set on the next frame.
  constructor(region) {
    this.region = region;
  }

  say(message) {
    this.region.textContent = "";
    window.requestAnimationFrame(() => {
      this.region.textContent = message;
    });
  }
}

class Deck {
  // One audio element and the block it holds. Two decks alternate: one plays, one is loaded ahead.
  constructor(element) {
    this.el = element;
    this.index = -1;
    this.part = 0; // which part of the block's audio (0 for a one-part block)
    this.voice = "";
    this.timings = null;
    this.ready = null;
  }

  holds(index, part, voice) {
    return this.index === index && this.part === part && this.voice === voice && this.ready !== null;
  }

  has(sentenceId) {
    // The sentence is in the audio this deck holds (its part of the block).
    return Boolean(this.timings && this.timings.sentences.some((s) => s.id === sentenceId));
  }

  clear() {
    this.el.pause();
    this.el.removeAttribute("src");
    this.el.load();
    this.index = -1;
    this.part = 0;
    this.timings = null;
    this.ready = null;
  }
}

function mediaReady(element) {
  // Resolves once the element can start playing; rejects if the audio could not be fetched/decoded.
  return new Promise((resolve, reject) => {
    if (element.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) {
      resolve();
      return;
    }
    const done = () => {
      element.removeEventListener("canplay", done);
      element.removeEventListener("error", failed);
      resolve();
    };
    const failed = () => {
      element.removeEventListener("canplay", done);
      element.removeEventListener("error", failed);
      reject(new Error("The audio for this part could not be loaded."));
    };
    element.addEventListener("canplay", done);
    element.addEventListener("error", failed);
  });
}

function newer(one, other) {
  if (!one || !other) return one || other;
  return (other.saved || 0) > (one.saved || 0) ? other : one;
}

class PositionSync {
  // Sends the place to the library at most every POSITION_SYNC_MS, and at once when the page goes away
  // (keepalive lets that last request outlive the page). A failure is not the listener's problem:
  // the browser's own copy stays.
  constructor(url, token) {
    this.url = url;
    this.token = token;
    this.pending = null;
    this.timer = 0;
  }

  save(sentenceId, now) {
    this.pending = { sentence: sentenceId, saved: Date.now() };
    if (now) {
      this.flush(true);
    } else if (!this.timer) {
      this.timer = window.setTimeout(() => this.flush(false), POSITION_SYNC_MS);
    }
  }

  flush(keepalive) {
    window.clearTimeout(this.timer);
    this.timer = 0;
    if (!this.pending || !this.url) return;
    const body = JSON.stringify(this.pending);
    this.pending = null;
    fetch(this.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": this.token },
      body,
      keepalive,
      credentials: "same-origin",
    }).catch(() => {});
  }
}

function blockOf(element) {
  return element ? element.closest("[data-speak]") : null;
}

class Player {
  constructor(root, article) {
    this.root = root;
    this.article = article;
    this.articleId = root.dataset.articleId;
    this.audioBase = root.dataset.audioBase;
    this.audioExt = root.dataset.audioExt;
    this.lang = article.lang || "";
    this.blocks = this.readBlocks();
    this.headings = this.blocks.filter((block) => block.kind === "heading");
    this.status = new Announcer(document.getElementById("status"));
    this.playButton = document.getElementById("play");
    this.backButton = document.getElementById("back-to");
    this.voiceSelect = document.getElementById("voice");
    this.sleepSelect = document.getElementById("sleep");
    this.decks = [this.makeDeck(), this.makeDeck()];
    this.positionSync = new PositionSync(root.dataset.positionUrl, root.dataset.csrfToken);
    this.current = this.decks[0];
    this.timingRequests = new Map();
    this.plans = new Map(); // voice + block index -> each part of its audio as [first, end) sentence indexes
    this.partDurations = new Map(); // voice + block index -> each part's duration_ms, as they are made
    this.target = null; // the block playFrom is starting and a promise of the timings it will play
    this.words = new WordHighlight(this); // the word being heard, and play-from-a-word clicks
    this.index = 0;
    this.sentenceId = "";
    this.playing = false;
    this.wantsPlay = false; // a play request is on its way (loading audio)
    this.resumeExactly = false; // paused without moving: carry on at the very same time
    this.generation = 0; // bumps on every navigation, so a slow load that lost the race is dropped
    this.following = true;
    this.autoScrollUntil = 0;
    this.sleepTimer = 0;
    this.frameLoop = false; // the highlight loop is running
    this.finished = false; // played to the end: Play starts again from the top
    this.speed = clampSpeed(settings.speed());
    this.speedInput = document.getElementById("speed");
    this.position = new PositionBar(this.blocks, (index) => this.seekTo(index));
  }

  readBlocks() {
    return [...this.article.querySelectorAll("[data-speak]")].map((el, index) => ({
      index,
      id: el.id,
      el,
      kind: el.dataset.kind,
      number: Number(el.dataset.number),
      // a list item holds nested items: their sentences belong to them, not to it
      sentences: [...el.querySelectorAll(".s")].filter((s) => blockOf(s) === el).map((s) => s.id),
    }));
  }

  makeDeck() {
    const element = document.createElement("audio");
    element.preload = "auto";
    element.preservesPitch = true;
    element.className = "deck";
    this.root.append(element);
    const deck = new Deck(element);
    element.addEventListener("ended", () => this.onEnded(deck));
    element.addEventListener("playing", () => this.onPlaying(deck));
    element.addEventListener("timeupdate", () => {
      if (deck === this.current) this.showPosition();
    });
    return deck;
  }

  // ---- set-up -------------------------------------------------------------------------------

  start() {
    document.body.classList.toggle("no-highlight", !settings.highlight());
    document.getElementById("highlight").setAttribute("aria-pressed", String(settings.highlight()));
    this.voiceSelect.value = settings.voice(this.lang);
    if (this.voiceSelect.selectedIndex < 0) this.voiceSelect.value = "";
    this.showSpeed();
    this.restorePosition();
    this.showPosition();
    this.setScreenReaderMode(settings.screenReaderMode(), { announce: false });
    this.voiceSelect.addEventListener("change", () => this.changeVoice());
    this.speedInput.addEventListener("input", () => this.setSpeed(Number(this.speedInput.value), { announce: false }));
    this.sleepSelect.addEventListener("change", () => this.setSleepTimer());
    window.addEventListener("scroll", () => this.onScroll(), { passive: true });
    window.addEventListener("pagehide", () => this.savePosition({ now: true }));
    this.setUpMediaSession();
    this.continueFromQueue();
    this.root.hidden = false;
    document.body.classList.add("player-ready"); // shows the "play from here" buttons (readaloud.css)
    this.trackPlayerHeight();
  }

  trackPlayerHeight() {
    // scroll-padding-top follows the sticky player's real height, so focus is never hidden under it.
    const update = () =>
      document.documentElement.style.setProperty("--toolbar-height", `${this.root.offsetHeight}px`);
    new ResizeObserver(update).observe(this.root);
    update();
  }

  restorePosition() {
    const saved = this.startsAtTop() ? null : newer(settings.position(this.articleId), this.serverPosition());
    const sentence = saved && document.getElementById(saved.sentence);
    const block = blockOf(sentence);
    if (!block) {
      this.index = 0;
      this.sentenceId = this.blocks.length ? this.blocks[0].sentences[0] || "" : "";
      return;
    }
    const index = this.blocks.findIndex((b) => b.el === block);
    this.following = false; // no smooth scrolling on arrival: jump there at once
    this.moveTo(index, sentence.id);
    this.following = true;
    this.scrollToCurrent("auto");
    this.status.say(`Continuing from paragraph ${this.blocks[index].number} of ${this.blocks.length}. Press Play to listen.`);
  }

  setUpMediaSession() {
    if (!("mediaSession" in navigator)) return;
    const handlers = {
      play: () => this.play(),
      pause: () => this.pause(),
      previoustrack: () => this.previousTrack(),
      nexttrack: () => this.nextBlock(),
      seekbackward: () => this.previousSentence(),
      seekforward: () => this.nextSentence(),
    };
    for (const [action, handler] of Object.entries(handlers)) {
      try {
        navigator.mediaSession.setActionHandler(action, handler);
      } catch {
        // this browser does not know the action
      }
    }
    if ("MediaMetadata" in window) {
      navigator.mediaSession.metadata = new MediaMetadata({
        title: this.root.dataset.title,
        artist: this.root.dataset.site || "readaloud",
      });
    }
  }

  // ---- audio ---------------------------------------------------------------------------------

  get voice() {
    return this.voiceSelect.value;
  }

  blockUrl(index, ext, part) {
    const query = new URLSearchParams();
    if (this.voice) query.set("voice", this.voice);
    if (part !== undefined) query.set("part", String(part));
    const search = query.toString() ? `?${query}` : "";
    return `${this.audioBase}${encodeURIComponent(this.blocks[index].id)}.${ext}${search}`;
  }

  planKey(index) {
    return `${this.voice}\n${index}`;
  }

  timingsFor(index, part) {
    // One part's timings. Without a part (words.js): the timings of what playFrom is starting there.
    if (part === undefined) {
      if (this.target && this.target.index === index) return this.target.timings;
      part = 0;
    }
    const url = this.blockUrl(index, "json", part);
    if (!this.timingRequests.has(url)) {
      const key = this.planKey(index);
      const request = fetch(url).then(async (response) => {
        const body = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(body.error || "The audio for this part could not be made.");
        this.plans.set(key, body.parts);
        this.learnPart(key, index, body);
        return body;
      });
      request.catch(() => this.timingRequests.delete(url));
      this.timingRequests.set(url, request);
    }
    return this.timingRequests.get(url);
  }

  learnPart(key, index, timings) {
    // The block's duration is known once every part of it has been made.
    const durations = this.partDurations.get(key) || timings.parts.map(() => null);
    durations[timings.part] = timings.duration_ms;
    this.partDurations.set(key, durations);
    if (durations.every((d) => d !== null)) this.position.timeline.learn(index, durations.reduce((a, b) => a + b, 0));
  }

  async partFor(index, sentenceId) {
    // The part of the block's audio that holds the sentence: the first part holds the first sentence;
    // for any other, the block's plan (asked once, without making any audio).
    const key = this.planKey(index);
    if (!this.plans.has(key)) {
      const first = this.blocks[index].sentences[0] || "";
      if (!sentenceId || sentenceId === first) return 0;
      const query = this.voice ? `?voice=${encodeURIComponent(this.voice)}` : "";
      const response = await fetch(`${this.audioBase}${encodeURIComponent(this.blocks[index].id)}/parts.json${query}`);
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error || "The audio for this part could not be made.");
      this.plans.set(key, body.parts);
    }
    return this.knownPart(index, sentenceId);
  }

  knownPart(index, sentenceId) {
    // partFor without waiting, when the answer is known already (else null).
    const plan = this.plans.get(this.planKey(index));
    const sentences = this.blocks[index].sentences;
    if (!plan) return !sentenceId || sentenceId === (sentences[0] || "") ? 0 : null;
    const at = sentences.indexOf(sentenceId);
    return Math.max(0, plan.findIndex(([first, end]) => at >= first && at < end));
  }

  partStartMs(deck) {
    // Where the deck's part starts in its block: the parts before it added up once they are all known,
    // else estimated from the words before its first sentence.
    if (!deck.part || !deck.timings) return 0;
    const durations = this.partDurations.get(`${deck.voice}\n${deck.index}`) || [];
    const before = durations.slice(0, deck.part);
    if (before.length === deck.part && before.every((d) => d !== null && d !== undefined)) return before.reduce((a, b) => a + b, 0);
    return this.position.timeline.sentenceOffset(deck.index, deck.timings.parts[deck.part][0]);
  }

  nextTrack(deck) {
    // What plays after the deck's audio: its block's next part, else the next block's first part.
    const parts = deck.timings ? deck.timings.parts : [];
    if (deck.part + 1 < parts.length) {
      const sentence = this.blocks[deck.index].sentences[parts[deck.part + 1][0]] || "";
      return { index: deck.index, part: deck.part + 1, sentence };
    }
    const index = deck.index + 1;
    return { index, part: 0, sentence: index < this.blocks.length ? this.blocks[index].sentences[0] || "" : "" };
  }

  load(deck, index, part = 0) {
    // Audio and timings are asked for at once: the server makes the part once and answers both.
    deck.index = index;
    deck.part = part;
    deck.voice = this.voice;
    deck.timings = null;
    deck.el.src = this.blockUrl(index, this.audioExt, part);
    deck.el.load();
    deck.el.defaultPlaybackRate = this.speed;
    deck.el.playbackRate = this.speed;
    deck.ready = Promise.all([this.timingsFor(index, part), mediaReady(deck.el)]).then(([timings]) => {
      deck.timings = timings;
    });
    deck.ready.catch(() => {
      if (deck.index === index && deck.part === part) deck.ready = null;
    });
    return deck.ready;
  }

  other(deck) {
    return deck === this.decks[0] ? this.decks[1] : this.decks[0];
  }

  sentenceStart(deck, sentenceId) {
    const mark = deck.timings && deck.timings.sentences.find((s) => s.id === sentenceId);
    return mark ? mark.start_ms / 1000 : 0;
  }

  async playFrom(index, sentenceId) {
    // Start (or restart) audio at a sentence: reuse the deck that already holds the block if any.
    const generation = ++this.generation;
    this.finished = false;
    this.wantsPlay = true;
    this.resumeExactly = false;
    this.moveTo(index, sentenceId);
    let settle = null;
    const timings = new Promise((resolve) => { settle = resolve; });
    this.target = { index, timings };
    const slow = window.setTimeout(() => this.status.say("Preparing audio…"), SLOW_SYNTHESIS_MS);
    let deck = null;
    try {
      const known = this.knownPart(index, sentenceId);
      const part = known === null ? await this.partFor(index, sentenceId) : known;
      if (generation !== this.generation) return;
      deck = [this.current, this.other(this.current)].find((d) => d.holds(index, part, this.voice));
      for (const d of this.decks) if (d !== deck) d.el.pause();
      if (!deck) {
        deck = this.current;
        this.load(deck, index, part);
      }
      this.current = deck;
      this.showPosition();
      await deck.ready;
    } catch (error) {
      if (generation === this.generation) this.failed(error);
      return;
    } finally {
      window.clearTimeout(slow);
      settle(deck && deck.timings);
    }
    if (generation !== this.generation || !this.wantsPlay) return;
    deck.el.currentTime = this.sentenceStart(deck, sentenceId);
    deck.el.playbackRate = this.speed;
    try {
      await deck.el.play();
    } catch (error) {
      if (generation === this.generation) this.failed(error);
    }
  }

  failed(error) {
    // A play() cut short by the listener's own pause (AbortError) is not a failure.
    if (error.name === "AbortError" && !this.wantsPlay) return;
    this.playing = false;
    this.wantsPlay = false;
    this.showPlayState();
    this.status.say(`${error.message} Press Play to try again.`);
  }

  onPlaying(deck) {
    // A "playing" event queued before a pause can arrive after it: the pause wins.
    if (deck !== this.current || !this.wantsPlay || deck.el.paused) return;
    const wasPlaying = this.playing;
    this.playing = true;
    this.showPlayState();
    if (!wasPlaying) this.status.say(this.arrival || "Playing");
    this.arrival = "";
    this.prefetchNext();
    if (!this.frameLoop) this.followAudio();
  }

  prefetchNext() {
    // The spare deck loads what comes next; while a block's later parts are still to come, the next
    // block's first part is asked for too, so the server makes it between this block's parts.
    const next = this.nextTrack(this.current);
    const spare = this.other(this.current);
    if (next.index < this.blocks.length && !spare.holds(next.index, next.part, this.voice)) this.load(spare, next.index, next.part);
    const following = this.current.index + 1;
    if (next.index === this.current.index && following < this.blocks.length) this.timingsFor(following, 0).catch(() => {});
  }

  onEnded(deck) {
    if (deck !== this.current) return;
    const { index: next, part, sentence } = this.nextTrack(deck);
    if (next >= this.blocks.length) {
      // The view stays at the end; the next Play starts again from the top.
      this.playing = false;
      this.wantsPlay = false;
      this.finished = true;
      this.showPlayState();
      this.markHeard();
      if (!this.goToNextInQueue({ playing: true })) this.status.say("End of the article");
      return;
    }
    const spare = this.other(deck);
    if (spare.holds(next, part, this.voice) && spare.timings && spare.el.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) {
      // The gapless path: the next part or block is loaded, so it starts in this very event.
      this.current = spare;
      spare.el.currentTime = 0;
      spare.el.playbackRate = this.speed;
      spare.el.play().catch((error) => this.failed(error));
      if (sentence !== this.sentenceId || next !== this.index) this.moveTo(next, sentence);
      this.showPosition();
      return;
    }
    this.playFrom(next, sentence);
  }

  followAudio() {
    // Move the highlight with the audio, once a frame while playing (one loop, however many
    // "playing" events seeking causes).
    const deck = this.current;
    this.frameLoop = this.playing && !deck.el.paused && deck.timings !== null;
    if (!this.frameLoop) return;
    const now = deck.el.currentTime * 1000;
    let id = "";
    for (const mark of deck.timings.sentences) {
      if (mark.start_ms <= now) id = mark.id;
      else break;
    }
    if (id && (id !== this.sentenceId || deck.index !== this.index)) this.moveTo(deck.index, id);
    this.words.follow(deck.el.currentTime, deck.timings);
    window.requestAnimationFrame(() => this.followAudio());
  }

  play() {
    if (!this.blocks.length || this.screenReaderMode) return;
    if (this.finished) {
      this.finished = false;
      this.playFrom(0, this.blocks[0].sentences[0] || "");
      return;
    }
    if (this.resumeExactly && this.current.holds(this.index, this.current.part, this.voice)) {
      this.wantsPlay = true;
      this.resumeExactly = false;
      this.current.el.play().catch((error) => this.failed(error));
      return;
    }
    this.playFrom(this.index, this.sentenceId || this.blocks[this.index].sentences[0] || "");
  }

  pause({ announce = true } = {}) {
    const wasActive = this.playing || this.wantsPlay;
    this.wantsPlay = false;
    this.playing = false;
    for (const deck of this.decks) deck.el.pause();
    this.resumeExactly = true;
    this.showPlayState();
    this.savePosition({ now: true });
    if (announce && wasActive) this.status.say("Paused");
  }

  toggle() {
    if (this.playing || this.wantsPlay) this.pause();
    else this.play();
  }

  showPlayState() {
    const active = this.playing || this.wantsPlay;
    this.playButton.querySelector(".label").textContent = active ? "Pause" : "Play";
    this.playButton.querySelector(".icon").textContent = active ? "❚❚" : "▶";
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = active ? "playing" : "paused";
  }

  // ---- position and highlight ----------------------------------------------------------------

  moveTo(index, sentenceId) {
    const previousBlock = this.blocks[this.index];
    const previousSentence = this.sentenceId && document.getElementById(this.sentenceId);
    if (previousSentence) previousSentence.removeAttribute("aria-current");
    if (previousBlock) previousBlock.el.classList.remove("current");
    this.index = index;
    this.sentenceId = sentenceId;
    const block = this.blocks[index];
    block.el.classList.add("current");
    const sentence = sentenceId && document.getElementById(sentenceId);
    if (sentence) sentence.setAttribute("aria-current", "true");
    this.words.sentenceChanged(sentenceId);
    this.savePosition();
    if (this.following) this.scrollToCurrent();
  }

  savePosition({ now = false } = {}) {
    if (!this.sentenceId) return;
    settings.savePosition(this.articleId, this.sentenceId);
    this.positionSync.save(this.sentenceId, now);
  }

  serverPosition() {
    // The library's copy (web/positions.py), rendered into the page: it outlives a cleared browser.
    const { savedSentence, savedAt } = this.root.dataset;
    return savedSentence ? { sentence: savedSentence, saved: Number(savedAt) || 0 } : null;
  }

  currentElement() {
    return (this.sentenceId && document.getElementById(this.sentenceId)) || this.blocks[this.index].el;
  }

  isInView(element) {
    const box = element.getBoundingClientRect();
    return box.top >= this.root.offsetHeight && box.bottom <= window.innerHeight;
  }

  scrollToCurrent(behavior) {
    const element = this.currentElement();
    if (this.isInView(element)) return;
    this.autoScrollUntil = performance.now() + AUTO_SCROLL_SETTLE_MS;
    const smooth = !REDUCED_MOTION.matches && behavior !== "auto";
    element.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
  }

  onScroll() {
    // The listener scrolled away from the sentence being read: stop following and offer the way back.
    if (performance.now() < this.autoScrollUntil || !this.sentenceId) return;
    const visible = this.isInView(this.currentElement());
    if (visible === this.following) return;
    this.following = visible;
    this.backButton.hidden = visible;
  }

  backToPosition() {
    this.following = true;
    this.backButton.hidden = true;
    this.scrollToCurrent();
    this.focusBlock(this.blocks[this.index]);
  }

  goToCurrent() {
    this.focusBlock(this.blocks[this.index]);
  }

  focusBlock(block) {
    // Explicit commands only: the listener asked to go there.
    if (!block.el.hasAttribute("tabindex")) block.el.setAttribute("tabindex", "-1");
    block.el.focus({ preventScroll: false });
  }

  // ---- navigation ----------------------------------------------------------------------------

  go(index, sentenceId, message) {
    this.finished = false;
    // Move to a block (and sentence): playing carries on from there; paused just moves the place.
    if (index < 0 || index >= this.blocks.length) {
      this.status.say(index < 0 ? "Start of the article" : "End of the article");
      return;
    }
    const target = sentenceId || this.blocks[index].sentences[0] || "";
    this.following = true;
    this.backButton.hidden = true;
    if (this.screenReaderMode) {
      this.moveTo(index, target);
      this.focusBlock(this.blocks[index]);
      return;
    }
    if (this.playing || this.wantsPlay) {
      if (index === this.current.index && this.current.has(target)) {
        this.moveTo(index, target);
        this.current.el.currentTime = this.sentenceStart(this.current, target);
      } else {
        this.playFrom(index, target);
      }
    } else {
      this.resumeExactly = false;
      this.moveTo(index, target);
    }
    this.showPosition();
    if (message) this.status.say(message);
  }

  seekTo(index) {
    // From the Position slider: its new value says where, so the status region stays quiet.
    if (index !== this.index) this.go(index, "", "");
  }

  showPosition() {
    // The slider and the times: the audio's own clock when it holds this block, else the sentence's start.
    if (!this.blocks.length) return;
    const deck = this.current;
    const block = this.blocks[this.index];
    let within = this.position.timeline.sentenceOffset(this.index, block.sentences.indexOf(this.sentenceId));
    if (deck.index === this.index && deck.timings && (deck.has(this.sentenceId) || this.playing || this.resumeExactly)) {
      const inPart = this.playing || this.resumeExactly ? deck.el.currentTime * 1000 : this.sentenceStart(deck, this.sentenceId) * 1000;
      within = this.partStartMs(deck) + inPart;
    }
    this.position.show(this.index, within, this.speed);
  }

  referenceIndex() {
    // In screen-reader mode "next" starts from where focus is, if it is in the article.
    if (this.screenReaderMode) {
      const focused = blockOf(document.activeElement);
      const index = this.blocks.findIndex((b) => b.el === focused);
      if (index >= 0) return index;
    }
    return this.index;
  }

  markHeard() {
    // The end of the article: heard, in the library's record of this reader (web/queue.py).
    const url = this.root.dataset.heardUrl;
    if (!url) return;
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": this.root.dataset.csrfToken },
      body: new URLSearchParams({ article: this.articleId, heard: "1" }),
      credentials: "same-origin",
      keepalive: true,
    }).catch(() => {});
  }

  previousTrack() {
    // The "previous track" media key: at the very start of the article, the previous one in the queue.
    const first = this.blocks.length ? this.blocks[0].sentences[0] || "" : "";
    const heard = (this.partStartMs(this.current) / 1000) + this.current.el.currentTime;
    const early = this.playing ? heard < PREVIOUS_TRACK_RESTART_S : this.sentenceId === first;
    const atStart = this.index === 0 && early;
    if (atStart && this.goToPreviousInQueue({ playing: this.playing || this.wantsPlay })) return;
    if (this.index === 0) this.go(0, "", this.blockMessage(0));
    else this.previousBlock();
  }

  goToPreviousInQueue({ playing }) {
    // It opens at its start (not where it was left, usually its end), playing on if this was playing.
    const previous = this.root.dataset.previousUrl;
    if (!previous || this.screenReaderMode) return false;
    this.savePosition({ now: true });
    const query = new URLSearchParams({ [START_PARAMETER]: "1" });
    if (playing) query.set(CONTINUE_PARAMETER, "1");
    window.location.assign(`${previous}?${query}`);
    return true;
  }

  startsAtTop() {
    return new URL(window.location.href).searchParams.has(START_PARAMETER);
  }

  goToNextInQueue({ playing }) {
    // On to the next article of the listener's queue, playing on if it was playing; the next page
    // says where the listener is ("From your queue: ...").
    const next = this.root.dataset.nextUrl;
    if (!next || this.screenReaderMode) return false;
    this.savePosition({ now: true });
    window.location.assign(playing ? `${next}?${CONTINUE_PARAMETER}=1` : next);
    return true;
  }

  continueFromQueue() {
    // Arrived from the end of the previous article in the queue: listening carries on here.
    const url = new URL(window.location.href);
    const arrived = url.searchParams.has(CONTINUE_PARAMETER);
    url.searchParams.delete(START_PARAMETER);
    url.searchParams.delete(CONTINUE_PARAMETER);
    window.history.replaceState(null, "", url);
    if (!arrived) return;
    this.arrival = `From your queue: ${this.root.dataset.title}`; // said once the audio starts
    this.status.say(this.arrival);
    this.play();
  }

  goToHeading(index) {
    // From the contents: go there and put focus on it (the listener asked to move there).
    const position = this.headings.findIndex((h) => h.index === index) + 1;
    this.go(index, "", position ? `Heading ${position} of ${this.headings.length}` : this.blockMessage(index));
    this.focusBlock(this.blocks[index]);
  }

  blockMessage(index) {
    return `Paragraph ${this.blocks[index].number} of ${this.blocks.length}`;
  }

  nextBlock() {
    const index = this.referenceIndex() + 1;
    if (index >= this.blocks.length && this.goToNextInQueue({ playing: this.playing || this.wantsPlay })) return;
    this.go(index, "", index < this.blocks.length ? this.blockMessage(index) : "");
  }

  previousBlock() {
    const index = this.referenceIndex() - 1;
    this.go(index, "", index >= 0 ? this.blockMessage(index) : "");
  }

  firstBlock() {
    this.go(0, "", this.blockMessage(0));
  }

  lastBlock() {
    const index = this.blocks.length - 1;
    this.go(index, "", this.blockMessage(index));
  }

  headingMove(step) {
    const from = this.referenceIndex();
    const candidates = step > 0 ? this.headings.filter((h) => h.index > from) : this.headings.filter((h) => h.index < from).reverse();
    const target = candidates[0];
    if (!target) {
      this.status.say(step > 0 ? "No more headings" : "No earlier heading");
      return;
    }
    const position = this.headings.indexOf(target) + 1;
    this.go(target.index, "", `Heading ${position} of ${this.headings.length}`);
  }

  nextHeading() {
    this.headingMove(1);
  }

  previousHeading() {
    this.headingMove(-1);
  }

  sentenceMove(step) {
    const block = this.blocks[this.index];
    const here = block.sentences.indexOf(this.sentenceId);
    const within = here + step;
    if (within >= 0 && within < block.sentences.length) {
      this.go(this.index, block.sentences[within], this.playing ? "" : `Sentence ${within + 1} of ${block.sentences.length}`);
      return;
    }
    const index = this.index + step;
    if (index < 0 || index >= this.blocks.length) {
      this.status.say(index < 0 ? "Start of the article" : "End of the article");
      return;
    }
    const sentences = this.blocks[index].sentences;
    this.go(index, step > 0 ? sentences[0] : sentences[sentences.length - 1], this.playing ? "" : this.blockMessage(index));
  }

  nextSentence() {
    this.sentenceMove(1);
  }

  previousSentence() {
    this.sentenceMove(-1);
  }

  playFromBlock(blockId) {
    const index = this.blocks.findIndex((b) => b.id === blockId);
    if (index < 0) return;
    this.following = true;
    this.backButton.hidden = true;
    this.playFrom(index, this.blocks[index].sentences[0] || "");
  }

  // ---- settings ------------------------------------------------------------------------------

  setSpeed(value, { announce = true } = {}) {
    // Both decks at once: the one loaded ahead starts at the same speed. The Speed slider speaks its
    // own new value, so it asks for no announcement.
    const speed = clampSpeed(value);
    this.speed = speed;
    for (const deck of this.decks) {
      deck.el.defaultPlaybackRate = speed;
      deck.el.playbackRate = speed;
    }
    settings.saveSpeed(speed);
    this.showSpeed();
    this.showPosition();
    if (announce) this.status.say(speed === 1 ? "Normal speed" : `Speed ${speed} times`);
  }

  showSpeed() {
    const text = `${this.speed}×`;
    document.getElementById("speed-value").textContent = text;
    document.getElementById("speed-fine-value").textContent = text;
    if (Number(this.speedInput.value) !== this.speed) this.speedInput.value = String(this.speed);
    this.speedInput.setAttribute("aria-valuetext", `${this.speed} times`);
  }

  slower() {
    if (this.speed <= SPEED.min) this.status.say(`Slowest speed, ${this.speed} times`);
    else this.setSpeed(quarterStep(this.speed, -1));
  }

  faster() {
    if (this.speed >= SPEED.max) this.status.say(`Fastest speed, ${this.speed} times`);
    else this.setSpeed(quarterStep(this.speed, 1));
  }

  changeVoice() {
    settings.saveVoice(this.lang, this.voice);
    const wasPlaying = this.playing || this.wantsPlay;
    for (const deck of this.decks) deck.clear();
    if (wasPlaying) this.playFrom(this.index, this.sentenceId);
    const name = this.voiceSelect.selectedOptions[0].textContent;
    this.status.say(`Voice: ${name}`);
  }

  setSleepTimer() {
    window.clearTimeout(this.sleepTimer);
    const minutes = Number(this.sleepSelect.value);
    if (!minutes) {
      this.status.say("Sleep timer off");
      return;
    }
    this.sleepTimer = window.setTimeout(() => {
      this.pause({ announce: false });
      this.sleepSelect.value = "0";
      this.status.say("Sleep timer ended: paused");
    }, minutes * 60 * 1000);
    this.status.say(`Sleep timer: pausing in ${minutes} minutes`);
  }

  toggleHighlight() {
    const on = document.body.classList.contains("no-highlight");
    document.body.classList.toggle("no-highlight", !on);
    document.getElementById("highlight").setAttribute("aria-pressed", String(on));
    settings.saveHighlight(on);
    this.status.say(on ? "Highlight on" : "Highlight off");
  }

  get screenReaderMode() {
    return document.body.classList.contains("screen-reader-mode");
  }

  setScreenReaderMode(on, { announce = true } = {}) {
    if (on) this.pause({ announce: false });
    document.body.classList.toggle("screen-reader-mode", on);
    document.getElementById("sr-mode").setAttribute("aria-pressed", String(on));
    settings.saveScreenReaderMode(on);
    if (announce) {
      this.status.say(on
        ? "Screen reader mode: no audio from the player; paragraph and heading buttons move focus"
        : "Player audio on");
    }
  }

  toggleScreenReaderMode() {
    this.setScreenReaderMode(!this.screenReaderMode);
  }

  focusControls() {
    const target = this.screenReaderMode ? document.getElementById("next-block") : this.playButton;
    target.focus();
  }
}

function clampSpeed(value) {
  // Any stored or typed value to the nearest 0.05 step within 0.5x-4x; rounded so 1.1 is 1.1, not 1.1000000000000001.
  const number = Number(value);
  if (!Number.isFinite(number)) return 1;
  const stepped = Math.round(number / SPEED.step) * SPEED.step;
  return Math.round(Math.min(SPEED.max, Math.max(SPEED.min, stepped)) * 100) / 100;
}

function quarterStep(speed, direction) {
  // The next quarter up or down: 1.05 -> 1.25 faster, 1 slower.
  const quarters = speed / SPEED.buttonStep;
  const next = direction > 0 ? Math.floor(quarters + 1e-9) + 1 : Math.ceil(quarters - 1e-9) - 1;
  return clampSpeed(next * SPEED.buttonStep);
}

function wireButtons(player, shortcuts) {
  const actions = shortcutsActions(player, shortcuts);
  player.root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });
  player.article.addEventListener("click", (event) => {
    const button = event.target.closest("button.from-here");
    if (button) player.playFromBlock(button.dataset.block);
  });
  new MoreMenu(player.root).start();
  return actions;
}

function shortcutsActions(player, shortcuts) {
  // Every action a button, a key or a media key can ask for, by name (keys.js uses these names).
  const names = [
    "toggle", "previousSentence", "nextSentence", "previousBlock", "nextBlock", "firstBlock", "lastBlock",
    "previousHeading", "nextHeading", "slower", "faster", "toggleHighlight", "goToCurrent", "backToPosition",
    "toggleScreenReaderMode", "focusControls",
  ];
  const actions = Object.fromEntries(names.map((name) => [name, () => player[name]()]));
  actions.openHelp = () => shortcuts.openHelp();
  return actions;
}

function main() {
  const root = document.getElementById("player");
  const article = document.getElementById("article");
  if (!root || !article) return;
  const player = new Player(root, article);
  const shortcuts = new Shortcuts(root);
  const contents = new Contents(player);
  const actions = wireButtons(player, shortcuts);
  actions.openContents = () => contents.open();
  shortcuts.start(actions);
  player.start();
  window.readaloudPlayer = player; // for the browser tests and the benchmark to observe, not to drive
}

main();
