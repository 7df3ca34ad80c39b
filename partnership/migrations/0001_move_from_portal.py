"""The partnership content moves here from `portal`, which keeps only the project itself.

State only: the tables keep their names and rows until 0002 renames them.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portal", "0004_import_record"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                        migrations.CreateModel(
                            name='Agreement',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('title', models.CharField(max_length=300, verbose_name='title')),
                                ('slug', models.SlugField(max_length=200, unique=True, verbose_name='slug')),
                                ('signed_on', models.DateField(verbose_name='signed on')),
                                ('day_known', models.BooleanField(default=False, help_text='Otherwise only the month is shown.', verbose_name='day known')),
                                ('place', models.CharField(blank=True, max_length=200, verbose_name='place of signing')),
                                ('summary', models.TextField(blank=True, verbose_name='summary')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                            ],
                            options={
                                'db_table': 'portal_agreement',
                                'verbose_name': 'agreement',
                                'verbose_name_plural': 'agreements',
                                'ordering': ['signed_on', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='Figure',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('caption', models.CharField(max_length=300, verbose_name='caption')),
                                ('taken_in', models.DateField(blank=True, help_text='Month the photo was taken; the day is always the 1st.', null=True, verbose_name='month')),
                                ('image', models.ImageField(blank=True, upload_to='figures/original/', verbose_name='image')),
                                ('image_web', models.ImageField(blank=True, editable=False, upload_to='figures/web/')),
                                ('image_small', models.ImageField(blank=True, editable=False, upload_to='figures/small/')),
                                ('alt_text', models.CharField(blank=True, help_text='Describes the photo for screen readers; the caption is used when empty.', max_length=300, verbose_name='alternative text')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                            ],
                            options={
                                'db_table': 'portal_figure',
                                'verbose_name': 'figure',
                                'verbose_name_plural': 'figures',
                                'ordering': ['-taken_in', 'caption', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='KeyFigure',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('value', models.CharField(max_length=20, verbose_name='value')),
                                ('label', models.CharField(max_length=200, verbose_name='label')),
                                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                            ],
                            options={
                                'db_table': 'portal_keyfigure',
                                'verbose_name': 'key figure',
                                'verbose_name_plural': 'key figures',
                                'ordering': ['position', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='NewsArticle',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('title', models.CharField(max_length=300, verbose_name='title')),
                                ('slug', models.SlugField(max_length=200, unique=True, verbose_name='slug')),
                                ('published_on', models.DateField(verbose_name='publication date')),
                                ('summary', models.TextField(blank=True, help_text='Shown in lists, the feed and link previews.', verbose_name='summary')),
                                ('is_published', models.BooleanField(default=True, verbose_name='published')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                            ],
                            options={
                                'db_table': 'portal_newsarticle',
                                'verbose_name': 'news article',
                                'verbose_name_plural': 'news articles',
                                'ordering': ['-published_on', '-pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='ResearchField',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('name', models.CharField(max_length=200, verbose_name='name')),
                                ('kind', models.CharField(choices=[('joint_research', 'Joint research field'), ('new_infrastructure', 'New-infrastructure field'), ('exchange_domain', 'Domain of exchange since 2017')], max_length=30, verbose_name='kind')),
                                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                            ],
                            options={
                                'db_table': 'portal_researchfield',
                                'verbose_name': 'research field',
                                'verbose_name_plural': 'research fields',
                                'ordering': ['kind', 'position', 'name'],
                            },
                        ),
                        migrations.CreateModel(
                            name='AgreementPoint',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('kind', models.CharField(choices=[('principle', 'Cooperation principle'), ('commitment', 'Commitment')], max_length=20, verbose_name='kind')),
                                ('text', models.CharField(max_length=400, verbose_name='text')),
                                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='points', to='partnership.agreement', verbose_name='agreement')),
                            ],
                            options={
                                'db_table': 'portal_agreementpoint',
                                'verbose_name': 'agreement point',
                                'verbose_name_plural': 'agreement points',
                                'ordering': ['agreement', 'kind', 'position', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='ArticleBlock',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('position', models.PositiveIntegerField(verbose_name='position')),
                                ('kind', models.CharField(choices=[('paragraph', 'Paragraph'), ('figure', 'Figure')], max_length=20, verbose_name='kind')),
                                ('text', models.TextField(blank=True, verbose_name='text')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('figure', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='blocks', to='partnership.figure', verbose_name='figure')),
                                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='blocks', to='partnership.newsarticle', verbose_name='article')),
                            ],
                            options={
                                'db_table': 'portal_articleblock',
                                'verbose_name': 'article block',
                                'verbose_name_plural': 'article blocks',
                                'ordering': ['article', 'position', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='Organisation',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                                ('short_name', models.CharField(blank=True, max_length=60, verbose_name='short name')),
                                ('slug', models.SlugField(max_length=200, unique=True, verbose_name='slug')),
                                ('kind', models.CharField(choices=[('university', 'University'), ('school', 'School or faculty'), ('company', 'Company'), ('company_unit', 'Company unit'), ('partner_university', 'Partner university'), ('joint_institute', 'Joint institute'), ('government', 'Government body')], max_length=30, verbose_name='kind')),
                                ('description', models.TextField(blank=True, verbose_name='description')),
                                ('website', models.URLField(blank=True, verbose_name='website')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='units', to='partnership.organisation', verbose_name='part of')),
                            ],
                            options={
                                'db_table': 'portal_organisation',
                                'verbose_name': 'organisation',
                                'verbose_name_plural': 'organisations',
                                'ordering': ['name'],
                            },
                        ),
                        migrations.CreateModel(
                            name='Milestone',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('happened_on', models.DateField(blank=True, help_text='Use the 1st of the month when only the month is known.', null=True, verbose_name='date')),
                                ('day_known', models.BooleanField(default=False, help_text='Otherwise only the month is shown.', verbose_name='day known')),
                                ('is_planned', models.BooleanField(default=False, help_text='Planned milestones may have no date yet.', verbose_name='planned')),
                                ('title', models.CharField(max_length=200, verbose_name='title')),
                                ('text', models.TextField(verbose_name='text')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('source_block', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='milestones', to='partnership.articleblock', verbose_name='source paragraph')),
                                ('organisations', models.ManyToManyField(blank=True, related_name='milestones', to='partnership.organisation', verbose_name='organisations')),
                            ],
                            options={
                                'db_table': 'portal_milestone',
                                'verbose_name': 'milestone',
                                'verbose_name_plural': 'milestones',
                                'ordering': ['is_planned', 'happened_on', 'pk'],
                            },
                        ),
                        migrations.CreateModel(
                            name='Person',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('name', models.CharField(max_length=120, verbose_name='name')),
                                ('role', models.CharField(max_length=300, verbose_name='role')),
                                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='people', to='partnership.organisation', verbose_name='organisation')),
                            ],
                            options={
                                'db_table': 'portal_person',
                                'verbose_name': 'person',
                                'verbose_name_plural': 'people',
                                'ordering': ['position', 'name'],
                            },
                        ),
                        migrations.CreateModel(
                            name='CeremonyParticipant',
                            fields=[
                                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                                ('part', models.CharField(choices=[('attended', 'Attended the ceremony'), ('signed', 'Signed on behalf of the parties'), ('hosted', 'Hosted the ceremony')], max_length=20, verbose_name='part')),
                                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                                ('source_key', models.CharField(blank=True, db_index=True, editable=False, help_text='Set by the document import; a re-import never changes this row.', max_length=200, verbose_name='source key')),
                                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='partnership.agreement', verbose_name='agreement')),
                                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ceremonies', to='partnership.person', verbose_name='person')),
                            ],
                            options={
                                'db_table': 'portal_ceremonyparticipant',
                                'verbose_name': 'ceremony participant',
                                'verbose_name_plural': 'ceremony participants',
                                'ordering': ['agreement', 'position', 'pk'],
                            },
                        ),
                        migrations.AddConstraint(
                            model_name='articleblock',
                            constraint=models.UniqueConstraint(fields=('article', 'position'), name='portal_articleblock_unique_position'),
                        ),
                        migrations.AddConstraint(
                            model_name='ceremonyparticipant',
                            constraint=models.UniqueConstraint(fields=('agreement', 'person', 'part'), name='portal_participant_unique_part'),
                        ),
            ],
        ),
    ]
