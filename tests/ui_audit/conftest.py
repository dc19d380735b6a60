"""The 監査 workspace's tests reuse the certificate screens' fixtures: a clerk's and a
supervisor's client logged in to the shared registry, the runner, a host window."""

from tests.ui_certificates.conftest import (  # noqa: F401  (fixtures)
    clerk,
    host,
    owner,
    personal_data,
    runner,
    supervisor,
)
