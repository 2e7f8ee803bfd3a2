"""The base layer: canonical schema, typed parameters, project paths and parallel work."""
