"""A boto3 Pinpoint client for journey-runs-mock: signed, standard retry mode, and retries that do not sleep."""

from __future__ import annotations

from typing import Any, Optional


def pinpoint_client(
    endpoint_url: str,
    *,
    access_key_id: str,
    secret_access_key: str,
    region_name: str = "us-east-1",
    max_attempts: int = 3,
    sleep_between_retries: bool = False,
    config: Optional[Any] = None,
) -> Any:
    """A boto3 `pinpoint` client pointed at the fake.

    Retries use boto3's standard mode with `max_attempts` attempts in all (3, as AWS SDKs default to), and, unless
    `sleep_between_retries`, without the backoff's sleeps, so a test of retries takes no wall-clock time.
    `config` (a `botocore.config.Config`) is merged over these defaults.
    """
    import boto3
    from botocore.config import Config

    merged = Config(retries={"mode": "standard", "total_max_attempts": max_attempts})
    if config is not None:
        merged = merged.merge(config)
    client = boto3.client(
        "pinpoint",
        endpoint_url=endpoint_url,
        region_name=region_name,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        config=merged,
    )
    if not sleep_between_retries:
        retry_without_sleeping(client)
    return client


def retry_without_sleeping(client: Any) -> None:
    """Keeps the client's standard-mode retry decisions (what is retried, and how many attempts) and makes every
    delay between attempts zero, so a test of retries takes no wall-clock time.

    Unlike a real client, no retry quota applies: a long-lived client whose calls failed often stops retrying
    once its quota runs out, which would make a test's attempts depend on the tests before it. botocore sleeps
    for the delay its `needs-retry` handler returns; this replaces that handler (registered under the unique id
    `retry-config-<service>`) by botocore's own standard handler with a zero delay and an unbounded quota. Only
    the standard retry mode is supported."""
    from botocore.retries import standard

    mode = client.meta.config.retries.get("mode", "legacy")
    if mode != "standard":
        raise ValueError(f"retry_without_sleeping needs the standard retry mode; the client uses {mode!r}.")
    attempts = client.meta.config.retries.get("total_max_attempts") or standard.DEFAULT_MAX_ATTEMPTS
    handler = standard.RetryHandler(
        retry_policy=standard.RetryPolicy(
            retry_checker=standard.StandardRetryConditions(max_attempts=attempts), retry_backoff=_NoDelay()
        ),
        retry_event_adapter=standard.RetryEventAdapter(),
        retry_quota=_UnboundedQuota(),
    )
    name = client.meta.service_model.service_id.hyphenize()
    event, unique_id = f"needs-retry.{name}", f"retry-config-{name}"
    client.meta.events.unregister(event, unique_id=unique_id)
    client.meta.events.register(event, handler.needs_retry, unique_id=unique_id)


class _NoDelay:
    def delay_amount(self, context: Any) -> float:
        return 0


class _UnboundedQuota:
    def acquire_retry_quota(self, context: Any) -> bool:
        return True

    def release_retry_quota(self, context: Any, http_response: Any, **kwargs: Any) -> None:
        return None
