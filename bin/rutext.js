#!/usr/bin/env node
import { main } from '../dist/bundle/cli.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`rutext: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
