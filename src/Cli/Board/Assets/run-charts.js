// A run's curves drawn with uPlot (bundled into deepdsl, see docs/architecture.md): loss and accuracy, train and
// validation, the learning rate on a log axis and the momentum, each with the kept (best) epoch marked by a dashed line.
"use strict";

const RunCharts = (() => {
  const colors = { train: "#0969da", validation: "#cf222e", lr: "#8250df", momentum: "#bf8700", best: "#1a7f37" };
  // One color a run when runs are compared: the colors above first, then others as distinct.
  const palette = [colors.train, colors.validation, colors.best, colors.lr, "#bf8700", "#1b7c83", "#bc4c00", "#6e7781", "#a40e26", "#0550ae", "#4d2d00", "#116329"];

  // Draws the best epoch's line over the plot once uPlot has drawn the series.
  const bestEpochMarker = best => ({
    hooks: {
      draw: [u => {
        const epoch = best();
        if (epoch === null || epoch === undefined) return;
        const x = u.valToPos(epoch, "x", true);
        const { top, height } = u.bbox;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = colors.best;
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        ctx.fillStyle = colors.best;
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        // The label on the line's right, or on its left near the plot's right edge.
        const label = "best " + epoch, gap = 4 * devicePixelRatio;
        const right = x + gap + ctx.measureText(label).width > u.bbox.left + u.bbox.width;
        ctx.textAlign = right ? "right" : "left";
        ctx.fillText(label, right ? x - gap : x + gap, top + 12 * devicePixelRatio);
        ctx.restore();
      }],
    },
  });

  // Tick labels with as many decimals as the step between ticks needs (0.999 and 1 are not both "1").
  const ticks = (u, values, axis, space, step) => values.map(v => v === null ? "" : v.toFixed(Math.max(0, Math.min(8, -Math.floor(Math.log10(step))))));

  // Accuracies stay inside 0..1 however the range is padded.
  const fraction = (u, min, max) => {
    const [low, high] = uPlot.rangeNum(min, max, 0.1, true);
    return [Math.max(0, low), Math.min(1, high)];
  };

  // What each kind of chart does with its y axis: a log scale, 0..1, or as the values fall.
  const kinds = {
    log: { scale: { distr: 3 }, values: Board.decades },
    fraction: { scale: { range: fraction }, values: ticks },
    linear: { scale: {}, values: ticks },
  };

  // One chart in element: series is [[label, color, dash]]; kind is one of kinds (anything else is a bug, and says so).
  const create = (element, series, kind, best) => {
    if (!Object.hasOwn(kinds, kind)) throw new Error("unknown chart kind '" + kind + "'");
    const y = kinds[kind];
    const options = {
      ...Board.chartSize(element),
      plugins: [bestEpochMarker(best)],
      // A copy: uPlot may write into its options, and the table is shared by every chart.
      scales: { x: { time: false }, y: { ...y.scale } },
      // Epochs are whole numbers: whole-number steps only.
      axes: [{ label: "epoch", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (u, values) => values.map(String) },
        { values: y.values }],
      series: [{ label: "epoch" }, ...series.map(([label, stroke, dash]) => ({ label, stroke, width: 2, dash, points: { show: true, size: 5 } }))],
    };
    return { element, plot: null, options };
  };

  const charts = [];
  Board.fitWidth(() => charts);

  return {
    add(id, series, kind, best) {
      const chart = create(document.getElementById(id), series, kind, best);
      charts.push(chart);
      return chart;
    },

    // Shows data ([epochs, ...columns]) in chart: made on the first epoch, updated in place after.
    show(chart, data) {
      const epochs = data[0].length;
      chart.element.dataset.points = String(epochs);
      if (epochs === 0) {
        chart.element.replaceChildren(Board.element("div", "no finished epoch yet", "chart-empty"));
        chart.plot = null;
        return;
      }
      if (chart.plot === null) {
        chart.element.replaceChildren();
        // Sized now, not when added: a chart hidden until its first data (the momentum's) had no width then.
        chart.plot = new uPlot({ ...chart.options, ...Board.chartSize(chart.element) }, data, chart.element);
      } else {
        chart.plot.setData(data);
      }
    },

    // What the chart in the element with this id draws ([epochs, ...columns]), null before its first epoch: a browser test
    // holds the drawn values to the records.
    data(id) {
      const chart = charts.find(c => c.element.id === id);
      return chart && chart.plot ? chart.plot.data : null;
    },

    colors,
    palette,
  };
})();

