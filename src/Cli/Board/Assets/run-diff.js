// A run page's spec diff: a selector of the other runs (this experiment's first, newest first) and the semantic diff of this
// run's resolved spec against the chosen one's, computed by the server (`deepdsl diff`'s comparison) and shown as text rows.
"use strict";

(() => {
  const [, , experiment, id] = location.pathname.split("/").map(decodeURIComponent);
  const self = experiment + "/" + id;
  const select = document.getElementById("diff-with");
  const table = document.getElementById("diff");
  const status = document.getElementById("diff-status");
  const problems = document.getElementById("diff-problems");
  // Answers can arrive out of order when the choice changes quickly: only the latest request's is shown.
  let asked = 0;

  const say = (text, list) => {
    status.textContent = text;
    problems.replaceChildren(...(list ?? []).map(problem => Board.element("li", problem)));
  };

  const row = change => {
    const tr = Board.element("tr", null, "diff-" + change.kind);
    tr.append(Board.element("td", change.path + (change.layers > 1 ? " (in " + change.layers + " layers)" : ""), "name"),
      Board.element("td", change.before ?? "(absent)", "name"), Board.element("td", change.after ?? "(absent)", "name"));
    return tr;
  };

  const show = async name => {
    const ask = ++asked;
    table.hidden = true;
    say("comparing with " + name + "…");
    try {
      const other = Board.parseRun(name);
      const response = await fetch("/api" + Board.runPath({ experiment, id }) + "/diff" + Board.runPath(other).slice("/runs".length), { cache: "no-store" });
      if (!response.ok) throw new Error(response.status === 404 ? "not found" : "HTTP " + response.status);
      const diff = await response.json();
      if (ask !== asked) return;
      if (diff.changes === null) {
        say("The specs could not be compared:", diff.problems);
        return;
      }
      document.getElementById("diff-before").textContent = diff.other;
      document.getElementById("diff-after").textContent = diff.run + " (this run)";
      table.tBodies[0].replaceChildren(...diff.changes.map(row));
      table.hidden = diff.changes.length === 0;
      say(diff.changes.length === 0
        ? "No setting differs: only formatting, comments or defaults written out can."
        : diff.changes.length + (diff.changes.length === 1 ? " setting differs." : " settings differ."), diff.problems);
    } catch (error) {
      if (ask === asked) say("The board could not compare the specs: " + error.message);
    }
  };

  const load = async () => {
    try {
      const response = await fetch("/api/runs", { cache: "no-store" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const others = (await response.json()).map(run => run.experiment + "/" + run.id).filter(name => name !== self);
      // The list is oldest first: newest first, this experiment's runs before the others.
      const mine = others.filter(name => Board.parseRun(name).experiment === experiment).reverse();
      const rest = others.filter(name => Board.parseRun(name).experiment !== experiment).reverse();
      select.replaceChildren(...[...mine, ...rest].map(name => {
        const option = Board.element("option", name);
        option.value = name;
        return option;
      }));
      if (select.options.length === 0) {
        say("There is no other run to compare with.");
        return;
      }
      show(select.value);
    } catch (error) {
      say("The board could not list the runs: " + error.message);
    }
  };

  select.addEventListener("change", () => show(select.value));
  load();
})();
