#!/usr/bin/env node
// Entry point installed as `logwarden`; the CLI itself is compiled from src/cli by `npm install` (prepare).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

// The AWS SDK warns on every load under Node 20 (its support ends in 2027); the CLI's output stays readable.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('logwarden: the CLI is not built yet; run `npm install` (or `npm run build`) first.\n');
  process.exit(2);
}
require(main).runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`logwarden: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
