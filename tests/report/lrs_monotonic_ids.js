// Preloaded into the LRS under test (node -r). Learning Locker's memory models
// (the test setup, no database) give each stored statement an _id from uuid.v1()
// and page `more` by comparing _id strings, while sorting by `stored`. A v1
// UUID starts with the low 32 bits of its time, which wrap every 7 minutes, so a
// long run (the 10,000-attempt benchmark) lost every statement stored after a
// wrap from its pages. With MongoDB the _id is an ObjectID, which only grows;
// this gives the memory models the same: UUIDs that grow with each call.
const Module = require("module");
const load = Module._load;
let n = 0;
Module._load = function (request, ...rest) {
  const m = load.call(this, request, ...rest);
  if (request === "uuid" && m && typeof m.v1 === "function" && !m.signaalMonotonic) {
    m.v1 = () => "00000000-0000-1000-8000-" + (++n).toString(16).padStart(12, "0");
    m.signaalMonotonic = true;
  }
  return m;
};
