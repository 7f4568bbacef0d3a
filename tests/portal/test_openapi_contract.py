"""`/openapi.json` describes every body, answer and error of the sync API (issue 10 §5), and the
portal keeps to it: a bounded, derandomized schemathesis run against the real portal on a real
socket, with a valid device token, ends with no server error and no answer outside the schema."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from portal_helpers import TODAY, client_headers
from pydantic import BaseModel, ValidationError
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pfdo_desktop.sync import protocol as p
from pfdo_portal.app import PortalSettings, create_app
from pfdo_portal.embedded import EmbeddedPortal

OPERATIONS = [
    ("POST", p.API_PREFIX + "/device/enrol"),
    ("GET", p.API_PREFIX + "/info"),
    ("POST", p.API_PREFIX + "/push"),
    ("GET", p.API_PREFIX + "/pull"),
    ("GET", p.API_PREFIX + "/indicators"),
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
EXAMPLES_PER_OPERATION = 60  # per generation mode



def _config(token: str) -> schemathesis.Config:
    return schemathesis.Config.from_dict({
        # The enrolled device's token, sent where the description asks for bearerAuth (and left
        # out when a negative case is about a missing token).
        "auth": {"openapi": {"bearerAuth": {"bearer": token}}},
        # A request that breaks the schema must get one of the portal's refusals: 426 (an old
        # client) and 413 (too big) are refusals too, and come before the body is looked at.
        "checks": {"negative_data_rejection": {
            "expected-statuses": [400, 401, 403, 404, 409, 410, 413, 426, 429]}},
    })


def _ref(media: dict) -> str:
    return media["content"]["application/json"]["schema"]["$ref"]


def test_every_body_answer_and_error_is_described():
    schema = create_app("sqlite://").openapi()
    ops = schema["paths"]
    assert sorted((m.upper(), path) for path, item in ops.items() for m in item) == sorted(OPERATIONS)
    enrol = ops[p.API_PREFIX + "/device/enrol"]["post"]
    push = ops[p.API_PREFIX + "/push"]["post"]
    assert _ref(enrol["requestBody"]) == "#/components/schemas/EnrolRequest"
    assert _ref(push["requestBody"]) == "#/components/schemas/PushRequest"
    components = schema["components"]["schemas"]
    assert "expected_provider_id" in components["EnrolRequest"]["properties"]
    assert components["PushRequest"]["properties"]["ops"]["maxItems"] == p.MAX_OPS_PER_PUSH
    expected = {
        "/device/enrol": {"200", "400", "404", "408", "409", "413", "426", "429", "500"},
        "/info": {"200", "400", "401", "426", "429", "500"},
        "/push": {"200", "400", "401", "403", "408", "413", "426", "429", "500", "503"},
        "/pull": {"200", "400", "401", "403", "410", "426", "429", "500"},
        "/indicators": {"200", "400", "401", "403", "426", "429", "500"},
    }
    for (method, path), statuses in zip(OPERATIONS, expected.values(), strict=True):
        responses = ops[path][method.lower()]["responses"]
        assert set(responses) == statuses, path
        assert _ref(responses["200"]).endswith(("Response",)), path
        for status in statuses - {"200"}:
            assert _ref(responses[status]) == "#/components/schemas/ErrorBody", (path, status)
        if "429" in responses:
            assert "Retry-After" in responses["429"]["headers"]
    assert ops[p.API_PREFIX + "/push"]["post"]["security"] == [{"bearerAuth": []}]
    assert schema["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_ops_and_pulled_rows_are_typed():
    """Review item 6: an op is one of the kinds, its payload the kind's model; each entity of a pull
    page lists its own rows — no more ``payload: object`` and untyped upserts."""
    schema = create_app("sqlite://").openapi()
    components = schema["components"]["schemas"]
    op = components["Op"]
    assert op["discriminator"]["propertyName"] == "kind"
    mapping = op["discriminator"]["mapping"]
    assert set(mapping) == set(p.OP_KINDS)
    assert sorted(ref["$ref"] for ref in op["oneOf"]) == sorted(mapping.values())
    payload_of = {}
    for kind, ref in mapping.items():
        variant = components[ref.rsplit("/", 1)[1]]
        assert variant["properties"]["kind"]["enum"] == [kind]
        assert set(variant["required"]) == {"op_id", "kind", "payload"}
        payload_of[kind] = variant["properties"]["payload"]
    for kind, model in p.OP_PAYLOADS.items():
        variants = payload_of[kind].get("allOf", [payload_of[kind]])
        assert variants[0] == {"$ref": f"#/components/schemas/{model.__name__}"}, kind
        assert model.__name__ in components
    assert "code" in components["MarkSetPayload"]["required"]
    assert "code" not in components["MarkClearPayload"]["properties"]
    # Card and group are typed down to their slots.
    assert components["CardPayload"]["properties"]["modules"]["items"] == {
        "$ref": "#/components/schemas/ModulePayload"}
    changes = components["PullResponse"]["properties"]["changes"]
    assert set(changes["properties"]) == {*p.MASTER_ENTITIES, *p.OWN_ENTITIES}
    for entity, model in p.PULLED_RECORDS.items():
        entity_changes = components[changes["properties"][entity]["$ref"].rsplit("/", 1)[1]]
        assert entity_changes["properties"]["upserts"]["items"] == {
            "$ref": f"#/components/schemas/{model.__name__}"}, entity
        assert "required" in components[model.__name__], entity
    mark_deletes = components[changes["properties"]["mark"]["$ref"].rsplit("/", 1)[1]]
    assert mark_deletes["properties"]["deletes"]["items"] == {"$ref": "#/components/schemas/MarkKey"}


def _bounded_run(strategy, check, mode: GenerationMode) -> None:
    """EXAMPLES_PER_OPERATION cases, the same ones every run (derandomized)."""

    @settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def run(case) -> None:
        check(case, mode=mode)

    run()


IDS = [path.rsplit("/", 1)[1] for _, path in OPERATIONS]


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=IDS)
def test_the_portal_keeps_to_its_openapi_description(db_url, device, method, path):
    # Its own portal, on the same database, whose guard on enrolment codes lets every generated
    # code reach the body checks (the guard itself: test_enrol_codes.py).
    settings = PortalSettings(today=TODAY, enrol_failures_per_address=10_000, enrol_failures_total=10_000)
    with EmbeddedPortal(db_url, settings=settings) as portal:
        _contract_run(portal, device, method, path)


# What the portal reads an op's payload with (the description's variants of Op).
PAYLOADS: dict[str, type[BaseModel]] = dict(p.OP_PAYLOADS)


def _unreadable(op: Any) -> bool:
    """An op the portal cannot take as its kind's payload: unknown kind, a payload that does not
    fit, a mark.set without a code 1..4."""
    if not isinstance(op, dict) or op.get("kind") not in PAYLOADS:
        return True
    try:
        payload = PAYLOADS[op["kind"]].model_validate(op.get("payload"))
    except ValidationError:
        return True
    return op["kind"] == p.OP_MARK_SET and getattr(payload, "code", None) not in (1, 2, 3, 4)


def _refused_op_by_op(body: dict, response, known_op_ids: set[str]) -> str | None:
    """A push that breaks the description only inside its ops is answered 200: each op the portal
    cannot read is refused on its own (`rejected`: `invalid` / `unknown_kind`), the rest applied
    (docs/sync-protocol.md). None when so; else what is wrong."""
    results = response.json()["results"]
    ops = body["ops"]
    assert len(results) == len(ops)
    fresh_unreadable = []
    repeated_unreadable = 0  # an op_id sent before gets its stored result, whatever it carries now
    batch: set[str] = set()
    for op, result in zip(ops, results, strict=True):
        op_id = op["op_id"]
        if _unreadable(op):
            if op_id not in known_op_ids and op_id not in batch:
                fresh_unreadable.append((op, result))
            else:
                repeated_unreadable += 1
        batch.add(op_id)
    if not fresh_unreadable:
        if repeated_unreadable:
            return None
        return "a push that breaks the description was applied (no op was refused)"
    wrong = [(op.get("kind"), r) for op, r in fresh_unreadable
             if (r["status"], r["code"]) not in (("rejected", p.R_INVALID), ("rejected", p.R_UNKNOWN_KIND))]
    return f"unreadable ops not refused: {wrong}" if wrong else None


def _contract_run(portal: EmbeddedPortal, device, method: str, path: str) -> None:
    schema = schemathesis.openapi.from_url(portal.url + "/openapi.json", config=_config(device.token))
    operation = schema[path][method]
    failures: list[str] = []
    seen: dict[int, int] = {}
    known_op_ids: set[str] = set()  # ops the device has sent: a repeated op_id gets its stored result

    def check(case, *, mode: GenerationMode) -> None:
        signed = False
        if (path.endswith("/push") and isinstance(case.body, dict)
                and isinstance(case.body.get("device_id"), str) and sum(seen.values()) % 2 == 0):
            # Half of the pushes are signed by the enrolled device, so their ops reach the portal's
            # rules (a negative case too, when its device_id is text: what it gets wrong is
            # elsewhere). A new dict: the generated body may be shared with other cases.
            case.body = {**case.body, "device_id": device.device_id}
            signed = True
        response = case.call(timeout=30)
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        checks = CHECKS
        if signed and response.status_code == 200:
            if mode is GenerationMode.NEGATIVE:
                # Broken only inside its ops (the request itself was read): op-by-op refusals.
                problem = _refused_op_by_op(case.body, response, known_op_ids)
                if problem is not None:
                    failures.append(f"{mode.value} {case.as_curl_command()}\n{problem}")
                checks = [c for c in CHECKS if c is not negative_data_rejection]
            known_op_ids.update(op["op_id"] for op in case.body["ops"])
        try:
            case.validate_response(response, checks=checks)
        except (Exception, BaseExceptionGroup) as exc:  # collected: one run reports every failure
            failures.append(f"{mode.value} {case.as_curl_command()}\n{exc}")

    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        # Valid client headers in the positive half, so its cases reach the bodies and parameters
        # (random versions would mostly be «too old»); the negative half varies them too.
        fixed = client_headers() if mode is GenerationMode.POSITIVE else None
        _bounded_run(operation.as_strategy(generation_mode=mode, headers=fixed), check, mode)
    assert not failures, "\n\n".join(failures[:5])
    assert all(status < 500 for status in seen), seen
    assert 200 in seen or path.endswith("/enrol"), seen  # the token works: real answers were checked
