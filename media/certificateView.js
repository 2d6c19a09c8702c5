// Certificate view: the copy buttons ask the extension to copy (the webview has no clipboard of its own).
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-copy]');
    if (!button) return;
    vscode.postMessage({ type: 'copy', label: button.dataset.label, value: button.dataset.copy });
  });
})();
