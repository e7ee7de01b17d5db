"""Stage 1: bytes to text, positions true to the file."""

from __future__ import annotations

import pytest

from parser.errors import InputError
from parser.read.source import InputPolicy, decode, from_text


def test_bom_is_stripped_and_recorded() -> None:
    source = decode(b"\xef\xbb\xbf= T =\nx\n", "f")
    assert source.text.startswith("= T =") and source.bom


@pytest.mark.parametrize(("data", "newline"), [
    (b"a\r\nb\r\nc", "crlf"), (b"a\rb\rc", "cr"), (b"a\nb\nc", "lf"), (b"a\r\nb\nc", "mixed"),
])
def test_line_ends_are_normalised_without_moving_lines(data: bytes, newline: str) -> None:
    source = decode(data, "f")
    assert source.newline == newline
    assert [source.line_text(n) for n in (1, 2, 3)] == ["a", "b", "c"]


def test_invalid_utf8_names_file_line_and_byte_offset() -> None:
    with pytest.raises(InputError) as info:
        decode(b"ok\nab\xffcd\n", "bad.txt")
    error = info.value
    assert (error.code, error.offset, error.line, error.column) == ("IN001", 5, 2, 3)
    assert str(error).startswith("bad.txt:2:3: invalid UTF-8 at byte offset 5")


def test_truncated_utf8_sequence_is_refused() -> None:
    with pytest.raises(InputError, match="invalid UTF-8 at byte offset 3"):
        decode("abcé".encode()[:-1], "cut.txt")


def test_nul_byte_is_refused_before_any_parsing() -> None:
    with pytest.raises(InputError) as info:
        decode(b"= T =\nElm\x00 2-1 Oak\n", "nul.txt")
    assert info.value.code == "IN002" and info.value.line == 2 and info.value.offset == 9


def test_utf16_with_bom_is_decoded() -> None:
    source = decode("= T =\nx\n".encode("utf-16"), "w.txt")
    assert source.encoding.startswith("utf-16") and source.line_text(2) == "x"


def test_lone_surrogate_in_text_is_refused() -> None:
    with pytest.raises(InputError, match="lone surrogate"):
        from_text("a\ud800b", "s.txt")


def test_size_limit() -> None:
    with pytest.raises(InputError) as info:
        decode(b"x" * 11, "big.txt", InputPolicy(max_bytes=10))
    assert info.value.code == "IN003"


def test_zero_width_characters_are_removed_but_columns_stay_true() -> None:
    source = from_text("\u200b== H ==\nab\u200bcd\n")
    assert source.line_text(1) == "== H =="
    assert source.column(2, 2) == 4  # 'c' is the 4th character of the file's line 2
    assert source.column(1, 0) == 2


def test_non_breaking_spaces_become_spaces() -> None:
    assert from_text("Pike\u00a0&\u00a0Anchor").text == "Pike & Anchor"


@pytest.mark.parametrize(("data", "code", "words"), [
    (b"ab\xed\xa0\x80cd", "IN001", "UTF-8-encoded surrogate"),
    (b"abc\xc3", "IN001", "cut off at the end"),
    ("= T =\nab".encode("utf-16-le"), "IN001", "UTF-16 without a byte-order mark"),
    (b"\xff\xfe\x00\x00a\x00\x00\x00", "IN001", "UTF-32 is not supported"),
    (b"\xff\xfea\x00\x00\xd8b\x00", "IN001", "lone surrogate"),
    (b"\xff\xfea\x00b", "IN001", "cut off at the end"),
    (b"\xef\xbb\xbfab\x00", "IN002", "NUL byte at byte offset 5"),
])
def test_refused_encodings_say_why(data: bytes, code: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "f")
    assert info.value.code == code and words in info.value.message


def test_utf16_big_endian_with_bom_is_decoded() -> None:
    source = decode("\ufeff= T =\r\nx\r\n".encode("utf-16-be"), "w.txt")
    assert (source.encoding, source.newline, source.line_text(2)) == ("utf-16-be", "crlf", "x")


def test_unicode_spaces_become_spaces_and_invisible_characters_go() -> None:
    source = from_text("Elm\u2009FC\u3000\u00ad2-1 Oak\u200e SC")
    assert source.text == "Elm FC 2-1 Oak SC"
    assert source.column(1, source.text.index("2")) == 9  # the soft hyphen still counts


def test_long_lines_are_listed_not_refused() -> None:
    source = decode(b"a" * 30 + b"\nb\n" + b"c" * 31, "f", InputPolicy(max_line_chars=30))
    assert source.long_lines == {3}


def test_text_size_limit_counts_utf8_bytes() -> None:
    with pytest.raises(InputError) as info:
        from_text("é" * 6, "s", policy=InputPolicy(max_bytes=11))
    assert info.value.code == "IN003"


def test_names_are_nfc_and_integers_ascii_and_bounded() -> None:
    from parser.read.source import ascii_int, normalise_name

    assert normalise_name("Ma\u0301quina") == "M\u00e1quina"
    assert [ascii_int(s) for s in ("12", "٢", "２", "1_0", "+1", "", "1" * 5000)] == [
        12, None, None, None, None, None, None]
