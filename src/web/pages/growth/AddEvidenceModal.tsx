import { defaultContentLanguage } from '../../../shared/languages.ts';
import { UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthFrameworkView, TCreateEvidenceBody } from '../../../shared/api/growth.ts';
import { useAddEvidence } from '../../api/growth.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { pickName } from '../../i18n/format.ts';

interface Values {
  dimensionKey: string;
  indicatorKey?: string;
  source: TCreateEvidenceBody['source'];
  title: string;
  description?: string;
  occurredOn: string;
}

const SOURCES = ['manual', 'volunteering', 'contest', 'training', 'project'] as const;

/**
 * Add a written record (写实记录) with photos or certificates. A student writes their own self-record; a
 * teacher (with `studentId`) writes a teacher's record about a student.
 */
export function AddEvidenceModal({
  open,
  onClose,
  termId,
  framework,
  studentId,
}: {
  open: boolean;
  onClose: () => void;
  termId: string;
  framework: GrowthFrameworkView;
  studentId?: string;
}) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const add = useAddEvidence();
  const dimensionKey = Form.useWatch('dimensionKey', form);
  const dimension = framework.dimensions.find((d) => d.key === dimensionKey);
  const required = { required: true, whitespace: true, message: t('common.required') };
  const contentLanguage = defaultContentLanguage(language);

  return (
    <Modal
      open={open}
      title={studentId ? t('growth.add.teacherTitle') : t('growth.add.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          add.reset();
          setFiles([]);
        }
      }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ source: 'manual', occurredOn: new Date().toISOString().slice(0, 10) }}
        onFinish={(v) =>
          add.mutate(
            {
              body: {
                termId,
                studentId,
                authorRole: studentId ? 'teacher' : 'self',
                source: v.source,
                dimensionKey: v.dimensionKey,
                indicatorKey: v.indicatorKey ?? null,
                title: v.title.trim(),
                description: (v.description ?? '').trim(),
                language: contentLanguage,
                occurredOn: v.occurredOn,
              },
              files: files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f)),
            },
            {
              onSuccess: () => {
                void message.success(t('growth.add.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="source" label={t('growth.add.source')}>
          <Select data-testid="growth-source" options={SOURCES.map((s) => ({ value: s, label: t(`growth.source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="dimensionKey" label={t('growth.add.dimension')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            data-testid="growth-dimension"
            options={framework.dimensions.map((d) => ({ value: d.key, label: pickName(d.names, language) }))}
            onChange={() => form.setFieldValue('indicatorKey', undefined)}
          />
        </Form.Item>
        {dimension && dimension.indicators.length > 0 && (
          <Form.Item name="indicatorKey" label={t('growth.add.indicator')}>
            <Select allowClear options={dimension.indicators.map((i) => ({ value: i.key, label: pickName(i.names, language) }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('growth.add.titleLabel')} rules={[required]} extra={t('growth.add.titleHint')}>
          <Input maxLength={200} data-testid="growth-title" />
        </Form.Item>
        <Form.Item name="description" label={t('growth.add.description')} extra={t('growth.add.descriptionHint')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('growth.add.occurredOn')} rules={[required]}>
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t('growth.add.photos')} extra={t('growth.add.photosHint')}>
          <Upload
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            listType="picture"
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}
          >
            <Button icon={<UploadOutlined />} data-testid="growth-photo">
              {t('growth.add.choosePhotos')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
      <ErrorAlert error={add.error} />
    </Modal>
  );
}
