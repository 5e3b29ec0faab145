import { Flex, Input, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthAggregates } from '../../../shared/api/growth.ts';
import { useAggregates } from '../../api/growth.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { pickName } from '../../i18n/format.ts';
import { currentTermCode, useDimensionNames } from './growth-labels.ts';

type SchoolRow = GrowthAggregates['schools'][number];

/** Schools × dimensions for a bureau: share of students with approved entries; small cells withheld. */
export function BureauAggregates() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [termCode, setTermCode] = useState(currentTermCode());
  const aggregates = useAggregates(termCode.trim() || undefined);
  const name = useDimensionNames(aggregates.data?.framework);
  return (
    <>
      <Flex gap="small" align="center" style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('growth.bureau.termCode')}</Typography.Text>
        <Input style={{ width: 180 }} value={termCode} onChange={(e) => setTermCode(e.target.value)} />
        <Typography.Text type="secondary">{t('growth.bureau.suppressionNote', { k: aggregates.data?.threshold ?? 5 })}</Typography.Text>
      </Flex>
      <ErrorAlert error={aggregates.error} />
      <Table<SchoolRow>
        rowKey="schoolId"
        loading={aggregates.isFetching}
        dataSource={aggregates.data?.schools ?? []}
        locale={{ emptyText: t('growth.bureau.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('growth.bureau.school'), key: 'school', fixed: 'left', render: (_, r) => pickName(r.schoolNames, language) },
          ...(aggregates.data?.framework.dimensions ?? []).map((d) => ({
            title: name(d.key),
            key: d.key,
            align: 'center' as const,
            render: (_: unknown, r: SchoolRow) => {
              const cell = r.cells.find((c) => c.dimensionKey === d.key);
              if (!cell || cell.suppressed) {
                return (
                  <Tooltip title={t('growth.bureau.suppressed')}>
                    <Typography.Text type="secondary">—</Typography.Text>
                  </Tooltip>
                );
              }
              const pct = cell.students ? Math.round((100 * (cell.studentsWithEvidence ?? 0)) / cell.students) : 0;
              return `${cell.studentsWithEvidence}/${cell.students} (${pct}%)`;
            },
          })),
        ]}
      />
    </>
  );
}
