import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NETWORK_INTERESTS } from '../../../shared/api/network.ts';
import { useSchoolProfile, useUpdateProfile, type SchoolProfile } from '../../api/network.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';
import { ProposeModal } from './ProposeModal.tsx';

/** A school's profile: stage, languages, AI strengths, interests, what it seeks; contacts for staff; propose a pair. */
export default function SchoolPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { id } = useParams();
  const profile = useSchoolProfile(id);
  const [proposing, setProposing] = useState(false);
  const [editing, setEditing] = useState(false);
  if (profile.isLoading) return <FullPageSpin />;
  if (!profile.data) return <ErrorAlert error={profile.error} />;
  const s = profile.data;
  const name = pickName(s.names, language);
  return (
    <>
      <PageHeader
        title={name}
        extra={
          <>
            {s.canEdit && <Button onClick={() => setEditing(true)}>{t('network.school.edit')}</Button>}
            {s.canPropose && (
              <Button type="primary" onClick={() => setProposing(true)} data-testid="propose">
                {t('network.school.propose')}
              </Button>
            )}
          </>
        }
      >
        {s.summary}
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('network.school.about')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('network.fields.jurisdiction')}>
                {t(`network.jurisdictions.${s.jurisdiction}`)} · {pickName(s.district, language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('network.fields.stage')}>{t(`network.stages.${s.stage}`)}</Descriptions.Item>
              <Descriptions.Item label={t('network.fields.language')}>
                {s.languages.map((l) => t(`network.languages.${l}`, { defaultValue: l })).join(t('network.listSeparator'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('network.fields.interests')}>
                <Space wrap size={[4, 4]}>
                  {s.interests.map((i) => (
                    <Tag key={i} color="blue">
                      {t(`network.interests.${i}`)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('network.fields.seeks')}>
                <Space wrap size={[4, 4]}>
                  {s.seeks.map((i) => (
                    <Tag key={i} color="purple">
                      {t(`network.interests.${i}`)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('network.fields.activePairs')}>{s.activePairs}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('network.school.strengths')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('network.strengths.labs')}>{s.strengths.labs}</Descriptions.Item>
              <Descriptions.Item label={t('network.strengths.trainedTeachers')}>{s.strengths.trainedTeachers}</Descriptions.Item>
              <Descriptions.Item label={t('network.strengths.libraryResources')}>{s.strengths.libraryResources}</Descriptions.Item>
              <Descriptions.Item label={t('network.strengths.courses')}>
                {s.strengths.coursesOffered.join(t('network.listSeparator')) || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('network.school.contacts')}>
            {s.contacts === undefined ? (
              <Alert type="info" showIcon title={t('network.school.contactsHidden')} />
            ) : s.contacts.length === 0 ? (
              <Typography.Text type="secondary">{t('network.school.noContacts')}</Typography.Text>
            ) : (
              s.contacts.map((c, i) => (
                <Typography.Paragraph key={i} style={{ marginBottom: 4 }} data-testid="contact">
                  <strong>{c.name}</strong> {c.role && `· ${c.role}`} {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>} {c.phone}
                </Typography.Paragraph>
              ))
            )}
          </Card>
        </Col>
      </Row>
      {proposing && <ProposeModal open partnerSchoolId={s.id} partnerName={name} onClose={() => setProposing(false)} />}
      {editing && <EditProfileModal profile={s} onClose={() => setEditing(false)} />}
    </>
  );
}

interface EditValues {
  summary: string;
  interests: string[];
  seeks: string[];
  labs: number;
  coursesOffered: string[];
  contactName?: string;
  contactRole?: string;
  contactEmail?: string;
}

function EditProfileModal({ profile, onClose }: { profile: SchoolProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProfile(profile.id);
  const [form] = Form.useForm<EditValues>();
  const first = profile.contacts?.[0];
  const interestOptions = NETWORK_INTERESTS.map((i) => ({ value: i, label: t(`network.interests.${i}`) }));
  const submit = async (v: EditValues) => {
    await update.mutateAsync({
      version: profile.version,
      payload: {
        summary: v.summary ?? '',
        interests: v.interests,
        seeks: v.seeks,
        labs: v.labs ?? 0,
        coursesOffered: v.coursesOffered ?? [],
        contacts: v.contactName
          ? [{ name: v.contactName, role: v.contactRole ?? '', ...(v.contactEmail ? { email: v.contactEmail } : {}) }]
          : [],
      },
    });
    onClose();
  };
  return (
    <Modal
      open
      title={t('network.school.edit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={update.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          summary: profile.summary,
          interests: profile.interests,
          seeks: profile.seeks,
          labs: profile.strengths.labs,
          coursesOffered: profile.strengths.coursesOffered,
          contactName: first?.name,
          contactRole: first?.role,
          contactEmail: first?.email,
        }}
        onFinish={(v) => void submit(v).catch(() => undefined)}
      >
        <Form.Item name="summary" label={t('network.fields.summary')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="interests" label={t('network.fields.interests')}>
          <Select mode="multiple" options={interestOptions} />
        </Form.Item>
        <Form.Item name="seeks" label={t('network.fields.seeks')}>
          <Select mode="multiple" options={interestOptions} />
        </Form.Item>
        <Form.Item name="labs" label={t('network.strengths.labs')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="coursesOffered" label={t('network.strengths.courses')}>
          <Select mode="tags" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label={t('network.fields.contactName')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactRole" label={t('network.fields.contactRole')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactEmail" label={t('network.fields.contactEmail')} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
