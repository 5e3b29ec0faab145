import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { useSchools } from '../../api/tenancy.ts';
import type { Me, School } from '../../api/types.ts';
import { useUiLanguage } from '../../app/language.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTenancyOptions } from '../../components/useTenancyOptions.ts';
import { pickName } from '../../i18n/format.ts';
import { SchoolFormModal } from './SchoolFormModal.tsx';

/** Mirrors the server's policy (docs/api.md) to show the edit button only where it will work. */
function canEdit(me: Me | null | undefined, school: School): boolean {
  return (me?.memberships ?? []).some(
    (m) =>
      m.role === 'platform_admin' ||
      (m.role === 'bureau_admin' && m.jurisdiction.id === school.jurisdiction.id) ||
      (m.role === 'school_admin' && m.school?.id === school.id),
  );
}

export default function SchoolsPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const [jurisdictionId, setJurisdictionId] = useState<string>();
  const [authorityUnitId, setAuthorityUnitId] = useState<string>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<School | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const { jurisdictionOptions, unitOptions } = useTenancyOptions(jurisdictionId);
  const schools = useSchools({ jurisdictionId, authorityUnitId, q: q.trim() || undefined });
  const rows = schools.data?.pages.flatMap((p) => p.items) ?? [];
  const mayCreate = hasAnyRole(me, ['bureau_admin', 'platform_admin']);

  const openForm = (school: School | null) => {
    setEditing(school);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title={t('schools.title')}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {t('schools.create')}
            </Button>
          )
        }
      >
        {t('schools.intro')}
      </PageHeader>
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('schools.jurisdiction')}
          options={jurisdictionOptions}
          value={jurisdictionId}
          onChange={(value) => {
            setJurisdictionId(value);
            setAuthorityUnitId(undefined);
          }}
          style={{ minWidth: 160 }}
        />
        <Select
          allowClear
          placeholder={t('schools.authorityUnit')}
          options={unitOptions}
          value={authorityUnitId}
          onChange={setAuthorityUnitId}
          disabled={!jurisdictionId}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 220 }}
        />
        <Input.Search allowClear placeholder={t('schools.searchPlaceholder')} onSearch={setQ} style={{ width: 280 }} />
      </Flex>
      <ErrorAlert error={schools.error} style={{ marginBottom: 16 }} />
      <Table<School>
        rowKey="id"
        loading={schools.isFetching && !schools.isFetchingNextPage}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('schools.code'), dataIndex: 'code', width: 120 },
          { title: t('schools.name'), key: 'name', render: (_, s) => pickName(s.names, language) },
          { title: t('schools.jurisdiction'), key: 'jurisdiction', width: 120, render: (_, s) => pickName(s.jurisdiction.names, language) },
          { title: t('schools.authorityUnit'), key: 'unit', render: (_, s) => pickName(s.authorityUnit.names, language) },
          { title: t('schools.stage'), dataIndex: 'stage', width: 120, render: (stage: string) => t(`stages.${stage}`) },
          {
            title: t('schools.languages'),
            dataIndex: 'languages',
            render: (languages: string[]) => languages.map((l) => <Tag key={l}>{t(`contentLanguages.${l}`, { defaultValue: l })}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            fixed: 'right',
            render: (_, s) =>
              canEdit(me, s) && (
                <Button size="small" icon={<EditOutlined />} onClick={() => openForm(s)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      {schools.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void schools.fetchNextPage()} loading={schools.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <SchoolFormModal open={formOpen} school={editing} onClose={() => setFormOpen(false)} />
    </>
  );
}
