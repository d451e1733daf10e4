// Quicker filters: a choice made in a select applies at once (the form still works without this script).
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) { return; }
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
    select.addEventListener("change", function () { form.submit(); });
  });
})();
