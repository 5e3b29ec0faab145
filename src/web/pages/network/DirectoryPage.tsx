import { Card, Col, Empty, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NETWORK_INTERESTS } from '../../../shared/api/network.ts';
import { CONTENT_LANGUAGES } from '../../../shared/languages.ts';
import { SCHOOL_STAGES } from '../../../shared/tenancy.ts';
import { useDirectory, type DirectoryFilter } from '../../api/network.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

const JURISDICTIONS = ['GD', 'HK', 'MO', 'HB'];

/** The school directory with filters: jurisdiction, stage, interest, language of instruction, name. */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [filter, setFilter] = useState<DirectoryFilter>({});
  const schools = useDirectory(filter);
  const set = (patch: Partial<DirectoryFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <>
      <PageHeader title={t('network.directory.title')}>{t('network.directory.intro')}</PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('network.directory.search')}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t('network.fields.jurisdiction')}
          style={{ width: 150 }}
          value={filter.jurisdiction}
          onChange={(jurisdiction) => set({ jurisdiction })}
          options={JURISDICTIONS.map((j) => ({ value: j, label: t(`network.jurisdictions.${j}`) }))}
          data-testid="filter-jurisdiction"
        />
        <Select
          allowClear
          placeholder={t('network.fields.stage')}
          style={{ width: 150 }}
          value={filter.stage}
          onChange={(stage) => set({ stage })}
          options={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`network.stages.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('network.fields.interest')}
          style={{ width: 180 }}
          value={filter.interest}
          onChange={(interest) => set({ interest })}
          options={NETWORK_INTERESTS.map((i) => ({ value: i, label: t(`network.interests.${i}`) }))}
        />
        <Select
          allowClear
          placeholder={t('network.fields.language')}
          style={{ width: 170 }}
          value={filter.language}
          onChange={(l) => set({ language: l })}
          options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`network.languages.${l}`) }))}
        />
      </Space>
      <ErrorAlert error={schools.error} />
      {schools.data && schools.data.items.length === 0 && <Empty description={t('network.directory.empty')} />}
      <Row gutter={[16, 16]}>
        {(schools.data?.items ?? []).map((s) => (
          <Col key={s.id} xs={24} md={12} xl={8}>
            <Link to={`/network/schools/${s.id}`} data-testid="school-card" data-code={s.code}>
              <Card hoverable title={pickName(s.names, language)} extra={<Tag>{t(`network.jurisdictions.${s.jurisdiction}`)}</Tag>}>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
                  {s.summary || t('network.directory.noSummary')}
                </Typography.Paragraph>
                <Space wrap size={[4, 4]}>
                  <Tag color="blue">{t(`network.stages.${s.stage}`)}</Tag>
                  {s.interests.map((i) => (
                    <Tag key={i}>{t(`network.interests.${i}`)}</Tag>
                  ))}
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
