import { Card, Col, Empty, Flex, Row, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ContentLanguage } from '../../../shared/languages.ts';
import { useResourceList, useResourceSearch } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResourceCard } from './ResourceCard.tsx';
import { SearchBox } from './SearchBox.tsx';

/**
 * Where a resource comes from, told by the language it is written in: the library's list routes have no
 * jurisdiction filter, and a 繁體·香港 lesson is, in practice, a Hong Kong lesson.
 */
const REGIONS: { key: string; language?: ContentLanguage }[] = [
  { key: 'all' },
  { key: 'mainland', language: 'zh-Hans' },
  { key: 'hk', language: 'zh-Hant-HK' },
  { key: 'mo', language: 'zh-Hant-MO' },
  { key: 'en', language: 'en' },
];

/** The library's front page: search, then popular and new resources, by region. */
export default function LibraryHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [region, setRegion] = useState('all');
  const language = REGIONS.find((r) => r.key === region)?.language;
  const popular = useResourceSearch({ q: '', language, limit: 6 });
  const newest = useResourceList({ scope: 'all', status: 'published', language, limit: 6 });
  const popularHits = popular.data?.pages[0]?.items ?? [];
  const newItems = newest.data?.pages[0]?.items ?? [];

  return (
    <>
      <PageHeader title={t('library.home.title')}>{t('library.home.intro')}</PageHeader>
      <div style={{ maxWidth: 720, marginBottom: 16 }}>
        <SearchBox
          initial=""
          placeholder={t('library.home.searchPlaceholder')}
          onSearch={(q) => void navigate(`/library/search?q=${encodeURIComponent(q)}`)}
        />
      </div>
      <Segmented
        value={region}
        onChange={(v) => setRegion(String(v))}
        options={REGIONS.map((r) => ({ value: r.key, label: t(`library.home.regions.${r.key}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="library-regions"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('library.home.popular')} size="small">
            <ErrorAlert error={popular.error} />
            {popular.isPending ? (
              <Spin />
            ) : popularHits.length ? (
              <Flex vertical gap="small">
                {popularHits.map((h) => (
                  <ResourceCard
                    key={h.id}
                    id={h.id}
                    title={h.title}
                    snippet={h.summary}
                    language={h.language}
                    subject={h.subject}
                    gradeBand={h.gradeBand}
                  />
                ))}
              </Flex>
            ) : (
              <Empty description={t('library.home.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('library.home.newest')} size="small">
            <ErrorAlert error={newest.error} />
            {newest.isPending ? (
              <Spin />
            ) : newItems.length ? (
              <Flex vertical gap="small">
                {newItems.map((r) => (
                  <ResourceCard
                    key={r.id}
                    id={r.id}
                    title={r.title}
                    snippet={r.summary}
                    language={r.language}
                    subject={r.subject}
                    gradeBand={r.gradeBand}
                    counts={r.counts}
                  />
                ))}
              </Flex>
            ) : (
              <Empty description={<Typography.Text type="secondary">{t('library.home.empty')}</Typography.Text>} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
