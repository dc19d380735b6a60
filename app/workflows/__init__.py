"""GUI-free state machines for the counter workflows (Electrum's wizard, app/ side).

Each flow keeps what the clerk typed and what the registry answered, decides the next step,
and hands the UI *jobs*: plain callables that make one registry call and return plain values.
The UI runs a job on a worker (ui/operations.py) and gives the outcome back to the flow on the
UI thread (`searched`, `drafted`, `commit_failed`, ...). Tests drive the flows with plain dicts
and a fake API, without Qt.

Every flow holds resident data and is a PersonalDataHolder: a lock empties it.
"""

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
Job = Callable[[], T]

__all__ = ["Job"]
