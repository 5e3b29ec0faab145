import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Flex, Result, Steps, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRosterCommit, useRosterDryRun } from '../../api/roster.ts';
import { useSchool } from '../../api/tenancy.ts';
import type { Credential, RosterImportReport } from '../../api/types.ts';
import { useUiLanguage } from '../../app/language.ts';
import { csvWithBom, downloadText } from '../../components/csv.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SchoolPicker, useSelectedSchool } from '../../components/SchoolPicker.tsx';
import { RosterReport } from './RosterReport.tsx';
import { TEMPLATE_HEADERS } from './template.ts';

/** Local date for file names, in UTC+8 like every date the user sees. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * Roster import in three steps: upload and check (a dry run that changes nothing), read the report, then
 * import exactly the checked file. New accounts' passwords come back once, as a CSV made in the browser.
 */
export default function RosterImportPage() {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [language] = useUiLanguage();
  const [schoolId, setSchoolId] = useSelectedSchool();
  const school = useSchool(schoolId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [report, setReport] = useState<RosterImportReport | null>(null);
  const [credentials, setCredentials] = useState<Credential[] | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const dryRun = useRosterDryRun(schoolId);
  const commit = useRosterCommit();

  const startOver = () => {
    setFiles([]);
    setReport(null);
    setCredentials(null);
    setDownloaded(false);
    dryRun.reset();
    commit.reset();
  };

  const check = () => {
    const chosen = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f));
    setReport(null);
    dryRun.mutate(chosen, { onSuccess: setReport });
  };

  const doCommit = () => {
    if (!report) return;
    commit.mutate(report.importId, {
      onSuccess: (result) => {
        setReport(result.report);
        setCredentials(result.credentials);
      },
    });
  };

  const downloadTemplate = () => downloadText(t('roster.templateFile'), csvWithBom([TEMPLATE_HEADERS[language] as string[]]));

  const downloadCredentials = () => {
    if (!credentials) return;
    const header = [t('roster.credentials.displayName'), t('roster.credentials.username'), t('roster.credentials.password')];
    const body = credentials.map((c) => [c.displayName, c.username, c.initialPassword]);
    const code = school.data?.code ?? 'school';
    downloadText(t('roster.credentials.file', { school: code, date: today() }), csvWithBom([header, ...body]));
    setDownloaded(true);
  };

  const finish = () => {
    if (credentials && credentials.length > 0 && !downloaded) {
      modal.confirm({
        title: t('roster.credentials.leaveTitle'),
        content: t('roster.credentials.leaveText'),
        okText: t('roster.credentials.leaveAnyway'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: startOver,
      });
    } else {
      startOver();
    }
  };

  const step = credentials ? 2 : report ? 1 : 0;
  const canCommit = report?.status === 'checked' && report.summary.errors === 0 && !commit.isPending;

  return (
    <>
      <PageHeader
        title={t('roster.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('roster.downloadTemplate')}
          </Button>
        }
      >
        {t('roster.intro')}
      </PageHeader>
      <Flex vertical gap="large" style={{ maxWidth: 1100 }}>
        <SchoolPicker
          value={schoolId}
          onChange={(id) => {
            startOver();
            setSchoolId(id);
          }}
        />
        <Steps
          current={step}
          status={credentials ? 'finish' : 'process'}
          items={[
            { title: t('roster.steps.check'), icon: <FileSearchOutlined /> },
            { title: t('roster.steps.review'), icon: <CloudUploadOutlined /> },
            { title: t('roster.steps.done'), icon: <CheckCircleOutlined /> },
          ]}
        />
        {!schoolId ? (
          <Empty description={t('schoolPicker.pickFirst')} />
        ) : credentials ? (
          <Result
            status="success"
            title={t('roster.committed.title')}
            subTitle={t('roster.committed.text', { count: credentials.length })}
            extra={
              <Flex vertical align="center" gap="middle">
                {credentials.length > 0 && (
                  <>
                    <Alert type="warning" showIcon title={t('roster.credentials.onlyOnce')} style={{ maxWidth: 560, textAlign: 'start' }} />
                    <Button
                      type="primary"
                      size="large"
                      icon={<DownloadOutlined />}
                      onClick={downloadCredentials}
                      data-testid="download-credentials"
                    >
                      {t('roster.credentials.download', { count: credentials.length })}
                    </Button>
                  </>
                )}
                <Button onClick={finish}>{t('roster.importAnother')}</Button>
              </Flex>
            }
          />
        ) : (
          <>
            <Card size="small">
              <Upload.Dragger
                multiple
                accept=".csv,.xlsx,.zip,text/csv,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => {
                  setFiles(fileList);
                  setReport(null);
                  dryRun.reset();
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('roster.upload.text')}</p>
                <p className="ant-upload-hint">{t('roster.upload.hint')}</p>
              </Upload.Dragger>
              <Flex gap="small" style={{ marginTop: 16 }}>
                <Button
                  type="primary"
                  icon={<FileSearchOutlined />}
                  disabled={files.length === 0}
                  loading={dryRun.isPending}
                  onClick={check}
                >
                  {t('roster.check')}
                </Button>
              </Flex>
            </Card>
            <ErrorAlert error={dryRun.error} />
            {report && (
              <Card
                size="small"
                title={t('roster.reportTitle')}
                extra={
                  <Button
                    type="primary"
                    icon={<CloudUploadOutlined />}
                    disabled={!canCommit}
                    loading={commit.isPending}
                    onClick={doCommit}
                    data-testid="roster-commit"
                  >
                    {t('roster.commit')}
                  </Button>
                }
              >
                {report.summary.errors > 0 ? (
                  <Alert
                    type="error"
                    showIcon
                    title={t('roster.hasErrors', { count: report.summary.errors })}
                    style={{ marginBottom: 16 }}
                  />
                ) : (
                  <Alert type="success" showIcon title={t('roster.readyToImport')} style={{ marginBottom: 16 }} />
                )}
                <ErrorAlert error={commit.error} style={{ marginBottom: 16 }} />
                <RosterReport key={`${report.importId}:${report.status}`} report={report} />
              </Card>
            )}
            {!report && !dryRun.isPending && <Typography.Paragraph type="secondary">{t('roster.templateHelp')}</Typography.Paragraph>}
          </>
        )}
      </Flex>
    </>
  );
}
