"""A future OpenAI document reaches the client through `make sync-spec` alone, with no edit under facade/.

The document is ours with what a newer upstream release could add, written the way OpenAI writes it (JSON
here, ``nullable: true``, its own prose and ``x-`` keys): an optional request field with bounds
(``priority``, 0..10), a value on a request enum (``reasoning_effort: ultra``), a response field
(``service_region``), a delta and message field (``commentary``) and a finish reason (``paused``).
The sync writes into a temporary spec and package; the façade from the repository then runs on that package
in a subprocess, against an ``httpx2.MockTransport`` server.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PROSE = "Upstream wording that must not be copied."

# Runs in a subprocess on the package given as argv[1]; prints what a user would see, as JSON.
PROBE = r"""
import json, sys, typing
import httpx2
import openai_chat_api
from openai_chat import Client, CreateParams

seen = []
completion = {
    "id": "c1", "object": "chat.completion", "created": 0, "model": "m", "service_region": "eu-1",
    "choices": [{"index": 0, "finish_reason": "paused", "logprobs": None,
                 "message": {"role": "assistant", "content": "Hi", "refusal": None}}],
}
chunks = [
    {"id": "c2", "object": "chat.completion.chunk", "created": 0, "model": "m",
     "choices": [{"index": 0, "delta": {"role": "assistant", "commentary": "think "}, "finish_reason": None}]},
    {"id": "c2", "object": "chat.completion.chunk", "created": 0, "model": "m",
     "choices": [{"index": 0, "delta": {"commentary": "more", "content": "Hi"}, "finish_reason": "paused"}]},
]

def handler(request):
    body = json.loads(request.content)
    seen.append(body)
    if body.get("stream"):
        sse = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks) + b"data: [DONE]\n\n"
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=sse)
    return httpx2.Response(200, json=completion)

client = Client(api_key="k", base_url="https://api.test/v1",
                http_client=httpx2.Client(transport=httpx2.MockTransport(handler)))
import os, openai_chat
out = {"package": openai_chat_api.__file__, "facade": os.path.realpath(openai_chat.__file__),
       "create_params": sorted(typing.get_type_hints(CreateParams))}
try:
    done = client.chat.create(model="m", messages="Hi", priority=5, reasoning_effort="ultra")
except Exception as exc:
    out["accepted"] = f"{type(exc).__name__}: {exc}"
else:
    out["accepted"] = "yes"
    out["sent"] = {k: seen[-1].get(k) for k in ("priority", "reasoning_effort")}
    out["service_region"] = getattr(done, "service_region", "no such attribute")
    out["finish_reason"] = done.finish_reason
sent_before = len(seen)
try:
    client.chat.create(model="m", messages="Hi", priority=11)
except (TypeError, ValueError) as exc:
    out["refused"] = f"{type(exc).__name__}: {exc}"
out["sent_when_refused"] = len(seen) - sent_before
if out["accepted"] == "yes":
    with client.chat.stream(model="m", messages="Hi") as stream:
        final = stream.final()
    out["final_commentary"] = getattr(final.choices[0].message, "commentary", "no such attribute")
    out["final_finish_reason"] = final.finish_reason
print(json.dumps(out))
"""


def _future(ours: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(ours)
    schemas = doc["components"]["schemas"]
    doc["info"] = {"title": "Future API", "version": "9.9.9", "description": PROSE}
    doc["x-oaiMeta"] = {"navigationGroups": [{"id": "chat", "title": PROSE}]}
    schemas["CreateChatCompletionRequest"]["allOf"][1]["properties"]["priority"] = {
        "type": "integer",
        "minimum": 0,
        "maximum": 10,
        "nullable": True,
        "description": PROSE,
        "x-oaiTypeLabel": "int",
    }
    schemas["ReasoningEffort"]["anyOf"][0]["enum"].append("ultra")
    schemas["CreateChatCompletionResponse"]["properties"]["service_region"] = {
        "type": "string",
        "description": PROSE,
    }
    for name in ("ChatCompletionStreamResponseDelta", "ChatCompletionResponseMessage"):
        schemas[name]["properties"]["commentary"] = {"type": "string", "nullable": True, "description": PROSE}
    for name in ("CreateChatCompletionResponse", "CreateChatCompletionStreamResponse"):
        enum = schemas[name]["properties"]["choices"]["items"]["properties"]["finish_reason"]["enum"]
        enum.insert(len([v for v in enum if v is not None]), "paused")
    return doc


def _probe(package: Path) -> dict[str, Any]:
    # The façade is the installed one, whose modules are links to facade/; the package goes first.
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=package.parent,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["package"].startswith(str(package)), out["package"]
    assert out["facade"] == str((ROOT / "facade" / "openai_chat" / "__init__.py").resolve()), out["facade"]
    return out


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        for file in sorted(p for p in ([path] if path.is_file() else path.rglob("*.py"))):
            h.update(file.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("future")
    ours = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    source = tmp / "openai-future.json"
    source.write_text(json.dumps(_future(ours), indent=1), encoding="utf-8")
    spec = tmp / "openapi.yaml"
    spec.write_text((ROOT / "openapi.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    package = tmp / "gen" / "openai_chat_api"
    report = tmp / "spec-changes.md"
    before = _digest(ROOT / "openapi.yaml", ROOT / "generated", ROOT / "facade")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sync_spec.py"), str(source)]
        + ["--spec", str(spec), "--out", str(package), "--report", str(report)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert _digest(ROOT / "openapi.yaml", ROOT / "generated", ROOT / "facade") == before
    return {"spec": spec, "package": package, "report": report, "stdout": result.stdout}


def test_the_report_names_every_change(synced: dict[str, Any]):
    report = synced["report"].read_text(encoding="utf-8")
    assert report in synced["stdout"]
    for line in (
        "+ CreateChatCompletionRequest.priority: integer, 0..10, nullable, optional",
        "+ CreateChatCompletionResponse.service_region: string, optional",
        "+ ChatCompletionStreamResponseDelta.commentary: string, nullable, optional",
        "ReasoningEffort: + ultra",
        "CreateChatCompletionStreamResponse.choices[].finish_reason: + paused",
    ):
        assert line in report, report
    assert "- Operations: none" in report


def test_the_spec_takes_the_facts_and_not_the_words(synced: dict[str, Any]):
    text = synced["spec"].read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    priority = spec["components"]["schemas"]["CreateChatCompletionRequest"]["allOf"][1]["properties"][
        "priority"
    ]
    assert priority == {"type": ["integer", "null"], "minimum": 0, "maximum": 10}
    assert PROSE not in text and "x-oai" not in text and "Future API" not in text
    ours = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["info"] == ours["info"]
    assert (
        spec["paths"]["/chat/completions"]["post"]["summary"]
        == ours["paths"]["/chat/completions"]["post"]["summary"]
    )


def test_the_unchanged_facade_uses_the_new_fields(synced: dict[str, Any]):
    out = _probe(synced["package"])
    assert out["accepted"] == "yes"
    assert out["sent"] == {"priority": 5, "reasoning_effort": "ultra"}
    assert "priority" in out["refused"] and out["refused"].startswith("ValueError")
    assert out["sent_when_refused"] == 0
    assert "priority" in out["create_params"]
    assert out["service_region"] == "eu-1"
    assert out["finish_reason"] == "paused"
    assert out["final_commentary"] == "think more"
    assert out["final_finish_reason"] == "paused"


def test_the_committed_package_does_not_know_them_yet():
    """The proof above is not vacuous: before the sync the same calls are refused."""
    out = _probe(ROOT / "generated" / "openai_chat_api")
    assert "priority" not in out["create_params"]
    assert out["accepted"] != "yes"
