// The More popup of the player's toolbar, after the WAI-ARIA APG disclosure pattern (a button with
// aria-expanded that shows a group of controls): a menu (role=menu) may hold only menu items, and this
// one holds select lists and a slider. It is drawn over the article, so opening it moves nothing.
// It closes on Escape (focus back on More), on More again, and when focus or a click goes elsewhere
// (but not into a dialog one of its buttons opened: closing that dialog brings focus back into it).

function inOpenDialog(element) {
  const dialog = element instanceof Element ? element.closest("dialog") : null;
  return Boolean(dialog && dialog.open);
}

export class MoreMenu {
  constructor(root) {
    this.root = root;
    this.button = document.getElementById("more");
    this.panel = document.getElementById(this.button.getAttribute("aria-controls"));
  }

  start() {
    this.button.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));
    this.root.addEventListener("keydown", (event) => this.onKey(event));
    document.addEventListener("focusin", (event) => this.onOutside(event.target));
    document.addEventListener("pointerdown", (event) => this.onOutside(event.target));
    // Escape also hides a tooltip (WCAG 1.4.13); the next focus or pointer move shows them again.
    this.root.addEventListener("focusin", () => this.root.classList.remove("tips-off"));
    this.root.addEventListener("pointerover", () => this.root.classList.remove("tips-off"));
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  open() {
    this.panel.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
  }

  close({ focus = false } = {}) {
    if (!this.isOpen) return;
    this.panel.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    if (focus) this.button.focus();
  }

  contains(element) {
    return element instanceof Node && (this.panel.contains(element) || this.button.contains(element));
  }

  onKey(event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (this.isOpen && (this.contains(event.target) || event.target === document.body)) {
      event.preventDefault();
      this.close({ focus: true });
      return;
    }
    this.root.classList.add("tips-off");
  }

  onOutside(target) {
    if (!this.isOpen || this.contains(target) || inOpenDialog(target)) return;
    this.close();
  }
}
