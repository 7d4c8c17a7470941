// The metric against each swept parameter, drawn with uPlot as points only (trials are separate results, not a path):
// trials that ASHA stopped hollow and orange, the others filled and blue. The server says how the x axis is laid out:
// numbers on a linear axis or a log one (they span a decade or more), categories evenly spaced and labelled as
// `sweep report` labels them (a long value by a letter; the value under the pointer spells it out). One chart per parameter, made once and updated in place while the sweep runs.
"use strict";

const SweepCharts = (() => {
  const colors = { trial: "#0969da", stopped: "#bc4c00" };

  // A category's axis label, from the server (SweepAxis); under the pointer, a letter with the value it stands for.
  const label = (chart, i) => chart.labels[i] ?? "";
  const spelled = (chart, i) => label(chart, i) === chart.categories[i] ? label(chart, i) : label(chart, i) + " = " + (chart.categories[i] ?? "");

  // Seeds, units and layer counts are whole numbers: whole-number ticks only.
  const whole = chart => chart.points.every(p => Number.isInteger(p.x));

  // What each scale the server names does with the x axis (anything else is a bug, and says so).
  // The x range reaches a little past the outermost trials, so their points are not cut in half by the plot's edge.
  const padded = chart => (u, min, max) => {
    const pad = whole(chart) ? 0.5 : 0.05 * (max - min || Math.abs(min) || 1);
    return [min - pad, max + pad];
  };
  const scales = {
    linear: chart => ({ scale: { time: false, range: padded(chart) }, axis: whole(chart) ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] } : {}, value: v => v }),
    log: () => ({ scale: { time: false, distr: 3, range: (u, min, max) => [min / 2, max * 2] }, axis: { values: Board.decades }, value: v => v }),
    category: chart => ({
      scale: { time: false, range: () => [-0.5, Math.max(0.5, chart.categories.length - 0.5)] },
      axis: { splits: () => chart.categories.map((_, i) => i), values: (u, splits) => splits.map(i => label(chart, i)) },
      value: v => spelled(chart, v),
    }),
  };

  // [x, the others' metric, the stopped ones' metric]: uPlot's aligned columns, a gap (null) where a point is the other kind.
  // Without ASHA no trial is stopped: no such series, nor its legend.
  const data = (chart, asha) => {
    const columns = [chart.points.map(p => p.x), chart.points.map(p => p.stopped ? null : p.metric)];
    return asha ? [...columns, chart.points.map(p => p.stopped ? p.metric : null)] : columns;
  };

  const points = (color, fill) => ({ show: true, size: 9, width: 2, stroke: color, fill });

  const create = (element, chart, metric, asha) => {
    if (!Object.hasOwn(scales, chart.scale)) throw new Error("unknown scale '" + chart.scale + "'");
    const x = scales[chart.scale](chart);
    const options = {
      ...Board.chartSize(element),
      scales: { x: x.scale, y: {} },
      axes: [{ label: chart.parameter, ...x.axis }, { label: metric }],
      series: [
        { label: chart.parameter, value: (u, v) => v === null || v === undefined ? "–" : String(x.value(v)) },
        { label: "trials", stroke: colors.trial, paths: () => null, points: points(colors.trial, colors.trial) },
        ...(asha ? [{ label: "stopped by ASHA", stroke: colors.stopped, paths: () => null, points: points(colors.stopped, "#fff") }] : []),
      ],
    };
    return new uPlot(options, data(chart, asha), element);
  };

  let shape = null;
  let drawn = [];
  Board.fitWidth(() => drawn);

  // A new set of figures only when the parameters or their axes changed; otherwise each chart takes its new points.
  const figures = (container, charts, metric, asha) => {
    const wanted = JSON.stringify([metric, asha, charts.map(c => [c.parameter, c.scale, c.categories])]);
    if (wanted === shape) return;
    shape = wanted;
    drawn.forEach(d => d.plot && d.plot.destroy());
    drawn = charts.map(chart => {
      const figure = document.createElement("figure");
      const element = Board.element("div", null, "chart");
      element.dataset.parameter = chart.parameter;
      element.dataset.scale = chart.scale;
      figure.append(Board.element("figcaption", metric + " by " + chart.parameter), element);
      return { figure, element, plot: null };
    });
    container.replaceChildren(...drawn.map(d => d.figure));
  };

  return {
    // Shows the page's charts in container (asha: the sweep stops trials, whose points are drawn apart); data-points and data-stopped say how many points each holds, for a reader or a test.
    show(container, charts, metric, asha) {
      figures(container, charts, metric, asha);
      charts.forEach((chart, i) => {
        const d = drawn[i];
        d.element.dataset.points = String(chart.points.length);
        d.element.dataset.stopped = String(chart.points.filter(p => p.stopped).length);
        if (chart.points.length === 0) {
          if (d.plot) d.plot.destroy();
          d.plot = null;
          d.element.replaceChildren(Board.element("div", "no trial has a value yet", "chart-empty"));
        } else if (d.plot === null) {
          d.element.replaceChildren();
          d.plot = create(d.element, chart, metric, asha);
        } else {
          d.plot.setData(data(chart, asha));
        }
      });
    },

    colors,
  };
})();
