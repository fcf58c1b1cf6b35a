"""Search, listings and Range-fetched headers through huggingface_hub against the local hub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.errors import HubNotFound, HubUnavailable
from app.core.models.hub import HubClient
from app.core.models.model_info import read_model_info
from tests.hub.fixtures import EMBED_REPO, GATED_REPO, GEMMA_REPO, SMOL_REPO, SPLIT_REPO
from tests.hub.server import LocalHub


def test_search_finds_gguf_repos_sorted_as_asked(hub: LocalHub) -> None:
    client = HubClient()  # HF_ENDPOINT from the environment
    by_downloads = client.search("GGUF")
    assert [r.repo_id for r in by_downloads][:2] == [SMOL_REPO, GEMMA_REPO]
    by_likes = client.search("GGUF", sort="likes")
    assert by_likes[0].repo_id == GEMMA_REPO and by_likes[0].likes == 300
    smol = next(r for r in by_downloads if r.repo_id == SMOL_REPO)
    assert (smol.author, smol.downloads, smol.license, smol.gated) == (
        "hearth-test",
        5000,
        "apache-2.0",
        False,
    )
    assert next(r for r in by_downloads if r.repo_id == GATED_REPO).gated
    assert client.search("gemma")[0].repo_id == GEMMA_REPO
    assert client.search("no-such-model") == []


def test_listing_groups_quants_with_sizes_and_sha256(
    hub: LocalHub, hub_files: dict[str, Path]
) -> None:
    listing = HubClient().listing(SMOL_REPO)
    assert listing.revision == hub.repos[SMOL_REPO].sha
    assert [c.quant for c in listing.choices] == ["Q4_0", "Q4_1"]  # smallest first
    q4_1 = listing.choices[1]
    assert q4_1.size == hub_files["smol_q4_1"].stat().st_size
    assert q4_1.first.sha256 == hub.repos[SMOL_REPO].file(q4_1.first.path).sha256  # type: ignore[union-attr]
    assert q4_1.bits_per_weight == 5.0 and q4_1.note


def test_split_models_are_one_choice_and_projectors_are_not_models(hub: LocalHub) -> None:
    listing = HubClient().listing(SPLIT_REPO)
    labels = [(c.label, len(c.files), c.is_projector) for c in listing.choices]
    assert labels == [("Q4_1", 3, False), ("mmproj F16", 1, True)]  # Q8_0 lacks part 2
    split = listing.choices[0]
    assert [f.path.rsplit("-", 3)[-3] for f in split.files] == ["00001", "00002", "00003"]
    assert split.size == sum(f.size for f in split.files)


def test_remote_header_gives_the_dims_without_downloading_the_weights(
    hub: LocalHub, hub_files: dict[str, Path]
) -> None:
    path = hub_files["gemma"]
    dims = HubClient().remote_dims(
        GEMMA_REPO, "gemma-3-270m-Q4_K_M.gguf", "main", path.stat().st_size
    )
    assert dims == read_model_info(path).dims
    fetched = sum(s.sent for s in hub.served)
    assert 0 < fetched < path.stat().st_size / 10
    assert all(s.range for s in hub.served)


def test_unknown_repo_and_unreachable_hub_give_clear_errors(hub: LocalHub) -> None:
    with pytest.raises(HubNotFound, match="no model repo"):
        HubClient().listing("hearth-test/missing")
    offline = HubClient(endpoint="http://127.0.0.1:9")  # nothing listens on port 9
    with pytest.raises(HubUnavailable, match=r"cannot be reached.*local models keep working"):
        offline.search("llama")


@pytest.mark.parametrize("call", ["search", "listing", "embedding_listing"])
def test_a_hub_that_answers_200_with_a_web_page_is_a_clear_error(hub: LocalHub, call: str) -> None:
    from app.core.errors import HubBadResponse

    hub.faults.api_status = 200  # a Wi-Fi sign-in page where the JSON should be
    with pytest.raises(HubBadResponse) as caught:
        getattr(HubClient(), call)(SMOL_REPO)
    message = str(caught.value)
    assert "did not answer like Hugging Face" in message and hub.url in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


@pytest.mark.parametrize("token", [None, "hf_wrong"])
def test_a_401_says_the_token_is_missing_or_wrong_and_how_to_set_it(
    hub: LocalHub, token: str | None
) -> None:
    from app.core.errors import HubAccessDenied, HubTokenRejected

    hub.faults.api_status = 401
    hub.faults.api_body = b'{"error": "Invalid credentials in Authorization header"}'
    for call, arg in (("search", "GGUF"), ("listing", SMOL_REPO)):
        with pytest.raises(HubTokenRejected) as caught:
            getattr(HubClient(token=token), call)(arg)
        message = str(caught.value)
        assert isinstance(caught.value, HubAccessDenied)
        assert "try again in a few minutes" not in message.lower()
        assert "hearth models token" in message and "(401)" in message
        assert ("none is set" in message) == (token is None)
        assert ("did not accept your access token" in message) == (token is not None)
        assert "hf_wrong" not in message  # the token never appears in a message


def test_a_403_names_the_token_and_how_to_set_it(hub: LocalHub) -> None:
    hub.faults.api_status = 403
    with pytest.raises(Exception, match=r"\(403\).*hearth models token"):
        HubClient(token="hf_x").search("GGUF")


# The Hub's JSON shape with values of the wrong type, as a broken mirror or proxy might send:
# each must be a clear HubBadResponse, never a traceback from the code that reads the answer.
WRONG_TYPES: dict[str, dict[str, Any]] = {
    "a file name that is a number": {"siblings": [{"rfilename": 5}]},
    "a size that is a word": {"siblings": [{"rfilename": "m-Q4_0.gguf", "size": "big"}]},
    "a negative size": {"siblings": [{"rfilename": "m-Q4_0.gguf", "size": -1}]},
    "a sha256 that is a number": {
        "siblings": [
            {
                "rfilename": "m-Q4_0.gguf",
                "size": 10,
                "lfs": {"size": 10, "sha256": 5, "pointerSize": 135},
            }
        ]
    },
    "downloads that are a word": {"downloads": "many"},
    "likes that are a list": {"likes": [1]},
    "an id that is a number": {"id": 5},
    "an author that is a number": {"author": 5},
    "a tag that is a number": {"tags": [5], "cardData": None},
    "card data that is a string": {"cardData": "apache-2.0"},
    "a license that is a number": {"cardData": {"license": 5}},
    "a commit that is a number": {"sha": 5},
}
LISTINGS = [(SMOL_REPO, "listing"), (EMBED_REPO, "embedding_listing")]


@pytest.mark.parametrize("fields", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
@pytest.mark.parametrize(("repo", "call"), LISTINGS, ids=[c for _, c in LISTINGS])
def test_a_listing_with_values_of_the_wrong_type_is_a_clear_error(
    hub: LocalHub, fields: dict[str, Any], repo: str, call: str
) -> None:
    from app.core.errors import HubBadResponse

    hub.faults.model_fields = fields
    with pytest.raises(HubBadResponse) as caught:
        getattr(HubClient(), call)(repo)
    assert "did not answer like Hugging Face" in str(caught.value) and hub.url in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


# search reads no file list or commit
SEARCHED = {k: f for k, f in WRONG_TYPES.items() if not {"siblings", "sha"} & f.keys()}


@pytest.mark.parametrize("fields", SEARCHED.values(), ids=SEARCHED.keys())
def test_search_results_with_values_of_the_wrong_type_are_a_clear_error(
    hub: LocalHub, fields: dict[str, Any]
) -> None:
    from app.core.errors import HubBadResponse

    hub.faults.model_fields = fields
    with pytest.raises(HubBadResponse, match="did not answer like Hugging Face"):
        HubClient().search("GGUF")


def test_a_license_given_as_a_list_and_missing_counts_are_read(hub: LocalHub) -> None:
    hub.faults.model_fields = {"cardData": {"license": ["mit", "apache-2.0"]}, "likes": None}
    listing = HubClient().listing(SMOL_REPO)
    assert listing.summary.license == "mit, apache-2.0" and listing.summary.likes == 0
    assert [c.quant for c in listing.choices] == ["Q4_0", "Q4_1"]
