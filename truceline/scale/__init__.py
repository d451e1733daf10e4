"""Processing on all cores (a process pool with one writer) and on a Dask cluster (Parquet out, `load` in).

The per-report stages stay what truceline.pipeline makes them; this package only decides where they run:

    work.py      what a worker process runs: the pipeline loaded once, a batch in, plain rows out
    pool.py      `process --workers N`: a process pool; the parent is the one writer, one transaction per batch
    cluster.py   `process --cluster tcp://HOST:PORT`: the same batches on Dask workers, written as Parquet
    parquet.py   the Parquet layout (year=YYYY/month=MM partitions, atomic files) and reading it back
    schedule.py  batches (the last stretch cut finer) and the order-keeping loop the pool and the cluster share
    timeline.py  an optional log of a run's spans (TRUCELINE_TIMELINE=FILE), read by bench/bench_scale.py
"""
