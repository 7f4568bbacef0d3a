"""Synchronisation with the regional portal: wire protocol, HTTP client, engine, credentials."""
