# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
"""Contains endpoint functions for accessing the API"""
