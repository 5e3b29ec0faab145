import { Button, Card, Col, Empty, Form, Input, List, Modal, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DOCUMENT_KINDS, PROJECT_ROLES, TASK_STATUSES, type TaskStatus } from '../../../shared/api/network.ts';
import { useDocuments, useNetworkWrite, useProject, useThreads, type ProjectDetail } from '../../api/network.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

/** The project workspace: question, members, milestones, task board, discussion and shared documents. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const project = useProject(id);
  const [publishing, setPublishing] = useState(false);
  if (project.isLoading) return <FullPageSpin />;
  if (!project.data) return <ErrorAlert error={project.error} />;
  const p = project.data;
  const member = !!p.myRole;
  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <>
            <Tag color={p.status === 'published' ? 'green' : 'blue'}>{t(`network.projectStatus.${p.status}`)}</Tag>
            {p.outputResourceId && <Link to={`/library/resources/${p.outputResourceId}`}>{t('network.project.output')}</Link>}
            {p.myRole === 'lead' && p.status === 'active' && (
              <Button type="primary" onClick={() => setPublishing(true)}>
                {t('network.project.publish')}
              </Button>
            )}
          </>
        }
      >
        {p.question}
      </PageHeader>
      <Tabs
        items={[
          { key: 'board', label: t('network.project.board'), children: <Board project={p} member={member} /> },
          { key: 'threads', label: t('network.project.threads'), children: <Threads projectId={p.id} member={member} /> },
          { key: 'documents', label: t('network.project.documents'), children: <Documents projectId={p.id} member={member} /> },
          { key: 'members', label: t('network.project.members'), children: <Members project={p} /> },
        ]}
      />
      {publishing && <PublishModal project={p} onClose={() => setPublishing(false)} />}
    </>
  );
}

function Board({ project: p, member }: { project: ProjectDetail; member: boolean }) {
  const { t } = useTranslation();
  const move = useNetworkWrite<{ taskId: string; payload: { status: TaskStatus } }>('PUT', (b) => `/tasks/${b.taskId}/status`);
  const addTask = useNetworkWrite<{ title: string }>('POST', () => `/projects/${p.id}/tasks`);
  const addMilestone = useNetworkWrite<{ title: string; dueOn: string }>('POST', () => `/projects/${p.id}/milestones`);
  const [taskForm] = Form.useForm<{ title: string }>();
  const [msForm] = Form.useForm<{ title: string; dueOn: string }>();
  const nameOf = (uid: string | null) => p.members.find((m) => m.userId === uid)?.displayName;
  return (
    <>
      <ErrorAlert error={move.error ?? addTask.error ?? addMilestone.error} style={{ marginBottom: 12 }} />
      <Row gutter={[16, 16]}>
        {TASK_STATUSES.map((status, i) => (
          <Col key={status} xs={24} md={8}>
            <Card title={t(`network.taskStatus.${status}`)} size="small" data-testid={`column-${status}`}>
              {p.tasks
                .filter((task) => task.status === status)
                .map((task) => (
                  <Card key={task.id} size="small" style={{ marginBottom: 8 }}>
                    <div>{task.title}</div>
                    {task.assigneeId && <Typography.Text type="secondary">{nameOf(task.assigneeId)}</Typography.Text>}
                    {member && (
                      <Space style={{ marginTop: 4 }}>
                        {i > 0 && (
                          <Button size="small" onClick={() => move.mutate({ taskId: task.id, payload: { status: TASK_STATUSES[i - 1] } })}>
                            ←
                          </Button>
                        )}
                        {i < TASK_STATUSES.length - 1 && (
                          <Button size="small" onClick={() => move.mutate({ taskId: task.id, payload: { status: TASK_STATUSES[i + 1] } })}>
                            →
                          </Button>
                        )}
                      </Space>
                    )}
                  </Card>
                ))}
            </Card>
          </Col>
        ))}
      </Row>
      {member && (
        <Form
          form={taskForm}
          layout="inline"
          style={{ marginTop: 16 }}
          onFinish={(v) =>
            addTask
              .mutateAsync(v)
              .then(() => taskForm.resetFields())
              .catch(() => undefined)
          }
        >
          <Form.Item name="title" rules={[{ required: true, message: t('network.project.taskRequired') }]}>
            <Input placeholder={t('network.project.newTask')} style={{ width: 320 }} />
          </Form.Item>
          <Button htmlType="submit">{t('network.project.addTask')}</Button>
        </Form>
      )}
      <Card title={t('network.project.milestones')} size="small" style={{ marginTop: 16 }}>
        <List
          dataSource={p.milestones}
          locale={{ emptyText: t('network.project.noMilestones') }}
          renderItem={(m) => (
            <List.Item>
              {m.dueOn} · {m.title}
            </List.Item>
          )}
        />
        {member && (
          <Form
            form={msForm}
            layout="inline"
            onFinish={(v) =>
              addMilestone
                .mutateAsync(v)
                .then(() => msForm.resetFields())
                .catch(() => undefined)
            }
          >
            <Form.Item name="title" rules={[{ required: true, message: t('network.project.taskRequired') }]}>
              <Input placeholder={t('network.project.newMilestone')} />
            </Form.Item>
            <Form.Item name="dueOn" rules={[{ required: true, message: t('network.project.taskRequired') }]}>
              <Input type="date" />
            </Form.Item>
            <Button htmlType="submit">{t('network.project.addMilestone')}</Button>
          </Form>
        )}
      </Card>
    </>
  );
}

function Threads({ projectId, member }: { projectId: string; member: boolean }) {
  const { t } = useTranslation();
  const threads = useThreads(projectId);
  const create = useNetworkWrite<{ title: string; body: string }>('POST', () => `/projects/${projectId}/threads`);
  const reply = useNetworkWrite<{ threadId: string; payload: { body: string } }>('POST', (b) => `/threads/${b.threadId}/posts`);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <>
      <ErrorAlert error={threads.error ?? create.error ?? reply.error} style={{ marginBottom: 12 }} />
      {threads.data?.items.length === 0 && <Empty description={t('network.project.noThreads')} />}
      {threads.data?.items.map((th) => (
        <Card key={th.id} title={th.title} size="small" style={{ marginBottom: 12 }}>
          <List
            dataSource={th.posts}
            renderItem={(post) => (
              <List.Item>
                <List.Item.Meta title={post.author} description={<span style={{ whiteSpace: 'pre-wrap' }}>{post.body}</span>} />
              </List.Item>
            )}
          />
          {member && (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                value={drafts[th.id] ?? ''}
                onChange={(e) => setDrafts((d) => ({ ...d, [th.id]: e.target.value }))}
                placeholder={t('network.project.replyHint')}
              />
              <Button
                disabled={!drafts[th.id]?.trim()}
                onClick={() =>
                  reply
                    .mutateAsync({ threadId: th.id, payload: { body: drafts[th.id] } })
                    .then(() => setDrafts((d) => ({ ...d, [th.id]: '' })))
                    .catch(() => undefined)
                }
              >
                {t('network.project.reply')}
              </Button>
            </Space.Compact>
          )}
        </Card>
      ))}
      {member && (
        <Card title={t('network.project.newThread')} size="small">
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) =>
              create
                .mutateAsync(v)
                .then(() => form.resetFields())
                .catch(() => undefined)
            }
          >
            <Form.Item name="title" label={t('network.fields.title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="body" label={t('network.fields.body')} rules={[{ required: true }]} extra={t('network.project.mentionHint')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              {t('network.project.post')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}

function Documents({ projectId, member }: { projectId: string; member: boolean }) {
  const { t } = useTranslation();
  const docs = useDocuments(projectId);
  const add = useNetworkWrite<{ kind: string; ref: string; title: string }>('POST', () => `/projects/${projectId}/documents`);
  const [form] = Form.useForm<{ kind: string; ref: string; title: string }>();
  return (
    <>
      <ErrorAlert error={docs.error ?? add.error} style={{ marginBottom: 12 }} />
      <List
        dataSource={docs.data?.items ?? []}
        locale={{ emptyText: t('network.project.noDocuments') }}
        renderItem={(d) => (
          <List.Item>
            <Space>
              <Tag>{t(`network.documentKinds.${d.kind}`)}</Tag>
              {d.href.startsWith('/') ? (
                <Link to={d.href}>{d.title}</Link>
              ) : (
                <a href={d.href} target="_blank" rel="noopener noreferrer">
                  {d.title}
                </a>
              )}
            </Space>
          </List.Item>
        )}
      />
      {member && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'resource' }}
          style={{ marginTop: 12 }}
          onFinish={(v) =>
            add
              .mutateAsync(v)
              .then(() => form.resetFields())
              .catch(() => undefined)
          }
        >
          <Form.Item name="kind">
            <Select style={{ width: 140 }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`network.documentKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true, message: t('network.project.taskRequired') }]}>
            <Input placeholder={t('network.fields.title')} />
          </Form.Item>
          <Form.Item name="ref" rules={[{ required: true, message: t('network.project.taskRequired') }]}>
            <Input placeholder={t('network.project.refHint')} style={{ width: 300 }} />
          </Form.Item>
          <Button htmlType="submit">{t('network.project.addDocument')}</Button>
        </Form>
      )}
    </>
  );
}

function Members({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const add = useNetworkWrite<{ username: string; role: string }>('POST', () => `/projects/${p.id}/members`);
  const [form] = Form.useForm<{ username: string; role: string }>();
  return (
    <>
      <List
        dataSource={p.members}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              <strong>{m.displayName}</strong>
              <Tag>{t(`network.projectRoles.${m.role}`)}</Tag>
              <Tag>{t(`network.jurisdictions.${m.jurisdiction}`)}</Tag>
              <Typography.Text type="secondary">{pickName(m.school, language)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {p.myRole === 'lead' && (
        <>
          <ErrorAlert error={add.error} style={{ marginBottom: 12 }} />
          <Form
            form={form}
            layout="inline"
            initialValues={{ role: 'teacher' }}
            onFinish={(v) =>
              add
                .mutateAsync(v)
                .then(() => form.resetFields())
                .catch(() => undefined)
            }
          >
            <Form.Item name="username" rules={[{ required: true, message: t('network.project.taskRequired') }]}>
              <Input placeholder={t('network.project.username')} />
            </Form.Item>
            <Form.Item name="role">
              <Select
                style={{ width: 140 }}
                options={PROJECT_ROLES.filter((r) => r !== 'lead').map((r) => ({ value: r, label: t(`network.projectRoles.${r}`) }))}
              />
            </Form.Item>
            <Button htmlType="submit">{t('network.project.invite')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

function PublishModal({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const publish = useNetworkWrite<{ title: string; summary: string }>('POST', () => `/projects/${project.id}/publish`);
  const [form] = Form.useForm<{ title: string; summary: string }>();
  return (
    <Modal
      open
      title={t('network.project.publish')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={publish.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('network.project.publishIntro')}</Typography.Paragraph>
      <ErrorAlert error={publish.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: project.title, summary: '' }}
        onFinish={(v) =>
          void publish
            .mutateAsync(v)
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="title" label={t('network.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('network.fields.summary')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
