// Library page: listening minutes at the listener's own speed, and focus on an error summary.
import { settings } from "./settings.js";

function showMinutesAtSpeed() {
  const main = document.querySelector("main[data-rate]");
  const speed = Number(settings.speed()) || 1;
  if (!main || speed === 1) return;
  const rate = Number(main.dataset.rate);
  for (const cell of document.querySelectorAll("td[data-words]")) {
    cell.textContent = String(Math.max(1, Math.round(Number(cell.dataset.words) / (rate * speed))));
  }
  const note = document.getElementById("speed-note");
  if (note) note.textContent = `at your speed, ${speed} times`;
}

function focusErrorSummary() {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
}

showMinutesAtSpeed();
focusErrorSummary();
