"""interp against aot: both engines must do the same thing on every test.

Two results of one test are the same when the verdict, the exit status,
stdout and stderr agree. In stderr, the trap line of compiled code names
the function (`wasmc: trap: MESSAGE in function NAME`) where the
interpreter's does not, so that suffix is dropped before comparing.

A test whose stdout differs from run to run on one engine is named in
RANDOM_STDOUT with the reason; its stdout is not compared.

A difference on a test listed in expected-failures.txt for either engine
is reported as explained (the list says why the engines differ there);
any other difference gates.
"""

import re

# Tests whose stdout changes between two runs of the same engine.
RANDOM_STDOUT = {
    "rust/poll_oneoff_stdio": "prints a Rust HashMap, whose iteration order comes "
                              "from a hasher seeded by random_get",
}

_TRAP_FUNCTION = re.compile(r"^(wasmc: trap: .*?) in function .*$", re.MULTILINE)


def normalized_stderr(text):
    return _TRAP_FUNCTION.sub(r"\1", text)


def _difference(test_id, a_name, a, b_name, b):
    """A one-line description of how two results differ, or None."""
    if a["timed_out"] or b["timed_out"]:
        if a["timed_out"] != b["timed_out"]:
            late = a_name if a["timed_out"] else b_name
            return f"only {late} timed out"
        return None
    if a["passed"] != b["passed"]:
        winner = a_name if a["passed"] else b_name
        return f"only {winner} passed"
    if a["status"] != b["status"]:
        return f"exit code {a_name} {a['status']}, {b_name} {b['status']}"
    if a["stdout"] != b["stdout"] and test_id not in RANDOM_STDOUT:
        return f"stdout differs ({a_name} {a['stdout'][:40]!r}, {b_name} {b['stdout'][:40]!r})"
    if normalized_stderr(a["stderr"]) != normalized_stderr(b["stderr"]):
        return (f"stderr differs ({a_name} {a['stderr'][:60]!r}, "
                f"{b_name} {b['stderr'][:60]!r})")
    return None


def compare_engines(a_name, a_results, b_name, b_results, expected):
    """[(test id, description, explained)] for tests run on both engines."""
    differences = []
    for test_id in sorted(set(a_results) & set(b_results)):
        description = _difference(test_id, a_name, a_results[test_id], b_name, b_results[test_id])
        if description is None:
            continue
        explained = (a_name, test_id) in expected or (b_name, test_id) in expected
        differences.append((test_id, description, explained))
    return differences
