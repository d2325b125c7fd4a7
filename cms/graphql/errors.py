"""Errors a client can act on: a message and a stable code in `extensions.code`."""

from graphql import GraphQLError


class ApiError(GraphQLError):
    code = "BAD_REQUEST"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message, extensions={"code": code or self.code})


class LocaleNotFound(ApiError):
    code = "LOCALE_NOT_FOUND"


class InvalidArgument(ApiError):
    code = "INVALID_ARGUMENT"


class PageSizeTooLarge(ApiError):
    code = "PAGE_SIZE_TOO_LARGE"


class RenditionNotAllowed(ApiError):
    code = "RENDITION_NOT_ALLOWED"


def is_unexpected(error: GraphQLError) -> bool:
    """Errors that are not ours nor GraphQL validation errors are masked for the public."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


def parse_id(value, what: str = "ids") -> int:
    """A numeric id from the client, or INVALID_ARGUMENT (ASCII digits only)."""
    text = str(value)
    if not (text.isascii() and text.isdigit()):
        raise InvalidArgument(f"Malformed id {text!r}: {what} are numbers.")
    return int(text)


def checked_text(value: str, name: str) -> str:
    """A text argument that can go to the database: PostgreSQL refuses NUL characters, and
    text that is not valid Unicode (a lone surrogate such as JSON's "\\ud800") cannot be sent."""
    if "\x00" in value:
        raise InvalidArgument(f"{name} must not contain the NUL character.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgument(f"{name} is not valid Unicode text.") from None
    return value


# --- API limits (cms/graphql/limits.py): refusals of a whole document, before anything runs ----


class DocumentTooLarge(ApiError):
    code = "DOCUMENT_TOO_LARGE"


class TooManyTokens(ApiError):
    code = "TOO_MANY_TOKENS"


class QueryTooDeep(ApiError):
    code = "QUERY_TOO_DEEP"


class TooManyAliases(ApiError):
    code = "TOO_MANY_ALIASES"


class TooManyFields(ApiError):
    code = "TOO_MANY_FIELDS"


class QueryTooCostly(ApiError):
    code = "QUERY_TOO_COSTLY"


class ListTooLong(ApiError):
    code = "LIST_TOO_LONG"


class InputTooDeep(ApiError):
    code = "INPUT_TOO_DEEP"


class FragmentCycle(ApiError):
    code = "FRAGMENT_CYCLE"


class OperationNameRequired(ApiError):
    code = "OPERATION_NAME_REQUIRED"


class UnknownOperation(ApiError):
    code = "UNKNOWN_OPERATION"
