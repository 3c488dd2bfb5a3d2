"""English as written in Europe (CLDR ``en_150``) rather than Django's American defaults: dates
"5 March 2026" and "05/03/2026", 24-hour times, weeks from Monday. Input formats stay Django's
(an attribute left out here is read from Django's own module)."""

DATE_FORMAT = "j F Y"  # CLDR long: d MMMM y
TIME_FORMAT = "H:i"  # CLDR short: HH:mm
DATETIME_FORMAT = "j F Y, H:i"  # CLDR: {date}, {time}
YEAR_MONTH_FORMAT = "F Y"  # CLDR skeleton yMMMM
MONTH_DAY_FORMAT = "j F"  # CLDR skeleton MMMMd
SHORT_DATE_FORMAT = "d/m/Y"  # CLDR short: dd/MM/y
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
