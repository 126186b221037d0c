"""The patterns of one person counted without a number: "a soldier was killed", "the gunman shot
himself", "a police officer, Sgt. Musa, died", "both", "another", "a third one". Each comes with the
words (lower case) one of which a text must hold for it to be tried (``events_implicit`` runs them).
"""

from __future__ import annotations

import re

from etl.stages.extract.events_gates import word_start
from etl.stages.extract.events_regex import factor, searcher

__all__ = ["singular_patterns"]

# Words (lower case) one of which a text must hold for a singular pattern to be tried at all.
_SINGULAR_GATES: dict[str, tuple[str, ...]] = {
    "self": ("himself", "herself"),
    "pron": (" he ", " she ", "\nhe ", "\nshe "),
    "pair": ("couple", "pair"),
    "twin": ("twin",),
    "victim": ("died", "succumbed", "breathed", "killed", "dead", "assassinated", "neutrali", "gunned", "death", "electrocuted", "wounded", "injured", "hurt"),
    "coord": ("and the",),
    "the": ("attacker", "assailant", "gunman", "bomber", "shooter", "hijacker", "kidnapper"),
    "bare": ("kill", "shoot", "shot", "behead", "execute", "abduct", "kidnap", "wound", "injure"),
    # or the very start of the text (see events_implicit.singular_candidates): "^" is not multi-line,
    # so a line break alone never lets the pattern match
    "head": (":", ";", "|"),
    "another": ("another",),
    "both": ("both",),
    "ord": ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    "one": (" one",),
    "sole": (" one ",),
    "listed": (" were the", " are the"),
    "titled": ("embraced", "attained", "achieved", "laid down", "martyr"),
    "titles": (" and ",),
    # "title": none (its case-sensitive search is as cheap as the gate would be)
}


# What follows a title and a name when the name is a count of one ("Constable X [was] killed").
_TITLE_VERBS = r"(?:was|were|had|has|is|and|died|succumbed|embraced|attained|achieved|laid|lost|breathed|sustained|suffered|received|later|also)"
# Person nouns that are also adjectives ("a local rights group", "a national newspaper", "the head
# office"): such a noun ends the phrase only when no lower-case word but a verb or link follows it,
# so "a local trader" reads on to "trader" and "a local rights group" names no one.
_ATTRIBUTIVE = ("local", "national", "general", "private", "major", "chief", "head", "official", "foreign", "minor")
_AFTER_PERSON = r"(?:was|were|is|are|had|has|who|and|or|died|later|also|being|in|on|at|near|from|of|with|along|together|alongside|by|after|while|whose|to)\b"
_NOT_ATTRIBUTIVE = "(?!(?:" + "|".join(rf"(?<=\b{w})" for w in _ATTRIBUTIVE) + rf")\s+(?!{_AFTER_PERSON})[a-z])"
# A person's name: one to four capitalised words, an alias in quotes ("Alias 'El Gordo'"); and the
# harm that must follow a named person for the name to count one ("journalist X was shot dead").
_NAME_WORD = r"['‘\"“]?(?:(?-i:al|el|ad|as|bin|ibn|de|del|da|dos|van|von|la)[-\s])?(?-i:[A-Z])[\w'’.-]*['’\"”]?"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_HARMED = (
    r"(?:was|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:killed|shot\s+dead|assassinated|murdered|gunned\s+down|executed|beheaded|"
    r"lynched|stabbed\s+to\s+death|found\s+dead|wounded|injured|hurt|abducted|kidnapped)\b"
)
_NAMED_HARM = rf"(?=\s+{_HARMED}|\s+(?:later\s+)?(?:died|succumbed)\b)"
# The "named" pattern is costly (a person noun tried at every word): it is tried only in a sentence
# that tells the harm (a cheap search: the verb first, not what comes before it).
_NAMED_GATE = searcher(rf"\b{_HARMED}|\b(?:died|succumbed)\b", re.I)
# Singular patterns matched case-sensitively: a title is one only before a capitalised name.
_CASED = frozenset({"title", "titled", "titles"})


def singular_patterns(nouns: str, titles: str) -> tuple[tuple[str, re.Pattern[str], tuple[str, ...] | re.Pattern[str]], ...]:
    """One pattern per way of naming a single person; the named group is the candidate's span."""
    verbs = factor(
        r"kill(?:s|ed|ing)?|shooting\s+dead|injuring|wounding|shoot(?:s)?\s+dead|shot\s+dead|behead(?:s|ed)?|execute[sd]?|abduct(?:s|ed)?|kidnap(?:s|ped)?|wound(?:s|ed)?|injure[sd]?"
    )
    not_first = r"(?!(?:in|on|at|by|during|after|near|from|with|for|of|the|and|or|when|while|as|before|because|since|if|but|where|who|which|that|than)\b)"
    sources = {
        "self": r"\b(?P<self>himself|herself)\b",
        "pron": r"\b(?P<pron>he|she)(?=\s+(?:was|had been|has been)\s+(?:\w+\s+)?"
        r"(?:killed|shot dead|wounded|injured|hurt|arrested|detained|abducted|kidnapped|captured)\b)",
        # "an elderly couple", "a pair of soldiers", "twin brothers" ("a couple of" is a few, not two)
        "pair": r"\b(?P<pair>an?)\s+(?:[\w'’-]+\s+){0,2}?(?:couple\b(?!\s+of\b)|pair\b)",
        "twin": r"\b(?P<twin>(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+)?[Tt]win)\s+(?=(?:brothers|sisters|sons|daughters|boys|girls|babies|siblings)\b)",
        # (or a group's name of up to four capitalised words: "a New People's Army rebel")
        # a named person: "journalist Ahmed Ali [was shot dead]", "Alias 'El Gordo', a leader of the Clan del Golfo, [was killed]" (the name and its aside)
        "named": rf"\b(?P<named>(?:{nouns})\s+{_NAME}(?={_NAMED_HARM})"  # (with an age, "X, 52, was killed", the age counts her)
        rf"|{_NAME}(?:\s*,\s*\d{{1,3}})?\s*,\s+(?:an?|the|his|her)\s+[^,.;()]{{0,60}}?\b(?:{nouns})\b[^,.;()]{{0,60}}?,{_NAMED_HARM})",
        "det": rf"\b(?P<det>an?|one|another|his|her|their)\s+(?:(?:[\w'’-]+\s+){{0,2}}?|(?:(?-i:[A-Z])[\w'’-]*\s+){{3,4}}?)"
        rf"(?:{nouns})\b(?!['’-]){_NOT_ATTRIBUTIVE}",
        "the": r"\b(?P<the>the)\s+(?:[\w'’-]+\s+)?(?:attacker|assailant|gunman|bomber|shooter|hijacker|kidnapper)\b(?!['’-])",
        # (a place or body may follow the noun: "the mayor of Tlalixcoyan was killed"; a deed of the
        # person's own before: "the suspect fought back and was neutralised";
        # an aside: "the nurse, a mother of two, died"; "the shop owner, 42, and a customer were hurt")
        "victim": rf"\b(?P<victim>the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})(?:\s+of\s+(?:the\s+)?{_NAME})?(?:\s*,\s*[^,.;()]{{1,40}}?,)?\s+(?:later\s+|also\s+|subsequently\s+|eventually\s+)?"
        r"(?=(?:(?:fought|resisted|opened\s+fire|fired|tried\s+to\s+\w+|attempted\s+to\s+\w+)(?:\s+back)?\s+and\s+)?(?:died|succumbed|breathed\s+(?:his|her)\s+last|was\s+(?:killed|shot\s+dead|pronounced\s+dead|found\s+dead|assassinated|neutrali[sz]ed|gunned\s+down|crushed\s+to\s+death|burnt\s+to\s+death|burned\s+to\s+death|electrocuted"
        r"|(?:(?:seriously|critically|badly|slightly|gravely|also)\s+)?(?:wounded|injured|hurt)))\b"
        # "the driver and his apprentice were killed": the first of two named roles
        rf"|and\s+(?:his|her|their|the|an?)\s+(?:[\w'’-]+\s+)?(?:{nouns})\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|shot\s+dead|wounded|injured|abducted|kidnapped)\b"
        # "the driver and two passengers were killed", "the owner and 4 customers were wounded": one more than the number
        rf"|and\s+(?:\d{{1,3}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:of\s+(?:his|her|their|its|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})(?:e?s)?\s+"
        r"(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|shot\s+dead|wounded|injured|abducted|kidnapped)\b)",
        # "killed 20 cadets and the driver", "15 commandos and the driver killed": "the" after a counted
        # plural names one more person, not one of them (the group's span alone must be free: events_implicit)
        "coord": rf"\b(?:\d{{1,4}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)\s+"
        rf"(?:[\w'’-]+\s+){{0,2}}?[a-z]+(?:s|men|people)\s+and\s+(?P<coord>the)\s+(?:[\w'’-]+\s+)?(?:{nouns})\b(?!['’-]){_NOT_ATTRIBUTIVE}",
        "bare": rf"\b(?:{verbs})\s+(?:the\s+)?(?P<bare>(?:{not_first}[\w'’-]+\s+){{0,2}}?(?:{nouns}))\b(?!['’-]){_NOT_ATTRIBUTIVE}"
        r"(?!\s+(?:attacks?|groups?|cells?|organi[sz]ations?|networks?|outfits?)\b)",
        "head": rf"(?:^|[|;:]\s*)(?P<head>(?:[\w'’-]+\s+){{0,2}}?(?:{nouns}))\s+(?:also\s+)?(?:killed|dead|died|wounded|injured|hurt)\b",
        # (not "another two injured": the number counts them)
        # (or right after a verb of harm: "killing two gendarmes and wounding another", "killed one officer and wounded another")
        "another": r"\b(?P<another>another)(?!\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozen|several|few)\b))"
        r"(?=\s+(?:was\s+|were\s+)?(?:\w+\s+)?(?:killed|injured|wounded|hurt|died|abducted|kidnapped|arrested)\b"
        r"|(?:(?<=\bwounding another)|(?<=\binjuring another)|(?<=\bkilling another)|(?<=\bwounded another)|(?<=\binjured another)"
        r"|(?<=\bkilled another))(?:\s*[,.;]|\s+(?:at|in|on|near|during|when|while|before|after|as)\b)"
        # "three died in the blast and another in hospital": a gapped verb (events_gapped)
        r"|(?<=\band another)(?=\s+(?:later\s+|also\s+)?(?:in|at|on|en\s+route|overnight)\b))",
        "both": r"(?<!\bon )(?<!\bfrom )(?<!\bof )\b(?P<both>[Bb]oth)(?=\s+(?:of\s+them\s+|(?:of\s+)?(?:the\s+|their\s+)?(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*(?:s|men|people|police)\s+)?(?:later\s+|also\s+)?(?:died|succumbed|were\s+(?:later\s+|also\s+)?(?:killed|injured|wounded|shot\s+dead|declared\s+dead)))",
        # "killed were the priest, two altar boys and a woman": "the" heads a list after an inverted measure
        "listed": rf"\b(?:killed|dead|slain|injured|wounded|hurt)\s+(?:were|are)\s+(?P<listed>the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})\b(?!['’-])",
        # "abducted 26 passengers and killed one who tried to flee": a lone "one" after the verb
        "one": rf"\b(?:{verbs})\s+(?P<one>one)\b(?=\s+(?:who|of\s+(?:them|those|the)|as|while|when)\b|\s*[,.;])",
        # "two soldiers were seriously wounded and one was moderately wounded": a lone "one" as a subject
        "sole": r"\b(?:and|while|but|whereas)\s+(?P<sole>one)\s+(?=(?:other\s+)?(?:was|is|had\s+been|has\s+been)\s+(?:\w+\s+)?"
        r"(?:killed|wounded|injured|hurt|abducted|kidnapped|arrested|shot\s+dead|missing)\b)",
        # "Constable Muhammad Aslam (32) embraced martyrdom": the title stands for the named person
        # case-sensitive (see _CASED): a title, a capitalised name (an age in brackets), then a verb
        "title": rf"(?P<title>{word_start(factor(titles))})\s+(?=(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:\(\d+\)\s+)?{_TITLE_VERBS}\b)",
        # "Sepoy Muhammad Ali, 24, resident of Kurram, having fought gallantly, embraced shahadat": a
        # press release's martyrdom formula, the name and its asides up to the verb (case-sensitive too)
        "titled": rf"\b(?P<titled>(?:{factor(titles)})\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*(?:\s*,\s*[^,.;]{{1,60}}){{1,4}},)"
        r"(?=\s+(?:embraced|attained|achieved|laid\s+down|was\s+martyred)\b)",
        # "Constables Ali Khan and Omar Zaman embraced martyrdom": a plural title before two or more
        # names counts the names (case-sensitive as "title"; see events_implicit for the value)
        "titles": rf"\b(?P<titles>(?:{factor(titles)})s\s+{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME})"
        r"(?=\s+(?:embraced|attained|achieved|laid\s+down|were|have\s+been|had\s+been|lost|succumbed|died)\b)",
        # "a third (one)", "another fifth", and "the third victim" (with "the" only before a person noun)
        "ord": rf"\b(?P<ord>an?(?:other)?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:\s+one\b)?|(?<!\bis\s)(?<!\bwas\s)(?<!\bbecame\s)(?<!\bbecomes\s)(?<!\bmarks\s)the\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?=\s+(?:[\w'’-]+\s+)?(?:{nouns})\b))"
        r"\b(?!\s+(?:of|time|day|attack|incident|year|round|term)\b)",
    }
    gates: dict[str, tuple[str, ...] | re.Pattern[str]] = {**_SINGULAR_GATES, "named": _NAMED_GATE}
    return tuple((name, _singular_pattern(name, source), gates.get(name, ())) for name, source in sources.items())


def _singular_pattern(name: str, source: str) -> re.Pattern[str]:
    if name == "title" and not source.startswith(r"(?P<title>\b"):  # (see events_gates.word_start: no look-ahead in front)
        return re.compile(source)
    return searcher(source, 0 if name in _CASED else re.I)
