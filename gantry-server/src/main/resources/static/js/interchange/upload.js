// Upload progress on the import page: htmx reports the upload's bytes; the bar shows them, then the
// indeterminate state while the server reads and reschedules the file.
document.addEventListener('htmx:xhr:progress', (event) => {
  const bar = document.getElementById('import-progress');
  if (!bar || !event.detail.lengthComputable || event.detail.total === 0) {
    return;
  }
  const percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  if (percent >= 100) {
    bar.removeAttribute('value'); // uploaded: now the server is reading the file
  } else {
    bar.value = percent;
  }
});

document.addEventListener('htmx:beforeRequest', () => {
  const bar = document.getElementById('import-progress');
  if (bar) {
    bar.value = 0;
  }
});

// Once the report is in, move the focus to its heading: keyboard and screen-reader users continue from
// there (Tab reaches the two import buttons) instead of from the "Read the file" button above it.
document.addEventListener('htmx:afterSwap', (event) => {
  if (event.detail.target?.id !== 'import-report') {
    return;
  }
  document.getElementById('import-report-heading')?.focus();
});
