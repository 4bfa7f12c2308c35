(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var panel = document.getElementById("panel");
  var body = panel.querySelector(".panel-body");
  var current = null;

  function show(anchor) {
    var record = records[anchor];
    if (!record) { return; }
    if (current) {
      document.querySelectorAll('mark[data-rec="' + current + '"]').forEach(function (m) { m.classList.remove("current"); });
    }
    current = anchor;
    document.querySelectorAll('mark[data-rec="' + anchor + '"]').forEach(function (m) { m.classList.add("current"); });
    var kind = document.createElement("p");
    kind.className = "kind";
    kind.textContent = record.kind;
    var list = document.createElement("dl");
    record.fields.forEach(function (pair) {
      var dt = document.createElement("dt");
      var dd = document.createElement("dd");
      dt.textContent = pair[0];
      dd.textContent = pair[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    body.replaceChildren(kind, list);
    panel.classList.add("open");
  }

  function markOf(node) {
    var mark = node && node.closest ? node.closest("mark.rec") : null;
    while (mark && document.body.classList.contains("off-" + kindOf(mark))) {
      mark = mark.parentElement ? mark.parentElement.closest("mark.rec") : null;
    }
    return mark;
  }

  function kindOf(mark) {
    var found = /\bk-(\w+)/.exec(mark.className);
    return found ? found[1] : "";
  }

  var text = document.getElementById("text");
  ["click", "mouseover"].forEach(function (type) {
    text.addEventListener(type, function (event) {
      var mark = markOf(event.target);
      if (mark) { show(mark.getAttribute("data-rec")); }
    });
  });
  document.querySelectorAll("a.jump").forEach(function (link) {
    link.addEventListener("click", function () { show(link.getAttribute("data-rec")); });
  });
  document.querySelectorAll("input.kind-toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("off-" + box.value, !box.checked);
    });
  });
  panel.querySelector(".close").addEventListener("click", function () { panel.classList.remove("open"); });

  function fromHash() {
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (records[anchor]) { show(anchor); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
