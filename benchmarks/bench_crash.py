"""The kill -9 harness at full count: writers SIGKILLed at random moments, the file checked.

Run from the repository root: ``python -m benchmarks.bench_crash [--cycles 300] [--seed S]``.
Prints how many cycles passed (integrity_check ok and every reported commit present) and
the time taken. CI runs 50 cycles in tests/test_crash_safety.py.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.crash.harness import run_kill_cycles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "crash.db"
        result = run_kill_cycles(args.cycles, db_path, random.Random(seed))
        size_kb = db_path.stat().st_size // 1024 if db_path.exists() else 0
    print(f"seed {seed}: {result.passed} of {result.cycles} kill -9 cycles passed")
    print(f"{result.commits} commits reported and all checked; database grew to {size_kb} KB")
    print(
        f"time {result.seconds:.1f} s ({result.seconds / max(result.cycles, 1) * 1000:.0f} ms a cycle)"
    )
    for failure in result.failures[:20]:
        print("FAILED", failure)
    return 0 if result.passed == result.cycles else 1


if __name__ == "__main__":
    sys.exit(main())
