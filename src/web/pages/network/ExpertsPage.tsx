import { Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERT_KINDS } from '../../../shared/api/network.ts';
import { useDirectory, useExperts, useMentoringLog, useNetworkWrite, type Expert } from '../../api/network.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

const PAIRERS = ['principal', 'school_admin', 'bureau_admin', 'platform_admin'] as const;

/** The expert registry: fields, availability, lectures; pair an expert with a school and keep the mentoring log. */
export default function ExpertsPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const experts = useExperts();
  const [adding, setAdding] = useState(false);
  const [pairing, setPairing] = useState<Expert | null>(null);
  const [log, setLog] = useState<{ id: string; title: string } | null>(null);
  const canPair = hasAnyRole(me, PAIRERS);
  return (
    <>
      <PageHeader
        title={t('network.experts.title')}
        extra={
          experts.data?.canManage && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('network.experts.add')}
            </Button>
          )
        }
      >
        {t('network.experts.intro')}
      </PageHeader>
      <ErrorAlert error={experts.error} />
      {experts.data?.items.length === 0 && <Empty description={t('network.experts.empty')} />}
      <Row gutter={[16, 16]}>
        {(experts.data?.items ?? []).map((e) => (
          <Col key={e.id} xs={24} lg={12}>
            <Card
              title={e.name}
              data-testid="expert-card"
              extra={
                <Space>
                  <Tag>{t(`network.expertKinds.${e.kind}`)}</Tag>
                  {canPair && (
                    <Button size="small" onClick={() => setPairing(e)}>
                      {t('network.experts.pair')}
                    </Button>
                  )}
                </Space>
              }
            >
              <Typography.Paragraph>{e.affiliation}</Typography.Paragraph>
              <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
                {e.fields.map((f) => (
                  <Tag key={f} color="blue">
                    {f}
                  </Tag>
                ))}
              </Space>
              <Typography.Paragraph type="secondary">
                {t('network.experts.availability')}：{e.availability || '—'}
              </Typography.Paragraph>
              <Typography.Text strong>{t('network.experts.mentoring')}</Typography.Text>
              <List
                size="small"
                dataSource={e.mentorships}
                locale={{ emptyText: t('network.experts.noMentorships') }}
                renderItem={(m) => (
                  <List.Item
                    actions={
                      m.canLog
                        ? [
                            <a key="log" onClick={() => setLog({ id: m.id, title: `${e.name} · ${pickName(m.school, language)}` })}>
                              {t('network.experts.log')}
                            </a>,
                          ]
                        : []
                    }
                  >
                    {pickName(m.school, language)} — {m.focus}
                  </List.Item>
                )}
              />
              <Typography.Text strong>{t('network.experts.lectures')}</Typography.Text>
              <List
                size="small"
                dataSource={e.lectures}
                locale={{ emptyText: t('network.experts.noLectures') }}
                renderItem={(l) => (
                  <List.Item>
                    {l.on} · {l.title}{' '}
                    {l.eventRef &&
                      (/^https?:\/\//.test(l.eventRef) ? (
                        <a href={l.eventRef} target="_blank" rel="noopener noreferrer">
                          {t('network.experts.event')}
                        </a>
                      ) : (
                        <Tag>{l.eventRef}</Tag>
                      ))}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {adding && <AddExpertModal onClose={() => setAdding(false)} />}
      {pairing && <PairExpertModal expert={pairing} onClose={() => setPairing(null)} />}
      {log && <LogModal mentorship={log} onClose={() => setLog(null)} />}
    </>
  );
}

function AddExpertModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const add = useNetworkWrite<Record<string, unknown>>('POST', () => '/experts');
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t('network.experts.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={add.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'university' }}
        onFinish={(v) =>
          void add
            .mutateAsync(v)
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="name" label={t('network.fields.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('network.fields.kind')}>
          <Select options={EXPERT_KINDS.map((k) => ({ value: k, label: t(`network.expertKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="affiliation" label={t('network.fields.affiliation')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="fields" label={t('network.fields.fields')} rules={[{ required: true }]}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="availability" label={t('network.experts.availability')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PairExpertModal({ expert, onClose }: { expert: Expert; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const schools = useDirectory({});
  const pair = useNetworkWrite<{ schoolId: string; focus: string }>('POST', () => `/experts/${expert.id}/mentorships`);
  const [form] = Form.useForm<{ schoolId: string; focus: string }>();
  return (
    <Modal
      open
      title={t('network.experts.pairTitle', { name: expert.name })}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pair.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={pair.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void pair
            .mutateAsync(v)
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="schoolId" label={t('network.fields.school')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: pickName(s.names, language) }))}
          />
        </Form.Item>
        <Form.Item name="focus" label={t('network.fields.focus')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LogModal({ mentorship, onClose }: { mentorship: { id: string; title: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const log = useMentoringLog(mentorship.id);
  const add = useNetworkWrite<{ on: string; minutes: number; note: string }>('POST', () => `/mentorships/${mentorship.id}/log`);
  const [form] = Form.useForm<{ on: string; minutes: number; note: string }>();
  return (
    <Modal open title={mentorship.title} footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={log.error ?? add.error} style={{ marginBottom: 12 }} />
      <List
        size="small"
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t('network.experts.noLog') }}
        renderItem={(l) => (
          <List.Item>
            {l.on} · {t('network.experts.minutes', { count: l.minutes })} · {l.note}
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ minutes: 60 }}
        onFinish={(v) =>
          add
            .mutateAsync(v)
            .then(() => form.resetFields())
            .catch(() => undefined)
        }
      >
        <Space wrap>
          <Form.Item name="on" label={t('network.fields.date')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="minutes" label={t('network.fields.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('network.fields.note')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('network.experts.addLog')}
        </Button>
      </Form>
    </Modal>
  );
}
