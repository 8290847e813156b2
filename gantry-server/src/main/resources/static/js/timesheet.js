// The timesheet grid's cell details (note, activity type, billable): Escape closes an open one and gives the
// focus back to its button, and opening one closes the others, so one panel at a time lies over the grid.
const grid = document.getElementById('timesheet');
if (grid) {
  grid.addEventListener('keydown', (event) => {
    const details = event.target.closest('details.cell-details');
    if (event.key === 'Escape' && details && details.open) {
      details.open = false;
      details.querySelector('summary').focus();
      event.preventDefault();
    }
  });
  grid.addEventListener('toggle', (event) => {
    const opened = event.target;
    if (opened.matches && opened.matches('details.cell-details') && opened.open) {
      grid.querySelectorAll('details.cell-details[open]').forEach((other) => {
        if (other !== opened) other.open = false;
      });
    }
  }, true);
}
