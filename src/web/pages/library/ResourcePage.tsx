import { CopyOutlined, EditOutlined, HeartFilled, HeartOutlined, SendOutlined, StopOutlined, TranslationOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { allowsDerivatives } from '../../../shared/library.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { useAdaptResource, useFavourite, useMakeEdition, useResource, useWithdrawResource } from '../../api/library.ts';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { AddToCollection } from './AddToCollection.tsx';
import { JsonLd } from './JsonLd.tsx';
import { LanguageTag } from './LanguageTag.tsx';
import { AUTHOR_ROLES, displayTargets, editionTargets, parseDisplay, STATUS_COLOURS } from './labels.ts';
import { ResourceFiles } from './ResourceFiles.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { ResourceRatings } from './ResourceRatings.tsx';
import { ResourceVersions } from './ResourceVersions.tsx';
import { SafeHtml } from './SafeHtml.tsx';
import { SubmitModal } from './SubmitModal.tsx';

/**
 * One resource (/library/resources/:id[?display=zh-Hans|zh-Hant-HK]): the text (optionally machine-converted
 * to the other Chinese script, clearly labelled), files, lineage, ratings and what the reader may do with it.
 */
export default function ResourcePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const display = parseDisplay(params.get('display'));
  const { data: me } = useMe();
  const resource = useResource(id, display);
  const adapt = useAdaptResource(id ?? '');
  const edition = useMakeEdition(id ?? '');
  const favourite = useFavourite(id ?? '');
  const withdraw = useWithdrawResource(id ?? '');
  const [submitOpen, setSubmitOpen] = useState(false);

  if (resource.isPending) return <FullPageSpin />;
  if (resource.error || !resource.data) return <ErrorAlert error={resource.error} />;
  const r = resource.data;
  const isAuthorRole = hasAnyRole(me, AUTHOR_ROLES);
  // Reuse is for other people's work; an author's own all-rights-reserved draft needs no refusal shown.
  const offerReuse = isAuthorRole && (allowsDerivatives(r.licence) || r.authorId !== me?.id);
  const licenceAllows = allowsDerivatives(r.licence);
  const targets = displayTargets(r.language);
  const editions = editionTargets(r.language);

  const setDisplay = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'original') next.delete('display');
    else next.set('display', value);
    setParams(next, { replace: true });
  };

  const onAdapt = () =>
    adapt.mutate(
      {},
      {
        onSuccess: (copy) => {
          void message.success(t('library.resource.adapted'));
          void navigate(`/library/resources/${copy.id}`);
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  const onEdition = (target: string) =>
    edition.mutate(
      { language: target as 'zh-Hans' },
      {
        onSuccess: (answer) => {
          const count = Object.values(answer.vocabularyChanges).reduce((n, list) => n + list.length, 0);
          void message.success(t('library.resource.editionMade', { count }));
          void navigate(`/library/resources/${answer.resource.id}/edit`);
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  const actions = (
    <Space wrap>
      {me && (
        <Button
          icon={r.mine.favourite ? <HeartFilled style={{ color: '#eb2f96' }} /> : <HeartOutlined />}
          loading={favourite.isPending}
          onClick={() => favourite.mutate(!r.mine.favourite, { onError: (e) => void message.error(errorText(e)) })}
          data-testid="favourite"
        >
          {r.mine.favourite ? t('library.resource.favourited') : t('library.resource.favourite')}
        </Button>
      )}
      {me && <AddToCollection resourceId={r.id} />}
      {offerReuse && (
        <Tooltip title={licenceAllows ? t('library.resource.adaptHint') : t('errors.LIBRARY_LICENCE_FORBIDS_ADAPTATION')}>
          <Button icon={<CopyOutlined />} onClick={onAdapt} loading={adapt.isPending} data-testid="adapt">
            {t('library.resource.adapt')}
          </Button>
        </Tooltip>
      )}
      {offerReuse && editions.length > 0 && (
        <Dropdown
          trigger={['click']}
          disabled={!licenceAllows}
          menu={{
            items: editions.map((l) => ({
              key: l,
              label: t('library.resource.makeEdition', { script: t(`library.resource.editionTo.${l}`) }),
            })),
            onClick: ({ key }) => onEdition(key),
          }}
        >
          <Button icon={<TranslationOutlined />} loading={edition.isPending} data-testid="make-edition">
            {t('library.resource.makeEdition', { script: t(`library.resource.editionTo.${editions[0]}`) })}
          </Button>
        </Dropdown>
      )}
      {r.permissions.edit && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/library/resources/${r.id}/edit`)} data-testid="edit">
          {t('library.resource.edit')}
        </Button>
      )}
      {r.permissions.submit && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setSubmitOpen(true)} data-testid="submit">
          {r.status === 'published' ? t('library.resource.recommend') : t('library.resource.submit')}
        </Button>
      )}
      {r.permissions.withdraw && r.status !== 'draft' && (
        <Popconfirm
          title={t('library.resource.withdrawConfirm')}
          onConfirm={() =>
            withdraw.mutate(undefined, {
              onSuccess: () => void message.success(t('library.resource.withdrawn')),
              onError: (e) => void message.error(errorText(e)),
            })
          }
        >
          <Button danger icon={<StopOutlined />}>
            {t('library.resource.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  // Keyed by id: going from a resource to its adaptation starts the page afresh (no stale tooltips or state).
  return (
    <div key={r.id}>
      {r.publishLevel === 'public' && r.status === 'published' && <JsonLd resourceId={r.id} enabled />}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Space wrap size={4}>
          <LanguageTag language={r.language} />
          <Tag>{t(`library.subjects.${r.subject}`)}</Tag>
          <Tag>{t(`library.gradeBands.${r.gradeBand}`)}</Tag>
          <Tag color={STATUS_COLOURS[r.status]}>{t(`library.statuses.${r.status}`)}</Tag>
          <Tag color="cyan">{t(`library.publishLevels.${r.publishLevel}`)}</Tag>
        </Space>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="resource-title">
          {r.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('library.resource.by', { author: r.author.displayName, school: pickName(r.school.names, language) })} ·{' '}
          {formatDateTime(r.publishedAt ?? r.updatedAt, language)}
        </Typography.Text>
        {actions}
        {offerReuse && !licenceAllows && (
          <Typography.Text type="secondary" data-testid="adapt-refused-hint">
            {t('library.resource.adaptNotAllowed')}
          </Typography.Text>
        )}
      </Flex>

      {r.pendingSubmission && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('library.resource.pending', { level: t(`library.publishLevels.${r.pendingSubmission.level}`) })}
          action={r.permissions.review && <Link to="/library/reviews">{t('library.resource.reviewNow')}</Link>}
        />
      )}

      <Row gutter={[24, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            {targets.length > 0 && (
              <Flex align="center" gap="small" wrap style={{ marginBottom: 12 }}>
                <Typography.Text>{t('library.resource.readIn')}</Typography.Text>
                <Segmented
                  value={display ?? 'original'}
                  onChange={(v) => setDisplay(String(v))}
                  options={[
                    { value: 'original', label: `${t('library.resource.original')} · ${t(`library.languageTags.${r.language}`)}` },
                    ...targets.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) })),
                  ]}
                  data-testid="display-switch"
                />
              </Flex>
            )}
            {r.display && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('library.resource.machineConverted')}
                data-testid="machine-converted"
              />
            )}
            {r.summary && (
              <Typography.Paragraph style={{ fontSize: 15 }} data-testid="resource-summary">
                {r.summary}
              </Typography.Paragraph>
            )}
            {r.body ? <SafeHtml html={r.body} testId="resource-body" /> : null}
          </Card>
          <Tabs
            style={{ marginTop: 16 }}
            items={[
              { key: 'files', label: `${t('library.resource.files')} (${r.files.length})`, children: <ResourceFiles files={r.files} /> },
              {
                key: 'ratings',
                label: t('library.resource.ratings'),
                children: (
                  <ResourceRatings key={`${r.id}:${r.mine.rating?.stars ?? 0}`} resource={r} canRate={!!me && me.id !== r.authorId} />
                ),
              },
              { key: 'versions', label: t('library.versions.title'), children: <ResourceVersions resource={r} /> },
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('library.resource.details')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('library.resource.licence')}>{t(`library.licences.${r.licence}`)}</Descriptions.Item>
              <Descriptions.Item label={t('library.resource.level')}>{t(`library.publishLevels.${r.publishLevel}`)}</Descriptions.Item>
              {r.grades.length > 0 && (
                <Descriptions.Item label={t('library.resource.grades')}>
                  {r.grades.map((n) => t('library.grades.g', { n })).join('、')}
                </Descriptions.Item>
              )}
              {r.keywords.length > 0 && (
                <Descriptions.Item label={t('library.resource.keywords')}>
                  <Space size={4} wrap>
                    {r.keywords.map((k) => (
                      <Link key={k} to={`/library/search?q=${encodeURIComponent(k)}`}>
                        <Tag>{k}</Tag>
                      </Link>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              {r.aiCompetencies.length > 0 && (
                <Descriptions.Item label={t('library.resource.competencies')}>
                  <Space size={4} wrap>
                    {r.aiCompetencies.map((c) => (
                      <Tag key={c.competency} color="geekblue">
                        {t(`library.competencies.${c.competency}`)} · {t(`library.competencyLevels.${c.level}`)}
                      </Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {r.authorId === me?.id && <ReviewHistory resourceId={r.id} />}
          <Card size="small" title={t('library.resource.lineage')} data-testid="resource-lineage">
            {r.adaptedFrom && (
              <div style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('library.resource.adaptedFrom')}: </Typography.Text>
                <Link to={`/library/resources/${r.adaptedFrom.id}`}>{r.adaptedFrom.title}</Link>
              </div>
            )}
            <Typography.Text type="secondary">{t('library.resource.adaptations')}</Typography.Text>
            {r.adaptations.length ? (
              <ul style={{ paddingInlineStart: 20, margin: '4px 0 0' }}>
                {r.adaptations.map((a) => (
                  <li key={a.id}>
                    <Link to={`/library/resources/${a.id}`}>{a.title}</Link> <LanguageTag language={a.language} />
                    {a.kind && <Tag>{t(a.kind === 'edition' ? 'library.resource.kindEdition' : 'library.resource.kindAdaptation')}</Tag>}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.resource.noAdaptations')} />
            )}
          </Card>
        </Col>
      </Row>
      <SubmitModal resource={r} open={submitOpen} onClose={() => setSubmitOpen(false)} />
    </div>
  );
}
