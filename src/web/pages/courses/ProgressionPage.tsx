import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  COMPETENCY_DIMENSION_NAMES,
  COMPETENCY_DIMENSIONS,
  COMPETENCY_LEVEL_NAMES,
  type CompetencyLevel,
} from '../../../shared/courses.ts';
import { GRADE_BANDS } from '../../../shared/library.ts';
import { useProgression } from '../../api/courses.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

/** 小初高一体化: which competency each school stage covers, with gaps (nothing) and overlaps (same level twice). */
export default function ProgressionPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const map = useProgression();
  const data = map.data;
  const rows = COMPETENCY_DIMENSIONS.map((dimension) => ({ key: dimension, dimension }));
  const isGap = (band: string, dimension: string) => !!data?.gaps.some((g) => g.gradeBand === band && g.dimension === dimension);
  const overlapIds = (band: string, dimension: string) =>
    new Set(data?.overlaps.filter((o) => o.gradeBand === band && o.dimension === dimension).flatMap((o) => o.courseIds) ?? []);
  return (
    <>
      <PageHeader title={t('courses.progression.title')}>{t('courses.progression.intro')}</PageHeader>
      <ErrorAlert error={map.error} />
      <Table
        loading={map.isLoading}
        pagination={false}
        bordered
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          {
            title: t('courses.progression.dimension'),
            dataIndex: 'dimension',
            render: (d: keyof typeof COMPETENCY_DIMENSION_NAMES) => pickName(COMPETENCY_DIMENSION_NAMES[d], language),
          },
          ...GRADE_BANDS.map((band) => ({
            title: t(`courses.gradeBands.${band}`),
            key: band,
            render: (_: unknown, row: { dimension: string }) => {
              if (isGap(band, row.dimension)) return <Tag color="red">{t('courses.progression.gap')}</Tag>;
              const overlaps = overlapIds(band, row.dimension);
              const cells = data?.cells.filter((c) => c.gradeBand === band && c.dimension === row.dimension) ?? [];
              return cells.map((cell) => (
                <div key={cell.level} style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary">
                    {pickName(COMPETENCY_LEVEL_NAMES[cell.level as CompetencyLevel], language)}:{' '}
                  </Typography.Text>
                  {cell.courses.map((c) => (
                    <Tag key={c.id} color={overlaps.has(c.id) ? 'orange' : 'blue'}>
                      <Link to={`/courses/${c.id}`}>{c.title}</Link>
                    </Tag>
                  ))}
                </div>
              ));
            },
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        <Tag color="red">{t('courses.progression.gap')}</Tag> {t('courses.progression.gapHint')}{' '}
        <Tag color="orange">{t('courses.progression.overlap')}</Tag> {t('courses.progression.overlapHint')}
      </Typography.Paragraph>
    </>
  );
}
