"""Cheap draws from a `random.Random`.

`Random.randint` and `Random.choice` go through several Python-level calls each (~0.5 µs);
a city of 10^6 people makes tens of millions of draws, so the hot paths use one `random()` call.
The results are just as deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def between(rng: random.Random, lo: int, hi: int) -> int:
    """An integer in [lo, hi], both ends included (hi < lo gives lo)."""
    return lo + int(rng.random() * (hi - lo + 1)) if hi > lo else lo


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One element of a non-empty sequence, uniformly."""
    return items[int(rng.random() * len(items))]
