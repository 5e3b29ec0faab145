import {
  CloudUploadOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  InboxOutlined,
  PlayCircleOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Steps, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES, type DataCategory, type TColumnPolicy } from '../../../shared/api/privacy.ts';
import { useMe } from '../../api/me.ts';
import {
  useAgreements,
  useCreateRelease,
  useDataset,
  useDatasets,
  useRelease,
  useUploadDataset,
  type DatasetDetail,
} from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ColumnOperators } from './ColumnOperators.tsx';
import { ReleaseResult } from './ReleaseResult.tsx';

/**
 * The de-identification workbench: upload a table → check the suggested column roles and operators
 * (defaults from the jurisdiction's policy) → run → compare original and de-identified, read risk and
 * utility → approve and share under an agreement.
 */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canManage = (me?.memberships ?? []).some((m) => m.role === 'data_steward' || m.role === 'bureau_admin');
  const isSteward = (me?.memberships ?? []).some((m) => m.role === 'data_steward');
  const [datasetId, setDatasetId] = useState<string>();
  const [releaseId, setReleaseId] = useState<string>();
  const datasets = useDatasets('raw');
  const dataset = useDataset(datasetId);
  const release = useRelease(releaseId);

  if (!canManage) return <Alert type="info" showIcon title={t('privacy.workbench.forStewards')} />;
  const step = release.data ? (release.data.status === 'approved' ? 3 : 2) : datasetId ? 1 : 0;
  return (
    <>
      <PageHeader title={t('privacy.workbench.title')}>{t('privacy.workbench.intro')}</PageHeader>
      <Flex vertical gap="large" style={{ maxWidth: 1280 }}>
        <Steps
          current={step}
          items={[
            { title: t('privacy.workbench.stepUpload'), icon: <CloudUploadOutlined /> },
            { title: t('privacy.workbench.stepColumns'), icon: <FileSearchOutlined /> },
            { title: t('privacy.workbench.stepRun'), icon: <ExperimentOutlined /> },
            { title: t('privacy.workbench.stepShare'), icon: <SafetyCertificateOutlined /> },
          ]}
        />
        <Card size="small" title={t('privacy.workbench.dataset')}>
          <Flex gap="middle" wrap align="start">
            <Select
              style={{ minWidth: 320 }}
              placeholder={t('privacy.workbench.pickDataset')}
              value={datasetId}
              loading={datasets.isPending}
              onChange={(id) => {
                setDatasetId(id);
                setReleaseId(undefined);
              }}
              options={(datasets.data?.items ?? []).map((d) => ({
                value: d.id,
                label: `${d.jurisdiction.code} · ${d.name} (${d.rowCount})`,
              }))}
              data-testid="dataset-select"
            />
            <Typography.Text type="secondary">{t('privacy.workbench.or')}</Typography.Text>
            <UploadForm
              onUploaded={(id) => {
                setDatasetId(id);
                setReleaseId(undefined);
              }}
            />
          </Flex>
        </Card>
        {dataset.error && <ErrorAlert error={dataset.error} />}
        {dataset.data && !releaseId && <ConfigureRun key={dataset.data.id} dataset={dataset.data} onStarted={setReleaseId} />}
        {release.data && dataset.data && (
          <>
            <ReleaseResult release={release.data} minK={dataset.data.rule.minK} canApprove={isSteward} />
            <Button onClick={() => setReleaseId(undefined)} style={{ alignSelf: 'start' }}>
              {t('privacy.workbench.again')}
            </Button>
          </>
        )}
        {!datasetId && <Empty description={t('privacy.workbench.empty')} />}
      </Flex>
    </>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [category, setCategory] = useState<DataCategory>('assessment_results');
  const [name, setName] = useState('');
  const upload = useUploadDataset();
  const file = files[0]?.originFileObj;
  return (
    <Flex vertical gap="small" style={{ minWidth: 340, flex: 1 }}>
      <Upload.Dragger
        accept=".csv,.xlsx,.jsonl,text/csv"
        maxCount={1}
        fileList={files}
        beforeUpload={() => false}
        onChange={({ fileList }) => {
          setFiles(fileList.slice(-1));
          upload.reset();
        }}
        data-testid="dataset-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('privacy.workbench.uploadText')}</p>
        <p className="ant-upload-hint">{t('privacy.workbench.uploadHint')}</p>
      </Upload.Dragger>
      <Flex gap="small" wrap>
        <Input style={{ width: 220 }} placeholder={t('privacy.workbench.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <Select
          style={{ width: 180 }}
          value={category}
          onChange={setCategory}
          options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`privacy.categories.${c}`) }))}
        />
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!file}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(
              { file, name: name || file.name, category },
              {
                onSuccess: (d) => {
                  setFiles([]);
                  onUploaded(d.id);
                },
              },
            )
          }
          data-testid="dataset-upload-button"
        >
          {t('privacy.workbench.uploadButton')}
        </Button>
      </Flex>
      <ErrorAlert error={upload.error} />
    </Flex>
  );
}

function ConfigureRun({ dataset, onStarted }: { dataset: DatasetDetail; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const create = useCreateRelease();
  // Defaults from the profile and the jurisdiction's policy; the parent remounts this per dataset.
  const [columns, setColumns] = useState<Record<string, TColumnPolicy>>(() => dataset.suggestedPolicy.columns);
  const [k, setK] = useState<number>(() => dataset.suggestedPolicy.k ?? dataset.rule.minK);
  const [agreementId, setAgreementId] = useState<string>();
  const [objective, setObjective] = useState('');
  const usable = (agreements.data?.items ?? []).filter(
    (a) => a.datasetIds.includes(dataset.id) && a.status !== 'revoked' && a.status !== 'expired',
  );
  const chosen = usable.find((a) => a.id === agreementId);
  const hasQuasi = Object.values(columns).some((c) => c.operator === 'generalise');
  const run = () =>
    create.mutate(
      {
        datasetId: dataset.id,
        agreementId,
        objective: objective || t('privacy.workbench.defaultObjective'),
        policy: { columns, ...(hasQuasi ? { k } : {}) },
      },
      { onSuccess: (r) => onStarted(r.id) },
    );
  return (
    <Card size="small" title={t('privacy.workbench.columnsTitle', { name: dataset.name, rows: dataset.rowCount })}>
      <Flex vertical gap="middle">
        <Alert
          type={dataset.rule.egress === 'deidentified' ? 'info' : 'warning'}
          showIcon
          title={t(`privacy.workbench.rule.${dataset.rule.egress}`, { k: dataset.rule.minK, epsilon: dataset.rule.epsilonPerPeriod })}
          description={dataset.containsChildren ? t('privacy.workbench.children') : undefined}
          data-testid="policy-rule"
        />
        <ColumnOperators profile={dataset.profile} columns={columns} onChange={setColumns} />
        <Form layout="vertical">
          <Flex gap="middle" wrap>
            <Form.Item label={t('privacy.workbench.k')} help={t('privacy.workbench.kHelp', { min: dataset.rule.minK })}>
              <InputNumber min={2} max={1000} value={k} onChange={(v) => setK(v ?? dataset.rule.minK)} disabled={!hasQuasi} />
            </Form.Item>
            <Form.Item label={t('privacy.workbench.agreement')} help={t('privacy.workbench.agreementHelp')}>
              <Select
                allowClear
                style={{ width: 320 }}
                value={agreementId}
                onChange={setAgreementId}
                options={usable.map((a) => ({ value: a.id, label: `${a.owner.code}→${a.partner.code} · ${a.title}` }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item label={t('privacy.workbench.objective')}>
            <Input.TextArea
              rows={2}
              value={objective}
              onChange={(e) => setObjective(e.target.value)}
              placeholder={chosen?.purpose ?? t('privacy.workbench.defaultObjective')}
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={create.error} />
        <Button
          type="primary"
          size="large"
          icon={<PlayCircleOutlined />}
          loading={create.isPending}
          onClick={run}
          style={{ alignSelf: 'start' }}
          data-testid="release-run"
        >
          {t('privacy.workbench.run')}
        </Button>
      </Flex>
    </Card>
  );
}
