"""Reading mySociety's UK local authority register into council record fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.register.authorities import (
    RegisterError,
    find,
    parse_register,
    read_register,
    select,
)
from tests.conftest import TODAY

SMALL = Path(__file__).parent.parent / "data" / "register" / "small.csv"
HEADER = (
    "local-authority-code,official-name,nice-name,gss-code,start-date,end-date,nation,region,"
    "local-authority-type\n"
)


@pytest.fixture(scope="module")
def register():
    return {a.code: a for a in read_register(SMALL)}


@pytest.mark.parametrize(
    ("code", "council_type", "nation"),
    [
        ("WBK", "unitary", "england"),
        ("HCK", "london-borough", "england"),
        ("ADU", "district", "england"),
        ("KIR", "metropolitan-district", "england"),
        ("DEV", "county", "england"),
        ("ABC", "ni-district", "northern-ireland"),
        ("ABE", "scottish-council", "scotland"),
        ("CRF", "welsh-principal-area", "wales"),
        ("GMCA", "combined-authority", "england"),
        ("LND", "other", "england"),
    ],
)
def test_types_and_nations_map_onto_the_schema(register, code, council_type, nation) -> None:
    fields = register[code].fields()
    assert (fields["type"], fields["nation"]) == (council_type, nation)


def test_fields_follow_the_record_order_and_leave_out_what_the_schema_refuses(register) -> None:
    assert register["ABC"].fields() == {
        "name": "Armagh City, Banbridge and Craigavon Borough Council",
        "short_name": "Armagh City, Banbridge and Craigavon",
        "gss_code": "N09000002",
        "register_code": "ABC",
        "type": "ni-district",
        "nation": "northern-ireland",
        "region": "Northern Ireland",
    }
    # Combined authorities have four-letter codes; the schema's register_code has three.
    assert "register_code" not in register["GMCA"].fields()
    assert register["ABC"].record_id == "armagh-city-banbridge-and-craigavon"


def test_current_means_started_and_not_ended(register) -> None:
    assert register["WBK"].is_current(TODAY)
    assert not register["ALL"].is_current(TODAY)  # ended 2023-04-01
    assert not register["XFU"].is_current(TODAY)  # starts 2027-04-01
    assert register["XFU"].is_current(TODAY.replace(year=2027, month=4, day=1))
    assert [a.code for a in select(register.values(), TODAY)] == [
        "ABC", "ABE", "ADU", "CRF", "DEV", "GMCA", "HCK", "KIR", "LND", "WBK",
    ]  # fmt: skip


def test_an_abolished_authority_by_code_is_chosen_with_its_end_and_successors(register) -> None:
    (allerdale,) = select(register.values(), TODAY, ["ALL"])
    assert allerdale.fields()["end_date"] == "2023-04-01"
    assert allerdale.replaced_by == ("CBD",)


def test_codes_choose_authorities_in_any_case(register) -> None:
    chosen = select(register.values(), TODAY, ["wbk", " HCK", "", "WBK"])
    assert [a.code for a in chosen] == ["HCK", "WBK"]
    assert find(register.values(), "hck").nice_name == "Hackney"


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        (["WBQ"], "The register has no authority with the code WBQ. Did you mean WBK?"),
        (["XFU"], "XFU (Example Future) is not a current authority: it does not start until"),
    ],
)
def test_codes_that_cannot_be_imported_are_explained(register, codes, message) -> None:
    with pytest.raises(RegisterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        select(register.values(), TODAY, codes)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("code,name\nWBK,West Berkshire\n", "has no column local-authority-code, official-name"),
        (HEADER + "WBK,West Berkshire Council,West Berkshire\n", "line 2: this row has"),
        (HEADER + "WBK,W,W,E06000037,01/04/2019,,England,South East,UA\n", "line 2: start-date"),
        (HEADER + ",W,W,E06000037,,,England,South East,UA\n", "local-authority-code is empty"),
        (HEADER + 'WBK,"West,W,E06000037,,,England,South East,UA\n', "not valid CSV"),
        (
            HEADER + "WBK,W,W,E1,,,England,,UA\nWBK,W,W,E1,,,England,,UA\n",
            "line 3: the code WBK is also on line 2",
        ),
    ],
)
def test_bad_csv_is_explained(text: str, message: str) -> None:
    with pytest.raises(RegisterError, match=message):
        parse_register(text, "register.csv")


def test_a_file_that_is_not_text_is_explained(tmp_path: Path) -> None:
    binary = tmp_path / "register.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\xff\xfe\x00")
    with pytest.raises(RegisterError, match="is not UTF-8 text"):
        read_register(binary)


def test_rows_without_a_known_nation_cannot_become_records() -> None:
    [authority] = parse_register(HEADER + "IOM,Isle of Man Government,Isle of Man,,,,Crown,,X\n")
    assert "nation 'Crown'" in authority.unusable
    assert authority.fields()["type"] == "other"


def test_the_greater_london_authority_is_a_strategic_authority() -> None:
    row = "GLA,Greater London Authority,Greater London,E61000001,2005-06-22,,England,London,SRA\n"
    [authority] = parse_register(HEADER + row)
    assert authority.fields()["type"] == "strategic-authority"
