"""The texts of programs, intakes and supervisors that visitors read, one column per language.

Their django-simple-history models get the same columns, so a version keeps both languages
(and saving a version does not meet columns its table lacks).
"""

from modeltranslation.translator import TranslationOptions, translator

from programs.models import Intake, Program, ResearchArea, Supervisor


class ProgramTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "eligibility", "location")


class IntakeTranslation(TranslationOptions):
    fields = ("name",)


class SupervisorTranslation(TranslationOptions):
    fields = ("name", "title", "profile")


class ResearchAreaTranslation(TranslationOptions):
    fields = ("name",)


for model, options in [
    (Program, ProgramTranslation),
    (Intake, IntakeTranslation),
    (Supervisor, SupervisorTranslation),
]:
    translator.register([model, model.history.model], options)
translator.register(ResearchArea, ResearchAreaTranslation)
