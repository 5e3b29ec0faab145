import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONNECTIVITY_KINDS,
  COURSE_SETTINGS,
  currentTerm,
  POPULARISATION_STATUSES,
  recentTerms,
  ROOM_KINDS,
  type TInventoryBody,
} from '../../../shared/api/insights.ts';
import { insightsPaths, useCheckImport, useCommitImport, useInventory, useSaveInventory, type ImportReport } from '../../api/insights.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SchoolPicker, useSelectedSchool } from '../../components/SchoolPicker.tsx';
import { pickName } from '../../i18n/format.ts';

const EMPTY: TInventoryBody = {
  teacherTerminals: 0,
  studentDevices: 0,
  bandwidthMbps: 0,
  connectivity: 'broadband',
  popularisationBase: 'none',
  rooms: [],
  courses: [],
};

/**
 * School data entry: the school admin keeps this term's labs, devices and AI courses (a new term starts
 * from last term's figures), by form or by Excel with a check before anything is stored. Principals and
 * bureaus read the same page.
 */
export default function SchoolDataPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const [selected, select] = useSelectedSchool();
  const [term, setTerm] = useState(currentTerm());
  const ownSchools = useMemo(
    () =>
      (me?.memberships ?? [])
        .filter((m) => (m.role === 'school_admin' || m.role === 'principal') && m.school)
        .map((m) => m.school!)
        .filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i),
    [me],
  );
  const searches = hasAnyRole(me, ['bureau_admin', 'platform_admin']);
  const schoolId = selected ?? (ownSchools.length === 1 ? ownSchools[0].id : undefined);
  const inventory = useInventory(schoolId, term);
  const view = inventory.data;

  return (
    <>
      <PageHeader
        title={t('insights.school.title')}
        extra={
          <Space wrap>
            {searches ? (
              <SchoolPicker value={schoolId} onChange={select} />
            ) : (
              ownSchools.length > 1 && (
                <Select
                  style={{ minWidth: 220 }}
                  placeholder={t('insights.school.pickSchool')}
                  value={schoolId}
                  onChange={select}
                  options={ownSchools.map((s) => ({ value: s.id, label: pickName(s.names, language) }))}
                />
              )
            )}
            <Select
              style={{ width: 150 }}
              value={term}
              onChange={setTerm}
              options={recentTerms(currentTerm(), 4)
                .reverse()
                .map((x) => ({ value: x, label: x }))}
            />
          </Space>
        }
      >
        {view && pickName(view.school.names, language)}
      </PageHeader>
      <ErrorAlert error={inventory.error} />
      {view && schoolId && (
        <>
          {view.carriedFrom && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('insights.school.carriedFrom', { term: view.carriedFrom })}
            />
          )}
          {!view.canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('insights.school.readOnly')} />}
          <InventoryForm key={`${schoolId}-${term}-${view.version ?? 'new'}`} schoolId={schoolId} term={term} view={view} />
          {view.canEdit && <ImportCard schoolId={schoolId} term={term} />}
        </>
      )}
    </>
  );
}

function InventoryForm({
  schoolId,
  term,
  view,
}: {
  schoolId: string;
  term: string;
  view: NonNullable<ReturnType<typeof useInventory>['data']>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TInventoryBody>();
  const save = useSaveInventory(schoolId, term);
  const disabled = !view.canEdit;
  useEffect(() => form.setFieldsValue(view.inventory ?? EMPTY), [form, view]);
  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`insights.${group}.${v}`) }));
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={view.inventory ?? EMPTY}
      onFinish={(body) =>
        save.mutate({ version: view.version, body }, { onSuccess: () => void message.success(t('insights.school.saved')) })
      }
    >
      <Card title={t('insights.school.devices')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="teacherTerminals" label={t('insights.school.teacherTerminals')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="studentDevices" label={t('insights.school.studentDevices')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="bandwidthMbps" label={t('insights.school.bandwidthMbps')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="connectivity" label={t('insights.school.connectivity')}>
              <Select options={options('connectivityKinds', CONNECTIVITY_KINDS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="popularisationBase" label={t('insights.school.popularisationBase')}>
              <Select options={options('popularisation', POPULARISATION_STATUSES)} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('insights.school.rooms')} style={{ marginBottom: 16 }}>
        <Form.List name="rooms">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'kind']} label={t('insights.school.kind')} rules={[{ required: true }]}>
                      <Select options={options('roomKinds', ROOM_KINDS)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[f.name, 'name']} label={t('insights.school.name')} rules={[{ required: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[f.name, 'equipment']} label={t('insights.school.equipment')}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item name={[f.name, 'capacity']} label={t('insights.school.capacity')} rules={[{ required: true }]}>
                      <InputNumber min={1} max={500} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item name={[f.name, 'year']} label={t('insights.school.year')} rules={[{ required: true }]}>
                      <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={2}>
                    <Form.Item>
                      <Button danger onClick={() => remove(f.name)}>
                        {t('insights.school.remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ kind: 'ai_lab', name: '', equipment: '', capacity: 40, year: new Date().getFullYear() })}>
                {t('insights.school.addRoom')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card title={t('insights.school.courses')} style={{ marginBottom: 16 }}>
        <Form.List name="courses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col xs={8} md={4}>
                    <Form.Item name={[f.name, 'grade']} label={t('insights.school.grade')} rules={[{ required: true }]}>
                      <InputNumber min={1} max={12} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item name={[f.name, 'hoursPerWeek']} label={t('insights.school.hoursPerWeek')} rules={[{ required: true }]}>
                      <InputNumber min={0.5} max={20} step={0.5} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Form.Item name={[f.name, 'setting']} label={t('insights.school.setting')} rules={[{ required: true }]}>
                      <Select options={options('settings', COURSE_SETTINGS)} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item>
                      <Button danger onClick={() => remove(f.name)}>
                        {t('insights.school.remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ grade: 7, hoursPerWeek: 1, setting: 'in_school' })}>{t('insights.school.addCourse')}</Button>
            </>
          )}
        </Form.List>
      </Card>
      <ErrorAlert error={save.error} />
      {!disabled && (
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="insights-save">
            {t('insights.school.save')}
          </Button>
        </Space>
      )}
    </Form>
  );
}

function ImportCard({ schoolId, term }: { schoolId: string; term: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const check = useCheckImport(schoolId, term);
  const commit = useCommitImport();
  const [report, setReport] = useState<ImportReport | null>(null);
  return (
    <Card title={t('insights.school.importWorkbook')}>
      <Typography.Paragraph type="secondary">{t('insights.school.importHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button href={insightsPaths.workbook(schoolId, term)} download>
          {t('insights.school.exportWorkbook')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            check.mutate(file, { onSuccess: setReport });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={check.isPending}>
            {t('insights.school.importWorkbook')}
          </Button>
        </Upload>
      </Space>
      <ErrorAlert error={check.error ?? commit.error} />
      {report && report.problems.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            message={t('insights.school.checkProblems', { count: report.problems.length })}
            style={{ marginBottom: 8 }}
          />
          <Table
            size="small"
            rowKey={(p) => `${p.path}-${p.code}`}
            pagination={false}
            dataSource={report.problems}
            columns={[
              { title: t('insights.school.where'), dataIndex: 'path' },
              {
                title: t('insights.school.problem'),
                key: 'code',
                render: (_, p) => t(`insights.problems.${p.code}`, { defaultValue: p.message }),
              },
            ]}
          />
        </>
      )}
      {report && !report.problems.length && report.summary && (
        <Space>
          <Alert
            type={report.status === 'committed' ? 'success' : 'info'}
            showIcon
            message={report.status === 'committed' ? t('insights.school.committed') : t('insights.school.checkOk', report.summary)}
          />
          {report.status === 'checked' && (
            <Button
              type="primary"
              loading={commit.isPending}
              onClick={() =>
                commit.mutate(report.importId, {
                  onSuccess: (r) => {
                    setReport(r);
                    void message.success(t('insights.school.committed'));
                  },
                })
              }
            >
              {t('insights.school.commit')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
