"use strict";
// Lazy loader for the shell parser (unbash). A CommonJS module on purpose: esbuild bundles the
// `require` below as a deferred call (and apps/cli maps the `unbash` specifier to a separate
// file), so the parser's code only loads on the first script that needs it.
let cached;
function load() {
  if (cached === undefined) cached = require("unbash");
  return cached;
}
module.exports.loadShellParser = function loadShellParser() {
  return load().parse;
};
module.exports.loadShellVisitor = function loadShellVisitor() {
  return load().forEachChild;
};
