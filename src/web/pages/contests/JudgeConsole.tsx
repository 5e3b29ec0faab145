import { Alert, Button, Card, Empty, Flex, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJudgeQueue, useScore, type JudgeItem } from '../../api/contests.ts';
import type { RubricCriterion } from '../../../shared/api/contests.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * The judge's console: assigned entries by code (blind mode shows no names — the server never sends them),
 * the submission, one number per rubric criterion; "Save" keeps a draft, "Submit" locks the scores.
 */
export function JudgeConsole({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useJudgeQueue(contestId, true);
  if (error) return <ErrorAlert error={error} />;
  const done = data?.items.filter((i) => i.submittedAt).length ?? 0;
  return (
    <>
      {data?.contest.blind && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('contests.judge.blindNotice')} />}
      <Typography.Paragraph>{t('contests.judge.progress', { done, total: data?.items.length ?? 0 })}</Typography.Paragraph>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('contests.judge.empty')} /> }}
        renderItem={(item) => <ScoreCard key={item.assignmentId} item={item} rubric={data!.contest.rubric} />}
      />
    </>
  );
}

function ScoreCard({ item, rubric }: { item: JudgeItem; rubric: RubricCriterion[] }) {
  const { t } = useTranslation();
  const score = useScore();
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(rubric.map((r) => [r.key, item.scores?.[r.key] ?? null])),
  );
  const [comment, setComment] = useState(item.comment);
  const locked = !!item.submittedAt;
  const complete = rubric.every((r) => typeof scores[r.key] === 'number');
  const save = (submit: boolean) =>
    score.mutate({
      assignmentId: item.assignmentId,
      scores: Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number')),
      comment,
      submit,
    });
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`judge-entry-${item.entryCode}`}
      title={
        <Space>
          <Tag color="purple">{item.entryCode}</Tag>
          {item.title}
        </Space>
      }
      extra={locked ? <Tag color="green">{t('contests.judge.locked')}</Tag> : <Tag>{t('contests.judge.open')}</Tag>}
    >
      {item.submission ? (
        <Space direction="vertical" size={2} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('contests.submission.version', { version: item.submission.version })}</Typography.Text>
          {item.submission.links.map((l) => (
            <a key={l.url} href={l.url} target="_blank" rel="noreferrer noopener">
              {t(`contests.linkKinds.${l.kind}`)}: {l.url}
            </a>
          ))}
          {item.submission.note && <Typography.Text>{item.submission.note}</Typography.Text>}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">{t('contests.submission.none')}</Typography.Paragraph>
      )}
      <Flex wrap gap="middle" style={{ marginBottom: 8 }}>
        {rubric.map((r) => (
          <label key={r.key}>
            <div>
              {r.label}{' '}
              <Typography.Text type="secondary">
                (×{r.weight}, ≤{r.max})
              </Typography.Text>
            </div>
            <InputNumber
              aria-label={r.label}
              data-testid={`score-${r.key}`}
              min={0}
              max={r.max}
              disabled={locked}
              value={scores[r.key]}
              onChange={(v) => setScores((s) => ({ ...s, [r.key]: v }))}
            />
          </label>
        ))}
      </Flex>
      <Input.TextArea
        rows={2}
        disabled={locked}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('contests.judge.comment')}
      />
      <ErrorAlert error={score.error} style={{ marginTop: 8 }} />
      {!locked && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => save(false)} loading={score.isPending}>
            {t('contests.judge.save')}
          </Button>
          <Button type="primary" data-testid="score-submit" disabled={!complete} onClick={() => save(true)} loading={score.isPending}>
            {t('contests.judge.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
