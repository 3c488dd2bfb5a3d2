"""Maltese, from CLDR (Babel 2.18): dates "5 ta’ Marzu 2026" (long) and "05/03/2026" (short),
times "14:30", "." before decimals and "," between thousands, weeks from Monday."""

from django.utils.translation import gettext_noop

# The format characters of Django's ``date`` filter; a backslash keeps a letter as it is.
DATE_FORMAT = r"j \t\a’ F Y"  # CLDR long: d 'ta'’ MMMM y
TIME_FORMAT = "H:i"  # CLDR short: HH:mm
DATETIME_FORMAT = r"j \t\a’ F Y H:i"  # CLDR: {date} {time}
YEAR_MONTH_FORMAT = "F Y"  # CLDR skeleton yMMMM: MMMM y
MONTH_DAY_FORMAT = r"j \t\a’ F"  # CLDR skeleton MMMMd: d 'ta'’ MMMM
SHORT_DATE_FORMAT = "d/m/Y"  # CLDR short: dd/MM/y
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# Django has no Maltese catalogue of its own, so the month names its formats write ("F") are
# marked here for the portal's: Maltese translators give them ("Jannar" …), and every other
# language keeps Django's translations wherever the portal's catalogue leaves them empty.
MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
