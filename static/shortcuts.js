// Keyboard shortcuts and the help dialog that lists them; the bindings themselves are data in keys.js.
import { ACTION_LABELS, PAGE_KEYS, RESERVED_CODES, TOOLBAR_KEYS, characterForCode, codeForCharacter } from "./keys.js";
import { settings } from "./settings.js";

const FORM_CONTROLS = "select, input, textarea, [contenteditable]";
const NATIVE_BUTTON_KEYS = new Set([" ", "Enter"]);

function kbd(text) {
  const element = document.createElement("kbd");
  element.textContent = text;
  return element;
}

function row(keyCell, label) {
  const tr = document.createElement("tr");
  const key = document.createElement("td");
  key.append(keyCell);
  const action = document.createElement("td");
  action.textContent = label;
  tr.append(key, action);
  return tr;
}

export class Shortcuts {
  constructor(playerRoot) {
    this.playerRoot = playerRoot;
    this.dialog = document.getElementById("help");
    this.opener = null;
    const saved = settings.pageKeys();
    this.enabled = saved.enabled !== false;
    this.codes = Object.fromEntries(PAGE_KEYS.map((k) => [k.action, (saved.codes || {})[k.action] || k.code]));
  }

  start(actions) {
    this.actions = actions;
    this.playerRoot.addEventListener("keydown", (event) => this.onToolbarKey(event));
    document.addEventListener("keydown", (event) => this.onPageKey(event));
    document.getElementById("help-close").addEventListener("click", () => this.dialog.close());
    this.dialog.addEventListener("close", () => this.returnFocus());
    this.dialog.addEventListener("click", (event) => {
      if (event.target === this.dialog) this.dialog.close(); // a click on the backdrop
    });
    const toggle = document.getElementById("page-keys-on");
    toggle.checked = this.enabled;
    toggle.addEventListener("change", () => {
      this.enabled = toggle.checked;
      this.save();
    });
    document.getElementById("page-keys-reset").addEventListener("click", () => this.resetKeys());
    document.getElementById("shortcut-settings").addEventListener("submit", (event) => event.preventDefault());
    this.fillToolbarTable();
    this.fillPageTable();
  }

  // ---- keys ----------------------------------------------------------------------------------

  onToolbarKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target.closest(FORM_CONTROLS)) return; // a select list's arrows are its own
    if (NATIVE_BUTTON_KEYS.has(event.key) && target.closest("button")) return; // pressing the button
    const binding = TOOLBAR_KEYS.find((b) => b.keys.includes(event.key));
    if (!binding || !this.actions[binding.action]) return;
    event.preventDefault();
    this.actions[binding.action]();
  }

  onPageKey(event) {
    if (!this.enabled || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest(".key-input")) return;
    const action = Object.keys(this.codes).find((name) => this.codes[name] === event.code);
    if (!action || !this.actions[action]) return;
    event.preventDefault();
    this.actions[action]();
  }

  // ---- help dialog ---------------------------------------------------------------------------

  openHelp() {
    if (this.dialog.open) return;
    this.opener = document.activeElement;
    this.dialog.showModal();
  }

  returnFocus() {
    const opener = this.opener && this.opener.isConnected ? this.opener : document.getElementById("help-open");
    if (opener && typeof opener.focus === "function") opener.focus();
    this.opener = null;
  }

  fillToolbarTable() {
    const body = document.getElementById("toolbar-keys");
    body.replaceChildren(...TOOLBAR_KEYS.map((b) => row(kbd(b.label), ACTION_LABELS[b.action])));
  }

  fillPageTable() {
    const body = document.getElementById("page-keys");
    body.replaceChildren(...PAGE_KEYS.map((k) => this.pageKeyRow(k.action)));
  }

  pageKeyRow(action) {
    const label = document.createElement("label");
    const inputId = `key-${action}`;
    label.htmlFor = inputId;
    label.className = "visually-hidden";
    label.textContent = `Key for ${ACTION_LABELS[action]}`;
    const input = document.createElement("input");
    input.id = inputId;
    input.className = "key-input";
    input.type = "text";
    input.maxLength = 1;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.value = characterForCode(this.codes[action]);
    input.setAttribute("aria-describedby", "page-keys-hint page-keys-message");
    input.addEventListener("change", () => this.remap(action, input));
    const cell = document.createDocumentFragment();
    cell.append(label, input);
    return row(cell, ACTION_LABELS[action]);
  }

  remap(action, input) {
    const message = document.getElementById("page-keys-message");
    const code = codeForCharacter(input.value.trim());
    const clash = Object.keys(this.codes).find((other) => other !== action && this.codes[other] === code);
    let problem = "";
    if (!code) problem = "Use a letter, a digit or one of / . , ; [ ] - = '.";
    else if (RESERVED_CODES.has(code)) problem = `Alt+Shift+${input.value.toUpperCase()} belongs to the browser; choose another key.`;
    else if (clash) problem = `${input.value.toUpperCase()} is already used for ${ACTION_LABELS[clash]}.`;
    input.setAttribute("aria-invalid", String(Boolean(problem)));
    if (problem) {
      message.textContent = problem;
      return;
    }
    this.codes[action] = code;
    input.value = characterForCode(code);
    message.textContent = `${ACTION_LABELS[action]}: Alt+Shift+${input.value}. Saved.`;
    this.save();
  }

  resetKeys() {
    this.codes = Object.fromEntries(PAGE_KEYS.map((k) => [k.action, k.code]));
    this.save();
    this.fillPageTable();
    document.getElementById("page-keys-message").textContent = "The usual keys are back.";
  }

  save() {
    settings.savePageKeys({ enabled: this.enabled, codes: this.codes });
  }
}
