// Runs one WASI preview1 command module on node's `wasi` module, the
// reference engine of the wasi-testsuite runner (run.py, engine `node`).
//
//   node node-wasi.js CONFIG_JSON
//
// CONFIG_JSON is one argument, an object:
//   module    path of the .wasm file
//   args      the guest's argv, argv[0] included
//   env       the guest's complete environment (name -> value)
//   preopens  guest name -> host directory
//
// The exit status is the guest's: proc_exit's code, or 0 when _start
// returns. A trap or any other exception prints one line on stderr,
// `node-wasi: trap: MESSAGE`, and exits 100 (no test expects a trap).
'use strict';

const fs = require('node:fs');
const { WASI } = require('node:wasi');

function main() {
  const config = JSON.parse(process.argv[2]);
  const wasi = new WASI({
    version: 'preview1',
    args: config.args,
    env: config.env,
    preopens: config.preopens,
    returnOnExit: true,
  });
  let status;
  try {
    const module = new WebAssembly.Module(fs.readFileSync(config.module));
    const instance = new WebAssembly.Instance(module, wasi.getImportObject());
    status = wasi.start(instance);
  } catch (e) {
    process.stderr.write(`node-wasi: trap: ${e && e.message ? e.message : e}\n`);
    status = 100;
  }
  process.exitCode = status;
}

main();
