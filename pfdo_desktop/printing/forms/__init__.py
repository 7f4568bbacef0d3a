"""One module per printed form: ``layout(doc) -> list[Page]``; ``FORMS`` says which documents
each form takes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pfdo_desktop.domain import documents as d

from ..layout import Page
from . import (
    advance,
    certificate,
    consent,
    contract,
    contracts_register,
    enrolment,
    indicators,
    invoice,
    journal,
    termination,
)


@dataclass(frozen=True, slots=True)
class FormSpec:
    doc_types: tuple[type, ...]
    layout: Callable[[Any], list[Page]]


FORMS: dict[str, FormSpec] = {
    d.FORM_CERTIFICATE_APPLICATION: FormSpec((d.ChildDoc,), certificate.application),
    d.FORM_CERTIFICATE_EXTRACT: FormSpec((d.ChildDoc,), certificate.extract),
    d.FORM_ENROLMENT_APPLICATION: FormSpec((d.ApplicationDoc,), enrolment.layout),
    d.FORM_CONTRACT: FormSpec((d.ApplicationDoc,), contract.layout),
    d.FORM_CONSENT: FormSpec((d.ChildDoc, d.ApplicationDoc), consent.layout),
    d.FORM_JOURNAL: FormSpec((d.JournalDoc,), journal.layout),
    d.FORM_TERMINATION: FormSpec((d.ApplicationDoc,), termination.layout),
    d.FORM_INVOICE: FormSpec((d.InvoiceDoc,), invoice.layout),
    d.FORM_ADVANCE: FormSpec((d.AdvanceDoc,), advance.layout),
    d.FORM_CONTRACTS_REGISTER: FormSpec((d.ContractsRegisterDoc,), contracts_register.layout),
    d.FORM_INDICATORS: FormSpec((d.IndicatorsReportDoc,), indicators.layout),
}
