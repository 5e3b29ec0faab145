import { App as AntApp, Button, Card, Checkbox, Empty, Flex, Image, Space, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { GrowthEvidenceView, GrowthRecordDetail } from '../../../shared/api/growth.ts';
import { useDeleteEvidence, usePeerResponse } from '../../api/growth.ts';
import { useErrorText } from '../../components/useErrorText.ts';
import { useUiLanguage } from '../../app/language.ts';
import { pickName } from '../../i18n/format.ts';
import { REVIEW_COLOUR, useDimensionNames } from './growth-labels.ts';

/** One entry: what, when, who wrote it, review state, photos. */
export function EvidenceItem({
  e,
  detail,
  extra,
}: {
  e: GrowthEvidenceView;
  detail: Pick<GrowthRecordDetail, 'framework'>;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const name = useDimensionNames(detail.framework);
  return (
    <div data-testid="growth-evidence" style={{ padding: '8px 0', borderBottom: '1px solid rgba(0,0,0,0.06)' }}>
      <Flex justify="space-between" gap="small" wrap>
        <Space wrap size={4}>
          <Typography.Text strong style={{ textDecoration: e.withdrawn ? 'line-through' : undefined }}>
            {e.title}
          </Typography.Text>
          <Tag color={REVIEW_COLOUR[e.reviewStatus]}>{t(`growth.review.${e.reviewStatus}`)}</Tag>
          {e.selected && <Tag color="blue">{t('growth.evidence.selectedTag')}</Tag>}
          {e.withdrawn && <Tag color="red">{t('growth.evidence.withdrawnTag')}</Tag>}
          {e.notForAdmissions && <Tag>{t('growth.evidence.notForAdmissionsTag')}</Tag>}
        </Space>
        {extra}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.occurredOn} · {name(e.dimensionKey, e.indicatorKey)} · {t(`growth.source.${e.source}`)} · {t(`growth.author.${e.authorRole}`)}
        {e.author ? ` (${e.author.displayName})` : ''}
      </Typography.Text>
      {e.description && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.description}</Typography.Paragraph>}
      {e.reviewComment && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('growth.evidence.teacherComment', { comment: e.reviewComment })}
        </Typography.Paragraph>
      )}
      {e.attachments.length > 0 && (
        <div style={{ marginTop: 6 }}>
          <Space wrap>
            {e.attachments.map((a) =>
              a.contentType.startsWith('image/') ? (
                <Image key={a.id} src={a.url} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} alt={a.filename} />
              ) : (
                <a key={a.id} href={a.url} target="_blank" rel="noreferrer">
                  <FilePdfOutlined /> {a.filename}
                </a>
              ),
            )}
          </Space>
        </div>
      )}
    </div>
  );
}

/**
 * The entries of a record grouped by dimension. The student (while recording) ticks approved entries
 * to hand in, deletes their own and accepts or declines classmates' entries.
 */
export function EvidenceByDimension({
  detail,
  selectable,
  selected,
  onSelect,
}: {
  detail: GrowthRecordDetail;
  selectable: boolean;
  selected?: Set<string>;
  onSelect?: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const remove = useDeleteEvidence();
  const peer = usePeerResponse();
  const recording = detail.record.stage === 'recording';
  const onError = (error: unknown) => void message.error(errorText(error));

  const actions = (e: GrowthEvidenceView) => {
    if (!detail.viewer.self || !recording) return null;
    return (
      <Space size={4}>
        {selectable && e.reviewStatus === 'approved' && !e.withdrawn && (
          <Checkbox data-testid="growth-select" checked={selected?.has(e.id)} onChange={(ev) => onSelect?.(e.id, ev.target.checked)}>
            {t('growth.evidence.include')}
          </Checkbox>
        )}
        {e.reviewStatus === 'awaiting_student' && (
          <>
            <Button size="small" type="primary" onClick={() => peer.mutate({ id: e.id, accept: true }, { onError })}>
              {t('growth.evidence.accept')}
            </Button>
            <Button size="small" onClick={() => peer.mutate({ id: e.id, accept: false }, { onError })}>
              {t('growth.evidence.decline')}
            </Button>
          </>
        )}
        {e.authorRole === 'self' && (
          <Button size="small" type="link" danger onClick={() => remove.mutate(e.id, { onError })}>
            {t('growth.evidence.delete')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Flex vertical gap="middle">
      {detail.framework.dimensions.map((d) => {
        const items = detail.evidence.filter((e) => e.dimensionKey === d.key);
        return (
          <Card key={d.key} size="small" title={pickName(d.names, language)} extra={<Tag>{items.length}</Tag>}>
            {items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('growth.evidence.noneInDimension')} />
            ) : (
              items.map((e) => <EvidenceItem key={e.id} e={e} detail={detail} extra={actions(e)} />)
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
