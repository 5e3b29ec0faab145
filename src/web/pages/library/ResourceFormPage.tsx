import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, Form, Input, List, Row, Select, Space, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { TResourceFields } from '../../../shared/api/library.ts';
import { CONTENT_LANGUAGES, type UiLanguage } from '../../../shared/languages.ts';
import { AI_COMPETENCIES, AI_COMPETENCY_LEVELS, GRADE_BANDS, GRADES, LICENCES, SUBJECTS } from '../../../shared/library.ts';
import { useCreateResource, useRemoveFile, useResource, useUpdateResource, useUploadFile } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { BodyEditor } from './BodyEditor.tsx';
import { useVersionConflict } from './useVersionConflict.tsx';

/** The UI language's usual writing language, as the default for a new resource. */
const DEFAULT_LANGUAGE: Record<UiLanguage, TResourceFields['language']> = { 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant-HK', en: 'en' };

/**
 * Create (/library/new) or edit (/library/resources/:id/edit) a resource. Edits send If-Match with the
 * version this page loaded; a 412 means someone saved in between. Files are added once the draft exists.
 */
export default function ResourceFormPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const onConflict = useVersionConflict();
  const [form] = Form.useForm<TResourceFields>();
  const existing = useResource(id);
  const create = useCreateResource();
  const update = useUpdateResource(id ?? '');
  const upload = useUploadFile(id ?? '');
  const removeFile = useRemoveFile(id ?? '');
  const r = existing.data;

  useEffect(() => {
    if (r) {
      form.setFieldsValue({
        title: r.title,
        summary: r.summary,
        body: r.body,
        language: r.language,
        subject: r.subject,
        gradeBand: r.gradeBand,
        grades: r.grades,
        aiCompetencies: r.aiCompetencies,
        keywords: r.keywords,
        licence: r.licence,
      });
    }
    // Fill once per loaded version, not on every refetch while the teacher types.
  }, [r?.id, r?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  if (id && existing.isPending) return <FullPageSpin />;
  if (id && existing.error) return <ErrorAlert error={existing.error} />;

  const onFinish = (values: TResourceFields) => {
    if (!id) {
      create.mutate(values, {
        onSuccess: (created) => {
          void message.success(t('library.form.created'));
          void navigate(`/library/resources/${created.id}/edit`, { replace: true });
        },
      });
    } else if (r) {
      update.mutate(
        { version: r.version, patch: values },
        {
          onSuccess: (saved) => {
            void message.success(t('library.form.saved'));
            void navigate(`/library/resources/${saved.id}`);
          },
          onError: (e) => void onConflict(e),
        },
      );
    }
  };
  const saveError = create.error ?? update.error;

  return (
    <>
      <PageHeader title={id ? t('library.form.editTitle') : t('library.form.createTitle')} />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={16}>
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{
              language: DEFAULT_LANGUAGE[i18n.language as UiLanguage] ?? 'zh-Hans',
              licence: 'CC-BY-4.0',
              grades: [],
              keywords: [],
              aiCompetencies: [],
              body: '',
              summary: '',
            }}
            data-testid="resource-form"
          >
            <Form.Item
              name="title"
              label={t('library.form.title')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="summary" label={t('library.form.summary')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            <Form.Item name="body" label={t('library.form.body')} extra={t('library.form.bodyHint')}>
              <BodyEditor />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={8}>
                <Form.Item name="language" label={t('library.form.language')} rules={[{ required: true }]}>
                  <Select options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name="subject" label={t('library.form.subject')} rules={[{ required: true, message: t('common.required') }]}>
                  <Select options={SUBJECTS.map((s) => ({ value: s, label: t(`library.subjects.${s}`) }))} data-testid="form-subject" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name="gradeBand" label={t('library.form.gradeBand')} rules={[{ required: true, message: t('common.required') }]}>
                  <Select
                    options={GRADE_BANDS.map((g) => ({ value: g, label: t(`library.gradeBands.${g}`) }))}
                    data-testid="form-grade-band"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="grades" label={t('library.form.grades')}>
              <Select mode="multiple" options={GRADES.map((n) => ({ value: n, label: t('library.grades.g', { n }) }))} />
            </Form.Item>
            <Form.Item name="keywords" label={t('library.form.keywords')} extra={t('library.form.keywordsHint')}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
            <Form.Item label={t('library.form.competencies')}>
              <Form.List name="aiCompetencies">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                        <Form.Item name={[field.name, 'competency']} rules={[{ required: true, message: t('common.required') }]}>
                          <Select
                            style={{ width: 260 }}
                            placeholder={t('library.form.competency')}
                            options={AI_COMPETENCIES.map((c) => ({ value: c, label: t(`library.competencies.${c}`) }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: t('common.required') }]}>
                          <Select
                            style={{ width: 140 }}
                            placeholder={t('library.form.competencyLevel')}
                            options={AI_COMPETENCY_LEVELS.map((l) => ({ value: l, label: t(`library.competencyLevels.${l}`) }))}
                          />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 'understand' })}>
                      {t('library.form.addCompetency')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="licence" label={t('library.form.licence')} extra={t('library.form.licenceHint')} rules={[{ required: true }]}>
              <Select options={LICENCES.map((l) => ({ value: l, label: t(`library.licences.${l}`) }))} />
            </Form.Item>
            <ErrorAlert error={saveError} style={{ marginBottom: 12 }} />
            <Space>
              <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="save-resource">
                {id ? t('library.form.save') : t('library.form.create')}
              </Button>
              <Button onClick={() => void navigate(id ? `/library/resources/${id}` : '/library')}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('library.form.files')}>
            {!id || !r ? (
              <Alert type="info" showIcon title={t('library.form.filesAfterSave')} />
            ) : (
              <>
                <Upload
                  showUploadList={false}
                  customRequest={({ file, onSuccess, onError }) =>
                    upload.mutate(
                      { version: r.version, file: file as File },
                      {
                        onSuccess: (res) => {
                          onSuccess?.(res);
                          void message.success(t('library.form.uploaded', { name: (file as File).name }));
                        },
                        onError: (e) => {
                          onError?.(e as Error);
                          // The refusal itself (e.g. a renamed executable) shows in the alert below the button.
                          onConflict(e);
                        },
                      },
                    )
                  }
                >
                  <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-file">
                    {t('library.form.upload')}
                  </Button>
                </Upload>
                <ErrorAlert error={upload.error} style={{ marginTop: 12 }} />
                <List
                  size="small"
                  dataSource={r.files}
                  renderItem={(f) => (
                    <List.Item
                      actions={[
                        <Button
                          key="remove"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() =>
                            removeFile.mutate(
                              { version: r.version, fileId: f.id },
                              { onError: (e) => void (onConflict(e) || message.error(errorText(e))) },
                            )
                          }
                        >
                          {t('library.form.removeFile')}
                        </Button>,
                      ]}
                    >
                      <Typography.Text ellipsis>{f.filename}</Typography.Text>
                    </List.Item>
                  )}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
