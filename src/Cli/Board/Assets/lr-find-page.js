// An lr-find record's page: loss against learning rate (log axis), the batch loss and the smoothed loss, with each suggested
// rate marked and labelled, and the suggestions as text. A record is written once, whole: the page reads it once.
"use strict";

(() => {
  const [, , experiment, id] = location.pathname.split("/").map(decodeURIComponent);
  const api = "/api" + LrFind.path({ experiment, id });
  const colors = { loss: "#8c959f", smoothed: "#0969da", markers: ["#bf8700", "#1a7f37", "#cf222e", "#8250df"] };

  document.getElementById("title").textContent = "lr-find: " + experiment + " / " + id;
  document.title = "lr-find " + experiment + " / " + id + " — DeepDsl";

  const facts = sweep => [
    ["experiment", sweep.experiment],
    ["sweep", sweep.id],
    ["method", sweep.method ?? "–"],
    ["steps", Board.number(sweep.steps, 0)],
    ["stopped early", sweep.steps === null ? "–" : sweep.stopped_early ?? "no: it swept every rate"],
    ["started", Board.when(sweep.started)],
    ["engine", sweep.engine ?? "–"],
    ["device", sweep.device ?? "–"],
  ];

  // Each suggestion a dashed vertical line with its name and rate; labels stacked so close rates stay readable. The names
  // drawn are kept on the chart (data-markers), so a test can see them.
  const markers = suggestions => ({
    hooks: {
      draw: [u => {
        const { top, left, width } = u.bbox;
        const ctx = u.ctx, ratio = devicePixelRatio, drawn = [];
        suggestions.forEach(([name, value], i) => {
          const x = u.valToPos(value, "x", true);
          if (!(x >= left && x <= left + width)) return;
          drawn.push(name);
          ctx.save();
          ctx.strokeStyle = ctx.fillStyle = colors.markers[i % colors.markers.length];
          ctx.lineWidth = 1.5 * ratio;
          ctx.setLineDash([5 * ratio, 4 * ratio]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + u.bbox.height);
          ctx.stroke();
          ctx.font = `${11 * ratio}px system-ui, sans-serif`;
          const label = name + " = " + Board.rate(value), gap = 4 * ratio;
          const right = x + gap + ctx.measureText(label).width > left + width;
          ctx.textAlign = right ? "right" : "left";
          ctx.fillText(label, right ? x - gap : x + gap, top + (12 + 14 * i) * ratio);
          ctx.restore();
        });
        u.root.parentElement.dataset.markers = drawn.join(",");
      }],
    },
  });

  // Taller than the run page's charts: the one chart of the page, with its suggestions marked.
  const size = element => ({ width: Math.max(320, element.clientWidth), height: 340 });

  const chart = (element, curve, suggestions) => {
    // uPlot draws x in ascending order: the steps sorted by rate (a sweep from a higher rate down is drawn the same way).
    const order = curve.lr.map((_, i) => i).sort((a, b) => curve.lr[a] - curve.lr[b]);
    const data = [order.map(i => curve.lr[i]), order.map(i => curve.loss[i]), order.map(i => curve.smoothed_loss[i])];
    const rates = suggestions.map(([, value]) => value).concat(data[0]);
    const lowest = Math.min(...rates), highest = Math.max(...rates), first = data[0][0], last = data[0][data[0].length - 1];
    const options = {
      ...size(element),
      plugins: [markers(suggestions)],
      scales: {
        // The whole sweep is shown wide enough for every suggestion (minimum/10 may lie below the first rate swept); a
        // range zoomed into by dragging is kept as it is.
        x: { time: false, distr: 3, range: (u, min, max) => min <= first && max >= last ? uPlot.rangeLog(lowest, highest, 10, true) : [min, max] },
        y: curve.loss_range ? { range: () => [...curve.loss_range] } : {},
      },
      axes: [{ label: "learning rate (log)", values: Board.decades }, { label: "loss" }],
      series: [
        { label: "lr", value: (u, v) => v === null ? "–" : Board.rate(v) },
        { label: "batch loss", stroke: colors.loss, width: 1, dash: [4, 3] },
        { label: "smoothed loss", stroke: colors.smoothed, width: 2 },
      ],
    };
    element.replaceChildren();
    const plot = new uPlot(options, data, element);
    element.dataset.points = String(plot.data[0].length);
    addEventListener("resize", () => plot.setSize(size(element)));
  };

  const show = page => {
    const sweep = page.lr_find;
    document.getElementById("facts").replaceChildren(...facts(sweep).flatMap(([name, value]) => [Board.element("dt", name), Board.element("dd", value)]));
    document.getElementById("problems").replaceChildren(...page.problems.map(problem => Board.element("li", problem)));
    const suggestions = LrFind.suggestions(sweep.suggestions);
    document.getElementById("suggestions").replaceChildren(...suggestions.flatMap(([name, value]) => {
      const dd = Board.element("dd", Board.rate(value));
      dd.dataset.suggestion = name;
      dd.dataset.value = String(value);
      return [Board.element("dt", name), dd];
    }));
    const element = document.getElementById("chart-lr-find");
    if (page.curve.lr.length === 0) {
      element.dataset.points = "0";
      element.replaceChildren(Board.element("div", "no steps to draw", "chart-empty"));
    } else {
      chart(element, page.curve, suggestions);
    }
    document.getElementById("spec").textContent = page.spec ?? "";
    // A record is final when it is written: one reading.
    return true;
  };

  Board.poll(api, 2000, show, failure =>
    document.getElementById("problems").replaceChildren(Board.element("li", "The board could not read this lr-find record: " + failure.message)));
})();
