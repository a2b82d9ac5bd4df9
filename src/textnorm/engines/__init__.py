"""Distributed engines for corpus runs (optional extras): :mod:`.dask_engine`."""
