// Comfort only: every page works without scripts.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
});

/* --- Confirmations (record pages, users): DKFDS modals for consequential steps ------------------ */
// Without JavaScript, the button is a link to a confirmation page; with it, the same question opens
// in a DKFDS modal. DKFDS makes everything outside `.fds-modal-container` inert while a modal is
// open, so the modals move there first (before DKFDS.init runs on DOMContentLoaded).
(function () {
  'use strict';
  var modals = document.querySelectorAll('main .fds-modal');
  if (modals.length === 0) return;
  var container = document.createElement('div');
  container.className = 'fds-modal-container';
  document.body.appendChild(container);
  for (var i = 0; i < modals.length; i++) container.appendChild(modals[i]);

  // The link opens the modal (DKFDS listens on it) instead of the confirmation page.
  document.addEventListener('click', function (event) {
    var opener = event.target.closest && event.target.closest('a[data-module="modal"][data-target]');
    if (opener && document.getElementById(opener.getAttribute('data-target'))) event.preventDefault();
  });

  // A form whose change must be confirmed (data-confirm-when="field=value") opens its modal first;
  // the modal's button sends the form, marked confirmed.
  var forms = document.querySelectorAll('form[data-confirm-modal][data-confirm-when]');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (event) {
      var rule = form.getAttribute('data-confirm-when').split('=');
      var chosen = form.querySelector('[name="' + rule[0] + '"]:checked');
      var modal = document.getElementById(form.getAttribute('data-confirm-modal'));
      if (!chosen || chosen.value !== rule[1] || !modal || !window.DKFDS || !window.DKFDS.Modal) return;
      if (form.querySelector('input[name="confirmed"]')) return;
      event.preventDefault();
      new window.DKFDS.Modal(modal).show();
    });
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-confirm-submit]');
    if (!button) return;
    var form = document.querySelector('form[data-confirm-modal="' + button.getAttribute('data-confirm-submit') + '"]');
    if (!form) return;
    var confirmed = document.createElement('input');
    confirmed.type = 'hidden';
    confirmed.name = 'confirmed';
    confirmed.value = '1';
    form.appendChild(confirmed);
    form.submit();
  });
})();

// ---- Mobile navigation and the ad editor's placeholders (issue 9, part H) ----
// Marks that scripts run, so CSS swaps the no-script "Menu" link for DKFDS's menu button. Runs before
// DKFDS.init() above (DOMContentLoaded comes after this script), which binds only visible menu buttons.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  // Placeholder buttons in the ad editor insert their placeholder at the cursor of the ad text.
  var target = document.getElementById('body');
  var buttons = document.querySelectorAll('[data-insert-placeholder]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (event) {
      var text = event.currentTarget.getAttribute('data-insert-placeholder');
      if (!target) return;
      var start = target.selectionStart, end = target.selectionEnd;
      target.value = target.value.slice(0, start) + text + target.value.slice(end);
      target.focus();
      target.selectionStart = target.selectionEnd = start + text.length;
    });
  }
});

// ---- Progress of a mailing ----
// While mails of a mailing are waiting, the page fetches itself every two seconds and replaces the
// counts and the table; without scripts the page says to reload it.
document.addEventListener('DOMContentLoaded', function () {
  var region = document.getElementById('mailing-progress');
  if (!region || region.getAttribute('data-mailing-progress') !== 'running' || !window.fetch) return;
  var timer = window.setInterval(function () {
    window.fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('mailing-progress');
        if (!fresh) return;
        region.innerHTML = fresh.innerHTML;
        var state = fresh.getAttribute('data-mailing-progress');
        region.setAttribute('data-mailing-progress', state);
        if (state !== 'running') {
          window.clearInterval(timer);
          var cancel = document.getElementById('mailing-cancel');
          if (cancel) cancel.hidden = true;
        }
      })
      .catch(function () { /* the next tick tries again */ });
  }, 2000);
});

/* --- Ranking lists: dragging rows, as an enhancement -------------------------------------------- */
// Without scripts, the position numbers and the Up and Down buttons reorder a ranking list, and they
// stay for keyboard users. With scripts, rows can also be dragged: the numbers follow, the new order
// goes into the hidden `order` field, and "Save order" saves it. Typing a number again hands the
// order back to the numbers.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-ranking]');
  Array.prototype.forEach.call(forms, function (form) {
    var body = form.querySelector('[data-ranking-rows]');
    var field = form.querySelector('[data-ranking-order]');
    if (!body || !field || !('draggable' in document.createElement('tr'))) return;
    var help = form.querySelector('.ranking-drag-help');
    if (help) help.hidden = false;
    var dragged = null;

    function renumber() {
      var ids = [];
      var rows = body.querySelectorAll('tr[data-application-id]');
      Array.prototype.forEach.call(rows, function (row, index) {
        ids.push(row.getAttribute('data-application-id'));
        var input = row.querySelector('input[name^="position_"]');
        if (input) input.value = String(index + 1);
      });
      field.value = ids.join(',');
    }

    Array.prototype.forEach.call(body.querySelectorAll('tr[data-application-id]'), function (row) {
      row.setAttribute('draggable', 'true');
      row.addEventListener('dragstart', function (event) {
        dragged = row;
        row.classList.add('is-dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', row.getAttribute('data-application-id'));
      });
      row.addEventListener('dragover', function (event) {
        if (!dragged || dragged === row) return;
        event.preventDefault();
        var box = row.getBoundingClientRect();
        var below = event.clientY > box.top + box.height / 2;
        body.insertBefore(dragged, below ? row.nextSibling : row);
      });
      row.addEventListener('drop', function (event) {
        event.preventDefault();
      });
      row.addEventListener('dragend', function () {
        row.classList.remove('is-dragging');
        dragged = null;
        renumber();
      });
    });

    form.addEventListener('input', function (event) {
      var name = event.target && event.target.name;
      if (name && name.indexOf('position_') === 0) field.value = '';
    });
  });
});
