"""pdfium's per-character calls made cheap: the PDF reader's largest cost (issue 15).

A page of a plan holds 2,000-3,000 characters, and reading one through pypdfium2's bindings took
seven ctypes calls, each converting its arguments (a `c_double` passed by reference costs more than
the call itself): ~12 µs a character, most of a PDF's reading time. Here the same pdfium functions
are called through prototypes that take plain integers (the page handle and the addresses of the
output doubles), the characters' code points come in one `FPDFText_GetText` call, and the font size
and boldness, which pdfium takes from the character's text object, are read once per text object.
The values are pdfium's own, unchanged: only how Python asks for them differs.
"""

from __future__ import annotations

import ctypes
from functools import cache

import pypdfium2.raw as pdfium_c

_SURROGATES = range(0xD800, 0xE000)


def _address(function: object) -> int:
    return ctypes.cast(function, ctypes.c_void_p).value or 0


@cache
def calls() -> tuple:
    """(char box, char origin, text object) of pdfium, taking and returning plain integers."""
    pointer, index, out = ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
    box = ctypes.CFUNCTYPE(ctypes.c_int, pointer, index, out, out, out, out)
    origin = ctypes.CFUNCTYPE(ctypes.c_int, pointer, index, out, out)
    text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, pointer, index)
    return (
        box(_address(pdfium_c.FPDFText_GetCharBox)),
        origin(_address(pdfium_c.FPDFText_GetCharOrigin)),
        text_object(_address(pdfium_c.FPDFText_GetTextObject)),
    )


def handle(raw_page: object) -> int:
    """A text page's handle as the integer the prototypes take."""
    return ctypes.cast(raw_page, ctypes.c_void_p).value or 0


def code_points(raw_page: object, count: int) -> list[int] | None:
    """Every character's code point in one call, or None where the UTF-16 text does not map one unit
    to one character (a character outside the BMP): the caller then asks character by character."""
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    if pdfium_c.FPDFText_GetText(raw_page, 0, count, buffer) != count + 1:
        return None
    codes = buffer[:count]
    return None if any(code in _SURROGATES for code in codes) else codes
