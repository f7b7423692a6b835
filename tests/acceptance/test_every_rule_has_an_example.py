"""Every rule `pipeline validate` can report has a folder in tests/examples/invalid/ named after it.

The rule ids are read from the code itself (the id-shaped argument of each `error(...)`,
`warning(...)`, `problem(...)` and `YamlProblem(...)` in loading/ and checking/), so a new
rule without an example fails here.
"""

from __future__ import annotations

import ast
import json
import re

from jsonschema import Draft202012Validator

from generator.checking.explanations import EXPLANATIONS
from tests.conftest import EXAMPLES, PROJECT_ROOT

CHECKED_CODE = [PROJECT_ROOT / "generator" / "loading", PROJECT_ROOT / "generator" / "checking"]
MAKERS = {"error", "warning", "YamlProblem", "ScalarProblem", "problem"}
RULE_ID = re.compile(r"^[a-z]+(-[a-z]+)*$")

# Rules whose JSON Schema keyword no schema uses today: an example needs the keyword first.
KEYWORD_OF = {"maximum": "maximum", "min-items": "minItems", "max-items": "maxItems"}
# Rules that cannot fire with the records `validate` reads from the record folders, and why.
UNREACHABLE = {
    "format": "every checked format has its own wording and rule (date, email, url)",
    "file-place": "only a path named on the command line can be outside a record folder",
}

# Rules that only ever come with problems of other rules, so no folder can hold them alone.
ALONGSIDE = {
    "too-many-problems": "the note after 50 problems of other rules (test_hostile_files.py)",
}


def _rule_of(node: ast.AST) -> str | None:
    if not isinstance(node, ast.Call):
        return None
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    if name not in MAKERS:
        return None
    # The rule is the last plain-text argument shaped like an id (messages have spaces).
    arguments = [k.value for k in node.keywords if k.arg == "rule"] + node.args[::-1]
    for argument in arguments:
        if isinstance(argument, ast.Constant) and RULE_ID.match(str(argument.value)):
            return str(argument.value)
    return None


def _wording_rule(node: ast.AST) -> str | None:
    """The rule in a (message, hint, rule) wording tuple, as for formats."""
    if not (isinstance(node, ast.Tuple) and len(node.elts) == 3):
        return None
    message, _, last = node.elts
    worded = isinstance(message, ast.JoinedStr) or (
        isinstance(message, ast.Constant) and " " in str(message.value)
    )
    if worded and isinstance(last, ast.Constant) and isinstance(last.value, str):
        return last.value
    return None


def rules_in_code() -> set[str]:
    found: set[str] = set()
    for folder in CHECKED_CODE:
        for module in folder.glob("*.py"):
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
                rule = _rule_of(node) or _wording_rule(node)
                if rule and RULE_ID.match(rule):
                    found.add(rule)
    return found


def keywords_in_schemas() -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                found.add(key)
                for child in value.values() if key in ("properties", "$defs") else [value]:
                    walk(child)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (PROJECT_ROOT / "schema").glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def fallback_rules() -> set[str]:
    """Keywords the schemas use with no plain-English explanation: the keyword is the rule."""
    descending = {"$ref", "properties", "items", "$defs"}  # they report their parts' errors
    validating = set(Draft202012Validator.VALIDATORS) - descending
    return (keywords_in_schemas() & validating) - set(EXPLANATIONS)


def test_the_scan_finds_the_rules_it_should() -> None:
    """The scan sees rules from loading, the schema explanations and the record rules."""
    assert {"yaml-syntax", "tab", "unknown-key", "date", "email", "lead-as-partner"} <= (
        rules_in_code()
    )


def test_every_rule_has_an_example() -> None:
    cases = {p.name for p in (EXAMPLES / "invalid").iterdir() if p.is_dir()}
    used = keywords_in_schemas()
    waiting = {rule for rule, keyword in KEYWORD_OF.items() if keyword not in used}
    expected = (rules_in_code() | fallback_rules()) - waiting - set(UNREACHABLE) - set(ALONGSIDE)
    missing = sorted(expected - cases)
    assert not missing, f"add a folder in tests/examples/invalid/ for each of: {missing}"


def test_exemptions_are_still_needed() -> None:
    """A rule listed as waiting or unreachable still exists; a waiting one's keyword is unused."""
    rules = rules_in_code()
    assert set(UNREACHABLE) <= rules
    assert set(ALONGSIDE) <= rules
    assert set(KEYWORD_OF) <= rules


def test_every_example_is_a_rule() -> None:
    """No folder is named after a rule that does not exist (a typo, or a rule since removed)."""
    known = rules_in_code() | fallback_rules()
    cases = {p.name for p in (EXAMPLES / "invalid").iterdir() if p.is_dir()}
    assert cases <= known, sorted(cases - known)
