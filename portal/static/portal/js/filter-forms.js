// Filter forms show the state of the results below them. When the visitor comes back to such a
// page (the Back button), the browser may bring back boxes ticked but never applied, from its
// page cache or by restoring the form: put every control back to what the results were made
// with. Without JavaScript, autocomplete="off" on the form stops the restoring.
(function () {
  "use strict";
  window.addEventListener("pageshow", function () {
    var forms = document.querySelectorAll("form[data-filter-form]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].reset();
    }
  });
})();
