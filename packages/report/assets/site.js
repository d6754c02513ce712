// Ladder's site: sortable tables, the model filter and the sample-page filter. A classic script
// (pages may be opened from file://), loaded from the site itself: the pages' Content-Security-
// Policy allows no inline script. It reads only attributes the site wrote; no model or dataset
// text is ever turned into markup here.
'use strict';

(function () {
  function cellValue(row, column, type) {
    const cell = row.cells[column];
    if (cell === undefined) return null;
    const raw = cell.getAttribute('data-value');
    if (raw === null || raw === '') return null;
    if (type === 'number') {
      const number = Number(raw);
      return Number.isNaN(number) ? null : number;
    }
    return raw;
  }

  function sortTable(table, column, header) {
    const type = header.getAttribute('data-type') || 'text';
    const current = header.getAttribute('aria-sort');
    // The first click on a number sorts the best first (high to low), except where low is good.
    const lowFirst = header.getAttribute('data-low-first') === 'true' || type === 'text';
    let ascending;
    if (current === 'ascending') ascending = false;
    else if (current === 'descending') ascending = true;
    else ascending = lowFirst;
    for (const other of table.tHead.rows[0].cells) other.setAttribute('aria-sort', 'none');
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const keyed = rows.map((row, index) => ({ row, index, value: cellValue(row, column, type) }));
    keyed.sort((a, b) => {
      // Empty cells last, whichever the direction.
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.index - b.index : 1) : -1;
      let order = type === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
      if (!ascending) order = -order;
      return order || a.index - b.index;
    });
    for (const entry of keyed) body.appendChild(entry.row);
  }

  for (const table of document.querySelectorAll('table.sortable')) {
    if (table.tHead === null || table.tHead.rows.length === 0) continue;
    Array.from(table.tHead.rows[0].cells).forEach((header, column) => {
      const button = header.querySelector('button');
      if (button !== null) button.addEventListener('click', () => sortTable(table, column, header));
    });
  }

  const count = document.getElementById('filter-count');

  const modelFilter = document.getElementById('model-filter');
  if (modelFilter !== null) {
    const rows = Array.from(document.querySelectorAll('#leaderboard tbody tr'));
    const apply = () => {
      const query = modelFilter.value.trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const visible = query === '' || (row.getAttribute('data-model') || '').toLowerCase().includes(query);
        row.hidden = !visible;
        if (visible) shown += 1;
      }
      if (count !== null) count.textContent = query === '' ? '' : `${shown} of ${rows.length} models`;
    };
    modelFilter.addEventListener('input', apply);
    apply();
  }

  const outcomeFilter = document.getElementById('outcome-filter');
  if (outcomeFilter !== null) {
    const articles = Array.from(document.querySelectorAll('article.sample'));
    const apply = () => {
      const wanted = outcomeFilter.value;
      let shown = 0;
      for (const article of articles) {
        const visible = wanted === '' || article.getAttribute('data-outcome') === wanted;
        article.hidden = !visible;
        if (visible) shown += 1;
      }
      if (count !== null) count.textContent = `${shown} of ${articles.length} samples`;
    };
    outcomeFilter.addEventListener('change', apply);
    apply();
  }
})();
