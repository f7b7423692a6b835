"""The UK local authority register, as published by mySociety, read into council record fields.

Pure: CSV text in, data out. The register is `uk_local_authorities_future.csv` from
https://pages.mysociety.org/uk_local_authority_names_and_codes (MIT licence). Writing records
from it is generator/register/importing.py's job.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.checking.suggestions import closest
from generator.loading.files import suggest_id

REQUIRED_COLUMNS = (
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "nation",
    "region",
    "local-authority-type",
    "start-date",
    "end-date",
)
# The register's type codes -> the schema's `type` enum. Anything else (the City of London
# Corporation, for one) is 'other'.
TYPES = {
    "NMD": "district",
    "UA": "unitary",
    "NID": "ni-district",
    "MD": "metropolitan-district",
    "SCO": "scottish-council",
    "LBO": "london-borough",
    "CTY": "county",
    "WPA": "welsh-principal-area",
    "COMB": "combined-authority",
    "SRA": "strategic-authority",  # the Greater London Authority
}
REGISTER_NATIONS = {
    "england": "england",
    "scotland": "scotland",
    "wales": "wales",
    "northern ireland": "northern-ireland",
}
# The order keys are written in, which is also the order of the example council records.
FIELD_ORDER = (
    "name",
    "short_name",
    "gss_code",
    "register_code",
    "type",
    "nation",
    "region",
    "end_date",
    "successors",
)
_GSS = re.compile(r"^[ENSW]\d{8}$")
# The schema's register_code is three letters (the ISO 3166-2:GB code). Combined authorities
# have four-letter register codes, which have no ISO code: their records go without one.
_REGISTER_CODE = re.compile(r"^[A-Z]{3}$")


class RegisterError(Exception):
    """The register file cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Authority:
    """One row of the register."""

    code: str
    official_name: str
    nice_name: str
    gss_code: str
    nation: str
    region: str
    type_code: str
    start: date | None
    end: date | None
    current_flag: bool | None
    line: int
    replaced_by: tuple[str, ...] = ()  # the register codes of the authorities that took over

    def is_current(self, today: date) -> bool:
        """Started by `today` and not yet ended. The dates decide: the register's
        `current-authority` column says what was true on the day it was published, so it is
        used only for a row with no dates at all."""
        if self.start and self.start > today:
            return False
        if self.end:
            return self.end > today
        return bool(self.start) or self.current_flag is not False

    @property
    def record_id(self) -> str:
        """The file name a new record gets: the everyday name, as a valid id."""
        return suggest_id(self.nice_name or self.official_name)

    @property
    def label(self) -> str:
        return f"{self.code} ({self.nice_name or self.official_name})"

    def fields(self) -> dict[str, str]:
        """The council record keys the register can fill, in FIELD_ORDER; values the schema
        would refuse (a four-letter code, an empty region) are left out."""
        values = {
            "name": self.official_name,
            "short_name": self.nice_name,
            "gss_code": self.gss_code if _GSS.match(self.gss_code) else "",
            "register_code": self.code if _REGISTER_CODE.match(self.code) else "",
            "type": TYPES.get(self.type_code, "other"),
            "nation": REGISTER_NATIONS.get(self.nation.casefold(), ""),
            "region": self.region,
            "end_date": self.end.isoformat() if self.end else "",
        }
        return {key: values[key] for key in FIELD_ORDER if values.get(key)}

    @property
    def unusable(self) -> str:
        """Why no valid record can be made from this row, or '' when one can."""
        if not self.official_name:
            return "it has no official-name"
        if self.nation.casefold() not in REGISTER_NATIONS:
            return f"its nation '{self.nation}' is not England, Scotland, Wales or Northern Ireland"
        return ""


def read_register(path: Path) -> list[Authority]:
    """Every row of the register file at `path`, or RegisterError saying what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RegisterError(f"{path} cannot be read: {exc.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterError(
            f"{path} is not UTF-8 text, so it is not the register CSV file. "
            "Download uk_local_authorities_future.csv from mySociety and try again."
        ) from None
    return parse_register(text, str(path))


def parse_register(text: str, source: str = "the register") -> list[Authority]:
    """Rows of register CSV text."""
    if not text.strip():
        raise RegisterError(f"{source} is empty.")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise RegisterError(
                f"{source} does not look like the mySociety local authority register: it has "
                f"no column {', '.join(missing)}. Use uk_local_authorities_future.csv, "
                "whose first line starts 'local-authority-code,official-name,nice-name'."
            )
        authorities = [_authority(row, reader.line_num, source) for row in reader]
    except csv.Error as exc:
        raise RegisterError(f"{source}, line {reader.line_num}: not valid CSV ({exc}).") from None
    seen: dict[str, Authority] = {}
    for authority in authorities:
        if authority.code in seen:
            raise RegisterError(
                f"{source}, line {authority.line}: the code {authority.code} is also on line "
                f"{seen[authority.code].line}. Each code should appear once."
            )
        seen[authority.code] = authority
    return authorities


def _authority(row: dict[str | None, str | None], line: int, source: str) -> Authority:
    if None in row or any(row.get(c) is None for c in REQUIRED_COLUMNS):
        raise RegisterError(
            f"{source}, line {line}: this row has a different number of values from the "
            "header. Is a comma missing or a name not in quotes?"
        )

    def value(column: str) -> str:
        return (row.get(column) or "").strip()

    code = value("local-authority-code")
    if not code:
        raise RegisterError(f"{source}, line {line}: the local-authority-code is empty.")
    flag = value("current-authority").casefold()
    return Authority(
        code=code,
        official_name=value("official-name"),
        nice_name=value("nice-name"),
        gss_code=value("gss-code"),
        nation=value("nation"),
        region=value("region"),
        type_code=value("local-authority-type"),
        start=_date(value("start-date"), "start-date", line, source),
        end=_date(value("end-date"), "end-date", line, source),
        current_flag={"true": True, "false": False}.get(flag),
        line=line,
        # An optional column ("CBD,WAF"): older copies of the register may not have it.
        replaced_by=tuple(c.strip().upper() for c in value("replaced-by").split(",") if c.strip()),
    )


def _date(text: str, column: str, line: int, source: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RegisterError(
            f"{source}, line {line}: {column} '{text}' is not a date like 2019-04-01."
        ) from None


def select(
    authorities: Iterable[Authority], today: date, codes: Iterable[str] | None = None
) -> list[Authority]:
    """The current authorities, or just those with `codes`, in code order.

    Raises RegisterError for a code that is not in the register or not current.
    """
    everything = list(authorities)
    if codes is None:
        return sorted((a for a in everything if a.is_current(today)), key=lambda a: a.code)
    chosen: list[Authority] = []
    for code in dict.fromkeys(c.strip().upper() for c in codes if c.strip()):
        authority = find(everything, code)
        # An abolished authority asked for by code is imported with its end date and
        # successors: projects it led keep their history. One not started yet is not.
        if not authority.is_current(today) and not authority.end:
            if authority.start and authority.start > today:
                reason = f"it does not start until {authority.start.isoformat()}"
            else:
                reason = "the register marks it as no longer current"
            raise RegisterError(
                f"{authority.label} is not a current authority: {reason}. "
                "Only current and abolished authorities are imported."
            )
        chosen.append(authority)
    return sorted(chosen, key=lambda a: a.code)


def find(authorities: Iterable[Authority], code: str) -> Authority:
    """The authority with `code` (any case), or RegisterError with a suggestion."""
    wanted = code.strip().upper()
    by_code = {a.code: a for a in authorities}
    if wanted in by_code:
        return by_code[wanted]
    # closest() folds the word it is given, not the candidates: compare in lower case.
    guess = closest(wanted.lower(), [c.lower() for c in by_code])
    hint = f" Did you mean {guess.upper()}?" if guess else ""
    raise RegisterError(f"The register has no authority with the code {wanted}.{hint}")
