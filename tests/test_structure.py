"""The package's structure: no import loop between rooms (top-level modules and
subpackages) or files, and the data model at the bottom (see tools/structure.py)."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("structure", ROOT / "tools" / "structure.py")
assert _spec is not None and _spec.loader is not None
structure = importlib.util.module_from_spec(_spec)
sys.modules["structure"] = structure
_spec.loader.exec_module(structure)


def test_no_import_loop_between_files():
    assert structure.loops(structure.graph()) == []


def test_no_import_loop_between_rooms():
    assert structure.loops(structure.rooms(structure.graph())) == []


def test_the_model_imports_nothing_of_storydesk_but_itself_and_the_errors():
    arrows = structure.graph()
    assert not any(arrows.get("storydesk.errors", ())), "errors.py must stay a leaf"
    for module, targets in arrows.items():
        if module.startswith("storydesk.model"):
            allowed = ("storydesk.model", "storydesk.errors")
            assert all(t.startswith(allowed) for t in targets), (module, targets)


def test_a_loop_is_found(tmp_path):
    pkg = tmp_path / "storydesk"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import thing\n")
    (pkg / "sub" / "__init__.py").write_text("def thing():\n    from ..a import x\n")
    arrows = structure.graph(pkg)
    assert arrows["storydesk.a"] == {"storydesk.sub"}
    assert structure.loops(arrows) == [["storydesk.a", "storydesk.sub"]]
    assert structure.loops(structure.rooms(arrows)) == [["a", "sub"]]
