"""Loading URLs from a real HTTP server on 127.0.0.1: charsets, limits and network failures."""

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from riwaya.core.errors import LoadError
from riwaya.core.load import load_all, load_one

FIRST = "أعلنت وزارة الصحة في بيان صدر صباح اليوم أن عدد الضحايا ارتفع إلى ثلاثين شخصاً."
SECOND = "وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ تعمل منذ ساعات الفجر الأولى."
PAGE = (
    "<html><head><title>انهيار مبنى</title></head><body><nav><a href='/'>الرئيسية</a></nav>"
    f"<article><p>{FIRST}</p><p>{SECOND}</p></article><script>var x = 'SCRIPT';</script>"
    "</body></html>"
)


class Handler(BaseHTTPRequestHandler):
    """Each path is one behaviour of a web server that riwaya must cope with."""

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        route = {
            "/article": lambda: self.send("text/html; charset=utf-8", PAGE.encode()),
            "/plain": lambda: self.send("text/plain", FIRST.encode()),
            "/latin1-header": lambda: self.send("text/html; charset=iso-8859-1", PAGE.encode()),
            "/cp1256-as-utf8": lambda: self.send("text/html; charset=utf-8", PAGE.encode("cp1256")),
            "/moved": lambda: self.redirect("/article"),
            "/loop": lambda: self.redirect("/loop"),
            "/slow": self.slow,
            "/drip": self.drip,
            "/huge": lambda: self.send("text/plain", b"a" * 200_000),
            "/huge-unannounced": self.huge_unannounced,
        }.get(self.path)
        if route is None:
            self.send_error(404)
        else:
            route()

    def send(self, content_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        time.sleep(2)
        self.send("text/plain", FIRST.encode())

    def drip(self) -> None:
        """Headers at once, then a byte every 0.2 s: each read is quick, the whole is not."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "40")
        self.end_headers()
        for _ in range(40):
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.2)

    def huge_unannounced(self) -> None:
        """No Content-Length: the body ends when the connection closes (HTTP/1.0)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(32):
            self.wfile.write(b"b" * 65_536)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (timeout, size cap) breaks the pipe: expected here."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment must not stand between the test and its own server."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


def fetch_error(url: str, **options: object) -> str:
    with pytest.raises(LoadError) as caught:
        load_one(url, **options)
    return str(caught.value)


def test_page(server: str) -> None:
    [loaded] = load_one(f"{server}/article")
    assert FIRST in loaded.text and SECOND in loaded.text
    assert "SCRIPT" not in loaded.text and "الرئيسية" not in loaded.text
    assert (loaded.label, loaded.origin, loaded.encoding) == (
        "انهيار مبنى",
        f"{server}/article",
        "utf-8",
    )
    assert loaded.warnings == ()


def test_plain_text_is_named_after_host_and_path(server: str) -> None:
    [loaded] = load_one(f"{server}/plain")
    assert loaded.text == FIRST
    assert loaded.label == f"{server.removeprefix('http://')}/plain"


def test_redirect_is_followed(server: str) -> None:
    [loaded] = load_one(f"{server}/moved")
    assert FIRST in loaded.text


def test_header_charset_that_lies_about_utf8(server: str) -> None:
    [loaded] = load_one(f"{server}/latin1-header")
    assert FIRST in loaded.text
    assert loaded.encoding == "utf-8"
    assert loaded.warnings == ("declared charset iso-8859-1 ignored: the text is valid UTF-8",)


def test_cp1256_page_declared_as_utf8(server: str) -> None:
    [loaded] = load_one(f"{server}/cp1256-as-utf8")
    assert FIRST in loaded.text
    assert loaded.encoding == "cp1256"
    assert loaded.warnings == ("declared charset utf-8 does not fit the text; decoded as cp1256",)


def test_redirect_loop(server: str) -> None:
    url = f"{server}/loop"
    assert fetch_error(url) == f"could not fetch {url}: too many redirects"


@pytest.mark.parametrize("path", ["/slow", "/drip"])
def test_slow_server_times_out(server: str, path: str) -> None:
    url = f"{server}{path}"
    started = time.monotonic()
    assert fetch_error(url, timeout=0.5) == f"could not fetch {url}: timed out after 0.5 s"
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("path", ["/huge", "/huge-unannounced"])
def test_body_over_the_cap(server: str, path: str) -> None:
    url = f"{server}{path}"
    expected = f"could not fetch {url}: larger than 64 KB (raise the cap with --max-size)"
    assert fetch_error(url, max_bytes=64 * 1024) == expected


def test_not_found(server: str) -> None:
    url = f"{server}/missing"
    assert fetch_error(url) == f"could not fetch {url}: HTTP 404"


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news"
    assert fetch_error(url) == f"could not fetch {url}: connection refused"


def test_load_all_reports_a_failed_url_and_keeps_the_rest(server: str) -> None:
    texts, skipped = load_all([f"{server}/article", f"{server}/missing"])
    assert [t.label for t in texts] == ["انهيار مبنى"]
    assert [s.reason for s in skipped] == [f"could not fetch {server}/missing: HTTP 404"]
