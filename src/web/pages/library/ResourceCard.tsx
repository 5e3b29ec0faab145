import { EyeOutlined, HeartOutlined, StarOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContentLanguage } from '../../../shared/languages.ts';
import type { ResourceCounts } from '../../api/library.ts';
import { LanguageTag } from './LanguageTag.tsx';

export interface ResourceCardProps {
  id: string;
  title: ReactNode;
  snippet: ReactNode;
  language: ContentLanguage;
  subject: string;
  gradeBand: string;
  counts?: ResourceCounts;
  extra?: ReactNode;
  /** Where the title links; default the library's resource page (federated items have their own page). */
  to?: string;
}

/** One resource in a list: title (link), language, subject and grade band, a line of text, counts. */
export function ResourceCard({ id, title, snippet, language, subject, gradeBand, counts, extra, to }: ResourceCardProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="resource-card" styles={{ body: { padding: '12px 16px' } }}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" gap="small">
          <Link to={to ?? `/library/resources/${id}`} style={{ fontSize: 16, fontWeight: 600 }} data-testid="resource-link">
            {title}
          </Link>
          {extra}
        </Flex>
        <Space size={4} wrap>
          <LanguageTag language={language} />
          <Tag>{t(`library.subjects.${subject}`)}</Tag>
          <Tag>{t(`library.gradeBands.${gradeBand}`)}</Tag>
        </Space>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {snippet}
        </Typography.Paragraph>
        {counts && (
          <Space size="middle" style={{ color: '#8c8c8c', fontSize: 12 }}>
            <span>
              <EyeOutlined /> {t('library.card.views', { count: counts.views })}
            </span>
            <span>
              <HeartOutlined /> {t('library.card.favourites', { count: counts.favourites })}
            </span>
            {counts.ratingAverage !== null && (
              <span>
                <StarOutlined /> {t('library.card.rating', { avg: counts.ratingAverage, count: counts.ratings })}
              </span>
            )}
          </Space>
        )}
      </Flex>
    </Card>
  );
}
