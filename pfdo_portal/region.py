"""The region this portal serves, as its numbers spell it.

A certificate the portal issues is numbered «<region><municipality><6 digits>»
(``enrolment.shared.new_certificate_number``); the demo district (``seed.py``) uses the same codes
for its certificates, ИНН, ОГРН and documents, so its data look like this region's.
"""

from __future__ import annotations

REGION_CODE = "47"
MUNICIPALITY_CODE = "18"
