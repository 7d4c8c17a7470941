// The index page's lr-find table: every recorded learning-rate sweep (runs/EXPERIMENT/lr-find/ID/), newest first, each
// linking to its page. Asked for every five seconds, so a sweep that finishes appears; hidden while there is none.
"use strict";

(() => {
  const section = document.getElementById("lr-finds-section");
  const body = document.querySelector("#lr-finds tbody");

  // The suggestions as the CLI prints them, or why the record could not be read.
  const suggestions = sweep => sweep.problem ?? LrFind.suggestions(sweep.suggestions).map(([name, value]) => name + " = " + Board.rate(value)).join(" · ");

  const row = sweep => {
    const tr = document.createElement("tr");
    tr.dataset.lrFind = sweep.experiment + "/" + sweep.id;
    const link = Board.element("a", sweep.id);
    link.href = LrFind.path(sweep);
    const id = Board.element("td", null, "name");
    id.append(link);
    tr.append(Board.element("td", sweep.experiment, "name"), id, Board.element("td", Board.when(sweep.started)), Board.element("td", sweep.method ?? "–"),
      Board.element("td", Board.number(sweep.steps, 0), "number"), Board.element("td", suggestions(sweep), sweep.problem ? "problem" : null));
    return tr;
  };

  // Beside the runs table's poll: it leaves #updated to that one. Redrawn only when the records changed, as the runs table.
  let last = null;
  Board.poll("/api/lr-finds", 5000, records => {
    const answer = JSON.stringify(records);
    if (answer !== last) {
      last = answer;
      const sweeps = records.reverse();
      body.replaceChildren(...sweeps.map(row));
      section.hidden = sweeps.length === 0;
    }
    return false;
  }, () => {
    // The runs table above says when the board cannot be reached.
  }, { counted: false });
})();
