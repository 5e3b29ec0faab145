import { App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PUBLISH_LEVELS, type PublishLevel } from '../../../shared/library.ts';
import { useSubmitResource, type ResourceDetail } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { widerLevels } from './labels.ts';

/** Submit a draft for a level, or recommend a published resource one level up (reviewers decide). */
export function SubmitModal({ resource, open, onClose }: { resource: ResourceDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ level: Exclude<PublishLevel, 'private'>; note?: string }>();
  const submit = useSubmitResource(resource.id);
  const current = resource.status === 'published' ? resource.publishLevel : 'private';
  const wider = widerLevels(resource.availableLevels, current, PUBLISH_LEVELS);
  // A published resource moves up one available level at a time; a draft may be submitted for any.
  const levels = resource.status === 'published' ? wider.slice(0, 1) : wider;
  return (
    <Modal
      open={open}
      title={t('library.submit.title')}
      okText={t('library.submit.send')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      okButtonProps={{ disabled: !levels.length, loading: submit.isPending }}
      onOk={() =>
        void form.validateFields().then((values) =>
          submit.mutate(values, {
            onSuccess: () => {
              void message.success(t('library.submit.sent'));
              form.resetFields();
              onClose();
            },
          }),
        )
      }
      destroyOnHidden
    >
      {levels.length ? (
        <Form form={form} layout="vertical" initialValues={{ level: levels[0] }}>
          <Form.Item name="level" label={t('library.submit.level')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={levels.map((l) => ({ value: l, label: t(`library.publishLevels.${l}`) }))} data-testid="submit-level" />
          </Form.Item>
          <Form.Item name="note" label={t('library.submit.note')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('library.submit.noLevels')}</Typography.Text>
      )}
      <ErrorAlert error={submit.error} />
    </Modal>
  );
}
