// Following a job the server runs (an article being prepared, a download being made): ask for its
// progress JSON every `intervalMs` until `show` says it is finished. A failed request (the server
// restarted, the network blinked) is asked again; the page keeps saying what it last knew.
export function follow(url, show, intervalMs) {
  async function poll() {
    try {
      const response = await fetch(url, { cache: "no-store" });
      if (response.ok && show(await response.json())) return;
    } catch (error) {
      // asked again below
    }
    setTimeout(poll, intervalMs);
  }
  setTimeout(poll, intervalMs);
}
