"""The check command's controls: formats, --select/--ignore, --strict, [tool.scoreline],
the GitHub Actions default, exit codes; and `scoreline rules`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parser.catalogue import catalogue
from parser.cli.main import main
from parser.cli.options import output_format

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "seed" / "000_40227375bb590b15.txt"
REPAIRED = SAMPLES / "seed" / "000_40227375bb590b15_repaired.txt"
KNOCKOUT = SAMPLES / "flat" / "09_knockout_errors.txt"
WARN_ONLY = "==First round==\nElm FC 2-1 Oak SC\nAsh FC 0-1 Yew FC\n\n==Final==\nElm FC 1-0 Pine FC\n"


def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "parser", *args], capture_output=True,
                          text=True, cwd=cwd, env=environment, timeout=60, check=False)


def test_exit_codes_follow_the_policy(tmp_path: Path) -> None:
    warn = tmp_path / "warn.txt"
    warn.write_text(WARN_ONLY, encoding="utf-8")
    assert run("check", str(REPAIRED)).returncode == 0
    assert run("check", "--strict", str(REPAIRED)).returncode == 0
    assert run("check", str(SEED)).returncode == 1
    assert run("check", str(warn)).returncode == 0
    assert run("check", "--strict", str(warn)).returncode == 1
    assert run("check", str(tmp_path / "missing.txt")).returncode == 2


def test_select_and_ignore_take_codes_and_prefixes() -> None:
    out = run("check", "--select", "co,PR2", "--ignore", "CO105,PR205", str(SEED)).stdout
    assert [line.split()[2] for line in out.splitlines()[:-1]] == ["CO101", "CO102", "CO102"]
    assert run("check", "--select", "PR205", str(SEED)).returncode == 0
    bad = run("check", "--select", "ZZ9", str(SEED))
    assert bad.returncode == 2 and "unknown code or prefix 'ZZ9'" in bad.stderr


def test_github_format_is_the_default_under_github_actions() -> None:
    out = run("check", str(SEED), env={"GITHUB_ACTIONS": "true"}).stdout
    assert out.startswith("::notice file=") and "::error file=" in out
    out = run("check", "--output-format", "text", str(SEED), env={"GITHUB_ACTIONS": "true"}).stdout
    assert out.startswith(f"{SEED}:6:14: info CO105")
    assert output_format(None, None) in ("text", "github")
    assert output_format(None, "sarif") == "sarif" and output_format("json", "sarif") == "json"


@pytest.mark.parametrize("name", ["text", "json", "github", "sarif", "junit"])
def test_every_format_runs_from_the_command_line(name: str) -> None:
    result = run("check", "--output-format", name, str(SEED), str(REPAIRED))
    assert result.returncode == 1 and result.stdout and not result.stderr


def test_configuration_from_the_nearest_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.scoreline]\nignore = ["CO1"]\nstrict = true\n'
        'output-format = "json"\n\n[tool.scoreline.severity]\nPR205 = "warning"\n',
        encoding="utf-8")
    inner = tmp_path / "articles" / "2017"
    inner.mkdir(parents=True)
    result = run("check", str(SEED), cwd=inner)
    assert result.stdout.startswith("{") and '"CO10' not in result.stdout
    assert '"code": "PR205",\n          "severity": "warning"' in result.stdout
    assert result.returncode == 1
    override = run("check", "--output-format", "text", "--ignore", "PR", "--no-strict",
                   str(SEED), cwd=inner)
    assert override.returncode == 1 and " CO101 " in override.stdout
    assert "PR205" not in override.stdout


@pytest.mark.parametrize(("body", "message"), [
    ('[tool.scoreline]\nselct = ["CO"]\n', "unknown [tool.scoreline] setting 'selct'"),
    ('[tool.scoreline]\nstrict = "yes"\n', "strict must be true or false"),
    ('[tool.scoreline]\noutput-format = "xml"\n', "output-format must be one of"),
    ('[tool.scoreline.severity]\nPR205 = "fatal"\n', "severity of PR205"),
    ('[tool.scoreline]\nignore = ["QQ"]\n', "unknown code or prefix 'QQ'"),
    ("[tool.scoreline\n", "cannot read the configuration"),
])
def test_bad_configuration_is_a_usage_error(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    result = run("check", str(SEED), cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_explicit_config_file(tmp_path: Path) -> None:
    config = tmp_path / "policy.toml"
    config.write_text('[tool.scoreline]\nselect = ["PR205"]\n', encoding="utf-8")
    result = run("check", "--config", str(config), str(SEED))
    assert result.returncode == 0 and " PR205 " in result.stdout and " CO101 " not in result.stdout


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == list(catalogue())


def test_rules_code_explains_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "pr201"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PR201 loser-advances (error by default")
    assert "Failing (reported at 7:12)::" in out and "Passing::" in out
    assert "Reference: docs/rules.md#pr201" in out
    assert main(["rules", "NOPE"]) == 2


def test_docs_rules_md_is_generated_from_the_catalogue(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    assert main(["rules", "--markdown"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_pre_commit_hook_runs_scoreline_check() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: scoreline" in text and "entry: scoreline check" in text


def test_findings_do_not_depend_on_hash_seeds() -> None:
    outputs = {run("check", "--output-format", "json", str(SAMPLES),
                   env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1
