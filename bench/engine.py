"""Engine benchmark: Hearth's engine host against raw llama-cpp-python, in one run.

1. Decode tokens/s, same model, prompt, threads, greedy: through the engine host (child process,
   pipe) vs `Llama.generate` in this process. Target ratio >= 0.95.
2. Time to first token on turn 6 of a chat with KV reuse vs the same turn with the cache cleared.
3. Engine host start-up (spawn to ready) and model load time.
4. The portable AVX2 build vs the runtime-dispatched CPU variants (bench/cpu_builds.py): prompt
   and decode tokens/s of each, the ratio, and the CPU features each needs.

Prints a table and writes bench/results/engine.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.engine.backend import default_threads
from app.core.engine.types import GenerationRequest, GenerationResult, LoadSpec
from app.core.hosts.engine_client import EngineClient
from app.core.messages import Message
from app.core.models.starters import smollm2_path
from app.core.settings import SamplingSettings
from bench.cpu_builds import compare as compare_cpu_builds

N_CTX = 4096
DECODE_TOKENS = 200
REPEATS = 3
PROMPT = "Once upon a time, in a small village by the sea, there lived"
QUESTIONS = [
    "Name a fruit.",
    "Name a colour.",
    "Name an animal.",
    "Name a city.",
    "Name a river.",
    "Name a mountain.",
]


def raw_decode_rate(model: Path, threads: int) -> float:
    """Tokens/s of `Llama.generate` in-process, timed from first to last token."""
    import llama_cpp

    llm = llama_cpp.Llama(
        str(model),
        n_ctx=N_CTX,
        n_threads=threads,
        n_threads_batch=threads,
        n_gpu_layers=0,
        verbose=False,
    )
    rates = []
    for _ in range(REPEATS):
        tokens = llm.tokenize(PROMPT.encode(), add_bos=True)
        llm.reset()
        first = last = 0.0
        count = 0
        for token in llm.generate(
            tokens, temp=0.0, top_k=40, top_p=0.95, min_p=0.05, repeat_penalty=1.1, reset=True
        ):
            now = time.perf_counter()
            if count == 0:
                first = now
            if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token):
                break
            count, last = count + 1, now
            if count >= DECODE_TOKENS:
                break
        rates.append((count - 1) / (last - first))
    llm.close()
    return statistics.median(rates)


def hearth_decode_rate(client: EngineClient) -> tuple[float, int]:
    sampling = SamplingSettings(temperature=0.0, max_tokens=DECODE_TOKENS)
    rates, counts = [], []
    for _ in range(REPEATS):
        client.unload()  # fresh context each time, like the raw run
        client.load(LoadSpec(MODEL, context_length=N_CTX, threads=THREADS, gpu_layers=0))
        result = finish(client, GenerationRequest(prompt=PROMPT, sampling=sampling))
        rates.append(result.timings.tokens_per_second)
        counts.append(result.timings.completion_tokens)
    return statistics.median(rates), counts[0]


def finish(client: EngineClient, request: GenerationRequest) -> GenerationResult:
    results = [e for e in client.stream(request) if isinstance(e, GenerationResult)]
    return results[-1]


def turn_six_ttft(client: EngineClient) -> tuple[float, float, int, int]:
    """TTFT of turn 6 with the cache warm from turns 1-5, then with the cache cleared."""
    sampling = SamplingSettings(temperature=0.0, max_tokens=48)
    history = [Message("system", "You are a helpful assistant. Answer in one short sentence.")]
    warm = cold = None
    for question in QUESTIONS:
        history.append(Message("user", question))
        warm = finish(client, GenerationRequest(tuple(history), sampling=sampling, pinned=1))
        history.append(Message("assistant", warm.text))
    assert warm is not None
    history.pop()  # replay turn 6 with nothing cached
    client.unload()
    client.load(LoadSpec(MODEL, context_length=N_CTX, threads=THREADS, gpu_layers=0))
    cold = finish(client, GenerationRequest(tuple(history), sampling=sampling, pinned=1))
    return (
        warm.timings.time_to_first_token_s,
        cold.timings.time_to_first_token_s,
        warm.timings.prompt_tokens_evaluated,
        cold.timings.prompt_tokens_evaluated,
    )


def host_start_up() -> tuple[float, float]:
    starts, loads = [], []
    for _ in range(REPEATS):
        client = EngineClient()
        starts.append(client.start())
        loads.append(
            client.load(LoadSpec(MODEL, context_length=N_CTX, threads=THREADS)).load_seconds
        )
        client.close()
    return statistics.median(starts), statistics.median(loads)


def main() -> int:
    raw = raw_decode_rate(MODEL, THREADS)
    client = EngineClient()
    try:
        hearth, produced = hearth_decode_rate(client)
        warm, cold, warm_eval, cold_eval = turn_six_ttft(client)
    finally:
        client.close()
    start, load = host_start_up()
    figures = {
        "model": MODEL.name,
        "threads": THREADS,
        "context": N_CTX,
        "decode_tokens": produced,
        "raw_llama_cpp_tokens_per_s": round(raw, 1),
        "hearth_host_tokens_per_s": round(hearth, 1),
        "decode_ratio": round(hearth / raw, 3),
        "turn6_ttft_kv_reuse_s": round(warm, 4),
        "turn6_ttft_cache_cleared_s": round(cold, 4),
        "turn6_ttft_ratio_reuse_vs_cleared": round(warm / cold, 3),
        "turn6_prompt_tokens_evaluated_reuse": warm_eval,
        "turn6_prompt_tokens_evaluated_cleared": cold_eval,
        "host_start_s": round(start, 3),
        "model_load_s": round(load, 3),
    }
    print(f"model {MODEL.name}, {THREADS} threads, greedy, {produced} tokens decoded")
    print(
        f"decode   raw llama-cpp-python {raw:7.1f} tok/s | Hearth engine host {hearth:7.1f} tok/s"
        f" | ratio {hearth / raw:.3f} (target >= 0.95)"
    )
    print(
        f"turn 6   TTFT with KV reuse {warm * 1000:7.1f} ms ({warm_eval} tokens evaluated) | "
        f"cache cleared {cold * 1000:7.1f} ms ({cold_eval} tokens) | ratio {warm / cold:.3f}"
    )
    print(f"host     start-up {start * 1000:.0f} ms | model load {load * 1000:.0f} ms")
    figures["cpu_builds"] = compare_cpu_builds(MODEL, THREADS)
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "engine.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


MODEL = smollm2_path() or Path("missing")
THREADS = default_threads()

if __name__ == "__main__":
    raise SystemExit(main())
