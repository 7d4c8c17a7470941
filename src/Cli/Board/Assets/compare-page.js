// Runs compared: each chosen run's curves overlaid, one chart per metric, polled every two seconds like a run's page.
// The runs are the page's ?run=EXPERIMENT/ID parameters (an experiment is one folder name, so the first / splits them).
"use strict";

(() => {
  const names = new URLSearchParams(location.search).getAll("run").slice(0, 12);
  const palette = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#1b7c83", "#bc4c00", "#6e7781", "#a40e26", "#0550ae", "#4d2d00", "#116329"];
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
    const slash = name.indexOf("/");
    const link = Board.element("a", name);
    link.href = "/runs/" + encodeURIComponent(name.slice(0, slash)) + "/" + encodeURIComponent(name.slice(slash + 1));
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

  names.forEach(name => {
    const slash = name.indexOf("/");
    const api = "/api/runs/" + encodeURIComponent(name.slice(0, slash)) + "/" + encodeURIComponent(name.slice(slash + 1));
    Board.poll(api, 2000, page => {
      pages.set(name, page);
      problems.delete(name);
      report();
      draw();
    }, failure => {
      problems.set(name, name + ": " + failure.message);
      report();
    });
  });
})();
