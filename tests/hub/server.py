"""A local stand-in for the Hugging Face Hub: real HTTP on 127.0.0.1, with injectable faults.

It serves the subset of the Hub API that Hearth's huggingface_hub calls and its downloader use:
  GET  /api/models                              search (search, author, filter, sort, limit)
  GET  /api/models/{repo}[/revision/{rev}]      model info; `blobs=true` adds sizes and sha256
  POST /api/models/{repo}/paths-info/{rev}      sizes and LFS sha256 of named paths
  GET  /api/models/{repo}/tree/{rev}[/{dir}]    the file tree
  HEAD/GET /{repo}/resolve/{rev}/{path}         the file: ETag, X-Repo-Commit, sizes, Range
Gated repos answer 401 (X-Error-Code: GatedRepo) to file requests without the right token.

Faults (`LocalHub.faults`, applied to file GETs): drop the connection after N bytes, stall,
hold mid-file until the test lets go, ignore Range, flip one byte, answer 5xx a number of
times; answer every API request with a given status and a non-JSON body (`api_status`), or
send model JSON of the Hub's shape with some fields replaced (`model_fields`).
Every file GET is recorded with the bytes actually sent, so tests can assert what a
resume re-fetched.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

TOKEN = "hf_localhub_secret"
CHUNK = 256 * 1024


@dataclass
class HubFile:
    path: str
    source: Path
    lfs: bool = True  # False: a small file kept in git itself (listed with its blob id only)

    @property
    def size(self) -> int:
        return self.source.stat().st_size

    @property
    def sha256(self) -> str:
        return _sha256(self.source)

    @property
    def blob_id(self) -> str:
        """The git blob id: for an LFS file, that of its pointer (as on the real hub)."""
        if self.lfs:
            return hashlib.sha1(self.path.encode()).hexdigest()
        data = self.source.read_bytes()
        return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class HubRepo:
    repo_id: str
    files: list[HubFile]
    gated: bool = False
    downloads: int = 0
    likes: int = 0
    last_modified: str = "2026-10-01T12:00:00.000Z"
    license: str = "apache-2.0"
    sha: str = ""
    library: str = "gguf"  # or "sentence-transformers"

    def __post_init__(self) -> None:
        self.sha = self.sha or hashlib.sha1(self.repo_id.encode()).hexdigest()

    def file(self, path: str) -> HubFile | None:
        return next((f for f in self.files if f.path == path), None)


@dataclass
class Faults:
    drop_after: int | None = None  # close the connection after this many body bytes
    drop_times: int = 1  # …for this many responses
    stall_s: float = 0.0  # sleep this long after `stall_after` bytes…
    stall_after: int = 0
    stall_times: int = 1  # …in this many responses
    ignore_range: bool = False
    flip_byte_at: int | None = None  # the byte at this file offset is sent inverted
    fail_times: int = 0  # answer this many file requests with `fail_status`
    fail_status: int = 503
    only_path: str | None = None  # apply to this file only
    hold: threading.Event | None = None  # after `hold_after` bytes, wait until this is set
    hold_after: int = 0
    # API requests (/api/...), not file GETs: answer them all with this status and body
    # (e.g. 200 with an HTML page, as a captive portal or a misconfigured mirror does, or 401)
    api_status: int | None = None
    api_body: bytes = b"<html><body>Sign in to the Wi-Fi</body></html>"
    # model JSON (search results and model info): these fields replace the repo's own, e.g.
    # {"siblings": [{"rfilename": 5}]} or {"downloads": "many"}: the Hub's shape, wrong types
    model_fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Served:
    method: str
    path: str
    range: str | None
    status: int
    sent: int = 0


@dataclass
class LocalHub:
    repos: dict[str, HubRepo] = field(default_factory=dict)
    faults: Faults = field(default_factory=Faults)
    served: list[Served] = field(default_factory=list)
    url: str = ""
    _server: ThreadingHTTPServer | None = None

    def add(self, repo: HubRepo) -> None:
        self.repos[repo.repo_id] = repo

    def start(self) -> LocalHub:
        hub = self

        class Handler(_Handler):
            owner = hub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def file_gets(self, path: str) -> list[Served]:
        return [s for s in self.served if s.method == "GET" and s.path.endswith("/" + path)]


class _Handler(BaseHTTPRequestHandler):
    owner: LocalHub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    # -- routing -----------------------------------------------------------------------

    def do_GET(self) -> None:
        self._route("GET")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_POST(self) -> None:
        self._route("POST")

    def _route(self, method: str) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = [unquote(p) for p in url.path.strip("/").split("/")]
        if parts[:1] == ["api"] and self.owner.faults.api_status is not None:
            return self._raw(self.owner.faults.api_status, self.owner.faults.api_body)
        if parts[:2] == ["api", "models"] and len(parts) == 2 and method == "GET":
            return self._search(query)
        if parts[:2] == ["api", "models"] and len(parts) >= 4:
            repo = self.owner.repos.get(f"{parts[2]}/{parts[3]}")
            if repo is None:
                return self._error(404, "RepoNotFound", "Repository not found")
            rest = parts[4:]
            if not rest or rest[0] == "revision":
                model = _model_json(repo, blobs="blobs" in query)
                return self._json(model | self.owner.faults.model_fields)
            if rest[0] == "tree":
                return self._json([_file_json(f) for f in repo.files])
        if len(parts) >= 5 and parts[2] == "resolve":
            repo = self.owner.repos.get(f"{parts[0]}/{parts[1]}")
            if repo is None:
                return self._error(404, "RepoNotFound", "Repository not found")
            hub_file = repo.file("/".join(parts[4:]))
            if hub_file is None:
                return self._error(404, "EntryNotFound", "Entry not found")
            return self._resolve(method, repo, hub_file)
        self._error(404, "", "Not found")

    # -- API ---------------------------------------------------------------------------

    def _search(self, query: dict[str, list[str]]) -> None:
        text = query.get("search", [""])[0].lower()
        wanted = set(query.get("filter", []))
        author = query.get("author", [""])[0]
        found = [
            r
            for r in self.owner.repos.values()
            if text in r.repo_id.lower()
            and wanted <= set(_tags(r))
            and (not author or r.repo_id.split("/")[0] == author)
        ]
        key = query.get("sort", ["downloads"])[0]
        sort_key = {"likes": lambda r: r.likes, "lastModified": lambda r: r.last_modified}.get(
            key, lambda r: r.downloads
        )
        found.sort(key=sort_key, reverse=True)
        limit = int(query.get("limit", ["1000"])[0])
        fields = self.owner.faults.model_fields
        self._json([_model_json(r, blobs=False) | fields for r in found[:limit]])

    def _resolve(self, method: str, repo: HubRepo, hub_file: HubFile) -> None:
        record = Served(method, self.path, self.headers.get("Range"), 200)
        self.owner.served.append(record)
        if repo.gated and self.headers.get("Authorization") != f"Bearer {TOKEN}":
            record.status = 401
            return self._error(401, "GatedRepo", "Access to this gated repo is restricted.")
        faults = self.owner.faults
        applies = faults.only_path in (None, hub_file.path)
        if method == "GET" and applies and faults.fail_times > 0:
            faults.fail_times -= 1
            record.status = faults.fail_status
            return self._error(faults.fail_status, "", "Service unavailable, try again")
        size = hub_file.size
        start, end = 0, size - 1
        wanted = self.headers.get("Range")
        partial = False
        if wanted and not (applies and faults.ignore_range):
            first, _, last = wanted.removeprefix("bytes=").partition("-")
            start = int(first)
            end = min(int(last), size - 1) if last else size - 1
            if start >= size:
                record.status = 416
                return self._error(416, "", "Range not satisfiable")
            partial = True
        record.status = 206 if partial else 200
        self.send_response(record.status)
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{hub_file.sha256}"')
        self.send_header("X-Linked-Etag", f'"{hub_file.sha256}"')
        self.send_header("X-Linked-Size", str(size))
        self.send_header("X-Repo-Commit", repo.sha)
        self.send_header("Last-Modified", formatdate(usegmt=True))
        if partial:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.end_headers()
        if method == "GET":
            self._send_body(hub_file, start, end, record, faults if applies else Faults())

    def _send_body(
        self, hub_file: HubFile, start: int, end: int, record: Served, faults: Faults
    ) -> None:
        drop = faults.drop_after if faults.drop_times > 0 else None
        if drop is not None:
            faults.drop_times -= 1
        stalled = faults.stall_times <= 0
        with hub_file.source.open("rb") as handle:
            handle.seek(start)
            pos = start
            while pos <= end:
                block = bytearray(handle.read(min(CHUNK, end - pos + 1)))
                flip = faults.flip_byte_at
                if flip is not None and pos <= flip < pos + len(block):
                    block[flip - pos] ^= 0xFF
                if drop is not None and record.sent + len(block) > drop:
                    block = block[: drop - record.sent]
                if faults.hold is not None and record.sent >= faults.hold_after:
                    faults.hold.wait(30)  # the test looks at the download mid-way, then lets go
                if faults.stall_s and not stalled and record.sent >= faults.stall_after:
                    stalled = True
                    faults.stall_times -= 1
                    time.sleep(faults.stall_s)
                try:
                    self.wfile.write(block)
                except OSError:
                    break
                record.sent += len(block)
                pos += len(block)
                if drop is not None and record.sent >= drop:
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)  # the network "drops"
                    return

    # -- helpers -----------------------------------------------------------------------

    def _json(self, value: Any) -> None:
        body = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _raw(self, status: int, body: bytes) -> None:
        """An answer that is not the JSON the Hub API sends (see `Faults.api_status`)."""
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, code: str, message: str) -> None:
        body = json.dumps({"error": message}).encode()
        self.send_response(status)
        if code:
            self.send_header("X-Error-Code", code)
            self.send_header("X-Error-Message", message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _tags(repo: HubRepo) -> list[str]:
    return [repo.library, _pipeline(repo), f"license:{repo.license}"]


def _pipeline(repo: HubRepo) -> str:
    return "text-generation" if repo.library == "gguf" else "sentence-similarity"


def _model_json(repo: HubRepo, blobs: bool) -> dict[str, Any]:
    siblings: list[dict[str, Any]] = []
    for f in repo.files:
        entry: dict[str, Any] = {"rfilename": f.path}
        if blobs:
            entry |= {"size": f.size, "blobId": f.blob_id}
            if f.lfs:
                entry["lfs"] = {"size": f.size, "sha256": f.sha256, "pointerSize": 135}
        siblings.append(entry)
    return {
        "_id": repo.sha[:24],
        "id": repo.repo_id,
        "modelId": repo.repo_id,
        "author": repo.repo_id.split("/")[0],
        "sha": repo.sha,
        "lastModified": repo.last_modified,
        "createdAt": repo.last_modified,
        "private": False,
        "gated": "manual" if repo.gated else False,
        "disabled": False,
        "downloads": repo.downloads,
        "likes": repo.likes,
        "library_name": repo.library,
        "pipeline_tag": _pipeline(repo),
        "tags": _tags(repo),
        "cardData": {"license": repo.license},
        "siblings": siblings,
    }


def _file_json(f: HubFile) -> dict[str, Any]:
    entry: dict[str, Any] = {"type": "file", "path": f.path, "size": f.size, "oid": f.blob_id}
    if f.lfs:
        entry["lfs"] = {"oid": f.sha256, "size": f.size, "pointerSize": 135}
    return entry


_HASHES: dict[tuple[Path, int, int], str] = {}


def _sha256(path: Path) -> str:
    stat = path.stat()
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _HASHES:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
        _HASHES[key] = digest.hexdigest()
    return _HASHES[key]


def serve_forever(repo_id: str, files: list[tuple[str, Path]]) -> None:
    """Run a hub in this process until killed; prints its URL first (for benchmarks, so the
    server does not share the client's GIL)."""
    hub = LocalHub()
    hub.add(HubRepo(repo_id, [HubFile(name, path) for name, path in files]))
    hub.start()
    print(hub.url, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    import sys

    serve_forever(sys.argv[1], [(sys.argv[2], Path(sys.argv[3]))])
