// Progress page of an article being prepared: asks the server every second or two and updates the
// one polite status region when the state changes (never the same sentence twice, never focus).
import { follow } from "./follow.js";

const POLL_MS = 1500;

const main = document.querySelector("main[data-progress]");
const status = document.getElementById("progress-status");
const bar = document.getElementById("progress-bar");
const ready = document.getElementById("progress-ready");
const again = document.getElementById("progress-again");
const open = document.getElementById("progress-open");

function show(progress) {
  if (status.textContent !== progress.sentence) status.textContent = progress.sentence;
  bar.max = progress.steps;
  bar.value = progress.step;
  const finished = progress.state === "ready" || progress.state === "failed";
  if (progress.article) open.href = progress.article; // a fetch learns its article when the page arrives
  ready.hidden = progress.state !== "ready";
  again.hidden = finished;
  return finished;
}

if (main && status) follow(main.dataset.progress, show, POLL_MS);
