import { Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRegister, useSchoolPupils, type Contest } from '../../api/contests.ts';
import { useMe } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Values {
  title: string;
  track: string;
  kind: 'individual' | 'team';
  studentIds: string[];
  guardianConsent: boolean;
}

/**
 * Registration, teacher-first: the teacher picks pupils of their school (by class), names the project and
 * confirms guardian consent; a pupil registers themselves alone. Eligibility is checked by the server and
 * shown as one translated sentence.
 */
export function RegisterModal({ contest, onClose }: { contest: Contest; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const register = useRegister(contest.id);
  const staff = me?.memberships.find((m) => ['teacher', 'principal', 'school_admin'].includes(m.role) && m.school);
  const roster = useSchoolPupils(staff?.school?.id);
  const kind = Form.useWatch('kind', form);
  const options = (roster.data?.classes ?? []).map((c) => ({
    label: c.name,
    options: c.students.map((s) => ({ value: s.id, label: `${s.displayName}${s.studentNumber ? ` (${s.studentNumber})` : ''}` })),
  }));
  const submit = async (v: Values) => {
    const studentIds = staff ? v.studentIds : [me!.id];
    const entry = await register.mutateAsync({ ...v, studentIds, advisorIds: [] });
    onClose();
    navigate(`/contests/${contest.id}/entries/${entry.id}`);
  };
  return (
    <Modal
      open
      title={t('contests.register.title')}
      okText={t('contests.register.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending}
    >
      <ErrorAlert error={register.error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: staff ? 'team' : 'individual', track: contest.tracks[0], guardianConsent: false }}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label={t('contests.fields.title')}
          rules={[{ required: true, message: t('contests.register.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="track" label={t('contests.fields.track')}>
          <Select options={contest.tracks.map((tr) => ({ value: tr, label: tr }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('contests.fields.kind')}>
          <Radio.Group disabled={!staff}>
            <Radio value="individual">{t('contests.kinds.individual')}</Radio>
            <Radio value="team">{t('contests.kinds.team')}</Radio>
          </Radio.Group>
        </Form.Item>
        {staff && (
          <Form.Item
            name="studentIds"
            label={t('contests.register.pupils')}
            rules={[{ required: true, message: t('contests.register.pupilsRequired') }]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={options}
              loading={roster.isLoading}
              maxCount={kind === 'individual' ? 1 : contest.rules.maxTeamSize}
            />
          </Form.Item>
        )}
        <Form.Item name="guardianConsent" valuePropName="checked">
          <Checkbox>{t('contests.register.consent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
