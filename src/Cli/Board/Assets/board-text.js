// What every page shares: elements whose text is set with textContent only (a run folder's names, descriptions and
// messages are untrusted; nothing from the server is ever parsed as markup), number formats, the charts' size and log
// axis labels, and polling.
"use strict";

const Board = {
  // An element holding text: never markup, whatever the text holds.
  element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  },

  number(value, digits) {
    return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
  },

  percent(value) {
    return value === null || value === undefined ? "–" : (100 * value).toFixed(2) + " %";
  },

  // A metric as the CLI prints it: accuracies in percent, the rest with four decimals.
  metric(name, value) {
    return name && name.endsWith("accuracy") ? Board.percent(value) : Board.number(value, 4);
  },

  // The kept epoch's number as "monitor value" (val_loss 0.4123), "–" when there is none.
  best(run) {
    return run.best === null || run.best === undefined ? "–" : (run.monitor ? run.monitor + " " : "") + Board.metric(run.monitor, run.best);
  },

  // A rate (or any number on a log axis) as the CLI's G3 prints it: three significant digits, fixed point while the
  // exponent is above -5 and below 3 (0.00123, 0.0421, 100), else 1.23E-05 / 1.2E+04 (trailing zeros dropped, as .NET does).
  rate(value) {
    if (value === null || value === undefined) return "–";
    if (value === 0 || !Number.isFinite(value)) return String(value);
    const [mantissa, power] = value.toExponential(2).split("e");
    const exponent = Number(power);
    if (exponent > -5 && exponent < 3) return String(+value.toPrecision(3));
    return mantissa.replace(/\.?0+$/, "") + "E" + (exponent < 0 ? "-" : "+") + String(Math.abs(exponent)).padStart(2, "0");
  },

  // A log axis' tick labels (uPlot's values callback): each as Board.rate writes it.
  decades(u, values) {
    return values.map(v => v === null ? "" : Board.rate(v));
  },

  // Every chart's size: the width of its element (never narrower than a phone's), a fixed height.
  chartSize(element) {
    return { width: Math.max(280, element.clientWidth), height: 240 };
  },

  // Charts follow the window's width: on a resize, each { element, plot } that charts() returns (plot null until drawn) is resized.
  fitWidth(charts) {
    addEventListener("resize", () => charts().forEach(chart => chart.plot && chart.plot.setSize(Board.chartSize(chart.element))));
  },

  // A run named EXPERIMENT/ID, as the table and the compare page's ?run= give it: an experiment is one folder name, so the
  // first / splits them.
  parseRun(name) {
    const slash = name.indexOf("/");
    return { experiment: name.slice(0, slash), id: name.slice(slash + 1) };
  },

  // A run's page, /runs/EXPERIMENT/ID, each name encoded; its JSON is at "/api" + the same path.
  runPath(run) {
    return "/runs/" + encodeURIComponent(run.experiment) + "/" + encodeURIComponent(run.id);
  },

  when(iso) {
    if (!iso) return "–";
    const date = new Date(iso);
    return isNaN(date) ? "–" : date.toISOString().replace("T", " ").slice(0, 19) + " UTC";
  },

  // How many polls of this page still go on: the page is final when none does.
  polling: 0,

  // Calls show(json) with url's JSON now and every interval ms until show returns true (what it shows can no longer change);
  // a failed request says so and is tried again. #updated counts the polls shown (data-polls), so a test can wait for the next,
  // and says "final" once every poll of the page has ended (the compare page polls each run until that run has finished).
  // A table that polls beside the page's own (the index's sweeps and lr-find tables) passes { counted: false }: it neither
  // counts in #updated nor keeps the page from being final.
  poll(url, interval, show, fail, { counted = true } = {}) {
    if (counted) Board.polling++;
    const tick = async () => {
      let final = false;
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(response.status === 404 ? "not found" : "HTTP " + response.status);
        final = show(await response.json()) === true;
        if (final && counted) Board.polling--;
        const updated = counted ? document.getElementById("updated") : null;
        if (updated) {
          updated.textContent = (Board.polling === 0 ? "final, read " : "updated ") + new Date().toLocaleTimeString();
          updated.dataset.polls = String(Number(updated.dataset.polls ?? 0) + 1);
        }
      } catch (error) {
        fail(error);
      }
      if (!final) setTimeout(tick, interval);
    };
    tick();
  },
};
