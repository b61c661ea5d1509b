// The incident board: a card dragged onto a column submits the card's own form for that state (the same
// request its button sends), so dragging needs no endpoint of its own and the keyboard path stays equal.
// A state the card cannot reach is marked while dragging and refuses the drop.
function setUp(board) {
  if (board.dataset.boardReady) return;
  board.dataset.boardReady = 'yes';
  let dragged = null;
  board.addEventListener('dragstart', (e) => {
    dragged = e.target.closest('.board-card');
    if (!dragged) return;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.dataset.incident);
    const next = dragged.dataset.next.split(' ');
    board.querySelectorAll('.board-column').forEach((column) => {
      column.classList.toggle('drop-allowed', next.includes(column.dataset.state));
    });
  });
  board.addEventListener('dragend', () => {
    dragged = null;
    board.querySelectorAll('.board-column').forEach((c) => c.classList.remove('drop-allowed', 'drop-over'));
  });
  board.addEventListener('dragover', (e) => {
    const column = e.target.closest('.board-column');
    if (!dragged || !column || !column.classList.contains('drop-allowed')) return;
    e.preventDefault();
    column.classList.add('drop-over');
  });
  board.addEventListener('dragleave', (e) => {
    const column = e.target.closest('.board-column');
    if (column && !column.contains(e.relatedTarget)) column.classList.remove('drop-over');
  });
  board.addEventListener('drop', (e) => {
    const column = e.target.closest('.board-column');
    if (!dragged || !column) return;
    e.preventDefault();
    const move = dragged.querySelector(`[data-move="${column.dataset.state}"]`);
    if (!move) return;
    if (move.tagName === 'A') {
      window.location.href = move.href;
    } else {
      move.requestSubmit();
    }
  });
}

function setUpAll() {
  document.querySelectorAll('[data-board]').forEach(setUp);
}

document.addEventListener('DOMContentLoaded', setUpAll);
document.addEventListener('htmx:afterSettle', setUpAll);

// A link to "#resolve" (the board's Resolve…) opens the incident page's resolve form.
document.addEventListener('DOMContentLoaded', () => {
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target && target.tagName === 'DETAILS') target.open = true;
});
