"""batch: many articles in, audio files or talking books out, with a report a librarian can read.

``readaloud batch SOURCE... -o OUTDIR`` expands the sources (:mod:`.sources`), reads the house style
(:mod:`.settings`), and runs one job per article (:mod:`.job`) on a local process pool
(:mod:`.runner`) or a Dask cluster (:mod:`.distributed`). :mod:`.orchestrator` names and places each
finished output (:mod:`.naming`, :mod:`.storage`) and keeps the state file (:mod:`.state`) and the
report (:mod:`.report`) current as items finish, which makes runs resumable and idempotent.
"""
