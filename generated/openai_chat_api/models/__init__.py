"""Contains all the data models used in inputs/outputs.

Models are imported on first use, so importing one of them does not load them all.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

_MODULES = {
    "ChatCompletionAllowedTools": ".chat_completion_allowed_tools",
    "ChatCompletionAllowedToolsChoice": ".chat_completion_allowed_tools_choice",
    "ChatCompletionAllowedToolsChoiceType": ".chat_completion_allowed_tools_choice_type",
    "ChatCompletionAllowedToolsMode": ".chat_completion_allowed_tools_mode",
    "ChatCompletionAllowedToolsToolsItem": ".chat_completion_allowed_tools_tools_item",
    "ChatCompletionAnnotation": ".chat_completion_annotation",
    "ChatCompletionAssistantMessageAudio": ".chat_completion_assistant_message_audio",
    "ChatCompletionAssistantMessageFunctionCall": ".chat_completion_assistant_message_function_call",
    "ChatCompletionAudio": ".chat_completion_audio",
    "ChatCompletionAudioParam": ".chat_completion_audio_param",
    "ChatCompletionAudioParamFormat": ".chat_completion_audio_param_format",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChoiceLogprobs": ".chat_completion_choice_logprobs",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionChunkChoiceLogprobs": ".chat_completion_chunk_choice_logprobs",
    "ChatCompletionDeleted": ".chat_completion_deleted",
    "ChatCompletionDeltaFunctionCall": ".chat_completion_delta_function_call",
    "ChatCompletionFunctionCall": ".chat_completion_function_call",
    "ChatCompletionFunctionCallOption": ".chat_completion_function_call_option",
    "ChatCompletionFunctions": ".chat_completion_functions",
    "ChatCompletionList": ".chat_completion_list",
    "ChatCompletionMessageCustomToolCall": ".chat_completion_message_custom_tool_call",
    "ChatCompletionMessageCustomToolCallCustom": ".chat_completion_message_custom_tool_call_custom",
    "ChatCompletionMessageCustomToolCallType": ".chat_completion_message_custom_tool_call_type",
    "ChatCompletionMessageList": ".chat_completion_message_list",
    "ChatCompletionMessageToolCall": ".chat_completion_message_tool_call",
    "ChatCompletionMessageToolCallChunk": ".chat_completion_message_tool_call_chunk",
    "ChatCompletionMessageToolCallChunkFunction": ".chat_completion_message_tool_call_chunk_function",
    "ChatCompletionMessageToolCallFunction": ".chat_completion_message_tool_call_function",
    "ChatCompletionMessageToolCallType": ".chat_completion_message_tool_call_type",
    "ChatCompletionModeration": ".chat_completion_moderation",
    "ChatCompletionModerationError": ".chat_completion_moderation_error",
    "ChatCompletionModerationErrorType": ".chat_completion_moderation_error_type",
    "ChatCompletionModerationResults": ".chat_completion_moderation_results",
    "ChatCompletionModerationResultsType": ".chat_completion_moderation_results_type",
    "ChatCompletionNamedToolChoice": ".chat_completion_named_tool_choice",
    "ChatCompletionNamedToolChoiceCustom": ".chat_completion_named_tool_choice_custom",
    "ChatCompletionNamedToolChoiceCustomCustom": ".chat_completion_named_tool_choice_custom_custom",
    "ChatCompletionNamedToolChoiceCustomType": ".chat_completion_named_tool_choice_custom_type",
    "ChatCompletionNamedToolChoiceFunction": ".chat_completion_named_tool_choice_function",
    "ChatCompletionNamedToolChoiceType": ".chat_completion_named_tool_choice_type",
    "ChatCompletionRequestAssistantMessage": ".chat_completion_request_assistant_message",
    "ChatCompletionRequestAssistantMessageRole": ".chat_completion_request_assistant_message_role",
    "ChatCompletionRequestDeveloperMessage": ".chat_completion_request_developer_message",
    "ChatCompletionRequestDeveloperMessageRole": ".chat_completion_request_developer_message_role",
    "ChatCompletionRequestFunctionMessage": ".chat_completion_request_function_message",
    "ChatCompletionRequestFunctionMessageRole": ".chat_completion_request_function_message_role",
    "ChatCompletionRequestMessageContentPartAudio": ".chat_completion_request_message_content_part_audio",
    "ChatCompletionRequestMessageContentPartAudioInputAudio": ".chat_completion_request_message_content_part_audio_input_audio",
    "ChatCompletionRequestMessageContentPartAudioInputAudioFormat": ".chat_completion_request_message_content_part_audio_input_audio_format",
    "ChatCompletionRequestMessageContentPartAudioType": ".chat_completion_request_message_content_part_audio_type",
    "ChatCompletionRequestMessageContentPartFile": ".chat_completion_request_message_content_part_file",
    "ChatCompletionRequestMessageContentPartFileFile": ".chat_completion_request_message_content_part_file_file",
    "ChatCompletionRequestMessageContentPartFileType": ".chat_completion_request_message_content_part_file_type",
    "ChatCompletionRequestMessageContentPartImage": ".chat_completion_request_message_content_part_image",
    "ChatCompletionRequestMessageContentPartImageImageUrl": ".chat_completion_request_message_content_part_image_image_url",
    "ChatCompletionRequestMessageContentPartImageType": ".chat_completion_request_message_content_part_image_type",
    "ChatCompletionRequestMessageContentPartRefusal": ".chat_completion_request_message_content_part_refusal",
    "ChatCompletionRequestMessageContentPartRefusalType": ".chat_completion_request_message_content_part_refusal_type",
    "ChatCompletionRequestMessageContentPartText": ".chat_completion_request_message_content_part_text",
    "ChatCompletionRequestMessageContentPartTextType": ".chat_completion_request_message_content_part_text_type",
    "ChatCompletionRequestSystemMessage": ".chat_completion_request_system_message",
    "ChatCompletionRequestSystemMessageRole": ".chat_completion_request_system_message_role",
    "ChatCompletionRequestToolMessage": ".chat_completion_request_tool_message",
    "ChatCompletionRequestToolMessageRole": ".chat_completion_request_tool_message_role",
    "ChatCompletionRequestUserMessage": ".chat_completion_request_user_message",
    "ChatCompletionRequestUserMessageRole": ".chat_completion_request_user_message_role",
    "ChatCompletionResponseMessage": ".chat_completion_response_message",
    "ChatCompletionStoreMessage": ".chat_completion_store_message",
    "ChatCompletionStoreMessageAnnotation": ".chat_completion_store_message_annotation",
    "ChatCompletionStoreMessageAudio": ".chat_completion_store_message_audio",
    "ChatCompletionStoreMessageFunctionCall": ".chat_completion_store_message_function_call",
    "ChatCompletionStoreMessageURLCitation": ".chat_completion_store_message_url_citation",
    "ChatCompletionStreamOptions": ".chat_completion_stream_options",
    "ChatCompletionStreamResponseDelta": ".chat_completion_stream_response_delta",
    "ChatCompletionTokenLogprob": ".chat_completion_token_logprob",
    "ChatCompletionTool": ".chat_completion_tool",
    "ChatCompletionToolType": ".chat_completion_tool_type",
    "ChatCompletionTopLogprob": ".chat_completion_top_logprob",
    "ChatCompletionURLCitation": ".chat_completion_url_citation",
    "CompletionUsage": ".completion_usage",
    "CompletionUsageCompletionTokensDetails": ".completion_usage_completion_tokens_details",
    "CompletionUsagePromptTokensDetails": ".completion_usage_prompt_tokens_details",
    "CreateChatCompletionRequest": ".create_chat_completion_request",
    "CreateChatCompletionRequestFunctionCallType0": ".create_chat_completion_request_function_call_type_0",
    "CreateChatCompletionRequestPromptCacheRetentionType0": ".create_chat_completion_request_prompt_cache_retention_type_0",
    "CreateChatCompletionResponse": ".create_chat_completion_response",
    "CreateChatCompletionStreamResponse": ".create_chat_completion_stream_response",
    "CustomToolChatCompletions": ".custom_tool_chat_completions",
    "CustomToolChatCompletionsCustomToolProperties": ".custom_tool_chat_completions_custom_tool_properties",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1": ".custom_tool_chat_completions_custom_tool_properties_format_type_1",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1Grammar": ".custom_tool_chat_completions_custom_tool_properties_format_type_1_grammar",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1GrammarSyntax": ".custom_tool_chat_completions_custom_tool_properties_format_type_1_grammar_syntax",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1Type": ".custom_tool_chat_completions_custom_tool_properties_format_type_1_type",
    "CustomToolChatCompletionsCustomToolPropertiesTextFormat": ".custom_tool_chat_completions_custom_tool_properties_text_format",
    "CustomToolChatCompletionsCustomToolPropertiesTextFormatType": ".custom_tool_chat_completions_custom_tool_properties_text_format_type",
    "CustomToolChatCompletionsType": ".custom_tool_chat_completions_type",
    "Error": ".error",
    "ErrorResponse": ".error_response",
    "FunctionObject": ".function_object",
    "FunctionParameters": ".function_parameters",
    "GetChatCompletionMessagesOrder": ".get_chat_completion_messages_order",
    "ListChatCompletionsOrder": ".list_chat_completions_order",
    "LogitBias": ".logit_bias",
    "Metadata": ".metadata",
    "ModelIdsSharedType1": ".model_ids_shared_type_1",
    "ModerationConfigParam": ".moderation_config_param",
    "ModerationMode": ".moderation_mode",
    "ModerationParam": ".moderation_param",
    "ModerationPolicyParam": ".moderation_policy_param",
    "ModerationResultBody": ".moderation_result_body",
    "ModerationResultBodyCategories": ".moderation_result_body_categories",
    "ModerationResultBodyCategoryAppliedInputTypes": ".moderation_result_body_category_applied_input_types",
    "ModerationResultBodyCategoryScores": ".moderation_result_body_category_scores",
    "PredictionContent": ".prediction_content",
    "PredictionContentType": ".prediction_content_type",
    "PromptCacheBreakpointParam": ".prompt_cache_breakpoint_param",
    "PromptCacheModeEnum": ".prompt_cache_mode_enum",
    "PromptCacheOptionsParam": ".prompt_cache_options_param",
    "PromptCacheTTLEnum": ".prompt_cache_ttl_enum",
    "ReasoningEffortType0": ".reasoning_effort_type_0",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonObjectType": ".response_format_json_object_type",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatJsonSchemaJSONSchema": ".response_format_json_schema_json_schema",
    "ResponseFormatJsonSchemaSchema": ".response_format_json_schema_schema",
    "ResponseFormatJsonSchemaType": ".response_format_json_schema_type",
    "ResponseFormatText": ".response_format_text",
    "ResponseFormatTextType": ".response_format_text_type",
    "ResponseModalitiesType0Item": ".response_modalities_type_0_item",
    "ToolChoiceMode": ".tool_choice_mode",
    "UpdateChatCompletionRequest": ".update_chat_completion_request",
    "VerbosityType0": ".verbosity_type_0",
    "VoiceIdsOrCustomVoiceType1": ".voice_ids_or_custom_voice_type_1",
    "VoiceIdsSharedType1": ".voice_ids_shared_type_1",
    "WebSearchContextSize": ".web_search_context_size",
    "WebSearchLocation": ".web_search_location",
    "WebSearchOptions": ".web_search_options",
    "WebSearchUserLocation": ".web_search_user_location",
    "WebSearchUserLocationType": ".web_search_user_location_type",
}

__all__ = (
    "ChatCompletionAllowedTools",
    "ChatCompletionAllowedToolsChoice",
    "ChatCompletionAllowedToolsChoiceType",
    "ChatCompletionAllowedToolsMode",
    "ChatCompletionAllowedToolsToolsItem",
    "ChatCompletionAnnotation",
    "ChatCompletionAssistantMessageAudio",
    "ChatCompletionAssistantMessageFunctionCall",
    "ChatCompletionAudio",
    "ChatCompletionAudioParam",
    "ChatCompletionAudioParamFormat",
    "ChatCompletionChoice",
    "ChatCompletionChoiceLogprobs",
    "ChatCompletionChunkChoice",
    "ChatCompletionChunkChoiceLogprobs",
    "ChatCompletionDeleted",
    "ChatCompletionDeltaFunctionCall",
    "ChatCompletionFunctionCall",
    "ChatCompletionFunctionCallOption",
    "ChatCompletionFunctions",
    "ChatCompletionList",
    "ChatCompletionMessageCustomToolCall",
    "ChatCompletionMessageCustomToolCallCustom",
    "ChatCompletionMessageCustomToolCallType",
    "ChatCompletionMessageList",
    "ChatCompletionMessageToolCall",
    "ChatCompletionMessageToolCallChunk",
    "ChatCompletionMessageToolCallChunkFunction",
    "ChatCompletionMessageToolCallFunction",
    "ChatCompletionMessageToolCallType",
    "ChatCompletionModeration",
    "ChatCompletionModerationError",
    "ChatCompletionModerationErrorType",
    "ChatCompletionModerationResults",
    "ChatCompletionModerationResultsType",
    "ChatCompletionNamedToolChoice",
    "ChatCompletionNamedToolChoiceCustom",
    "ChatCompletionNamedToolChoiceCustomCustom",
    "ChatCompletionNamedToolChoiceCustomType",
    "ChatCompletionNamedToolChoiceFunction",
    "ChatCompletionNamedToolChoiceType",
    "ChatCompletionRequestAssistantMessage",
    "ChatCompletionRequestAssistantMessageRole",
    "ChatCompletionRequestDeveloperMessage",
    "ChatCompletionRequestDeveloperMessageRole",
    "ChatCompletionRequestFunctionMessage",
    "ChatCompletionRequestFunctionMessageRole",
    "ChatCompletionRequestMessageContentPartAudio",
    "ChatCompletionRequestMessageContentPartAudioInputAudio",
    "ChatCompletionRequestMessageContentPartAudioInputAudioFormat",
    "ChatCompletionRequestMessageContentPartAudioType",
    "ChatCompletionRequestMessageContentPartFile",
    "ChatCompletionRequestMessageContentPartFileFile",
    "ChatCompletionRequestMessageContentPartFileType",
    "ChatCompletionRequestMessageContentPartImage",
    "ChatCompletionRequestMessageContentPartImageImageUrl",
    "ChatCompletionRequestMessageContentPartImageType",
    "ChatCompletionRequestMessageContentPartRefusal",
    "ChatCompletionRequestMessageContentPartRefusalType",
    "ChatCompletionRequestMessageContentPartText",
    "ChatCompletionRequestMessageContentPartTextType",
    "ChatCompletionRequestSystemMessage",
    "ChatCompletionRequestSystemMessageRole",
    "ChatCompletionRequestToolMessage",
    "ChatCompletionRequestToolMessageRole",
    "ChatCompletionRequestUserMessage",
    "ChatCompletionRequestUserMessageRole",
    "ChatCompletionResponseMessage",
    "ChatCompletionStoreMessage",
    "ChatCompletionStoreMessageAnnotation",
    "ChatCompletionStoreMessageAudio",
    "ChatCompletionStoreMessageFunctionCall",
    "ChatCompletionStoreMessageURLCitation",
    "ChatCompletionStreamOptions",
    "ChatCompletionStreamResponseDelta",
    "ChatCompletionTokenLogprob",
    "ChatCompletionTool",
    "ChatCompletionToolType",
    "ChatCompletionTopLogprob",
    "ChatCompletionURLCitation",
    "CompletionUsage",
    "CompletionUsageCompletionTokensDetails",
    "CompletionUsagePromptTokensDetails",
    "CreateChatCompletionRequest",
    "CreateChatCompletionRequestFunctionCallType0",
    "CreateChatCompletionRequestPromptCacheRetentionType0",
    "CreateChatCompletionResponse",
    "CreateChatCompletionStreamResponse",
    "CustomToolChatCompletions",
    "CustomToolChatCompletionsCustomToolProperties",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1Grammar",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1GrammarSyntax",
    "CustomToolChatCompletionsCustomToolPropertiesFormatType1Type",
    "CustomToolChatCompletionsCustomToolPropertiesTextFormat",
    "CustomToolChatCompletionsCustomToolPropertiesTextFormatType",
    "CustomToolChatCompletionsType",
    "Error",
    "ErrorResponse",
    "FunctionObject",
    "FunctionParameters",
    "GetChatCompletionMessagesOrder",
    "ListChatCompletionsOrder",
    "LogitBias",
    "Metadata",
    "ModelIdsSharedType1",
    "ModerationConfigParam",
    "ModerationMode",
    "ModerationParam",
    "ModerationPolicyParam",
    "ModerationResultBody",
    "ModerationResultBodyCategories",
    "ModerationResultBodyCategoryAppliedInputTypes",
    "ModerationResultBodyCategoryScores",
    "PredictionContent",
    "PredictionContentType",
    "PromptCacheBreakpointParam",
    "PromptCacheModeEnum",
    "PromptCacheOptionsParam",
    "PromptCacheTTLEnum",
    "ReasoningEffortType0",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonObjectType",
    "ResponseFormatJsonSchema",
    "ResponseFormatJsonSchemaJSONSchema",
    "ResponseFormatJsonSchemaSchema",
    "ResponseFormatJsonSchemaType",
    "ResponseFormatText",
    "ResponseFormatTextType",
    "ResponseModalitiesType0Item",
    "ToolChoiceMode",
    "UpdateChatCompletionRequest",
    "VerbosityType0",
    "VoiceIdsOrCustomVoiceType1",
    "VoiceIdsSharedType1",
    "WebSearchContextSize",
    "WebSearchLocation",
    "WebSearchOptions",
    "WebSearchUserLocation",
    "WebSearchUserLocationType",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .chat_completion_allowed_tools import ChatCompletionAllowedTools
    from .chat_completion_allowed_tools_choice import ChatCompletionAllowedToolsChoice
    from .chat_completion_allowed_tools_choice_type import (
        ChatCompletionAllowedToolsChoiceType,
    )
    from .chat_completion_allowed_tools_mode import ChatCompletionAllowedToolsMode
    from .chat_completion_allowed_tools_tools_item import (
        ChatCompletionAllowedToolsToolsItem,
    )
    from .chat_completion_annotation import ChatCompletionAnnotation
    from .chat_completion_assistant_message_audio import (
        ChatCompletionAssistantMessageAudio,
    )
    from .chat_completion_assistant_message_function_call import (
        ChatCompletionAssistantMessageFunctionCall,
    )
    from .chat_completion_audio import ChatCompletionAudio
    from .chat_completion_audio_param import ChatCompletionAudioParam
    from .chat_completion_audio_param_format import ChatCompletionAudioParamFormat
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_choice_logprobs import ChatCompletionChoiceLogprobs
    from .chat_completion_chunk_choice import ChatCompletionChunkChoice
    from .chat_completion_chunk_choice_logprobs import ChatCompletionChunkChoiceLogprobs
    from .chat_completion_deleted import ChatCompletionDeleted
    from .chat_completion_delta_function_call import ChatCompletionDeltaFunctionCall
    from .chat_completion_function_call import ChatCompletionFunctionCall
    from .chat_completion_function_call_option import ChatCompletionFunctionCallOption
    from .chat_completion_functions import ChatCompletionFunctions
    from .chat_completion_list import ChatCompletionList
    from .chat_completion_message_custom_tool_call import (
        ChatCompletionMessageCustomToolCall,
    )
    from .chat_completion_message_custom_tool_call_custom import (
        ChatCompletionMessageCustomToolCallCustom,
    )
    from .chat_completion_message_custom_tool_call_type import (
        ChatCompletionMessageCustomToolCallType,
    )
    from .chat_completion_message_list import ChatCompletionMessageList
    from .chat_completion_message_tool_call import ChatCompletionMessageToolCall
    from .chat_completion_message_tool_call_chunk import (
        ChatCompletionMessageToolCallChunk,
    )
    from .chat_completion_message_tool_call_chunk_function import (
        ChatCompletionMessageToolCallChunkFunction,
    )
    from .chat_completion_message_tool_call_function import (
        ChatCompletionMessageToolCallFunction,
    )
    from .chat_completion_message_tool_call_type import (
        ChatCompletionMessageToolCallType,
    )
    from .chat_completion_moderation import ChatCompletionModeration
    from .chat_completion_moderation_error import ChatCompletionModerationError
    from .chat_completion_moderation_error_type import ChatCompletionModerationErrorType
    from .chat_completion_moderation_results import ChatCompletionModerationResults
    from .chat_completion_moderation_results_type import (
        ChatCompletionModerationResultsType,
    )
    from .chat_completion_named_tool_choice import ChatCompletionNamedToolChoice
    from .chat_completion_named_tool_choice_custom import (
        ChatCompletionNamedToolChoiceCustom,
    )
    from .chat_completion_named_tool_choice_custom_custom import (
        ChatCompletionNamedToolChoiceCustomCustom,
    )
    from .chat_completion_named_tool_choice_custom_type import (
        ChatCompletionNamedToolChoiceCustomType,
    )
    from .chat_completion_named_tool_choice_function import (
        ChatCompletionNamedToolChoiceFunction,
    )
    from .chat_completion_named_tool_choice_type import (
        ChatCompletionNamedToolChoiceType,
    )
    from .chat_completion_request_assistant_message import (
        ChatCompletionRequestAssistantMessage,
    )
    from .chat_completion_request_assistant_message_role import (
        ChatCompletionRequestAssistantMessageRole,
    )
    from .chat_completion_request_developer_message import (
        ChatCompletionRequestDeveloperMessage,
    )
    from .chat_completion_request_developer_message_role import (
        ChatCompletionRequestDeveloperMessageRole,
    )
    from .chat_completion_request_function_message import (
        ChatCompletionRequestFunctionMessage,
    )
    from .chat_completion_request_function_message_role import (
        ChatCompletionRequestFunctionMessageRole,
    )
    from .chat_completion_request_message_content_part_audio import (
        ChatCompletionRequestMessageContentPartAudio,
    )
    from .chat_completion_request_message_content_part_audio_input_audio import (
        ChatCompletionRequestMessageContentPartAudioInputAudio,
    )
    from .chat_completion_request_message_content_part_audio_input_audio_format import (
        ChatCompletionRequestMessageContentPartAudioInputAudioFormat,
    )
    from .chat_completion_request_message_content_part_audio_type import (
        ChatCompletionRequestMessageContentPartAudioType,
    )
    from .chat_completion_request_message_content_part_file import (
        ChatCompletionRequestMessageContentPartFile,
    )
    from .chat_completion_request_message_content_part_file_file import (
        ChatCompletionRequestMessageContentPartFileFile,
    )
    from .chat_completion_request_message_content_part_file_type import (
        ChatCompletionRequestMessageContentPartFileType,
    )
    from .chat_completion_request_message_content_part_image import (
        ChatCompletionRequestMessageContentPartImage,
    )
    from .chat_completion_request_message_content_part_image_image_url import (
        ChatCompletionRequestMessageContentPartImageImageUrl,
    )
    from .chat_completion_request_message_content_part_image_type import (
        ChatCompletionRequestMessageContentPartImageType,
    )
    from .chat_completion_request_message_content_part_refusal import (
        ChatCompletionRequestMessageContentPartRefusal,
    )
    from .chat_completion_request_message_content_part_refusal_type import (
        ChatCompletionRequestMessageContentPartRefusalType,
    )
    from .chat_completion_request_message_content_part_text import (
        ChatCompletionRequestMessageContentPartText,
    )
    from .chat_completion_request_message_content_part_text_type import (
        ChatCompletionRequestMessageContentPartTextType,
    )
    from .chat_completion_request_system_message import (
        ChatCompletionRequestSystemMessage,
    )
    from .chat_completion_request_system_message_role import (
        ChatCompletionRequestSystemMessageRole,
    )
    from .chat_completion_request_tool_message import ChatCompletionRequestToolMessage
    from .chat_completion_request_tool_message_role import (
        ChatCompletionRequestToolMessageRole,
    )
    from .chat_completion_request_user_message import ChatCompletionRequestUserMessage
    from .chat_completion_request_user_message_role import (
        ChatCompletionRequestUserMessageRole,
    )
    from .chat_completion_response_message import ChatCompletionResponseMessage
    from .chat_completion_store_message import ChatCompletionStoreMessage
    from .chat_completion_store_message_annotation import (
        ChatCompletionStoreMessageAnnotation,
    )
    from .chat_completion_store_message_audio import ChatCompletionStoreMessageAudio
    from .chat_completion_store_message_function_call import (
        ChatCompletionStoreMessageFunctionCall,
    )
    from .chat_completion_store_message_url_citation import (
        ChatCompletionStoreMessageURLCitation,
    )
    from .chat_completion_stream_options import ChatCompletionStreamOptions
    from .chat_completion_stream_response_delta import ChatCompletionStreamResponseDelta
    from .chat_completion_token_logprob import ChatCompletionTokenLogprob
    from .chat_completion_tool import ChatCompletionTool
    from .chat_completion_tool_type import ChatCompletionToolType
    from .chat_completion_top_logprob import ChatCompletionTopLogprob
    from .chat_completion_url_citation import ChatCompletionURLCitation
    from .completion_usage import CompletionUsage
    from .completion_usage_completion_tokens_details import (
        CompletionUsageCompletionTokensDetails,
    )
    from .completion_usage_prompt_tokens_details import (
        CompletionUsagePromptTokensDetails,
    )
    from .create_chat_completion_request import CreateChatCompletionRequest
    from .create_chat_completion_request_function_call_type_0 import (
        CreateChatCompletionRequestFunctionCallType0,
    )
    from .create_chat_completion_request_prompt_cache_retention_type_0 import (
        CreateChatCompletionRequestPromptCacheRetentionType0,
    )
    from .create_chat_completion_response import CreateChatCompletionResponse
    from .create_chat_completion_stream_response import (
        CreateChatCompletionStreamResponse,
    )
    from .custom_tool_chat_completions import CustomToolChatCompletions
    from .custom_tool_chat_completions_custom_tool_properties import (
        CustomToolChatCompletionsCustomToolProperties,
    )
    from .custom_tool_chat_completions_custom_tool_properties_format_type_1 import (
        CustomToolChatCompletionsCustomToolPropertiesFormatType1,
    )
    from .custom_tool_chat_completions_custom_tool_properties_format_type_1_grammar import (
        CustomToolChatCompletionsCustomToolPropertiesFormatType1Grammar,
    )
    from .custom_tool_chat_completions_custom_tool_properties_format_type_1_grammar_syntax import (
        CustomToolChatCompletionsCustomToolPropertiesFormatType1GrammarSyntax,
    )
    from .custom_tool_chat_completions_custom_tool_properties_format_type_1_type import (
        CustomToolChatCompletionsCustomToolPropertiesFormatType1Type,
    )
    from .custom_tool_chat_completions_custom_tool_properties_text_format import (
        CustomToolChatCompletionsCustomToolPropertiesTextFormat,
    )
    from .custom_tool_chat_completions_custom_tool_properties_text_format_type import (
        CustomToolChatCompletionsCustomToolPropertiesTextFormatType,
    )
    from .custom_tool_chat_completions_type import CustomToolChatCompletionsType
    from .error import Error
    from .error_response import ErrorResponse
    from .function_object import FunctionObject
    from .function_parameters import FunctionParameters
    from .get_chat_completion_messages_order import GetChatCompletionMessagesOrder
    from .list_chat_completions_order import ListChatCompletionsOrder
    from .logit_bias import LogitBias
    from .metadata import Metadata
    from .model_ids_shared_type_1 import ModelIdsSharedType1
    from .moderation_config_param import ModerationConfigParam
    from .moderation_mode import ModerationMode
    from .moderation_param import ModerationParam
    from .moderation_policy_param import ModerationPolicyParam
    from .moderation_result_body import ModerationResultBody
    from .moderation_result_body_categories import ModerationResultBodyCategories
    from .moderation_result_body_category_applied_input_types import (
        ModerationResultBodyCategoryAppliedInputTypes,
    )
    from .moderation_result_body_category_scores import (
        ModerationResultBodyCategoryScores,
    )
    from .prediction_content import PredictionContent
    from .prediction_content_type import PredictionContentType
    from .prompt_cache_breakpoint_param import PromptCacheBreakpointParam
    from .prompt_cache_mode_enum import PromptCacheModeEnum
    from .prompt_cache_options_param import PromptCacheOptionsParam
    from .prompt_cache_ttl_enum import PromptCacheTTLEnum
    from .reasoning_effort_type_0 import ReasoningEffortType0
    from .response_format_json_object import ResponseFormatJsonObject
    from .response_format_json_object_type import ResponseFormatJsonObjectType
    from .response_format_json_schema import ResponseFormatJsonSchema
    from .response_format_json_schema_json_schema import (
        ResponseFormatJsonSchemaJSONSchema,
    )
    from .response_format_json_schema_schema import ResponseFormatJsonSchemaSchema
    from .response_format_json_schema_type import ResponseFormatJsonSchemaType
    from .response_format_text import ResponseFormatText
    from .response_format_text_type import ResponseFormatTextType
    from .response_modalities_type_0_item import ResponseModalitiesType0Item
    from .tool_choice_mode import ToolChoiceMode
    from .update_chat_completion_request import UpdateChatCompletionRequest
    from .verbosity_type_0 import VerbosityType0
    from .voice_ids_or_custom_voice_type_1 import VoiceIdsOrCustomVoiceType1
    from .voice_ids_shared_type_1 import VoiceIdsSharedType1
    from .web_search_context_size import WebSearchContextSize
    from .web_search_location import WebSearchLocation
    from .web_search_options import WebSearchOptions
    from .web_search_user_location import WebSearchUserLocation
    from .web_search_user_location_type import WebSearchUserLocationType
