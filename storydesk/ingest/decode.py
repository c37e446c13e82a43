"""Bytes to text, or a clear reason why not."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f"} | {"\x7f"}


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an input's bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, or the
    legacy encoding charset-normalizer finds coherent.

    Raises :class:`InputError` for empty, binary or undecodable input.

    >>> decode_bytes("caf\\u00e9".encode("cp1252"), "a.txt")
    'café'
    """
    if not data.strip():
        raise InputError(source, "empty file")
    text = _decode(data, source)
    if not text.strip():
        raise InputError(source, "empty file")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, len(text) // 100):
        raise InputError(source, f"binary data, not text ({controls} control characters)")
    return text


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"cannot decode as {encoding}: {exc.reason}") from exc
    if b"\x00" in data:
        raise InputError(source, "binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot decode: not UTF-8 and no text encoding fits")
    return str(best)
