"""The compiled context patterns around a number: who it concerns and which verb makes it a casualty figure.

A number becomes a figure through one of five cues, tried in this order:
  after   "seven soldiers were killed", "12 dead", "40 people fled"          (the figure is the subject)
  before  "killing 12 civilians", "injuring three soldiers"                  (the figure is the object)
  toll    "the death toll rose to 12", "put the toll at 12"
  mover   "forcing 3,000 people to flee", "pushing a million civilians northwards"
  noun    "hosts some four million refugees", "12,000 displaced people"
and a figure joined by "and" / a comma to a figure of known kind shares its kind ("killed seven soldiers and one
civilian"). Every pattern is anchored at the number, so the cost is a few anchored matches per number in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from truceline.quantities.numbers import number_patterns
from truceline.quantities.vocab import KINDS, phrase_alternation, vocabulary

# Verbs that take an object: "two gunmen killed three policemen" makes the gunmen killers, not victims.
TRANSITIVE = frozenset(
    [
        "killed",
        "wounded",
        "injured",
        "hurt",
        "maimed",
        "executed",
        "murdered",
        "massacred",
        "slain",
        "neutralized",
        "neutralised",
        "displaced",
        "uprooted",
        "detained",
        "arrested",
        "captured",
        "abducted",
        "kidnapped",
        "seized",
        "jailed",
        "imprisoned",
        "evacuated",
        "beheaded",
    ]
)
_AUX = (
    r"(?:(?:have|has|had|were|was|are|is|been|being|be|reportedly|also|later|all|both|each|remain|remained|still|"
    r"now|allegedly|apparently|confirmed|feared|believed|said|thought|known|reported|were\s+all|initially)"
    r"(?:\s+to\s+(?:be|have)(?:\s+been)?)?\s+)"
)
# An aside between a figure and its verb: "12 people, including five children, were killed", "seven soldiers, the
# ministry said, were killed", "40 people - mostly women - were hurt", "9 guards (two of them officers) died".
# Asides hold no digits, so they never swallow another figure.
_PAREN = (
    r"(?:\s*,\s*(?:including|among\s+them|among\s+whom|mostly|mainly|all|both|most|many|the\s+majority|"
    r"[\w-]+\s+of\s+(?:them|whom))\b[^,.;]{1,80},"
    r"|\s*,\s*aged\s+\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*\s*,"  # "two brothers, aged 8 and 11, were hurt"
    r"|\s*,[^,.;:\d]{1,60},|\s+[-–—]\s+[^.;:\d–—]{1,60}?\s+[-–—]|\s*\([^()\d]{1,60}\))"
)
_FOLLOW_FREE = (
    r"(?:\s*(?:[,.;:)\]!?\"”’'—–]|\Z)|\s+(?:in|on|at|and|or|during|near|when|after|as|while|including|with|by|"
    r"from|across|around|outside|inside|since|before|last|this|overnight|earlier|yesterday|today|according|among|"
    r"amid|others?|more|so|to|over|late|early|of\s+them|of\s+whom)\b)"
)
_CLOSE_QUOTE = "[\"”’']?"  # 'had "neutralised" 76 soldiers': a scare-quoted verb
_DETERMINER = r"(?:an?|another|the|his|her|their|its|several|many|all|both|some|dozens|hundreds|thousands|scores)\b"
_COORDINATOR = (
    r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|plus\s+)?|and\s+|as\s+well\s+as\s+|plus\s+)"
    r"(?:(?:his|her|their|its)\s+)?"
)


@dataclass(frozen=True, slots=True)
class Patterns:
    mention: re.Pattern[str]
    mention_lower: re.Pattern[str]  # the same without IGNORECASE, for lower-cased text (twice as fast)
    who: re.Pattern[str]
    who_extend: re.Pattern[str]  # "civilian" + " refugees": the longest who-phrase wins
    after: re.Pattern[str]
    before: re.Pattern[str]
    toll: re.Pattern[str]
    mover: re.Pattern[str]
    movement: re.Pattern[str]
    unit: re.Pattern[str]
    follow_free: re.Pattern[str]
    object_start: re.Pattern[str]
    alternative: re.Pattern[str]
    coordinator: re.Pattern[str]
    elided_join: re.Pattern[str]
    demonym: re.Pattern[str]
    singular: frozenset[str]
    gate: re.Pattern[str]  # word stems one of which every figure has nearby (see `extract.cue_windows`)


def _kind_groups(prefix: str, table: dict[str, list[str]]) -> str:
    parts = [f"(?P<{prefix}_{kind}>{phrase_alternation(table[kind])})" for kind in KINDS if table.get(kind)]
    return "(?:" + "|".join(parts) + ")"


@cache
def patterns() -> Patterns:
    """All context patterns, compiled once per process."""
    vocab = vocabulary()
    numbers = number_patterns()
    singular = phrase_alternation(vocab.singular_who)
    all_who = phrase_alternation(vocab.singular_who | vocab.plural_who)
    demonyms = phrase_alternation(list(vocab.demonyms))
    modifiers = phrase_alternation(vocab.modifiers)
    stop = phrase_alternation(vocab.stop)
    modifier = (
        rf"(?:{demonyms}(?![\w-])|(?i:{modifiers})(?![\w-])|(?:al-)?[A-Z][\w'’.-]*"
        rf"|(?i:[\w-]+-(?:backed|led|aligned|affiliated|allied|held|controlled|old))"
        rf"|(?!(?i:{stop})(?![\w-]))[a-z][\w'’-]*)"
    )
    article = (
        rf"(?<![\w-])(?P<art>(?i:an?|another|one\s+more|his|her|their|its|the))\s+"
        rf"(?=(?:[\w'’-]+\s+){{0,3}}?(?i:{singular})(?![\w-]))"
    )
    # "and another in Al-Bara", "a third was injured": one more person, the noun left out.
    elided = (
        r"(?<![\w-])(?P<elided>(?i:another|an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)))"
        r"(?=\s*[,.;]|\s+(?:\w+ly\s+)?(?i:in|at|on|near|from|died|later|wounded|injured|hurt|killed|dead|missing)\b"
        # "and another was wounded"; not "one boy is dead and another is charged with manslaughter"
        r"|\s+(?i:was|were|is)\s+(?:\w+\s+){0,2}?(?i:wounded|injured|hurt|killed|dead|missing|shot)\b)"
    )
    mention = re.compile(rf"{numbers.mention.pattern}|{article}|{elided}", re.IGNORECASE)
    lower_singular = phrase_alternation([w.lower() for w in vocab.singular_who])
    lower_source = (
        rf"{numbers.mention.pattern}"
        rf"|(?<![\w-])(?P<art>an?|another|one\s+more|his|her|their|its|the)\s+"
        rf"(?=(?:[\w'’-]+\s+){{0,3}}?{lower_singular}(?![\w-]))"
        rf"|{elided.replace('(?i:', '(?:')}"
    )
    group_nouns = (
        "forces|army|police|militia|group|unit|brigade|family|families|regiment|division|battalion|guard|movement|"
        "community|tribe|clan|staff|crew|team|organisation|organization|council|party|coalition|front|service"
    )
    name = r"(?:al-)?[A-Z][\w'’.-]*"  # a capitalised word of an organisation's name ("Hayat Tahrir al-Sham")
    who = re.compile(
        rf"\s+(?:(?i:of\s+(?:its|their|the|our|his|her|these|those)\s+)|(?P<bare_of>(?i:of))\s+)?"
        rf"(?P<mods>(?:{modifier}\s+){{0,3}}?)"
        # "an elderly man": a who-word right before another is its modifier ("elderly" is also the plural noun)
        rf"(?:(?P<who>(?i:{all_who}))(?![\w-])(?!\s+(?i:{all_who})(?![\w-]))|(?P<generic>(?!(?i:{stop})(?![\w-]))[a-z][a-z'’-]*(?:[a-rt-z]s|men)))(?![\w-])"
        rf"(?P<of_group>\s+(?i:of)\s+(?:(?i:the)\s+)?(?:(?i:(?:[\w'’-]+\s+){{0,2}}?(?:{group_nouns}))(?![\w-])"
        rf"|{name}(?:\s+(?:{name}|al-[\w'’-]+)){{0,3}}))?(?![\w-])"
    )
    plural = phrase_alternation(vocab.plural_who)
    # "Tamil civilian refugees"; "13 peacekeepers and foreign soldiers were killed": one count of both
    counted_again = (  # "five soldiers and two civilians": a count of its own
        r"(?!\s+(?i:\d|a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?"
        r"|hundreds?|thousands?|several|some|many|at|more|least)\b)"
    )
    who_extend = re.compile(rf"(?:\s+(?i:and){counted_again})?(?:\s+{modifier}){{0,2}}?\s+(?i:{plural})(?![\w-])")
    after = re.compile(
        rf"{_PAREN}?(?P<pp>\s+(?:from|in|inside|near|belonging\s+to|loyal\s+to)(?:\s+(?:the|both|all|its|their|two))?"
        rf"(?:\s+(?!(?i:{stop})(?![\w-]))[\w'’-]+){{1,3}})?"
        rf"(?:\s+(?:more|others?))?\s+(?P<aux>{_AUX}{{0,4}})(?:(?!only\b)\w+ly\s+)?{_kind_groups('a', vocab.after)}(?![\w-])",
        re.IGNORECASE,
    )
    before = re.compile(
        rf"(?<![\w-]){_kind_groups('b', vocab.before)}{_CLOSE_QUOTE}\s+(?:(?:a\s+total\s+of|a\s+further|another|all|the)\s+)?\Z",
        re.IGNORECASE,
    )
    toll_verbs = phrase_alternation([*vocab.toll_verbs, "from"])
    # "the number of Turkish personnel killed (in the shelling) has risen to eight": any people, named in up to
    # three words between "number of" and the casualty word, as the listed "number of people killed" ("a number of
    # soldiers killed" is several, no toll)
    casualty = {"killed": "(?:killed|dead)", "injured": "(?:wounded|injured)"}

    def counted(kind: str) -> str:  # the people counted become the figure's who: "Turkish personnel"
        return rf"(?<![Aa] )number\s+of\s+(?P<counted_{kind}>(?:[\w'’-]+\s+){{1,3}}?){casualty[kind]}"

    toll_nouns = (
        "(?:"
        + "|".join(
            f"(?P<t_{kind}>{phrase_alternation(vocab.toll_nouns[kind])}|{counted(kind)})"
            for kind in KINDS
            if vocab.toll_nouns.get(kind)
        )
        + ")"
    )
    toll = re.compile(
        rf"(?<![\w-]){toll_nouns}(?![\w-])[^.;:!?]{{0,90}}?(?<![\w-])"
        rf"(?P<tverb>{toll_verbs})\s+\Z",
        re.IGNORECASE,
    )
    mover = re.compile(rf"(?<![\w-]){phrase_alternation(vocab.movers)}\s+\Z", re.IGNORECASE)
    movement = re.compile(rf"\s+(?:[\w-]+\s+)?{phrase_alternation(vocab.movements)}(?![\w-])", re.IGNORECASE)
    unit = re.compile(rf"\s*(?:-\s*)?{phrase_alternation(vocab.unit_words)}(?![\w])", re.IGNORECASE)
    return Patterns(
        mention=mention,
        mention_lower=re.compile(lower_source),
        who=who,
        who_extend=who_extend,
        after=after,
        before=before,
        toll=toll,
        mover=mover,
        movement=movement,
        unit=unit,
        follow_free=re.compile(_FOLLOW_FREE, re.IGNORECASE),
        object_start=re.compile(rf"\s+(?:{_DETERMINER}|(?:{numbers.mention.pattern}))", re.IGNORECASE),
        alternative=re.compile(r"\s+or\s+(?:wounded|injured|hurt|captured|missing|detained)\b", re.IGNORECASE),
        coordinator=re.compile(rf"{_COORDINATOR}\Z", re.IGNORECASE),
        elided_join=re.compile(r"(?:\s+(?:in|at|on|near|from)\s+[^,.;]{1,30}?)?\s*,?\s*and\s+\Z", re.IGNORECASE),
        demonym=re.compile(rf"(?<![\w-])({demonyms})(?![\w])"),
        singular=frozenset(w.lower() for w in vocab.singular_who),
        gate=re.compile(phrase_alternation(list(vocab.gate_stems), flexible_space=False)),
    )
