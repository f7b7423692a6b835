"""Plausible council-project prose for synthetic records: varied, seeded, never lorem ipsum.

Text length and shape matter to a benchmark (Markdown rendering, search indexing and page
size all scale with it), so descriptions follow the real records: two to four `##` sections
of short paragraphs, a list, the odd link and bold phrase, about 1 to 3 KB.
"""

from __future__ import annotations

import random

SERVICES = [
    (
        "Report",
        [
            "a missed bin",
            "a pothole",
            "fly-tipping",
            "a broken streetlight",
            "graffiti",
            "an abandoned vehicle",
            "a noise complaint",
            "dog fouling",
            "a blocked drain",
            "a dangerous tree",
            "speeding traffic",
            "a housing repair",
        ],
    ),
    (
        "Apply for",
        [
            "a parking permit",
            "a blue badge",
            "a school place",
            "free school meals",
            "a street party",
            "a pavement licence",
            "a disabled facilities grant",
            "council housing",
            "a dropped kerb",
            "a taxi licence",
        ],
    ),
    (
        "Book",
        [
            "a bulky waste collection",
            "a recycling centre slot",
            "a registrar appointment",
            "a sports pitch",
            "a room at the library",
            "a ceremony venue",
        ],
    ),
    (
        "Pay",
        [
            "council tax",
            "a parking fine",
            "for garden waste",
            "a housing benefit overpayment",
            "for a pest control visit",
        ],
    ),
    (
        "Find",
        [
            "my bin day",
            "a childminder",
            "a care home",
            "a local councillor",
            "a planning application",
            "an allotment",
            "a library event",
        ],
    ),
    (
        "Tell us about",
        ["a change of circumstances", "a death", "a move", "a new business", "an empty home"],
    ),
]
QUALIFIERS = [
    "",
    "",
    "",
    " online",
    " pilot",
    " for residents",
    " (shared service)",
    " in rural areas",
    " for landlords",
    " by text message",
]

HEADINGS = [
    "What we're trying to find out",
    "The problem",
    "Who it is for",
    "What we've learnt",
    "What we're doing",
    "What happens next",
    "What we'd like from you",
    "How it works",
    "Why we're doing this",
    "Where we are now",
]
OPENERS = [
    "We receive around {n:,} {thing} a year, and {share} of them arrive by phone.",
    "Residents told us the current {thing_single} process is confusing and slow.",
    "Every council we've spoken to sees the same pattern with {thing}.",
    "Our contact centre spends {days} staff days a month answering questions about {thing}.",
    "The existing {thing_single} form was built in {year} and has not changed since.",
    "About {share} of {thing} are duplicates of something already reported.",
]
MIDDLES = [
    "We interviewed {people} residents and {staff} members of staff about how it works today.",
    "A prototype went in front of users in {month}, and most of them finished without help.",
    "The data shows that people ring back to chase when they hear nothing after {action}.",
    "We mapped the journey end to end with the back-office team and found {steps} hand-offs.",
    "Working with {partner}, we agreed a shared set of user needs and a common data model.",
    "Accessibility testing with screen reader users found problems we have now fixed.",
    "The case management system exposes an API, so we can avoid re-keying data.",
    "We published our research notes so other councils can reuse them.",
    "Most people who contact us want to know what happens next, not only when.",
    "We are using the GOV.UK Design System patterns, adapted for local government.",
]
CLOSERS = [
    "If you're working on something similar, we'd love to hear from you.",
    "Next we plan to test a **beta** with a small group of residents in {month}.",
    "We will share everything we make under an open licence.",
    "Come to our fortnightly show and tell: everyone is welcome.",
    "We need help from a {role} for {days} days over the next quarter.",
    "Read our [weeknotes]({url}) for the latest.",
]
LIST_ITEMS = [
    "interviewing residents who used the service in the last six months",
    "shadowing the contact centre for a week",
    "analysing two years of case data",
    "testing paper prototypes in libraries",
    "running a workshop with partner councils",
    "writing a shared specification for the form",
    "publishing the code on GitHub under the MIT licence",
    "measuring how many people finish the form first time",
    "reviewing the content with a content designer",
    "talking to suppliers about open standards",
]
UPDATES = [
    "Show and tell with {people} people from partner councils.",
    "Finished {people} user research sessions; write-up on the blog.",
    "Prototype tested with {people} residents; {share} finished without help.",
    "Moved to the next phase after a successful assessment.",
    "Agreed a shared data model with {partner}.",
]
TAGS = [
    "open-data",
    "forms",
    "gis",
    "apis",
    "user-research",
    "accessibility",
    "chatbots",
    "payments",
    "notifications",
    "case-management",
    "low-code",
    "content-design",
    "mapping",
    "open-source",
    "data-sharing",
    "booking",
    "identity",
    "digital-inclusion",
    "automation",
    "waste",
    "highways",
    "housing",
    "benefits",
    "schools",
    "social-care",
    "licensing",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "September",
    "October",
    "November",
]
ROLES = ["user researcher", "content designer", "developer", "data analyst", "service designer"]


class Prose:
    """Seeded text for one synthetic catalogue; the same seed gives the same catalogue."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def title(self) -> str:
        verb, objects = self.random.choice(SERVICES)
        return f"{verb} {self.random.choice(objects)}{self.random.choice(QUALIFIERS)}"

    def summary(self, title: str) -> str:
        who = self.random.choice(["residents", "landlords", "businesses", "carers", "officers"])
        what = self.random.choice(
            ["An online service", "A shared form", "A discovery", "A reusable component"]
        )
        return f"{what} so {who} can {title[0].lower()}{title[1:]} without phoning the council."

    def sentence(self, pool: list[str], partner: str = "a neighbouring council") -> str:
        r = self.random
        return r.choice(pool).format(
            n=r.randrange(2_000, 90_000, 500),
            thing=r.choice(["reports", "applications", "calls", "requests", "complaints"]),
            thing_single=r.choice(["application", "booking", "reporting", "payment"]),
            share=r.choice(["a third", "half", "a quarter", "two thirds"]),
            days=r.randint(2, 40),
            year=r.randint(2009, 2019),
            people=r.randint(8, 40),
            staff=r.randint(3, 20),
            month=r.choice(MONTHS),
            action=r.choice(["reporting", "applying", "booking"]),
            steps=r.randint(4, 14),
            partner=partner,
            role=r.choice(ROLES),
            url=f"https://blog.example.gov.uk/{r.randint(1, 999)}",
        )

    def paragraph(self, partner: str) -> str:
        parts = [self.sentence(OPENERS, partner)]
        parts += [self.sentence(MIDDLES, partner) for _ in range(self.random.randint(1, 3))]
        if self.random.random() < 0.6:
            parts.append(self.sentence(CLOSERS, partner))
        return " ".join(parts)

    def description(self, partner: str) -> str:
        sections = []
        for heading in self.random.sample(HEADINGS, self.random.randint(2, 4)):
            body = [self.paragraph(partner) for _ in range(self.random.randint(1, 2))]
            if self.random.random() < 0.5:
                items = self.random.sample(LIST_ITEMS, self.random.randint(2, 4))
                body.append("\n".join(f"- {item};" for item in items))
            sections.append(f"## {heading}\n\n" + "\n\n".join(body))
        return "\n\n".join(sections) + "\n"

    def tags(self) -> list[str]:
        return self.random.sample(TAGS, self.random.randint(1, 5))
