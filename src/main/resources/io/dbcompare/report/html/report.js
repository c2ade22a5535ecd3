(function () {
  'use strict';
  var table = document.getElementById('tables');
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var filter = document.getElementById('filter');
  var result = document.getElementById('result');
  var shown = document.getElementById('shown');
  var current = -1;
  var descending = false;

  function key(row, i, numeric) {
    var cell = row.cells[i];
    var v = cell.getAttribute('data-sort');
    if (v === null) { v = cell.textContent; }
    if (numeric) { v = parseFloat(v); return isNaN(v) ? -Infinity : v; }
    return v.toLowerCase();
  }

  function sort(i, desc) {
    var numeric = heads[i].getAttribute('data-type') === 'num';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, i, numeric);
      var y = key(b, i, numeric);
      var c = x < y ? -1 : (x > y ? 1 : 0);
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var j = 0; j < heads.length; j++) {
      heads[j].setAttribute('aria-sort', j === i ? (desc ? 'descending' : 'ascending') : 'none');
    }
    current = i;
    descending = desc;
  }

  function apply() {
    var text = filter.value.toLowerCase();
    var wanted = result.value;
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var show = (!text || r.textContent.toLowerCase().indexOf(text) >= 0)
        && (!wanted || r.getAttribute('data-result') === wanted);
      r.hidden = !show;
      if (show) { n++; }
    });
    shown.textContent = n + ' of ' + body.rows.length + ' tables';
  }

  Array.prototype.forEach.call(heads, function (th, i) {
    th.addEventListener('click', function () {
      // a second click turns the order round; counts start with the largest
      sort(i, current === i ? !descending : th.getAttribute('data-type') === 'num');
    });
  });
  filter.addEventListener('input', apply);
  result.addEventListener('change', apply);

  // ?sort=<column>&dir=asc|desc&filter=<text>&result=<result>: a bookmarkable view
  var params = new URLSearchParams(window.location.search);
  if (params.get('filter')) { filter.value = params.get('filter'); }
  if (params.get('result')) { result.value = params.get('result'); }
  var by = params.get('sort');
  for (var i = 0; by && i < heads.length; i++) {
    if (heads[i].getAttribute('data-key') === by) {
      heads[i].click();
      var wantDesc = params.get('dir') === 'desc';
      if (descending !== wantDesc) { heads[i].click(); }
    }
  }
  apply();
}());
