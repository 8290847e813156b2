// The portfolio spans every project, while live updates come per project: the page refetches its own address
// every data-refresh-seconds and swaps the table in place (a background fetch, so no flash message is taken).
const seconds = Number(document.getElementById('portfolio-content')?.dataset.refreshSeconds || 0);
if (seconds > 0) {
  setInterval(async () => {
    const current = document.getElementById('portfolio-content');
    if (!current) return;
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('portfolio-content');
      if (fresh) current.replaceWith(document.importNode(fresh, true));
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, seconds * 1000);
}
