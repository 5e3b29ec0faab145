import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useComparison, type Comparison } from '../../api/insights.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';
import { formatValue } from './format.ts';

type Row = Comparison['indicators'][number];

/** Jurisdictions side by side: totals only, small cells hidden, each cell with its own definition. */
export default function ComparePage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const comparison = useComparison();
  const c = comparison.data;
  return (
    <>
      <PageHeader title={`${t('insights.compare.title')}${c ? ` · ${c.term}` : ''}`}>
        {t('insights.compare.hint', { min: c?.minimumCell ?? 5 })}
      </PageHeader>
      <ErrorAlert error={comparison.error} />
      <Table<Row>
        rowKey="code"
        loading={comparison.isLoading}
        dataSource={c?.indicators ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('insights.dashboard.indicator'),
            key: 'name',
            render: (_, r) => pickName(r.sides.find((s) => s.names)?.names, language),
          },
          ...(c?.jurisdictions ?? []).map((j) => ({
            title: pickName(j.names, language),
            key: j.code,
            render: (_: unknown, r: Row) => {
              const side = r.sides.find((s) => s.jurisdiction === j.code);
              if (!side) return null;
              return (
                <>
                  <div>
                    {side.suppressed ? (
                      <Typography.Text type="secondary">{t('insights.compare.suppressed')}</Typography.Text>
                    ) : side.value === null ? (
                      <Typography.Text type="secondary">{t('insights.compare.noData')}</Typography.Text>
                    ) : (
                      `${formatValue(side.value, side.unit)} ${side.unit ? t(`insights.units.${side.unit}`) : ''}`
                    )}
                  </div>
                  {side.definition && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {pickName(side.definition, language)}
                    </Typography.Text>
                  )}
                </>
              );
            },
          })),
        ]}
      />
    </>
  );
}
