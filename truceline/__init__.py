"""Truceline: news reports about armed conflicts and ceasefires in, a sourced event timeline out."""

__version__ = "0.1.0"
