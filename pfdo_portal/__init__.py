"""The reference regional portal: the sync API, its database, a demo district, admin tools."""
