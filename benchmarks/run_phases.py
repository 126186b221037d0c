"""Where the time of one `etl run` goes: prints when each phase starts and ends (asserts nothing).

    PYTHONPATH=$PWD python benchmarks/run_phases.py CORPUS WAREHOUSE WORKERS

The warehouse folder is emptied first. Phases: imports, the batch loop (each batch commit), the
incidents update and the DuckDB file; then the run's total and the CPU time of this process and
of its workers (less disturbed than wall time when other jobs share the machine).
"""

from __future__ import annotations

import resource
import shutil
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

T0 = time.perf_counter()
warnings.filterwarnings("ignore")

import etl.pipeline as pipeline  # noqa: E402
from etl.config import Config  # noqa: E402
from etl.warehouse import Warehouse  # noqa: E402


def mark(what: str) -> None:
    print(f"{time.perf_counter() - T0:7.2f} s  {what}", flush=True)


def timed(owner: Any, name: str) -> None:
    """Replace ``owner.name`` with a wrapper that marks its start and end."""
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mark(f"start {name}")
        result = inner(*args, **kwargs)
        mark(f"end {name}")
        return result

    setattr(owner, name, wrapper)


def main() -> None:
    corpus, warehouse, workers = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    shutil.rmtree(warehouse, ignore_errors=True)
    mark("imports")
    for owner, name in [(pipeline, "_run_batches"), (pipeline, "update_incidents"),
                        (Warehouse, "materialize"), (Warehouse, "commit_batch")]:
        timed(owner, name)
    pipeline.run_paths([corpus], config=Config(warehouse=warehouse, workers=workers))
    mark("done")
    own, workers_cpu = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(f"CPU: this process {own.ru_utime + own.ru_stime:.2f} s, its workers {workers_cpu.ru_utime + workers_cpu.ru_stime:.2f} s")


if __name__ == "__main__":
    main()
