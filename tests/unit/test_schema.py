from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import enum
import json
import uuid
from typing import Annotated, Any, Literal, NewType, NotRequired, Optional, Required, TypedDict, Union

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai_chat._exceptions import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    StructuredOutputError,
)
from openai_chat._schema import json_schema_for, parse_as, parse_content, response_format_for

try:
    import jsonschema
except ImportError:  # pragma: no cover - the dev environment has it
    jsonschema = None


# --- Types a caller would write -----------------------------------------------------------------------


class Currency(enum.Enum):
    """ISO currency code."""

    EUR = "EUR"
    USD = "USD"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


@attrs.frozen
class Money:
    """An amount in a currency."""

    amount: float
    currency: Currency


@attrs.frozen
class LineItem:
    sku: Annotated[str, "Stock keeping unit"]
    quantity: int
    price: Money
    tags: list[str] = attrs.field(factory=list)


@attrs.frozen
class Order:
    """A customer order."""

    id: uuid.UUID
    placed_at: dt.datetime
    items: list[LineItem]
    status: Literal["open", "shipped", "cancelled"]
    priority: Priority = Priority.LOW
    note: Optional[str] = None  # noqa: UP045 - the spelling callers use
    ship_on: dt.date | None = None


@dataclasses.dataclass
class Address:
    street: str
    city: str
    zip_code: str | None = None
    country: str = "NO"
    lines: list[str] = dataclasses.field(default_factory=list, metadata={"description": "Extra lines"})


@dataclasses.dataclass
class Person:
    name: str
    home: Address
    work: Optional[Address] = None  # noqa: UP045


class Contact(TypedDict):
    email: str
    phone: NotRequired[str]
    tags: NotRequired[list[str] | None]


class Filters(TypedDict, total=False):
    text: str
    since: Required[dt.datetime]


@attrs.define
class TreeNode:
    """A node of a tree."""

    label: str
    children: list[TreeNode]


@attrs.define
class Category:
    name: str
    parent: Category | None = None
    items: list[Entry] = attrs.Factory(list)


@attrs.define
class Entry:
    title: str
    category: Category | None


@attrs.define
class Slot:
    at: dt.time
    window: tuple[dt.time, dt.time]
    days: set[Literal["mon", "tue"]]
    weights: tuple[float, ...]


@attrs.define
class Inventory:
    stock: dict[str, int]


@attrs.define
class Validated:
    quantity: int = attrs.field(validator=attrs.validators.ge(0))


@attrs.define
class Private:
    _secret: str


@attrs.define
class Cat:
    meows: bool


@attrs.define
class Dog:
    barks: bool


@attrs.define
class Pet:
    animal: Union[Cat, Dog]  # noqa: UP007
    mood: Literal["happy", 3, None]


Sku = NewType("Sku", str)


ALL_CLASSES = [
    Order,
    LineItem,
    Money,
    Address,
    Person,
    Contact,
    Filters,
    TreeNode,
    Category,
    Slot,
    Pet,
    Private,
]


# --- A checker for the structured-outputs rules -------------------------------------------------------


def _resolve(root: dict, ref: str) -> dict:
    assert ref == "#" or ref.startswith("#/$defs/"), ref
    return root if ref == "#" else root["$defs"][ref.removeprefix("#/$defs/")]


def assert_strict(schema: dict) -> None:
    """Every object closed and fully required, every $ref resolvable, no keyword strict mode rejects."""
    assert schema["type"] == "object"

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not isinstance(node, dict):
            return
        kinds = node.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "object" in kinds:
            assert node.get("additionalProperties") is False, node
            assert sorted(node.get("required", [])) == sorted(node.get("properties", {})), node
        if "$ref" in node:
            assert set(node) == {"$ref"}, f"$ref with siblings: {node}"
            _resolve(schema, node["$ref"])
        assert "default" not in node, node
        assert node != {}, "an empty (any) schema"
        for key, value in node.items():
            if key == "properties":
                for child in value.values():
                    walk(child)
            elif key == "$defs":
                for child in value.values():
                    walk(child)
            elif key in ("items", "anyOf"):
                walk(value)

    walk(schema)


def validate(schema: dict, instance: Any) -> None:
    if jsonschema is None:
        pytest.skip("jsonschema is not installed")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(instance)


ORDER_JSON = {
    "id": "6f1c2a52-1b7e-4a36-9a3f-1d2c3b4a5e6f",
    "placed_at": "2024-05-01T10:30:00Z",
    "items": [
        {"sku": "A-1", "quantity": 2, "price": {"amount": 9.5, "currency": "EUR"}, "tags": ["gift"]},
        {"sku": "B-2", "quantity": 1, "price": {"amount": 20, "currency": "USD"}, "tags": None},
    ],
    "status": "open",
    "priority": 2,
    "note": None,
    "ship_on": "2024-05-03",
}

ORDER = Order(
    id=uuid.UUID("6f1c2a52-1b7e-4a36-9a3f-1d2c3b4a5e6f"),
    placed_at=dt.datetime(2024, 5, 1, 10, 30, tzinfo=dt.UTC),
    items=[
        LineItem("A-1", 2, Money(9.5, Currency.EUR), ["gift"]),
        LineItem("B-2", 1, Money(20.0, Currency.USD), []),
    ],
    status="open",
    priority=Priority.HIGH,
    note=None,
    ship_on=dt.date(2024, 5, 3),
)


# --- json_schema_for ----------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_every_class_schema_is_strict(cls: type) -> None:
    schema = json_schema_for(cls)
    assert_strict(schema)
    if jsonschema is not None:
        jsonschema.Draft202012Validator.check_schema(schema)


def test_money_schema_is_exact() -> None:
    assert json_schema_for(Money) == {
        "type": "object",
        "description": "An amount in a currency.",
        "properties": {
            "amount": {"type": "number"},
            "currency": {"type": "string", "enum": ["EUR", "USD"], "description": "ISO currency code."},
        },
        "required": ["amount", "currency"],
        "additionalProperties": False,
    }


def test_nested_classes_go_to_defs_once() -> None:
    schema = json_schema_for(Order)
    assert set(schema["$defs"]) == {"LineItem", "Money"}
    assert schema["properties"]["items"] == {"type": "array", "items": {"$ref": "#/$defs/LineItem"}}
    assert schema["$defs"]["LineItem"]["properties"]["price"] == {"$ref": "#/$defs/Money"}
    assert schema["description"] == "A customer order."


def test_formats_and_scalars() -> None:
    props = json_schema_for(Order)["properties"]
    assert props["id"] == {"type": "string", "format": "uuid"}
    assert props["placed_at"] == {"type": "string", "format": "date-time"}
    assert props["ship_on"] == {"type": ["string", "null"], "format": "date"}
    slot = json_schema_for(Slot)["properties"]
    assert slot["at"] == {"type": "string", "format": "time"}


def test_optional_and_defaulted_fields_are_required_but_nullable() -> None:
    schema = json_schema_for(Address)
    assert schema["required"] == ["street", "city", "zip_code", "country", "lines"]
    props = schema["properties"]
    assert props["street"] == {"type": "string"}
    assert props["zip_code"] == {"type": ["string", "null"]}
    assert props["country"] == {"type": ["string", "null"]}
    assert props["lines"] == {
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}],
        "description": "Extra lines",
    }
    assert "description" not in schema  # the signature dataclasses invent is not a description


def test_optional_nested_class_uses_anyof_with_ref() -> None:
    props = json_schema_for(Person)["properties"]
    assert props["home"] == {"$ref": "#/$defs/Address"}
    assert props["work"] == {"anyOf": [{"$ref": "#/$defs/Address"}, {"type": "null"}]}


def test_enums_and_literals() -> None:
    order = json_schema_for(Order)["properties"]
    assert order["status"] == {"type": "string", "enum": ["open", "shipped", "cancelled"]}
    assert order["priority"] == {"anyOf": [{"type": "integer", "enum": [1, 2]}, {"type": "null"}]}
    assert json_schema_for(Pet)["properties"]["mood"] == {
        "anyOf": [{"type": "string", "enum": ["happy"]}, {"type": "integer", "enum": [3]}, {"type": "null"}]
    }


def test_typeddict_not_required_keys_become_nullable() -> None:
    schema = json_schema_for(Contact)
    assert schema["required"] == ["email", "phone", "tags"]
    assert schema["properties"]["phone"] == {"type": ["string", "null"]}
    assert schema["properties"]["tags"] == {
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}]
    }
    filters = json_schema_for(Filters)["properties"]
    assert filters["since"] == {"type": "string", "format": "date-time"}
    assert filters["text"] == {"type": ["string", "null"]}


def test_recursion_to_the_root_uses_hash_ref() -> None:
    schema = json_schema_for(TreeNode)
    assert schema["properties"]["children"] == {"type": "array", "items": {"$ref": "#"}}
    assert "$defs" not in schema


def test_mutual_recursion_through_defs() -> None:
    schema = json_schema_for(Category)
    assert schema["properties"]["items"]["anyOf"][0] == {"type": "array", "items": {"$ref": "#/$defs/Entry"}}
    assert schema["$defs"]["Entry"]["properties"]["category"] == {"anyOf": [{"$ref": "#"}, {"type": "null"}]}
    entry = json_schema_for(Entry)
    assert entry["$defs"]["Category"]["properties"]["parent"] == {
        "anyOf": [{"$ref": "#/$defs/Category"}, {"type": "null"}]
    }


def test_arrays_from_lists_tuples_and_sets() -> None:
    props = json_schema_for(Slot)["properties"]
    assert props["window"] == {
        "type": "array",
        "items": {"type": "string", "format": "time"},
        "minItems": 2,
        "maxItems": 2,
    }
    assert props["days"] == {"type": "array", "items": {"type": "string", "enum": ["mon", "tue"]}}
    assert props["weights"] == {"type": "array", "items": {"type": "number"}}


def test_annotated_description_on_a_ref_keeps_the_ref_alone() -> None:
    @attrs.define
    class Shipment:
        to: Annotated[Address, "Where it goes"]

    prop = json_schema_for(Shipment)["properties"]["to"]
    assert prop == {"anyOf": [{"$ref": "#/$defs/Address"}], "description": "Where it goes"}


def test_open_map_is_rejected_in_strict_mode_naming_the_field() -> None:
    with pytest.raises(TypeError, match=r"Inventory\.stock: .*open map"):
        json_schema_for(Inventory)
    assert json_schema_for(Inventory, strict=False)["properties"]["stock"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
    }


def test_any_and_untyped_list_are_rejected_in_strict_mode() -> None:
    @attrs.define
    class Loose:
        payload: Any

    @attrs.define
    class Bare:
        values: list  # type: ignore[type-arg]

    with pytest.raises(TypeError, match=r"Loose\.payload"):
        json_schema_for(Loose)
    with pytest.raises(TypeError, match=r"Bare\.values: a list needs an item type"):
        json_schema_for(Bare)
    assert json_schema_for(Loose, strict=False)["properties"]["payload"] == {}


def test_non_strict_mode_leaves_defaults_optional() -> None:
    schema = json_schema_for(Address, strict=False)
    assert schema["required"] == ["street", "city"]
    assert schema["properties"]["country"] == {"type": "string", "default": "NO"}
    assert schema["additionalProperties"] is False


def test_unsupported_types_are_type_errors() -> None:
    @attrs.define
    class Odd:
        value: complex

    with pytest.raises(TypeError, match=r"Odd\.value: unsupported type complex"):
        json_schema_for(Odd)
    for tp in (int, list[int], "Order", None):
        with pytest.raises(TypeError, match="tp must be"):
            json_schema_for(tp)


def test_same_class_name_in_two_places_gets_two_defs() -> None:
    def make() -> type:
        @attrs.define
        class Money:
            cents: int

        return Money

    other = make()

    Wallet = attrs.make_class("Wallet", {"a": attrs.field(type=Money), "b": attrs.field(type=other)})

    schema = json_schema_for(Wallet)
    assert len(schema["$defs"]) == 2
    refs = {schema["properties"]["a"]["$ref"], schema["properties"]["b"]["$ref"]}
    assert len(refs) == 2
    assert_strict(schema)


def test_raw_schema_dict_is_returned_untouched() -> None:
    raw = {"type": "object", "properties": {"x": {"type": "integer"}}}
    before = copy.deepcopy(raw)
    assert json_schema_for(raw) is raw
    fmt = response_format_for(raw)
    assert fmt == {"type": "json_schema", "json_schema": {"name": "response", "schema": raw, "strict": True}}
    assert raw == before


def test_response_format_for_a_class() -> None:
    fmt = response_format_for(Order)
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "Order"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"] == json_schema_for(Order)
    assert response_format_for(Order, name="order-v2")["json_schema"]["name"] == "order-v2"
    assert response_format_for(Inventory, strict=False)["json_schema"]["strict"] is False


def test_response_format_name_is_checked_and_derived() -> None:
    for bad in ("", "has space", "x" * 65, "ünïcode"):
        with pytest.raises(ValueError, match="name must be"):
            response_format_for(Order, name=bad)
    Weird = type("Weird Name!", (), {"__annotations__": {"x": int}})
    weird = attrs.define(Weird)
    assert response_format_for(weird)["json_schema"]["name"] == "Weird_Name_"


@pytest.mark.skipif(jsonschema is None, reason="jsonschema is not installed")
def test_sample_instances_validate_against_the_schemas() -> None:
    validate(json_schema_for(Order), ORDER_JSON)
    validate(json_schema_for(Contact), {"email": "a@b.c", "phone": None, "tags": ["x"]})
    validate(json_schema_for(TreeNode), {"label": "a", "children": [{"label": "b", "children": []}]})
    validate(
        json_schema_for(Category),
        {
            "name": "c",
            "parent": None,
            "items": [{"title": "t", "category": {"name": "d", "parent": None, "items": None}}],
        },
    )
    with pytest.raises(jsonschema.ValidationError):
        validate(json_schema_for(Order), {**ORDER_JSON, "extra": 1})
    with pytest.raises(jsonschema.ValidationError):
        validate(json_schema_for(Order), {k: v for k, v in ORDER_JSON.items() if k != "note"})


# --- parse_as -----------------------------------------------------------------------------------------


def test_parse_nested_order() -> None:
    assert parse_as(Order, ORDER_JSON) == ORDER


def test_parse_dataclasses_with_defaults() -> None:
    person = parse_as(
        Person,
        {
            "name": "Ada",
            "home": {"street": "Main 1", "city": "Oslo", "zip_code": None, "country": None, "lines": None},
        },
    )
    assert person == Person("Ada", Address("Main 1", "Oslo", None, "NO", []), None)


def test_parse_typeddict_returns_a_checked_dict() -> None:
    assert parse_as(Contact, {"email": "a@b.c", "phone": None, "tags": None}) == {
        "email": "a@b.c",
        "tags": None,
    }
    assert parse_as(Contact, {"email": "a@b.c"}) == {"email": "a@b.c"}
    with pytest.raises(ValueError, match=r"^\$\.email: missing required property$"):
        parse_as(Contact, {"phone": "1"})
    assert parse_as(Filters, {"since": "2024-01-01T00:00:00+02:00"}) == {
        "since": dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    }


def test_parse_recursive() -> None:
    tree = parse_as(TreeNode, {"label": "a", "children": [{"label": "b", "children": []}]})
    assert tree == TreeNode("a", [TreeNode("b", [])])
    category = parse_as(
        Category, {"name": "c", "parent": {"name": "p", "parent": None, "items": None}, "items": None}
    )
    assert category == Category("c", Category("p"), [])


def test_parse_tuples_sets_and_times() -> None:
    slot = parse_as(
        Slot, {"at": "09:30", "window": ["09:00", "17:00"], "days": ["mon", "mon"], "weights": [1, 2.5]}
    )
    assert slot == Slot(dt.time(9, 30), (dt.time(9), dt.time(17)), {"mon"}, (1.0, 2.5))
    with pytest.raises(ValueError, match=r"^\$\.window: expected an array of 2 items, got 1$"):
        parse_as(Slot, {"at": "09:30", "window": ["09:00"], "days": [], "weights": []})


def test_parse_union_of_classes_and_mixed_literal() -> None:
    assert parse_as(Pet, {"animal": {"barks": True}, "mood": 3}) == Pet(Dog(True), 3)
    assert parse_as(Pet, {"animal": {"meows": False}, "mood": None}) == Pet(Cat(False), None)
    with pytest.raises(ValueError, match=r"^\$\.animal: expected object or object, got string$"):
        parse_as(Pet, {"animal": "cat", "mood": None})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                **ORDER_JSON,
                "items": [
                    *ORDER_JSON["items"],
                    {"sku": "C", "quantity": 1, "price": {"amount": "9", "currency": "EUR"}},
                ],
            },
            r"$.items[2].price.amount: expected number, got string",
        ),
        (
            {**ORDER_JSON, "status": "lost"},
            "$.status: expected one of ['open', 'shipped', 'cancelled'], got 'lost'",
        ),
        ({**ORDER_JSON, "priority": 7}, "$.priority: expected one of [1, 2], got 7"),
        (
            {**ORDER_JSON, "placed_at": "yesterday"},
            "$.placed_at: expected an ISO 8601 date-time, got 'yesterday'",
        ),
        ({**ORDER_JSON, "placed_at": 1714559400}, "$.placed_at: expected an ISO 8601 date-time, got integer"),
        ({**ORDER_JSON, "id": "not-a-uuid"}, "$.id: expected a UUID, got 'not-a-uuid'"),
        ({**ORDER_JSON, "items": {"sku": "A"}}, "$.items: expected array, got object"),
        ({**ORDER_JSON, "surprise": 1}, "$.surprise: unexpected property"),
        ({**ORDER_JSON, "odd key": 1}, '$["odd key"]: unexpected property'),
        ({k: v for k, v in ORDER_JSON.items() if k != "status"}, "$.status: missing required property"),
        (
            {**ORDER_JSON, "status": None},
            "$.status: expected one of ['open', 'shipped', 'cancelled'], got None",
        ),
        ([], "$: expected object, got array"),
    ],
)
def test_parse_errors_name_the_path(data: Any, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_as(Order, data)
    assert str(info.value) == message


def test_numbers_are_checked_like_json_schema() -> None:
    @attrs.define
    class Counts:
        n: int
        x: float
        flag: bool

    assert parse_as(Counts, {"n": 3.0, "x": 2, "flag": False}) == Counts(3, 2.0, False)
    for data, message in [
        ({"n": 3.5, "x": 1, "flag": True}, "$.n: expected integer, got number"),
        ({"n": True, "x": 1, "flag": True}, "$.n: expected integer, got boolean"),
        ({"n": 1, "x": False, "flag": True}, "$.x: expected number, got boolean"),
        ({"n": 1, "x": 1, "flag": 1}, "$.flag: expected boolean, got integer"),
    ]:
        with pytest.raises(ValueError) as info:
            parse_as(Counts, data)
        assert str(info.value) == message


def test_null_for_a_defaulted_field_applies_the_default() -> None:
    item = parse_as(
        LineItem, {"sku": "A", "quantity": 1, "price": {"amount": 1, "currency": "EUR"}, "tags": None}
    )
    assert item.tags == []
    address = parse_as(
        Address, {"street": "s", "city": "c", "zip_code": None, "country": None, "lines": None}
    )
    assert address.country == "NO"
    assert address.zip_code is None


def test_constructor_errors_become_value_errors_with_a_path() -> None:
    with pytest.raises(ValueError, match=r"^\$: Validated rejected the values: 'quantity' must be >= 0"):
        parse_as(Validated, {"quantity": -1})


def test_attrs_private_field_uses_its_init_alias() -> None:
    assert parse_as(Private, {"_secret": "s"}) == Private("s")
    assert list(json_schema_for(Private)["properties"]) == ["_secret"]


def test_parse_as_a_raw_schema_returns_data_unchanged() -> None:
    data = {"anything": [1, 2]}
    assert parse_as({"type": "object"}, data) is data


def test_parse_as_plain_generic_types() -> None:
    assert parse_as(list[Money], [{"amount": 1, "currency": "USD"}]) == [Money(1.0, Currency.USD)]
    assert parse_as(dict[str, int], {"a": 1}) == {"a": 1}
    with pytest.raises(ValueError, match=r'^\$\["b c"\]: expected integer, got string$'):
        parse_as(dict[str, int], {"b c": "1"})
    with pytest.raises(TypeError, match="unsupported type complex"):
        parse_as(complex, 1)


# --- Round trip ---------------------------------------------------------------------------------------


def to_json(value: Any) -> Any:
    """What a model would send for ``value`` (the inverse of parse_as, for the tests)."""
    if attrs.has(type(value)):
        return {f.name: to_json(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if dataclasses.is_dataclass(value):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


finite = st.floats(allow_nan=False, allow_infinity=False)
money = st.builds(Money, amount=finite, currency=st.sampled_from(Currency))
line_items = st.builds(LineItem, sku=st.text(), quantity=st.integers(), price=money, tags=st.lists(st.text()))
orders = st.builds(
    Order,
    id=st.uuids(),
    placed_at=st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5))])),
    items=st.lists(line_items, max_size=3),
    status=st.sampled_from(["open", "shipped", "cancelled"]),
    priority=st.sampled_from(Priority),
    note=st.none() | st.text(),
    ship_on=st.none() | st.dates(),
)


@given(orders)
def test_round_trip_through_json(order: Order) -> None:
    data = json.loads(json.dumps(to_json(order)))
    assert parse_as(Order, data) == order
    if jsonschema is not None:
        validate(json_schema_for(Order), data)


# --- parse_content ------------------------------------------------------------------------------------


def test_parse_content_success_and_none() -> None:
    content = json.dumps({"amount": 5, "currency": "EUR"})
    assert parse_content(Money, content, None, "stop") == Money(5.0, Currency.EUR)
    assert parse_content(Money, None, "I can't help with that.", "stop") is None
    assert parse_content(Money, None, None, "tool_calls") is None
    assert parse_content({"type": "object"}, '{"a": 1}', None, "stop") == {"a": 1}


def test_parse_content_finish_reasons() -> None:
    completion = {"id": "chatcmpl-1"}
    with pytest.raises(LengthFinishReasonError) as info:
        parse_content(Money, '{"amount": 5, "curr', None, "length", completion=completion)
    assert info.value.completion is completion
    assert info.value.raw == '{"amount": 5, "curr'
    assert isinstance(info.value, StructuredOutputError)
    with pytest.raises(ContentFilterFinishReasonError) as filtered:
        parse_content(Money, None, None, "content_filter", completion=completion)
    assert filtered.value.completion is completion


def test_parse_content_invalid_json() -> None:
    with pytest.raises(StructuredOutputError) as info:
        parse_content(Money, "not json", None, "stop", completion="c")
    assert info.value.raw == "not json"
    assert info.value.completion == "c"
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert "not valid JSON" in str(info.value)


def test_parse_content_mismatch_names_the_path() -> None:
    with pytest.raises(StructuredOutputError) as info:
        parse_content(Money, '{"amount": "five", "currency": "EUR"}', None, "stop")
    assert str(info.value) == "structured output does not match Money: $.amount: expected number, got string"
    assert isinstance(info.value.__cause__, ValueError)
    assert not isinstance(info.value, (LengthFinishReasonError, ContentFilterFinishReasonError))


def test_field_description_wins_over_the_type_docstring() -> None:
    @attrs.define
    class Quote:
        currency: Annotated[Currency, "What the buyer pays in"]
        backup: Currency = attrs.field(default=Currency.EUR, metadata={"description": "Fallback currency"})

    props = json_schema_for(Quote)["properties"]
    assert props["currency"]["description"] == "What the buyer pays in"
    assert props["backup"] == {
        "anyOf": [{"type": "string", "enum": ["EUR", "USD"]}, {"type": "null"}],
        "description": "Fallback currency",
    }


def test_newtype_uses_its_base() -> None:
    @attrs.define
    class Stocked:
        sku: Sku

    assert json_schema_for(Stocked)["properties"]["sku"] == {"type": "string"}
    assert parse_as(Stocked, {"sku": "A-1"}) == Stocked(Sku("A-1"))


def test_a_number_too_large_for_a_float_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^\$\.amount: number .* is too large$"):
        parse_as(Money, {"amount": 10**400, "currency": "EUR"})
