// Page of a download being made: asks the server every second how far the making is, moves the
// progress bar, says the part reached in the one polite status region at most every few seconds (a
// screen reader is not flooded), and when the file is made offers its link and starts the download.
import { follow } from "./follow.js";

const POLL_MS = 1000;
const ANNOUNCE_EVERY_MS = 5000; // the same state's part count, said again no more often than this

const main = document.querySelector("main[data-progress]");
const status = document.getElementById("download-status");
const bar = document.getElementById("download-bar");
const ready = document.getElementById("download-ready");
const again = document.getElementById("download-again");
const file = document.getElementById("download-file");
let said = { state: "", at: 0 };

function say(progress) {
  const now = Date.now();
  const changed = progress.state !== said.state;
  if (status.textContent === progress.sentence) return;
  if (changed || now - said.at >= ANNOUNCE_EVERY_MS) {
    status.textContent = progress.sentence;
    said = { state: progress.state, at: now };
  }
}

function show(progress) {
  say(progress);
  bar.max = progress.parts || 1;
  bar.value = progress.state === "ready" ? bar.max : progress.part;
  bar.hidden = progress.state === "failed";
  ready.hidden = progress.state !== "ready";
  const finished = progress.state === "ready" || progress.state === "failed";
  again.hidden = finished;
  if (progress.state === "ready") file.click(); // the file is an attachment: the page stays
  return finished;
}

if (main && status && bar) follow(main.dataset.progress, show, POLL_MS);
