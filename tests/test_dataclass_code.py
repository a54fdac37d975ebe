"""udlejning/dataclass_code.py: dataclasses run the compiled code the browser's wheel carries for
the methods they write, and compile any source text it does not know, so every class comes out
the same (issue 13: about half of the rules' import in Pyodide was that compiling)."""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal

import pytest

from udlejning import dataclass_code


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The installed exec's counts, from zero (dataclasses' exec is put back by monkeypatch)."""
    monkeypatch.setattr(dataclass_code, "counts", {"known": 0, "compiled": 0})
    return dataclass_code.counts


def make_point() -> type:
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 2
        tags: tuple[str, ...] = ()

    return Point


def make_other() -> type:
    @dataclasses.dataclass
    class Other:
        name: str

    return Other


def test_a_class_made_from_recorded_code_is_the_class_made_from_source(
    monkeypatch: pytest.MonkeyPatch, counts: dict[str, int]
) -> None:
    plain = make_point()
    recording, codes = dataclass_code.recorder()
    monkeypatch.setattr(dataclasses, "exec", recording, raising=False)
    make_point()
    assert codes, "the recorder kept the source text dataclasses ran"
    monkeypatch.setattr(dataclasses, "exec", dataclass_code.exec_with(codes), raising=False)
    Point = make_point()
    assert counts == {"known": 1, "compiled": 0}
    a, b = Point(1), plain(1)
    assert repr(a).split(".")[-1] == repr(b).split(".")[-1]
    assert (a.x, a.y, a.tags) == (b.x, b.y, b.tags) == (1, 2, ())
    assert Point(1) == Point(1, 2) and Point(1) != Point(3) and hash(Point(1)) == hash(Point(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_a_source_text_not_recorded_is_compiled_as_before(
    monkeypatch: pytest.MonkeyPatch, counts: dict[str, int]
) -> None:
    recording, codes = dataclass_code.recorder()
    monkeypatch.setattr(dataclasses, "exec", recording, raising=False)
    make_point()
    monkeypatch.setattr(dataclasses, "exec", dataclass_code.exec_with(codes), raising=False)
    Other = make_other()
    assert counts == {"known": 0, "compiled": 1}
    assert Other("a") == Other("a") and Other("a").name == "a"


def test_the_packed_file_names_the_python_that_compiled_it() -> None:
    _recording, codes = dataclass_code.recorder()
    magic, unpacked = marshal.loads(dataclass_code.packed(codes))
    assert magic == importlib.util.MAGIC_NUMBER and unpacked == {}


def test_outside_the_browser_s_wheel_dataclasses_are_left_as_they_are() -> None:
    import udlejning.endpoints  # noqa: F401  (the package imported, install() has run)

    assert dataclass_code._packed() is None
    assert "exec" not in vars(dataclasses)


def test_a_packed_file_another_python_wrote_or_cut_short_is_left_unused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _recording, codes = dataclass_code.recorder()
    other = marshal.dumps((b"\x00\x00\r\n", {}))  # another magic number
    for raw in (other, dataclass_code.packed(codes)[:5], b""):
        monkeypatch.setattr(dataclass_code, "__loader__", _Loader(raw))
        assert dataclass_code._packed() is None


class _Loader:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def get_data(self, path: str) -> bytes:
        return self.raw
