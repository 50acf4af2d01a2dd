"""The span file of `aura-server --trace-file` read by an independent OTLP implementation: every
line must parse as an `ExportTraceServiceRequest` with the opentelemetry-proto package's own
protobuf classes (google.protobuf.json_format), as an OpenTelemetry collector would ingest it."""
from __future__ import annotations

import base64
import json
import re
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any, Dict, List

import pytest
from google.protobuf import json_format
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2  # pip install opentelemetry-proto (.ci/run)
from opentelemetry.proto.trace.v1 import trace_pb2

from aurastream import Client
from aurastream.messages import DocumentFormat, JobState

from conftest import SERVER, _listening_port


TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE_ID}-00f067aa0ba902b7-01"


def _as_protobuf_json(value: Any) -> Any:
    """OTLP/JSON writes traceId, spanId and parentSpanId as hex where protobuf's JSON mapping
    has base64 (the collector's decoder special-cases them): turn them into base64 after
    checking their length, so that json_format checks everything else strictly."""
    if isinstance(value, list):
        return [_as_protobuf_json(item) for item in value]
    if not isinstance(value, dict):
        return value
    converted = {}
    for key, item in value.items():
        if key in ("traceId", "spanId", "parentSpanId"):
            assert re.fullmatch(r"[0-9a-f]{32}" if key == "traceId" else r"[0-9a-f]{16}", item), (key, item)
            item = base64.b64encode(bytes.fromhex(item)).decode()
        converted[key] = _as_protobuf_json(item)
    return converted


def _spans_written(arguments: List[str], calls) -> List[Any]:
    """Runs aura-server with a span file, makes `calls` with a client, stops the server with
    SIGTERM (which writes what is queued) and returns the spans of every line, parsed."""
    with tempfile.TemporaryDirectory(prefix="aura-py-trace-") as data:
        spans_path = Path(data) / "spans.jsonl"
        process = subprocess.Popen([str(SERVER), "--auth", "off", "--addr", "127.0.0.1:0", "--data-dir", data,
                                    "--trace-file", str(spans_path), *arguments],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = _listening_port(process)
            threading.Thread(target=process.stdout.read, daemon=True).start()  # type: ignore[union-attr]
            calls(port)
        finally:
            process.terminate()
            if process.wait(timeout=30) != 0:
                pytest.fail(f"aura-server exited with {process.returncode}")
        spans = []
        for line in spans_path.read_text().splitlines():
            request = json_format.Parse(json.dumps(_as_protobuf_json(json.loads(line))),
                                        trace_service_pb2.ExportTraceServiceRequest())
            assert len(request.resource_spans) == 1
            resource_spans = request.resource_spans[0]
            names = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
            assert names["service.name"] == "aura-server"
            for scope in resource_spans.scope_spans:
                assert scope.scope.name == "aurastream"
                spans.extend(scope.spans)
        return spans


def test_span_file_is_otlp_json_with_linked_spans() -> None:
    job: Dict[str, str] = {}

    def calls(port: int) -> None:
        with Client("127.0.0.1", port, timeout=60, metadata=[("traceparent", TRACEPARENT.encode())]) as client:
            assert client.analyze("I love it").compound > 0
            submitted = client.submit([b"great service\nterrible food\n"], format=DocumentFormat.LINES, name="traced")
            states = [state.state for state in client.watch(submitted.job_id, timeout=60)]
            assert states[-1] == JobState.COMPLETED
            job["id"] = submitted.job_id

    spans = _spans_written(["--trace-sample-rate", "0"], calls)
    assert spans, "no span written"
    for span in spans:
        assert span.trace_id.hex() == TRACE_ID  # every call carried the trace; the rate of 0 does not matter
        assert len(span.span_id) == 8 and span.end_time_unix_nano >= span.start_time_unix_nano > 0
    by_id = {span.span_id: span for span in spans}
    analyze = next(s for s in spans if s.name == "aura.Sentiment/Analyze")
    assert analyze.kind == trace_pb2.Span.SPAN_KIND_SERVER
    assert analyze.parent_span_id.hex() == "00f067aa0ba902b7"
    plugin = next(s for s in spans if s.parent_span_id == analyze.span_id)
    attributes = {a.key: a.value.string_value or a.value.int_value for a in plugin.attributes}
    assert attributes["aura.plugin.kind"] == "analyzer" and attributes["aura.plugin.name"] and attributes["aura.plugin.version"]

    submit = next(s for s in spans if s.name == "aura.Jobs/Submit")
    processing = next(s for s in spans if s.name == "aura.Jobs/process")
    assert processing.parent_span_id == submit.span_id
    assert {a.key: a.value.string_value for a in processing.attributes}["aura.job.id"] == job["id"]
    assert any(s.parent_span_id == processing.span_id and s.name.startswith("analyze ") for s in spans)
    assert all(s.parent_span_id in by_id or s.parent_span_id.hex() == "00f067aa0ba902b7" for s in spans)
