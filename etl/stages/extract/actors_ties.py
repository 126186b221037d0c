"""How strongly the text ties an actor mention to the incident (see :func:`strength`).

An explicit claim beats an official attribution, which beats a description ("ISWAP fighters", "an
al-Shabaab attack"); a plain mention counts only inside the headline claim's sentence (the caller's
business). Set on hand-written cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.stages.extract.events_regex import searcher


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A listed actor named in the text: where, as written, and its canonical name."""

    char_start: int
    char_end: int
    surface: str
    name: str


_CLAIM_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s*,[^,.;]{0,120},)?[^\w.;]*(?:\w+[^\w.;]+){0,4}?(?:claim(?:ed|s|ing)?\b|said\s+(?:it|its|that\s+its|in\s+a\s+statement\s+that\s+its|the\s+(?:attacker|bomber|gunman|gunmen|attackers)\s+(?:was|were)\s+(?:one\s+of\s+)?its)\b"
    r"|said\s+(?:that\s+)?(?:one|two|three|some|several|a\s+number)\s+of\s+its\s+(?:[\w-]+\s+){0,2}?(?:fighters|members|militants|men|martyrs|operatives|suicide\s+bombers|commandos)\s+(?:had\s+)?"
    r"(?:carried\s+out|conducted|executed|staged|launched|blew|detonated|attacked|stormed|was\s+behind|were\s+behind)"
    r"|(?:has|have)\s+claimed|took\s+responsibility|accepted\s+responsibility|admitted\s+responsibility"
    # "a spokesman for the TTP said the group was behind the attack"
    r"|said\s+(?:that\s+)?the\s+(?:group|outfit|organi[sz]ation|movement)\s+(?:was\s+behind|was\s+responsible|had\s+carried\s+out|carried\s+out)"
    # "Al-Shabaab owned up to the attack", "the TTP has owned the attack"
    r"|owns?\s+up\b|owned\s+(?:up\b|responsibility|the\s+(?:\w+\s+)?(?:attack|bombing|blast|ambush|killings?|assault|raid|massacre))"
    # "the gunman, whom Hamas described as one of its members"; "Hamas called him one of its fighters"
    r"|(?:described|called|identified|named)\s+(?:him|her|them|the\s+(?:attacker|bomber|gunman|gunmen|assailant|shooter)s?)?\s*(?:as\s+)?(?:one\s+of\s+)?its\s+(?:own\s+)?"
    r"(?:members?|fighters?|militants?|men|operatives?|martyrs?|commandos?)\b)",
    re.I,
)
# "Claimed by: X", and the labels of a coded incident note ("Actor: X.", "Attackers: X",
# "Perpetrator(s): X"): the coder's attribution, as strong as a claim.
_CLAIM_BEFORE = searcher(
    r"(?:claimed\s+by|responsibility\s+was\s+claimed\s+by|\bclaim(?:ed)?\s*:|\bclaimed\s+by\s*:|"
    r"(?<![\w-])(?:perpetrators?|perpetrator\(s\)|perpetrated\s+by|actors?|actor\(s\)|attackers?|assailants?|armed\s+group|"
    r"(?:suspected|alleged)\s+(?:perpetrators?|actors?))\s*:)\s*(?:the\s+)?(?:suspected\s+|alleged\s+)?$",
    re.I,
)
# A list entry's last field, the group alone ("... 63 killed, 182 wounded. ISIL-K."; "... Boko Haram.";
# "National Thowheeth Jama'ath, pledged to Islamic State."): the perpetrator, as coded.
_FIELD_BEFORE = re.compile(r"(?:[.;]\s+|\n\s*)$")
_FIELD_AFTER = re.compile(r"(?:,\s*(?:pledged|linked|affiliated|allied|loyal)\b[^.\n]{0,60})?\.?[ \t]*(?:\n|$)", re.I)
_ATTRIBUTED_BEFORE = searcher(
    r"(?:blamed(?:\s+on)?|(?:attack|attacks|ambush|raid|assault|bombing|killings?|massacre)\s+by|"
    # a passive agent: "were attacked by fighters of X", "ambushed by suspected X militants"
    r"(?:attacked|ambushed|raided|stormed|targeted|abducted|kidnapped|bombed|shelled)\s+by(?:\s+(?:suspected|alleged|armed))?"
    r"(?:\s+(?:fighters|militants|members|gunmen|insurgents|elements|men|jihadists)\s+(?:of|from|loyal\s+to|belonging\s+to))?|attributed\s+to|carried\s+out\s+by|perpetrated\s+by|belong(?:ed|s|ing)?\s+to|members?\s+of|"
    r"allegiance\s+to|loyal\s+to|linked\s+to|affiliated\s+with|suspected\s+of\s+being|accused|behind\s+it\s+was|hallmarks?\s+of|(?:the\s+)?work\s+of|"
    # "the gunmen were from al-Shabaab", "militants, believed to be from ISWAP"
    r"(?:gunm[ae]n|attackers?|assailants?|militants?|bombers?|raiders|men)\s+(?:were|was)\s+(?:all\s+)?(?:from|members\s+of)|"
    r"(?:believed|thought|suspected|said|understood)\s+to\s+(?:be\s+from|be\s+members\s+of|be\s+fighters\s+of))\s+(?:the\s+)?"
    # "affiliated with proscribed outfit JeM", "members of the banned terror group LeT"
    r"(?:(?:outlawed|banned|proscribed|so-called|self-styled)\s+)?(?:(?:terror(?:ist)?\s+|militant\s+)?(?:outfit|group|organi[sz]ation)\s+)?$",
    re.I,
)
# "Boko Haram (JAS) fighters", "IS Mozambique militants", "Houthi forces shelled", "a Hezbollah
# anti-tank missile struck": the group's men, its weapon or its deed right after the name.
_DESCRIBED_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:\(\w+\)\s*)?(?-i:[A-Z][a-z]+\s+(?=[a-z]))?(?:-(?:linked|affiliated|allied|aligned|inspired)\b|militants?|militiam[ae]n|militias?|fighters?|gunmen|gunman|rebels?|insurgents?|cells?|attackers?|suicide|"
    r"bombers?|jihadists?|guerrillas?|combatants?|operatives?|forces|attack|attacks|actions?|ambush|raid|assault|bombing|offensive|shelling|"
    r"(?:[\w-]+\s+){0,2}?(?:drones?|missiles?|rockets?|mortars?|shells?|IEDs?|(?:land)?mines?|grenades?|artillery|snipers?)\s+(?:\w+\s+)?"
    r"(?:struck|hit|hits|strikes|killed|kills|landed|slammed|exploded|fell)|"
    r"kills?|killed|behead(?:s|ed)?|execut(?:es|ed)|abduct(?:s|ed)|stormed|attacked|raided|ambushed|fired|shot|launched|"
    r"shelled|besieged|bombed|overran|torched|opened\s+fire)\b",
    re.I,
)
_DESCRIBED_BEFORE = searcher(r"(?:suspected|by|of\s+the|from\s+the|an?|the)\s+$", re.I)
_BACKGROUND_BEFORE = searcher(
    r"(?:\b(?:which|although|rival|against|on(?!\s+(?:\d|the\s+(?:night|morning|evening)|(?:[A-Z][\w'’]*\s+){1,2}(?:Eve|Day)\b|Eid\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))|than|like|such\s+as|talks|negotiations|dialogue|ceasefire|truce)\b|(?<!attackers, )(?<!gunmen, )(?<!assailants, )(?<!militants, )(?<!attacker, )(?<!gunman, )\bwho\b)[^.;]{0,80}$",
    re.I,
)
# "the group, known as IS-Somalia": a name the text gives the perpetrators it already described.
_ALIAS_BEFORE = searcher(r"\b(?:known\s+as|also\s+called|calling\s+itself|dubbed|which\s+calls\s+itself|identified\s+as)\s+(?:the\s+)?$", re.I)
# "the Hamas-led government", "Houthi officials": the group as a ruler (not "the Hamas-led incursion", its deed).
_GOVERNMENT_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:-led\b(?!\s+(?:[\w-]+\s+)?(?:incursion|attack|assault|offensive|raid|invasion|ambush|onslaught|rampage)s?\b)|-run\b|-backed\b|-controlled\b|-held\b|administration|government|authorities|interior|ministry|spokes(?:man|woman|person)|officials?|"
    r"police|security\s+forces|leaders?hip|patrol|regime|intelligence|spy\s+agency|prosecutors?|courts?)",
    re.I,
)
# "a drone strike killed a senior al-Shabaab commander", "arrested 12 IS suspects": the target.
_TARGET_BEFORE = searcher(
    r"\b(?:(?:kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|gunned\s+down|ambush(?:ed|ing)?|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|"
    r"target(?:ed|ing|s)?|against|strikes?\s+on|raids?\s+on|crackdown\s+on|offensive\s+against|"
    r"(?:air\s*strikes?|strikes?|drones?|jets?|warplanes?|shells?|missiles?)\s+(?:hit|struck|pounded)|bomb(?:ed|ing)|shell(?:ed|ing)|pound(?:ed|ing))\s+{MODS}"
    r"(?:(?:members?|fighters?|commanders?|leaders?|militants?|troops|personnel|positions?|bases?|posts?)\s+of\s+(?:the\s+)?)?"
    r"|(?:arrest(?:ed|ing|s)?|captur(?:ed|ing|es)|detain(?:ed|ing|s)?)\s+{MODS})$".replace(
        "{MODS}", r"(?:(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|several|some|senior|top|suspected|alleged|local|former|key|\d+)\s+){0,3}"
    ),
    re.I,
)
# "Houthi forces were hit by airstrikes", "Hezbollah said two of its fighters were killed": the
# group's men on the receiving end.
_VICTIM_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:[\w-]+\s+){0,2}?(?:fighters|militants|forces|positions|members|commanders?|bases?|convoys?)\s+"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:hit|targeted|struck|bombed|shelled|pounded)"
    r"|said\s+(?:\w+\s+){1,3}of\s+its\s+(?:fighters|members|commanders|men)\s+(?:were|had\s+been|have\s+been)\s+killed)\b",
    re.I,
)
# "Police suspect al-Shabaab", "Al-Shabaab is suspected", "blame fell on X": an official attribution.
# ("sources attributed the attack to X", "officials blamed the bombing on X": the deed named in between)
_SUSPECTED_BEFORE = searcher(
    r"\b(?:suspect(?:s|ed)?|blame[ds]?(?:\s+on)?|accuse[ds]?|(?:police|officials?|authorities|investigators|prosecutors|military|army)\s+(?:have\s+|has\s+|had\s+)?(?:named|identified)|point(?:ed|s)?\s+(?:the\s+finger\s+)?at|suspicion\s+(?:fell|falls|has\s+fallen|had\s+fallen)\s+on|"
    r"(?:attribut(?:ed|es|ing)|blam(?:ed|es|ing))\s+(?:the|this|that|these|both|all|it|them)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:attacks?|incidents?|bombings?|blasts?|explosions?|killings?|ambush(?:es)?|raids?|assaults?|massacres?|abductions?|kidnappings?|shootings?)\s+)?(?:to|on)|"
    # "The army blamed Palestinian factions, including Hamas": the group named in the blamed class
    r"(?:blam|accus)\w*\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:including|notably|especially|particularly|in\s+particular|namely))"
    r"\s+(?:the\s+)?$",
    re.I,
)
_SUSPECTED_AFTER = re.compile(
    # (the group's men may stand after the name: "Daesh remnants were blamed", "ISWAP fighters are suspected")
    r"^(?:['’]s)?(?:\s*\([^()\n]{1,20}\))?\s+(?:(?:(?:remnants|militants|fighters|elements|cells?|members|gunmen|insurgents|rebels|operatives|jihadists)\s+)?"
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:suspected|blamed|believed\s+(?:to\s+be\s+)?(?:behind|responsible))\b"
    # a coded note's last field: "... casualties unclear. Islamic State suspected."; "Abu Sayyaf blamed by police."
    r"|(?:(?:widely|locally|also)\s+)?(?:suspected|blamed)(?:\s+by\s+(?:the\s+)?\w+)?\s*(?:[.;\n]|$)"
    # "Authorities said al-Shabaab was responsible"
    r"|(?:is|are|was|were)\s+(?:\w+\s+)?responsible\b(?!\s+for\s+(?:security|the\s+(?:area|region|security)))"
    # "Authorities believe ISWAP carried out the attack"
    r"|(?:had\s+)?(?:carried\s+out|staged|perpetrated|masterminded|orchestrated)\s+(?:the|this|that|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b)",
    re.I,
)
# "officials held the TTP responsible": as "blamed".
_HELD_BEFORE = searcher(r"\b(?:held|hold|holds|holding)\s+(?:the\s+)?$", re.I)
_RESPONSIBLE_AFTER = re.compile(r"\s+(?:\w+\s+)?responsible\b", re.I)
# "Pakistan blames the TTP for most such attacks": a general blame, not this incident's.
_GENERAL_AFTER = re.compile(
    r"(?:['’]s)?\s+for\s+(?:most|many|all|much|several|numerous|previous|past|earlier|similar|such|recent|dozens|scores|hundreds|years|a\s+(?:series|string|spate|wave))\b",
    re.I,
)
# In a clash with security forces both sides fight: the named group is the actor even if its men died.
_CLASH = searcher(r"\b(?:firefight|clash(?:es)?|gunfight|gun\s+battle|encounter|exchange\s+of\s+fire|shoot-?out)\b", re.I)
# "Security forces killed 14 al-Shabaab fighters in an operation": a ground operation is a fight
# with the group, which is the (non-state) party coded; a strike from the air is not.
_GROUND_OPERATION = searcher(r"\b(?:operations?|offensive|fighting|battles?|counter-?attack|counter-?offensive)\b", re.I)
# "Troops killed 14 ISWAP fighters", "our forces neutralised 13 ADF terrorists": men on the ground killed them.
_GROUND_FORCES = searcher(
    r"\b(?:troops|soldiers|forces|army|police(?:men)?|commandos|gendarmes|gendarmerie|paramilitar(?:y|ies)|rangers|jawans|militiamen|vigilantes)\b", re.I
)
_FROM_THE_AIR = searcher(r"\b(?:air\s*strikes?|airstrikes?|drones?|strikes?|jets?|warplanes?|aircraft|helicopters?|bombing|shelling|missiles?)\b", re.I)
# "..., the Taliban said", "Hamas told reporters": a speaker (a claim, "said it carried out", is tested first).
_SPEAKER_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:spokes(?:man|woman|person)\s+)?(?:said|says|told|reported|announced|stated)\b"
    r"(?!\s+(?:it|its|they|their|that|in\s+a\s+statement|on\s+\w+\s+(?:it|its|they|their|that))\b)",
    re.I,
)
# "Five members of the PMF were killed ... in an attack by Islamic State": the group's men among the
# casualties tie it to the incident less than an attribution does.
_CASUALTIES_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:[\w-]+\s+){0,2}?(?:fighters|militants|members|men|troops|personnel|volunteers|combatants)\s+)?"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|martyred)\b",
    re.I,
)
# "The Taliban denied involvement", "X, which ..., was not blamed": not the actor.
_DENIED_AFTER = re.compile(
    r"(?:['’]s)?(?:\s*,[^,.;]{0,100},)?\s+(?:\w+\s+)?(?:denied|denies|deny|rejected|disowned|distanced|"
    r"(?:was|were|is|are|has|have|had)\s+not\b|(?:did|does|has|have)\s*n(?:o|['’])t\b)",
    re.I,
)
# "Claimed by the TTP, later denied", "X initially claimed the bombing but later denied involvement",
# "X claimed responsibility, then retracted the claim": a claim the group itself withdrew.
_WITHDRAWN_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+[\w-]+){0,6}?[\s,]+(?:but\s+|and\s+)?(?:later|subsequently|then)\s+"
    r"(?:denied|retracted|withdrew|disowned|rescinded|recanted)\b",
    re.I,
)
# "shells fired from M23-held hills", "launched from Houthi positions": who holds the launch site fired.
_FIRED_FROM_BEFORE = searcher(r"\b(?:fired|launched|lobbed|shot|came|coming|originated)\s+(?:\w+\s+)?from\s+(?:the\s+)?$", re.I)
_FIRED_FROM_AFTER = re.compile(
    r"^(?:-held|-controlled|-occupied)?\s*(?:positions?|territory|areas?|hills?|hilltops?|ridges?|heights|lines?|side|strongholds?|zones?|bases?|enclaves?|villages?|towns?)\b", re.I
)
# "the X group, a faction allied with the Pakistani Taliban, claimed": the group an appositive
# relates the actor to is background.
_APPOSITION_BEFORE = searcher(
    r",\s*(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?:faction|group|offshoot|splinter|affiliate|branch|wing|ally|outfit|franchise|unit)\s+"
    r"(?:allied\s+with|aligned\s+with|linked\s+to|affiliated\s+with|close\s+to|loyal\s+to|of|from|within|"
    # "..., a Ugandan-born armed group that has pledged allegiance to the Islamic State"
    r"(?:that|which)\s+(?:has\s+|had\s+|have\s+)?(?:since\s+|also\s+)?(?:pledged|swore|sworn)\s+(?:its\s+|their\s+)?(?:allegiance|loyalty)\s+to)\s+(?:the\s+)?$",
    re.I,
)
# "detained 14 people suspected of links to the PKK", "the ISKP cell dismantled in Kabul": held or
# broken up by the authorities, not the perpetrator of the incident.
_CUSTODY_BEFORE = searcher(
    r"\b(?:arrest|detain|captur|apprehend|nabb|round)\w*\b[^.;]{0,80}?\b(?:links?|ties|connections?|affiliation|suppliers?|"
    r"collaborators?|informants?|sympathi[sz]ers?|supporters?|financiers?|members?|recruits?)\s+(?:to|with|of|for)\s+(?:the\s+)?$",
    re.I,
)
_CUSTODY_WORD = re.compile(r"arrest|detain|captur|apprehend|nabb|round", re.I)  # cheap test before _CUSTODY_BEFORE
_CUSTODY_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:[\w-]+\s+){0,2}?(?:cell|network|module|suspects?|members?|operatives?)\s+|(?:[\w-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been|have\s+been)\s+)"
    r"(?:dismantled|busted|broken\s+up|smashed|uncovered|arrested|detained|captured|rounded\s+up|apprehended|neutrali[sz]ed)\b",
    re.I,
)
# "... arrested four suspected members of the ELN in connection with the attack": tied to this incident.
_FOR_THE_INCIDENT = re.compile(
    r"[^.;]{0,40}?\b(?:in\s+connection\s+with|over|for|behind)\s+(?:the|this|that|an?|[A-Z]\w+day['’]s)\s+(?:\w+\s+)?"
    r"(?:attack|bombing|blast|killings?|ambush|raid|massacre|explosion|shooting|assault)",
    re.I,
)
# "Both JNIM and the Islamic State Sahel Province are active around X": candidates, not the perpetrator.
_EITHER = searcher(r"\b(?:both|either|neither)\b[^.;]{0,80}$", re.I)
_ACTIVE_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:operates?|operating|(?:are|is|were|was|have\s+been|has\s+been|remain)\s+(?:also\s+)?active|roams?|ha(?:s|ve)\s+a\s+presence)\b",
    re.I,
)
# "JNIM is active in the region", "ISWAP has a strong presence there": a presence, not a deed.
_PRESENT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:\w+\s+)?(?:active|present|entrenched)\b|operates?\b|"
    r"(?:has|have|had|maintains?)\s+(?:an?\s+)?(?:\w+\s+)?(?:presence|foothold|bases?)\b)",
    re.I,
)
# "Rebel factions, as well as the ELN and drug gangs, are fighting for the coca routes": groups in a
# present-tense statement of who contends for an area are its setting, not an incident's perpetrator.
_CONTEND_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:are|is)\s+(?:\w+\s+)?(?:fighting|vying|competing|battling|jostling|contending)\s+(?:over|for)|"
    r"(?:both|all)\s+operate|(?:are|is)\s+(?:both\s+|all\s+)?(?:active|present|entrenched))\b",
    re.I,
)
# "the Fano militia has fought federal forces since August 2023", "the OLA insurgency continues": a
# group's long campaign, told as the setting of the story, not an incident's perpetrator.
_CAMPAIGN_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:militia|militants|rebels|fighters|group|movement))?(?:,[^.;,]{0,80},)?\s+(?:(?:has|have)\s+(?:been\s+)?(?:\w+\s+)?"
    r"(?:fought|fighting|battled|battling|waged|waging|clashed|clashing)\b[^.;]{0,60}?\bsince\b|"
    r"(?:insurgency|rebellion|uprising|insurrection|campaign)\s+(?:continues|persists|rages|drags\s+on|goes\s+on|has\s+continued))",
    re.I,
)
# "a string of bombings claimed by the Islamic State's regional affiliate": the affiliate, not the group named.
_AFFILIATE_AFTER = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:affiliate|branch|offshoot|franchise|wing|province|chapter|faction|arm|splinter\s+group|ally|allies)\b", re.I
)
# "Separately, ISWAP claimed an attack on a base": another incident's group, not this one's.
_SEPARATE = re.compile(
    r"\s*(?:Separately|Elsewhere|In\s+(?:a|an|another)\s+(?:separate|unrelated|different|other)\s+(?:incident|attack|development|case)|"
    r"In\s+another\s+(?:incident|attack|development)|In\s+an\s+unrelated\b)",
    re.I,
)
_SPOKESMAN_AFTER = re.compile(r"^\s+spokes(?:man|woman|person)\b", re.I)
_CONTEXT = 60
_CLAUSE = 150

def _claims(text: str, m: ActorMention, following: int) -> bool:
    """A claim follows the name, not a later group's ("al-Qaeda's Sahel affiliate JNIM claimed")
    unless that group stands in an appositive ("X, a faction allied with Y, claimed")."""
    claim = _CLAIM_AFTER.match(text[m.char_end : m.char_end + _CLAUSE])  # an appositive may run past _CONTEXT
    if claim is None:
        return False
    return m.char_end + claim.end() <= following or "," in text[m.char_end : following]


def _fought(text: str, m: ActorMention, *, by_troops: bool = True) -> bool:
    """The group's men were killed in a fight ("in a gun battle", "in an operation", "the operation
    ... killed 13 ADF terrorists", and with ``by_troops`` "troops killed 14 ISWAP fighters"), not
    struck from the air. (Troops who arrest men fought nobody: ``by_troops`` is then False.)"""
    start = max(text.rfind(".", 0, m.char_start), text.rfind("\n", 0, m.char_start)) + 1
    end = text.find(".", m.char_end)
    end = end if end > 0 else len(text)
    if _CLASH.search(text, m.char_end, end):
        return True
    # the operation or the fight may be told before its target ("an operation against al-Shabaab
    # militants", "In an encounter at Hanjin, two terrorists affiliated with JeM were neutralised")
    fight = _GROUND_OPERATION.search(text, start, end) or _CLASH.search(text, start, m.char_start)
    if fight is None and by_troops:
        fight = _GROUND_FORCES.search(text, start, m.char_start)
    return fight is not None and _FROM_THE_AIR.search(text, start, end) is None


def strength(text: str, m: ActorMention, following: int) -> int:
    after = text[m.char_end : m.char_end + _CONTEXT]
    before = text[max(0, m.char_start - _CONTEXT) : m.char_start]
    if " from " in before and _FIRED_FROM_BEFORE.search(before) and _FIRED_FROM_AFTER.match(after):
        return 4
    if _WITHDRAWN_AFTER.match(after):
        return -1
    if _GOVERNMENT_AFTER.match(after) or _DENIED_AFTER.match(text, m.char_end, m.char_end + _CLAUSE):
        # "A TTP spokesman claimed the attack": the group's own spokesman
        return 6 if _SPOKESMAN_AFTER.match(after) and _claims(text, m, following) else -1
    if _SPEAKER_AFTER.match(after) and not _claims(text, m, following):
        return -1  # ", the Taliban said.": who reported the toll, not who caused it
    if "," in before and _APPOSITION_BEFORE.search(before):
        return 0
    if "allegiance" in before or "loyalty" in before:  # (a longer appositive: "..., a Ugandan-born armed group that has pledged allegiance to")
        wide = text[max(0, m.char_start - _CLAUSE) : m.char_start]
        if _APPOSITION_BEFORE.search(wide):
            return 0
    clause = text[max(0, m.char_start - _CLAUSE) : m.char_start].rsplit(".", 1)[-1].rsplit("\n", 1)[-1]  # a headline is another clause
    if _SEPARATE.match(clause):
        return 0
    if _AFFILIATE_AFTER.match(after):
        return 0
    if _claims(text, m, following) or _CLAIM_BEFORE.search(before):
        return 6
    if _FIELD_BEFORE.search(before) and _FIELD_AFTER.match(text, m.char_end):
        return 5
    if _ALIAS_BEFORE.search(before):
        return 5
    if _TARGET_BEFORE.search(before):  # "arrested 27 suspected Boko Haram suppliers": a target, whatever the modifier
        if _CUSTODY_WORD.search(before) and _FOR_THE_INCIDENT.match(text, m.char_end, m.char_end + _CLAUSE):
            return 4  # "arrested three suspected TTP militants over Sunday's attack"
        return 2 if _fought(text, m, by_troops=_CUSTODY_WORD.search(before) is None) else -1
    if _VICTIM_AFTER.match(text[m.char_end : m.char_end + _CLAUSE]):
        return -1
    held = _CUSTODY_AFTER.match(after)
    if held or (_CUSTODY_WORD.search(before) and _CUSTODY_BEFORE.search(before)):
        if _FOR_THE_INCIDENT.match(text, m.char_end, m.char_end + _CLAUSE):
            return 4
        # "two PKK terrorists were neutralised in an operation": killed fighting, the party coded
        return 2 if held and "neutrali" in held.group().lower() and _fought(text, m) else -1
    if _SUSPECTED_AFTER.match(after) or _SUSPECTED_BEFORE.search(before) or (_HELD_BEFORE.search(before) and _RESPONSIBLE_AFTER.match(after)):
        return 0 if _GENERAL_AFTER.match(after) else 4
    if _PRESENT_AFTER.match(text, m.char_end) or _CONTEND_AFTER.match(text, m.char_end, m.char_end + _CLAUSE) or _CAMPAIGN_AFTER.match(text, m.char_end, m.char_end + _CLAUSE):
        return -1  # not even a plain mention in the headline sentences
    if _BACKGROUND_BEFORE.search(clause) or (_EITHER.search(clause) and _ACTIVE_AFTER.match(text, m.char_end, m.char_end + _CLAUSE)):
        return 0
    if _CASUALTIES_AFTER.match(after):
        return 1
    if _ATTRIBUTED_BEFORE.search(before):
        return 4
    if _DESCRIBED_AFTER.match(after) or _DESCRIBED_BEFORE.search(before):
        return 2
    return 0
