import { Button, Card, Descriptions, Empty, Form, Input, List, Select, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useContest, useEntry, useFileAppeal, useSubmissions, useSubmitWork, useUploadFile } from '../../api/contests.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { SUBMISSION_LINK_KINDS } from '../../../shared/api/contests.ts';
import { TeamEditor } from './TeamEditor.tsx';

/** The team page: members and advisors, the submission (new version until the deadline), history, award. */
export default function EntryPage() {
  const { id, entryId } = useParams();
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const contest = useContest(id);
  const entry = useEntry(entryId);
  const versions = useSubmissions(entryId);
  const submit = useSubmitWork(entryId ?? '');
  const upload = useUploadFile(entryId ?? '');
  const appeal = useFileAppeal(id ?? '');
  const [files, setFiles] = useState<{ sha256: string; filename: string }[]>([]);
  const [form] = Form.useForm<{ links: { kind: (typeof SUBMISSION_LINK_KINDS)[number]; url: string }[]; note: string }>();
  const [reason, setReason] = useState('');
  const [now] = useState(() => Date.now());
  if (entry.isLoading || contest.isLoading) return <FullPageSpin />;
  const e = entry.data;
  const c = contest.data;
  if (!e || !c) return <ErrorAlert error={entry.error ?? contest.error} />;
  const open = c.status === 'open' && now <= Date.parse(c.timeline.submissionClosesAt);
  return (
    <>
      <PageHeader
        title={e.title}
        extra={
          e.award && (
            <Button href={`/api/v1/contests/entries/${e.id}/certificate.pdf?lang=${language}`} target="_blank">
              {t('contests.entry.certificate')}
            </Button>
          )
        }
      >
        <Link to={`/contests/${c.id}`}>{c.name}</Link>
      </PageHeader>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('contests.fields.entryCode')}>{e.code}</Descriptions.Item>
        <Descriptions.Item label={t('contests.fields.kind')}>{t(`contests.kinds.${e.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('contests.fields.school')}>{pickName(e.schoolName, language)}</Descriptions.Item>
        <Descriptions.Item label={t('contests.fields.members')}>
          <Space wrap>
            {e.members.map((m) => {
              const credential = e.credentials?.find((x) => x.userId === m.userId);
              return (
                <Tag key={m.userId} color={m.role === 'advisor' ? 'green' : 'blue'}>
                  {m.displayName} · {t(`contests.memberRoles.${m.role}`)}
                  {credential && (
                    <>
                      {' · '}
                      <Link to={`/verify/${credential.credentialId}`} target="_blank">
                        {t('contests.entry.verifyCredential')}
                      </Link>
                    </>
                  )}
                </Tag>
              );
            })}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.fields.status')}>{t(`contests.entryStatuses.${e.status}`)}</Descriptions.Item>
        {e.award && (
          <Descriptions.Item label={t('contests.fields.award')}>
            <Tag color="gold">{t(`contests.awards.${e.award}`)}</Tag> {t('contests.fields.rank')} {e.rank} ·{' '}
            {t('contests.entry.notForAdmissions')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {!!e.history?.length && (
        <Card size="small" title={t('contests.entry.history')} style={{ marginBottom: 16 }}>
          <Timeline
            items={e.history.map((h) => ({
              children: `${h.contestName} · ${t(`contests.levels.${h.level}`)} · ${h.award ? t(`contests.awards.${h.award}`) : ''} ${h.rank ? `#${h.rank}` : ''}`,
            }))}
          />
        </Card>
      )}
      {open && (e.status === 'registered' || e.status === 'pending_confirmation') && <TeamEditor entry={e} canManage={c.canManage} />}
      <Card size="small" title={t('contests.submission.title')} style={{ marginBottom: 16 }}>
        {open ? (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ links: [{ kind: 'repository', url: '' }], note: '' }}
            onFinish={async (v) => {
              await submit.mutateAsync({ files, links: v.links.filter((l) => l.url), note: v.note });
              setFiles([]);
            }}
          >
            <Typography.Paragraph type="secondary">
              {t('contests.submission.deadline', { at: formatDateTime(c.timeline.submissionClosesAt, language) })}
            </Typography.Paragraph>
            <Form.List name="links">
              {(fields, { add }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'kind']}>
                        <Select
                          style={{ width: 140 }}
                          options={SUBMISSION_LINK_KINDS.map((k) => ({ value: k, label: t(`contests.linkKinds.${k}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'url']} rules={[{ type: 'url', message: t('contests.submission.badUrl') }]}>
                        <Input style={{ width: 360 }} placeholder="https://" />
                      </Form.Item>
                    </Space>
                  ))}
                  <Button onClick={() => add({ kind: 'link', url: '' })} style={{ marginBottom: 12 }}>
                    {t('contests.submission.addLink')}
                  </Button>
                </>
              )}
            </Form.List>
            <Upload
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const f = await upload.mutateAsync(file as File);
                  setFiles((x) => [...x, { sha256: f.sha256, filename: f.filename }]);
                  onSuccess?.(f);
                } catch (err) {
                  onError?.(err as Error);
                }
              }}
            >
              <Button>{t('contests.submission.upload')}</Button>
            </Upload>
            <Form.Item name="note" label={t('contests.submission.note')} style={{ marginTop: 12 }}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <ErrorAlert error={submit.error ?? upload.error} style={{ marginBottom: 8 }} />
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t('contests.submission.submit')}
            </Button>
          </Form>
        ) : (
          <Typography.Paragraph type="secondary">{t('contests.submission.frozen')}</Typography.Paragraph>
        )}
        <List
          style={{ marginTop: 12 }}
          dataSource={versions.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('contests.submission.none')} /> }}
          renderItem={(s) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {t('contests.submission.version', { version: s.version })} · {formatDateTime(s.submittedAt, language)}
                </Typography.Text>
                {s.files.map((f) => (
                  <a key={f.sha256} href={`/api/v1/contests/entries/${e.id}/files/${f.sha256}`}>
                    {f.filename}
                  </a>
                ))}
                {s.links.map((l) => (
                  <a key={l.url} href={l.url} target="_blank" rel="noreferrer noopener">
                    {t(`contests.linkKinds.${l.kind}`)}: {l.url}
                  </a>
                ))}
                {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {c.status !== 'open' && now <= Date.parse(c.timeline.appealsClosesAt) && (
        <Card size="small" title={t('contests.entry.appeal')}>
          <Input.TextArea rows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} maxLength={2000} />
          <ErrorAlert error={appeal.error} style={{ marginTop: 8 }} />
          {appeal.isSuccess ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{t('contests.entry.appealFiled')}</Typography.Paragraph>
          ) : (
            <Button
              style={{ marginTop: 8 }}
              disabled={!reason.trim()}
              loading={appeal.isPending}
              onClick={() => appeal.mutate({ entryId: e.id, reason })}
            >
              {t('contests.entry.fileAppeal')}
            </Button>
          )}
        </Card>
      )}
    </>
  );
}
