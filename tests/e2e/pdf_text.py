"""The text of a PDF that Chromium printed (``page.pdf()``), with the standard library only.

Chromium (Skia) writes text as glyph ids in hex strings (``<0012003A> Tj`` or ``[<..> 3 <..>] TJ``)
under a font chosen with ``/F4 12 Tf``; each font's ``/ToUnicode`` CMap maps the ids to Unicode. So
the text is: for each page's content stream, the glyph strings decoded with the current font's CMap.
Enough for a test to read what the printed sheet says; not a general PDF reader.
"""

from __future__ import annotations

import re
import zlib

OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    match = STREAM.search(body)
    if not match:
        return b""
    data = match.group(1)
    if b"/FlateDecode" in body.split(b"stream", 1)[0]:
        try:
            return zlib.decompress(data)
        except zlib.error:
            return zlib.decompressobj().decompress(data)
    return data


def _cmap(data: bytes) -> dict[int, str]:
    out: dict[int, str] = {}

    def text(hex_: bytes) -> str:
        raw = bytes.fromhex(hex_.decode())
        return raw.decode("utf-16-be", errors="replace")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        pairs = HEX.findall(block)
        for src, dst in zip(pairs[::2], pairs[1::2], strict=False):
            out[int(src, 16)] = text(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in block.strip().splitlines():
            parts = HEX.findall(line)
            if len(parts) < 3:
                continue
            low, high = int(parts[0], 16), int(parts[1], 16)
            if b"[" in line:
                for i, dst in enumerate(parts[2:]):
                    out[low + i] = text(dst)
            else:
                start = bytes.fromhex(parts[2].decode())
                base = int.from_bytes(start, "big")
                for i in range(high - low + 1):
                    code = (base + i).to_bytes(len(start), "big")
                    out[low + i] = code.decode("utf-16-be", errors="replace")
    return out


def _fonts(objects: dict[int, bytes]) -> dict[bytes, dict[int, str]]:
    """Font resource name (``/F4``) -> its ToUnicode map, over every font dictionary in the file."""
    maps: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        match = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if match:
            maps[number] = _cmap(_stream(objects.get(int(match.group(1)), b"")))
    names: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for block in re.findall(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", block):
                if int(ref) in maps:
                    names[name] = maps[int(ref)]
    return names


def pdf_text(pdf: bytes) -> str:
    objects = _objects(pdf)
    fonts = _fonts(objects)
    lines: list[str] = []
    for body in objects.values():
        data = _stream(body)
        if b"Tf" not in data or (b"Tj" not in data and b"TJ" not in data):
            continue
        current: dict[int, str] = {}
        line: list[str] = []
        for token in re.finditer(
            rb"/(\w+) [\d.]+ Tf|(\[.*?\])\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|(T\*|Td|TD|ET)", data, re.S
        ):
            if token.group(1):
                current = fonts.get(token.group(1), {})
            elif token.group(4):
                if line:
                    lines.append("".join(line))
                    line = []
            else:
                chunk = token.group(2) or b"<" + token.group(3) + b">"
                for hex_ in HEX.findall(chunk):
                    digits = re.sub(rb"\s", b"", hex_)
                    for i in range(0, len(digits) - 3, 4):
                        line.append(current.get(int(digits[i : i + 4], 16), ""))
        if line:
            lines.append("".join(line))
    return "\n".join(lines)
