import { App, Button, Card, Form, Input, List, Popconfirm, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseView, InviteBody } from '../../../shared/api/courses.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../components/useErrorText.ts';

/** The course team across schools and jurisdictions; the owner invites a colleague or a whole school. */
export function CourseTeam({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isOwner = course.myRole === 'owner';
  const remove = useCoursesAction((userId: string) => coursesApi.removeMember(course.id, userId));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <List
        dataSource={course.team}
        renderItem={(m) => (
          <List.Item
            data-testid="team-member"
            actions={
              isOwner && m.role !== 'owner'
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('courses.team.removeConfirm', { name: m.displayName })}
                      onConfirm={() => remove.mutate(m.userId, { onError: (e) => message.error(errorText(e)) })}
                    >
                      <Button size="small" danger>
                        {t('courses.team.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={m.displayName} description={[m.schoolName, m.jurisdictionCode].filter(Boolean).join(' · ')} />
            <Tag>{t(`courses.roles.${m.role}`)}</Tag>
          </List.Item>
        )}
      />
      {isOwner && <InviteForm courseId={course.id} />}
    </Space>
  );
}

function InviteForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ who: string; role: InviteBody['role'] }>();
  const [by, setBy] = useState<'username' | 'schoolCode'>('username');
  const invite = useCoursesAction((body: InviteBody) => coursesApi.invite(courseId, body));
  return (
    <Card size="small" title={t('courses.team.invite')}>
      <ErrorAlert error={invite.error} />
      <Radio.Group value={by} onChange={(e) => setBy(e.target.value as typeof by)} style={{ marginBottom: 12 }}>
        <Radio.Button value="username">{t('courses.team.byUsername')}</Radio.Button>
        <Radio.Button value="schoolCode">{t('courses.team.bySchool')}</Radio.Button>
      </Radio.Group>
      <Form
        form={form}
        layout="inline"
        initialValues={{ role: 'co_author' }}
        onFinish={(v) =>
          invite.mutate(
            { role: v.role, [by]: v.who.trim() },
            {
              onSuccess: () => {
                form.resetFields();
                message.success(t('courses.team.invited'));
              },
            },
          )
        }
      >
        <Form.Item name="who" rules={[{ required: true, whitespace: true }]}>
          <Input placeholder={t(by === 'username' ? 'courses.team.usernamePlaceholder' : 'courses.team.schoolPlaceholder')} />
        </Form.Item>
        <Form.Item name="role">
          <Select style={{ width: 140 }} options={['co_author', 'reviewer'].map((r) => ({ value: r, label: t(`courses.roles.${r}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={invite.isPending}>
          {t('courses.team.send')}
        </Button>
      </Form>
    </Card>
  );
}
