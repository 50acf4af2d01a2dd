"""The client's service API against a real aura-server: sentiment, privacy, jobs, deadlines and
cancellation."""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import List, Tuple

import pytest

from aurastream import AuraError, Client, StatusCode
from aurastream.messages import (DocumentFormat, Empty, HealthCheckResponse, JobState, RedactionMode, SentimentLabel,
                                 SleepRequest)

JOB_DEADLINE = 100.0  # jobs queue behind other tests' jobs on a busy machine


def test_health(client: Client) -> None:
    assert client.health() == HealthCheckResponse.ServingStatus.SERVING
    with pytest.raises(AuraError) as raised:
        client.health("no.such.Service")
    assert raised.value.code == StatusCode.NOT_FOUND


def test_analyze(client: Client) -> None:
    result = client.analyze("I love this, it is wonderful!")
    assert result.sentiment == SentimentLabel.POSITIVE and result.compound > 0
    assert result.language == "en" and "@" in result.analyzer
    assert client.analyze("This is awful and I hate it.").sentiment == SentimentLabel.NEGATIVE


def test_analyze_rejects_bad_texts_with_typed_errors(client: Client) -> None:
    for text in ("", "x" * 5001):
        with pytest.raises(AuraError) as raised:
            client.analyze(text)
        assert raised.value.code == StatusCode.INVALID_ARGUMENT and raised.value.message


def test_analyze_batch_fails_item_by_item(client: Client) -> None:
    results = client.analyze_batch(["good", "", "bad"])
    assert [r.index for r in results] == [0, 1, 2]
    assert results[0].result.sentiment == SentimentLabel.POSITIVE
    assert results[1].error.code == StatusCode.INVALID_ARGUMENT
    assert results[2].result.sentiment == SentimentLabel.NEGATIVE


def test_analyze_stream_in_order(client: Client) -> None:
    texts = ['I love it' if i % 2 else 'I hate it' for i in range(200)]
    results = list(client.analyze_stream(iter(texts)))
    assert [r.index for r in results] == list(range(200))
    assert all(r.result.sentiment == (SentimentLabel.POSITIVE if r.index % 2 else SentimentLabel.NEGATIVE)
               for r in results)


def test_analyze_stream_stopped_early_cancels_and_the_connection_goes_on(client: Client) -> None:
    stream = client.analyze_stream(f"text {i} is fine" for i in range(100_000))
    assert next(stream).index == 0
    stream.close()  # type: ignore[attr-defined]
    assert client.health() == HealthCheckResponse.ServingStatus.SERVING


def test_detect_pii_and_redact(client: Client) -> None:
    text = "Grüße 😀, write to john@example.com now"  # offsets count Unicode scalars
    found = client.detect_pii(text)
    assert [(e.type, text[e.begin_offset:e.end_offset]) for e in found.entities] == [("EMAIL", "john@example.com")]
    assert client.redact(text).redacted_text == "Grüße 😀, write to [EMAIL] now"
    masked = client.redact(text, mode=RedactionMode.MASK, mask_character="#").redacted_text
    assert masked == "Grüße 😀, write to " + "#" * len("john@example.com") + " now"


def test_deadline_exceeded_and_the_connection_goes_on(client: Client) -> None:
    with pytest.raises(AuraError) as raised:
        client.unary("/aura.TestService/Sleep", SleepRequest(duration_ms=60_000), Empty, timeout=0.2)
    assert raised.value.code == StatusCode.DEADLINE_EXCEEDED
    assert client.health() == HealthCheckResponse.ServingStatus.SERVING


def test_cancel_a_call_in_flight(client: Client) -> None:
    call = client.open("/aura.TestService/Sleep", Empty)
    call.send(SleepRequest(duration_ms=60_000), end=True)
    waiter = threading.Thread(target=call.cancel)
    waiter.start()
    error = call.wait()
    waiter.join()
    assert error is not None and error.code == StatusCode.CANCELLED
    with pytest.raises(AuraError):
        call.result()
    assert client.health() == HealthCheckResponse.ServingStatus.SERVING


def lines_document(count: int) -> bytes:
    moods = ["I love it", "I hate it", "It is a table", "Wonderful and awful"]
    return "".join(f"{moods[i % 4]}, line {i}\n" for i in range(count)).encode()


def test_one_job_from_submit_to_results(client: Client) -> None:
    document = lines_document(500)
    progress: List[Tuple[int, object]] = []
    chunks = (document[i:i + 1000] for i in range(0, len(document), 1000))
    submitted = client.submit(chunks, format=DocumentFormat.LINES, name="py", chunk_size=4096,
                              progress=lambda sent, total: progress.append((sent, total)))
    assert submitted.bytes == len(document) and submitted.sha256 == hashlib.sha256(document).hexdigest()
    assert progress[-1] == (len(document), None)
    states = [job.state for job in client.watch(submitted.job_id, timeout=JOB_DEADLINE)]
    assert states[-1] == JobState.COMPLETED
    job = client.job(submitted.job_id)
    assert job.records_total == 500 and job.records_done == 500 and job.summary.positive > 0
    results = list(client.results(submitted.job_id, timeout=JOB_DEADLINE))
    assert [r.index for r in results] == list(range(500))
    assert [r.line for r in results[:3]] == [1, 2, 3]
    assert results[1].result.sentiment == SentimentLabel.NEGATIVE
    assert [r.index for r in client.results(submitted.job_id, from_index=498)] == [498, 499]
    assert any(j.job_id == submitted.job_id for j in client.jobs())


def test_cancel_a_job(client: Client, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(lines_document(20_000))
    submitted = client.submit(path)
    cancelled = client.cancel(submitted.job_id)
    assert cancelled.state in (JobState.CANCELLED, JobState.COMPLETED)
    assert [j.state for j in client.watch(submitted.job_id, timeout=JOB_DEADLINE)][-1] == cancelled.state


def cut_after(client: Client, limit: int):  # type: ignore[no-untyped-def]
    """A progress callback that drops the connection (once) after ``limit`` bytes were sent."""
    state = {"cut": False}

    def progress(sent: int, total: object) -> None:
        if sent >= limit and not state["cut"]:
            state["cut"] = True
            client.connection._transport.close()
    return progress


def test_resumed_upload(client: Client, tmp_path: Path) -> None:
    document = lines_document(200_000)
    path = tmp_path / "big.txt"
    path.write_bytes(document)
    with pytest.raises(AuraError) as raised:
        client.submit(path, upload_id="py-resume-1", chunk_size=256 * 1024, resume_attempts=0,
                      progress=cut_after(client, 2 << 20))
    assert raised.value.code == StatusCode.UNAVAILABLE
    status = client.upload_status("py-resume-1")
    assert not status.completed and status.durable_bytes < len(document)
    resumed = client.resume_upload("py-resume-1", path)
    assert resumed.bytes == len(document) and resumed.sha256 == hashlib.sha256(document).hexdigest()
    assert client.upload_status("py-resume-1").completed
    client.cancel(resumed.job_id)  # its records are not the point: free the job workers for other tests


def test_submit_resumes_by_itself(client: Client, tmp_path: Path) -> None:
    document = lines_document(100_000)
    path = tmp_path / "doc.txt"
    path.write_bytes(document)
    with open(path, "rb") as file:
        submitted = client.submit(file, chunk_size=128 * 1024, progress=cut_after(client, 1 << 20))
    assert submitted.bytes == len(document) and submitted.sha256 == hashlib.sha256(document).hexdigest()
    assert client.job(submitted.job_id).bytes == len(document)
    client.cancel(submitted.job_id)


def test_the_api_key_is_required_and_checked(secured_server: Tuple[Tuple[str, int], str]) -> None:
    server, admin_key = secured_server
    for key in (None, "aura_0000000000000000_" + "0" * 64):
        with Client(*server, api_key=key, timeout=30) as anonymous:
            with pytest.raises(AuraError) as refused:
                anonymous.analyze("I love it")
            assert refused.value.code == StatusCode.UNAUTHENTICATED
    with Client(*server, api_key=admin_key, timeout=30) as admitted:
        assert admitted.analyze("I love it").sentiment == SentimentLabel.POSITIVE


def test_asyncio_variant(server: Tuple[str, int]) -> None:
    import asyncio

    from aurastream.aio import AsyncClient

    async def main() -> None:
        async with AsyncClient(*server, timeout=30) as aura:
            results = await asyncio.gather(*(aura.analyze("I love it" if i % 2 else "I hate it") for i in range(100)))
            assert [r.sentiment for r in results] == [SentimentLabel.POSITIVE if i % 2 else SentimentLabel.NEGATIVE
                                                      for i in range(100)]
            with pytest.raises(AuraError):
                await aura.analyze("")
            submitted = await aura.submit(iter([lines_document(20)]))
            states = [job.state async for job in aura.watch(submitted.job_id, timeout=JOB_DEADLINE)]
            assert states[-1] == JobState.COMPLETED
            assert [r.index async for r in aura.results(submitted.job_id)] == list(range(20))
            assert (await aura.job(submitted.job_id)).records_total == 20

    asyncio.run(main())
