"""The wheel carries grammars/ and schemas/: build it, install it in a fresh venv, convert the seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SEED


@pytest.mark.slow
def test_wheel_installs_and_converts_the_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k != "SCORELINE_COMPILE"}
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, timeout=300, env=env)
    (wheel,) = dist.glob("scoreline-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    # the default build is pure Python (SCORELINE_COMPILE=1 compiles: hatch_build.py)
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not [name for name in names if name.endswith((".so", ".pyd"))]
    assert "parser/_data/grammars/match_line.lark" in names
    assert "parser/_data/schemas/scoreline.schema.json" in names
    for template in ("page.html.j2", "index.html.j2", "macros.html.j2", "report.css",
                     "report.js", "index.js"):
        assert f"parser/report/templates/{template}" in names
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # the fresh venv sees this interpreter's dependencies (not the checkout) through a .pth file
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "outer-deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--ignore-installed", "--quiet", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    result = subprocess.run([str(env_dir / "bin" / "scoreline"), "convert", str(SEED)],
                            capture_output=True, timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "2017 U.S. Open Cup qualification"
    pages = subprocess.run([str(env_dir / "bin" / "scoreline"), "report", str(SEED), "-o",
                            str(tmp_path / "pages")], capture_output=True, timeout=120,
                           cwd=tmp_path, check=False)
    assert pages.returncode == 0, pages.stderr
    assert "2017 U.S. Open Cup qualification" in (tmp_path / "pages" / f"{SEED.stem}.html"
                                                  ).read_text(encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import parser; print(parser.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True)
    assert str(env_dir) in where.stdout
