"use strict";
// Lazy loader for the shell parser. A CommonJS module on purpose: esbuild bundles the
// `require` below as a deferred call, so the parser's code only runs on the first shell call.
let cached;
module.exports.loadBashParser = function loadBashParser() {
  if (cached === undefined) cached = require("@ericcornelissen/bash-parser");
  return cached;
};
