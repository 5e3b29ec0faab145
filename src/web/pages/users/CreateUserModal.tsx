import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/languages.ts';
import { UI_LANGUAGES } from '../../../shared/languages.ts';
import type { Role } from '../../../shared/roles.ts';
import { useCreateUser } from '../../api/users.ts';
import type { UserSummary } from '../../api/types.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LANGUAGE_LABELS } from '../../i18n/language.ts';

/** Roles held at a school; area roles (bureau, steward) are given from the jurisdiction, not here. */
const SCHOOL_ROLES: readonly Role[] = ['student', 'teacher', 'principal', 'school_admin'];

interface FormValues {
  username: string;
  displayName: string;
  role: Role;
  locale: UiLanguage;
  studentNumber?: string;
}

export function CreateUserModal({
  schoolId,
  jurisdictionId,
  open,
  onClose,
  onCreated,
}: {
  schoolId: string;
  /** The school's jurisdiction: the server places every membership in one explicitly. */
  jurisdictionId: string | undefined;
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserSummary, initialPassword: string) => void;
}) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const role = Form.useWatch('role', form);
  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('users.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: !jurisdictionId }}
      destroyOnHidden
      afterOpenChange={(visible) => visible && create.reset()}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: 'teacher', locale: language }}
        onFinish={(values) =>
          create.mutate(
            {
              ...values,
              username: values.username.trim().toLowerCase(),
              displayName: values.displayName.trim(),
              studentNumber: values.studentNumber?.trim() || undefined,
              schoolId,
              jurisdictionId,
            },
            { onSuccess: ({ user, initialPassword }) => onCreated(user, initialPassword) },
          )
        }
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHint')}
          rules={[required, { pattern: /^[a-z0-9][a-z0-9._-]{1,62}$/i, message: t('users.usernameHint') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={SCHOOL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {role === 'student' && (
          <Form.Item name="studentNumber" label={t('users.studentNumber')}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="locale" label={t('users.locale')}>
          <Select options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))} />
        </Form.Item>
      </Form>
      <ErrorAlert error={create.error} />
    </Modal>
  );
}
