// Where the listener is, in time and in paragraphs: the Position slider with the elapsed and remaining
// time beside it. A block's duration is known once its audio has been made (the timings' duration_ms);
// until then it is estimated from its words at the pace measured on the blocks already made, so the
// times firm up as the listener goes, without saying so.

// Words a minute assumed before any block has been made: espeak-ng's default rate is 175 (its
// documentation, `espeak-ng --help`, "-s <integer> Speed in approximate words per minute. The default is 175").
const GUESSED_WORDS_PER_MINUTE = 175;
const MS_PER_MINUTE = 60_000;

// The slider's keys (WAI-ARIA APG slider pattern): each moves by paragraphs, the slider's unit.
const SLIDER_STEPS = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageDown: 5,
  PageUp: -5,
};

function wordCount(text) {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  return words.length;
}

function clock(ms) {
  // 75 s -> "1:15"; an hour or more -> "1:02:03"
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

export class Timeline {
  // Every block's duration at normal speed: measured when made, estimated before.
  constructor(blocks) {
    this.sentenceWords = blocks.map((block) =>
      block.sentences.map((id) => wordCount((document.getElementById(id) || { textContent: "" }).textContent)));
    this.words = this.sentenceWords.map((counts) => Math.max(1, counts.reduce((a, b) => a + b, 0)));
    this.known = blocks.map(() => null);
  }

  learn(index, durationMs) {
    if (durationMs > 0 && index >= 0 && index < this.known.length) this.known[index] = durationMs;
  }

  msPerWord() {
    let ms = 0;
    let words = 0;
    this.known.forEach((duration, index) => {
      if (duration === null) return;
      ms += duration;
      words += this.words[index];
    });
    return words ? ms / words : MS_PER_MINUTE / GUESSED_WORDS_PER_MINUTE;
  }

  duration(index) {
    return this.known[index] ?? this.words[index] * this.msPerWord();
  }

  startOf(index) {
    let ms = 0;
    for (let i = 0; i < index; i += 1) ms += this.duration(i);
    return ms;
  }

  total() {
    return this.startOf(this.known.length);
  }

  sentenceOffset(index, sentence) {
    // How far into its block a sentence starts, estimated from the words before it.
    const before = this.sentenceWords[index].slice(0, Math.max(0, sentence)).reduce((a, b) => a + b, 0);
    return (before / this.words[index]) * this.duration(index);
  }

  indexAt(fraction) {
    // The block playing at this fraction of the whole article.
    const target = Math.min(Math.max(fraction, 0), 1) * this.total();
    let start = 0;
    for (let i = 0; i < this.known.length; i += 1) {
      start += this.duration(i);
      if (target < start) return i;
    }
    return this.known.length - 1;
  }
}

export class PositionBar {
  // The slider (role=slider, one step a paragraph) and the two times. onSeek(index) moves the player.
  constructor(blocks, onSeek) {
    this.timeline = new Timeline(blocks);
    this.count = blocks.length;
    this.onSeek = onSeek;
    this.slider = document.getElementById("position");
    this.elapsed = document.querySelector("#elapsed .value");
    this.remaining = document.querySelector("#remaining .value");
    this.index = 0;
    this.dragging = false;
    this.slider.setAttribute("aria-valuemax", String(Math.max(1, this.count)));
    this.slider.addEventListener("keydown", (event) => this.onKey(event));
    this.slider.addEventListener("pointerdown", (event) => this.onPointerDown(event));
    this.slider.addEventListener("pointermove", (event) => this.onPointerMove(event));
    this.slider.addEventListener("pointerup", (event) => this.onPointerUp(event));
    this.slider.addEventListener("pointercancel", () => { this.dragging = false; });
  }

  show(index, withinMs, speed) {
    // The place at `index`, `withinMs` into its block, with times at the listener's speed.
    if (this.dragging || !this.count) return;
    this.index = index;
    const total = this.timeline.total();
    const done = Math.min(this.timeline.startOf(index) + Math.max(0, withinMs), total);
    this.elapsed.textContent = clock(done / speed);
    this.remaining.textContent = `−${clock((total - done) / speed)}`;
    this.mark(index, total ? done / total : 0, total / speed, done / speed);
  }

  mark(index, fraction, totalMs, doneMs) {
    const minutes = Math.max(1, Math.ceil(totalMs / MS_PER_MINUTE));
    const minute = Math.min(minutes, Math.floor(doneMs / MS_PER_MINUTE) + 1);
    const text = `minute ${minute} of ${minutes}, paragraph ${index + 1} of ${this.count}`;
    // Only real changes are written: a screen reader speaks a focused slider's every new value.
    if (this.slider.getAttribute("aria-valuetext") !== text) {
      this.slider.setAttribute("aria-valuenow", String(index + 1));
      this.slider.setAttribute("aria-valuetext", text);
    }
    this.slider.style.setProperty("--done", `${(fraction * 100).toFixed(2)}%`);
  }

  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    let target = null;
    if (event.key in SLIDER_STEPS) target = this.index + SLIDER_STEPS[event.key];
    else if (event.key === "Home") target = 0;
    else if (event.key === "End") target = this.count - 1;
    if (target === null) return;
    event.preventDefault(); // the toolbar's own arrow keys (keys.js) must not act as well
    this.onSeek(Math.min(Math.max(target, 0), this.count - 1));
  }

  fractionAt(event) {
    const box = this.slider.getBoundingClientRect();
    return box.width ? (event.clientX - box.left) / box.width : 0;
  }

  onPointerDown(event) {
    if (event.button !== 0) return;
    this.dragging = true;
    this.slider.setPointerCapture(event.pointerId);
    this.preview(event);
  }

  onPointerMove(event) {
    if (this.dragging) this.preview(event);
  }

  preview(event) {
    // While dragging the thumb follows the pointer; the player moves once, when it is let go.
    const fraction = Math.min(Math.max(this.fractionAt(event), 0), 1);
    this.index = this.timeline.indexAt(fraction);
    this.slider.style.setProperty("--done", `${(fraction * 100).toFixed(2)}%`);
  }

  onPointerUp(event) {
    if (!this.dragging) return;
    this.dragging = false;
    this.onSeek(this.timeline.indexAt(Math.min(Math.max(this.fractionAt(event), 0), 1)));
  }
}
