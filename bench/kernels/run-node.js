// Runs a WASI command module under node's built-in WASI:
//   node run-node.js MODULE.wasm [ARGS...]
'use strict';
const fs = require('fs');
const { WASI } = require('wasi');
const file = process.argv[2];
const wasi = new WASI({ version: 'preview1', args: [file, ...process.argv.slice(3)], env: {}, returnOnExit: true });
const mod = new WebAssembly.Module(fs.readFileSync(file));
const inst = new WebAssembly.Instance(mod, wasi.getImportObject());
process.exitCode = wasi.start(inst);
