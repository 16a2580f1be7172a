// Progress page of an article being prepared: asks the server every second or two and updates the
// one polite status region when the state changes (never the same sentence twice, never focus).
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

async function poll() {
  try {
    const response = await fetch(main.dataset.progress, { cache: "no-store" });
    if (response.ok && show(await response.json())) return;
  } catch (error) {
    // the server restarted or the network blinked: keep asking, the page says what it last knew
  }
  setTimeout(poll, POLL_MS);
}

if (main && status) setTimeout(poll, POLL_MS);
