// The sweeps table under the runs: each sweep's name (a link to its page), the metric it ranks by, trials done of all,
// the best value, whether ASHA stops weak trials, and whether it is still going. Asked for every five seconds (a sweep's
// row reads every trial's summary), redrawn only when it changed, and hidden while the runs folder holds no sweep.
"use strict";

(() => {
  const section = document.getElementById("sweeps-section");
  const body = document.querySelector("#sweeps tbody");
  const error = document.getElementById("sweeps-error");

  const state = sweep => sweep.problem ? "damaged" : sweep.finished ? "finished" : "running";

  const row = sweep => {
    const tr = document.createElement("tr");
    tr.dataset.sweep = sweep.name;
    const name = Board.element("td", null, "name");
    const link = Board.element("a", sweep.name);
    link.href = "/sweeps/" + encodeURIComponent(sweep.name);
    name.append(link);
    const status = Board.element("td");
    status.append(Board.element("span", state(sweep), "status status-" + state(sweep)));
    if (sweep.problem) status.title = sweep.problem;
    tr.append(name,
      Board.element("td", sweep.metric ? sweep.metric + (sweep.maximize ? " (max)" : " (min)") : "–"),
      Board.element("td", sweep.done + " / " + sweep.trials, "number"),
      Board.element("td", Board.metric(sweep.metric, sweep.best), "number"),
      Board.element("td", sweep.asha ? "yes" : "no"),
      status);
    return tr;
  };

  // Beside the runs table's poll: it leaves #updated to that one.
  let last = null;
  Board.poll("/api/sweeps", 5000, sweeps => {
    error.hidden = true;
    const answer = JSON.stringify(sweeps);
    if (answer !== last) {
      last = answer;
      body.replaceChildren(...sweeps.map(row));
      section.hidden = sweeps.length === 0;
    }
    return false;
  }, failure => {
    error.textContent = "The board could not read the sweeps: " + failure.message;
    error.hidden = false;
    section.hidden = false;
  }, { counted: false });
})();
