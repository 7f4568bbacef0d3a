"""Printed forms (ReportLab, A4, Russian, Cyrillic fonts embedded): issue #5."""
