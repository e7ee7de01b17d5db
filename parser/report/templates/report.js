(function () {
  "use strict";
  var body = document.body;
  var bar = document.getElementById("filters");
  if (!bar) { return; }
  bar.hidden = false;
  function apply() {
    var hidden = {};
    var boxes = bar.querySelectorAll("input[data-severity]");
    for (var i = 0; i < boxes.length; i++) {
      var severity = boxes[i].getAttribute("data-severity");
      hidden[severity] = !boxes[i].checked;
      body.classList.toggle("hide-" + severity, hidden[severity]);
    }
    var only = document.getElementById("only-marked");
    body.classList.toggle("only-marked", Boolean(only && only.checked));
    var items = document.querySelectorAll("li.finding");
    var shown = 0;
    for (var j = 0; j < items.length; j++) {
      if (!hidden[items[j].getAttribute("data-severity")]) { shown += 1; }
    }
    var counter = document.getElementById("shown-count");
    if (counter) { counter.textContent = String(shown); }
  }
  bar.addEventListener("change", apply);
  apply();
})();
