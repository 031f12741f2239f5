"""The spreadsheet import, a self-contained wing: an officer's existing list of releases (CSV or XLSX) registered
in the background (POST /v1/imports, api/imports.py).

Two parts, named for what they do, one upon the other:
  parsing/  the file's bytes to judged rows (ImportRow with its ReleaseFields, or RejectedRow with reasons): pure,
            no database, run in a process of its own;
  running/  an import run: that reading process, the bound on runs at once, registering each chunk of rows with
            the registry's use cases, and recording every row's outcome.
(They were bulk_import/ and imports/, names that did not say which was which.)
"""
