# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
"""Contains methods for accessing the API"""
