"""The public surface as a user writes against it, beyond the README's own examples (async, errors,
annotations): `mypy --strict` must pass with no cast or ignore.

Checked (not run) by tests/typing/test_typing.py, from outside the repository, against the installed
package.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import attrs
import httpx2
import openai_chat as oc
from openai_chat_api.api.chat import get_chat_completion


def using_it() -> None:
    client = oc.Client(model="gpt-4o-mini")

    completion = client.chat.create(
        messages=[
            oc.developer("Answer in one line."),
            oc.user("What is an SSE stream?", oc.image("diagram.png")),
        ],
        temperature=0.2,
    )
    print(completion.text, completion.request_id)
    if completion.usage is not None:
        print(completion.usage.total_tokens)

    messages = [oc.user("Hi"), completion.message, oc.user("And now in French?")]

    with client.chat.stream(messages=messages) as s:
        for piece in s.text():
            print(piece, end="", flush=True)
        final = s.final()
    print(final.text)

    for stored in client.chat.completions.list(metadata={"project": "demo"}, limit=100):
        print(stored.id)

    @attrs.define
    class City:
        name: str
        country: str

    city = client.chat.parse(messages="Name a city in Norway.", response_format=City).parsed
    if city is not None:
        print(city.name.upper(), city.country)

    def get_weather(city: str) -> str:
        """Current weather.

        Args:
            city: The city name.
        """
        return "sunny"

    answer = client.chat.run_tools(messages="Weather in Oslo?", tools=[get_weather])
    print(answer.text, len(answer.messages), answer.completions[-1].finish_reason)

    raw = get_chat_completion.sync_detailed("chatcmpl-123", client=client.raw)
    print(raw.status_code, raw.parsed)


def http_client_and_async() -> None:
    client = oc.Client(http_client=httpx2.Client(timeout=30))
    print(client.options.base_url)

    async def main() -> None:
        async with oc.AsyncClient(model="gpt-4o-mini") as client:
            completion = await client.chat.create(messages="Hi")
            print(completion.text)
            async with client.chat.stream(messages="Count to 3") as s:
                async for piece in s.text():
                    print(piece)
                print((await s.final()).text)
            async for stored in client.chat.completions.list():
                print(stored.id)

    asyncio.run(main())


def errors() -> None:
    client = oc.Client(model="gpt-4o-mini")
    try:
        client.chat.create(messages="Hi")
    except oc.RateLimitError as exc:
        print(exc.status_code, exc.request_id, exc.response.headers.get("retry-after"))
    except oc.APIStatusError as exc:
        print(exc.status_code, exc.code, exc.message)
    except oc.APIConnectionError as exc:
        print(exc.request)
    try:
        with client.chat.stream(messages="Hi") as s:
            s.final()
    except oc.IncompleteStreamError as exc:
        if exc.partial is not None:
            print(exc.partial.text, exc.partial_dict)


def azure() -> None:
    client = oc.AzureClient(azure_deployment="gpt-4o-mini")

    completion = client.chat.create(messages="Say hi in French.")
    print(completion.text)
    print(completion["prompt_filter_results"][0]["content_filter_results"]["hate"])
    print(completion.choices[0]["content_filter_results"]["violence"]["severity"])

    with client.chat.stream(messages="Say hi in French.") as s:
        for piece in s.text():
            print(piece, end="", flush=True)
        print()
        final = s.final()
    print(final.choices[0]["content_filter_results"]["self_harm"])

    def fetch_token() -> str:
        return os.environ["AZURE_OPENAI_AD_TOKEN"]

    with oc.AzureClient(azure_deployment="gpt-4o-mini", azure_ad_token_provider=fetch_token) as tokened:
        print(tokened.chat.create(messages="Say hi in French.").text)
    client.close()


def reasoning() -> None:
    client = oc.Client(model="m")
    with client.chat.stream(messages="What is 2 × 3?") as s:
        for piece in s.reasoning():
            print(piece, end="")
        final = s.final()
    print(final.message.reasoning, final.text)


def types() -> None:
    client = oc.Client(model="gpt-4o-mini")

    completion: oc.ChatCompletion = client.chat.create(messages="Hi")
    stream: oc.ChatStream = client.chat.create(messages="Hi", stream=True)
    with stream:
        for chunk in stream:
            print(chunk.choices[0].delta.content if chunk.choices else "")

    @attrs.define
    class City:
        name: str
        country: str

    parsed: oc.ParsedChatCompletion[City] = client.chat.parse(messages="A city?", response_format=City)
    city: City | None = parsed.parsed
    also: City | None = parsed.message.parsed
    print(completion.text, city, also)

    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    loose: Any = client.chat.parse(messages="A number?", response_format=schema).parsed
    print(loose)

    history: list[oc.Message | dict[str, Any]] = [oc.system("Be brief."), {"role": "user", "content": "Hi"}]
    history.append(completion.message)
    print(client.chat.create(messages=history, max_completion_tokens=50).text)

    patient = client.with_options(timeout=120, max_retries=5)
    print(patient.options.max_retries)


def using_results() -> None:
    client = oc.Client(model="gpt-4o-mini")
    completion = client.chat.create(messages="Hi")
    info: oc.ResponseInfo = completion.http
    remaining: str | None = info.headers.get("x-ratelimit-remaining-requests")
    print(info.status_code, info.retries, info.request_id, remaining)
    print(completion.http.headers.get("openai-processing-ms"))

    with client.chat.stream(messages="Hi") as s:
        print(s.http.headers.get("x-ratelimit-remaining-tokens"))
        print(s.final().http.retries)

    deleted = client.chat.completions.delete("chatcmpl-123")
    print(deleted.deleted, deleted.http.status_code)

    pager = client.chat.completions.list(limit=20)
    for page in pager.pages():
        print(len(page.data), page.has_more, page.http.request_id)
    if pager.http is not None:
        print(pager.http.headers)

    async def in_async() -> None:
        async with oc.AsyncClient(model="gpt-4o-mini") as aclient:
            done = await aclient.chat.create(messages="Hi")
            print(done.http.retries)
            astream = await aclient.chat.create(messages="Hi", stream=True)
            async with astream:
                print((await astream.final()).text)

    asyncio.run(in_async())
