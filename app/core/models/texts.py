"""Every word the model manager says to a person, as phrases (see `app/core/text.py`).

Errors (hub, downloads, GGUF files, the library), the quant table's quality notes, the fit
verdicts and their explanations, and download status. The window and the CLI translate them
where they are shown (`app/workers/i18n.py`); `str()` of a Msg is the English text, for logs.
"""

from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, Phrase

# -- Hugging Face ------------------------------------------------------------------------

TOKEN_ADVICE = Phrase(
    "hub.token-advice",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Create a read token at huggingface.co/settings/tokens and store it with "
        "`hearth models token` (in the window: Models → Token).",
    ),
)
TOKEN_REJECTED = Phrase(
    "hub.token-rejected",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hugging Face did not accept your access token (401): it is wrong, expired or was "
        "revoked. {advice}",
    ),
)
TOKEN_NEEDED = Phrase(
    "hub.token-needed",
    QT_TRANSLATE_NOOP(
        "Messages", "Hugging Face asks for an access token (401), and none is set. {advice}"
    ),
)
TOKEN_NOT_ALLOWED = Phrase(
    "hub.token-not-allowed",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hugging Face refused the request (403): your access token is not allowed to do this "
        "(a fine-grained token needs read access to public repos). {advice}",
    ),
)
REFUSED_WITHOUT_TOKEN = Phrase(
    "hub.refused-without-token",
    QT_TRANSLATE_NOOP(
        "Messages", "Hugging Face refused the request (403) without an access token. {advice}"
    ),
)
SERVER_ERROR = Phrase(
    "hub.server-error",
    QT_TRANSLATE_NOOP(
        "Messages", "Hugging Face answered with an error ({status}). Try again in a few minutes."
    ),
)
SERVER_NO_STATUS = Phrase(
    "hub.server-no-status",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hugging Face answered with an error (no status). Try again in a few minutes.",
    ),
)
REFUSED = Phrase(
    "hub.refused", QT_TRANSLATE_NOOP("Messages", "Hugging Face refused the request ({status}).")
)
BAD_RESPONSE = Phrase(
    "hub.bad-response",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{endpoint} did not answer like Hugging Face (it sent a web page or other data "
        "instead): a Wi-Fi sign-in page or a proxy may be in the way, or HF_ENDPOINT points "
        "somewhere else. Check the connection and try again.",
    ),
)
NO_PUBLIC_REPO = Phrase(
    "hub.no-public-repo",
    QT_TRANSLATE_NOOP(
        "Messages",
        'Hugging Face has no public model repo "{repo}". If it is private, create a read '
        "token at huggingface.co/settings/tokens and store it with `hearth models token` "
        "(in the window: Models → Token).",
    ),
)
NO_READABLE_REPO = Phrase(
    "hub.no-readable-repo",
    QT_TRANSLATE_NOOP(
        "Messages",
        'Hugging Face has no model repo "{repo}" that your access token can read (it may be '
        "private, or the token wrong or expired).",
    ),
)
NO_REPO = Phrase(
    "hub.no-repo", QT_TRANSLATE_NOOP("Messages", 'Hugging Face has no model repo "{repo}".')
)
FILE_MISSING = Phrase(
    "hub.file-missing",
    QT_TRANSLATE_NOOP("Messages", 'A file is missing from "{repo}" on Hugging Face.'),
)
GATED_NO_ACCESS = Phrase(
    "hub.gated-no-access",
    QT_TRANSLATE_NOOP(
        "Messages",
        '"{repo}" is gated and your Hugging Face token has no access yet. Accept the model\'s '
        "terms on its page at huggingface.co, then try again.",
    ),
)
GATED_NO_TOKEN = Phrase(
    "hub.gated-no-token",
    QT_TRANSLATE_NOOP(
        "Messages",
        '"{repo}" is gated: accept its terms on huggingface.co, then enter a Hugging Face '
        "access token in Models → Token.",
    ),
)
OFFLINE = Phrase(
    "hub.offline",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hugging Face cannot be reached, so search and downloads are unavailable. Your local "
        "models keep working.",
    ),
)
HEADER_TOO_LARGE = Phrase(
    "hub.header-too-large",
    QT_TRANSLATE_NOOP("Messages", "{path}: its GGUF header is too large to read."),
)
TOKEN_NOT_SAVED = Phrase(
    "hub.token-not-saved",
    QT_TRANSLATE_NOOP("Messages", "The token could not be saved: {reason}"),
)

# -- downloads ---------------------------------------------------------------------------

PAUSED = Phrase(
    "download.paused",
    QT_TRANSLATE_NOOP("Messages", "Download paused; it resumes from where it stopped."),
)
DISK_FILLED = Phrase(
    "download.disk-filled",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The disk filled up during the download; the partial file was removed so the disk is "
        "not left full. Free some space and download again.",
    ),
)
BAD_REPO_NAME = Phrase(
    "download.bad-repo-name",
    QT_TRANSLATE_NOOP("Messages", '"{repo}" is not a valid Hugging Face repo name.'),
)
UNSAFE_NAME = Phrase(
    "download.unsafe-name",
    QT_TRANSLATE_NOOP("Messages", 'The repo file name "{path}" is unsafe; it was refused.'),
)
NOT_EMBEDDING_FILE = Phrase(
    "download.not-embedding-file",
    QT_TRANSLATE_NOOP("Messages", '"{path}" is not a file an embedding model needs; refused.'),
)
NOT_GGUF_FILE = Phrase(
    "download.not-gguf-file",
    QT_TRANSLATE_NOOP("Messages", '"{path}" is not a GGUF file; only .gguf files are downloaded.'),
)
OUTSIDE_FOLDER = Phrase(
    "download.outside-folder",
    QT_TRANSLATE_NOOP("Messages", 'The repo file name "{path}" points outside the models folder.'),
)
GAVE_UP = Phrase(
    "download.gave-up",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be downloaded after {retries} retries ({reason}). What was fetched "
        "is kept; try again to resume.",
    ),
)
RETRYING = Phrase("download.retrying", QT_TRANSLATE_NOOP("Messages", "{reason}; retrying"))
STALLED = Phrase("download.stalled", QT_TRANSLATE_NOOP("Messages", "the connection stalled"))
NO_CONNECT = Phrase("download.no-connect", QT_TRANSLATE_NOOP("Messages", "could not connect"))
DROPPED = Phrase("download.dropped", QT_TRANSLATE_NOOP("Messages", "the connection dropped"))
NETWORK_ERROR = Phrase(
    "download.network-error", QT_TRANSLATE_NOOP("Messages", "network error ({name})")
)
SERVER_ANSWERED = Phrase(
    "download.server-answered", QT_TRANSLATE_NOOP("Messages", "the server answered {status}")
)
WRITE_FAILED = Phrase(
    "download.write-failed", QT_TRANSLATE_NOOP("Messages", "Could not write the download.")
)
DOWNLOAD_DENIED = Phrase(
    "download.denied",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hugging Face refused {path} ({status}): the repo is gated or private, or the access "
        "token is missing or wrong. Accept its terms on huggingface.co; store a read token "
        "with `hearth models token` (in the window: Models → Token).",
    ),
)
FILE_GONE = Phrase(
    "download.file-gone", QT_TRANSLATE_NOOP("Messages", "{path} is no longer on Hugging Face.")
)
FILE_STATUS = Phrase(
    "download.file-status", QT_TRANSLATE_NOOP("Messages", "{path}: the server answered {status}.")
)
ARRIVED_SHORT = Phrase(
    "download.arrived-short",
    QT_TRANSLATE_NOOP("Messages", "{path} arrived with {got} of {total} bytes."),
)
CORRUPTED_SHA = Phrase(
    "download.corrupted-sha",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was corrupted in transit: its sha256 does not match the one Hugging Face "
        "reports. The file was deleted; download it again.",
    ),
)
CORRUPTED_BLOB = Phrase(
    "download.corrupted-blob",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was corrupted in transit: it does not match the version Hugging Face lists. "
        "The file was deleted; download it again.",
    ),
)
LOW_SPACE = Phrase(
    "download.low-space",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Only {free} free on {folder}; this model needs {needed}. Free some space or choose a "
        "smaller quantization.",
    ),
)
EMBEDDING_LABEL = Phrase(
    "download.label.embedding", QT_TRANSLATE_NOOP("Messages", "{repo} · embedding model")
)

# -- GGUF files --------------------------------------------------------------------------

BAD_MAGIC = Phrase(
    "models.gguf.bad-magic",
    QT_TRANSLATE_NOOP("Messages", "The file is not a GGUF model (bad magic bytes)."),
)
TOO_SMALL = Phrase(
    "models.gguf.too-small",
    QT_TRANSLATE_NOOP("Messages", "The file is too small to be a GGUF model ({size} bytes)."),
)
CLAIMS_TOO_MUCH = Phrase(
    "models.gguf.claims",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The GGUF header is corrupt (it claims {tensors} tensors and {entries} entries).",
    ),
)
BAD_ALIGNMENT = Phrase(
    "models.gguf.alignment",
    QT_TRANSLATE_NOOP("Messages", "The GGUF header is corrupt (alignment {alignment})."),
)
ENDS_IN_HEADER = Phrase(
    "models.gguf.ends-in-header",
    QT_TRANSLATE_NOOP(
        "Messages", "The GGUF file is truncated: it ends inside its header. Download it again."
    ),
)
BAD_VERSION = Phrase(
    "models.gguf.version",
    QT_TRANSLATE_NOOP(
        "Messages", "Unsupported GGUF version {version}; Hearth reads versions 2 and 3."
    ),
)
LONG_STRING = Phrase(
    "models.gguf.long-string",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The GGUF file is truncated or corrupt (a {length}-byte string runs past its end).",
    ),
)
BAD_VALUE_TYPE = Phrase(
    "models.gguf.value-type",
    QT_TRANSLATE_NOOP("Messages", "The GGUF header is corrupt (unknown value type {type})."),
)
LONG_ARRAY = Phrase(
    "models.gguf.long-array",
    QT_TRANSLATE_NOOP(
        "Messages", "The GGUF file is truncated or corrupt ({n} array items run past its end)."
    ),
)
BAD_ARRAY_TYPE = Phrase(
    "models.gguf.array-type",
    QT_TRANSLATE_NOOP("Messages", "The GGUF header is corrupt (array of value type {type})."),
)
TOO_MANY_DIMS = Phrase(
    "models.gguf.dims",
    QT_TRANSLATE_NOOP("Messages", "The GGUF header is corrupt (tensor {name} has {dims} dims)."),
)
UNKNOWN_TENSOR_TYPE = Phrase(
    "models.gguf.tensor-type",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model uses tensor type {type}, which this version of Hearth does not know.",
    ),
)

# -- model files -------------------------------------------------------------------------

UNNAMED_PART = Phrase(
    "models.file.unnamed-part",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is part of a split model, but its name does not say which part; keep "
        "llama.cpp's -00001-of-0000N.gguf names.",
    ),
)
PART_MISSING = Phrase(
    "models.file.part-missing",
    QT_TRANSLATE_NOOP("Messages", "Part {index} of {parts} of {name} is missing ({part})."),
)
PART_TRUNCATED = Phrase(
    "models.file.part-truncated",
    QT_TRANSLATE_NOOP("Messages", "{name} is truncated; download it again."),
)
UNREADABLE = Phrase(
    "models.file.unreadable", QT_TRANSLATE_NOOP("Messages", "{path} could not be read.")
)
HEADER_ENDED = Phrase(
    "models.file.header-ended",
    QT_TRANSLATE_NOOP("Messages", "The GGUF file ended inside its header."),
)
NO_TENSORS = Phrase(
    "models.file.no-tensors",
    QT_TRANSLATE_NOOP("Messages", "{name} holds no tensors; it is not a usable model."),
)
TRUNCATED = Phrase(
    "models.file.truncated",
    QT_TRANSLATE_NOOP(
        "Messages", "{name} is truncated ({size} of {needed} bytes). Download it again."
    ),
)
NO_FILE = Phrase("models.file.none", QT_TRANSLATE_NOOP("Messages", "There is no file at {path}."))
IS_FOLDER = Phrase(
    "models.file.folder",
    QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a GGUF model file."),
)
EMPTY_FILE = Phrase(
    "models.file.empty",
    QT_TRANSLATE_NOOP("Messages", "{name} is empty (0 bytes); it is not a GGUF model."),
)

# -- the library -------------------------------------------------------------------------

SEVERAL_MATCH = Phrase(
    "models.library.several",
    QT_TRANSLATE_NOOP("Messages", '"{name}" matches several models: {names}. Be more specific.'),
)
NO_MATCH = Phrase(
    "models.library.no-match",
    QT_TRANSLATE_NOOP(
        "Messages",
        'No local model matches "{name}". `hearth models list` shows what is installed.',
    ),
)
NO_USABLE_MODEL = Phrase(
    "models.library.none-usable",
    QT_TRANSLATE_NOOP(
        "Messages",
        "No usable model is installed. Run `make setup` to install the starter models, or put "
        "a .gguf file in {folder}.",
    ),
)
NO_ROOM_TO_COPY = Phrase(
    "models.import.no-room",
    QT_TRANSLATE_NOOP("Messages", "Not enough free space in {folder} to copy {name} ({size})."),
)
NOT_COPIED = Phrase(
    "models.import.not-copied", QT_TRANSLATE_NOOP("Messages", "{path} could not be copied.")
)
STARTER_STAYS = Phrase(
    "models.remove.starter",
    QT_TRANSLATE_NOOP("Messages", "{name} is a starter model; it cannot be removed from Hearth."),
)
OUTSIDE_MODELS = Phrase(
    "models.remove.outside",
    QT_TRANSLATE_NOOP(
        "Messages", "{path} is outside the models folder; Hearth will not delete it."
    ),
)

# -- embedding models --------------------------------------------------------------------

NOT_AN_EMBEDDER = Phrase(
    "models.embedding.unusable",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{repo} cannot be used as an embedding model: it has no {what}. Hearth needs a "
        "sentence-transformers model with a tokenizer.json.",
    ),
)
WEIGHTS = Phrase("models.embedding.weights", QT_TRANSLATE_NOOP("Messages", "model weights"))
FILES_AND_WEIGHTS = Phrase(
    "models.embedding.files-and-weights", QT_TRANSLATE_NOOP("Messages", "{files}, model weights")
)
NOT_DOWNLOADED_EMBEDDER = Phrase(
    "models.embedding.not-downloaded",
    QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a downloaded embedding model; nothing was removed."
    ),
)
EMBEDDER_GONE = Phrase(
    "models.embedding.gone",
    QT_TRANSLATE_NOOP("Messages", "The embedding model {name} is not on this computer any more."),
)

# -- starter models ----------------------------------------------------------------------

STARTER_DAMAGED = Phrase(
    "models.starter.damaged",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The Gemma starter model's files are damaged (their sha256 does not match), so it is "
        "not offered; reinstalling Hearth restores them ({name}).",
    ),
)
STARTER_NOT_SET_UP = Phrase(
    "models.starter.not-set-up",
    QT_TRANSLATE_NOOP("Messages", "The Gemma starter model could not be set up."),
)

# -- fit verdicts ------------------------------------------------------------------------

FITS_GPU = Phrase("models.fit.gpu", QT_TRANSLATE_NOOP("Messages", "Fits in GPU"))
FITS_RAM = Phrase("models.fit.ram", QT_TRANSLATE_NOOP("Messages", "Fits in RAM"))
TIGHT = Phrase("models.fit.tight", QT_TRANSLATE_NOOP("Messages", "Tight"))
TOO_BIG = Phrase("models.fit.too-big", QT_TRANSLATE_NOOP("Messages", "Too big"))
NEEDS_ABOUT = Phrase(
    "models.fit.needs-about",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Needs about {needed}: the file, {kv} of KV cache for {context} tokens, and working "
        "memory.",
    ),
)
NEEDS_AT_LEAST = Phrase(
    "models.fit.needs-at-least",
    QT_TRANSLATE_NOOP("Messages", "Needs at least {needed} (the KV cache is not known yet)."),
)

# -- the quant table's quality notes -----------------------------------------------------

NOTE_F32 = Phrase(
    "models.quant.f32",
    QT_TRANSLATE_NOOP("Messages", "Unquantized 32-bit: reference quality, rarely worth the size."),
)
NOTE_F16 = Phrase(
    "models.quant.f16",
    QT_TRANSLATE_NOOP("Messages", "Unquantized 16-bit: reference quality, four times a Q4."),
)
NOTE_BF16 = Phrase(
    "models.quant.bf16",
    QT_TRANSLATE_NOOP("Messages", "Unquantized bfloat16: reference quality, four times a Q4."),
)
NOTE_Q8_0 = Phrase(
    "models.quant.q8_0",
    QT_TRANSLATE_NOOP("Messages", "Practically lossless; twice the size of a Q4."),
)
NOTE_Q6_K = Phrase(
    "models.quant.q6_k", QT_TRANSLATE_NOOP("Messages", "Near-lossless; a safe pick when it fits.")
)
NOTE_Q5_K_M = Phrase(
    "models.quant.q5_k_m", QT_TRANSLATE_NOOP("Messages", "Very good; a small loss against Q8.")
)
NOTE_Q5_K_S = Phrase(
    "models.quant.q5_k_s", QT_TRANSLATE_NOOP("Messages", "Very good; a little below Q5_K_M.")
)
NOTE_Q5_1 = Phrase(
    "models.quant.q5_1",
    QT_TRANSLATE_NOOP("Messages", "Very good, older format; Q5_K_M is better for its size."),
)
NOTE_Q5_0 = Phrase(
    "models.quant.q5_0",
    QT_TRANSLATE_NOOP("Messages", "Good, older format; Q5_K_S is better for its size."),
)
NOTE_Q4_K_M = Phrase(
    "models.quant.q4_k_m", QT_TRANSLATE_NOOP("Messages", "The usual balance of size and quality.")
)
NOTE_Q4_K_S = Phrase(
    "models.quant.q4_k_s",
    QT_TRANSLATE_NOOP("Messages", "Good; a little below Q4_K_M, a little smaller."),
)
NOTE_Q4_1 = Phrase(
    "models.quant.q4_1",
    QT_TRANSLATE_NOOP("Messages", "Good, older format; Q4_K_M is better for its size."),
)
NOTE_Q4_0 = Phrase(
    "models.quant.q4_0",
    QT_TRANSLATE_NOOP("Messages", "Fair, older format; fast on some CPUs (ARM)."),
)
NOTE_IQ4_NL = Phrase(
    "models.quant.iq4_nl", QT_TRANSLATE_NOOP("Messages", "Good; near Q4_K_S in a smaller file.")
)
NOTE_IQ4_XS = Phrase(
    "models.quant.iq4_xs", QT_TRANSLATE_NOOP("Messages", "Good for its size; near Q4_K_S.")
)
NOTE_NOTICEABLE = Phrase(
    "models.quant.noticeable", QT_TRANSLATE_NOOP("Messages", "Noticeable loss; for tight memory.")
)
NOTE_CLEAR = Phrase(
    "models.quant.clear", QT_TRANSLATE_NOOP("Messages", "Clear loss; for tight memory only.")
)
NOTE_IQ3_M = Phrase(
    "models.quant.iq3_m",
    QT_TRANSLATE_NOOP("Messages", "Noticeable loss; better than Q3_K_S for its size."),
)
NOTE_IQ3_XXS = Phrase(
    "models.quant.iq3_xxs",
    QT_TRANSLATE_NOOP("Messages", "Heavy loss; for large models on small machines."),
)
NOTE_LAST_RESORT = Phrase(
    "models.quant.last-resort",
    QT_TRANSLATE_NOOP("Messages", "Heavy loss; a last resort for large models."),
)
NOTE_HEAVY_LARGE = Phrase(
    "models.quant.heavy-large",
    QT_TRANSLATE_NOOP("Messages", "Heavy loss; only for very large models."),
)
NOTE_SEVERE_LARGE = Phrase(
    "models.quant.severe-large",
    QT_TRANSLATE_NOOP("Messages", "Severe loss; only for very large models."),
)
NOTE_EXPERIMENTS = Phrase(
    "models.quant.experiments", QT_TRANSLATE_NOOP("Messages", "Severe loss; experiments only.")
)
NOTE_TERNARY = Phrase(
    "models.quant.ternary",
    QT_TRANSLATE_NOOP("Messages", "Ternary: only for models trained for it (BitNet)."),
)
NOTE_MXFP4 = Phrase(
    "models.quant.mxfp4",
    QT_TRANSLATE_NOOP("Messages", "4-bit float as the model was trained (gpt-oss)."),
)
NOTE_MXFP4_MOE = Phrase(
    "models.quant.mxfp4_moe",
    QT_TRANSLATE_NOOP("Messages", "4-bit float experts as the model was trained (gpt-oss)."),
)
NOTE_PROJECTOR = Phrase(
    "models.quant.projector",
    QT_TRANSLATE_NOOP(
        "Messages", "Vision projector: pairs with a model of this repo; not a chat model."
    ),
)
NOTE_UNKNOWN = Phrase(
    "models.quant.unknown", QT_TRANSLATE_NOOP("Messages", "Unknown quantization.")
)
