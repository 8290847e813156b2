// A page opened through a share link. It has no live stream (that belongs to the API, which a link never
// reaches), so it refetches its own address every data-refresh-seconds and swaps the figures in place. A
// link revoked or expired meanwhile reloads the page, which then says so.
const seconds = Number(document.getElementById('shared-content')?.dataset.refreshSeconds || 0);
if (seconds > 0) {
  setInterval(async () => {
    const current = document.getElementById('shared-content');
    if (!current) return;
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Gantry-Background': '1' } });
      if (response.status === 404 || response.status === 410) {
        window.location.reload();
        return;
      }
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('shared-content');
      if (fresh) current.replaceWith(document.importNode(fresh, true));
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, seconds * 1000);
}
