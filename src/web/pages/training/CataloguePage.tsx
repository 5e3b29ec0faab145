import { Card, Col, Empty, Flex, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SESSION_MODES, TRAINING_CATEGORIES, TRAINING_TIERS } from '../../../shared/api/training.ts';
import { useFrameworks, useProgrammes, type CatalogueFilter } from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

/** The catalogue: programmes open to the reader, filtered by tier, category, competency and online/on site. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [filter, setFilter] = useState<CatalogueFilter>({});
  const programmes = useProgrammes(filter);
  const frameworks = useFrameworks();
  const competencyOptions = (frameworks.data?.items ?? []).flatMap((f) =>
    f.competencies.map((c) => ({
      value: c.id,
      label: `${pickName(f.aspects.find((a) => a.code === c.aspect)?.names, language)} · ${pickName(c.names, language)}`,
    })),
  );
  const set = (patch: Partial<CatalogueFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <>
      <PageHeader title={t('training.catalogue.title')}>{t('training.catalogue.intro')}</PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('training.catalogue.search')}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 220 }}
          data-testid="training-search"
        />
        <Select
          allowClear
          placeholder={t('training.fields.tier')}
          style={{ width: 150 }}
          value={filter.tier}
          onChange={(tier) => set({ tier })}
          options={TRAINING_TIERS.map((v) => ({ value: v, label: t(`training.tiers.${v}`) }))}
        />
        <Select
          allowClear
          placeholder={t('training.fields.category')}
          style={{ width: 170 }}
          value={filter.category}
          onChange={(category) => set({ category })}
          options={TRAINING_CATEGORIES.map((v) => ({ value: v, label: t(`training.categories.${v}`) }))}
          data-testid="training-filter-category"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('training.fields.competency')}
          style={{ width: 300 }}
          value={filter.competencyId}
          onChange={(competencyId) => set({ competencyId })}
          options={competencyOptions}
        />
        <Select
          allowClear
          placeholder={t('training.fields.mode')}
          style={{ width: 130 }}
          value={filter.mode}
          onChange={(mode) => set({ mode })}
          options={SESSION_MODES.map((v) => ({ value: v, label: t(`training.modes.${v}`) }))}
        />
      </Space>
      <ErrorAlert error={programmes.error} />
      {programmes.data && programmes.data.items.length === 0 && <Empty description={t('training.catalogue.empty')} />}
      <Row gutter={[16, 16]}>
        {(programmes.data?.items ?? []).map((p) => (
          <Col key={p.id} xs={24} md={12} xl={8}>
            <Link to={`/training/programmes/${p.id}`} data-testid="programme-card">
              <Card hoverable title={p.title} size="small" styles={{ header: { whiteSpace: 'normal' } }}>
                <Flex gap={4} wrap style={{ marginBottom: 8 }}>
                  <Tag color="blue">{t(`training.tiers.${p.tier}`)}</Tag>
                  <Tag color="purple">{t(`training.categories.${p.category}`)}</Tag>
                  {p.visibility === 'bay_area' && <Tag color="cyan">{t('training.visibility.bay_area')}</Tag>}
                  {p.status !== 'published' && <Tag>{t(`training.programmeStatus.${p.status}`)}</Tag>}
                </Flex>
                <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary" style={{ marginBottom: 8 }}>
                  {p.summary}
                </Typography.Paragraph>
                <Typography.Text>
                  {p.organiser.name} · {t('training.fields.hoursValue', { hours: p.creditHours })} ·{' '}
                  {p.capacity
                    ? t('training.fields.placesValue', { enrolled: p.enrolledCount, capacity: p.capacity })
                    : t('training.fields.enrolledValue', { enrolled: p.enrolledCount })}
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
