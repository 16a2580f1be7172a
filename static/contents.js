// The article's contents in a dialog: its start and every heading, each a link that moves the player
// there (playing carries on from there, as every move does; paused, it only moves the place).

const HEADING = "h1, h2, h3, h4, h5, h6";

export class Contents {
  constructor(player) {
    this.player = player;
    this.dialog = document.getElementById("contents");
    this.list = document.getElementById("contents-list");
    this.opener = null;
    this.moved = false;
    this.fill();
    document.getElementById("contents-close").addEventListener("click", () => this.dialog.close());
    this.dialog.addEventListener("close", () => this.returnFocus());
    this.dialog.addEventListener("click", (event) => {
      if (event.target === this.dialog) this.dialog.close(); // a click on the backdrop
    });
    this.list.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-index]");
      if (!link) return;
      event.preventDefault();
      this.moved = true;
      this.dialog.close();
      this.player.goToHeading(Number(link.dataset.index));
    });
  }

  fill() {
    const start = this.item("Start of the article", 0, 1);
    const headings = this.player.headings.filter((h) => h.index > 0).map((h) => this.item(headingText(h.el), h.index, level(h.el)));
    this.list.replaceChildren(start, ...headings);
  }

  item(text, index, depth) {
    const link = document.createElement("a");
    link.href = `#${this.player.blocks[index].id}`;
    link.dataset.index = String(index);
    link.textContent = text;
    const entry = document.createElement("li");
    entry.className = `level-${Math.min(Math.max(depth, 1), 6)}`;
    entry.append(link);
    return entry;
  }

  open() {
    if (this.dialog.open) return;
    this.opener = document.activeElement;
    this.dialog.showModal();
    // Focus lands on the section being read, so the list reads from where the listener is.
    const here = [...this.list.querySelectorAll("a[data-index]")].filter((a) => Number(a.dataset.index) <= this.player.index).pop();
    (here || this.list.querySelector("a")).focus();
  }

  returnFocus() {
    if (this.moved) {
      this.moved = false; // focus went to the heading the listener chose
      return;
    }
    const opener = this.opener && this.opener.isConnected ? this.opener : document.getElementById("contents-open");
    if (opener && typeof opener.focus === "function") opener.focus();
    this.opener = null;
  }
}

function headingElement(el) {
  return el.matches(HEADING) ? el : el.querySelector(HEADING) || el;
}

function headingText(el) {
  const copy = headingElement(el).cloneNode(true);
  copy.querySelectorAll("button").forEach((button) => button.remove()); // "Play from here, heading 3"
  return copy.textContent.replace(/\s+/g, " ").trim();
}

function level(el) {
  const tag = headingElement(el).tagName;
  return /^H[1-6]$/.test(tag) ? Number(tag[1]) : 2;
}
