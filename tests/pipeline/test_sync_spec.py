"""`make sync-spec`: its rules on small documents, and one clear line for every document it cannot use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "scripts"))
sys.path.append(str(ROOT / "tests"))

import openapi_contract  # noqa: E402
import prepare_spec  # noqa: E402
import spec_changes  # noqa: E402
import spec_shape  # noqa: E402

# -- documents it cannot use ----------------------------------------------------------------------------------


def _sync(tmp_path: Path, source: Path) -> subprocess.CompletedProcess[str]:
    spec = tmp_path / "openapi.yaml"
    spec.write_text((ROOT / "openapi.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sync_spec.py"), str(source), "--spec", str(spec)]
        + ["--out", str(tmp_path / "gen" / "openai_chat_api"), "--report", str(tmp_path / "changes.md")],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _ours() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


CHAT = "paths:\n  /chat/completions:\n    post: {operationId: createChatCompletion, responses: {'200': {description: x}}}\n"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "openapi: 3.1.0\n" + CHAT.replace("}}}", "}}"),
            "not valid YAML: did not find expected ',' or '}' at line",
        ),
        ('{"openapi": "3.1.0", "paths": {', "not valid JSON: Expecting property name"),
        ("swagger: '2.0'\npaths: {}\n", "not an OpenAPI 3 document (version: swagger 2.0)"),
        ("- just\n- a list\n", "not an OpenAPI document"),
        (
            "openapi: 3.1.0\npaths:\n  /models: {get: {responses: {}}}\n",
            "has no operations under /chat/completions",
        ),
        (
            "openapi: 3.1.0\n" + CHAT,
            "lacks operations the client uses: listChatCompletions (GET /chat/completions), getChatCompletion",
        ),
    ],
)
def test_an_unusable_document_gets_one_line_and_changes_nothing(tmp_path: Path, text: str, says: str):
    source = tmp_path / "source.yaml"
    source.write_text(text, encoding="utf-8")
    result = _sync(tmp_path, source)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("sync-spec: "), result.stderr
    assert says in result.stderr
    assert (tmp_path / "openapi.yaml").read_text(encoding="utf-8") == (ROOT / "openapi.yaml").read_text(
        encoding="utf-8"
    )
    assert not (tmp_path / "gen").exists() and not (tmp_path / "changes.md").exists()


def test_an_older_document_without_delete_is_refused_naming_it(tmp_path: Path):
    doc = _ours()
    del doc["paths"]["/chat/completions/{completion_id}"]["delete"]
    source = tmp_path / "older.yaml"
    source.write_text(yaml.safe_dump(doc), encoding="utf-8")
    result = _sync(tmp_path, source)
    assert result.returncode == 1
    assert result.stderr == (
        "sync-spec: older.yaml lacks operations the client uses: deleteChatCompletion "
        "(DELETE /chat/completions/{completion_id}); nothing was changed\n"
    )


def test_a_package_the_facade_cannot_import_is_not_written(tmp_path: Path):
    """Every operation is there but a schema the façade imports is renamed: sync refuses, generate warns."""
    text = (
        (ROOT / "openapi.yaml").read_text(encoding="utf-8").replace("ChatCompletionDeleted", "CompletionGone")
    )
    source = tmp_path / "renamed.yaml"
    source.write_text(text, encoding="utf-8")
    result = _sync(tmp_path, source)
    assert result.returncode == 1
    assert result.stderr.startswith("sync-spec: the package generated from renamed.yaml breaks the façade (")
    assert "'ChatCompletionDeleted'" in result.stderr and "nothing was changed" in result.stderr
    assert not (tmp_path / "gen").exists()
    generated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--spec", str(source)]
        + ["--out", str(tmp_path / "direct" / "openai_chat_api")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert generated.returncode == 0
    assert "generate: warning: the façade cannot import this package: " in generated.stderr
    assert "'ChatCompletionDeleted'" in generated.stderr


def test_a_missing_file_is_one_line(tmp_path: Path):
    result = _sync(tmp_path, tmp_path / "absent.yaml")
    assert result.returncode == 1 and "cannot read it (FileNotFoundError" in result.stderr
    assert "Traceback" not in result.stderr


def test_redefined_anchors_are_read_the_yaml_1_2_way(tmp_path: Path):
    """OpenAI's 2024 documents define some anchors twice; an alias means the latest definition."""
    source = tmp_path / "anchors.yaml"
    source.write_text(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\n"
        "x-a: &shared {type: string}\nx-b: &shared {type: integer}\nx-use: *shared\n",
        encoding="utf-8",
    )
    with pytest.raises(yaml.composer.ComposerError):
        yaml.safe_load(source.read_text(encoding="utf-8"))
    assert prepare_spec.load(source)["x-use"] == {"type": "integer"}


# -- the rules ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"type": "integer", "nullable": True}, {"type": ["integer", "null"]}),
        (
            {"type": "string", "enum": ["a"], "nullable": True},
            {"type": ["string", "null"], "enum": ["a", None]},
        ),
        ({"$ref": "#/x", "nullable": True}, {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}),
        (
            {"oneOf": [{"type": "string"}], "nullable": True},
            {"oneOf": [{"type": "string"}, {"type": "null"}]},
        ),
        (
            {"default": None, "oneOf": [{"type": "string", "default": "x", "nullable": True}]},
            {"default": None, "oneOf": [{"type": "string"}, {"type": "null"}]},
        ),
        ({"anyOf": [{"type": "object", "default": None}]}, {"anyOf": [{"type": "object"}]}),
        ({"anyOf": [{"type": "number", "default": 1}]}, {"anyOf": [{"type": "number", "default": 1}]}),
        ({"type": "integer", "nullable": False}, {"type": "integer"}),
    ],
)
def test_nullable_takes_the_3_1_spelling(before: dict[str, Any], after: dict[str, Any]):
    assert spec_shape.nullable_31(before) == after


SOURCE = {
    "openapi": "3.0.0",
    "info": {"title": "Theirs", "version": "9"},
    "x-oaiMeta": {"groups": []},
    "paths": {
        "/chat/completions": {
            "get": {
                "operationId": "listThings",
                "summary": "Their summary",
                "parameters": [
                    {"name": "metadata", "in": "query", "schema": {"$ref": "#/components/schemas/Meta"}},
                    {
                        "name": "limit",
                        "in": "query",
                        "description": "Their words",
                        "schema": {"type": "integer"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "Their words",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Meta": {"type": "object", "nullable": True, "additionalProperties": {"type": "string"}},
            "Thing": {
                "type": "object",
                "description": "Their words",
                "title": "Their title",
                "properties": {
                    "description": {"type": "string", "description": "Their words"},
                    "x-count": {"type": "integer", "minimum": 0, "x-oaiTypeLabel": "int", "example": 3},
                    "part": {
                        "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
                        "discriminator": {"propertyName": "type"},
                    },
                },
            },
            "A": {"type": "object", "properties": {"type": {"type": "string", "enum": ["a"]}}},
            "B": {"type": "object", "properties": {"type": {"type": "string", "enum": ["b"]}}},
        }
    },
}
OURS = {
    "openapi": "3.1.0",
    "info": {"title": "Ours", "version": "1"},
    "paths": {
        "/chat/completions": {
            "get": {
                "operationId": "listThings",
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}, "description": "Ours"}
                ],
                "summary": "Our summary",
            }
        }
    },
    "components": {"schemas": {"Thing": {"description": "Our thing", "properties": {"description": {}}}}},
}


def test_the_facts_come_from_the_source_and_the_words_from_us():
    new, warnings = spec_shape.rebuild(SOURCE, OURS, [])
    assert warnings == []
    op = new["paths"]["/chat/completions"]["get"]
    # our order; a key we lack goes right after the key it follows in the source
    assert list(op) == ["operationId", "parameters", "responses", "summary"]
    assert op["summary"] == "Our summary" and new["info"] == OURS["info"] and "x-oaiMeta" not in new
    metadata, limit = op["parameters"]
    assert limit == {"name": "limit", "in": "query", "schema": {"type": "integer"}, "description": "Ours"}
    assert metadata["style"] == "deepObject" and metadata["explode"] is True
    assert op["responses"]["200"]["description"] == "A response."  # required by OpenAPI; not their words
    thing = new["components"]["schemas"]["Thing"]
    assert thing["description"] == "Our thing" and "title" not in thing
    assert thing["properties"]["description"] == {"type": "string"}  # a field named like a keyword stays
    assert thing["properties"]["x-count"] == {"type": "integer", "minimum": 0}
    assert thing["properties"]["part"]["discriminator"]["mapping"] == {
        "a": "#/components/schemas/A",
        "b": "#/components/schemas/B",
    }
    assert new["components"]["schemas"]["Meta"]["type"] == ["object", "null"]


def test_overrides_apply_after_the_rules_and_say_when_they_miss():
    overrides = spec_shape.check_overrides(
        [
            {
                "name": "cap",
                "why": "prose only",
                "at": "/components/schemas/Meta",
                "set": {"maxProperties": 2},
            },
            {
                "name": "gone",
                "why": "renamed",
                "at": ["/components/schemas/Nope/properties/x"],
                "set": {"a": 1},
            },
            {
                "name": "guarded",
                "why": "w",
                "at": "/components/schemas/A",
                "when": {"type": "array"},
                "unset": ["type"],
            },
        ],
        "overrides.yaml",
    )
    new, warnings = spec_shape.rebuild(SOURCE, OURS, overrides)
    assert new["components"]["schemas"]["Meta"]["maxProperties"] == 2
    assert new["components"]["schemas"]["A"]["type"] == "object"
    assert warnings == [
        "override 'gone' not applied: /components/schemas/Nope/properties/x is not in the source as expected",
        "override 'guarded' not applied: /components/schemas/A is not in the source as expected",
    ]
    with pytest.raises(prepare_spec.SpecError, match="every override needs name, why and at"):
        spec_shape.check_overrides([{"name": "x", "at": "/a"}], "overrides.yaml")


def test_the_report_compares_facts_not_spelling():
    old, _ = spec_shape.rebuild(SOURCE, OURS, [])
    new = yaml.safe_load(yaml.safe_dump(old))
    new["components"]["schemas"]["Thing"]["properties"]["x-count"]["maximum"] = 9
    new["components"]["schemas"]["B"]["properties"]["type"]["enum"] = ["b", "c"]
    del new["paths"]["/chat/completions"]["get"]["parameters"][1]
    changes = spec_changes.compare(old, new)
    assert changes.response == [
        "~ B.type: string, = 'b', optional → string, enum, optional",
        "~ Thing.x-count: integer, 0.., optional → integer, 0..9, optional",
    ]
    assert changes.enums == ["B.type: + c"]
    assert changes.operations[0].startswith("~ GET /chat/completions: listThings — metadata")
    assert not spec_changes.compare(old, SOURCE)  # nullable: true and type: [.., null] are the same fact


# -- the contract helper -------------------------------------------------------------------------------------------


def test_the_contract_judge_is_built_once_per_document():
    assert openapi_contract.spec() is openapi_contract.spec()
    assert openapi_contract.load_spec_document() is openapi_contract.load_spec_document()
