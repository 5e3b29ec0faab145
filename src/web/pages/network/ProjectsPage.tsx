import { Button, Card, Col, Empty, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useNetworkWrite, useProjects, type ProjectDetail } from '../../api/network.ts';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SCHOOL_STAFF_ROLES } from './labels.ts';

/** Joint research projects I belong to, and published ones; start a new one. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const projects = useProjects();
  const [creating, setCreating] = useState(false);
  const canStart = hasAnyRole(me, SCHOOL_STAFF_ROLES);
  return (
    <>
      <PageHeader
        title={t('network.projects.title')}
        extra={
          canStart && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('network.projects.start')}
            </Button>
          )
        }
      >
        {t('network.projects.intro')}
      </PageHeader>
      <ErrorAlert error={projects.error} />
      {projects.data && projects.data.items.length === 0 && <Empty description={t('network.projects.empty')} />}
      <Row gutter={[16, 16]}>
        {(projects.data?.items ?? []).map((p) => (
          <Col key={p.id} xs={24} md={12}>
            <Link to={`/network/projects/${p.id}`} data-testid="project-card">
              <Card
                hoverable
                title={p.title}
                extra={<Tag color={p.status === 'published' ? 'green' : 'blue'}>{t(`network.projectStatus.${p.status}`)}</Tag>}
              >
                <Typography.Paragraph ellipsis={{ rows: 2 }}>{p.question}</Typography.Paragraph>
                <Space wrap>
                  {p.jurisdictions.map((j) => (
                    <Tag key={j}>{t(`network.jurisdictions.${j}`)}</Tag>
                  ))}
                  <Typography.Text type="secondary">{t('network.projects.members', { count: p.memberCount })}</Typography.Text>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {creating && <CreateProjectModal onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateProjectModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useNetworkWrite<{ title: string; question: string }, ProjectDetail>('POST', () => '/projects');
  const [form] = Form.useForm<{ title: string; question: string }>();
  return (
    <Modal
      open
      title={t('network.projects.start')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void create
            .mutateAsync(v)
            .then((p) => navigate(`/network/projects/${p.id}`))
            .catch(() => undefined)
        }
      >
        <Form.Item name="title" label={t('network.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="question" label={t('network.fields.question')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
