"""Record ids that are also the site's own addresses: refused, so no record replaces a page.

A record's page is published at `<folder>/<id>/`; the site keeps some names in each record
folder for itself (the list page, its numbered pages, data files). Those names come from the
site's path definitions (generator.site_paths.RESERVED), so the two cannot drift apart.
"""

from __future__ import annotations

from generator.loading.files import LoadedRecord, reserved_hint
from generator.problems import Problem, error
from generator.site_paths import RECORD_SECTIONS, RESERVED


def check_site_address(record: LoadedRecord) -> list[Problem]:
    if record.id not in RESERVED[record.kind]:
        return []
    folder = RECORD_SECTIONS[record.kind].rstrip("/")
    return [
        error(
            record.path,
            1,
            1,
            f"The id '{record.id}' is taken by the site itself: this record's page would "
            f"replace the site's own {folder}/{record.id} page or file.",
            reserved_hint(record.kind, record.id),
            "reserved-id",
        )
    ]
