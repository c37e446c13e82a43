"""Bytes to text, or a clear reason why not."""

from __future__ import annotations

import codecs
import itertools
import logging

from charset_normalizer import from_bytes

from ..errors import InputError

log = logging.getLogger(__name__)

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

    >>> decode_bytes("The café reopened on Monday.".encode("cp1252"), "a.txt")
    'The café reopened on Monday.'
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
    bad = _mostly_utf8(data)
    if bad:
        log.warning(
            "%s: %d invalid UTF-8 byte sequence%s in otherwise UTF-8 text; read as UTF-8, "
            "those bytes as Windows-1252",
            source,
            bad,
            "" if bad == 1 else "s",
        )
        return data.decode("utf-8", _CP1252_FIXUP)
    if _isolated_high_bytes(data):
        return data.decode("cp1252")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot decode: not UTF-8 and no text encoding fits")
    return str(best)


# Bytes Windows-1252 leaves undefined.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _isolated_high_bytes(data: bytes) -> bool:
    """Whether every non-ASCII byte stands alone between ASCII bytes, all defined in
    Windows-1252: English or Western European text in that encoding ("caf\xe9 au lait").

    Charset detection has too little to go on in such text and can read it as Korean or
    Cyrillic; the multi-byte legacy encodings (Shift-JIS, GBK, EUC) and the Cyrillic and
    Greek code pages put non-ASCII bytes next to each other in nearly every word.

    >>> _isolated_high_bytes("Se\u00f1or Mu\u00f1oz".encode("cp1252"))
    True
    >>> _isolated_high_bytes("\u6771\u4eac".encode("shift_jis"))
    False
    """
    high = [i for i, b in enumerate(data) if b > 0x7F]
    if not high or any(data[i] in _CP1252_UNDEFINED for i in high):
        return False
    return all(b - a > 1 for a, b in itertools.pairwise(high))


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot decode, read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(bytes([b]).decode("cp1252", "replace") for b in bad), exc.end


_CP1252_FIXUP = "storydesk-cp1252"
codecs.register_error(_CP1252_FIXUP, _cp1252_bytes)


def _mostly_utf8(data: bytes) -> int:
    """How many invalid byte sequences ``data`` has when it is UTF-8 but for a few stray
    legacy bytes (a Windows-1252 apostrophe pasted into UTF-8 text), else 0.

    Charset detection would decode the whole text by those few bytes, and can then choose
    an encoding that garbles every accented letter. Mostly UTF-8 means: the invalid
    sequences are at most 1% of the bytes, or fewer than the valid non-ASCII characters
    (text in a legacy encoding almost never holds a valid UTF-8 multi-byte sequence).
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return 0
    if bad * 100 <= len(data):
        return bad
    valid = sum(1 for ch in text if ch > "\x7f") - bad
    return bad if valid > bad else 0


class LineDecoder:
    """Decodes the lines of one JSON Lines input: UTF-8, as JSON requires; a line that is
    not is decoded as :func:`decode_bytes` would decode the whole input, by an encoding
    chosen from the first such line and kept for the rest (one warning per input)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.encoding: str | None = None

    def __call__(self, line: bytes) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if self.encoding is None:
            self.encoding = _CP1252_FIXUP if _mostly_utf8(line) else _detect(line)
            log.warning(
                "%s: lines that are not valid UTF-8; read as %s",
                self.source,
                "UTF-8 with stray bytes as Windows-1252"
                if self.encoding == _CP1252_FIXUP
                else self.encoding,
            )
        if self.encoding == _CP1252_FIXUP:
            return line.decode("utf-8", _CP1252_FIXUP)
        return line.decode(self.encoding, "replace")


def _detect(line: bytes) -> str:
    best = from_bytes(line).best()
    if best is None or not best.encoding or best.encoding.startswith(("utf_16", "utf_32")):
        return _CP1252_FIXUP  # a line split at b"\n" cannot be UTF-16 or UTF-32
    return best.encoding
