import { Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RENEWALS } from '../../../shared/api/network.ts';
import { useProposePair } from '../../api/network.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Values {
  goals: string;
  termStart: string;
  termEnd: string;
  renewal: (typeof RENEWALS)[number];
  message?: string;
}

/** A three-year term starting today: the usual length of a sister-school agreement. */
function defaultTerm() {
  const start = new Date();
  const end = new Date(start);
  end.setFullYear(end.getFullYear() + 3);
  return { termStart: start.toISOString().slice(0, 10), termEnd: end.toISOString().slice(0, 10) };
}

/** A principal proposes a sister-school agreement: goals, term and renewal; the other principal decides. */
export function ProposeModal({
  partnerSchoolId,
  partnerName,
  open,
  onClose,
}: {
  partnerSchoolId: string;
  partnerName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const propose = useProposePair();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const pair = await propose.mutateAsync({
      partnerSchoolId,
      message: v.message ?? '',
      terms: { goals: v.goals, termStart: v.termStart, termEnd: v.termEnd, renewal: v.renewal },
    });
    onClose();
    navigate(`/network/pairs/${pair.id}`);
  };
  return (
    <Modal
      open={open}
      title={t('network.propose.title', { school: partnerName })}
      okText={t('network.propose.send')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={propose.isPending}
      okButtonProps={{ 'data-testid': 'propose-send' }}
      destroyOnHidden
    >
      <ErrorAlert error={propose.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ renewal: 'review', ...defaultTerm() }}
        onFinish={(v) => void submit(v).catch(() => undefined)}
      >
        <Form.Item name="goals" label={t('network.fields.goals')} rules={[{ required: true, message: t('network.propose.goalsRequired') }]}>
          <Input.TextArea rows={3} placeholder={t('network.propose.goalsHint')} data-testid="propose-goals" />
        </Form.Item>
        <Form.Item label={t('network.fields.term')} required>
          <Space>
            <Form.Item name="termStart" noStyle rules={[{ required: true, message: t('network.propose.termRequired') }]}>
              <Input type="date" aria-label={t('network.fields.termStart')} />
            </Form.Item>
            <Form.Item name="termEnd" noStyle rules={[{ required: true, message: t('network.propose.termRequired') }]}>
              <Input type="date" aria-label={t('network.fields.termEnd')} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="renewal" label={t('network.fields.renewal')}>
          <Select options={RENEWALS.map((r) => ({ value: r, label: t(`network.renewals.${r}`) }))} />
        </Form.Item>
        <Form.Item name="message" label={t('network.fields.message')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
