"""One module per CLI sub-command: ``build_parser()`` and ``run(args) -> int``.

Each reads its article through :mod:`readaloud.pipeline`, the one place the stages are composed.
"""
