"""Applications move here from `programs`, and their decision emails from `selection`.

State only: the tables keep their names and rows until 0002 renames them.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import applications.placeholders
import applications.storage


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("programs", "0007_organisations_from_partnership"),
        ("selection", "0005_seed_chinese_decision_email_templates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                        migrations.CreateModel(
                            name='Application',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('shortlisted', 'Shortlisted'), ('offered', 'Offered a place'), ('waitlisted', 'Waitlisted'), ('rejected', 'Not selected'), ('accepted', 'Offer accepted'), ('declined', 'Offer declined'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, verbose_name='state')),
                                ('reference', models.CharField(blank=True, editable=False, max_length=30, null=True, unique=True, verbose_name='reference')),
                                ('statement', models.TextField(blank=True, verbose_name='motivation statement')),
                                ('answers', models.JSONField(blank=True, default=dict, help_text='Question id → answer.', verbose_name='answers to extra questions')),
                                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='started')),
                                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted')),
                                ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='anonymised')),
                                ('draft_reminded_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='reminded to submit')),
                                ('offer_reminded_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='reminded to reply to the offer')),
                                ('applicant', models.ForeignKey(blank=True, help_text='Empty once the student deleted their account (anonymised record).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='applications', to=settings.AUTH_USER_MODEL, verbose_name='applicant')),
                                ('intake', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='programs.intake', verbose_name='intake')),
                            ],
                            options={
                                'db_table': 'programs_application',
                                'verbose_name': 'application',
                                'verbose_name_plural': 'applications',
                                'ordering': ['-created_at'],
                            },
                        ),
                        migrations.CreateModel(
                            name='ApplicationDocument',
                            fields=[
                                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                                ('kind', models.CharField(choices=[('cv', 'CV'), ('transcript', 'Transcript'), ('photo', 'Photo')], max_length=20, verbose_name='kind')),
                                ('file', models.FileField(max_length=200, storage=applications.storage.get_private_storage, upload_to=applications.storage.random_document_name, verbose_name='file')),
                                ('original_name', models.CharField(max_length=255, verbose_name='original file name')),
                                ('content_type', models.CharField(max_length=50, verbose_name='content type')),
                                ('size', models.PositiveIntegerField(verbose_name='size in bytes')),
                                ('uploaded_at', models.DateTimeField(auto_now=True, verbose_name='uploaded')),
                                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='applications.application', verbose_name='application')),
                            ],
                            options={
                                'db_table': 'programs_applicationdocument',
                                'verbose_name': 'document',
                                'verbose_name_plural': 'documents',
                                'ordering': ['application', 'kind'],
                            },
                        ),
                        migrations.CreateModel(
                            name='ApplicationStateChange',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('from_state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('shortlisted', 'Shortlisted'), ('offered', 'Offered a place'), ('waitlisted', 'Waitlisted'), ('rejected', 'Not selected'), ('accepted', 'Offer accepted'), ('declined', 'Offer declined'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='from')),
                                ('to_state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('shortlisted', 'Shortlisted'), ('offered', 'Offered a place'), ('waitlisted', 'Waitlisted'), ('rejected', 'Not selected'), ('accepted', 'Offer accepted'), ('declined', 'Offer declined'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='to')),
                                ('at', models.DateTimeField(auto_now_add=True, verbose_name='at')),
                                ('note', models.TextField(blank=True, verbose_name='note')),
                                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='state_changes', to='applications.application', verbose_name='application')),
                                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                            ],
                            options={
                                'db_table': 'programs_applicationstatechange',
                                'verbose_name': 'state change',
                                'verbose_name_plural': 'state changes',
                                'ordering': ['application', 'at', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='EmailTemplate',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('state', models.CharField(choices=[('shortlisted', 'Shortlisted'), ('offered', 'Offered a place'), ('waitlisted', 'Waitlisted'), ('rejected', 'Not selected')], max_length=20, verbose_name='decision')),
                                ('language', models.CharField(choices=[('en', 'English'), ('zh-hans', 'Simplified Chinese')], default='en', max_length=10, verbose_name='language')),
                                ('subject', models.CharField(max_length=200, validators=[applications.placeholders.check_placeholders], verbose_name='subject')),
                                ('body', models.TextField(help_text='Placeholders: {name}, {program}, {intake}, {deadline} (offer reply deadline), {reference}.', validators=[applications.placeholders.check_placeholders], verbose_name='body')),
                                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                            ],
                            options={
                                'db_table': 'selection_emailtemplate',
                                'verbose_name': 'email template',
                                'verbose_name_plural': 'email templates',
                                'ordering': ['state', 'language'],
                                'constraints': [models.UniqueConstraint(fields=('state', 'language'), name='selection_template_one_per_language')],
                            },
                        ),
                        migrations.CreateModel(
                            name='SupervisorChoice',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('rank', models.PositiveSmallIntegerField(verbose_name='rank')),
                                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='supervisor_choices', to='applications.application', verbose_name='application')),
                                ('supervisor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='choices', to='programs.supervisor', verbose_name='supervisor')),
                            ],
                            options={
                                'db_table': 'programs_supervisorchoice',
                                'verbose_name': 'supervisor choice',
                                'verbose_name_plural': 'supervisor choices',
                                'ordering': ['application', 'rank'],
                            },
                        ),
                        migrations.AddIndex(
                            model_name='application',
                            index=models.Index(fields=['intake', '-created_at'], name='programs_app_intake_newest'),
                        ),
                        migrations.AddConstraint(
                            model_name='application',
                            constraint=models.UniqueConstraint(fields=('applicant', 'intake'), name='programs_application_one_per_intake'),
                        ),
                        migrations.AddConstraint(
                            model_name='applicationdocument',
                            constraint=models.UniqueConstraint(fields=('application', 'kind'), name='programs_document_one_per_kind'),
                        ),
                        migrations.AddConstraint(
                            model_name='supervisorchoice',
                            constraint=models.UniqueConstraint(fields=('application', 'rank'), name='programs_supervisorchoice_unique_rank'),
                        ),
                        migrations.AddConstraint(
                            model_name='supervisorchoice',
                            constraint=models.UniqueConstraint(fields=('application', 'supervisor'), name='programs_supervisorchoice_unique_supervisor'),
                        ),
                        migrations.AddConstraint(
                            model_name='supervisorchoice',
                            constraint=models.CheckConstraint(condition=models.Q(('rank__gte', 1), ('rank__lte', 3)), name='programs_supervisorchoice_rank_range'),
                        ),
            ],
        ),
    ]
