// Reports: the print button (no inline handlers under the content security policy).
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
