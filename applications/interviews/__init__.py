"""Interviews: managers publish slots and invite shortlisted applicants (selection), each
invited student books one slot from their application and may change it until the intake's
cut-off; the booking email carries an iCalendar invitation in the student's time zone.
"""
