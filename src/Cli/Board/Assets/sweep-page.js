// A sweep's page: its facts, the leaderboard (best first, each trial linked to its run's page), the mean ± std over
// seeds, and the metric against each swept parameter, ASHA's stopped trials marked in the table and the charts. Polled
// every two seconds until every trial is done. The sweep is named by the page's own path, /sweeps/NAME.
"use strict";

(() => {
  const name = decodeURIComponent(location.pathname.split("/")[2]);
  document.getElementById("title").textContent = name;
  document.title = name + " — DeepDsl sweep";
  const trialPath = hash => "/sweeps/" + encodeURIComponent(name) + "/trials/" + encodeURIComponent(hash);

  const head = (table, columns) =>
    document.querySelector(table + " thead tr").replaceChildren(...columns.map(([text, className]) => Board.element("th", text, className)));

  const facts = sweep => [
    ["metric", sweep.metric === null ? "–" : sweep.metric + (sweep.maximize ? " (higher is better)" : " (lower is better)")],
    ["trials", sweep.done + " of " + sweep.trials + " done"],
    ["statuses", Object.entries(sweep.statuses).map(([status, n]) => status + ": " + n).join(", ") || "–"],
    ["best", Board.metric(sweep.metric, sweep.best)],
    ["ASHA", sweep.asha ? "on: trials outside the best at a rung are stopped" : "off"],
  ];

  const status = trial => {
    const td = Board.element("td");
    td.append(Board.element("span", trial.status, "status status-" + trial.status));
    if (trial.stopped_by_asha)
      td.append(Board.element("span", trial.asha_rung === null ? "stopped by ASHA" : "stopped by ASHA at rung " + trial.asha_rung, "asha"));
    if (trial.problem) td.title = trial.problem;
    return td;
  };

  const trialCell = trial => {
    const td = Board.element("td", null, "number");
    if (trial.run) {
      const link = Board.element("a", trial.index);
      link.href = trialPath(trial.hash);
      link.title = trial.hash;
      td.append(link);
    } else {
      td.append(Board.element("span", trial.index));
    }
    return td;
  };

  const leaderboard = page => {
    const metric = page.sweep.metric ?? "metric";
    head("#leaderboard", [["rank", "number"], ["trial", "number"], ...page.parameters.map(p => [p]), [metric, "number"],
      ["best epoch", "number"], ["epochs", "number"], ["test acc", "number"], ["status"]]);
    document.querySelector("#leaderboard tbody").replaceChildren(...page.trials.map(trial => {
      const tr = document.createElement("tr");
      tr.dataset.index = String(trial.index);
      tr.dataset.status = trial.status;
      if (trial.metric !== null) tr.dataset.metric = String(trial.metric);
      if (trial.stopped_by_asha) tr.className = "stopped";
      tr.append(Board.element("td", trial.rank ?? "–", "number"), trialCell(trial),
        ...page.parameters.map(p => Board.element("td", trial.values[p] ?? "", "name")),
        Board.element("td", Board.metric(metric, trial.metric), "number"),
        Board.element("td", Board.number(trial.best_epoch, 0), "number"),
        Board.element("td", Board.number(trial.epochs, 0), "number"),
        Board.element("td", Board.percent(trial.test_accuracy), "number"),
        status(trial));
      return tr;
    }));
  };

  // The groups of trials that differ only in their seed; data-value holds each number as sent, for a reader or a test.
  const seeds = page => {
    const section = document.getElementById("seeds-section");
    section.hidden = page.groups.length === 0;
    const metric = page.sweep.metric;
    const others = page.parameters.filter(p => p !== "seed");
    head("#seeds", [...others.map(p => [p]), ["mean", "number"], ["std", "number"], ["n", "number"], ["seeds"]]);
    const number = (value, className) => {
      const td = Board.element("td", Board.metric(metric, value), "number " + className);
      if (value !== null) td.dataset.value = String(value);
      return td;
    };
    document.querySelector("#seeds tbody").replaceChildren(...page.groups.map(group => {
      const tr = document.createElement("tr");
      tr.append(...others.map(p => Board.element("td", group.values[p] ?? "", "name")), number(group.mean, "mean"), number(group.std, "std"),
        Board.element("td", group.n, "number"),
        Board.element("td", group.seeds.map(s => s.seed + ": " + Board.metric(metric, s.metric)).join(", "), "name"));
      return tr;
    }));
  };

  const problems = document.getElementById("problems");
  let last = null;
  const show = page => {
    // Redrawn only when the sweep changed: a redraw would drop what the reader points at for nothing.
    const answer = JSON.stringify(page);
    if (answer !== last) {
      last = answer;
      problems.replaceChildren(...page.problems.map(problem => Board.element("li", problem)));
      document.getElementById("facts").replaceChildren(...facts(page.sweep).flatMap(([term, value]) => [Board.element("dt", term), Board.element("dd", value)]));
      document.getElementById("progress").textContent = page.sweep.done + " / " + page.sweep.trials + " trials done";
      document.getElementById("charts-title").textContent = (page.sweep.metric ?? "metric") + " against each parameter";
      leaderboard(page);
      seeds(page);
      SweepCharts.show(document.getElementById("charts"), page.charts, page.sweep.metric ?? "metric", page.sweep.asha);
    }
    // Once every trial is done nothing on the page can change: polling stops.
    return page.sweep.finished;
  };

  Board.poll("/api/sweeps/" + encodeURIComponent(name), 2000, show, failure =>
    problems.replaceChildren(Board.element("li", "The board could not read this sweep: " + failure.message)));
})();
