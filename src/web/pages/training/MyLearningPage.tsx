import { App, Button, Card, Col, Empty, Flex, Form, Input, List, Progress, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSESSMENT_PHASES } from '../../../shared/api/training.ts';
import { useMe } from '../../api/me.ts';
import {
  trainingPaths,
  useApprovals,
  useFrameworks,
  useMyLearning,
  useMyProfile,
  useTrainingAction,
  type LearningItem,
} from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { pickName } from '../../i18n/format.ts';
import { RadarChart } from './RadarChart.tsx';
import { STATUS_COLOURS } from './labels.ts';

/** My learning: my programmes and progress, certificates, competency profile, and (principals) approvals. */
export default function MyLearningPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const learning = useMyLearning();
  return (
    <>
      <PageHeader title={t('training.mine.title')}>{t('training.mine.intro')}</PageHeader>
      {hasAnyRole(me, ['principal']) && <PrincipalApprovals />}
      <ErrorAlert error={learning.error} />
      {learning.data && learning.data.items.length === 0 && (
        <Empty description={t('training.mine.empty')}>
          <Link to="/training">
            <Button type="primary">{t('training.sections.catalogue')}</Button>
          </Link>
        </Empty>
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {(learning.data?.items ?? []).map((item) => (
          <Col key={item.enrolment.id} xs={24} lg={12}>
            <LearningCard item={item} />
          </Col>
        ))}
      </Row>
      <CompetencyProfile />
    </>
  );
}

function LearningCard({ item }: { item: LearningItem }) {
  const { t } = useTranslation();
  const { programme: p, progress, enrolment, credential } = item;
  const assignmentsTarget = p.rules.minAssignmentsPassed;
  return (
    <Card
      size="small"
      data-testid="learning-card"
      title={<Link to={`/training/programmes/${p.id}`}>{p.title}</Link>}
      extra={<Tag color={STATUS_COLOURS[enrolment.status]}>{t(`training.enrolmentStatus.${enrolment.status}`)}</Tag>}
    >
      <Flex vertical gap="small">
        <div>
          <Typography.Text>
            {t('training.mine.attendance', { attended: progress.sessionsAttended, held: progress.sessionsHeld })}
          </Typography.Text>
          <Progress
            percent={progress.attendancePercent}
            success={{ percent: 0 }}
            status={progress.unmet.includes('attendance') ? 'active' : 'success'}
          />
        </div>
        {assignmentsTarget > 0 && (
          <Typography.Text>
            {t('training.mine.assignments', { passed: progress.assignmentsPassed, needed: assignmentsTarget })}{' '}
            {progress.unmet.includes('assignments') ? '' : '✓'}
          </Typography.Text>
        )}
        {p.rules.requireReflection && (
          <Typography.Text>
            {progress.reflectionPassed ? t('training.mine.reflectionDone') : t('training.mine.reflectionTodo')}
          </Typography.Text>
        )}
        {enrolment.status === 'enrolled' && (
          <Typography.Text type={progress.complete ? 'success' : 'secondary'}>
            {progress.complete ? t('training.mine.readyForCertificate') : t('training.mine.stillToDo')}
          </Typography.Text>
        )}
        {credential && (
          <Flex gap="small" wrap align="center">
            <Tag color={credential.revoked ? 'red' : 'green'}>
              {credential.revoked ? t('training.verify.revoked') : t('training.mine.certificate')}
            </Tag>
            <Link to={`/verify/${credential.id}`}>{t('training.mine.verifyLink')}</Link>
            <a href={trainingPaths.credentialPdf(credential.id)} download>
              PDF
            </a>
            <a href={trainingPaths.credentialJson(credential.id)} download>
              JSON
            </a>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function PrincipalApprovals() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const approvals = useApprovals(true);
  const decide = useTrainingAction<{ id: string; decision: 'approve' | 'reject' }>(
    (a) => trainingPaths.principalDecision(a.id),
    (a) => ({ decision: a.decision }),
  );
  if (!approvals.data?.items.length) return null;
  return (
    <Card title={t('training.mine.approvals')} size="small" style={{ marginBottom: 16 }}>
      <List
        dataSource={approvals.data.items}
        renderItem={(a) => (
          <List.Item
            actions={(['approve', 'reject'] as const).map((d) => (
              <Button
                key={d}
                size="small"
                type={d === 'approve' ? 'primary' : 'default'}
                danger={d === 'reject'}
                onClick={() => decide.mutate({ id: a.id, decision: d }, { onError: (e) => message.error(errorText(e)) })}
              >
                {t(`training.actions.${d}`)}
              </Button>
            ))}
          >
            {a.displayName} — {a.programmeTitle}
          </List.Item>
        )}
      />
    </Card>
  );
}

function CompetencyProfile() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const profile = useMyProfile();
  const frameworks = useFrameworks();
  const [form] = Form.useForm<{ competencyId: string; level: number; phase: string; evidence: string }>();
  const add = useTrainingAction<{ competencyId: string; level: number; phase: string; evidence: string }>(
    () => trainingPaths.selfAssessment,
    (v) => v,
  );
  const unesco = frameworks.data?.items[0];
  const rows = profile.data?.competencies ?? [];
  // One axis per aspect: the mean level of its competencies assessed in that phase.
  const byAspect = (phase: 'before' | 'after') =>
    (unesco?.aspects ?? []).map((a) => {
      const values = unesco!.competencies
        .filter((c) => c.aspect === a.code)
        .map((c) => rows.find((r) => r.competencyId === c.id)?.[phase])
        .filter((v): v is number => v != null);
      return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
    });
  const hours = profile.data?.hoursByYear ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('training.profile.title')} size="small">
          {unesco && (
            <Flex justify="center">
              <RadarChart
                axes={unesco.aspects.map((a) => pickName(a.names, language))}
                series={[
                  { label: t('training.phases.before'), colour: '#faad14', values: byAspect('before') },
                  { label: t('training.phases.after'), colour: '#1677ff', values: byAspect('after') },
                ]}
              />
            </Flex>
          )}
          <Flex gap="small" justify="center">
            <Tag color="gold">{t('training.phases.before')}</Tag>
            <Tag color="blue">{t('training.phases.after')}</Tag>
          </Flex>
          <Form
            form={form}
            layout="vertical"
            style={{ marginTop: 16 }}
            initialValues={{ phase: 'self', level: 1 }}
            onFinish={(v) =>
              add.mutate(v, {
                onSuccess: () => {
                  form.resetFields();
                  message.success(t('training.profile.saved'));
                },
                onError: (e) => message.error(errorText(e)),
              })
            }
          >
            <Form.Item name="competencyId" label={t('training.fields.competency')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(unesco?.competencies ?? []).map((c) => ({
                  value: c.id,
                  label: `${pickName(unesco!.aspects.find((a) => a.code === c.aspect)?.names, language)} · ${pickName(c.names, language)}`,
                }))}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="level" label={t('training.profile.level')}>
                <Select
                  style={{ width: 160 }}
                  options={[0, 1, 2, 3].map((l) => ({ value: l, label: t(`training.profile.levels.${l}`) }))}
                />
              </Form.Item>
              <Form.Item name="phase" label={t('training.profile.phase')}>
                <Select style={{ width: 160 }} options={ASSESSMENT_PHASES.map((p) => ({ value: p, label: t(`training.phases.${p}`) }))} />
              </Form.Item>
            </Space>
            <Form.Item name="evidence" label={t('training.profile.evidence')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button htmlType="submit" loading={add.isPending}>
              {t('training.profile.add')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('training.profile.hours')} size="small">
          {hours.length === 0 ? (
            <Typography.Text type="secondary">{t('training.profile.noHours')}</Typography.Text>
          ) : (
            <Flex gap="large" wrap>
              {hours.map((h) => (
                <Statistic
                  key={h.year}
                  title={t('training.profile.year', { year: h.year })}
                  value={h.hours}
                  suffix={t('training.profile.hoursUnit')}
                />
              ))}
            </Flex>
          )}
        </Card>
      </Col>
    </Row>
  );
}
