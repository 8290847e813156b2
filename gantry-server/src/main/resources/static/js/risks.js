// Risks page: say the analysis is running while the page computes it (it takes about a second for a large
// plan), and keep the button from being pressed twice.
const form = document.getElementById('analysis-form');
if (form) {
  form.addEventListener('submit', () => {
    const progress = document.getElementById('analysis-progress');
    const button = document.getElementById('run-analysis');
    if (progress) progress.hidden = false;
    if (button) button.setAttribute('aria-disabled', 'true');
  });
}
