"""dyadwatch: who did what to whom, when, and according to whom, from international news."""

import os

# numpy's OpenBLAS runs a thread per core, and on the small products here (claim keys: 32 claims against
# the key index; fusion's similarities) its threads spin waiting on each other: one thread halved the
# claim keys' CPU time (500 documents: 1.35 -> 0.45 s; benchmarks/README.md). Read when numpy is first
# imported: a process that imported numpy before dyadwatch keeps its threads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
