"""Where tasks run: in this process (--jobs 1), in a pool of local processes, or on a Dask cluster.

All three are ``concurrent.futures`` executors, so the batch code does not
care which one it has; each adds ``stop_now()`` for Ctrl-C and ``window``,
how many tasks to keep queued so that no worker waits for the next one.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from ..source.errors import ExitCode, OpenleafError
from .worker import init_process


class SchedulerUnavailable(OpenleafError):
    exit_code = ExitCode.ENGINE


class InlineExecutor(Executor):
    """Runs each task at once in this process: --jobs 1 needs no pool (and no pool start-up)."""

    window = 1

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        future.set_running_or_notify_cancel()
        future.set_result(fn(*args, **kwargs))  # tasks return their failures; KeyboardInterrupt goes up
        return future

    def stop_now(self) -> None:
        pass


class LocalPool(ProcessPoolExecutor):
    """``jobs`` fresh processes (spawned, not forked: the main process runs threads for progress)."""

    def __init__(self, jobs: int):
        super().__init__(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=init_process)
        self.window = 2 * jobs

    def stop_now(self) -> None:
        """Ctrl-C: SIGTERM each worker (it unwinds its task, so writers delete their temporary files), drop the queue."""
        for process in list((self._processes or {}).values()):  # Python 3.14 calls this terminate_workers()
            if process.is_alive():
                process.terminate()
        self.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    """The tasks on a Dask distributed cluster, through the client's concurrent.futures executor."""

    def __init__(self, address: str):
        try:
            from distributed import Client
        except ImportError:
            raise SchedulerUnavailable("--scheduler needs Dask: pip install distributed") from None
        try:
            self.client = Client(address, timeout="5s", set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise SchedulerUnavailable(
                f"cannot reach the Dask scheduler at {address} ({error}); start one with 'dask scheduler' "
                "and workers with 'dask worker ADDRESS' (see the README)"
            ) from None
        # pure=False: a task given again (an output deleted, say) must run again, not be looked up.
        self._executor = self.client.get_executor(pure=False)
        self.window = 2 * max(1, sum(self.client.nthreads().values()))

    def check_paths(self, paths: list[str]) -> None:
        """Every worker must see the articles and --out at the same paths (a shared file system)."""
        import os

        def missing(paths=paths):
            return [path for path in paths if not os.path.exists(path)]

        for worker, lacking in self.client.run(missing).items():
            if lacking:
                raise SchedulerUnavailable(
                    f"Dask worker {worker} cannot see {lacking[0]}: the workers need the articles and the "
                    "output folder at the same paths as here (a shared file system)"
                )

    def submit(self, fn, /, *args, **kwargs) -> Future:
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._executor.shutdown(wait=wait and not cancel_futures)
        self.client.close()

    def stop_now(self) -> None:
        self.shutdown(wait=False, cancel_futures=True)


def make_executor(jobs: int, scheduler: str | None) -> Executor:
    if scheduler:
        return DaskExecutor(scheduler)
    if jobs <= 1:
        return InlineExecutor()
    return LocalPool(jobs)
