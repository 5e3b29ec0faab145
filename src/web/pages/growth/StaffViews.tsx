import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Empty, Flex, Input, Modal, Radio, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthClassOverviewRow } from '../../../shared/api/growth.ts';
import {
  reportUrl,
  useClassOverview,
  useGrowthRecord,
  useMyClasses,
  useObjections,
  useOpenPublicity,
  useResolveObjection,
  useReview,
  useReviewQueue,
  useSign,
  useSignClass,
} from '../../api/growth.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { AddEvidenceModal } from './AddEvidenceModal.tsx';
import { EvidenceByDimension, EvidenceItem } from './EvidenceList.tsx';
import { STAGE_COLOUR, useDimensionNames } from './growth-labels.ts';
import { GrowthSteps } from './StudentRecord.tsx';

/** One student's record for staff: entries, signatures, the report, a teacher's own entry. */
function RecordDrawer({ recordId, onClose }: { recordId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const record = useGrowthRecord(recordId ?? undefined);
  const sign = useSign();
  const [adding, setAdding] = useState(false);
  const d = record.data;
  return (
    <Drawer open={recordId !== null} onClose={onClose} size="large" title={d ? d.record.student.displayName : ''}>
      <ErrorAlert error={record.error} />
      {d && (
        <>
          <GrowthSteps detail={d} />
          <Flex wrap gap="small" style={{ marginBottom: 16 }}>
            <Button icon={<DownloadOutlined />} href={reportUrl(d.record.id)}>
              {t('growth.report.download')}
            </Button>
            {d.record.stage === 'recording' && (d.viewer.teacher || d.viewer.classTeacher) && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('growth.add.teacherTitle')}
              </Button>
            )}
            {(d.viewer.classTeacher || d.viewer.principal) && d.record.stage !== 'archived' && (
              <Button
                type="primary"
                onClick={() =>
                  sign.mutate(d.record.id, {
                    onSuccess: () => void message.success(t('growth.staff.signed')),
                    onError: (e) => void message.error(errorText(e)),
                  })
                }
              >
                {t('growth.staff.sign')}
              </Button>
            )}
          </Flex>
          <Typography.Paragraph type="secondary">
            {[
              d.record.studentConfirmedAt &&
                `${t('growth.report.confirmedByStudent')}: ${formatDateTime(d.record.studentConfirmedAt, language)}`,
              d.record.classTeacherSignedAt &&
                `${t('growth.report.signedByClassTeacher')}: ${d.record.classTeacherSignedBy?.displayName} ${formatDateTime(d.record.classTeacherSignedAt, language)}`,
              d.record.principalSignedAt &&
                `${t('growth.report.signedByPrincipal')}: ${d.record.principalSignedBy?.displayName} ${formatDateTime(d.record.principalSignedAt, language)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Paragraph>
          <EvidenceByDimension detail={d} selectable={false} />
          <AddEvidenceModal
            open={adding}
            onClose={() => setAdding(false)}
            termId={d.term.id}
            framework={d.framework}
            studentId={d.record.student.id}
          />
        </>
      )}
    </Drawer>
  );
}

/** A class at a glance: stage, entries per dimension (red where none), publicity and sign-off. */
export function ClassesTab() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message, modal } = AntApp.useApp();
  const errorText = useErrorText();
  const mine = useMyClasses(true);
  const [classId, setClassId] = useState<string>();
  const [termId, setTermId] = useState<string>();
  const [open, setOpen] = useState<string | null>(null);
  const cls = mine.data?.classes.find((c) => c.id === classId) ?? mine.data?.classes[0];
  const terms = (mine.data?.terms ?? []).filter((tm) => tm.schoolId === cls?.schoolId);
  const term = terms.find((tm) => tm.id === termId) ?? terms.find((tm) => tm.current) ?? terms[0];
  const overview = useClassOverview(cls?.id, term?.id);
  const publicity = useOpenPublicity();
  const signClass = useSignClass();
  const name = useDimensionNames(overview.data?.framework);
  const lead = Boolean(cls?.isClassTeacher || (cls && mine.data?.principalOf.includes(cls.schoolId)));
  const onError = (e: unknown) => void message.error(errorText(e));

  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (mine.data && !mine.data.classes.length) return <Empty description={t('growth.staff.noClasses')} />;
  return (
    <>
      <Flex wrap gap="small" justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            style={{ minWidth: 200 }}
            value={cls?.id}
            onChange={setClassId}
            data-testid="growth-class"
            options={(mine.data?.classes ?? []).map((c) => ({
              value: c.id,
              label: c.isClassTeacher ? `${c.name} · ${t('growth.staff.classTeacher')}` : c.name,
            }))}
          />
          <Select
            style={{ minWidth: 220 }}
            value={term?.id}
            onChange={setTermId}
            options={terms.map((tm) => ({ value: tm.id, label: pickName(tm.names, language) }))}
          />
        </Space>
        {lead && cls && term && (
          <Space wrap>
            <Button
              data-testid="growth-open-publicity"
              loading={publicity.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('growth.staff.openPublicityTitle'),
                  content: t('growth.staff.openPublicityHint', { days: term.publicityWorkingDays }),
                  okText: t('growth.staff.openPublicity'),
                  cancelText: t('common.cancel'),
                  onOk: () =>
                    publicity.mutateAsync({ classId: cls.id, termId: term.id }).then(
                      (r) =>
                        void message.success(
                          t('growth.staff.publicityOpened', {
                            count: r.opened,
                            waiting: r.notHandedIn,
                            date: formatDateTime(r.publicityEndsAt, language),
                          }),
                        ),
                      onError,
                    ),
                })
              }
            >
              {t('growth.staff.openPublicity')}
            </Button>
            <Button
              type="primary"
              loading={signClass.isPending}
              onClick={() =>
                signClass.mutate(
                  { classId: cls.id, termId: term.id },
                  {
                    onSuccess: (r) => void message.info(t('growth.staff.classSigned', { count: r.signed, skipped: r.skipped.length })),
                    onError,
                  },
                )
              }
            >
              {t('growth.staff.signClass')}
            </Button>
          </Space>
        )}
      </Flex>
      <ErrorAlert error={overview.error} />
      <Table<GrowthClassOverviewRow>
        rowKey={(r) => r.student.id}
        loading={overview.isFetching}
        dataSource={overview.data?.rows ?? []}
        pagination={{ pageSize: 60, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('growth.staff.student'),
            key: 'student',
            fixed: 'left',
            render: (_, r) => (r.recordId ? <a onClick={() => setOpen(r.recordId)}>{r.student.displayName}</a> : r.student.displayName),
          },
          {
            title: t('growth.staff.stage'),
            key: 'stage',
            render: (_, r) =>
              r.stage ? <Tag color={STAGE_COLOUR[r.stage]}>{t(`growth.stage.${r.stage}`)}</Tag> : <Tag>{t('growth.stage.none')}</Tag>,
          },
          ...(overview.data?.framework.dimensions ?? []).map((d) => ({
            title: name(d.key),
            key: d.key,
            align: 'center' as const,
            render: (_: unknown, r: GrowthClassOverviewRow) => {
              const n = r.counts.find((c) => c.dimensionKey === d.key)?.count ?? 0;
              return n === 0 ? (
                <Tooltip title={t('growth.staff.missing')}>
                  <Typography.Text type="danger">0</Typography.Text>
                </Tooltip>
              ) : (
                n
              );
            },
          })),
          { title: t('growth.staff.pending'), dataIndex: 'pendingReview', align: 'center' },
          { title: t('growth.staff.objections'), dataIndex: 'openObjections', align: 'center' },
        ]}
      />
      <RecordDrawer recordId={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** Entries waiting for this teacher's review (教师审核): approve, or return with advice. */
export function ReviewTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const queue = useReviewQueue(true);
  const review = useReview();
  const [comments, setComments] = useState<Record<string, string>>({});
  if (queue.error) return <ErrorAlert error={queue.error} />;
  const items = queue.data?.items ?? [];
  if (queue.data && !items.length) return <Empty description={t('growth.review.empty')} />;
  return (
    <Flex vertical gap="small">
      {items.map((e) => (
        <div key={e.id} data-testid="growth-review-item" style={{ border: '1px solid rgba(0,0,0,0.08)', borderRadius: 8, padding: 12 }}>
          <Typography.Text type="secondary">{e.studentName}</Typography.Text>
          <EvidenceItem e={e} detail={{ framework: queue.data!.frameworks.find((f) => f.id === e.frameworkId)! }} />
          <Flex gap="small" wrap style={{ marginTop: 8 }}>
            <Input
              style={{ flex: 1, minWidth: 200 }}
              placeholder={t('growth.review.commentPlaceholder')}
              value={comments[e.id] ?? ''}
              onChange={(ev) => setComments({ ...comments, [e.id]: ev.target.value })}
            />
            <Button
              type="primary"
              data-testid="growth-approve"
              onClick={() =>
                review.mutate(
                  { id: e.id, decision: 'approved', comment: comments[e.id] ?? '' },
                  {
                    onSuccess: () => void message.success(t('growth.review.approvedDone')),
                    onError: (x) => void message.error(errorText(x)),
                  },
                )
              }
            >
              {t('growth.review.approve')}
            </Button>
            <Button
              onClick={() =>
                review.mutate(
                  { id: e.id, decision: 'returned', comment: comments[e.id] ?? '' },
                  { onSuccess: () => void message.info(t('growth.review.returnedDone')), onError: (x) => void message.error(errorText(x)) },
                )
              }
            >
              {t('growth.review.return')}
            </Button>
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

/** Objections raised during publicity; the class teacher rules on them with reasons. */
export function ObjectionsTab() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const objections = useObjections(true);
  const resolve = useResolveObjection();
  const [ruling, setRuling] = useState<{ id: string; decision: 'upheld' | 'dismissed'; reason: string } | null>(null);
  return (
    <>
      <ErrorAlert error={objections.error} />
      <Table
        rowKey="id"
        loading={objections.isFetching}
        dataSource={objections.data ?? []}
        locale={{ emptyText: t('growth.objections.empty') }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('growth.staff.student'), key: 'student', render: (_, o) => o.student?.displayName },
          { title: t('growth.objections.entry'), dataIndex: 'evidenceTitle' },
          { title: t('growth.objections.reason'), dataIndex: 'reason' },
          { title: t('growth.objections.raisedBy'), key: 'by', render: (_, o) => o.raisedBy?.displayName },
          { title: t('growth.objections.raisedAt'), key: 'at', render: (_, o) => formatDateTime(o.createdAt, language) },
          {
            title: t('growth.objections.statusLabel'),
            key: 'status',
            render: (_, o) => (
              <>
                <Tag color={o.status === 'open' ? 'gold' : o.status === 'upheld' ? 'red' : 'green'}>
                  {t(`growth.objections.status.${o.status}`)}
                </Tag>
                {o.resolution}
              </>
            ),
          },
          {
            title: t('common.actions'),
            key: 'act',
            render: (_, o) =>
              o.canResolve && (
                <Button size="small" onClick={() => setRuling({ id: o.id, decision: 'dismissed', reason: '' })}>
                  {t('growth.objections.resolve')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={ruling !== null}
        title={t('growth.objections.resolveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: (ruling?.reason.trim().length ?? 0) < 2 }}
        confirmLoading={resolve.isPending}
        onCancel={() => setRuling(null)}
        onOk={() => ruling && resolve.mutate({ ...ruling, reason: ruling.reason.trim() }, { onSuccess: () => setRuling(null) })}
      >
        <Radio.Group
          value={ruling?.decision}
          onChange={(e) => ruling && setRuling({ ...ruling, decision: e.target.value })}
          options={[
            { value: 'dismissed', label: t('growth.objections.dismiss') },
            { value: 'upheld', label: t('growth.objections.uphold') },
          ]}
        />
        <Input.TextArea
          style={{ marginTop: 12 }}
          rows={3}
          placeholder={t('growth.objections.reasonPlaceholder')}
          value={ruling?.reason ?? ''}
          onChange={(e) => ruling && setRuling({ ...ruling, reason: e.target.value })}
        />
        <ErrorAlert error={resolve.error} style={{ marginTop: 8 }} />
      </Modal>
    </>
  );
}
