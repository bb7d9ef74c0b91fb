// Comfort only: every page works without scripts.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
});

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
