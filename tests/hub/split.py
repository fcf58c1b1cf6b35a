"""Split a GGUF model into `-0000i-of-0000N.gguf` parts, the way llama.cpp's gguf-split does:
the first part keeps the metadata, every part carries `split.*` keys and some tensors.

The local hub serves the parts as a split model; llama.cpp loads them from the first part.
"""

from __future__ import annotations

from pathlib import Path

SKIPPED_KEYS = ("GGUF.", "split.")


def split_gguf(source: Path, folder: Path, stem: str, parts: int) -> list[Path]:
    """Write `folder/<stem>-0000i-of-0000N.gguf` (N = `parts`) and return their paths."""
    import gguf

    reader = gguf.GGUFReader(source)
    arch = reader.fields["general.architecture"].contents()
    per_part = -(-len(reader.tensors) // parts)
    writer = gguf.GGUFWriter(folder / f"{stem}.gguf", arch, split_max_tensors=per_part)
    for field in reader.fields.values():
        if field.name.startswith(SKIPPED_KEYS) or field.name == "general.architecture":
            continue
        kind = field.types[0]
        sub = field.types[-1] if kind == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(field.name, field.contents(), kind, sub_type=sub)
    for tensor in reader.tensors:
        writer.add_tensor(tensor.name, tensor.data, raw_dtype=tensor.tensor_type)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    written = sorted(folder.glob(f"{stem}-*-of-*.gguf"))
    assert len(written) == parts, written
    return written
