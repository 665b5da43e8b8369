"""The engines a test runs on, and the command line of each.

Every engine gives the guest the same view: argv = [NAME.wasm, *args],
exactly the test's environment, and each `dirs` entry preopened under the
guest name equal to the entry (the host side is the scratch copy).

- interp: `wasmc run --interp [grants] NAME.wasm -- ARGS`
- aot:    `wasmc NAME.wasm -o EXE --allow-runtime-grants` once per module,
          then `EXE [grants] -- ARGS` with argv[0] = NAME.wasm
- node:   node's `wasi` module through node-wasi.js (the reference count;
          never gates)

where the grants are `--dir HOST::GUEST` per preopen and `--env NAME=VALUE`
per variable.
"""

import concurrent.futures
import hashlib
import json
import os
import subprocess
import time

from outcome import one_line_excerpt

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINE_NAMES = ("interp", "aot", "node")
GATING_ENGINES = ("interp", "aot")


class SetupFailure(Exception):
    """The test could not be started (e.g. its module did not compile)."""


def wasmc_grants(test, test_dir):
    grants = []
    for guest in test.dirs:
        grants += ["--dir", f"{os.path.abspath(os.path.join(test_dir, guest))}::{guest}"]
    for name, value in test.env.items():
        grants += ["--env", f"{name}={value}"]
    return grants


class InterpEngine:
    name = "interp"

    def __init__(self, wasmc):
        self.wasmc = wasmc

    def prepare(self, tests, work, log):
        pass

    def command(self, test, test_dir):
        argv = [self.wasmc, "run", "--interp", *wasmc_grants(test, test_dir),
                test.module, "--", *test.args]
        return argv, None


def _file_signature(path):
    st = os.stat(path)
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}"


class AotEngine:
    """Compiles each module once; executables are kept in WORK/aot-executables
    and reused while the module, wasmc and the libraries next to it are
    unchanged."""
    name = "aot"

    def __init__(self, wasmc, jobs):
        self.wasmc = wasmc
        self.jobs = jobs
        self.executables = {}  # test id -> path
        self.compile_errors = {}  # test id -> reason
        self.compile_seconds = 0.0  # wall time of the compile step
        self.compiled = 0
        self.reused = 0

    def _toolchain_signature(self):
        parts = [_file_signature(self.wasmc)]
        lib_dir = os.path.join(os.path.dirname(self.wasmc), "..", "lib")
        if os.path.isdir(lib_dir):
            for name in sorted(os.listdir(lib_dir)):
                if name.endswith(".a"):
                    parts.append(_file_signature(os.path.join(lib_dir, name)))
        if os.environ.get("WASMC_RUNTIME_LIB"):
            parts.append(_file_signature(os.environ["WASMC_RUNTIME_LIB"]))
        return "\n".join(parts)

    def _compile(self, test, module, exe, key):
        key_file = exe + ".key"
        if os.path.exists(exe) and os.path.exists(key_file):
            with open(key_file) as f:
                if f.read() == key:
                    return "reused", None
        os.makedirs(os.path.dirname(exe), exist_ok=True)
        for stale in (exe, key_file):
            if os.path.exists(stale):
                os.unlink(stale)
        result = subprocess.run([self.wasmc, module, "-o", exe, "--allow-runtime-grants"],
                                stdin=subprocess.DEVNULL, capture_output=True)
        if result.returncode != 0:
            return "failed", (f"compile failed with status {result.returncode}: "
                              + one_line_excerpt(result.stderr.decode("utf-8", "replace")))
        with open(key_file, "w") as f:
            f.write(key)
        return "compiled", None

    def prepare(self, tests, work, log):
        toolchain = self._toolchain_signature()
        jobs = []
        for test in tests:
            module = os.path.join(work.copy_root(self.name), test.directory, test.module)
            with open(module, "rb") as f:
                key = hashlib.sha256(f.read()).hexdigest() + "\n" + toolchain
            exe = os.path.join(work.root, "aot-executables", test.directory, test.name)
            self.executables[test.id] = exe
            jobs.append((test, module, exe, key))
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=self.jobs) as pool:
            futures = {pool.submit(self._compile, *job): job[0] for job in jobs}
            for future in concurrent.futures.as_completed(futures):
                test = futures[future]
                state, error = future.result()
                if state == "reused":
                    self.reused += 1
                elif state == "compiled":
                    self.compiled += 1
                else:
                    self.compile_errors[test.id] = error
        self.compile_seconds = time.monotonic() - start
        log(f"aot: compiled {self.compiled} modules in {self.compile_seconds:.1f} s "
            f"({self.jobs} at a time), reused {self.reused}, "
            f"{len(self.compile_errors)} failed to compile")

    def command(self, test, test_dir):
        if test.id in self.compile_errors:
            raise SetupFailure(self.compile_errors[test.id])
        argv = [test.module, *wasmc_grants(test, test_dir), "--", *test.args]
        return argv, self.executables[test.id]


class NodeEngine:
    name = "node"

    def __init__(self, node):
        self.node = node

    def prepare(self, tests, work, log):
        pass

    def command(self, test, test_dir):
        config = {
            "module": os.path.abspath(os.path.join(test_dir, test.module)),
            "args": [test.module, *test.args],
            "env": test.env,
            "preopens": {guest: os.path.abspath(os.path.join(test_dir, guest))
                         for guest in test.dirs},
        }
        argv = [self.node, "--no-warnings", os.path.join(HERE, "node-wasi.js"),
                json.dumps(config)]
        return argv, None
