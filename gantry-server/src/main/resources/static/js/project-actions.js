// The Export menu in a project's header is a <details>: Enter or Space on "Export" opens it natively.
// This adds what a menu is expected to do besides: Escape closes it (focus back on "Export"), and a click
// elsewhere or choosing a format closes it.
const menu = document.getElementById('export-menu');
if (menu) {
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary').focus();
      event.stopPropagation();
    }
  });
  menu.addEventListener('click', (event) => {
    if (event.target.closest('a')) {
      menu.open = false;
    }
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
}
