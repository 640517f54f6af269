# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
"""Contains all the data models used in inputs/outputs"""

from .chat_request import ChatRequest
from .chat_response import ChatResponse
from .copy_request import CopyRequest
from .create_request import CreateRequest
from .create_request_adapters import CreateRequestAdapters
from .create_request_draft_files import CreateRequestDraftFiles
from .create_request_files import CreateRequestFiles
from .create_request_info import CreateRequestInfo
from .debug_info import DebugInfo
from .delete_request import DeleteRequest
from .embed_request import EmbedRequest
from .embed_response import EmbedResponse
from .embeddings_request import EmbeddingsRequest
from .embeddings_response import EmbeddingsResponse
from .error_response import ErrorResponse
from .format_type_0 import FormatType0
from .format_type_1 import FormatType1
from .generate_request import GenerateRequest
from .generate_response import GenerateResponse
from .list_response import ListResponse
from .logprob import Logprob
from .message import Message
from .metrics import Metrics
from .model_details import ModelDetails
from .model_recommendation import ModelRecommendation
from .model_recommendations_response import ModelRecommendationsResponse
from .model_summary import ModelSummary
from .options import Options
from .progress_response import ProgressResponse
from .ps_response import PsResponse
from .pull_request import PullRequest
from .push_request import PushRequest
from .running_model import RunningModel
from .show_request import ShowRequest
from .show_response import ShowResponse
from .show_response_model_info import ShowResponseModelInfo
from .show_response_projector_info import ShowResponseProjectorInfo
from .status_response import StatusResponse
from .status_response_cloud import StatusResponseCloud
from .tensor import Tensor
from .think_type_1 import ThinkType1
from .token_logprob import TokenLogprob
from .tool import Tool
from .tool_call import ToolCall
from .tool_call_arguments import ToolCallArguments
from .tool_call_function import ToolCallFunction
from .tool_function import ToolFunction
from .tool_parameters import ToolParameters
from .tool_parameters_properties import ToolParametersProperties
from .tool_property import ToolProperty
from .tool_property_properties import ToolPropertyProperties
from .user_response import UserResponse
from .version_response import VersionResponse
from .web_fetch_request import WebFetchRequest
from .web_fetch_response import WebFetchResponse
from .web_search_request import WebSearchRequest
from .web_search_response import WebSearchResponse
from .web_search_result import WebSearchResult

__all__ = (
    "ChatRequest",
    "ChatResponse",
    "CopyRequest",
    "CreateRequest",
    "CreateRequestAdapters",
    "CreateRequestDraftFiles",
    "CreateRequestFiles",
    "CreateRequestInfo",
    "DebugInfo",
    "DeleteRequest",
    "EmbedRequest",
    "EmbedResponse",
    "EmbeddingsRequest",
    "EmbeddingsResponse",
    "ErrorResponse",
    "FormatType0",
    "FormatType1",
    "GenerateRequest",
    "GenerateResponse",
    "ListResponse",
    "Logprob",
    "Message",
    "Metrics",
    "ModelDetails",
    "ModelRecommendation",
    "ModelRecommendationsResponse",
    "ModelSummary",
    "Options",
    "ProgressResponse",
    "PsResponse",
    "PullRequest",
    "PushRequest",
    "RunningModel",
    "ShowRequest",
    "ShowResponse",
    "ShowResponseModelInfo",
    "ShowResponseProjectorInfo",
    "StatusResponse",
    "StatusResponseCloud",
    "Tensor",
    "ThinkType1",
    "TokenLogprob",
    "Tool",
    "ToolCall",
    "ToolCallArguments",
    "ToolCallFunction",
    "ToolFunction",
    "ToolParameters",
    "ToolParametersProperties",
    "ToolProperty",
    "ToolPropertyProperties",
    "UserResponse",
    "VersionResponse",
    "WebFetchRequest",
    "WebFetchResponse",
    "WebSearchRequest",
    "WebSearchResponse",
    "WebSearchResult",
)
