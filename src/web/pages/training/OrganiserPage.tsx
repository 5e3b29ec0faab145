import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { REMINDER_DEFAULT_MINUTES, REMINDER_LEAD_CHOICES, SESSION_MODES } from '../../../shared/api/training.ts';
import {
  trainingPaths,
  useAttendance,
  useEnrolments,
  useProgramme,
  useProgrammes,
  useSessionQr,
  useSubmissions,
  useTrainingAction,
  type Assignment,
  type Submission,
  type Cohort,
  type TrainingSession,
} from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { pickName } from '../../i18n/format.ts';
import { localeTag } from '../../i18n/language.ts';
import { CreateProgrammeModal } from './CreateProgrammeModal.tsx';
import { cohortLabel, sessionTime, STATUS_COLOURS } from './labels.ts';
import { SubmissionFiles } from './SubmissionFiles.tsx';

/** The organiser console: the programmes I run; for one, its sessions (QR, roll call), enrolments, grading, certificates. */
export default function OrganiserPage() {
  const { id } = useParams();
  return id ? <ProgrammeConsole id={id} /> : <ManagedList />;
}

function ManagedList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useProgrammes({ managed: true });
  return (
    <>
      <PageHeader
        title={t('training.organise.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('training.organise.new')}
          </Button>
        }
      >
        {t('training.organise.intro')}
      </PageHeader>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        onRow={(p) => ({ onClick: () => navigate(`/training/organise/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('training.fields.title'),
            dataIndex: 'title',
            render: (v: string, p) => (
              <Link to={`/training/organise/${p.id}`} data-testid="managed-programme">
                {v}
              </Link>
            ),
          },
          { title: t('training.fields.tier'), dataIndex: 'tier', render: (v: string) => t(`training.tiers.${v}`) },
          {
            title: t('training.fields.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag>{t(`training.programmeStatus.${v}`)}</Tag>,
          },
          {
            title: t('training.fields.places'),
            key: 'places',
            render: (_: unknown, p) => (p.capacity ? `${p.enrolledCount}/${p.capacity}` : p.enrolledCount),
          },
        ]}
      />
      <CreateProgrammeModal
        open={creating}
        onClose={(newId) => {
          setCreating(false);
          if (newId) navigate(`/training/organise/${newId}`);
        }}
      />
    </>
  );
}

function ProgrammeConsole({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const programme = useProgramme(id);
  const publish = useTrainingAction<void>(() => trainingPaths.publish(id));
  if (programme.isPending) return <FullPageSpin />;
  if (programme.error) return <ErrorAlert error={programme.error} />;
  const p = programme.data;
  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <>
            <Link to={`/training/programmes/${id}`}>
              <Button>{t('training.organise.viewAsTeacher')}</Button>
            </Link>
            {p.status === 'draft' && (
              <Button type="primary" onClick={() => publish.mutate(undefined, { onError: (e) => message.error(errorText(e)) })}>
                {t('training.actions.publish')}
              </Button>
            )}
          </>
        }
      >
        {t(`training.programmeStatus.${p.status}`)} · {t(`training.visibility.${p.visibility}`)}
      </PageHeader>
      <Tabs
        items={[
          { key: 'enrolments', label: t('training.organise.enrolments'), children: <EnrolmentsTab programmeId={id} /> },
          {
            key: 'sessions',
            label: t('training.organise.sessions'),
            children: <SessionsTab programmeId={id} sessions={p.sessions} cohorts={p.cohorts} />,
          },
          { key: 'grading', label: t('training.organise.grading'), children: <GradingTab programmeId={id} assignments={p.assignments} /> },
          { key: 'certificates', label: t('training.organise.certificates'), children: <CertifyTab programmeId={id} /> },
        ]}
      />
    </>
  );
}

function EnrolmentsTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const enrolments = useEnrolments(programmeId);
  const decide = useTrainingAction<{ id: string; decision: 'approve' | 'reject' }>(
    (a) => trainingPaths.decision(a.id),
    (a) => ({ decision: a.decision }),
  );
  return (
    <>
      <ErrorAlert error={enrolments.error} />
      <Table
        rowKey="id"
        size="small"
        loading={enrolments.isPending}
        dataSource={enrolments.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('training.fields.teacher'), dataIndex: 'displayName' },
          { title: t('training.fields.school'), dataIndex: 'school', render: (v) => pickName(v, language) },
          {
            title: t('training.fields.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={STATUS_COLOURS[v]}>{t(`training.enrolmentStatus.${v}`)}</Tag>,
          },
          { title: t('training.fields.principal'), dataIndex: 'principalDecision', render: (v: string) => t(`training.decisions.${v}`) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, e) =>
              e.organiserDecision === 'pending' && e.status === 'pending' ? (
                <Space>
                  {(['approve', 'reject'] as const).map((d) => (
                    <Button
                      key={d}
                      size="small"
                      type={d === 'approve' ? 'primary' : 'default'}
                      danger={d === 'reject'}
                      data-testid={`enrolment-${d}`}
                      onClick={() => decide.mutate({ id: e.id, decision: d }, { onError: (err) => message.error(errorText(err)) })}
                    >
                      {t(`training.actions.${d}`)}
                    </Button>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** The programme's cohorts and a form to open another (its own dates, capacity, organiser). */
function CohortsCard({ programmeId, cohorts }: { programmeId: string; cohorts: Cohort[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const add = useTrainingAction<Record<string, unknown>>(
    () => trainingPaths.cohorts(programmeId),
    (v) => v,
  );
  return (
    <Card size="small" title={t('training.cohorts.title')} style={{ marginBottom: 16 }} data-testid="cohorts-card">
      <List
        size="small"
        dataSource={cohorts}
        renderItem={(c) => (
          <List.Item>
            {cohortLabel(c)} ·{' '}
            {c.capacity
              ? t('training.fields.placesValue', { enrolled: c.enrolled, capacity: c.capacity })
              : t('training.fields.enrolledValue', { enrolled: c.enrolled })}
            {c.waitlisted > 0 && ` · ${t('training.fields.waitlistValue', { count: c.waitlisted })}`}
            {c.organiserName && ` · ${c.organiserName}`}
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 8 }}
        onFinish={(v) =>
          add.mutate(
            {
              name: v.name,
              startsOn: v.dates?.[0]?.format('YYYY-MM-DD'),
              endsOn: v.dates?.[1]?.format('YYYY-MM-DD'),
              capacity: v.capacity ?? undefined,
              organiserName: v.organiserName ?? '',
            },
            { onSuccess: () => form.resetFields(), onError: (e) => message.error(errorText(e)) },
          )
        }
      >
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('training.cohorts.name')} />
        </Form.Item>
        <Form.Item name="dates">
          <DatePicker.RangePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="capacity">
          <InputNumber min={1} placeholder={t('training.fields.capacity')} />
        </Form.Item>
        <Form.Item name="organiserName">
          <Input placeholder={t('training.cohorts.organiser')} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('training.cohorts.add')}
        </Button>
      </Form>
    </Card>
  );
}

function SessionsTab({ programmeId, sessions, cohorts }: { programmeId: string; sessions: TrainingSession[]; cohorts: Cohort[] }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [qrFor, setQrFor] = useState<TrainingSession | null>(null);
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form);
  const add = useTrainingAction<Record<string, unknown>>(
    () => trainingPaths.sessions(programmeId),
    (v) => v,
  );
  const cohortName = (id: string) => cohorts.find((c) => c.id === id)?.name ?? '';
  return (
    <>
      <CohortsCard programmeId={programmeId} cohorts={cohorts} />
      <List
        dataSource={sessions}
        locale={{ emptyText: t('training.programme.noSessions') }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button key="qr" type="primary" onClick={() => setQrFor(s)} data-testid="show-qr">
                {t('training.organise.attendance')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={s.title}
              description={`${cohorts.length > 1 ? `${cohortName(s.cohortId)} · ` : ''}${t(`training.modes.${s.mode}`)} · ${sessionTime(s.startsAt, s.endsAt, localeTag(language))} · ${s.venue ?? s.link ?? ''}`}
            />
          </List.Item>
        )}
      />
      <Card size="small" title={t('training.organise.addSession')} style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ mode: 'online', reminder: REMINDER_DEFAULT_MINUTES }}
          onFinish={(v) =>
            add.mutate(
              {
                title: v.title,
                mode: v.mode,
                link: v.mode === 'online' ? v.link : undefined,
                venue: v.mode === 'onsite' ? v.venue : undefined,
                capacity: v.capacity ?? undefined,
                startsAt: v.time[0].toISOString(),
                endsAt: v.time[1].toISOString(),
                reminderMinutesBefore: v.reminder,
                cohortId: v.cohortId ?? undefined,
              },
              { onSuccess: () => form.resetFields(), onError: (e) => message.error(errorText(e)) },
            )
          }
        >
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('training.fields.title')} />
          </Form.Item>
          <Form.Item name="mode">
            <Select style={{ width: 110 }} options={SESSION_MODES.map((m) => ({ value: m, label: t(`training.modes.${m}`) }))} />
          </Form.Item>
          {mode === 'onsite' ? (
            <>
              <Form.Item name="venue" rules={[{ required: true }]}>
                <Input placeholder={t('training.fields.venue')} />
              </Form.Item>
              <Form.Item name="capacity">
                <InputNumber min={1} placeholder={t('training.fields.capacity')} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="link" rules={[{ required: true, type: 'url' }]}>
              <Input placeholder="https://" />
            </Form.Item>
          )}
          <Form.Item name="time" rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          {cohorts.length > 1 && (
            <Form.Item name="cohortId" rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                placeholder={t('training.cohorts.choose')}
                options={cohorts.map((c) => ({ value: c.id, label: cohortLabel(c) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="reminder" label={t('training.fields.reminder')}>
            <Select
              style={{ width: 150 }}
              data-testid="session-reminder"
              options={REMINDER_LEAD_CHOICES.map((m) => ({ value: m, label: t(`training.reminderLead.m${m}`) }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('training.actions.add')}
          </Button>
        </Form>
      </Card>
      <Modal open={!!qrFor} onCancel={() => setQrFor(null)} footer={null} width={760} title={qrFor?.title} destroyOnHidden>
        {qrFor && <AttendancePanel session={qrFor} />}
      </Modal>
    </>
  );
}

function AttendancePanel({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qr = useSessionQr(session.id);
  const attendance = useAttendance(session.id);
  const roll = useTrainingAction<{ userId: string; present: boolean }>(
    () => trainingPaths.rollCall(session.id),
    (e) => ({ entries: [e] }),
  );
  return (
    <Space align="start" size="large" wrap>
      <div style={{ textAlign: 'center', width: 300 }}>
        {qr.data ? (
          <>
            <img
              alt={t('training.organise.qrAlt')}
              width={280}
              height={280}
              src={`data:image/svg+xml;utf8,${encodeURIComponent(qr.data.svg)}`}
              data-testid="attendance-qr"
              data-url={qr.data.url}
            />
            <Typography.Paragraph type="secondary">{t('training.organise.qrHint')}</Typography.Paragraph>
          </>
        ) : (
          <ErrorAlert error={qr.error} />
        )}
      </div>
      <div style={{ minWidth: 280 }}>
        <Typography.Title level={5}>{t('training.organise.rollCall')}</Typography.Title>
        <List
          size="small"
          dataSource={attendance.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('training.organise.noCohort')} /> }}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Switch
                  key="p"
                  checked={a.present}
                  onChange={(present) => roll.mutate({ userId: a.userId, present }, { onError: (e) => message.error(errorText(e)) })}
                />,
              ]}
            >
              {a.displayName} {a.method === 'qr' && <Tag>QR</Tag>}
            </List.Item>
          )}
        />
      </div>
    </Space>
  );
}

function GradingTab({ programmeId, assignments }: { programmeId: string; assignments: Assignment[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const subs = useSubmissions(programmeId);
  const [form] = Form.useForm();
  const add = useTrainingAction<Record<string, unknown>>(
    () => trainingPaths.assignments(programmeId),
    (v) => v,
  );
  return (
    <>
      <ErrorAlert error={subs.error} />
      <List
        dataSource={subs.data?.items ?? []}
        locale={{ emptyText: t('training.organise.noSubmissions') }}
        renderItem={(s) => <ReviewItem submission={s} assignment={assignments.find((a) => a.id === s.assignmentId)} />}
      />
      <Card size="small" title={t('training.organise.addAssignment')} style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'assignment', rubricText: '', passMark: 6 }}
          onFinish={(v) => {
            const rubric = String(v.rubricText)
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => {
                const m = /^(.*?)[\s|:：]+(\d+)$/.exec(line);
                return m ? { criterion: m[1].trim(), maxPoints: Number(m[2]) } : { criterion: line, maxPoints: 5 };
              });
            add.mutate(
              { title: v.title, instructions: v.instructions ?? '', kind: v.kind, rubric, passMark: v.passMark },
              { onSuccess: () => form.resetFields(), onError: (e) => message.error(errorText(e)) },
            );
          }}
        >
          <Space wrap>
            <Form.Item name="title" label={t('training.fields.title')} rules={[{ required: true }]}>
              <Input style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('training.fields.kind')}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'assignment', label: t('training.assignment.assignment') },
                  { value: 'reflection', label: t('training.assignment.reflection') },
                ]}
              />
            </Form.Item>
            <Form.Item name="passMark" label={t('training.fields.passMark')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name="instructions" label={t('training.fields.instructions')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="rubricText" label={t('training.organise.rubricLines')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} placeholder={t('training.organise.rubricPlaceholder')} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('training.actions.add')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

function ReviewItem({ submission: s, assignment }: { submission: Submission; assignment?: Assignment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const review = useTrainingAction<Record<string, unknown>>(
    () => trainingPaths.review(s.id),
    (v) => v,
  );
  return (
    <List.Item style={{ display: 'block' }}>
      <Space wrap>
        <Typography.Text strong>{s.displayName}</Typography.Text>
        <span>{assignment?.title}</span>
        <Tag>{t('training.assignment.attempt', { n: s.attempt })}</Tag>
        <Tag color={STATUS_COLOURS[s.status]}>{t(`training.submissionStatus.${s.status}`)}</Tag>
        {s.total !== null && (
          <span>
            {s.total}/{assignment?.maxPoints}
          </span>
        )}
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0' }}>{s.text}</Typography.Paragraph>
      {s.url && (
        <div>
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.url}
          </a>
        </div>
      )}
      {s.resourceId && (
        <Typography.Text type="secondary">
          {t('training.assignment.resourceId')}: {s.resourceId}
        </Typography.Text>
      )}
      <SubmissionFiles submission={s} canUpload={false} />
      {s.status === 'submitted' && assignment && (
        <Form
          layout="inline"
          style={{ marginTop: 8 }}
          onFinish={(v: Record<string, number | string>) =>
            review.mutate(
              {
                scores: assignment.rubric.map((r, i) => ({ criterion: r.criterion, points: Number(v[`c${i}`] ?? 0) })),
                feedback: String(v.feedback ?? ''),
              },
              { onError: (e) => message.error(errorText(e)) },
            )
          }
        >
          {assignment.rubric.map((r, i) => (
            <Form.Item key={r.criterion} name={`c${i}`} label={`${r.criterion} (≤${r.maxPoints})`} rules={[{ required: true }]}>
              <InputNumber min={0} max={r.maxPoints} style={{ width: 70 }} />
            </Form.Item>
          ))}
          <Form.Item name="feedback">
            <Input placeholder={t('training.organise.feedback')} style={{ width: 260 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={review.isPending}>
            {t('training.actions.review')}
          </Button>
        </Form>
      )}
    </List.Item>
  );
}

function CertifyTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const certify = useTrainingAction<
    void,
    {
      issued: { displayName: string; credentialId: string }[];
      notYet: { displayName: string; unmet: string[]; attendancePercent: number }[];
    }
  >(() => trainingPaths.certify(programmeId));
  const result = certify.data;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('training.organise.certifyIntro')}</Typography.Paragraph>
      <Button
        type="primary"
        loading={certify.isPending}
        onClick={() => certify.mutate(undefined, { onError: (e) => message.error(errorText(e)) })}
      >
        {t('training.actions.certify')}
      </Button>
      {result && (
        <Flex vertical gap="small" style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('training.organise.issued', { count: result.issued.length })}</Typography.Text>
          {result.issued.map((i) => (
            <Link key={i.credentialId} to={`/verify/${i.credentialId}`}>
              {i.displayName}
            </Link>
          ))}
          {result.notYet.length > 0 && (
            <Typography.Text strong>{t('training.organise.notYet', { count: result.notYet.length })}</Typography.Text>
          )}
          {result.notYet.map((n) => (
            <span key={n.displayName}>
              {n.displayName}: {n.unmet.map((u) => t(`training.unmet.${u}`)).join('、')}
            </span>
          ))}
        </Flex>
      )}
    </>
  );
}
