from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared development data (seeds and gold sets); tests using it skip on a user's clone without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (seeds and gold sets) is not present next to this clone")
    return SHARED


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole run through the same loader the pipeline uses."""
    from truceline.errors import ModelError
    from truceline.nlp import load_nlp

    try:
        return load_nlp()
    except ModelError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested, processed and linked into a database once per run: what the web app's tests
    (tests/test_web*.py, tests/test_browser*.py) serve. Tests copy it before changing anything."""
    from truceline import api
    from truceline.errors import ModelError
    from truceline.sample import REPORTS_DIR
    from truceline.store import Store

    path = tmp_path_factory.mktemp("web") / "demo.db"
    try:
        with Store.open(path) as store:
            api.ingest(store, [str(REPORTS_DIR)])
            api.process(store)
    except ModelError as exc:
        pytest.skip(str(exc))
    return path
