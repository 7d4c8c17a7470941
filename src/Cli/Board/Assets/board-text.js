// What both pages share: elements whose text is set with textContent only (a run folder's names, descriptions and
// messages are untrusted; nothing from the server is ever parsed as markup), number formats, and polling.
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
  poll(url, interval, show, fail) {
    Board.polling++;
    const tick = async () => {
      let final = false;
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(response.status === 404 ? "not found" : "HTTP " + response.status);
        final = show(await response.json()) === true;
        if (final) Board.polling--;
        const updated = document.getElementById("updated");
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
