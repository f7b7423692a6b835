"""Each council that runs a service gives the address of its own page (`service_url` on the
project for the lead council, on a partner's or adopter's entry for the others).

The same address given for two councils is a copy-paste slip that sends one council's residents
to another council (a Cardiff resident landing on Leeds's page), so it is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from generator.checking.explanations import describe_path
from generator.checking.rules import Index, RecordPath, record_rule, walk
from generator.loading.files import LoadedRecord
from generator.problems import Problem, error

# The items that can give a service address, and the key naming the council each belongs to.
OWNERS: tuple[tuple[RecordPath, str], ...] = (
    ((), "lead_council"),  # the project itself: the lead council's address
    (("partners", "*"), "council"),
    (("reuse", "adopted_by", "*"), "council"),
)


def _addresses(data: dict[str, Any]) -> Iterator[tuple[RecordPath, str, str]]:
    """(path, address, council id) for every council's service address in a project."""
    for pattern, council_key in OWNERS:
        for path, owner in walk(data, pattern):
            if not isinstance(owner, dict):
                continue  # an adopter written as a bare council id gives no address
            address, council = owner.get("service_url"), owner.get(council_key)
            if isinstance(address, str) and isinstance(council, str):
                yield (*path, "service_url"), address, council


def _same(address: str) -> str:
    """An address as compared: without a trailing slash, host in lower case."""
    scheme, _, rest = address.partition("://")
    host, slash, tail = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{tail}".rstrip("/")


@record_rule("project")
def _service_addresses(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    first: dict[str, str] = {}  # address -> the council that gave it first
    for path, address, council in _addresses(record.data):
        key = _same(address)
        if key in first and first[key] != council:
            owner = index.councils.get(first[key], {}).get("name") or first[key]
            yield error(
                record.path,
                *record.document.position(path),
                f"{describe_path(path)}: {address} is already given as {owner}'s service address.",
                "Give the address of this council's own page for the service (where its "
                "residents use it), or leave it out until there is one.",
                "service-address-shared",
            )
        first.setdefault(key, council)
