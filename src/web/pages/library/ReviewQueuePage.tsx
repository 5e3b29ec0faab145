import { App as AntApp, Button, Card, Empty, Flex, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nextLevel, PUBLISH_LEVELS, type PublishLevel } from '../../../shared/library.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { api, ApiError } from '../../api/client.ts';
import { useDecideSubmission, useReviewQueue, type Submission } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { formatDateTime } from '../../i18n/format.ts';

type Status = 'pending' | 'approved' | 'returned';

/**
 * Recommends a just-approved resource to the next level its school's tree has (Hong Kong and Macao have no
 * city level, so the next level may be two steps up); the server says which levels are unavailable.
 */
async function recommendUp(resourceId: string, from: PublishLevel): Promise<PublishLevel | null> {
  for (const level of PUBLISH_LEVELS.slice(PUBLISH_LEVELS.indexOf(from) + 1)) {
    try {
      await api(`/api/v1/resources/${resourceId}/submissions`, { method: 'POST', body: { level } });
      return level;
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'LIBRARY_LEVEL_UNAVAILABLE') throw e;
    }
  }
  return null;
}

/**
 * The reviewer's queue: approve (publishes at the level asked), return with comments (back to draft), or
 * approve and recommend one level up (a new submission the next level's reviewers decide).
 */
export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<Status>('pending');
  const queue = useReviewQueue(status);
  const decide = useDecideSubmission();
  const [returning, setReturning] = useState<Submission | null>(null);
  const [comment, setComment] = useState('');
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];

  const approve = (s: Submission, recommend: boolean) =>
    decide.mutate(
      { id: s.id, decision: 'approve' },
      {
        onSuccess: async () => {
          if (!recommend) return void message.success(t('library.reviews.approved_done'));
          try {
            const up = await recommendUp(s.resourceId, s.level);
            if (up) void message.success(t('library.reviews.recommended', { level: t(`library.publishLevels.${up}`) }));
          } catch (e) {
            void message.error(errorText(e));
          }
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <>
      <PageHeader title={t('library.reviews.title')}>{t('library.reviews.intro')}</PageHeader>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as Status)}
        options={(['pending', 'approved', 'returned'] as const).map((s) => ({ value: s, label: t(`library.reviews.${s}`) }))}
      />
      <ErrorAlert error={queue.error} />
      {!queue.isPending && !items.length && <Empty description={t('library.reviews.empty')} />}
      <Flex vertical gap="small" data-testid="review-queue">
        {items.map((s) => (
          <Card key={s.id} size="small">
            <Flex justify="space-between" wrap gap="small">
              <Flex vertical gap={4}>
                <Link to={`/library/resources/${s.resourceId}`} style={{ fontWeight: 600, fontSize: 15 }}>
                  {s.resourceTitle ?? s.resourceId}
                </Link>
                <Space wrap size={4}>
                  <Tag color="cyan">{t('library.reviews.forLevel', { level: t(`library.publishLevels.${s.level}`) })}</Tag>
                  <Typography.Text type="secondary">
                    {t('library.reviews.submittedBy', { name: s.submittedBy.displayName ?? '' })}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(s.createdAt, i18n.language as UiLanguage)}</Typography.Text>
                </Space>
                {s.note && <Typography.Text>{t('library.reviews.note', { note: s.note })}</Typography.Text>}
                {s.comment && <Typography.Text type="secondary">{s.comment}</Typography.Text>}
              </Flex>
              {s.status === 'pending' && (
                <Space wrap>
                  <Button type="primary" onClick={() => approve(s, false)} loading={decide.isPending}>
                    {t('library.reviews.approve')}
                  </Button>
                  {nextLevel(s.level) && <Button onClick={() => approve(s, true)}>{t('library.reviews.recommend')}</Button>}
                  <Button danger onClick={() => setReturning(s)}>
                    {t('library.reviews.return')}
                  </Button>
                </Space>
              )}
            </Flex>
          </Card>
        ))}
        {queue.hasNextPage && <Button onClick={() => void queue.fetchNextPage()}>{t('common.loadMore')}</Button>}
      </Flex>
      <Modal
        open={!!returning}
        title={t('library.reviews.return')}
        okText={t('library.reviews.return')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: decide.isPending }}
        onCancel={() => setReturning(null)}
        onOk={() =>
          returning &&
          decide.mutate(
            { id: returning.id, decision: 'return', comment: comment.trim() },
            {
              onSuccess: () => {
                void message.success(t('library.reviews.returned_done'));
                setReturning(null);
                setComment('');
              },
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
      >
        <Typography.Text>{t('library.reviews.comment')}</Typography.Text>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('library.reviews.commentNeeded')}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
        />
      </Modal>
    </>
  );
}
