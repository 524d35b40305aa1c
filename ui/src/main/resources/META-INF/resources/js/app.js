// Small enhancements on top of htmx. Every page works without JavaScript.
(function () {
  'use strict';
  function banner(show) {
    var el = document.getElementById('connection-problem');
    if (el) { el.hidden = !show; }
  }

  // The answer's own message (the error page's heading and first paragraph), or a plain one
  function messageOf(xhr) {
    var fallback = xhr.status === 413
      ? 'This is too long to send. Nothing was saved: shorten the text, then send it again.'
      : 'This could not be saved right now (error ' + xhr.status + '). Nothing you typed was lost: try again in a minute.';
    var text = xhr.responseText || '';
    if (!text) { return fallback; }
    try {
      var doc = new DOMParser().parseFromString(text, 'text/html');
      var title = doc.querySelector('main h1, h1');
      var lead = doc.querySelector('main p.lead, main p, p');
      var parts = [];
      if (title && title.textContent.trim()) { parts.push(title.textContent.trim() + '.'); }
      if (lead && lead.textContent.trim()) { parts.push(lead.textContent.trim()); }
      return parts.length ? parts.join(' ') + ' What you typed is still here.' : fallback;
    } catch (e) {
      return fallback;
    }
  }

  // Shows the message at the top of the form that was sent (or in the page banner), never instead of it
  function showInPlace(elt, message) {
    var form = elt && (elt.tagName === 'FORM' ? elt : (elt.closest ? elt.closest('form') : null));
    if (!form) {
      var el = document.getElementById('connection-problem');
      if (el) { el.textContent = message; el.hidden = false; }
      return;
    }
    var box = form.querySelector(':scope > .send-problem');
    if (!box) {
      box = document.createElement('div');
      box.className = 'banner banner-error send-problem';
      box.setAttribute('role', 'alert');
      box.tabIndex = -1;
      form.insertBefore(box, form.firstChild);
    }
    box.textContent = message;
    box.hidden = false;
    box.focus();
  }

  function clearInPlace(elt) {
    var form = elt && (elt.tagName === 'FORM' ? elt : (elt.closest ? elt.closest('form') : null));
    var box = form && form.querySelector(':scope > .send-problem');
    if (box) { box.hidden = true; }
  }

  // The server could not be reached (or the sign-in ended and the identity provider answered instead)
  document.addEventListener('htmx:sendError', function (evt) {
    banner(true);
    showInPlace(evt.detail.elt, 'EHI Access Desk could not be reached. Nothing you typed was lost: check the connection, then send it again.');
  });
  document.addEventListener('htmx:beforeRequest', function (evt) {
    banner(false);
    clearInPlace(evt.detail.elt);
  });
  // Too long (413), a server or service failure (5xx), or an empty error answer: keep the form and
  // what was typed, and say what happened in place. Validation answers (400, 409, 422) carry the
  // form with its messages and are swapped in as usual.
  document.addEventListener('htmx:beforeSwap', function (evt) {
    var xhr = evt.detail.xhr;
    var status = xhr.status;
    if (status === 413 || status >= 500 || (status >= 400 && !(xhr.responseText || '').trim())) {
      evt.detail.shouldSwap = false;
      showInPlace(evt.detail.requestConfig ? evt.detail.requestConfig.elt : evt.detail.elt, messageOf(xhr));
    }
  });
})();
