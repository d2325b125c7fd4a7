"""The layout rules of ../shared/STYLE.md, checked on the source so they cannot drift.

- no import cycles between the application's modules;
- imports flow from the apps to cms: cms imports an app only in cms/schema.py and cms/urls.py;
- imports inside functions only where Django's app loading needs them (AppConfig.ready), or
  where the one left says why on the line above.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["cms", "home", "events", "people", "search"]
APPS = {"home", "events", "people", "search"}
CMS_MODULES_THAT_COMPOSE_APPS = {"cms.schema", "cms.urls"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(path: Path) -> set[str]:
    """Every module a module imports, wherever: at the top, in functions, under TYPE_CHECKING
    (an import moved into a function to dodge a circle is still a circle)."""
    module = module_name(path)
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = resolve(module, node, path.name == "__init__.py")
            found.add(target)
            # `from cms.graphql import relations` imports the submodule
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in source_files()}
    return {
        name: {target for target in imports(path) if target in modules} - {name}
        for name, path in modules.items()
    }


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles():
    assert find_cycle(graph()) is None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_cms_imports_the_apps_only_where_it_composes_them():
    offending = {
        name: sorted(target for target in targets if target.split(".")[0] in APPS)
        for name, targets in graph().items()
        if name.split(".")[0] == "cms" and name not in CMS_MODULES_THAT_COMPOSE_APPS
    }
    assert {name: targets for name, targets in offending.items() if targets} == {}


def function_imports(path: Path) -> list[tuple[int, str]]:
    """(line, function) of imports inside functions that do not say why."""
    lines = path.read_text().splitlines()
    tree = ast.parse("\n".join(lines))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            line = lines[node.lineno - 1]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            if function.name == "ready" or "#" in line or above.startswith("#"):
                continue
            found.append((node.lineno, function.name))
    return found


@pytest.mark.parametrize("path", list(source_files()), ids=lambda path: module_name(path))
def test_imports_inside_functions_say_why(path):
    assert function_imports(path) == []
