// Response view: keyboard-friendly tabs, timing bar widths, the token countdown, and action buttons
// that ask the extension to act (the webview itself can touch neither the clipboard nor files).
(function () {
  const vscode = acquireVsCodeApi();
  const resultId = document.getElementById('response').dataset.resultId;
  // A different result in a reused panel starts on the Body tab again.
  const previous = vscode.getState() || {};
  const state = previous.resultId === resultId ? previous : { resultId };
  vscode.setState(state);
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));

  function select(tab, focus) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    vscode.setState(Object.assign({}, vscode.getState(), { tab: tab.id }));
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index };
      if (!(event.key in moves)) return;
      event.preventDefault();
      select(tabs[(index + moves[event.key] + tabs.length) % tabs.length], true);
    });
  });
  const restored = state.tab && document.getElementById(state.tab);
  if (restored) select(restored, false);

  for (const phase of document.querySelectorAll('[data-width]')) phase.style.width = phase.dataset.width + '%';

  const countdown = document.querySelector('.countdown');
  if (countdown) {
    const tick = () => {
      const left = Math.round((Date.parse(countdown.dataset.expires) - Date.now()) / 1000);
      countdown.textContent = left > 0 ? Math.floor(left / 60) + ' min ' + (left % 60) + ' s left' : 'expired';
    };
    window.setInterval(tick, 1000);
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) vscode.postMessage({ type: button.dataset.action });
  });
})();
