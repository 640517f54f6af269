"""ollama-contract: talk to Ollama from Python, and know that client and server agree."""

__all__ = ["__version__"]

__version__ = "0.1.0"
