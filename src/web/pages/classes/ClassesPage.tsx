import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Flex, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateClass, useClasses } from '../../api/tenancy.ts';
import type { ClassInput, SchoolClass } from '../../api/types.ts';
import { useUsers } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SchoolPicker, useSelectedSchool } from '../../components/SchoolPicker.tsx';
import { currentSchoolYear } from './school-year.ts';

function CreateClassModal({ schoolId, open, onClose }: { schoolId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ClassInput>();
  const create = useCreateClass(schoolId);
  const teachers = useUsers({ schoolId, role: 'teacher' });
  const teacherOptions = (teachers.data?.pages.flatMap((p) => p.items) ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName} (${u.username})`,
  }));
  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <Modal
      open={open}
      title={t('classes.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => visible && create.reset()}
    >
      <Form<ClassInput>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ schoolYear: currentSchoolYear() }}
        onFinish={(values) =>
          create.mutate(
            { ...values, code: values.code.trim(), name: values.name.trim() },
            {
              onSuccess: () => {
                void message.success(t('classes.created'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('classes.name')} rules={[required]} extra={t('classes.nameHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('classes.code')} rules={[required]} extra={t('classes.codeHint')}>
          <Input />
        </Form.Item>
        <Flex gap="middle">
          <Form.Item name="grade" label={t('classes.grade')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Form.Item name="schoolYear" label={t('classes.schoolYear')} rules={[required]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="homeroomTeacherId" label={t('classes.homeroomTeacher')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teacherOptions} loading={teachers.isFetching} />
        </Form.Item>
      </Form>
      <ErrorAlert error={create.error} />
    </Modal>
  );
}

export default function ClassesPage() {
  const { t } = useTranslation();
  const [schoolId, setSchoolId] = useSelectedSchool();
  const [creating, setCreating] = useState(false);
  const classes = useClasses(schoolId);

  return (
    <>
      <PageHeader
        title={t('classes.title')}
        extra={
          schoolId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('classes.create')}
            </Button>
          )
        }
      >
        {t('classes.intro')}
      </PageHeader>
      <Flex style={{ marginBottom: 16 }}>
        <SchoolPicker value={schoolId} onChange={setSchoolId} />
      </Flex>
      <ErrorAlert error={classes.error} style={{ marginBottom: 16 }} />
      {!schoolId ? (
        <Empty description={t('schoolPicker.pickFirst')} />
      ) : (
        <Table<SchoolClass>
          rowKey="id"
          loading={classes.isFetching}
          dataSource={classes.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 700 }}
          columns={[
            { title: t('classes.name'), dataIndex: 'name' },
            { title: t('classes.code'), dataIndex: 'code', width: 120 },
            { title: t('classes.grade'), dataIndex: 'grade', width: 90 },
            { title: t('classes.schoolYear'), dataIndex: 'schoolYear', width: 130 },
            {
              title: t('classes.homeroomTeacher'),
              key: 'homeroom',
              render: (_, c) => c.homeroomTeacher?.displayName ?? '—',
            },
            { title: t('classes.students'), dataIndex: 'studentCount', width: 100, align: 'right' },
          ]}
        />
      )}
      {schoolId && <CreateClassModal schoolId={schoolId} open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
