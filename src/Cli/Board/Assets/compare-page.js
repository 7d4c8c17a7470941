// Runs compared: each chosen run's curves overlaid, one chart per metric, polled every two seconds like a run's page:
// each run until it has finished, so the page stops asking once every run shown has. The runs are the page's
// ?run=EXPERIMENT/ID parameters (Board.parseRun).
"use strict";

(() => {
  const names = new URLSearchParams(location.search).getAll("run").slice(0, 12);
  const runs = names.map(Board.parseRun);
  const palette = RunCharts.palette;
  const metrics = [["loss", "linear"], ["val_loss", "linear"], ["accuracy", "fraction"], ["val_accuracy", "fraction"]];
  const none = () => null;
  const charts = metrics.map(([metric, kind]) =>
    [metric, RunCharts.add("chart-" + metric, names.map((name, i) => [name, palette[i % palette.length]]), kind, none)]);
  const pages = new Map();

  const list = document.getElementById("runs-compared");
  list.replaceChildren(...names.map((name, i) => {
    const item = Board.element("li", null);
    const swatch = Board.element("span", "■ ");
    swatch.style.color = palette[i % palette.length];
    const link = Board.element("a", name);
    link.href = Board.runPath(runs[i]);
    item.append(swatch, link);
    return item;
  }));

  // Every run's column over the epochs 1..longest, a gap (null) where a run has no such epoch.
  const draw = () => {
    const longest = Math.max(0, ...names.map(name => pages.get(name)?.curves.epoch.length ?? 0));
    const epochs = Array.from({ length: longest }, (_, i) => i + 1);
    for (const [metric, chart] of charts)
      RunCharts.show(chart, [epochs, ...names.map(name => epochs.map((_, i) => pages.get(name)?.curves[metric][i] ?? null))]);
  };

  const problems = new Map();
  const report = () => document.getElementById("problems").replaceChildren(...[...problems.values()].map(text => Board.element("li", text)));

  names.forEach((name, i) => {
    Board.poll("/api" + Board.runPath(runs[i]), 2000, page => {
      pages.set(name, page);
      problems.delete(name);
      report();
      draw();
      // A finished run's records no longer change.
      return page.run.finished;
    }, failure => {
      problems.set(name, name + ": " + failure.message);
      report();
    });
  });
})();
