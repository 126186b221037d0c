"""Generate synthetic news-like corpora of any size for the speed benchmarks.

Articles are assembled from sentence templates and vocabularies (places, groups, numbers, dates)
with a seeded random generator, so a corpus is reproducible and its size is chosen freely. They
are for measuring speed and memory, not quality: the wording repeats far more than real news.

    python benchmarks/synth.py 10000 -o /tmp/synth-10k.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

PLACES = [
    ("Quetta", "Pakistan"), ("Peshawar", "Pakistan"), ("Bannu", "Pakistan"), ("Maiduguri", "Nigeria"),
    ("Kaduna", "Nigeria"), ("Mogadishu", "Somalia"), ("Kabul", "Afghanistan"), ("Jalalabad", "Afghanistan"),
    ("Gao", "Mali"), ("Djibo", "Burkina Faso"), ("Cali", "Colombia"), ("Marawi", "Philippines"),
    ("Culiacan", "Mexico"), ("Idlib", "Syria"), ("Goma", "Democratic Republic of the Congo"), ("Mandera", "Kenya"),
]
GROUPS = ["al-Shabaab", "Boko Haram", "ISKP", "JNIM", "the TTP", "ISWAP", "the ELN", "the NPA", "unidentified gunmen"]
SUBJECTS = ["people", "civilians", "soldiers", "police officers", "villagers", "worshippers", "students", "militants"]
WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "a dozen", "two dozen"]
QUALIFIERS = ["", "at least ", "about ", "more than ", "nearly ", "up to ", "an estimated "]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
OFFICIALS = ["police said", "officials said", "a military spokesman said", "local residents told reporters", "according to hospital staff"]

TEMPLATES = [
    "{qual}{n} {subject} were killed and {m} others wounded when {group} attacked a {target} in {city} on {weekday}, {official}.",
    "The death toll from {weekday}'s bombing in {city} rose to {n}, {official}, adding that {m} people remained in hospital.",
    "{group} claimed responsibility for the attack, which left {qual}{n} {subject} dead in {city} province.",
    "In {year} alone, {big:,} people were killed in attacks across {country}, a {pct}% {direction} from {prev_year}.",
    "Security forces arrested {m} suspects in connection with the {month} {day} attack, {official}.",
    "Gunmen abducted {qual}{n} {subject} from a {target} near {city} late on {weekday}.",
    "Between {a} and {b} families fled their homes after clashes in {city} last week, aid agencies said.",
    "The government has pledged ${money} million to rebuild the {target}, {official}.",
    "No one was hurt in a second blast near the {target} in {city}, {official}.",
    "Witnesses said dozens of fighters on motorcycles took part in the raid on {city} in early {month}.",
    "The army said it had killed {n} militants in an operation in the hills outside {city} on {month} {day}.",
    "Flight {flight} was diverted and Route {route} closed for {hours} hours while {n} bodies were recovered.",
]
# Sentences without numbers (quotes, background, reactions). Real articles mix them in: our sample
# corpus has numbers in 69% of its sentences; FILLER_SHARE keeps the synthetic corpus close to that.
FILLER = [
    "\"We heard a loud bang and then people were running everywhere,\" said a shopkeeper who asked not to be named.",
    "The {target} had been reopened only recently after repairs, residents said.",
    "Security was tightened across {city} and roads leading to the {target} were sealed off.",
    "Officials in {country} condemned the attack and promised a full investigation.",
    "The region has seen a rise in violence as armed groups compete for control of trade routes.",
    "Aid agencies warned that access to the area remained difficult because of insecurity.",
    "Local leaders called for calm and urged families to cooperate with investigators.",
    "It was not immediately clear who was behind the attack.",
    "Analysts say the group has expanded its operations beyond its traditional strongholds.",
    "The government has faced growing criticism over its handling of security in the north.",
    "Hospitals in {city} appealed for blood donations as the wounded were brought in.",
    "Witnesses described scenes of panic as gunfire echoed through the streets.",
]
FILLER_SHARE = 0.35

TARGETS = ["market", "mosque", "church", "police station", "checkpoint", "school", "bus station", "army base", "hotel", "village"]


def _sentence(rng: random.Random, published: dt.date) -> str:
    city, country = rng.choice(PLACES)
    n = rng.choice([str(rng.randint(2, 120)), rng.choice(WORD_NUMBERS)])
    template = rng.choice(FILLER) if rng.random() < FILLER_SHARE else rng.choice(TEMPLATES)
    text = template.format(
        qual=rng.choice(QUALIFIERS), n=n, m=rng.randint(2, 90), subject=rng.choice(SUBJECTS),
        group=rng.choice(GROUPS), target=rng.choice(TARGETS), city=city, country=country,
        weekday=rng.choice(WEEKDAYS), official=rng.choice(OFFICIALS), year=published.year - 1,
        prev_year=published.year - 2, big=rng.randint(300, 4000), pct=rng.randint(3, 80),
        direction=rng.choice(["increase", "decrease", "rise", "drop"]), month=rng.choice(MONTHS),
        day=rng.randint(1, 28), a=rng.randint(100, 900), b=rng.randint(1000, 6000),
        money=round(rng.uniform(1, 90), 1), flight=rng.randint(100, 999), route=rng.randint(1, 99),
        hours=rng.randint(2, 12),
    )
    return text[0].upper() + text[1:]


def articles(count: int, *, seed: int = 7, sentences: tuple[int, int] = (8, 22)) -> Iterator[dict[str, object]]:
    """``count`` synthetic articles as JSON-able dicts (id, title, source, published, text)."""
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    for index in range(count):
        published = start + dt.timedelta(days=rng.randint(0, 5 * 365))
        paragraphs = []
        for _ in range(rng.randint(*sentences) // 3 + 1):
            paragraphs.append(" ".join(_sentence(rng, published) for _ in range(rng.randint(1, 4))))
        yield {
            "id": f"synth-{seed}-{index}", "title": f"Synthetic report {index}", "source": f"Synthetic Wire {index % 7}",
            "published": published.isoformat(), "text": "\n\n".join(paragraphs),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with args.output.open("w", encoding="utf-8") as handle:
        for article in articles(args.count, seed=args.seed):
            handle.write(json.dumps(article) + "\n")


if __name__ == "__main__":
    main()
