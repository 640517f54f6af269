# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
"""A client library for accessing Ollama API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
