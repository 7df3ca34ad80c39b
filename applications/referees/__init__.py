"""Referees and their recommendation letters: part of an application, configured per intake
(programs.Intake.referees_required, letters_due_at, submit_before_letters).

The student names the referees; each gets a signed link (links.py) to a page where they upload
or write their letter without an account. Students see each letter's status, never its content;
staff read letters on the application's admin page (selection.admin).
"""
