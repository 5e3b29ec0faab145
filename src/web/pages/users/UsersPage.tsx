import { KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Flex, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/roles.ts';
import { useClasses, useSchool } from '../../api/tenancy.ts';
import type { UserStatus, UserSummary } from '../../api/types.ts';
import { useResetPassword, useUnlockUser, useUsers } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OneTimeSecretModal, type OneTimeSecret } from '../../components/OneTimeSecretModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SchoolPicker, useSelectedSchool } from '../../components/SchoolPicker.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { CreateUserModal } from './CreateUserModal.tsx';

const STATUS_COLOURS: Record<UserStatus, string> = { active: 'green', locked: 'orange', disabled: 'default' };

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [schoolId, setSchoolId] = useSelectedSchool();
  const [classId, setClassId] = useState<string>();
  const [role, setRole] = useState<string>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const classes = useClasses(schoolId);
  const school = useSchool(schoolId);
  const users = useUsers({ schoolId, classId, role, q: q.trim() || undefined });
  const resetPassword = useResetPassword();
  const unlock = useUnlockUser();
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  const onReset = (user: UserSummary) =>
    resetPassword.mutate(user.id, {
      onSuccess: ({ temporaryPassword }) =>
        setSecret({
          label: t('users.temporaryPassword'),
          username: user.username,
          displayName: user.displayName,
          secret: temporaryPassword,
        }),
      onError: (error) => void message.error(errorText(error)),
    });

  const onUnlock = (user: UserSummary) =>
    unlock.mutate(user.id, {
      onSuccess: () => void message.success(t('users.unlocked', { name: user.displayName })),
      onError: (error) => void message.error(errorText(error)),
    });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          schoolId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )
        }
      >
        {t('users.intro')}
      </PageHeader>
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <SchoolPicker
          value={schoolId}
          onChange={(id) => {
            setSchoolId(id);
            setClassId(undefined);
          }}
        />
        <Select
          allowClear
          placeholder={t('users.filterClass')}
          value={classId}
          onChange={setClassId}
          options={(classes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          disabled={!schoolId}
          style={{ minWidth: 160 }}
        />
        <Select
          allowClear
          placeholder={t('users.filterRole')}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          style={{ minWidth: 140 }}
        />
        <Input.Search allowClear placeholder={t('users.searchPlaceholder')} onSearch={setQ} style={{ width: 240 }} />
      </Flex>
      <ErrorAlert error={users.error} style={{ marginBottom: 16 }} />
      {!schoolId ? (
        <Empty description={t('schoolPicker.pickFirst')} />
      ) : (
        <Table<UserSummary>
          rowKey="id"
          loading={users.isFetching && !users.isFetchingNextPage}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.username'), dataIndex: 'username' },
            {
              title: t('users.roles'),
              key: 'roles',
              render: (_, u) => [...new Set(u.memberships.map((m) => m.role))].map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
            },
            {
              title: t('users.classes'),
              key: 'classes',
              render: (_, u) => u.classes.map((c) => c.name).join('、'),
            },
            {
              title: t('users.status'),
              dataIndex: 'status',
              width: 100,
              render: (status: UserStatus) => <Tag color={STATUS_COLOURS[status]}>{t(`users.statuses.${status}`)}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 220,
              render: (_, u) => (
                <Flex gap="small" wrap>
                  <Popconfirm
                    title={t('users.resetConfirm', { name: u.displayName })}
                    okText={t('users.resetPassword')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => onReset(u)}
                  >
                    <Button size="small" icon={<KeyOutlined />}>
                      {t('users.resetPassword')}
                    </Button>
                  </Popconfirm>
                  {u.status === 'locked' && (
                    <Button size="small" icon={<UnlockOutlined />} onClick={() => onUnlock(u)}>
                      {t('users.unlock')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      {users.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {schoolId && (
        <CreateUserModal
          schoolId={schoolId}
          jurisdictionId={school.data?.jurisdiction.id}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(user, initialPassword) => {
            setCreating(false);
            setSecret({
              label: t('users.initialPassword'),
              username: user.username,
              displayName: user.displayName,
              secret: initialPassword,
            });
          }}
        />
      )}
      <OneTimeSecretModal value={secret} onClose={() => setSecret(null)} />
    </>
  );
}
