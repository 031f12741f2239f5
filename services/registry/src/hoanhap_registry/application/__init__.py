"""The registry's use cases: they take their dependencies (the case streams, the keys, the calendar) as
parameters and raise domain errors or the write-path kit's refusals, never HTTP or database exceptions."""
