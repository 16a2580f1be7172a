// The listener's settings and positions, kept in localStorage. Storage can be full or switched off
// (private windows, strict settings): then the player still works and simply forgets.

const PREFIX = "readaloud:";

function read(key, fallback) {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

function write(key, value) {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage unavailable: nothing to remember with, nothing to break
  }
}

function primaryLanguage(lang) {
  return String(lang || "").split("-")[0].toLowerCase();
}

export const settings = {
  position: (articleId) => read(`position:${articleId}`, null),
  savePosition: (articleId, sentenceId) => write(`position:${articleId}`, { sentence: sentenceId, saved: Date.now() }),
  speed: () => read("speed", 1),
  saveSpeed: (speed) => write("speed", speed),
  highlight: () => read("highlight", true),
  saveHighlight: (on) => write("highlight", on),
  wordHighlight: () => read("word-highlight", true),
  saveWordHighlight: (on) => write("word-highlight", on),
  screenReaderMode: () => read("screen-reader-mode", false),
  saveScreenReaderMode: (on) => write("screen-reader-mode", on),
  // A voice chosen on an "en" page also serves "en-GB" pages (and the other way round) unless that
  // exact tag has a choice of its own.
  voice: (lang) => read(`voice:${lang}`, "") || read(`voice:${primaryLanguage(lang)}`, ""),
  saveVoice: (lang, voice) => {
    write(`voice:${lang}`, voice);
    write(`voice:${primaryLanguage(lang)}`, voice);
  },
  pageKeys: () => read("page-keys", { enabled: true, codes: {} }),
  savePageKeys: (value) => write("page-keys", value),
};
