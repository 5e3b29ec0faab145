import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Flex, Input, List, Modal, Select, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthRecordDetail } from '../../../shared/api/growth.ts';
import {
  reportUrl,
  useConfirm,
  useMyGrowth,
  usePublicityBoard,
  useRaiseObjection,
  useReopen,
  useSubmitSelection,
} from '../../api/growth.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { AddEvidenceModal } from './AddEvidenceModal.tsx';
import { EvidenceByDimension } from './EvidenceList.tsx';
import { stepOf, useDimensionNames } from './growth-labels.ts';

export function GrowthSteps({ detail }: { detail: GrowthRecordDetail | null }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      current={stepOf(detail?.record.stage)}
      items={['record', 'review', 'select', 'publicity', 'archive'].map((k) => ({ title: t(`growth.steps.${k}`) }))}
      style={{ marginBottom: 16 }}
    />
  );
}

/** What the student should do next, in one sentence. */
function NextStep({ detail }: { detail: GrowthRecordDetail }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const r = detail.record;
  const windowOver = r.publicityEndsAt !== null && new Date(r.publicityEndsAt) <= new Date();
  const key =
    r.stage === 'recording'
      ? 'recording'
      : r.stage === 'selected'
        ? 'selected'
        : r.stage === 'publicity'
          ? windowOver
            ? r.studentConfirmedAt
              ? 'waitingSignatures'
              : 'confirm'
            : 'publicity'
          : 'archived';
  return (
    <Alert
      type={r.stage === 'archived' ? 'success' : 'info'}
      showIcon
      data-testid="growth-next"
      title={t(`growth.next.${key}`, { date: formatDateTime(r.publicityEndsAt, language) })}
      style={{ marginBottom: 16 }}
    />
  );
}

/** Classmates' handed-in entries during publicity, with a way to object. */
function PublicityBoard({ classId, termId, detail }: { classId: string; termId: string; detail: GrowthRecordDetail }) {
  const { t } = useTranslation();
  const board = usePublicityBoard(classId, termId);
  const raise = useRaiseObjection();
  const { message } = AntApp.useApp();
  const name = useDimensionNames(detail.framework);
  const [objecting, setObjecting] = useState<{ id: string; title: string } | null>(null);
  const [reason, setReason] = useState('');
  const others = (board.data ?? []).filter((b) => b.student.id !== detail.record.student.id);
  if (!others.length) return null;
  return (
    <Card title={t('growth.publicity.title')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('growth.publicity.intro')}</Typography.Paragraph>
      <List
        dataSource={others}
        renderItem={(entry) => (
          <List.Item>
            <List.Item.Meta
              title={entry.student.displayName}
              description={entry.evidence.map((e) => (
                <Flex key={e.id} justify="space-between" align="center">
                  <span>
                    {e.title} · {name(e.dimensionKey)} · {e.occurredOn}
                  </span>
                  <Button size="small" type="link" onClick={() => setObjecting({ id: e.id, title: e.title })}>
                    {t('growth.publicity.object')}
                  </Button>
                </Flex>
              ))}
            />
          </List.Item>
        )}
      />
      <Modal
        open={objecting !== null}
        title={t('growth.publicity.objectTitle', { title: objecting?.title ?? '' })}
        okText={t('growth.publicity.submitObjection')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        confirmLoading={raise.isPending}
        onCancel={() => setObjecting(null)}
        onOk={() =>
          raise.mutate(
            { evidenceId: objecting!.id, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('growth.publicity.objectionSent'));
                setObjecting(null);
                setReason('');
              },
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('growth.publicity.objectHint')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
        <ErrorAlert error={raise.error} style={{ marginTop: 8 }} />
      </Modal>
    </Card>
  );
}

/** The student's own record: add entries with photos, hand in a selection, confirm, download the report. */
export function StudentRecord() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [termId, setTermId] = useState<string | undefined>();
  const mine = useMyGrowth(termId);
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const submit = useSubmitSelection();
  const reopen = useReopen();
  const confirm = useConfirm();
  const onError = (error: unknown) => void message.error(errorText(error));

  if (mine.error) return <ErrorAlert error={mine.error} />;
  const data = mine.data;
  if (!data) return null;
  if (!data.term || !data.framework) return <Empty description={t('errors.GROWTH_NO_TERM')} />;
  const detail = data.detail;
  const record = detail?.record;
  const recording = !record || record.stage === 'recording';
  const windowOver = record?.publicityEndsAt ? new Date(record.publicityEndsAt) <= new Date() : false;
  const approved = detail?.evidence.filter((e) => e.reviewStatus === 'approved' && !e.withdrawn) ?? [];
  // Until the student changes it, every approved entry is ticked.
  const selection = picked.size ? picked : new Set(approved.map((e) => e.id));

  return (
    <>
      <Flex justify="space-between" wrap gap="small" style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 240 }}
          value={data.term.id}
          onChange={(id) => {
            setTermId(id);
            setPicked(new Set());
          }}
          options={data.terms.map((term) => ({ value: term.id, label: pickName(term.names, language) }))}
        />
        <Space wrap>
          {recording && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="growth-add">
              {t('growth.add.button')}
            </Button>
          )}
          {record && record.stage === 'recording' && (
            <Button
              data-testid="growth-hand-in"
              disabled={approved.length === 0}
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(
                  { recordId: record.id, evidenceIds: [...selection].filter((id) => approved.some((e) => e.id === id)) },
                  { onSuccess: () => void message.success(t('growth.student.handedIn')), onError },
                )
              }
            >
              {t('growth.student.handIn', { count: [...selection].filter((id) => approved.some((e) => e.id === id)).length })}
            </Button>
          )}
          {record?.stage === 'selected' && (
            <Button onClick={() => reopen.mutate(record.id, { onError })}>{t('growth.student.takeBack')}</Button>
          )}
          {record?.stage === 'publicity' && windowOver && !record.studentConfirmedAt && (
            <Button
              type="primary"
              onClick={() => confirm.mutate(record.id, { onSuccess: () => void message.success(t('growth.student.confirmed')), onError })}
            >
              {t('growth.student.confirm')}
            </Button>
          )}
          {record && (
            <Button icon={<DownloadOutlined />} href={reportUrl(record.id)} data-testid="growth-report">
              {t('growth.report.download')}
            </Button>
          )}
        </Space>
      </Flex>
      <GrowthSteps detail={detail} />
      {detail ? <NextStep detail={detail} /> : <Alert type="info" showIcon title={t('growth.next.empty')} style={{ marginBottom: 16 }} />}
      {detail && detail.objections.length > 0 && (
        <Card size="small" title={t('growth.objections.onMyRecord')} style={{ marginBottom: 16 }}>
          {detail.objections.map((o) => (
            <div key={o.id}>
              <Tag color={o.status === 'open' ? 'gold' : o.status === 'upheld' ? 'red' : 'green'}>
                {t(`growth.objections.status.${o.status}`)}
              </Tag>
              {o.evidenceTitle}: {o.reason}
              {o.resolution ? ` — ${o.resolution}` : ''}
            </div>
          ))}
        </Card>
      )}
      {detail && (
        <EvidenceByDimension
          detail={detail}
          selectable
          selected={selection}
          onSelect={(id, on) => {
            const next = new Set(selection);
            if (on) next.add(id);
            else next.delete(id);
            setPicked(next.size ? next : new Set(['none']));
          }}
        />
      )}
      {detail && record?.classId && <PublicityBoard classId={record.classId} termId={data.term.id} detail={detail} />}
      <AddEvidenceModal open={adding} onClose={() => setAdding(false)} termId={data.term.id} framework={data.framework} />
    </>
  );
}
