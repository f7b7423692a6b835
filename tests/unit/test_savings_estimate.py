"""The savings arithmetic on the model directly: who counts as an adopter, how a shared build is
split, and what the totals leave out, each rule with the case either side of it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from generator.catalogue.model import (
    Adoption,
    Catalogue,
    Council,
    Partner,
    Pledge,
    Project,
    Reuse,
)
from generator.savings.estimate import Money, estimate

BANDS = {"under-50k": (10_000, 50_000), "50k-100k": (50_000, 100_001)}
COUNCILS = ("lead", "builder", "helper", "adopter", "other")


def catalogue(*projects: Project) -> Catalogue:
    councils = {
        c: Council(c, f"councils/{c}.yml", f"{c.title()} Council", "unitary", "england")
        for c in COUNCILS
    }
    return Catalogue({p.id: p for p in projects}, councils, {}, {})


def service(id: str = "service", *adopters: str, **fields) -> Project:
    made = Project(
        id,
        f"projects/{id}.yml",
        id.title(),
        "S.",
        "live",
        "lead",
        partners=(Partner("builder", "partner"), Partner("helper", "contributor")),
        budget="under-50k",
        reusable=True,
        reuse=Reuse(adoptions=tuple(Adoption(a) for a in adopters)),
    )
    return replace(made, **fields)


def test_an_adopter_listed_twice_counts_once() -> None:
    once = estimate(catalogue(service("s", "adopter")), BANDS)
    twice = estimate(catalogue(service("s", "adopter", "adopter")), BANDS)
    assert [a.not_counted for a in twice.service("s").adopters] == ["", "repeat"]
    assert twice.service("s").avoided == once.service("s").avoided == Money(10_000, 50_000)
    assert twice.totals.adoptions == once.totals.adoptions == 1
    assert twice.council("adopter").avoided == Money(10_000, 50_000)
    assert len(twice.council("adopter").adopted) == 1


def test_the_councils_that_built_it_are_not_adopters_and_everyone_else_is() -> None:
    savings = estimate(catalogue(service("s", "lead", "builder", "helper", "adopter")), BANDS)
    reasons = {a.council: a.not_counted for a in savings.service("s").adopters}
    # A contributing partner did not pay to build it, so it avoided building its own.
    assert reasons == {"lead": "lead", "builder": "builder", "helper": "", "adopter": ""}
    assert savings.totals.avoided == Money(20_000, 100_000)
    # What its adopters avoided is credited to the councils that built it, not to others.
    assert savings.council("builder").others_avoided == Money(20_000, 100_000)
    assert savings.council("helper").others_avoided == Money(0, 0)


def test_a_shared_build_is_split_with_low_rounded_down_and_high_rounded_up() -> None:
    builders = (Partner("builder", "partner"), Partner("other", "partner"))
    three = service("three", budget="50k-100k", collaboration="co-develop", partners=builders)
    savings = estimate(catalogue(three), BANDS)
    # Partners carry two thirds of 50,000 to 100,001: 33,333.33 and 66,667.33.
    assert savings.shared_cost("three").shared == Money(33_333, 66_668)
    assert savings.totals.projects_sharing == 1


def test_a_build_shares_its_cost_only_with_a_second_builder() -> None:
    alone = service("alone", collaboration="co-develop", partners=(Partner("helper", "observer"),))
    pair = replace(alone, id="pair", partners=(Partner("builder", "partner"),))
    savings = estimate(catalogue(alone, pair), BANDS)
    assert savings.shared_cost("alone").builders == ("lead",)
    assert savings.shared_cost("pair").builders == ("lead", "builder")
    assert savings.totals.projects_sharing == 1
    assert savings.totals.shared == Money(5_000, 25_000)


def test_a_builder_listed_twice_is_one_builder() -> None:
    builders = (Partner("builder", "partner"), Partner("builder", "partner"))
    twice = service("twice", collaboration="share-funding", partners=builders)
    assert estimate(catalogue(twice), BANDS).shared_cost("twice").builders == ("lead", "builder")


def test_only_retired_projects_are_left_out_of_the_totals() -> None:
    pledge = (Pledge("adopter", "time", 2.5), Pledge("adopter", "money", 100))
    live = service("live", "adopter", pledges=pledge)
    retired = replace(live, id="retired", phase="retired")
    savings = estimate(catalogue(live, retired), BANDS)
    assert savings.totals.adoptions == 1
    assert savings.totals.avoided == Money(10_000, 50_000)
    assert (savings.totals.pledged_days, savings.totals.pledged_money) == (
        Decimal("2.5"),
        Decimal("100"),
    )
    assert savings.totals.retired == ("retired",)
    assert savings.service("retired").avoided == Money(10_000, 50_000)  # shown, not totalled
    assert savings.council("adopter").pledged_days == Decimal("2.5")


def test_an_unknown_budget_is_counted_but_never_priced() -> None:
    unknown = service("unknown", "adopter", budget="unknown")
    savings = estimate(catalogue(unknown), BANDS)
    assert savings.service("unknown").avoided is None
    assert (savings.totals.adoptions, savings.totals.adoptions_unknown) == (1, 1)
    assert savings.totals.avoided == Money(0, 0)
