"""The release, in a module of its own: what imports it (``--version``, HTTP User-Agent, package
metadata, batch reports) should not pull in the extractor with it."""

__version__ = "0.1.0"
