"""English date formats of the public pages ("27 March 2020", "5 Dec 2026, 09:00").

Templates name a format (SHORT_DATE_FORMAT, SHORT_DATETIME_FORMAT, ...) rather than spell one, so
each language writes dates its own way: Chinese pages use Django's zh_Hans formats
("2020年3月27日", "2026年12月5日 09:00"), never an English pattern with Chinese month names.
"""

YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
