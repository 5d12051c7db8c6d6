"""The preparation rules of scripts/prepare_spec.py, shown on a small document that is not our spec.

``data/synthetic.yaml`` has one shape per rule under made-up names; it is prepared and generated once for
the module, and the tests use the generated classes the way a caller would.
"""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx2
import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).parent / "data" / "synthetic.yaml"
PACKAGE = "synthetic_chat_api"

_spec = importlib.util.spec_from_file_location("prepare_spec", ROOT / "scripts" / "prepare_spec.py")
prepare_spec = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(prepare_spec)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("synthetic")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "generate.py"),
            "--spec",
            str(SPEC),
            "--out",
            str(out / PACKAGE),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def models(api: ModuleType) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.models")


@pytest.fixture(scope="module")
def prepared() -> dict:
    return prepare_spec.prepare(prepare_spec.load(SPEC))


def test_only_the_chat_completions_paths_are_kept(api: ModuleType, models: ModuleType, prepared: dict):
    assert sorted(prepared["paths"]) == ["/chat/completions"]
    assert "Unrelated" not in prepared["components"]["schemas"]
    chat = Path(api.__file__).parent / "api" / "chat"
    assert sorted(p.stem for p in chat.glob("*.py")) == ["__init__", "create_thing", "list_things"]


@pytest.mark.parametrize("field", ["mood", "level"])
def test_a_nullable_enum_accepts_null_and_its_values(models: ModuleType, field: str):
    """``nullable: true`` (mood) and ``type: [string, 'null']`` (level) both parse null."""
    assert getattr(models.ThingRequest.from_dict({"model": "m", field: None}), field) is None
    payload = {"model": "m", "mood": "calm", "level": "high"}
    request = models.ThingRequest.from_dict(payload)
    assert request.mood is models.MoodType0.CALM
    assert request.level is models.LevelType0.HIGH
    assert request.to_dict() == payload
    assert models.ThingRequest.from_dict({"model": "m", field: None}).to_dict() == {"model": "m", field: None}


def test_an_allof_redefinition_keeps_a_nullable_field_nullable(models: ModuleType):
    # Parsing would let None through anyway; the annotation is what a type checker holds the caller to.
    assert "None" in models.Derived.__init__.__annotations__["note"]
    derived = models.Derived.from_dict({"note": None, "extra": 1, "kind": "k"})
    assert derived.note is None and derived.extra == 1 and derived.kind == "k"
    assert derived.to_dict() == {"note": None, "extra": 1, "kind": "k"}
    assert models.Derived.from_dict({"note": "n", "extra": 2}).note == "n"


def test_schemas_sharing_a_title_both_generate(models: ModuleType):
    request = models.ThingRequest.from_dict(
        {
            "model": "m",
            "first": {"left": "l"},
            "second": {"right": 1},
            "inline_a": {"a": "s"},
            "inline_b": {"b": 2},
        }
    )
    assert type(request.first) is models.FirstShared and request.first.left == "l"
    assert type(request.second) is models.SecondShared and request.second.right == 1
    assert request.inline_a.a == "s"
    assert request.inline_b.b == 2
    assert type(request.inline_a) is not type(request.inline_b)


def test_a_response_enum_accepts_an_unknown_value(models: ModuleType):
    payload = {"status": "paused", "derived": {"note": None, "extra": 1}, "parts": []}
    response = models.ThingResponse.from_dict(payload)
    assert response.status == "paused"
    assert response.to_dict() == payload


def test_a_response_constant_is_optional_outside_unions(models: ModuleType):
    payload = {"status": "ok", "derived": {"note": None, "extra": 1}, "parts": []}
    assert models.ThingResponse.from_dict(payload).to_dict() == payload
    with_object = {**payload, "object": "thing"}
    assert models.ThingResponse.from_dict(with_object).to_dict() == with_object


def test_a_single_value_constant_still_picks_the_union_member(models: ModuleType):
    payload = {
        "status": "ok",
        "derived": {"note": None, "extra": 1},
        "parts": [{"type": "right", "value": "r"}, {"type": "left", "value": "l"}],
    }
    response = models.ThingResponse.from_dict(payload)
    assert [type(p) for p in response.parts] == [models.RightPart, models.LeftPart]
    assert response.to_dict() == payload


def test_a_discriminator_mapping_picks_the_union_member(models: ModuleType):
    payload = {"status": "ok", "derived": {"note": None, "extra": 1}, "parts": [], "pet": {}}
    for pet_type, cls in (("cat", models.Cat), ("dog", models.Dog)):
        payload["pet"] = {"pet_type": pet_type, "name": "rex"}
        response = models.ThingResponse.from_dict(payload)
        assert type(response.pet) is cls
        assert response.to_dict() == payload


def test_defaults_are_dropped_from_bodies(models: ModuleType):
    assert models.ThingRequest(model="m").to_dict() == {"model": "m"}
    assert models.ThingRequest.from_dict({"model": "m"}).to_dict() == {"model": "m"}


def test_defaults_are_dropped_from_query_parameters(api: ModuleType):
    list_things = importlib.import_module(f"{PACKAGE}.api.chat.list_things")
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json={"status": "ok", "derived": {"note": None, "extra": 1}, "parts": []})

    client = api.Client(base_url="https://api.test", httpx_args={"transport": httpx2.MockTransport(handler)})
    list_things.sync_detailed(client=client)
    assert str(seen[0].url) == "https://api.test/chat/completions"


def test_a_closed_object_keeps_fields_it_does_not_name(models: ModuleType):
    payload = {"model": "m", "closed": {"k": "v", "added_later": 1}}
    assert models.ThingRequest.from_dict(payload).to_dict() == payload


def test_event_stream_bodies_are_dropped_and_json_still_parses(
    api: ModuleType, models: ModuleType, prepared: dict
):
    content = prepared["paths"]["/chat/completions"]["post"]["responses"]["200"]["content"]
    assert list(content) == ["application/json"]
    create_thing = importlib.import_module(f"{PACKAGE}.api.chat.create_thing")
    body = {"status": "ok", "derived": {"note": None, "extra": 1}, "parts": [], "object": "thing"}

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=body)

    client = api.Client(base_url="https://api.test", httpx_args={"transport": httpx2.MockTransport(handler)})
    response = create_thing.sync_detailed(client=client, body=models.ThingRequest(model="m"))
    assert type(response.parsed) is models.ThingResponse
    assert response.parsed.to_dict() == body


# -- how the model template holds optional fields ---------------------------------------------------------


def test_an_absent_or_null_response_field_reads_as_none(models: ModuleType):
    payload = {"status": "ok", "derived": {"note": None, "extra": 1}, "parts": []}
    response = models.ThingResponse.from_dict(payload)
    assert response.usage is None and response.note is None
    assert models.ThingResponse.from_dict({**payload, "usage": None, "note": None}) == response
    assert response.to_dict() == payload
    assert "Unset" not in models.ThingResponse.__init__.__annotations__["usage"]
    assert "UNSET" not in repr(response) and "Unset" not in repr(response)
    assert models.ThingResponse.from_dict({**payload, "usage": {"total": 3}}).usage.total == 3


def test_a_required_nullable_response_field_left_out_is_written_as_null(models: ModuleType):
    derived = models.Derived.from_dict({"extra": 1})
    assert derived.note is None
    assert derived.to_dict() == {"note": None, "extra": 1}


def test_a_request_sends_only_what_was_given_and_null_only_where_allowed(models: ModuleType, api: ModuleType):
    request = models.ThingRequest(model="m")
    assert request.budget is api.types.UNSET and request.label is None
    assert request.to_dict() == {"model": "m"}
    # budget is nullable: None is sent as null. label is not: None means "not given".
    assert models.ThingRequest(model="m", budget=None, label=None).to_dict() == {"model": "m", "budget": None}
    assert models.ThingRequest.from_dict({"model": "m", "budget": None}).to_dict() == {
        "model": "m",
        "budget": None,
    }
    assert "budget=" not in repr(request) and "UNSET" not in repr(request)


def test_attributes_carry_the_wire_names_unless_python_forbids(models: ModuleType):
    payload = {
        "status": "ok",
        "derived": {"note": None, "extra": 1},
        "parts": [],
        "object": "thing",
        "from": "x",
    }
    response = models.ThingResponse.from_dict(payload)
    assert response.object == "thing"
    assert response.from_ == "x"  # a keyword keeps the generator's suffix
    assert response.to_dict() == payload
    assert models.LeftPart(value="v").type == "left"
    assert models.ThingRequest(model="m", format="f").to_dict() == {"model": "m", "format": "f"}


def test_response_only_schemas_and_required_nullable_fields_are_marked(prepared: dict):
    schemas = prepared["components"]["schemas"]
    marked = {name for name, schema in schemas.items() if schema.get(prepare_spec.RESPONSE_ONLY)}
    assert {"ThingResponse", "Usage", "Derived", "LeftPart", "Cat"} <= marked
    assert not marked & {"ThingRequest", "FirstShared", "SecondShared"}
    assert schemas["Derived"][prepare_spec.REQUIRED_NULLABLE] == ["note"]


@pytest.mark.parametrize("lazy", [False, True])
def test_fields_named_like_the_parsers_own_names_read_right(models: ModuleType, lazy: bool):
    payload = {"object": "thing", "status": "ok", "derived": {"note": None, "extra": 1}, "parts": [],
               "usage": {"total": 1}, "lazy": {"total": 2}, "src": {"total": 3}, "load": {"total": 4}, "d": "x"}  # fmt: skip
    response = models.ThingResponse.from_dict(payload, lazy=lazy)
    got = (response.usage.total, response.lazy.total, response.src.total, response.load.total, response.d)
    assert got == (1, 2, 3, 4, "x")
    assert response.to_dict() == payload and response == models.ThingResponse.from_dict(payload)
