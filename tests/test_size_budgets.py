"""House size budgets (STYLE.md §10): code files ≤ 500 lines, functions ≤ 50 lines. No exemptions."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("humandesk", "tests", "bench")
MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 50


def _code_files(suffixes: tuple[str, ...]):
    for top in CODE_DIRS:
        for path in (ROOT / top).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts and path.is_file():
                yield path


def test_code_files_stay_under_500_lines():
    """Every Python, JavaScript and CSS file we write fits in 500 lines."""
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in _code_files((".py", ".js", ".css"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    }
    assert not too_long, f"files over {MAX_FILE_LINES} lines: {too_long}"


def test_functions_stay_under_50_lines():
    """Every Python function or method body fits in 50 lines."""
    too_long = []
    for path in _code_files((".py",)):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length})")
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines: {too_long}"
