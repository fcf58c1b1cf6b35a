"""Local documents benchmark, all measured in one run on a generated corpus.

1. Indexing throughput: Hearth's whole pipeline (scan, hash, read in the reader sandbox's child
   process, chunk, embed, Chroma, SQLite + FTS5, committed batches) in chunks/s, against
   sentence-transformers `encode` of the very same chunk texts alone (same model, same batch
   size). Target ≥ 0.85×.
2. Re-index of the unchanged corpus (1,000 files): seconds. Target < 2 s.
3. Query latency at 50,000 chunks (question embedding + Chroma + FTS5 + fusion, no LLM):
   p50/p95 in ms. The corpus's own chunks are padded to 50,000 with synthetic chunks whose
   vectors are real ones, jittered. Target p95 ≤ 100 ms.
4. Recall@5 on the corpus's English and Chinese questions.

Prints a table and writes bench/results/rag.json. Run with `make bench` (about 5 minutes on
2 cores). `--files N` makes a smaller corpus for a quick look.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.rag.embedder import BATCH_SIZE  # noqa: E402
from app.core.rag.reader import SandboxReader  # noqa: E402
from app.core.rag.service import DocsService  # noqa: E402
from tests.core.rag.corpus import write_corpus, write_filler  # noqa: E402

QUERY_TARGET_CHUNKS = 50_000


def index_through_hearth(service: DocsService, name: str) -> tuple[float, int]:
    began = time.perf_counter()
    last = None
    for progress in service.index([name]):
        last = progress
    assert last is not None and last.phase == "done"
    return time.perf_counter() - began, last.embedded


def plain_encode(texts: list[str]) -> float:
    from sentence_transformers import SentenceTransformer

    from app.core.rag.embedder import DEFAULT_EMBEDDER, resolve_embedder

    spec = resolve_embedder(DEFAULT_EMBEDDER, Path("."))
    model = SentenceTransformer(str(spec.folder), device="cpu")
    model.encode(texts[:BATCH_SIZE], batch_size=BATCH_SIZE)  # warm up, like Hearth's first batch
    began = time.perf_counter()
    model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True)
    return time.perf_counter() - began


def pad_to(service: DocsService, name: str, target: int) -> int:
    """Add synthetic chunks (real vectors, jittered; filler words) up to `target`."""
    catalog, vectors = service._catalog, service._vectors
    collection = catalog.collection(name)
    rows = catalog._db.execute(
        "SELECT id, text FROM chunks WHERE collection_id = ?", (collection.id,)
    ).fetchall()
    real = vectors.vectors(collection.id, [r[0] for r in rows])
    texts = [r[1] for r in rows]
    bases = list(real.values())
    rng = random.Random(5)
    words = " ".join(texts).split()
    added = 0
    file_id = catalog.start_writing(collection.id, "/synthetic/padding.md", 1, 1)
    from app.core.rag.types import Chunk

    while len(rows) + added < target:
        count = min(2_000, target - len(rows) - added)
        chunks = [Chunk(" ".join(rng.choices(words, k=120)), added + i) for i in range(count)]
        jittered = []
        for _ in range(count):
            base = rng.choice(bases)
            v = [x + rng.gauss(0, 0.03) for x in base]
            norm = sum(x * x for x in v) ** 0.5
            jittered.append([x / norm for x in v])
        with catalog.transaction():
            ids = catalog.add_chunks(collection.id, file_id, chunks)
            vectors.add(collection.id, ids, jittered, [file_id] * count)
        added += count
    with catalog.transaction():
        catalog.finish(file_id, "synthetic", added)
    return len(rows) + added


def query_latency(service: DocsService, name: str, questions: list[str]) -> list[float]:
    service.search([name], questions[0])  # warm up
    times = []
    for _ in range(5):
        for question in questions:
            began = time.perf_counter()
            service.search([name], question)
            times.append((time.perf_counter() - began) * 1000)
    return times


def recall(service: DocsService, name: str, pairs: list[tuple[str, str]]) -> float:
    hits = 0
    for question, answer in pairs:
        hits += any(answer in p.text for p in service.search([name], question))
    return hits / len(pairs)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="profile the queries")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hearth-bench-rag-"))
    corpus = work / "corpus"
    write_filler(corpus, files=args.files - 20, seed=3)
    english = write_corpus(corpus / "en")
    chinese = write_corpus(corpus / "zh", chinese=True)
    service = DocsService(work / "rag", work / "models", reader=SandboxReader())
    service.create("Bench", [str(corpus)])
    # Load the model before timing, as the plain baseline does.
    service._embedder(service._catalog.collection("Bench")).embed_query("warm up")

    seconds, embedded = index_through_hearth(service, "Bench")
    texts = [
        row[0]
        for row in service._catalog._db.execute("SELECT text FROM chunks ORDER BY file_id, ordinal")
    ]
    plain = plain_encode(texts)
    hearth_rate, plain_rate = embedded / seconds, len(texts) / plain

    again: list[float] = []
    for _ in range(3):
        took, extra = index_through_hearth(service, "Bench")
        assert extra == 0
        again.append(took)
    recall_en, recall_zh = recall(service, "Bench", english), recall(service, "Bench", chinese)

    total = pad_to(service, "Bench", QUERY_TARGET_CHUNKS)
    questions = [q for q, _ in english + chinese]
    latency = query_latency(service, "Bench", questions)
    if "--profile" in sys.argv:
        import cProfile

        cProfile.runctx(
            "query_latency(service, 'Bench', questions)", globals(), locals(), sort="cumtime"
        )
    recall_padded = recall(service, "Bench", english + chinese)
    service.close()

    result = {
        "files": args.files,
        "chunks": len(texts),
        "index_seconds": round(seconds, 2),
        "hearth_chunks_per_s": round(hearth_rate, 2),
        "plain_encode_chunks_per_s": round(plain_rate, 2),
        "ratio": round(hearth_rate / plain_rate, 3),
        "reindex_unchanged_seconds": round(statistics.median(again), 3),
        "query_chunks": total,
        "query_p50_ms": round(percentile(latency, 0.5), 1),
        "query_p95_ms": round(percentile(latency, 0.95), 1),
        "recall_at_5_en": recall_en,
        "recall_at_5_zh": recall_zh,
        "recall_at_5_at_50k": round(recall_padded, 3),
    }
    print(f"corpus: {args.files} files, {len(texts)} chunks ({work})")
    print(
        f"indexing: Hearth {hearth_rate:.1f} chunks/s vs plain encode {plain_rate:.1f} "
        f"chunks/s → ratio {result['ratio']:.2f} (target ≥ 0.85)"
    )
    print(f"re-index unchanged: {result['reindex_unchanged_seconds']:.2f} s (target < 2 s)")
    print(
        f"query at {total:,} chunks: p50 {result['query_p50_ms']} ms, p95 "
        f"{result['query_p95_ms']} ms (target p95 ≤ 100 ms)"
    )
    print(
        f"recall@5: English {recall_en:.0%}, Chinese {recall_zh:.0%}; at 50k chunks "
        f"{recall_padded:.0%}"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "rag.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
