"""Every error Truceline raises on purpose, in one place.

    TrucelineError              base: a message that says what happened, the likely cause and the fix
     ├── InputError             a path or stream the user named cannot be read at all
     ├── ConfigError            a setting, option or dictionary file is invalid
     ├── StoreError             the database cannot be opened, migrated or written
     ├── ModelError             the spaCy pipeline or a packaged data file is missing
     ├── EvalError              a gold file is not in the format its scorer expects
     └── WorkerError            a worker process or the Dask cluster failed (what is stored so far is kept)

    Skip                        not an error: one document is passed over, with a recorded reason

Each carries a short code (``[T001]``) so users can search for it. The CLI prints ``error: [Tnnn] message`` on
one line and exits non-zero; it never shows a traceback for these.
"""

from __future__ import annotations


class TrucelineError(Exception):
    code = "T000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(TrucelineError):
    code = "T001"


class ConfigError(TrucelineError):
    code = "T002"


class StoreError(TrucelineError):
    code = "T003"


class ModelError(TrucelineError):
    code = "T004"


class EvalError(TrucelineError):
    code = "T005"


class WorkerError(TrucelineError):
    code = "T006"


class Skip(Exception):
    """A document that is passed over with a reason (empty, binary, not UTF-8, no article text, ...).

    Not a TrucelineError: skipping is the normal outcome for some inputs, recorded in the store, not a crash.
    """

    def __init__(self, reason: str, origin: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.origin = origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}" if self.origin else self.reason
