"""Date formats per language (FORMAT_MODULE_PATH), named so templates never spell one.

Templates write `|date:"DATE_FORMAT"` (or SHORT_DATE_FORMAT, DATETIME_FORMAT,
SHORT_DATETIME_FORMAT, YEAR_MONTH_FORMAT, MONTH_DAY_FORMAT): English reads
"November 30, 2026", Spanish "30 de noviembre de 2026". Machine formats ('c',
'Y-m-d' in `datetime` attributes) stay as they are.
"""

NAMED_FORMATS = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
}
