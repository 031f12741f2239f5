"""An import run: the upload read in a process of its own, its rows registered chunk by chunk in the background,
every row's outcome recorded, at most a few runs at once per process."""
