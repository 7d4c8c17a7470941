// What the lr-find table and an lr-find page share: the suggestions in the CLI's order and names (their rates as the CLI
// prints them: Board.rate), and a record's page path.
"use strict";

const LrFind = {
  // [name, value] of each suggested rate, as `deepdsl lr-find` prints them; none when the record has none.
  suggestions(s) {
    return s ? [["minimum/10", s.minimum_over_ten], ["valley", s.valley], ["steepest", s.steepest], ["minimum", s.minimum]] : [];
  },

  // An lr-find record's page, /lr-finds/EXPERIMENT/ID, each name encoded; its JSON is at "/api" + the same path.
  path(sweep) {
    return "/lr-finds/" + encodeURIComponent(sweep.experiment) + "/" + encodeURIComponent(sweep.id);
  },
};
