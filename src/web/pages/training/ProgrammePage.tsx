import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { trainingPaths, useMyLearning, useProgramme, useTrainingAction, type Assignment, type Submission } from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { localeTag } from '../../i18n/language.ts';
import { pickName } from '../../i18n/format.ts';
import { cohortLabel, sessionTime, STATUS_COLOURS } from './labels.ts';
import { SubmissionFiles } from './SubmissionFiles.tsx';

/** The programme page: what it is, who runs it, how to complete it, its sessions and assignments. */
export default function ProgrammePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const programme = useProgramme(id);
  const learning = useMyLearning();
  const enrol = useTrainingAction<{ programmeId: string; cohortId?: string }>(
    (v) => trainingPaths.enrol(v.programmeId),
    (v) => (v.cohortId ? { cohortId: v.cohortId } : undefined),
  );
  const [cohortId, setCohortId] = useState<string>();
  if (programme.isPending) return <FullPageSpin />;
  if (programme.error) return <ErrorAlert error={programme.error} />;
  const p = programme.data;
  const mine = p.myEnrolment;
  const active = mine && (mine.status === 'enrolled' || mine.status === 'completed');
  const submissions = learning.data?.items.find((i) => i.programme.id === p.id)?.submissions ?? [];
  const rules = [
    t('training.rules.attendance', { percent: p.rules.minAttendancePercent }),
    p.rules.minAssignmentsPassed > 0 ? t('training.rules.assignments', { count: p.rules.minAssignmentsPassed }) : null,
    p.rules.requireReflection ? t('training.rules.reflection') : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <>
            {p.canManage && (
              <Link to={`/training/organise/${p.id}`}>
                <Button>{t('training.programme.manage')}</Button>
              </Link>
            )}
            {(!mine || mine.status === 'withdrawn') && p.cohorts.length > 1 && (
              <Select
                style={{ minWidth: 200 }}
                data-testid="enrol-cohort"
                placeholder={t('training.cohorts.choose')}
                value={cohortId ?? p.cohorts[0].id}
                onChange={setCohortId}
                options={p.cohorts.map((c) => ({ value: c.id, label: cohortLabel(c) }))}
              />
            )}
            {!mine || mine.status === 'withdrawn' ? (
              <Button
                type="primary"
                loading={enrol.isPending}
                disabled={p.status !== 'published'}
                data-testid="enrol"
                onClick={() =>
                  enrol.mutate(
                    { programmeId: p.id, cohortId },
                    {
                      onSuccess: () => message.success(t('training.programme.enrolSent')),
                      onError: (e) => message.error(errorText(e)),
                    },
                  )
                }
              >
                {t('training.programme.enrol')}
              </Button>
            ) : (
              <Tag color={STATUS_COLOURS[mine.status]} data-testid="my-enrolment-status" style={{ fontSize: 14, padding: '4px 10px' }}>
                {t(`training.enrolmentStatus.${mine.status}`)}
              </Tag>
            )}
          </>
        }
      >
        {p.summary}
      </PageHeader>
      {mine?.status === 'pending' && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={
            mine.principalDecision === 'pending' && mine.organiserDecision === 'approved'
              ? t('training.programme.waitingPrincipal')
              : t('training.programme.waitingOrganiser')
          }
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('training.fields.organiser')}>
          {p.organiser.name}（{t(`training.organiserKinds.${p.organiser.kind}`)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('training.fields.tier')}>
          {t(`training.tiers.${p.tier}`)} · {t(`training.categories.${p.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.fields.creditHours')}>
          {t('training.fields.hoursValue', { hours: p.creditHours })}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.fields.places')}>
          {p.capacity
            ? t('training.fields.placesValue', { enrolled: p.enrolledCount, capacity: p.capacity })
            : t('training.fields.enrolledValue', { enrolled: p.enrolledCount })}
          {p.waitlistedCount > 0 && ` · ${t('training.fields.waitlistValue', { count: p.waitlistedCount })}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.cohorts.title')} span={2}>
          <Flex vertical gap={2} data-testid="programme-cohorts">
            {p.cohorts.map((c) => (
              <span key={c.id}>
                {cohortLabel(c)}
                {' · '}
                {c.capacity
                  ? t('training.fields.placesValue', { enrolled: c.enrolled, capacity: c.capacity })
                  : t('training.fields.enrolledValue', { enrolled: c.enrolled })}
                {c.organiserName && ` · ${c.organiserName}`}
                {mine?.cohortId === c.id && mine.status !== 'withdrawn' && (
                  <Tag color="blue" style={{ marginLeft: 8 }}>
                    {t('training.cohorts.mine')}
                  </Tag>
                )}
              </span>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('training.fields.visibility')}>{t(`training.visibility.${p.visibility}`)}</Descriptions.Item>
        <Descriptions.Item label={t('training.fields.approval')}>
          {p.requiresPrincipalApproval ? t('training.programme.principalApprovalNeeded') : t('training.programme.organiserApprovalOnly')}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.fields.completion')} span={2}>
          {rules.join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.fields.competencies')} span={2}>
          <Flex gap={4} wrap>
            {p.competencies.map((c) => (
              <Tag key={c.id}>
                {pickName(c.names, language)}（{t(`training.levels.${c.level}`)}）
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('training.programme.sessions')} size="small" style={{ marginBottom: 16 }}>
        <List
          dataSource={p.sessions}
          locale={{ emptyText: t('training.programme.noSessions') }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={s.title}
                description={
                  <Space wrap>
                    <Tag>{t(`training.modes.${s.mode}`)}</Tag>
                    <span>{sessionTime(s.startsAt, s.endsAt, localeTag(language))}</span>
                    {s.venue && <span>{s.venue}</span>}
                    {s.link && (
                      <a href={s.link} target="_blank" rel="noreferrer">
                        {t('training.programme.joinOnline')}
                      </a>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
        {active && <Typography.Text type="secondary">{t('training.programme.checkInHint')}</Typography.Text>}
      </Card>
      <Card title={t('training.programme.assignments')} size="small">
        <List
          dataSource={p.assignments}
          locale={{ emptyText: t('training.programme.noAssignments') }}
          renderItem={(a) => (
            <AssignmentItem assignment={a} submissions={submissions.filter((s) => s.assignmentId === a.id)} canSubmit={!!active} />
          )}
        />
      </Card>
    </>
  );
}

function AssignmentItem({
  assignment: a,
  submissions,
  canSubmit,
}: {
  assignment: Assignment;
  submissions: Submission[];
  canSubmit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ text: string; resourceId?: string; url?: string }>();
  const submit = useTrainingAction<{ text: string; resourceId?: string; url?: string }>(
    () => trainingPaths.submit(a.id),
    (v) => v,
  );
  const latest = submissions[submissions.length - 1];
  const mayHandIn = canSubmit && (!latest || latest.status === 'needs_revision');
  return (
    <List.Item style={{ display: 'block' }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{a.title}</Typography.Text>
        {a.kind === 'reflection' && <Tag color="geekblue">{t('training.assignment.reflection')}</Tag>}
        <Typography.Text type="secondary">{t('training.assignment.passMark', { pass: a.passMark, max: a.maxPoints })}</Typography.Text>
      </Space>
      {a.instructions && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {a.instructions}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('training.assignment.rubric')}: {a.rubric.map((r) => `${r.criterion} (${r.maxPoints})`).join(' · ')}
      </Typography.Paragraph>
      {submissions.map((s) => (
        <Alert
          key={s.id}
          style={{ marginBottom: 8 }}
          type={s.status === 'passed' ? 'success' : s.status === 'needs_revision' ? 'warning' : 'info'}
          data-testid="my-submission"
          title={`${t('training.assignment.attempt', { n: s.attempt })} · ${t(`training.submissionStatus.${s.status}`)}${s.total !== null ? ` · ${s.total}/${a.maxPoints}` : ''}`}
          description={
            <>
              {s.feedback && <div>{s.feedback}</div>}
              <SubmissionFiles submission={s} canUpload={canSubmit} />
            </>
          }
        />
      ))}
      {mayHandIn && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            submit.mutate(
              { text: v.text ?? '', resourceId: v.resourceId || undefined, url: v.url || undefined },
              {
                onSuccess: () => {
                  form.resetFields();
                  message.success(t('training.assignment.sent'));
                },
                onError: (e) => message.error(errorText(e)),
              },
            )
          }
        >
          <Form.Item name="text" label={latest ? t('training.assignment.revise') : t('training.assignment.yourWork')}>
            <Input.TextArea rows={3} data-testid="submission-text" />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="resourceId"
              label={t('training.assignment.resourceId')}
              rules={[{ pattern: /^[0-9a-f-]{36}$/i, message: t('training.assignment.resourceIdFormat') }]}
            >
              <Input style={{ width: 320 }} placeholder="0193…" />
            </Form.Item>
            <Form.Item
              name="url"
              label={t('training.assignment.link')}
              rules={[{ type: 'url', message: t('training.assignment.linkFormat') }]}
            >
              <Input style={{ width: 320 }} placeholder="https://" />
            </Form.Item>
          </Space>
          <Button htmlType="submit" type="primary" loading={submit.isPending} data-testid="submit-assignment">
            {t('training.assignment.submit')}
          </Button>
        </Form>
      )}
    </List.Item>
  );
}
