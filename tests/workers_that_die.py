"""A task for pool workers that dies the way the kernel kills a process out of memory (SIGKILL),
for articles whose file name says so; every other article is written as usual."""

import os
import signal

from openleaf.pipeline.worker import write_output


def write_or_die(source: str, *args):
    if "dies" in os.path.basename(source):
        os.kill(os.getpid(), signal.SIGKILL)
    return write_output(source, *args)
