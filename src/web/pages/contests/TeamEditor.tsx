import { Button, Card, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeMembers, useSchoolPupils, type Entry } from '../../api/contests.ts';
import { useMe } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * Team changes before the submission deadline, for the entry's advisor teacher or the organiser: remove a
 * pupil (the team keeps at least one) or add one of the school's pupils. The server applies the registration
 * checks and tells the pupils concerned.
 */
export function TeamEditor({ entry, canManage }: { entry: Entry; canManage: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const change = useChangeMembers(entry.id);
  const [adding, setAdding] = useState<string>();
  const advisor = entry.members.some((m) => m.role === 'advisor' && m.userId === me?.id);
  const staff = me?.memberships.find((m) => ['teacher', 'principal', 'school_admin'].includes(m.role) && m.school);
  const roster = useSchoolPupils(advisor ? staff?.school?.id : undefined);
  if (!advisor && !canManage) return null;
  const pupils = entry.members.filter((m) => m.role === 'student');
  const inTeam = new Set(entry.members.map((m) => m.userId));
  const options = (roster.data?.classes ?? []).map((c) => ({
    label: c.name,
    options: c.students.filter((s) => !inTeam.has(s.id)).map((s) => ({ value: s.id, label: s.displayName })),
  }));
  return (
    <Card
      size="small"
      title={t('contests.team.title')}
      extra={<Typography.Text type="secondary">{t('contests.team.hint')}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="team-editor"
    >
      <ErrorAlert error={change.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        {pupils.map((m) => (
          <Tag key={m.userId} color="blue">
            {m.displayName}
            {pupils.length > 1 && (
              <Popconfirm
                title={t('contests.team.removeConfirm', { name: m.displayName })}
                onConfirm={() => change.mutate({ removeUserIds: [m.userId] })}
              >
                <Button type="link" size="small" danger>
                  {t('contests.team.remove')}
                </Button>
              </Popconfirm>
            )}
          </Tag>
        ))}
      </Space>
      {entry.kind === 'team' && advisor && (
        <Space.Compact>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 220 }}
            placeholder={t('contests.team.addPlaceholder')}
            value={adding}
            onChange={setAdding}
            options={options}
          />
          <Button
            disabled={!adding}
            loading={change.isPending}
            onClick={() => adding && change.mutate({ addStudentIds: [adding] }, { onSuccess: () => setAdding(undefined) })}
          >
            {t('contests.team.add')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
