import { Button, Card, Col, Empty, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SearchFacets, TSearchQuery } from '../../../shared/api/search.ts';
import { useResourceSearch } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Highlighted } from './Highlighted.tsx';
import { ResourceCard } from './ResourceCard.tsx';
import { SearchBox } from './SearchBox.tsx';
import { federatedCardProps } from '../federation/ProvenanceBadge.tsx';

type FacetName = keyof SearchFacets;
const FACETS: { name: FacetName; title: string; label: (v: string) => string }[] = [
  { name: 'subject', title: 'library.search.facetSubject', label: (v) => `library.subjects.${v}` },
  { name: 'gradeBand', title: 'library.search.facetGradeBand', label: (v) => `library.gradeBands.${v}` },
  { name: 'language', title: 'library.search.facetLanguage', label: (v) => `library.languageTags.${v}` },
  { name: 'licence', title: 'library.search.facetLicence', label: (v) => `library.licenceShort.${v}` },
];

/**
 * Search (/library/search?q=…): the query and the chosen facets live in the address, so a teacher can send
 * a search to a colleague. Facet counts are those of the matching set; a chosen facet can be cleared by
 * clicking it again.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = Object.fromEntries(FACETS.map((f) => [f.name, params.get(f.name) ?? undefined])) as Partial<Record<FacetName, string>>;
  const query = { q, ...filters } as Omit<Partial<TSearchQuery>, 'cursor'>;
  const search = useResourceSearch(query);
  const pages = search.data?.pages ?? [];
  const hits = pages.flatMap((p) => p.items);
  const facets = pages[0]?.facets;

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const anyFilter = FACETS.some((f) => filters[f.name]);

  return (
    <Row gutter={[24, 16]}>
      <Col span={24}>
        <SearchBox key={q} initial={q} onSearch={(value) => set('q', value)} />
      </Col>
      <Col xs={24} md={7} lg={6}>
        {(anyFilter || hits.length > 0) && (
          <Card
            size="small"
            title={t('library.search.facets')}
            extra={
              anyFilter && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    const next = new URLSearchParams();
                    if (q) next.set('q', q);
                    setParams(next);
                  }}
                >
                  {t('library.search.clearFilters')}
                </Button>
              )
            }
            data-testid="search-facets"
          >
            <Flex vertical gap="middle">
              {FACETS.map((f) => {
                const counts = Object.entries(facets?.[f.name] ?? {}).filter(([, n]) => (n ?? 0) > 0);
                if (!counts.length && !filters[f.name]) return null;
                return (
                  <div key={f.name}>
                    <Typography.Text strong>{t(f.title)}</Typography.Text>
                    <Flex wrap gap={4} style={{ marginTop: 6 }}>
                      {counts.map(([value, n]) => (
                        <Tag.CheckableTag
                          key={value}
                          checked={filters[f.name] === value}
                          onChange={(checked) => set(f.name, checked ? value : undefined)}
                          style={{ border: '1px solid #d9d9d9' }}
                        >
                          {t(f.label(value))} <Typography.Text type="secondary">{n}</Typography.Text>
                        </Tag.CheckableTag>
                      ))}
                    </Flex>
                  </div>
                );
              })}
            </Flex>
          </Card>
        )}
      </Col>
      <Col xs={24} md={17} lg={18}>
        <ErrorAlert error={search.error} style={{ marginBottom: 12 }} />
        {search.isPending ? (
          <Spin />
        ) : hits.length === 0 ? (
          <Empty description={t('library.search.noResults')} />
        ) : (
          <Flex vertical gap="small" data-testid="search-results">
            {hits.map((hit) => (
              <ResourceCard
                key={hit.id}
                id={hit.id}
                title={<Highlighted segments={hit.highlights.title} />}
                snippet={<Highlighted segments={hit.highlights.snippet} />}
                language={hit.language}
                subject={hit.subject}
                gradeBand={hit.gradeBand}
                {...federatedCardProps(hit)}
              />
            ))}
            <Space>
              {search.hasNextPage && (
                <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              )}
              <Typography.Text type="secondary">{t('library.search.shown', { count: hits.length })}</Typography.Text>
            </Space>
          </Flex>
        )}
      </Col>
    </Row>
  );
}
