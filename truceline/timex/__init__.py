"""The date engine: time expressions (TIMEX3 values with intervals) and the publication date.

Public entry points live in truceline.stages.dates (`tag_times`, `infer_publication_date`); the modules here are
the implementation:

    lexicon, patterns   the vocabulary (data/timex/lexicon.yaml) and the regex fragments built from it
    rules_abs           calendar dates: "June 13, 2019", "13 June", "2019-06-13", "the 1990s", holidays
    rules_abs2          centuries, spelled years, "since '82", "April 24 and 25", movable feasts
    feasts              Easter (computus) and the Islamic feasts and Ramadan (tabular calendar, approximate)
    rules_rel           anchored expressions: weekdays, "last week", "earlier this month", quarters, clock times
    rules_clock         clock times: "10:35 a.m.", "noon Thursday", "16:08 UTC"
    rules_ref           anaphoric expressions: "the next day", "later that year", "the day after"
    reference           the reference time (the date the text last named) those resolve against
    rules_dur           durations, vague references (PRESENT_REF ...), sets
    tense               the tense of a clause, which decides where a weekday or bare month lands
    tagger              runs the rules in windows around trigger words, keeps the longest, builds TimeRefs
    calendar            TIMEX3 value -> interval, tense-aware resolution
    known               dated anchors (data/known_dates.yaml): wars, agreements and days that name events
    pubdate, parse      the publication-date cascade: metadata, HTML, URL, dateline, then reasoning over the text
    pubdate_text        that reasoning: the calendar clues (datelines, captions, weekdays, days with and without
                        their year) and the order all clues are applied in
    pubdate_anchors     clues from what a report names: known wars, agreements and days, office holders, years
    pubdate_years       which years a report tells as past or ahead; offices: office holders and their terms
    reasoning, intervals   the candidate periods a report may be from, narrowed one clue at a time
"""
