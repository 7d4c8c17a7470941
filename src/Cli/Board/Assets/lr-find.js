// What the lr-find table and an lr-find page share: the suggestions in the CLI's order and names, rates as the CLI prints
// them, and a record's page path.
"use strict";

const LrFind = {
  // [name, value] of each suggested rate, as `deepdsl lr-find` prints them; none when the record has none.
  suggestions(s) {
    return s ? [["minimum/10", s.minimum_over_ten], ["valley", s.valley], ["steepest", s.steepest], ["minimum", s.minimum]] : [];
  },

  // Three significant digits, as the CLI's G3: 0.00123 as 1.23e-3, 0.0421 as 0.0421.
  rate(value) {
    if (value === null || value === undefined) return "–";
    return value >= 1e-3 && value < 1e4 ? String(+value.toPrecision(3)) : value.toExponential(2).replace(/\.?0+e/, "e");
  },

  // An lr-find record's page, /lr-finds/EXPERIMENT/ID, each name encoded; its JSON is at "/api" + the same path.
  path(sweep) {
    return "/lr-finds/" + encodeURIComponent(sweep.experiment) + "/" + encodeURIComponent(sweep.id);
  },
};
