"use strict";
// Lazy loader for ulidx. CommonJS on purpose (like @egress/policy's shell parser loader): esbuild
// bundles the `require` below as a deferred call, so ulidx — and node:crypto, which it loads at
// start-up — cost nothing to a hook call that records no event.
let cached;
module.exports.loadUlid = function loadUlid() {
  if (cached === undefined) cached = require("ulidx").ulid;
  return cached;
};
