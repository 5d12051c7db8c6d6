from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..models.create_chat_completion_request_function_call_type_0 import (
    CreateChatCompletionRequestFunctionCallType0,
)
from ..models.create_chat_completion_request_prompt_cache_retention_type_0 import (
    CreateChatCompletionRequestPromptCacheRetentionType0,
)
from ..models.model_ids_shared_type_1 import ModelIdsSharedType1
from ..models.reasoning_effort_type_0 import ReasoningEffortType0
from ..models.response_modalities_type_0_item import ResponseModalitiesType0Item
from ..models.tool_choice_mode import ToolChoiceMode
from ..models.verbosity_type_0 import VerbosityType0
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_allowed_tools_choice import (
        ChatCompletionAllowedToolsChoice,
    )
    from ..models.chat_completion_audio_param import ChatCompletionAudioParam
    from ..models.chat_completion_function_call_option import (
        ChatCompletionFunctionCallOption,
    )
    from ..models.chat_completion_functions import ChatCompletionFunctions
    from ..models.chat_completion_named_tool_choice import ChatCompletionNamedToolChoice
    from ..models.chat_completion_named_tool_choice_custom import (
        ChatCompletionNamedToolChoiceCustom,
    )
    from ..models.chat_completion_request_assistant_message import (
        ChatCompletionRequestAssistantMessage,
    )
    from ..models.chat_completion_request_developer_message import (
        ChatCompletionRequestDeveloperMessage,
    )
    from ..models.chat_completion_request_function_message import (
        ChatCompletionRequestFunctionMessage,
    )
    from ..models.chat_completion_request_system_message import (
        ChatCompletionRequestSystemMessage,
    )
    from ..models.chat_completion_request_tool_message import (
        ChatCompletionRequestToolMessage,
    )
    from ..models.chat_completion_request_user_message import (
        ChatCompletionRequestUserMessage,
    )
    from ..models.chat_completion_stream_options import ChatCompletionStreamOptions
    from ..models.chat_completion_tool import ChatCompletionTool
    from ..models.custom_tool_chat_completions import CustomToolChatCompletions
    from ..models.logit_bias import LogitBias
    from ..models.metadata import Metadata
    from ..models.moderation_param import ModerationParam
    from ..models.prediction_content import PredictionContent
    from ..models.prompt_cache_options_param import PromptCacheOptionsParam
    from ..models.response_format_json_object import ResponseFormatJsonObject
    from ..models.response_format_json_schema import ResponseFormatJsonSchema
    from ..models.response_format_text import ResponseFormatText
    from ..models.web_search_options import WebSearchOptions


T = TypeVar("T", bound="CreateChatCompletionRequest")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "messages",
        "model",
        "metadata",
        "top_logprobs",
        "temperature",
        "top_p",
        "user",
        "safety_identifier",
        "prompt_cache_key",
        "prompt_cache_retention",
        "prompt_cache_options",
        "service_tier",
        "modalities",
        "verbosity",
        "reasoning_effort",
        "max_completion_tokens",
        "frequency_penalty",
        "presence_penalty",
        "web_search_options",
        "response_format",
        "audio",
        "store",
        "moderation",
        "stream",
        "stop",
        "logit_bias",
        "logprobs",
        "max_tokens",
        "n",
        "prediction",
        "seed",
        "stream_options",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "function_call",
        "functions",
    }
)


class CreateChatCompletionRequest:
    """What to send to create a completion.

    Attributes:
        messages (list[ChatCompletionRequestAssistantMessage | ChatCompletionRequestDeveloperMessage |
            ChatCompletionRequestFunctionMessage | ChatCompletionRequestSystemMessage | ChatCompletionRequestToolMessage |
            ChatCompletionRequestUserMessage]):
        model (ModelIdsSharedType1 | str): A model id.
        metadata (Metadata | None | Unset): Up to 16 string pairs attached to an object; keys up to 64 characters,
            values up to 512.
        top_logprobs (int | None | Unset):
        temperature (float | None | Unset):
        top_p (float | None | Unset):
        user (str | None):
        safety_identifier (None | str | Unset):
        prompt_cache_key (None | str | Unset):
        prompt_cache_retention (CreateChatCompletionRequestPromptCacheRetentionType0 | None | Unset):
        prompt_cache_options (PromptCacheOptionsParam | None): Prompt-cache settings.
        service_tier (None | str | Unset): The processing tier.
        modalities (list[ResponseModalitiesType0Item] | None | Unset): The kinds of output the model produces.
        verbosity (None | VerbosityType0 | Unset): How long the answer should be.
        reasoning_effort (None | ReasoningEffortType0 | Unset): How much effort a reasoning model spends.
        max_completion_tokens (int | None | Unset):
        frequency_penalty (float | None | Unset):
        presence_penalty (float | None | Unset):
        web_search_options (WebSearchOptions | None):
        response_format (ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | None):
        audio (ChatCompletionAudioParam | None | Unset):
        store (bool | None | Unset):
        moderation (ModerationParam | None | Unset):
        stream (bool | None | Unset):
        stop (list[str] | None | str | Unset): Up to 4 sequences at which generation stops.
        logit_bias (LogitBias | None | Unset):
        logprobs (bool | None | Unset):
        max_tokens (int | None | Unset):
        n (int | None | Unset):
        prediction (None | PredictionContent | Unset):
        seed (int | None | Unset):
        stream_options (ChatCompletionStreamOptions | None | Unset): Options for streamed answers.
        tools (list[ChatCompletionTool | CustomToolChatCompletions] | None):
        tool_choice (ChatCompletionAllowedToolsChoice | ChatCompletionNamedToolChoice |
            ChatCompletionNamedToolChoiceCustom | ToolChoiceMode | None): How the model picks tools: `none`, `auto`,
            `required`, one named tool, or an allowed set.
        parallel_tool_calls (bool | None): Whether the model may call several tools at once.
        function_call (ChatCompletionFunctionCallOption | CreateChatCompletionRequestFunctionCallType0 | None):
        functions (list[ChatCompletionFunctions] | None):
    """

    __slots__ = (
        "messages",
        "model",
        "metadata",
        "top_logprobs",
        "temperature",
        "top_p",
        "user",
        "safety_identifier",
        "prompt_cache_key",
        "prompt_cache_retention",
        "prompt_cache_options",
        "service_tier",
        "modalities",
        "verbosity",
        "reasoning_effort",
        "max_completion_tokens",
        "frequency_penalty",
        "presence_penalty",
        "web_search_options",
        "response_format",
        "audio",
        "store",
        "moderation",
        "stream",
        "stop",
        "logit_bias",
        "logprobs",
        "max_tokens",
        "n",
        "prediction",
        "seed",
        "stream_options",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "function_call",
        "functions",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "messages",
        "model",
        "metadata",
        "top_logprobs",
        "temperature",
        "top_p",
        "user",
        "safety_identifier",
        "prompt_cache_key",
        "prompt_cache_retention",
        "prompt_cache_options",
        "service_tier",
        "modalities",
        "verbosity",
        "reasoning_effort",
        "max_completion_tokens",
        "frequency_penalty",
        "presence_penalty",
        "web_search_options",
        "response_format",
        "audio",
        "store",
        "moderation",
        "stream",
        "stop",
        "logit_bias",
        "logprobs",
        "max_tokens",
        "n",
        "prediction",
        "seed",
        "stream_options",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "function_call",
        "functions",
    )

    messages: list[
        ChatCompletionRequestAssistantMessage
        | ChatCompletionRequestDeveloperMessage
        | ChatCompletionRequestFunctionMessage
        | ChatCompletionRequestSystemMessage
        | ChatCompletionRequestToolMessage
        | ChatCompletionRequestUserMessage
    ]
    model: ModelIdsSharedType1 | str
    metadata: Metadata | None | Unset
    top_logprobs: int | None | Unset
    temperature: float | None | Unset
    top_p: float | None | Unset
    user: str | None
    safety_identifier: None | str | Unset
    prompt_cache_key: None | str | Unset
    prompt_cache_retention: (
        CreateChatCompletionRequestPromptCacheRetentionType0 | None | Unset
    )
    prompt_cache_options: PromptCacheOptionsParam | None
    service_tier: None | str | Unset
    modalities: list[ResponseModalitiesType0Item] | None | Unset
    verbosity: None | VerbosityType0 | Unset
    reasoning_effort: None | ReasoningEffortType0 | Unset
    max_completion_tokens: int | None | Unset
    frequency_penalty: float | None | Unset
    presence_penalty: float | None | Unset
    web_search_options: WebSearchOptions | None
    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | None
    )
    audio: ChatCompletionAudioParam | None | Unset
    store: bool | None | Unset
    moderation: ModerationParam | None | Unset
    stream: bool | None | Unset
    stop: list[str] | None | str | Unset
    logit_bias: LogitBias | None | Unset
    logprobs: bool | None | Unset
    max_tokens: int | None | Unset
    n: int | None | Unset
    prediction: None | PredictionContent | Unset
    seed: int | None | Unset
    stream_options: ChatCompletionStreamOptions | None | Unset
    tools: list[ChatCompletionTool | CustomToolChatCompletions] | None
    tool_choice: (
        ChatCompletionAllowedToolsChoice
        | ChatCompletionNamedToolChoice
        | ChatCompletionNamedToolChoiceCustom
        | ToolChoiceMode
        | None
    )
    parallel_tool_calls: bool | None
    function_call: (
        ChatCompletionFunctionCallOption
        | CreateChatCompletionRequestFunctionCallType0
        | None
    )
    functions: list[ChatCompletionFunctions] | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        messages: list[
            ChatCompletionRequestAssistantMessage
            | ChatCompletionRequestDeveloperMessage
            | ChatCompletionRequestFunctionMessage
            | ChatCompletionRequestSystemMessage
            | ChatCompletionRequestToolMessage
            | ChatCompletionRequestUserMessage
        ],
        model: ModelIdsSharedType1 | str,
        metadata: Metadata | None | Unset = UNSET,
        top_logprobs: int | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        top_p: float | None | Unset = UNSET,
        user: str | None = None,
        safety_identifier: None | str | Unset = UNSET,
        prompt_cache_key: None | str | Unset = UNSET,
        prompt_cache_retention: CreateChatCompletionRequestPromptCacheRetentionType0
        | None
        | Unset = UNSET,
        prompt_cache_options: PromptCacheOptionsParam | None = None,
        service_tier: None | str | Unset = UNSET,
        modalities: list[ResponseModalitiesType0Item] | None | Unset = UNSET,
        verbosity: None | VerbosityType0 | Unset = UNSET,
        reasoning_effort: None | ReasoningEffortType0 | Unset = UNSET,
        max_completion_tokens: int | None | Unset = UNSET,
        frequency_penalty: float | None | Unset = UNSET,
        presence_penalty: float | None | Unset = UNSET,
        web_search_options: WebSearchOptions | None = None,
        response_format: ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatText
        | None = None,
        audio: ChatCompletionAudioParam | None | Unset = UNSET,
        store: bool | None | Unset = UNSET,
        moderation: ModerationParam | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        stop: list[str] | None | str | Unset = UNSET,
        logit_bias: LogitBias | None | Unset = UNSET,
        logprobs: bool | None | Unset = UNSET,
        max_tokens: int | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        prediction: None | PredictionContent | Unset = UNSET,
        seed: int | None | Unset = UNSET,
        stream_options: ChatCompletionStreamOptions | None | Unset = UNSET,
        tools: list[ChatCompletionTool | CustomToolChatCompletions] | None = None,
        tool_choice: ChatCompletionAllowedToolsChoice
        | ChatCompletionNamedToolChoice
        | ChatCompletionNamedToolChoiceCustom
        | ToolChoiceMode
        | None = None,
        parallel_tool_calls: bool | None = None,
        function_call: ChatCompletionFunctionCallOption
        | CreateChatCompletionRequestFunctionCallType0
        | None = None,
        functions: list[ChatCompletionFunctions] | None = None,
    ) -> None:
        self.messages = messages
        self.model = model
        self.metadata = metadata
        self.top_logprobs = top_logprobs
        self.temperature = temperature
        self.top_p = top_p
        self.user = user
        self.safety_identifier = safety_identifier
        self.prompt_cache_key = prompt_cache_key
        self.prompt_cache_retention = prompt_cache_retention
        self.prompt_cache_options = prompt_cache_options
        self.service_tier = service_tier
        self.modalities = modalities
        self.verbosity = verbosity
        self.reasoning_effort = reasoning_effort
        self.max_completion_tokens = max_completion_tokens
        self.frequency_penalty = frequency_penalty
        self.presence_penalty = presence_penalty
        self.web_search_options = web_search_options
        self.response_format = response_format
        self.audio = audio
        self.store = store
        self.moderation = moderation
        self.stream = stream
        self.stop = stop
        self.logit_bias = logit_bias
        self.logprobs = logprobs
        self.max_tokens = max_tokens
        self.n = n
        self.prediction = prediction
        self.seed = seed
        self.stream_options = stream_options
        self.tools = tools
        self.tool_choice = tool_choice
        self.parallel_tool_calls = parallel_tool_calls
        self.function_call = function_call
        self.functions = functions
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        messages = []
        for messages_item_data in self.messages:
            messages_item: dict[str, Any]
            if isinstance(messages_item_data, ChatCompletionRequestDeveloperMessage):
                messages_item = messages_item_data.to_dict()
            elif isinstance(messages_item_data, ChatCompletionRequestSystemMessage):
                messages_item = messages_item_data.to_dict()
            elif isinstance(messages_item_data, ChatCompletionRequestUserMessage):
                messages_item = messages_item_data.to_dict()
            elif isinstance(messages_item_data, ChatCompletionRequestAssistantMessage):
                messages_item = messages_item_data.to_dict()
            elif isinstance(messages_item_data, ChatCompletionRequestToolMessage):
                messages_item = messages_item_data.to_dict()
            else:
                messages_item = messages_item_data.to_dict()

            messages.append(messages_item)

        model: str
        if isinstance(self.model, ModelIdsSharedType1):
            model = self.model.value
        else:
            model = self.model

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        top_logprobs: int | None | Unset
        if isinstance(self.top_logprobs, Unset):
            top_logprobs = UNSET
        else:
            top_logprobs = self.top_logprobs

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        user = self.user

        safety_identifier: None | str | Unset
        if isinstance(self.safety_identifier, Unset):
            safety_identifier = UNSET
        else:
            safety_identifier = self.safety_identifier

        prompt_cache_key: None | str | Unset
        if isinstance(self.prompt_cache_key, Unset):
            prompt_cache_key = UNSET
        else:
            prompt_cache_key = self.prompt_cache_key

        prompt_cache_retention: None | str | Unset
        if isinstance(self.prompt_cache_retention, Unset):
            prompt_cache_retention = UNSET
        elif isinstance(
            self.prompt_cache_retention,
            CreateChatCompletionRequestPromptCacheRetentionType0,
        ):
            prompt_cache_retention = self.prompt_cache_retention.value
        else:
            prompt_cache_retention = self.prompt_cache_retention

        prompt_cache_options = self.prompt_cache_options

        service_tier: None | str | Unset
        if isinstance(self.service_tier, Unset):
            service_tier = UNSET
        else:
            service_tier = self.service_tier

        modalities: list[str] | None | Unset
        if isinstance(self.modalities, Unset):
            modalities = UNSET
        elif isinstance(self.modalities, list):
            modalities = []
            for (
                componentsschemas_response_modalities_type_0_item_data
            ) in self.modalities:
                componentsschemas_response_modalities_type_0_item = (
                    componentsschemas_response_modalities_type_0_item_data.value
                )
                modalities.append(componentsschemas_response_modalities_type_0_item)

        else:
            modalities = self.modalities

        verbosity: None | str | Unset
        if isinstance(self.verbosity, Unset):
            verbosity = UNSET
        elif isinstance(self.verbosity, VerbosityType0):
            verbosity = self.verbosity.value
        else:
            verbosity = self.verbosity

        reasoning_effort: None | str | Unset
        if isinstance(self.reasoning_effort, Unset):
            reasoning_effort = UNSET
        elif isinstance(self.reasoning_effort, ReasoningEffortType0):
            reasoning_effort = self.reasoning_effort.value
        else:
            reasoning_effort = self.reasoning_effort

        max_completion_tokens: int | None | Unset
        if isinstance(self.max_completion_tokens, Unset):
            max_completion_tokens = UNSET
        else:
            max_completion_tokens = self.max_completion_tokens

        frequency_penalty: float | None | Unset
        if isinstance(self.frequency_penalty, Unset):
            frequency_penalty = UNSET
        else:
            frequency_penalty = self.frequency_penalty

        presence_penalty: float | None | Unset
        if isinstance(self.presence_penalty, Unset):
            presence_penalty = UNSET
        else:
            presence_penalty = self.presence_penalty

        web_search_options = self.web_search_options

        response_format = self.response_format

        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, ChatCompletionAudioParam):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

        store: bool | None | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        moderation: dict[str, Any] | None | Unset
        if isinstance(self.moderation, Unset):
            moderation = UNSET
        elif isinstance(self.moderation, ModerationParam):
            moderation = self.moderation.to_dict()
        else:
            moderation = self.moderation

        stream: bool | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        stop: list[str] | None | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        logit_bias: dict[str, Any] | None | Unset
        if isinstance(self.logit_bias, Unset):
            logit_bias = UNSET
        elif isinstance(self.logit_bias, LogitBias):
            logit_bias = self.logit_bias.to_dict()
        else:
            logit_bias = self.logit_bias

        logprobs: bool | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        else:
            logprobs = self.logprobs

        max_tokens: int | None | Unset
        if isinstance(self.max_tokens, Unset):
            max_tokens = UNSET
        else:
            max_tokens = self.max_tokens

        n: int | None | Unset
        if isinstance(self.n, Unset):
            n = UNSET
        else:
            n = self.n

        prediction: dict[str, Any] | None | Unset
        if isinstance(self.prediction, Unset):
            prediction = UNSET
        elif isinstance(self.prediction, PredictionContent):
            prediction = self.prediction.to_dict()
        else:
            prediction = self.prediction

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        stream_options: dict[str, Any] | None | Unset
        if isinstance(self.stream_options, Unset):
            stream_options = UNSET
        elif isinstance(self.stream_options, ChatCompletionStreamOptions):
            stream_options = self.stream_options.to_dict()
        else:
            stream_options = self.stream_options

        tools = self.tools

        tool_choice = self.tool_choice

        parallel_tool_calls = self.parallel_tool_calls

        function_call = self.function_call

        functions = self.functions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
                "model": model,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if user is not None:
            field_dict["user"] = user

        if safety_identifier is not UNSET:
            field_dict["safety_identifier"] = safety_identifier
        if prompt_cache_key is not UNSET:
            field_dict["prompt_cache_key"] = prompt_cache_key
        if prompt_cache_retention is not UNSET:
            field_dict["prompt_cache_retention"] = prompt_cache_retention
        if prompt_cache_options is not None:
            field_dict["prompt_cache_options"] = prompt_cache_options.to_dict()

        if service_tier is not UNSET:
            field_dict["service_tier"] = service_tier
        if modalities is not UNSET:
            field_dict["modalities"] = modalities
        if verbosity is not UNSET:
            field_dict["verbosity"] = verbosity
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
        if max_completion_tokens is not UNSET:
            field_dict["max_completion_tokens"] = max_completion_tokens
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if web_search_options is not None:
            field_dict["web_search_options"] = web_search_options.to_dict()

        if response_format is not None:
            if isinstance(response_format, ResponseFormatText):
                field_dict["response_format"] = response_format.to_dict()
            elif isinstance(response_format, ResponseFormatJsonSchema):
                field_dict["response_format"] = response_format.to_dict()
            elif isinstance(response_format, ResponseFormatJsonObject):
                field_dict["response_format"] = response_format.to_dict()
            else:
                field_dict["response_format"] = response_format

        if audio is not UNSET:
            field_dict["audio"] = audio
        if store is not UNSET:
            field_dict["store"] = store
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if stream is not UNSET:
            field_dict["stream"] = stream
        if stop is not UNSET:
            field_dict["stop"] = stop
        if logit_bias is not UNSET:
            field_dict["logit_bias"] = logit_bias
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if n is not UNSET:
            field_dict["n"] = n
        if prediction is not UNSET:
            field_dict["prediction"] = prediction
        if seed is not UNSET:
            field_dict["seed"] = seed
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if tools is not None:
            field_dict["tools"] = []
            for tools_item_data in tools:
                tools_item: dict[str, Any]
                if isinstance(tools_item_data, ChatCompletionTool):
                    tools_item = tools_item_data.to_dict()
                else:
                    tools_item = tools_item_data.to_dict()

                field_dict["tools"].append(tools_item)

        if tool_choice is not None:
            if isinstance(tool_choice, ToolChoiceMode):
                field_dict["tool_choice"] = tool_choice.value
            elif isinstance(tool_choice, ChatCompletionAllowedToolsChoice):
                field_dict["tool_choice"] = tool_choice.to_dict()
            elif isinstance(tool_choice, ChatCompletionNamedToolChoice):
                field_dict["tool_choice"] = tool_choice.to_dict()
            elif isinstance(tool_choice, ChatCompletionNamedToolChoiceCustom):
                field_dict["tool_choice"] = tool_choice.to_dict()
            else:
                field_dict["tool_choice"] = tool_choice

        if parallel_tool_calls is not None:
            field_dict["parallel_tool_calls"] = parallel_tool_calls

        if function_call is not None:
            if isinstance(function_call, CreateChatCompletionRequestFunctionCallType0):
                field_dict["function_call"] = function_call.value
            elif isinstance(function_call, ChatCompletionFunctionCallOption):
                field_dict["function_call"] = function_call.to_dict()
            else:
                field_dict["function_call"] = function_call

        if functions is not None:
            field_dict["functions"] = []
            for functions_item_data in functions:
                functions_item = functions_item_data.to_dict()
                field_dict["functions"].append(functions_item)

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """The object as JSON text (what :meth:`to_dict` gives); :meth:`from_json` reads it back."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        return model_repr(self)

    @classmethod
    def from_json(cls: builtins.type[T], text: str | builtins.bytes) -> T:
        """Read what :meth:`to_json` wrote."""
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls: builtins.type[T], src_dict: Mapping[str, Any]) -> T:
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        messages = []
        _messages = _JSON["messages"]
        for messages_item_data in _messages:

            def _parse_messages_item(
                data: object,
            ) -> (
                ChatCompletionRequestAssistantMessage
                | ChatCompletionRequestDeveloperMessage
                | ChatCompletionRequestFunctionMessage
                | ChatCompletionRequestSystemMessage
                | ChatCompletionRequestToolMessage
                | ChatCompletionRequestUserMessage
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_completion_request_message_type_0 = (
                        ChatCompletionRequestDeveloperMessage.from_dict(data)
                    )

                    return componentsschemas_chat_completion_request_message_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_completion_request_message_type_1 = (
                        ChatCompletionRequestSystemMessage.from_dict(data)
                    )

                    return componentsschemas_chat_completion_request_message_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_completion_request_message_type_2 = (
                        ChatCompletionRequestUserMessage.from_dict(data)
                    )

                    return componentsschemas_chat_completion_request_message_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_completion_request_message_type_3 = (
                        ChatCompletionRequestAssistantMessage.from_dict(data)
                    )

                    return componentsschemas_chat_completion_request_message_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_completion_request_message_type_4 = (
                        ChatCompletionRequestToolMessage.from_dict(data)
                    )

                    return componentsschemas_chat_completion_request_message_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chat_completion_request_message_type_5 = (
                    ChatCompletionRequestFunctionMessage.from_dict(data)
                )

                return componentsschemas_chat_completion_request_message_type_5

            messages_item = _parse_messages_item(messages_item_data)

            messages.append(messages_item)

        def _parse_model(data: object) -> ModelIdsSharedType1 | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_model_ids_shared_type_1 = ModelIdsSharedType1(data)

                return componentsschemas_model_ids_shared_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelIdsSharedType1 | str, data)

        model = _parse_model(_JSON["model"])

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_type_0 = Metadata.from_dict(data)

                return componentsschemas_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(_JSON.get("metadata", UNSET))

        def _parse_top_logprobs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_logprobs = _parse_top_logprobs(_JSON.get("top_logprobs", UNSET))

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature = _parse_temperature(_JSON.get("temperature", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        top_p = _parse_top_p(_JSON.get("top_p", UNSET))

        user = _JSON.get("user")

        def _parse_safety_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safety_identifier = _parse_safety_identifier(
            _JSON.get("safety_identifier", UNSET)
        )

        def _parse_prompt_cache_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_cache_key = _parse_prompt_cache_key(_JSON.get("prompt_cache_key", UNSET))

        def _parse_prompt_cache_retention(
            data: object,
        ) -> CreateChatCompletionRequestPromptCacheRetentionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prompt_cache_retention_type_0 = (
                    CreateChatCompletionRequestPromptCacheRetentionType0(data)
                )

                return prompt_cache_retention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                CreateChatCompletionRequestPromptCacheRetentionType0 | None | Unset,
                data,
            )

        prompt_cache_retention = _parse_prompt_cache_retention(
            _JSON.get("prompt_cache_retention", UNSET)
        )

        _prompt_cache_options = _JSON.get("prompt_cache_options")
        prompt_cache_options: PromptCacheOptionsParam | None = None
        if _prompt_cache_options is not None:
            prompt_cache_options = PromptCacheOptionsParam.from_dict(
                _prompt_cache_options
            )

        def _parse_service_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_tier = _parse_service_tier(_JSON.get("service_tier", UNSET))

        def _parse_modalities(
            data: object,
        ) -> list[ResponseModalitiesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_response_modalities_type_0 = []
                _componentsschemas_response_modalities_type_0 = data
                for (
                    componentsschemas_response_modalities_type_0_item_data
                ) in _componentsschemas_response_modalities_type_0:
                    componentsschemas_response_modalities_type_0_item = (
                        ResponseModalitiesType0Item(
                            componentsschemas_response_modalities_type_0_item_data
                        )
                    )

                    componentsschemas_response_modalities_type_0.append(
                        componentsschemas_response_modalities_type_0_item
                    )

                return componentsschemas_response_modalities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ResponseModalitiesType0Item] | None | Unset, data)

        modalities = _parse_modalities(_JSON.get("modalities", UNSET))

        def _parse_verbosity(data: object) -> None | Unset | VerbosityType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_verbosity_type_0 = VerbosityType0(data)

                return componentsschemas_verbosity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerbosityType0, data)

        verbosity = _parse_verbosity(_JSON.get("verbosity", UNSET))

        def _parse_reasoning_effort(
            data: object,
        ) -> None | ReasoningEffortType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_reasoning_effort_type_0 = ReasoningEffortType0(data)

                return componentsschemas_reasoning_effort_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReasoningEffortType0 | Unset, data)

        reasoning_effort = _parse_reasoning_effort(_JSON.get("reasoning_effort", UNSET))

        def _parse_max_completion_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_completion_tokens = _parse_max_completion_tokens(
            _JSON.get("max_completion_tokens", UNSET)
        )

        def _parse_frequency_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        frequency_penalty = _parse_frequency_penalty(
            _JSON.get("frequency_penalty", UNSET)
        )

        def _parse_presence_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        presence_penalty = _parse_presence_penalty(_JSON.get("presence_penalty", UNSET))

        _web_search_options = _JSON.get("web_search_options")
        web_search_options: WebSearchOptions | None = None
        if _web_search_options is not None:
            web_search_options = WebSearchOptions.from_dict(_web_search_options)

        response_format = _parse_response_format(_JSON.get("response_format"))

        def _parse_audio(data: object) -> ChatCompletionAudioParam | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = ChatCompletionAudioParam.from_dict(data)

                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionAudioParam | None | Unset, data)

        audio = _parse_audio(_JSON.get("audio", UNSET))

        def _parse_store(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        store = _parse_store(_JSON.get("store", UNSET))

        def _parse_moderation(data: object) -> ModerationParam | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                moderation_type_0 = ModerationParam.from_dict(data)

                return moderation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModerationParam | None | Unset, data)

        moderation = _parse_moderation(_JSON.get("moderation", UNSET))

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(_JSON.get("stream", UNSET))

        def _parse_stop(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_stop_configuration_type_1 = cast(list[str], data)

                return componentsschemas_stop_configuration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        stop = _parse_stop(_JSON.get("stop", UNSET))

        def _parse_logit_bias(data: object) -> LogitBias | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logit_bias_type_0 = LogitBias.from_dict(data)

                return logit_bias_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogitBias | None | Unset, data)

        logit_bias = _parse_logit_bias(_JSON.get("logit_bias", UNSET))

        def _parse_logprobs(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        logprobs = _parse_logprobs(_JSON.get("logprobs", UNSET))

        def _parse_max_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tokens = _parse_max_tokens(_JSON.get("max_tokens", UNSET))

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(_JSON.get("n", UNSET))

        def _parse_prediction(data: object) -> None | PredictionContent | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prediction_type_0 = PredictionContent.from_dict(data)

                return prediction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PredictionContent | Unset, data)

        prediction = _parse_prediction(_JSON.get("prediction", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(_JSON.get("seed", UNSET))

        def _parse_stream_options(
            data: object,
        ) -> ChatCompletionStreamOptions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chat_completion_stream_options_type_0 = (
                    ChatCompletionStreamOptions.from_dict(data)
                )

                return componentsschemas_chat_completion_stream_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionStreamOptions | None | Unset, data)

        stream_options = _parse_stream_options(_JSON.get("stream_options", UNSET))

        _tools = _JSON.get("tools")
        tools: list[ChatCompletionTool | CustomToolChatCompletions] | None = None
        if _tools is not None:
            tools = []
            for tools_item_data in _tools:

                def _parse_tools_item(
                    data: object,
                ) -> ChatCompletionTool | CustomToolChatCompletions:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        tools_item_type_0 = ChatCompletionTool.from_dict(data)

                        return tools_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    tools_item_type_1 = CustomToolChatCompletions.from_dict(data)

                    return tools_item_type_1

                tools_item = _parse_tools_item(tools_item_data)

                tools.append(tools_item)

        tool_choice = _parse_tool_choice(_JSON.get("tool_choice"))

        parallel_tool_calls = _JSON.get("parallel_tool_calls")

        function_call = _parse_function_call(_JSON.get("function_call"))

        _functions = _JSON.get("functions")
        functions: list[ChatCompletionFunctions] | None = None
        if _functions is not None:
            functions = []
            for functions_item_data in _functions:
                functions_item = ChatCompletionFunctions.from_dict(functions_item_data)

                functions.append(functions_item)

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        create_chat_completion_request = cls(
            messages,
            model,
            metadata,
            top_logprobs,
            temperature,
            top_p,
            user,
            safety_identifier,
            prompt_cache_key,
            prompt_cache_retention,
            prompt_cache_options,
            service_tier,
            modalities,
            verbosity,
            reasoning_effort,
            max_completion_tokens,
            frequency_penalty,
            presence_penalty,
            web_search_options,
            response_format,
            audio,
            store,
            moderation,
            stream,
            stop,
            logit_bias,
            logprobs,
            max_tokens,
            n,
            prediction,
            seed,
            stream_options,
            tools,
            tool_choice,
            parallel_tool_calls,
            function_call,
            functions,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        create_chat_completion_request.additional_properties = unknown
        return create_chat_completion_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_response_format(
    data: object,
) -> ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | None:
    if data is None:
        return None
    try:
        if not isinstance(data, dict):
            raise TypeError()
        response_format_type_0 = ResponseFormatText.from_dict(data)

        return response_format_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        response_format_type_1 = ResponseFormatJsonSchema.from_dict(data)

        return response_format_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    response_format_type_2 = ResponseFormatJsonObject.from_dict(data)

    return response_format_type_2


def _parse_tool_choice(
    data: object,
) -> (
    ChatCompletionAllowedToolsChoice
    | ChatCompletionNamedToolChoice
    | ChatCompletionNamedToolChoiceCustom
    | ToolChoiceMode
    | None
):
    if data is None:
        return None
    try:
        if not isinstance(data, str):
            raise TypeError()
        componentsschemas_chat_completion_tool_choice_option_tool_choice_mode = (
            ToolChoiceMode(data)
        )

        return componentsschemas_chat_completion_tool_choice_option_tool_choice_mode
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_chat_completion_tool_choice_option_type_1 = (
            ChatCompletionAllowedToolsChoice.from_dict(data)
        )

        return componentsschemas_chat_completion_tool_choice_option_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_chat_completion_tool_choice_option_type_2 = (
            ChatCompletionNamedToolChoice.from_dict(data)
        )

        return componentsschemas_chat_completion_tool_choice_option_type_2
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_chat_completion_tool_choice_option_type_3 = (
        ChatCompletionNamedToolChoiceCustom.from_dict(data)
    )

    return componentsschemas_chat_completion_tool_choice_option_type_3


def _parse_function_call(
    data: object,
) -> (
    ChatCompletionFunctionCallOption
    | CreateChatCompletionRequestFunctionCallType0
    | None
):
    if data is None:
        return None
    try:
        if not isinstance(data, str):
            raise TypeError()
        function_call_type_0 = CreateChatCompletionRequestFunctionCallType0(data)

        return function_call_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    function_call_type_1 = ChatCompletionFunctionCallOption.from_dict(data)

    return function_call_type_1


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "messages",
    "model",
    "metadata",
    "top_logprobs",
    "temperature",
    "top_p",
    "user",
    "safety_identifier",
    "prompt_cache_key",
    "prompt_cache_retention",
    "prompt_cache_options",
    "service_tier",
    "modalities",
    "verbosity",
    "reasoning_effort",
    "max_completion_tokens",
    "frequency_penalty",
    "presence_penalty",
    "web_search_options",
    "response_format",
    "audio",
    "store",
    "moderation",
    "stream",
    "stop",
    "logit_bias",
    "logprobs",
    "max_tokens",
    "n",
    "prediction",
    "seed",
    "stream_options",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "function_call",
    "functions",
    "additional_properties",
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_allowed_tools_choice import (
    ChatCompletionAllowedToolsChoice,  # noqa: E402
)
from ..models.chat_completion_audio_param import ChatCompletionAudioParam  # noqa: E402
from ..models.chat_completion_function_call_option import (
    ChatCompletionFunctionCallOption,  # noqa: E402
)
from ..models.chat_completion_functions import ChatCompletionFunctions  # noqa: E402
from ..models.chat_completion_named_tool_choice import ChatCompletionNamedToolChoice  # noqa: E402
from ..models.chat_completion_named_tool_choice_custom import (
    ChatCompletionNamedToolChoiceCustom,  # noqa: E402
)
from ..models.chat_completion_request_assistant_message import (
    ChatCompletionRequestAssistantMessage,  # noqa: E402
)
from ..models.chat_completion_request_developer_message import (
    ChatCompletionRequestDeveloperMessage,  # noqa: E402
)
from ..models.chat_completion_request_function_message import (
    ChatCompletionRequestFunctionMessage,  # noqa: E402
)
from ..models.chat_completion_request_system_message import (
    ChatCompletionRequestSystemMessage,  # noqa: E402
)
from ..models.chat_completion_request_tool_message import (
    ChatCompletionRequestToolMessage,  # noqa: E402
)
from ..models.chat_completion_request_user_message import (
    ChatCompletionRequestUserMessage,  # noqa: E402
)
from ..models.chat_completion_stream_options import ChatCompletionStreamOptions  # noqa: E402
from ..models.chat_completion_tool import ChatCompletionTool  # noqa: E402
from ..models.custom_tool_chat_completions import CustomToolChatCompletions  # noqa: E402
from ..models.logit_bias import LogitBias  # noqa: E402
from ..models.metadata import Metadata  # noqa: E402
from ..models.moderation_param import ModerationParam  # noqa: E402
from ..models.prediction_content import PredictionContent  # noqa: E402
from ..models.prompt_cache_options_param import PromptCacheOptionsParam  # noqa: E402
from ..models.response_format_json_object import ResponseFormatJsonObject  # noqa: E402
from ..models.response_format_json_schema import ResponseFormatJsonSchema  # noqa: E402
from ..models.response_format_text import ResponseFormatText  # noqa: E402
from ..models.web_search_options import WebSearchOptions  # noqa: E402
