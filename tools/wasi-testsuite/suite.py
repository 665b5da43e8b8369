"""The tests of the WASI testsuite: one per NAME.wasm, specified by NAME.json.

The JSON format (all keys optional) is the legacy one described in the
testsuite's README: args, env, dirs, exit_code, stdout, stderr. A key this
runner does not know (e.g. the newer "root") is an error, so a format
change cannot be silently ignored.
"""

import json
import os
from dataclasses import dataclass, field

# The test directories, each under SUITE/tests/DIR/testsuite/wasm32-wasip1.
DIRECTORIES = ("assemblyscript", "c", "rust")
KNOWN_KEYS = {"args", "env", "dirs", "exit_code", "stdout", "stderr"}


def directory_path(suite_root, directory):
    """Where the tests of one directory live inside the testsuite."""
    return os.path.join(suite_root, "tests", directory, "testsuite",
                        "wasm32-wasip1")


@dataclass(frozen=True)
class TestCase:
    directory: str  # one of DIRECTORIES
    name: str  # NAME of NAME.wasm
    args: tuple = ()  # after argv[0]
    env: dict = field(default_factory=dict)  # the complete guest environment
    dirs: tuple = ()  # preopens, host path relative to the test directory
    exit_code: int = 0
    stdout: str = None  # expected prefix, or None: not checked
    stderr: str = None

    @property
    def id(self):
        """DIR/NAME, how tests are named in output and expected-failures.txt."""
        return f"{self.directory}/{self.name}"

    @property
    def module(self):
        """The module's file name, which is also the guest's argv[0]."""
        return self.name + ".wasm"


class SuiteError(Exception):
    pass


def _string_list(value, key, where):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SuiteError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def load_test(directory, path_without_ext):
    """The TestCase for NAME.wasm, with NAME.json's keys if it exists."""
    name = os.path.basename(path_without_ext)
    json_path = path_without_ext + ".json"
    spec = {}
    if os.path.exists(json_path):
        with open(json_path, encoding="utf-8") as f:
            spec = json.load(f)
        if not isinstance(spec, dict):
            raise SuiteError(f"{json_path}: not a JSON object")
        unknown = set(spec) - KNOWN_KEYS
        if unknown:
            raise SuiteError(f"{json_path}: unknown keys {sorted(unknown)}")
    env = spec.get("env", {})
    if not isinstance(env, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k and "=" not in k
            for k, v in env.items()):
        raise SuiteError(f"{json_path}: 'env' must map names to strings")
    exit_code = spec.get("exit_code", 0)
    if not isinstance(exit_code, int):
        raise SuiteError(f"{json_path}: 'exit_code' must be an integer")
    for key in ("stdout", "stderr"):
        if key in spec and not isinstance(spec[key], str):
            raise SuiteError(f"{json_path}: '{key}' must be a string")
    return TestCase(directory=directory, name=name,
                    args=_string_list(spec.get("args", []), "args", json_path),
                    env=dict(env),
                    dirs=_string_list(spec.get("dirs", []), "dirs", json_path),
                    exit_code=exit_code,
                    stdout=spec.get("stdout"), stderr=spec.get("stderr"))


def load_suite(suite_root):
    """Every test of every directory, sorted by id."""
    tests = []
    for directory in DIRECTORIES:
        path = directory_path(suite_root, directory)
        if not os.path.isdir(path):
            raise SuiteError(f"{path}: no such directory")
        for entry in sorted(os.listdir(path)):
            if entry.endswith(".wasm"):
                tests.append(load_test(directory,
                                       os.path.join(path, entry[:-len(".wasm")])))
    return tests
