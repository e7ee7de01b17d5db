(function () {
  "use strict";
  var table = document.getElementById("pages");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function value(row, column, numeric) {
    var text = row.cells[column].getAttribute("data-value") || row.cells[column].textContent;
    return numeric ? Number(text) : text.toLowerCase();
  }
  function sortBy(column) {
    var head = heads[column];
    var numeric = head.getAttribute("data-type") === "number";
    var ascending = head.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = value(a, column, numeric), y = value(b, column, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    for (var j = 0; j < rows.length; j++) { tbody.appendChild(rows[j]); }
  }
  table.tHead.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-column]");
    if (button) { sortBy(Number(button.getAttribute("data-column"))); }
  });
})();
