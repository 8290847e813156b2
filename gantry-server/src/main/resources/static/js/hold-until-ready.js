// Loaded first, as a classic script in the page's head. A form that asks before it destroys something
// (data-confirm) is asked by gantry.js, a module that runs only once the page has been read: a click before
// then (a slow connection, a quick hand) would send the form without asking. Such a submit is held here and
// sent again when gantry.js says it is ready, so it asks first.
(function () {
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (window.gantryReady || !(form instanceof HTMLFormElement) || !form.dataset.confirm) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    var submitter = event.submitter;
    document.addEventListener('gantry:ready', function () {
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    }, { once: true });
  }, true);
})();
