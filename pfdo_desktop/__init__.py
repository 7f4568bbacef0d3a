"""PFDO Desktop: the offline workstation of a provider of children's additional education."""

__version__ = "0.1.0"
