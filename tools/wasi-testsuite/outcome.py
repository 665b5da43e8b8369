"""Running one test's process and judging what it did.

stdin is an open pipe that the runner closes at once (empty: reads see
end of file). stdout and stderr are captured. A process still running at
the timeout is killed and the test fails with "timeout".

The judgement follows the testsuite's README: the exit status must equal
`exit_code`, and for `stdout`/`stderr` the first len(expected) characters
of the stream must equal the expected text (the reference runner reads
that many characters, so this is a prefix match).
"""

import subprocess
import time
from dataclasses import dataclass


@dataclass
class Observation:
    status: int  # exit status; None after a timeout
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False


def _text(data):
    return data.decode("utf-8", errors="replace")


def run_process(argv, cwd, timeout, executable=None):
    """Runs ARGV (argv[0] as given; EXECUTABLE is the file run, if other)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, executable=executable, cwd=cwd,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(input=b"", timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        timed_out = True
    seconds = time.monotonic() - start
    status = None if timed_out else process.returncode
    if status is not None and status < 0:
        status = 128 - status  # killed by signal -status, as a shell shows it
    return Observation(status, _text(out), _text(err), seconds, timed_out)


def one_line_excerpt(text, limit=160):
    """TEXT on one line, shortened: for reasons shown next to a verdict."""
    one_line = " | ".join(line.strip() for line in text.splitlines() if line.strip())
    return one_line if len(one_line) <= limit else one_line[:limit - 3] + "..."


def failure_reason(test, observation, timeout):
    """None when the test passed, else a one-line reason."""
    if observation.timed_out:
        return f"timeout after {timeout:g} s"
    problems = []
    if observation.status != test.exit_code:
        problems.append(f"exit code expected {test.exit_code}, got {observation.status}")
    for stream in ("stdout", "stderr"):
        expected = getattr(test, stream)
        actual = getattr(observation, stream)
        if expected is not None and actual[:len(expected)] != expected:
            problems.append(f"{stream} mismatch: expected prefix {expected!r}, "
                            f"got {actual[:len(expected) + 20]!r}")
    if not problems:
        return None
    if observation.stderr.strip() and test.stderr is None:
        problems.append("stderr: " + one_line_excerpt(observation.stderr))
    return "; ".join(problems)
