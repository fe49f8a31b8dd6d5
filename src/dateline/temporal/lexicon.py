"""The words of time: months, weekdays, number words, units, seasons, parts of day, holidays.

Plain tables, written for dateline; `grammar` turns them into regular-expression alternations.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# Month names that are also common English words: only taken when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
    "single": 1, "half a": 0, "a half": 0, "a thousand": 1000, "thousand": 1000,
}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "countless", "numerous")
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
    "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16, "17th": 17, "18th": 18,
    "19th": 19, "20th": 20, "21st": 21,
}

# Unit word -> TIMEX3 unit code used by `grammar`/`resolve`: D W M Q Y H(half) E(decade) C(century), and the
# clock units h, min, s (durations PT..).
UNITS: dict[str, str] = {
    "second": "s", "seconds": "s", "minute": "min", "minutes": "min", "hour": "h", "hours": "h",
    "day": "D", "days": "D", "night": "D", "nights": "D", "week": "W", "weeks": "W", "fortnight": "2W",
    "month": "M", "months": "M", "quarter": "Q", "quarters": "Q", "year": "Y", "years": "Y",
    "decade": "E", "decades": "E", "century": "C", "centuries": "C", "weekend": "WE", "weekends": "WE",
    "trading day": "D", "trading days": "D",
    "business day": "D", "business days": "D", "session": "D", "sessions": "D", "millennium": "L",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI",
    "daytime": "DT",
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Fixed-date holidays (month, day) and rule-based ones (month, weekday, n-th counted from a day of the month;
# n=-1 is the last): U.S. Election Day is the first Tuesday after the first Monday of November, i.e. from Nov. 2.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new year's": (1, 1), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26), "veterans day": (11, 11), "bastille day": (7, 14),
    "may day": (5, 1), "new year": (1, 1),
}
RULE_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "thanksgiving": (11, 4, 4, 1), "thanksgiving day": (11, 4, 4, 1), "labor day": (9, 1, 1, 1),
    "memorial day": (5, 1, -1, 1), "martin luther king day": (1, 1, 3, 1), "presidents day": (2, 1, 3, 1),
    "mother's day": (5, 7, 2, 1), "father's day": (6, 7, 3, 1), "columbus day": (10, 1, 2, 1),
    "election day": (11, 2, 1, 2),
}

TIME_ZONES = ("EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "GMT", "UTC", "BST", "CET", "CEST")

# Movable feasts: days counted from Easter Sunday (Gregorian computus in `resolve`).
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "easter monday": 1, "palm sunday": -7,
    "ash wednesday": -46, "holy thursday": -3, "maundy thursday": -3, "pentecost": 49, "whit sunday": 49,
}
