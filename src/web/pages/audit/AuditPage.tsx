import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, DatePicker, Descriptions, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit, useVerifyAudit } from '../../api/audit.ts';
import { useMe } from '../../api/me.ts';
import { useJurisdictions } from '../../api/tenancy.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useUiLanguage } from '../../app/language.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { AUDIT_ACTIONS } from './actions.ts';

function actorLabel(actor: NonNullable<AuditEntry['actor']>): string {
  if (actor.displayName && actor.username) return `${actor.displayName} (${actor.username})`;
  return actor.displayName ?? actor.username ?? actor.id ?? '';
}

type Range = Parameters<NonNullable<React.ComponentProps<typeof DatePicker.RangePicker>['onChange']>>[0];

export default function AuditPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const [action, setAction] = useState<string>();
  const [actorId, setActorId] = useState<string>();
  const [range, setRange] = useState<Range>(null);
  // Days are UTC+8 days, as every time on screen is, wherever the browser's clock is set.
  const from = range?.[0] ? new Date(`${range[0].format('YYYY-MM-DD')}T00:00:00+08:00`).toISOString() : undefined;
  const to = range?.[1] ? new Date(`${range[1].format('YYYY-MM-DD')}T23:59:59.999+08:00`).toISOString() : undefined;
  const audit = useAudit({ action: action?.trim() || undefined, actorId, from, to });
  const verify = useVerifyAudit();
  const jurisdictions = useJurisdictions();
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  // Actors to filter by are the ones in the rows (an admin recognises names, not ids); the chosen one is
  // kept while the filter narrows the rows to them.
  const [chosenActor, setChosenActor] = useState<{ value: string; label: string }>();
  const actorOptions = new Map<string, string>();
  if (chosenActor) actorOptions.set(chosenActor.value, chosenActor.label);
  for (const e of rows) if (e.actor?.id) actorOptions.set(e.actor.id, actorLabel(e.actor));
  const jurisdictionName = (e: AuditEntry) => {
    const found = jurisdictions.data?.find((j) => j.id === e.jurisdictionId || j.code === e.jurisdictionCode);
    return found ? pickName(found.names, language) : (e.jurisdictionCode ?? '');
  };

  const actionLabel = (a: string) => t(`audit.actions.${a.replace('.', '_')}`, { defaultValue: a });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          hasAnyRole(me, ['platform_admin']) && (
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('audit.verify')}
            </Button>
          )
        }
      >
        {t('audit.intro')}
      </PageHeader>
      {verify.data && (
        <Alert
          closable
          style={{ marginBottom: 16 }}
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          title={
            verify.data.ok
              ? t('audit.verifyOk', { count: verify.data.checked })
              : t('audit.verifyBroken', { seq: verify.data.firstBadSeq, count: verify.data.checked })
          }
        />
      )}
      <ErrorAlert error={verify.error} style={{ marginBottom: 16 }} />
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <AutoComplete
          allowClear
          placeholder={t('audit.filterAction')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} · ${a}` }))}
          showSearch={{
            filterOption: (input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase()),
          }}
          onChange={(value: string) => setAction(value || undefined)}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filterActor')}
          value={actorId}
          onChange={(value: string | undefined) => {
            setActorId(value);
            setChosenActor(value ? { value, label: actorOptions.get(value) ?? value } : undefined);
          }}
          options={[...actorOptions].map(([value, label]) => ({ value, label }))}
          style={{ minWidth: 220 }}
        />
        <DatePicker.RangePicker value={range} onChange={setRange} allowEmpty={[true, true]} />
      </Flex>
      <ErrorAlert error={audit.error} style={{ marginBottom: 16 }} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={audit.isFetching && !audit.isFetchingNextPage}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('audit.requestId')}>
                <Typography.Text code copyable>
                  {e.requestId ?? '—'}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.target')}>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('audit.details')}>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(e.details, null, 2)}</pre>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
          { title: t('audit.at'), dataIndex: 'at', width: 200, render: (at: string) => formatDateTime(at, language) },
          { title: t('audit.action'), dataIndex: 'action', render: (a: string) => actionLabel(a) },
          {
            title: t('audit.actor'),
            key: 'actor',
            render: (_, e) => (e.actor ? actorLabel(e.actor) : t('audit.system')),
          },
          { title: t('audit.jurisdiction'), key: 'jurisdiction', width: 110, render: (_, e) => jurisdictionName(e) },
        ]}
      />
      {audit.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('common.timesInUtc8')}
      </Typography.Paragraph>
    </>
  );
}
