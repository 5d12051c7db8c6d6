from __future__ import annotations

import asyncio
import copy
import dataclasses
import datetime as dt
import enum
import json
from typing import Annotated, Literal, Optional

import attrs
import pytest
from openai_chat._schema import json_schema_for
from openai_chat._tools import FunctionTool, decode_arguments, function_tool, prepare_tools

try:
    import jsonschema
except ImportError:  # pragma: no cover - the dev environment has it
    jsonschema = None


class Currency(enum.Enum):
    EUR = "EUR"
    USD = "USD"


@attrs.frozen
class Money:
    amount: float
    currency: Currency


@dataclasses.dataclass
class Address:
    street: str
    city: str
    country: str = "NO"


def assert_strict(schema: dict) -> None:
    """Every object closed and fully required, every $ref resolvable (the structured-outputs rules)."""

    def walk(node: object) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            kinds = node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]
            if "object" in kinds:
                assert node.get("additionalProperties") is False, node
                assert sorted(node.get("required", [])) == sorted(node.get("properties", {})), node
            if "$ref" in node:
                name = node["$ref"].removeprefix("#/$defs/")
                assert node["$ref"] == "#" or name in schema["$defs"], node
            assert "default" not in node, node
            for key in ("properties", "$defs"):
                walk(list(node.get(key, {}).values()))
            walk(node.get("items"))
            walk(node.get("anyOf"))

    walk(schema)


def validate(schema: dict, instance: object) -> None:
    if jsonschema is None:
        return
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(instance)


class Unit(enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


@attrs.frozen
class Window:
    """A span of time."""

    start: dt.datetime
    end: dt.datetime


def get_weather(city: str, unit: Unit = Unit.CELSIUS, days: int = 1) -> str:
    """Current weather and a short forecast for a city.

    Uses the nearest station.

    Args:
        city: The city name,
            for example "Oslo".
        unit (Unit): Temperature unit.
        days: How many days to forecast.

    Returns:
        A short report.
    """
    return f"{city}:{unit.value}:{days}"


def book_room(
    room: Annotated[str, "Room id, like A1"],
    window: Window,
    attendees: list[str],
    note: Optional[str] = None,  # noqa: UP045
):
    """Book a meeting room.

    :param room: ignored, Annotated wins
    :param window: When the meeting is.
    :param list[str] attendees: Who comes,
        by email.
    :returns: a booking id
    """
    return {"room": room, "window": window, "attendees": attendees, "note": note}


def test_definition_from_signature_and_google_docstring() -> None:
    tool = function_tool(get_weather)
    assert isinstance(tool, FunctionTool)
    assert tool.name == "get_weather"
    assert tool.definition == {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather and a short forecast for a city.\n\nUses the nearest station.",
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string", "description": 'The city name, for example "Oslo".'},
                    "unit": {
                        "type": "string",
                        "enum": ["celsius", "fahrenheit"],
                        "description": "Temperature unit.",
                    },
                    "days": {"type": "integer", "description": "How many days to forecast.", "default": 1},
                },
                "required": ["city"],
                "additionalProperties": False,
            },
        },
    }


def test_definition_from_sphinx_docstring_with_nested_class() -> None:
    function = function_tool(book_room).definition["function"]
    assert function["description"] == "Book a meeting room."
    params = function["parameters"]
    assert params["properties"]["room"] == {"type": "string", "description": "Room id, like A1"}
    assert params["properties"]["window"] == {
        "anyOf": [{"$ref": "#/$defs/Window"}],
        "description": "When the meeting is.",
    }
    assert params["properties"]["attendees"]["description"] == "Who comes, by email."
    assert params["required"] == ["room", "window", "attendees"]
    assert params["$defs"]["Window"] == json_schema_for(Window)
    assert "strict" not in function


def test_strict_definition_follows_the_strict_rules() -> None:
    function = function_tool(book_room, strict=True).definition["function"]
    assert function["strict"] is True
    params = function["parameters"]
    assert params["required"] == ["room", "window", "attendees", "note"]
    assert params["properties"]["note"] == {"type": ["string", "null"]}
    assert_strict(params)
    assert_strict(function_tool(get_weather, strict=True).definition["function"]["parameters"])


def test_name_and_description_overrides() -> None:
    tool = function_tool(get_weather, name="weather-v2", description="Weather.")
    assert tool.name == "weather-v2"
    assert tool.definition["function"]["name"] == "weather-v2"
    assert tool.definition["function"]["description"] == "Weather."
    with pytest.raises(ValueError, match="name must be"):
        function_tool(get_weather, name="no spaces allowed")
    with pytest.raises(ValueError, match="pass name="):
        function_tool(lambda x: x)


def test_no_docstring_and_no_parameters() -> None:
    def ping() -> str:
        return "pong"

    tool = function_tool(ping)
    assert tool.definition["function"] == {
        "name": "ping",
        "parameters": {"type": "object", "properties": {}, "required": [], "additionalProperties": False},
    }
    assert tool.call("") == "pong"
    assert tool.call("{}") == "pong"


def test_decorator_form_keeps_the_function_callable() -> None:
    @function_tool(strict=True)
    def add(a: int, b: int = 0) -> int:
        """Add two integers."""
        return a + b

    assert isinstance(add, FunctionTool)
    assert add(2, 3) == 5
    assert add.call('{"a": 2, "b": null}') == 2
    assert add.definition["function"]["strict"] is True


@pytest.mark.parametrize(
    ("fn_source", "message"),
    [
        ("def f(a: int, *rest: int): pass", r"tool 'f': parameter 'rest' is \*args or \*\*kwargs"),
        ("def f(a: int, **options: int): pass", r"tool 'f': parameter 'options' is \*args or \*\*kwargs"),
        ("def f(a: int, b): pass", r"tool 'f': parameter 'b' has no type hint"),
        ("def f(a: int, /): pass", r"tool 'f': parameter 'a' is positional-only"),
        ("def f(a: Missing): pass", r"tool 'f': cannot resolve the type hints"),
    ],
)
def test_bad_signatures_are_type_errors_naming_the_parameter(fn_source: str, message: str) -> None:
    namespace: dict = {}
    exec(fn_source, namespace)
    with pytest.raises(TypeError, match=message):
        function_tool(namespace["f"])


def test_open_map_parameter_needs_non_strict() -> None:
    def tally(counts: dict[str, int]) -> int:
        return sum(counts.values())

    with pytest.raises(TypeError, match=r"tool 'tally': parameter 'counts': .*open map"):
        function_tool(tally, strict=True)
    tool = function_tool(tally)
    assert tool.definition["function"]["parameters"]["properties"]["counts"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
    }
    assert tool.call('{"counts": {"a": 1, "b": 2}}') == 3


def test_call_builds_typed_arguments() -> None:
    tool = function_tool(book_room)
    result = tool.call(
        json.dumps(
            {
                "room": "A1",
                "window": {"start": "2024-05-01T10:00:00Z", "end": "2024-05-01T11:00:00+02:00"},
                "attendees": ["a@example.com"],
            }
        )
    )
    assert result == {
        "room": "A1",
        "window": Window(
            dt.datetime(2024, 5, 1, 10, tzinfo=dt.UTC),
            dt.datetime(2024, 5, 1, 11, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        ),
        "attendees": ["a@example.com"],
        "note": None,
    }


def test_decode_arguments_returns_keyword_arguments() -> None:
    tool = function_tool(get_weather)
    assert decode_arguments(tool, '{"city": "Oslo", "unit": "fahrenheit"}') == {
        "city": "Oslo",
        "unit": Unit.FAHRENHEIT,
    }
    assert decode_arguments(tool, '{"city": "Oslo", "days": null}') == {"city": "Oslo"}
    assert decode_arguments(tool, {"city": "Oslo"}) == {"city": "Oslo"}
    assert tool.call(b'{"city": "Oslo", "days": 3}') == "Oslo:celsius:3"


def test_dataclass_parameters_are_built() -> None:
    def ship(to: Address, cost: Money) -> str:
        return f"{to.city} {cost.amount} {cost.currency.value}"

    tool = function_tool(ship)
    arguments = {"to": {"street": "Main 1", "city": "Oslo"}, "cost": {"amount": 3, "currency": "EUR"}}
    validate(tool.definition["function"]["parameters"], arguments)
    assert tool.call(json.dumps(arguments)) == "Oslo 3.0 EUR"
    assert decode_arguments(tool, json.dumps(arguments))["to"] == Address("Main 1", "Oslo")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ('{"city": ', "tool 'get_weather': arguments are not valid JSON: "),
        ('["Oslo"]', "tool 'get_weather': arguments must be a JSON object, got array"),
        ("{}", "tool 'get_weather': arguments.city: missing required argument"),
        ('{"city": "Oslo", "country": "NO"}', "tool 'get_weather': arguments.country: unexpected argument"),
        ('{"city": 42}', "tool 'get_weather': arguments.city: expected string, got integer"),
        (
            '{"city": "Oslo", "unit": "kelvin"}',
            "tool 'get_weather': arguments.unit: expected one of ['celsius', 'fahrenheit'], got 'kelvin'",
        ),
        ('{"city": "Oslo", "days": 1.5}', "tool 'get_weather': arguments.days: expected integer, got number"),
    ],
)
def test_bad_arguments_name_the_tool_and_the_argument(arguments: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        function_tool(get_weather).call(arguments)
    assert str(info.value).startswith(message)


def test_bad_nested_argument_has_a_path() -> None:
    with pytest.raises(
        ValueError, match=r"^tool 'book_room': arguments\.window\.end: expected an ISO 8601 date-time"
    ):
        function_tool(book_room).call(
            '{"room": "A", "window": {"start": "2024-05-01T10:00:00Z", "end": "soon"}, "attendees": []}'
        )


def test_async_function_call_returns_an_awaitable() -> None:
    async def lookup(code: Literal["OSL", "BER"]) -> str:
        await asyncio.sleep(0)
        return code.lower()

    assert asyncio.run(function_tool(lookup).call('{"code": "BER"}')) == "ber"


def test_bound_method_drops_self() -> None:
    @dataclasses.dataclass
    class Calculator:
        base: int

        def plus(self, amount: int) -> int:
            """Add to the base."""
            return self.base + amount

    tool = function_tool(Calculator(10).plus)
    assert list(tool.definition["function"]["parameters"]["properties"]) == ["amount"]
    assert tool.call('{"amount": 5}') == 15


def test_function_tool_rejects_non_callables() -> None:
    with pytest.raises(TypeError, match="fn must be callable"):
        function_tool("get_weather")  # type: ignore[call-overload]


# --- prepare_tools ------------------------------------------------------------------------------------


def test_prepare_tools_mixes_functions_tools_and_definitions() -> None:
    weather = function_tool(get_weather, name="weather")
    raw = {
        "type": "function",
        "function": {"name": "search", "parameters": {"type": "object", "properties": {}}},
    }
    before = copy.deepcopy(raw)
    definitions, registry = prepare_tools([book_room, weather, raw])
    assert [d["function"]["name"] for d in definitions] == ["book_room", "weather", "search"]
    assert definitions[1] is weather.definition
    assert definitions[2] == raw
    assert set(registry) == {"book_room", "weather"}
    assert registry["weather"] is weather
    assert registry["book_room"].fn is book_room
    assert raw == before


def test_prepare_tools_rejects_duplicate_names() -> None:
    with pytest.raises(ValueError, match="duplicate tool name 'get_weather'"):
        prepare_tools([get_weather, {"type": "function", "function": {"name": "get_weather"}}])
    with pytest.raises(ValueError, match="duplicate tool name 'book_room'"):
        prepare_tools([book_room, function_tool(book_room)])


def test_prepare_tools_rejects_malformed_entries() -> None:
    with pytest.raises(ValueError, match=r"tools\[0\]: a tool definition needs a 'type'"):
        prepare_tools([{"function": {"name": "x"}}])
    with pytest.raises(ValueError, match=r"tools\[1\]: a function tool definition needs function.name"):
        prepare_tools([get_weather, {"type": "function", "function": {}}])
    with pytest.raises(TypeError, match=r"tools\[0\]: expected a function"):
        prepare_tools([42])
    with pytest.raises(TypeError, match="tools must be a list"):
        prepare_tools(get_weather)  # type: ignore[arg-type]
    assert prepare_tools([]) == ([], {})


def test_prepare_tools_accepts_other_tool_types_without_a_name() -> None:
    custom = {"type": "custom", "custom": {"name": "grammar"}}
    other = {"type": "web_search"}
    definitions, registry = prepare_tools([custom, other])
    assert definitions == [custom, other]
    assert registry == {}
    with pytest.raises(ValueError, match="duplicate tool name 'grammar'"):
        prepare_tools([custom, custom])
