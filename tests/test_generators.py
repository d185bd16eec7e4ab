"""Generators chosen by name; model servers that are missing or that invent figures.

The OpenAI-compatible endpoint is a small HTTP server started here that speaks /v1/chat/completions
(a paid API cannot run in tests); everything else is real: the store, the model, the verification.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

import cli
from core.errors import ConfigError
from core.models import Answer, Turn
from retrieval.assistant import Assistant
from retrieval.generators import ExtractiveGenerator, get_generator
from retrieval.generators.chat import ChatGenerator
from retrieval.generators.prompt import OPEN_TAG

QUESTION = "How many children were on a child protection plan at 31 October 2017 in Doncaster?"


class FakeOpenAI:
    """An OpenAI-compatible chat server on localhost: ``reply`` writes the completion from the request."""

    def __init__(self, reply: Callable[[dict[str, Any]], str]) -> None:
        self.reply = reply
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                if not self.path.endswith("/chat/completions"):
                    self.send_error(404)
                    return
                text = fake.reply(body)
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for piece in re.findall(r"\S+\s*", text):
                        self._event({"delta": {"role": "assistant", "content": piece}, "finish_reason": None})
                    self._event({"delta": {}, "finish_reason": "stop"})
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                data = json.dumps({"id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                                   "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                                "finish_reason": "stop"}],
                                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _event(self, choice: dict[str, Any]) -> None:
                chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "fake",
                         "choices": [{"index": 0, **choice}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def passage_number(request: dict[str, Any], needle: str) -> int:
    """The [n] of the passage in the prompt whose text contains ``needle``, as a faithful model would cite it."""
    user = request["messages"][-1]["content"]
    for block in user.split(OPEN_TAG)[1:]:
        if needle in block:
            return int(re.match(r"\s*\[(\d+)\]", block).group(1))  # type: ignore[union-attr]
    raise AssertionError(f"no passage with {needle!r} in the prompt")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_urls(assistant: Assistant, openai_url: str | None = None, ollama_url: str | None = None) -> Assistant:
    """An assistant on the small index whose model servers are at the given addresses."""
    return Assistant(replace(assistant.settings, openai_base_url=openai_url, ollama_url=ollama_url))


def final(pieces: Iterator[str | Answer]) -> tuple[list[str], Answer]:
    out = list(pieces)
    assert all(isinstance(p, str) for p in out[:-1]) and isinstance(out[-1], Answer)
    return out[:-1], out[-1]  # type: ignore[return-value]


def test_generators_are_chosen_by_name_and_a_wrong_name_lists_the_valid_ones() -> None:
    assert isinstance(get_generator("extractive"), ExtractiveGenerator)
    llama = get_generator("llamacpp")
    assert isinstance(llama, ChatGenerator) and llama.name == "llamacpp"
    assert get_generator("llamacpp") is llama  # made once per process
    assert get_generator("ollama:llama3.2").name == "ollama:llama3.2"
    with pytest.raises(ConfigError, match=r"choose one of: extractive, llamacpp\[:PATH\], ollama:MODEL, openai:MODEL"):
        get_generator("gpt4")
    with pytest.raises(ConfigError, match="needs a model name: --generator openai:MODEL"):
        get_generator("openai")


def test_the_default_stays_the_extractive_answerer(small_assistant: Assistant) -> None:
    default = small_assistant.ask(QUESTION)
    assert default.generator == "extractive" and default.verification.checked == 0
    assert small_assistant.ask(QUESTION, generator="extractive") == default
    pieces, streamed = final(small_assistant.ask_stream(QUESTION))
    assert pieces == [default.text] and streamed == default


def test_a_missing_ollama_server_falls_back_with_one_clear_message(small_assistant: Assistant) -> None:
    assistant = with_urls(small_assistant, ollama_url=f"http://127.0.0.1:{closed_port()}")
    answer = assistant.ask(QUESTION, generator="ollama:llama3.2")
    assert answer.generator == "extractive" and "353" in answer.text and answer.citations
    note = next(n for n in answer.notes if n.startswith("ollama:llama3.2 is not available"))
    assert "ollama serve" in note and "MINUTES_OLLAMA_URL" in note
    assert "fell back from ollama:llama3.2 to the extractive answer" in answer.notes


def test_a_missing_openai_server_or_key_falls_back_with_one_clear_message(small_assistant: Assistant,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assistant = with_urls(small_assistant, openai_url=f"http://127.0.0.1:{closed_port()}/v1")
    answer = assistant.ask(QUESTION, generator="openai:gpt-4o-mini")
    assert answer.generator == "extractive" and answer.citations
    assert any(n.startswith("openai:gpt-4o-mini is not available (Connection error") for n in answer.notes), answer.notes
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    answer = with_urls(small_assistant).ask(QUESTION, generator="openai:gpt-4o")
    assert answer.generator == "extractive"
    assert "openai:gpt-4o: set OPENAI_API_KEY, or MINUTES_OPENAI_BASE_URL for a local OpenAI-compatible server" in answer.notes


def test_a_faithful_completion_is_kept_and_streamed(small_assistant: Assistant) -> None:
    def reply(request: dict[str, Any]) -> str:
        n = passage_number(request, "353 children")
        return f"At 31 October 2017, 353 children were the subject of a child protection plan [{n}]. " \
               f"That was a rate of 53.9 per 10,000 children [{n}]."

    with FakeOpenAI(reply) as server:
        pieces, answer = final(with_urls(small_assistant, server.url).ask_stream(QUESTION, generator="openai:fake-model"))
    assert len(pieces) > 5 and "".join(pieces).startswith("At 31 October 2017")
    assert answer.generator == "openai:fake-model" and not answer.abstained
    assert answer.text == ("At 31 October 2017, 353 children were the subject of a child protection plan. [1] "
                           "That was a rate of 53.9 per 10,000 children. [1]")
    assert answer.verification.checked == 2 and answer.verification.dropped == ()
    assert {c.n for c in answer.citations} == {1}
    assert all(c.quote in c.passage.text and "353" in c.passage.text for c in answer.citations)
    request = server.requests[0]
    assert request["model"] == "fake-model" and request["temperature"] == 0.0
    assert request["messages"][0]["role"] == "system" and QUESTION in request["messages"][-1]["content"]


def test_a_completion_with_a_fabricated_figure_loses_that_sentence(small_assistant: Assistant) -> None:
    def reply(request: dict[str, Any]) -> str:
        n = passage_number(request, "353 children")
        return f"At 31 October 2017, 353 children were the subject of a child protection plan [{n}]. " \
               f"This was an increase of 48% on the previous year [{n}]."

    with FakeOpenAI(reply) as server:
        answer = with_urls(small_assistant, server.url).ask(QUESTION, generator="openai:fake-model")
    assert answer.generator == "openai:fake-model"
    assert "48%" not in answer.text and "353 children" in answer.text
    assert answer.verification.checked == 2
    assert answer.verification.dropped == (("This was an increase of 48% on the previous year [{}].".format(
        passage_number(server.requests[0], "353 children")), "number 48 is not in the cited passage"),)
    assert answer.notes == ("verification removed 1 of 2 sentences",)


def test_a_completion_that_fails_entirely_falls_back_to_the_extractive_answer(small_assistant: Assistant) -> None:
    with FakeOpenAI(lambda request: "Doncaster had 1,200 children on plans [1]. Ofsted rated it Outstanding [9].") as server:
        answer = with_urls(small_assistant, server.url).ask(QUESTION, generator="openai:fake-model")
    assert answer.generator == "extractive" and answer.text == small_assistant.ask(QUESTION).text
    assert [r for _, r in answer.verification.dropped] == ["number 1200 is not in the cited passage",
                                                          "cites [9], which is not a retrieved passage"]
    assert "fell back from openai:fake-model to the extractive answer" in answer.notes


def test_follow_ups_send_the_conversation_history(small_assistant: Assistant) -> None:
    first = small_assistant.ask(QUESTION)
    with FakeOpenAI(lambda request: "I could not find this in the papers.") as server:
        answer = with_urls(small_assistant, server.url).ask("And what rate per 10,000 was that?", generator="openai:fake-model",
                                                             history=(Turn(QUESTION, first.text),))
    roles = [m["role"] for m in server.requests[0]["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    assert server.requests[0]["messages"][1]["content"] == QUESTION
    assert "[1]" not in server.requests[0]["messages"][2]["content"]
    assert answer.generator == "extractive" and "the model found no answer in the passages" in answer.notes


def test_cli_ask_json_reports_generator_and_verification(small_assistant: Assistant, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    def reply(request: dict[str, Any]) -> str:
        n = passage_number(request, "353 children")
        return f"At 31 October 2017, 353 children were on a child protection plan [{n}]. It rose to 400 [{n}]."

    index = str(small_assistant.settings.index_path)
    with FakeOpenAI(reply) as server:
        monkeypatch.setenv("MINUTES_OPENAI_BASE_URL", server.url)
        code = cli.main(["ask", QUESTION, "--index", index, "--json", "--generator", "openai:fake-model"])
    data = json.loads(capsys.readouterr().out)
    assert code == cli.EXIT_OK and data["generator"] == "openai:fake-model"
    assert data["verification"]["checked"] == 2
    assert data["verification"]["dropped"][0]["reason"] == "number 400 is not in the cited passage"
    assert cli.main(["ask", QUESTION, "--index", index, "--generator", "bard"]) == cli.EXIT_ERROR
    assert "choose one of: extractive, llamacpp[:PATH], ollama:MODEL, openai:MODEL" in capsys.readouterr().err
