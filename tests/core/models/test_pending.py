"""Unfinished downloads survive a restart: the saved list, and what is already on disk."""

from __future__ import annotations

from pathlib import Path

from app.core.models.download import DownloadJob
from app.core.models.pending import FILE_NAME, job_label, load_pending, save_pending
from app.core.models.quants import RemoteFile


def split_job(models: Path) -> DownloadJob:
    files = tuple(
        RemoteFile(f"Q8_0/m-Q8_0-0000{i}-of-00002.gguf", 1000 * i, f"{i:064x}") for i in (1, 2)
    )
    return DownloadJob("owner/m-GGUF", "abc123", files, models)


def test_saved_jobs_come_back_with_the_bytes_already_fetched(tmp_path: Path) -> None:
    job = split_job(tmp_path)
    first = job.target(job.files[0])
    first.parent.mkdir(parents=True)
    first.write_bytes(b"x" * 1000)  # part 1 finished
    first.with_name(job.files[1].path.rsplit("/", 1)[1] + ".part").write_bytes(b"y" * 700)
    save_pending(tmp_path, [job])
    (restored,) = load_pending(tmp_path)
    assert restored.job == job
    assert restored.done == 1700
    assert str(restored.label) == "owner/m-GGUF · Q8_0" == str(job_label(job))


def test_no_file_an_empty_list_or_a_damaged_file_give_nothing(tmp_path: Path) -> None:
    assert load_pending(tmp_path) == []
    save_pending(tmp_path, [])
    assert not (tmp_path / FILE_NAME).exists()  # nothing written for nothing
    save_pending(tmp_path, [split_job(tmp_path)])
    save_pending(tmp_path, [])
    assert load_pending(tmp_path) == []
    (tmp_path / FILE_NAME).write_text('{"version": 1, "downloads": [{"repo": 3}]}')
    assert load_pending(tmp_path) == []
    (tmp_path / FILE_NAME).write_text("not json")
    assert load_pending(tmp_path) == []
