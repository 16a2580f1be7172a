"""One module per CLI sub-command: ``build_parser()`` and ``run(args) -> int``."""
