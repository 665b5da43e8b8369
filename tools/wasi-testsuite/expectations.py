"""expected-failures.txt: the tests a wasmc engine is known to fail.

One entry per line, `ENGINE DIR/NAME REASON...`, where ENGINE is interp or
aot and the reason is free text (each entry is explained in
docs/wasi-testsuite.md). `#` starts a comment line; blank lines are
ignored. Every entry must name a test of the suite, once per engine.

Verdicts against the list:
  PASS   passed, not listed                      ok
  XFAIL  failed, listed                          ok
  FAIL   failed, not listed                      gates
  XPASS  passed although listed (stale entry)    gates
"""

from engines import GATING_ENGINES


class ExpectationsError(Exception):
    pass


def load_expected_failures(path, tests):
    """{(engine, test id): reason}."""
    known = {t.id for t in tests}
    entries = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            where = f"{path}:{number}"
            if len(parts) < 3:
                raise ExpectationsError(f"{where}: expected 'ENGINE DIR/NAME REASON'")
            engine, test_id, reason = parts
            if engine not in GATING_ENGINES:
                raise ExpectationsError(f"{where}: engine must be one of "
                                        f"{', '.join(GATING_ENGINES)}, not '{engine}'")
            if test_id not in known:
                raise ExpectationsError(f"{where}: no test named '{test_id}'")
            if (engine, test_id) in entries:
                raise ExpectationsError(f"{where}: '{engine} {test_id}' listed twice")
            entries[(engine, test_id)] = reason
    return entries


def classify(passed, expected_reason):
    """PASS, FAIL, XFAIL or XPASS (see the module comment)."""
    if expected_reason is None:
        return "PASS" if passed else "FAIL"
    return "XPASS" if passed else "XFAIL"


GATING_VERDICTS = ("FAIL", "XPASS")
