"""The savings figures in words, the same everywhere: site pages, the API's text fields and
`pipeline savings`.

Estimates are written as ranges rounded outwards to two significant figures (low down, high
up), so a figure never claims more precision than a budget band has. Pledges are amounts the
records state, so they are written exactly.
"""

from __future__ import annotations

from decimal import Decimal

from generator.savings.estimate import FUNDING, CouncilSavings, Money, ServiceSavings

SIGNIFICANT = 2


def _round(value: int, up: bool) -> int:
    """`value` to SIGNIFICANT figures, up or down."""
    if value < 10**SIGNIFICANT:
        return value
    step = 10 ** (len(str(value)) - SIGNIFICANT)
    return -(-value // step) * step if up else value // step * step


def pounds(value: int | Decimal) -> str:
    """£12,000 or £12,500.50: an exact amount."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return f"£{int(number):,}"
    return f"£{number:,.2f}"


def money_range(money: Money) -> str:
    """'£50,000 to £100,000', or '£50,000' when the ends meet."""
    low, high = _round(money.low, up=False), _round(money.high, up=True)
    return pounds(low) if low == high else f"{pounds(low)} to {pounds(high)}"


def days(value: Decimal) -> str:
    text = f"{value.normalize():,f}" if value != value.to_integral_value() else f"{int(value):,}"
    return f"{text} day" if value == 1 else f"{text} days"


def councils(count: int) -> str:
    return f"{count:,} council" if count == 1 else f"{count:,} councils"


def unknown_note(count: int, noun: str) -> str:
    """'1 adoption of a service whose budget is not known is counted but not priced.'"""
    if count == 0:
        return ""
    what = f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
    verb = "is" if count == 1 else "are"
    return f"{what} with a budget that is not known {verb} counted but not priced."


def adoption_sentence(service: ServiceSavings) -> str:
    """What a service's page and catalogue entry say about its adopters."""
    count = len(service.counted)
    if count == 0:
        return "No other council has adopted it yet."
    adopted = f"Adopted by {councils(count)}"
    if service.retired:
        return f"{adopted} while it ran. It is retired, so it is no longer counted as a saving."
    if service.avoided is None:
        return (
            f"{adopted}. What that avoided is not known, because the project's budget is "
            "not recorded, nor how much funding built it."
        )
    if service.basis == FUNDING and service.each:
        return (
            f"{adopted}: at least {pounds(service.avoided.low)} not spent again, each counting "
            f"the {pounds(service.each.low)} of recorded funding it took to build."
        )
    return f"{adopted}: an estimated {money_range(service.avoided)} not spent again."


WHY_NOT_COUNTED = {
    "lead": "it is the lead council, which built it",
    "builder": "it helped build it as a partner",
    "successor": "it took over from a council that built it",
    "repeat": "it is listed more than once",
}


def council_adoption(service: ServiceSavings, council: str) -> str:
    """What one council's adoption of a service is counted as, for the council's page."""
    adopter = next((a for a in service.adopters if a.council == council), None)
    if adopter and adopter.not_counted:
        return f"not counted as reuse, because {WHY_NOT_COUNTED[adopter.not_counted]}."
    if service.retired:
        return "retired, so no longer counted as a saving."
    if service.each is None:
        return "its budget is not known, so the saving is not estimated."
    if service.basis == FUNDING:
        return (
            f"the {pounds(service.each.low)} of recorded funding it took to build, not spent "
            "building its own."
        )
    return f"an estimated {money_range(service.each)} not spent building its own."


def council_reuse_total(council: CouncilSavings) -> str:
    """The total of what a council's own adoptions avoided."""
    priced = len(council.adopted) - council.adopted_unknown
    if not priced:
        return "The budgets of the services it reused are not known, so no saving is estimated."
    text = f"In all, an estimated {money_range(council.avoided)} not spent building its own"
    if council.adopted_unknown:
        return f"{text}, besides {council.adopted_unknown:,} with a budget that is not known."
    return f"{text}."


def council_others_total(council: CouncilSavings) -> str:
    """The total of what other councils avoided by adopting services this council built."""
    if not any(s.each for s in council.reused_from_it):
        return "The budgets of these services are not known, so no saving is estimated."
    return (
        f"In all, an estimated {money_range(council.others_avoided)} that other councils did "
        "not spend again."
    )
