// Small enhancements on top of htmx. Every page works without JavaScript.
(function () {
  'use strict';
  function banner(show) {
    var el = document.getElementById('connection-problem');
    if (el) { el.hidden = !show; }
  }
  // The server could not be reached (or the sign-in ended and the identity provider answered instead)
  document.addEventListener('htmx:sendError', function () { banner(true); });
  document.addEventListener('htmx:beforeRequest', function () { banner(false); });
})();
