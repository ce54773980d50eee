#!/usr/bin/env node
import { main, visible } from '../dist/bundle/cli.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  // A message may name a file, and a file's name may hold terminal escapes: shown, not sent.
  process.stderr.write(`rutext: ${visible(err && err.message ? err.message : String(err), { oneLine: true })}\n`);
  process.exitCode = 2;
});
