// The word highlight (issue 12): inside the sentence being heard, the word being spoken is marked,
// and a click (or Enter at the text caret) on any word of the article plays from that word.
// Rules it keeps:
// - only the current sentence is ever split into word spans, and only while it is current: its
//   original text nodes are put back as soon as it is not, so screen readers, find and copy/paste see
//   the article's plain text; a sentence holding a text selection is not split at all;
// - the mark is a class (aria-current already names the sentence), with a non-colour cue in
//   readaloud.css; words are never focusable, so the article gains no tab stops;
// - it reads the audio's own clock every frame (player.js calls follow() from its frame loop), so it
//   keeps up at any playbackRate;
// - its own switch ("Word highlight", aria-pressed, remembered in localStorage) turns off both the mark
//   and click-to-play.
// The word ranges and times come with the block's timings (web/wordmap.py): {sentence, start, end, ms}.
import { settings } from "./settings.js";

const WORD_CLASS = "w";
const CURRENT_CLASS = "w-current";
// Clicks on these are theirs, not a request to play from a word.
const CONTROLS = "a, button, input, select, textarea, summary, label, [contenteditable]";

function lastStarted(words, ms) {
  // The index of the last word whose time has come (-1: none yet); words are in time order.
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle].ms <= ms) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function wordAtOffset(words, offset) {
  // The word a character offset falls in; between words, the next one; after the last, the last.
  return words.find((w) => offset < w.end) || words[words.length - 1] || null;
}

function textOffset(container, node, offset) {
  // The character offset of (node, offset) in container's text, or 0 when it lies outside it.
  if (!container.contains(node)) return 0;
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

function caretAt(x, y) {
  // Where a click landed in the text: the standard call, or Chromium's older one.
  if (document.caretPositionFromPoint) {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function selectionIn(element) {
  const selection = window.getSelection();
  return Boolean(selection && !selection.isCollapsed && selection.rangeCount && selection.getRangeAt(0).intersectsNode(element));
}

class WrappedSentence {
  // One sentence split into word spans, and the text nodes to put back.
  constructor(sentence, words, timings) {
    this.sentence = sentence;
    this.timings = timings;
    this.original = [...sentence.childNodes];
    this.words = [];
    this.spans = [];
    const text = sentence.textContent;
    const pieces = [];
    let at = 0;
    for (const word of words) {
      if (word.start < at || word.end > text.length) continue; // a range that does not fit: leave as text
      if (word.start > at) pieces.push(text.slice(at, word.start));
      const span = document.createElement("span");
      span.className = WORD_CLASS;
      span.dataset.ms = String(word.ms);
      span.textContent = text.slice(word.start, word.end);
      pieces.push(span);
      this.words.push(word);
      this.spans.push(span);
      at = word.end;
    }
    if (at < text.length) pieces.push(text.slice(at));
    sentence.replaceChildren(...pieces);
  }

  restore() {
    this.sentence.replaceChildren(...this.original);
  }
}

export class WordHighlight {
  constructor(player) {
    this.player = player;
    this.on = settings.wordHighlight();
    this.button = document.getElementById("word-highlight");
    this.sentenceId = "";
    this.wrapped = null;
    this.marked = -1;
    this.request = 0; // bumps on every play-from-a-word, so a slow earlier one cannot seek after it
    this.showSwitch();
    if (this.button) this.button.addEventListener("click", () => this.toggle());
    player.article.addEventListener("click", (event) => this.onClick(event));
    document.addEventListener("keydown", (event) => this.onKey(event));
    // Screen-reader mode (a class on body): the screen reader reads the text, so give it plain text.
    new MutationObserver(() => {
      if (player.screenReaderMode) this.unwrap();
    }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  }

  // ---- called by player.js -------------------------------------------------------------------

  sentenceChanged(sentenceId) {
    // From moveTo(): the previous sentence goes back to plain text at once.
    if (this.wrapped && this.wrapped.sentence.id !== sentenceId) this.unwrap();
    this.sentenceId = sentenceId;
  }

  follow(seconds, timings) {
    // From the frame loop: mark the word whose time has come, in the current sentence.
    if (!this.on || !timings || !timings.words) return;
    const wrapped = this.wrapCurrent(timings);
    if (!wrapped) return;
    this.mark(lastStarted(wrapped.words, seconds * 1000));
  }

  // ---- the mark ------------------------------------------------------------------------------

  wrapCurrent(timings) {
    if (this.wrapped && this.wrapped.timings === timings && this.wrapped.sentence.id === this.sentenceId) return this.wrapped;
    this.unwrap();
    const sentence = this.sentenceId && document.getElementById(this.sentenceId);
    const words = timings.words.filter((w) => w.sentence === this.sentenceId);
    if (!sentence || !words.length || selectionIn(sentence)) return null;
    if (![...sentence.childNodes].every((node) => node.nodeType === Node.TEXT_NODE)) return null;
    this.wrapped = new WrappedSentence(sentence, words, timings);
    return this.wrapped;
  }

  mark(index) {
    if (index === this.marked) return;
    const spans = this.wrapped.spans;
    if (this.marked >= 0 && spans[this.marked]) spans[this.marked].classList.remove(CURRENT_CLASS);
    if (index >= 0) spans[index].classList.add(CURRENT_CLASS);
    this.marked = index;
  }

  unwrap() {
    if (this.wrapped) this.wrapped.restore();
    this.wrapped = null;
    this.marked = -1;
  }

  // ---- the switch ----------------------------------------------------------------------------

  showSwitch() {
    if (this.button) this.button.setAttribute("aria-pressed", String(this.on));
  }

  toggle() {
    this.on = !this.on;
    settings.saveWordHighlight(this.on);
    this.showSwitch();
    if (!this.on) this.unwrap();
    this.player.status.say(this.on ? "Word highlight on" : "Word highlight off");
  }

  // ---- play from a word ----------------------------------------------------------------------

  onClick(event) {
    if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.defaultPrevented || event.target.closest(CONTROLS)) return;
    if (!window.getSelection().isCollapsed) return; // the end of a drag to select text, not a click
    const sentence = event.target.closest(".s");
    if (!sentence) return;
    const caret = caretAt(event.clientX, event.clientY);
    this.playFromWord(sentence, caret ? textOffset(sentence, caret.node, caret.offset) : 0);
  }

  onKey(event) {
    // Enter with the text caret in a sentence (caret browsing, F7): play from the word there.
    if (event.key !== "Enter" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (target !== document.body && !this.player.article.contains(target)) return; // a dialog, the toolbar
    if (target.closest(CONTROLS)) return;
    const selection = window.getSelection();
    if (!selection.isCollapsed || !selection.rangeCount) return;
    const node = selection.anchorNode;
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const sentence = element && element.closest(".s");
    if (!sentence || !this.player.article.contains(sentence)) return;
    event.preventDefault();
    this.playFromWord(sentence, textOffset(sentence, node, selection.anchorOffset));
  }

  async playFromWord(sentence, offset) {
    const player = this.player;
    const request = ++this.request;
    if (!this.on || player.screenReaderMode) return;
    const index = player.blocks.findIndex((block) => block.sentences.includes(sentence.id));
    if (index < 0) return;
    const deck = player.current;
    if (player.playing && deck.index === index && deck.timings && deck.voice === player.voice) {
      const word = wordAtOffset(deck.timings.words.filter((w) => w.sentence === sentence.id), offset);
      if (word) {
        deck.el.currentTime = word.ms / 1000; // the frame loop moves both highlights there
        return;
      }
    }
    // Another block (or paused): play from the sentence, then move on to the word once timings are in.
    const started = player.playFrom(index, sentence.id);
    const generation = player.generation;
    const [timings] = await Promise.all([player.timingsFor(index).catch(() => null), started]);
    if (!timings || request !== this.request || player.generation !== generation) return;
    if (!player.wantsPlay || player.current.index !== index) return;
    const word = wordAtOffset(timings.words.filter((w) => w.sentence === sentence.id), offset);
    if (word) player.current.el.currentTime = word.ms / 1000;
  }
}
