#!/usr/bin/env python3
"""Runs the WASI testsuite (preview1) on wasmc's engines and on node.

  run.py [--engine interp|aot|node]... [--wasmc PATH] [--node PATH]
         [--suite DIR] [--work DIR] [--expected-failures FILE]
         [--timeout SECONDS] [--jobs N] [--filter REGEX] [--results FILE]
  run.py --compare RESULTS.json RESULTS.json [--expected-failures FILE]

Prints one line per test and engine, a summary per engine and per test
directory, and (when both ran) where interp and aot differ. Exits 1 when a
wasmc engine fails a test that expected-failures.txt does not list, passes
one it lists, or interp and aot differ without an entry explaining it;
node is reported and never gates. See docs/wasi-testsuite.md.
"""

import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import compare  # noqa: E402
import engines  # noqa: E402
import expectations  # noqa: E402
import outcome  # noqa: E402
import scratch  # noqa: E402
import suite  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def say(line):
    print(line, flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--engine", action="append", choices=engines.ENGINE_NAMES,
                   help="engine to run (repeatable; default: interp, aot, and "
                        "node when it is on PATH)")
    p.add_argument("--wasmc", default=os.path.join(REPO, "build", "bin", "wasmc"))
    p.add_argument("--node", default=shutil.which("node"))
    p.add_argument("--suite", default=os.path.join(os.path.dirname(REPO), "shared",
                                                   "wasi-testsuite"))
    p.add_argument("--work", help="scratch directory, kept (default: a temporary "
                                  "one, deleted at the end)")
    p.add_argument("--expected-failures",
                   default=os.path.join(HERE, "expected-failures.txt"))
    p.add_argument("--timeout", type=float, default=30.0,
                   help="seconds per test run (default 30)")
    p.add_argument("--jobs", type=int, default=1,
                   help="modules compiled at a time for aot (default 1)")
    p.add_argument("--filter", help="only tests whose DIR/NAME matches this regex")
    p.add_argument("--results", help="write each test's result to this JSON file")
    p.add_argument("--compare", nargs=2, metavar="RESULTS",
                   help="compare two --results files (interp and aot) and exit")
    return p.parse_args(argv)


def make_engine(name, args):
    if name == "interp":
        return engines.InterpEngine(os.path.abspath(args.wasmc))
    if name == "aot":
        return engines.AotEngine(os.path.abspath(args.wasmc), args.jobs)
    return engines.NodeEngine(args.node)


def run_engine(engine, tests, work, args, expected):
    """Runs every test on ENGINE: {test id: result dict}."""
    copy_root = work.copy_root(engine.name)
    scratch.make_copy(args.suite, copy_root)
    engine.prepare(tests, work, say)
    gates = engine.name in engines.GATING_ENGINES
    results = {}
    for test in tests:
        test_dir = scratch.test_directory(copy_root, test)
        for guest in test.dirs:
            scratch.delete_cleanup_leftovers(os.path.join(test_dir, guest))
        try:
            argv, executable = engine.command(test, test_dir)
            observation = outcome.run_process(argv, test_dir, args.timeout, executable)
            reason = outcome.failure_reason(test, observation, args.timeout)
        except engines.SetupFailure as e:
            observation = outcome.Observation(None, "", "", 0.0)
            reason = str(e)
        expected_reason = expected.get((engine.name, test.id)) if gates else None
        verdict = expectations.classify(reason is None, expected_reason)
        line = f"{verdict:5} {engine.name:6} {test.id} [{observation.seconds:.2f} s]"
        if reason:
            line += f": {reason}"
        if verdict == "XFAIL":
            line += f" (expected: {expected_reason})"
        elif verdict == "XPASS":
            line += (f": passes but expected-failures.txt lists it ({expected_reason});"
                     " remove the entry")
        say(line)
        results[test.id] = {
            "verdict": verdict, "passed": reason is None, "reason": reason,
            "status": observation.status, "timed_out": observation.timed_out,
            "stdout": observation.stdout, "stderr": observation.stderr,
            "seconds": round(observation.seconds, 3),
        }
    return results


def summarize(engine_name, results, seconds):
    """Prints the engine's counts; returns how many verdicts gate."""
    counts = {v: 0 for v in ("PASS", "FAIL", "XFAIL", "XPASS")}
    per_directory = {}
    for test_id, r in results.items():
        counts[r["verdict"]] += 1
        passed, total = per_directory.get(test_id.split("/")[0], (0, 0))
        per_directory[test_id.split("/")[0]] = (passed + r["passed"], total + 1)
    passed = counts["PASS"] + counts["XPASS"]
    failed = counts["FAIL"] + counts["XFAIL"]
    line = (f"summary {engine_name}: {passed} passed, {failed} failed, "
            f"{len(results)} total in {seconds:.1f} s")
    if engine_name in engines.GATING_ENGINES:
        line += (f" ({counts['XFAIL']} failures expected, {counts['FAIL']} unexpected, "
                 f"{counts['XPASS']} unexpected passes)")
    say(line)
    say("  by directory: " + ", ".join(
        f"{d} {p}/{t}" for d, (p, t) in sorted(per_directory.items())))
    if engine_name not in engines.GATING_ENGINES:
        return 0
    return counts["FAIL"] + counts["XPASS"]


def report_differences(a_name, a_results, b_name, b_results, expected):
    """Prints where two engines differ; returns how many differences gate."""
    differences = compare.compare_engines(a_name, a_results, b_name, b_results, expected)
    common = len(set(a_results) & set(b_results))
    gating = sum(1 for _, _, explained in differences if not explained)
    for test_id, description, explained in differences:
        tag = "DIFF (explained by expected-failures.txt)" if explained else "DIFF"
        say(f"{tag} {a_name}/{b_name} {test_id}: {description}")
    say(f"summary {a_name} vs {b_name}: {common - len(differences)} of {common} tests "
        f"identical, {len(differences)} differ ({gating} unexplained)")
    return gating


def report_node(node_results, wasmc_results):
    """Informational: where node's verdict differs from a wasmc engine's."""
    for name, results in wasmc_results.items():
        only_node = sorted(t for t in results if node_results.get(t, {}).get("passed")
                           and not results[t]["passed"])
        only_wasmc = sorted(t for t in results if t in node_results
                            and results[t]["passed"] and not node_results[t]["passed"])
        say(f"node vs {name} (informational): node passes {len(only_node)} that "
            f"{name} fails{': ' + ', '.join(only_node) if only_node else ''}; "
            f"{name} passes {len(only_wasmc)} that node fails"
            f"{': ' + ', '.join(only_wasmc) if only_wasmc else ''}")


def compare_files(args, expected):
    loaded = []
    for path in args.compare:
        with open(path, encoding="utf-8") as f:
            loaded.append(json.load(f))
    (a_name, a), (b_name, b) = [(r["engine"], r["tests"]) for r in loaded]
    return 1 if report_differences(a_name, a, b_name, b, expected) else 0


def main(argv):
    args = parse_args(argv)
    try:
        tests = suite.load_suite(args.suite)
        expected = expectations.load_expected_failures(args.expected_failures, tests)
    except (suite.SuiteError, expectations.ExpectationsError, OSError) as e:
        say(f"wasi-testsuite: {e}")
        return 2
    if args.compare:
        return compare_files(args, expected)
    names = args.engine or ["interp", "aot"] + (["node"] if args.node else [])
    if "node" in names and not args.node:
        say("wasi-testsuite: no node found (give --node PATH)")
        return 2
    if any(n in engines.GATING_ENGINES for n in names) and not os.access(args.wasmc, os.X_OK):
        say(f"wasi-testsuite: {args.wasmc}: no wasmc there (give --wasmc PATH)")
        return 2
    if args.jobs < 1 or args.timeout <= 0:
        say("wasi-testsuite: --jobs and --timeout must be positive")
        return 2
    if args.filter:
        tests = [t for t in tests if re.search(args.filter, t.id)]
    if args.results and len(names) != 1:
        say("wasi-testsuite: --results needs exactly one --engine")
        return 2

    if args.results and os.path.exists(args.results):
        os.unlink(args.results)  # never leave an old run's results behind
    work_root = args.work or tempfile.mkdtemp(prefix="wasi-testsuite-")
    work = scratch.Workspace(work_root)
    gating = 0
    all_results = {}
    try:
        for name in names:
            start = time.monotonic()
            all_results[name] = run_engine(make_engine(name, args), tests, work, args,
                                           expected)
            gating += summarize(name, all_results[name], time.monotonic() - start)
    finally:
        if not args.work:
            scratch.remove_tree(work_root)

    if "interp" in all_results and "aot" in all_results:
        gating += report_differences("interp", all_results["interp"],
                                     "aot", all_results["aot"], expected)
    if "node" in all_results:
        report_node(all_results["node"],
                    {n: r for n, r in all_results.items() if n != "node"})
    if args.results:
        with open(args.results, "w", encoding="utf-8") as f:
            json.dump({"engine": names[0], "tests": all_results[names[0]]}, f, indent=1)
    if gating:
        say(f"wasi-testsuite: FAILED ({gating} unexpected results; see FAIL, XPASS "
            "and DIFF lines above)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
