"""The deadline session's one reach into `requests`: a body read under a deadline, handed over."""

from __future__ import annotations

import json

import requests

from ollama_contract.contract._transport import deadline_session, filled


def test_a_filled_response_reads_as_one_requests_read_itself() -> None:
    """Fails if `requests` stops keeping a read body where `filled` puts it: then `content`,
    `text`, `json()` and iteration would read the (spent) connection instead, or raise."""
    body = json.dumps({"models": [{"name": "m"}]}).encode()
    response = requests.Response()
    response.status_code = 200
    response.headers["content-type"] = "application/json; charset=utf-8"
    response.encoding = "utf-8"
    filled(response, body)
    assert response.content == body
    assert response.text == body.decode()
    assert response.json() == {"models": [{"name": "m"}]}
    assert b"".join(response.iter_content(4)) == body


def test_the_deadline_session_answers_over_loopback() -> None:
    from ollama_contract.server import running_server

    with running_server() as url, deadline_session(lambda: 5.0) as session:
        response = session.get(f"{url}/api/version")
        assert response.status_code == 200 and "version" in response.json()
        streamed = session.post(f"{url}/api/pull", json={"model": "llama3.2"})
        lines = [json.loads(line) for line in streamed.content.splitlines() if line.strip()]
        assert lines and lines[-1]["status"] == "success"
