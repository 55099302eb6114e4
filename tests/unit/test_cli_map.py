"""The map's command-line options: a tile server and its datum, bad ones refused in one line."""

import pytest

from commandroom.cli import build_parser


def test_tiles_and_datum_reach_the_arguments():
    args = build_parser().parse_args(["--tiles", "http://tiles.local/{z}/{x}/{y}.png", "--tile-datum", "gcj02"])
    assert (args.tiles, args.tile_datum) == ("http://tiles.local/{z}/{x}/{y}.png", "gcj02")
    args = build_parser().parse_args([])
    assert (args.tiles, args.tile_datum) == ("", "wgs84")  # no tiles: the grid outlines are the map


@pytest.mark.parametrize("lang, argv, words", [
    ("zh_CN", ["--tiles", "tiles.local/{z}/{x}/{y}"], "参数 --tiles：无效的 tile-URL 值"),
    ("en", ["--tiles", "http://tiles.local/tile.png"], "argument --tiles: invalid tile-URL value"),
    ("zh_CN", ["--tile-datum", "bd09"], "参数 --tile-datum：无效的选项"),
])
def test_bad_map_options_are_refused_in_one_line(capsys, lang, argv, words):
    with pytest.raises(SystemExit) as ended:
        build_parser(lang).parse_args(argv)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1
