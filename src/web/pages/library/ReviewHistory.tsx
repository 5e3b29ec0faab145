import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/languages.ts';
import { useSubmissions } from '../../api/library.ts';
import { formatDateTime } from '../../i18n/format.ts';

const COLOURS: Record<string, string> = { pending: 'processing', approved: 'success', returned: 'warning' };

/** For the author: every submission of this resource, with the reviewer's comments when it came back. */
export function ReviewHistory({ resourceId }: { resourceId: string }) {
  const { t, i18n } = useTranslation();
  const submissions = useSubmissions(resourceId);
  const items = submissions.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('library.resource.reviewHistory')} style={{ marginBottom: 16 }} data-testid="review-history">
      <List
        size="small"
        dataSource={items}
        renderItem={(s) => (
          <List.Item key={s.id}>
            <Space direction="vertical" size={2}>
              <Space wrap size={4}>
                <Tag color={COLOURS[s.status]}>{t(`library.submissionStatuses.${s.status}`)}</Tag>
                <Typography.Text>{t(`library.publishLevels.${s.level}`)}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatDateTime(s.decidedAt ?? s.createdAt, i18n.language as UiLanguage)}
                </Typography.Text>
              </Space>
              {s.comment && <Typography.Text>{s.comment}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
