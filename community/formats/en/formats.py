# The site's English dates, as it showed them before translation (Django's own
# English formats abbreviate months in DATE_FORMAT: "Nov. 30, 2026").
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i a"
SHORT_DATE_FORMAT = "M j, Y"
SHORT_DATETIME_FORMAT = "M j, Y, g:i a"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "M j"
