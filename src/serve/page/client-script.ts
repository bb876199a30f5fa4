// The page's only script: on each sweep event, fetch the same page again and swap its live part in.

/** Sent as is inside <script>; it reads nothing from the page but its own URL. */
export const CLIENT_SCRIPT = `
(() => {
  const status = document.getElementById('live-state');
  const source = new EventSource('/events');
  let busy = false;
  source.addEventListener('sweep', async () => {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(location.href);
      if (response.ok) {
        const text = await response.text();
        const doc = new DOMParser().parseFromString(text, 'text/html');
        const live = doc.getElementById('live');
        const sweep = doc.getElementById('sweep');
        if (live) document.getElementById('live').replaceChildren(...live.childNodes);
        if (sweep) document.getElementById('sweep').replaceWith(sweep);
      }
    } finally {
      busy = false;
    }
  });
  source.addEventListener('open', () => { status.textContent = 'live'; });
  source.addEventListener('error', () => { status.textContent = 'reconnecting'; });
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-logs]');
    if (!button) return;
    const out = document.getElementById(button.getAttribute('aria-controls'));
    out.textContent = 'loading';
    const response = await fetch(button.dataset.logs);
    out.textContent = await response.text();
  });
})();
`;
