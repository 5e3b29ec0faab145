import { App as AntApp, Button, Flex, Input, List, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRate, useRatings, type ResourceDetail } from '../../api/library.ts';
import { useErrorText } from '../../components/useErrorText.ts';

/** Stars and short reviews; a signed-in reader rates once and may change their rating. */
export function ResourceRatings({ resource, canRate }: { resource: ResourceDetail; canRate: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const ratings = useRatings(resource.id);
  const rate = useRate(resource.id);
  const [stars, setStars] = useState(resource.mine.rating?.stars ?? 0);
  const [review, setReview] = useState(resource.mine.rating?.review ?? '');
  const list = ratings.data?.items.filter((r) => r.review) ?? [];

  return (
    <Flex vertical gap="middle" data-testid="resource-ratings">
      <Flex align="center" gap="small">
        <Rate disabled allowHalf value={resource.counts.ratingAverage ?? 0} />
        <Typography.Text type="secondary">
          {resource.counts.ratingAverage !== null
            ? t('library.card.rating', { avg: resource.counts.ratingAverage, count: resource.counts.ratings })
            : t('library.resource.noRatings')}
        </Typography.Text>
      </Flex>
      {canRate && (
        <Flex vertical gap="small">
          <Typography.Text strong>{t('library.resource.yourRating')}</Typography.Text>
          <Rate value={stars} onChange={setStars} />
          <Input.TextArea
            value={review}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('library.resource.reviewPlaceholder')}
            onChange={(e) => setReview(e.target.value)}
          />
          <div>
            <Button
              disabled={stars < 1}
              loading={rate.isPending}
              onClick={() =>
                rate.mutate(
                  { stars, review: review.trim() || undefined },
                  { onSuccess: () => void message.success(t('library.resource.rated')), onError: (e) => void message.error(errorText(e)) },
                )
              }
            >
              {t('library.resource.rate')}
            </Button>
          </div>
        </Flex>
      )}
      {ratings.isError ? null : (
        <List
          size="small"
          dataSource={list}
          locale={{ emptyText: ' ' }}
          renderItem={(r) => (
            <List.Item key={r.user.id}>
              <Flex vertical>
                <Flex gap="small" align="center">
                  <Rate disabled value={r.stars} style={{ fontSize: 12 }} />
                  <Typography.Text type="secondary">{r.user.displayName}</Typography.Text>
                </Flex>
                <Typography.Text>{r.review}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
