"""The package version, in a module of its own so that code inside the package can read it without
importing the package itself (which imports that code: a cycle)."""

__version__ = "0.2.0"
