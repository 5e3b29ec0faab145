import { Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLUMN_OPERATORS, type TColumnPolicy } from '../../../shared/api/privacy.ts';
import type { ColumnProfileView } from '../../api/privacy.ts';
import { ROLE_COLOURS } from './labels.ts';

/** How a `generalise` column is generalised, as one choice the steward understands. */
const GENERALISE_PRESETS = ['number:5', 'number:10', 'date:month', 'date:year', 'tree:gba-geography', 'tree:grade', 'tree:flat'] as const;
type Preset = (typeof GENERALISE_PRESETS)[number];

export function presetOf(p: TColumnPolicy): Preset | undefined {
  if (p.operator !== 'generalise') return undefined;
  if (p.kind === 'number') return p.band === 10 ? 'number:10' : 'number:5';
  if (p.kind === 'date') return p.band === 'year' ? 'date:year' : 'date:month';
  return p.hierarchy === 'gba-geography' ? 'tree:gba-geography' : p.hierarchy === 'grade' ? 'tree:grade' : 'tree:flat';
}

function fromPreset(role: TColumnPolicy['role'], preset: Preset): TColumnPolicy {
  const [kind, arg] = preset.split(':') as ['number' | 'date' | 'tree', string];
  if (kind === 'number') return { role, operator: 'generalise', kind, band: Number(arg) };
  if (kind === 'date') return { role, operator: 'generalise', kind, band: arg as 'month' | 'year' };
  return { role, operator: 'generalise', kind, hierarchy: arg as 'gba-geography' | 'grade' | 'flat' };
}

function withOperator(current: TColumnPolicy, operator: TColumnPolicy['operator']): TColumnPolicy {
  const role = current.role;
  switch (operator) {
    case 'generalise':
      return current.operator === 'generalise' ? current : fromPreset(role, role === 'quasi_identifier' ? 'tree:flat' : 'number:5');
    case 'pseudonym':
      return { role, operator, entity: 'ID' };
    case 'mask':
      return { role, operator, keepStart: 0, keepEnd: 2 };
    case 'redact':
      return { role, operator, mode: 'spans' };
    default:
      return { role, operator };
  }
}

/**
 * One row per column: what the profiler thinks it is (and why), and the operator the steward picks —
 * defaults come from the profile and the jurisdiction's policy.
 */
export function ColumnOperators({
  profile,
  columns,
  onChange,
}: {
  profile: ColumnProfileView[];
  columns: Record<string, TColumnPolicy>;
  onChange: (next: Record<string, TColumnPolicy>) => void;
}) {
  const { t } = useTranslation();
  const set = (column: string, p: TColumnPolicy) => onChange({ ...columns, [column]: p });
  return (
    <Table<ColumnProfileView>
      rowKey="column"
      size="small"
      pagination={false}
      dataSource={profile}
      scroll={{ x: 760 }}
      data-testid="column-operators"
      columns={[
        { title: t('privacy.workbench.column'), dataIndex: 'column', render: (c: string) => <b>{c}</b> },
        {
          title: t('privacy.workbench.suggestedRole'),
          render: (_, p) => (
            <Tooltip title={p.reason}>
              <Tag color={ROLE_COLOURS[p.role]}>{t(`privacy.roles.${p.role}`)}</Tag>
              {p.entity && (
                <Typography.Text type="secondary">{t(`privacy.entities.${p.entity}`, { defaultValue: p.entity })}</Typography.Text>
              )}
            </Tooltip>
          ),
        },
        {
          title: t('privacy.workbench.operator'),
          render: (_, p) => {
            const current = columns[p.column] ?? { role: p.role, operator: 'drop' };
            return (
              <Select
                style={{ width: 170 }}
                value={current.operator}
                onChange={(op) => set(p.column, withOperator(current, op))}
                options={COLUMN_OPERATORS.map((o) => ({ value: o, label: t(`privacy.operators.${o}`) }))}
                data-testid={`operator-${p.column}`}
              />
            );
          },
        },
        {
          title: t('privacy.workbench.how'),
          render: (_, p) => {
            const current = columns[p.column];
            if (current?.operator !== 'generalise')
              return <Typography.Text type="secondary">{current ? t(`privacy.operatorHelp.${current.operator}`) : ''}</Typography.Text>;
            return (
              <Select
                style={{ width: 200 }}
                value={presetOf(current)}
                onChange={(preset: Preset) => set(p.column, fromPreset(current.role, preset))}
                options={GENERALISE_PRESETS.map((g) => ({ value: g, label: t(`privacy.presets.${g.replace(':', '_')}`) }))}
              />
            );
          },
        },
      ]}
    />
  );
}
