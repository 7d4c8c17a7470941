// A run's page: its facts, its curves (the momentum's when its optimizer has one) and its resolved spec, polled every two
// seconds so the curves gain points while it trains. The run is named by the page's own path, /runs/EXPERIMENT/ID, or a
// sweep trial's /sweeps/SWEEP/trials/HASH (named SWEEP / sweep/trials/HASH, as deepdsl runs names it); its JSON is at
// "/api" + the same path.
"use strict";

(() => {
  const parts = location.pathname.split("/").map(decodeURIComponent);
  const [experiment, id] = parts[1] === "sweeps" ? [parts[2], "sweep/trials/" + parts[4]] : [parts[2], parts[3]];
  const api = "/api" + location.pathname;
  let best = null;
  const bestEpoch = () => best;
  const c = RunCharts.colors;
  const loss = RunCharts.add("chart-loss", [["loss", c.train], ["val_loss", c.validation, [6, 3]]], "linear", bestEpoch);
  const accuracy = RunCharts.add("chart-accuracy", [["accuracy", c.train], ["val_accuracy", c.validation, [6, 3]]], "fraction", bestEpoch);
  const lr = RunCharts.add("chart-lr", [["lr", c.lr]], "log", bestEpoch);
  // A linear axis inside 0..1, where every optimizer's momentum lies (a constant momentum, 0 included, is a flat line in it).
  const momentum = RunCharts.add("chart-momentum", [["momentum", c.momentum]], "fraction", bestEpoch);

  document.getElementById("title").textContent = experiment + " / " + id;
  document.title = experiment + " / " + id + " — DeepDsl";

  const facts = run => [
    ["experiment", run.experiment],
    ["run", run.id],
    ["epochs", Board.number(run.epochs, 0)],
    ["best epoch", run.best_epoch === null ? "–" : run.best_epoch + (run.monitor ? " (" + Board.best(run) + ")" : "")],
    ["test accuracy", Board.percent(run.test_accuracy)],
    ["started", Board.when(run.started)],
    ["engine", run.engine ?? "–"],
    ["device", run.device ?? "–"],
    ["stopped because", run.stop_reason ?? "–"],
  ];

  const show = page => {
    const run = page.run;
    const status = document.getElementById("status");
    status.textContent = run.status;
    status.className = "status status-" + run.status;
    document.getElementById("facts").replaceChildren(...facts(run).flatMap(([name, value]) => [Board.element("dt", name), Board.element("dd", value)]));
    document.getElementById("problems").replaceChildren(...page.problems.map(problem => Board.element("li", problem)));
    best = run.best_epoch;
    const curves = page.curves;
    RunCharts.show(loss, [curves.epoch, curves.loss, curves.val_loss]);
    RunCharts.show(accuracy, [curves.epoch, curves.accuracy, curves.val_accuracy]);
    RunCharts.show(lr, [curves.epoch, curves.lr]);
    // Only a run whose optimizer has a momentum has the column (null otherwise): shown before drawing, so the chart takes its width.
    const withMomentum = curves.momentum !== null && curves.momentum !== undefined;
    document.getElementById("figure-momentum").hidden = !withMomentum;
    if (withMomentum) RunCharts.show(momentum, [curves.epoch, curves.momentum]);
    const spec = document.getElementById("spec");
    if (spec.textContent !== (page.spec ?? "")) spec.textContent = page.spec ?? "";
    // A finished run's records no longer change: polling stops.
    return run.finished;
  };

  Board.poll(api, 2000, show, failure =>
    document.getElementById("problems").replaceChildren(Board.element("li", "The board could not read this run: " + failure.message)));
})();
