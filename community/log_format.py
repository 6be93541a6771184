"""Log lines an on-call person can search, with nothing personal in them.

`RedactPersonalData` (a filter on every handler) takes email addresses, network
addresses, query strings and token-like path parts out of each message, whatever
logger wrote it; `JsonFormatter` writes one JSON object per line, with the request
and task ids the line belongs to.
"""

import json
import logging
import re
from datetime import UTC, datetime

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{1,4})*::"
    r"(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:])"
)
QUERY_STRING = re.compile(r"\?[^\s\"']+")
# Private links and confirmation keys: a long run of token characters in a path.
TOKEN_IN_PATH = re.compile(r"(?<=/)[A-Za-z0-9_:-]{20,}(?=/|\s|$|\")")


def redact(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = QUERY_STRING.sub("?[query]", text)
    text = TOKEN_IN_PATH.sub("[token]", text)
    text = IPV6.sub("[ip]", text)
    return IPV4.sub("[ip]", text)


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            # Exception messages can quote a value (an email in a unique key).
            record.exc_text = redact(record.exc_text)
            record.exc_info = None
        return True


class AddRequestAndTaskIds(logging.Filter):
    """Every line says which request or task wrote it (empty outside both)."""

    def filter(self, record):
        from community.request_context import request_id, task_id

        if not getattr(record, "request_id", ""):
            record.request_id = request_id.get()
        if not getattr(record, "task_id", ""):
            record.task_id = task_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("request_id", "task_id"):
            if getattr(record, key, ""):
                line[key] = getattr(record, key)
        line.update(getattr(record, "fields", {}))
        if record.exc_text:
            line["exception"] = record.exc_text
        elif record.exc_info:
            line["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, default=str)


class TextFormatter(logging.Formatter):
    """Development's plain lines, with the ids and fields appended."""

    def format(self, record):
        text = super().format(record)
        fields = " ".join(f"{k}={v}" for k, v in getattr(record, "fields", {}).items())
        ids = " ".join(
            f"{key}={getattr(record, key)}"
            for key in ("request_id", "task_id")
            if getattr(record, key, "")
        )
        return " ".join(part for part in (text, fields, ids) if part)
