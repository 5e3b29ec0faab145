import { App, Button, Card, Input, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAppeals,
  useContestAction,
  useDecideAppeal,
  usePreview,
  useProgress,
  useReopenJudging,
  type Contest,
} from '../../api/contests.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { pickName } from '../../i18n/format.ts';

/**
 * The organiser's console, in the order the work happens: assign judges, watch progress, preview the
 * normalised ranking, publish, recommend upward (and, for a parent round, confirm what came up), appeals.
 */
export function OrganiserConsole({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [language] = useUiLanguage();
  const progress = useProgress(contest.id, true);
  const preview = usePreview(contest.id, true);
  const appeals = useAppeals(contest.id, true);
  const assign = useContestAction(contest.id, 'assignment');
  const publish = useContestAction(contest.id, 'publish');
  const promote = useContestAction(contest.id, 'promote');
  const confirm = useContestAction(contest.id, 'confirm-promotions');
  const decide = useDecideAppeal();
  const reopen = useReopenJudging();
  const open = contest.status === 'open';
  const error = assign.error ?? publish.error ?? promote.error ?? confirm.error ?? decide.error ?? reopen.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card size="small" title={t('contests.organise.assignment')}>
        <Typography.Paragraph type="secondary">{t('contests.organise.assignmentHint')}</Typography.Paragraph>
        <Button
          disabled={!open}
          loading={assign.isPending}
          onClick={async () => {
            const r = (await assign.mutateAsync()) as { created: number; shortfalls: unknown[] };
            message.success(t('contests.organise.assigned', { count: r.created, short: r.shortfalls.length }));
          }}
        >
          {t('contests.organise.runAssignment')}
        </Button>
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="judgeId"
          pagination={false}
          dataSource={progress.data?.judges ?? []}
          columns={[
            { title: t('contests.organise.judge'), dataIndex: 'displayName' },
            {
              title: t('contests.organise.progress'),
              render: (_, j) => (
                <Progress
                  percent={j.assigned ? Math.round((100 * j.submitted) / j.assigned) : 0}
                  format={() => `${j.submitted}/${j.assigned}`}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('contests.organise.preview')}>
        <Typography.Paragraph type="secondary">
          {t('contests.organise.previewHint')}{' '}
          {preview.data?.openAssignments ? t('contests.organise.openAssignments', { count: preview.data.openAssignments }) : null}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="entryId"
          pagination={false}
          dataSource={preview.data?.items ?? []}
          data-testid="preview-table"
          columns={[
            { title: t('contests.fields.rank'), dataIndex: 'rank' },
            { title: t('contests.fields.entryCode'), dataIndex: 'entryCode' },
            { title: t('contests.fields.title'), dataIndex: 'title' },
            { title: t('contests.fields.school'), render: (_, r) => pickName(r.schoolName, language) },
            { title: t('contests.organise.normalised'), render: (_, r) => r.normalised.toFixed(3) },
            { title: t('contests.organise.raw'), render: (_, r) => r.raw.toFixed(1) },
            { title: t('contests.fields.award'), render: (_, r) => <Tag color="gold">{t(`contests.awards.${r.award}`)}</Tag> },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            data-testid="publish"
            disabled={!open || !!preview.data?.openAssignments}
            loading={publish.isPending}
            onClick={async () => {
              await publish.mutateAsync();
              message.success(t('contests.organise.publishedOk'));
            }}
          >
            {t('contests.organise.publish')}
          </Button>
          {contest.parentContestId && (
            <Button
              data-testid="promote"
              disabled={contest.status !== 'published'}
              loading={promote.isPending}
              onClick={async () => {
                const r = (await promote.mutateAsync()) as { promoted: unknown[] };
                message.success(t('contests.organise.promotedOk', { count: r.promoted.length }));
              }}
            >
              {t('contests.organise.promote')}
            </Button>
          )}
          <Button
            loading={confirm.isPending}
            onClick={async () => {
              const r = (await confirm.mutateAsync()) as { confirmed: number };
              message.success(t('contests.organise.confirmedOk', { count: r.confirmed }));
            }}
          >
            {t('contests.organise.confirmPromotions')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('contests.organise.appeals')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={appeals.data?.items ?? []}
          locale={{ emptyText: t('contests.organise.noAppeals') }}
          columns={[
            { title: t('contests.fields.entryCode'), dataIndex: 'entryCode' },
            { title: t('contests.organise.reason'), dataIndex: 'reason' },
            { title: t('contests.fields.status'), render: (_, a) => <Tag>{t(`contests.appealStatus.${a.status}`)}</Tag> },
            {
              title: t('contests.organise.outcome'),
              render: (_, a) =>
                a.status === 'open' ? (
                  <AppealDecision onDecide={(status, outcome) => decide.mutate({ id: a.id, status, outcome })} />
                ) : (
                  <Space wrap>
                    {a.outcome}
                    {a.status === 'upheld' && contest.status === 'published' && (
                      <Popconfirm title={t('contests.organise.reopenConfirm')} onConfirm={() => reopen.mutate(a.id)}>
                        <Button size="small" loading={reopen.isPending} data-testid="reopen-judging">
                          {t('contests.organise.reopen')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The outcome in words, then uphold or dismiss: both are recorded with the appeal for good. */
function AppealDecision({ onDecide }: { onDecide: (status: 'upheld' | 'dismissed', outcome: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder={t('contests.organise.outcome')} maxLength={2000} />
      <Button disabled={!outcome.trim()} onClick={() => onDecide('upheld', outcome)}>
        {t('contests.appealStatus.upheld')}
      </Button>
      <Button disabled={!outcome.trim()} onClick={() => onDecide('dismissed', outcome)}>
        {t('contests.organise.dismiss')}
      </Button>
    </Space.Compact>
  );
}
