"""The control client against openapi/journey-runs-mock-control.yaml: every operation, parameter, body field,
schema property, error code and error status of the contract has its Python counterpart."""

import copy
import inspect
import re
from typing import Dict, List, get_type_hints

import pytest
import yaml

from journey_runs_mock import JourneyRunsControl, types
from journey_runs_mock.control import TENANT_HEADER
from journey_runs_mock.errors import ERROR_CLASSES, ControlErrorCode

from repo import ROOT

CONTRACT = ROOT / "openapi" / "journey-runs-mock-control.yaml"
# Operations whose body is a whole document, taken as one TypedDict argument rather than as keywords.
DOCUMENT_BODIES = {"setScene": "scene", "load": "state"}
# Schemas whose TypedDict has another name (a Python class would shadow the exception `ControlError`).
RENAMED = {"ControlError": "ControlErrorBody"}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def deref(contract: dict, node: dict) -> dict:
    """The node a `$ref` points at (followed until it is not a reference)."""
    while "$ref" in node:
        target = contract
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def body_fields(contract: dict, schema: dict) -> List[str]:
    """The properties of a body schema, across `oneOf` branches."""
    schema = deref(contract, schema)
    names: List[str] = list(schema.get("properties", {}))
    for branch in schema.get("oneOf", []):
        names += [n for n in body_fields(contract, branch) if n not in names]
    return names


def client_gaps(contract: dict) -> List[str]:
    """What the contract has and the client lacks, one sentence each (empty when the client is complete)."""
    gaps: List[str] = []
    for path, item in contract["paths"].items():
        shared = [deref(contract, p) for p in item.get("parameters", [])]
        for method, op in item.items():
            if method == "parameters":
                continue
            name = snake(op["operationId"])
            method_fn = getattr(JourneyRunsControl, name, None)
            if method_fn is None:
                gaps.append(f"no method {name} for {method.upper()} {path}")
                continue
            params = inspect.signature(method_fn).parameters
            for p in shared + [deref(contract, p) for p in op.get("parameters", [])]:
                if p["in"] == "header":
                    if p["name"] != TENANT_HEADER:
                        gaps.append(f"{name}: header {p['name']} is not sent")
                elif snake(p["name"]) not in params:
                    gaps.append(f"{name}: no parameter {snake(p['name'])} ({p['in']} {p['name']})")
            body = op.get("requestBody")
            if body is None:
                continue
            if op["operationId"] in DOCUMENT_BODIES:
                if DOCUMENT_BODIES[op["operationId"]] not in params:
                    gaps.append(f"{name}: no document parameter {DOCUMENT_BODIES[op['operationId']]}")
                continue
            for field in body_fields(contract, body["content"]["application/json"]["schema"]):
                if snake(field) not in params:
                    gaps.append(f"{name}: no keyword {snake(field)} for the body field {field}")
    return gaps


def schema_gaps(contract: dict) -> List[str]:
    """Object schemas whose TypedDict differs in its keys or required keys."""
    gaps: List[str] = []
    for name, schema in contract["components"]["schemas"].items():
        if schema.get("type") != "object" or "properties" not in schema:
            continue
        typed = getattr(types, RENAMED.get(name, name), None)
        if typed is None:
            gaps.append(f"no TypedDict for the schema {name}")
            continue
        keys = set(get_type_hints(typed))
        if keys != set(schema["properties"]):
            gaps.append(f"{name}: TypedDict keys {sorted(keys)} != contract {sorted(schema['properties'])}")
        if set(typed.__required_keys__) != set(schema.get("required", [])):
            gaps.append(f"{name}: required {sorted(typed.__required_keys__)} != {sorted(schema.get('required', []))}")
    return gaps


@pytest.fixture(scope="module")
def contract() -> Dict:
    return yaml.safe_load(CONTRACT.read_text())


def test_every_operation_parameter_and_body_field_of_the_contract_has_a_client_counterpart(contract):
    assert client_gaps(contract) == []


def test_an_operation_or_field_added_to_the_contract_is_reported_missing(contract):
    grown = copy.deepcopy(contract)
    grown["paths"]["/_journey-runs-mock/clock"]["delete"] = {"operationId": "stopClock"}
    grown["components"]["schemas"]["AdvanceClockRequest"]["properties"]["jitter"] = {"type": "number"}
    grown["components"]["schemas"]["Health"]["properties"]["uptime"] = {"type": "number"}
    assert client_gaps(grown) == [
        "no method stop_clock for DELETE /_journey-runs-mock/clock",
        "advance_clock: no keyword jitter for the body field jitter",
    ]
    assert schema_gaps(grown) == [
        "AdvanceClockRequest: TypedDict keys ['ms'] != contract ['jitter', 'ms']",
        "Health: TypedDict keys ['clock', 'now', 'status'] != contract ['clock', 'now', 'status', 'uptime']",
    ]


def test_every_object_schema_of_the_contract_has_a_typed_dict_with_its_keys(contract):
    assert schema_gaps(contract) == []


def test_every_error_code_of_the_contract_is_a_control_error_code(contract):
    codes = contract["components"]["schemas"]["ControlErrorCode"]["enum"]
    assert sorted(set(codes) - {code.value for code in ControlErrorCode}) == []


def test_every_error_status_of_the_contract_has_an_error_class(contract):
    statuses = {
        int(status)
        for item in contract["paths"].values()
        for method, op in item.items()
        if method != "parameters"
        for status in op["responses"]
        if int(status) >= 400
    }
    assert sorted(statuses - set(ERROR_CLASSES)) == []
