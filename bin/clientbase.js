#!/usr/bin/env node
// The `clientbase` command: runs the TypeScript CLI (cli/main.ts) through tsx's require hook.
'use strict';
require('tsx/cjs');
const { runCli } = require('../cli/main.ts');

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
