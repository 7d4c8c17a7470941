// The runs table: polled every two seconds, so runs that start appear and statuses change without a reload; filtered by
// any text in a row and sorted by a clicked column (again to reverse).
"use strict";

(() => {
  const body = document.querySelector("#runs tbody");
  const filter = document.getElementById("filter");
  let runs = [];
  let sort = { key: "started", descending: true };
  // The runs ticked for comparing, by name: kept while the table is redrawn on every poll.
  const picked = new Set();
  const compare = document.getElementById("compare");

  const cells = run => [
    [run.experiment, "name"],
    [run.id, "name"],
    [run.status, "status status-" + run.status],
    [Board.number(run.epochs, 0), "number"],
    [Board.best(run), "number"],
    [Board.number(run.best_epoch, 0), "number"],
    [Board.percent(run.test_accuracy), "number"],
    [Board.when(run.started)],
    [run.engine ?? "–"],
  ];

  const text = run => [run.experiment, run.id, run.status, run.engine, run.device, run.problem].filter(Boolean).join(" ").toLowerCase();

  const order = (a, b) => {
    const x = a[sort.key], y = b[sort.key];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  };

  const showCompare = () => {
    compare.hidden = picked.size < 2;
    compare.href = "/compare?" + [...picked].map(name => "run=" + encodeURIComponent(name)).join("&");
  };

  const pick = name => {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = picked.has(name);
    box.setAttribute("aria-label", "compare " + name);
    box.addEventListener("change", () => {
      if (box.checked) picked.add(name); else picked.delete(name);
      showCompare();
    });
    const td = Board.element("td", null, "pick");
    td.append(box);
    return td;
  };

  const row = run => {
    const tr = document.createElement("tr");
    tr.dataset.run = run.experiment + "/" + run.id;
    tr.dataset.status = run.status;
    tr.append(pick(tr.dataset.run));
    cells(run).forEach(([value, className], i) => {
      const td = Board.element("td", null, i === 2 ? null : className);
      if (i === 1) {
        const link = Board.element("a", value);
        link.href = Board.runPath(run);
        td.append(link);
      } else {
        td.append(Board.element("span", value, i === 2 ? className : null));
      }
      if (i === 2 && run.problem) td.title = run.problem;
      tr.append(td);
    });
    return tr;
  };

  const render = () => {
    const wanted = filter.value.trim().toLowerCase();
    const shown = runs.filter(run => !wanted || text(run).includes(wanted)).sort(order);
    body.replaceChildren(...shown.map(row));
    document.getElementById("count").textContent = shown.length === runs.length ? runs.length + " runs" : shown.length + " of " + runs.length + " runs";
    document.getElementById("empty").hidden = runs.length > 0;
    document.querySelectorAll("#runs th[data-key]").forEach(th =>
      th.setAttribute("aria-sort", th.dataset.key === sort.key ? (sort.descending ? "descending" : "ascending") : "none"));
  };

  document.querySelectorAll("#runs th[data-key]").forEach(th => th.addEventListener("click", () => {
    sort = { key: th.dataset.key, descending: sort.key === th.dataset.key ? !sort.descending : false };
    render();
  }));
  filter.addEventListener("input", render);

  const error = document.getElementById("error");
  // Redrawn only when the runs changed: a redraw replaces every row, which would drop what the reader points at (and the
  // elements a browser test holds) every two seconds for nothing.
  let last = null;
  Board.poll("/api/runs", 2000, json => {
    error.hidden = true;
    const answer = JSON.stringify(json);
    if (answer === last) return;
    last = answer;
    runs = json;
    render();
  }, failure => {
    error.textContent = "The board could not read the runs: " + failure.message;
    error.hidden = false;
  });
})();
