"""Query strings carry names and birth dates: the service hands nothing of a request to
OpenTelemetry, even in a process where a tracer provider is configured (FastAPI's native
telemetry would otherwise record every request as a span, its URL included)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.registry_process import REPO

pytestmark = pytest.mark.registry

# In a process of its own: a tracer provider, once set, is the process's for good.
_SCRIPT = """
import asyncio

import httpx
from fastapi import FastAPI
from opentelemetry import trace

from registry.api.app import create_app
from registry.config import load_settings

asked = []


class Recording(trace.TracerProvider):
    def get_tracer(self, *args, **kwargs):
        asked.append(args)
        return trace.NoOpTracer()


async def search(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://registry") as client:
        await client.get("/v1/residents/search", params={"name": "山田", "birth_date": "1980-01-02"})


trace.set_tracer_provider(Recording())
asyncio.run(search(FastAPI()))
plain = len(asked)
asyncio.run(search(create_app(load_settings("/nonexistent-state", "sqlite://"), background_jobs=False)))
print(plain, len(asked) - plain)
"""


def test_no_request_reaches_a_configured_tracer() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    plain_app, registry = map(int, done.stdout.split())
    assert plain_app > 0  # a FastAPI app as it comes asks the provider for a tracer
    assert registry == 0
