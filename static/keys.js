// Key bindings of the player, as data. docs/keyboard.md and the help dialog list the same table
// (the help dialog is built from it; tests/test_web_keys.py checks the doc names every key).
//
// Two scopes, so the player never takes a key a screen reader or the page needs:
// - TOOLBAR_KEYS are single keys, active only while focus is inside the player controls. In a screen
//   reader's browse mode these keys go to the screen reader, never to us; in focus mode (or with no
//   screen reader) they reach the player. Space and Enter keep pressing the focused button, and select
//   lists keep their own arrow keys: the player never overrides a control's own keys.
// - PAGE_KEYS work anywhere on the page with Alt+Shift (Option+Shift on a Mac). They can be turned off
//   and remapped in the help dialog (saved in localStorage). Matched by physical key (event.code), as
//   Option+Shift turns letters into symbols on a Mac.
// Avoided everywhere: Insert and Caps Lock (NVDA's and JAWS's modifier keys), Ctrl+Alt+arrows
// (screen-reader table navigation), Ctrl+Option (VoiceOver), and Alt+Shift with A, B, I and T
// (Chrome's own: notifications, bookmarks bar, feedback, toolbar).

export const TOOLBAR_KEYS = [
  { keys: ["k", "K"], label: "K", action: "toggle",
    why: "K plays and pauses in YouTube and most web players; Space stays with the focused button" },
  { keys: ["ArrowLeft"], label: "Left arrow", action: "previousSentence",
    why: "left/right step back and forward in every media player; a sentence is our smallest step" },
  { keys: ["ArrowRight"], label: "Right arrow", action: "nextSentence", why: "as Left arrow" },
  { keys: ["ArrowUp"], label: "Up arrow", action: "previousBlock",
    why: "up/down move by line or item in lists and editors; a paragraph is the article's line" },
  { keys: ["ArrowDown"], label: "Down arrow", action: "nextBlock", why: "as Up arrow" },
  { keys: ["Home"], label: "Home", action: "firstBlock", why: "start of a list or document everywhere" },
  { keys: ["End"], label: "End", action: "lastBlock", why: "end of a list or document everywhere" },
  { keys: ["h"], label: "H", action: "nextHeading",
    why: "H is 'next heading' in NVDA, JAWS and VoiceOver quick nav; the same habit works here" },
  { keys: ["H"], label: "Shift+H", action: "previousHeading", why: "Shift+H is 'previous heading' in screen readers" },
  { keys: ["["], label: "[", action: "slower", why: "[ and ] change speed in VLC and mpv" },
  { keys: ["]"], label: "]", action: "faster", why: "as [" },
  { keys: ["?"], label: "?", action: "openHelp", why: "? opens the shortcut list in Gmail, GitHub and YouTube" },
];

// Page-wide keys: action -> default physical key (KeyboardEvent.code), used with Alt+Shift.
export const PAGE_KEYS = [
  { action: "toggle", code: "KeyP", why: "P for play" },
  { action: "previousSentence", code: "KeyJ", why: "J/L step back and forward in YouTube; K is next to them" },
  { action: "nextSentence", code: "KeyL", why: "as J" },
  { action: "previousBlock", code: "KeyU", why: "U for up a paragraph; a letter Chrome and screen readers leave free" },
  { action: "nextBlock", code: "KeyN", why: "N for next paragraph" },
  { action: "previousHeading", code: "KeyY", why: "the key beside H on QWERTY, QWERTZ and AZERTY" },
  { action: "nextHeading", code: "KeyH", why: "H for heading, as in screen readers" },
  { action: "slower", code: "KeyS", why: "S for slower" },
  { action: "faster", code: "KeyF", why: "F for faster" },
  { action: "goToCurrent", code: "KeyC", why: "C for current paragraph (moves focus there)" },
  { action: "focusControls", code: "KeyO", why: "O for the player's cOntrols; T is Chrome's toolbar key" },
  { action: "openHelp", code: "Slash", why: "the ? key" },
];

// What each action is called in the help dialog, the status region and docs/keyboard.md.
export const ACTION_LABELS = {
  toggle: "Play or pause",
  previousSentence: "Previous sentence",
  nextSentence: "Next sentence",
  previousBlock: "Previous paragraph",
  nextBlock: "Next paragraph",
  firstBlock: "First paragraph",
  lastBlock: "Last paragraph",
  previousHeading: "Previous heading",
  nextHeading: "Next heading",
  slower: "Slower",
  faster: "Faster",
  goToCurrent: "Go to the current paragraph (moves focus)",
  focusControls: "Move focus to the player controls",
  openHelp: "Show the keyboard shortcuts",
};

// Characters a user may type to remap a page key, and the physical key each names.
const PUNCTUATION_CODES = {
  "/": "Slash", "?": "Slash", ".": "Period", ",": "Comma", ";": "Semicolon",
  "[": "BracketLeft", "]": "BracketRight", "-": "Minus", "=": "Equal", "'": "Quote",
};
// Alt+Shift with these belongs to Chrome (see above): refused when remapping.
export const RESERVED_CODES = new Set(["KeyA", "KeyB", "KeyI", "KeyT"]);

export function codeForCharacter(character) {
  const upper = (character || "").toUpperCase();
  if (/^[A-Z]$/.test(upper)) return `Key${upper}`;
  if (/^[0-9]$/.test(upper)) return `Digit${upper}`;
  return PUNCTUATION_CODES[character] || "";
}

export function characterForCode(code) {
  if (code.startsWith("Key")) return code.slice(3);
  if (code.startsWith("Digit")) return code.slice(5);
  const entry = Object.entries(PUNCTUATION_CODES).find(([, value]) => value === code);
  return entry ? entry[0] : code;
}
