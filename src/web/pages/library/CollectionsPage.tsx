import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, Empty, Form, Input, List, Modal, Row, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../../shared/languages.ts';
import { PUBLISH_LEVELS, type PublishLevel } from '../../../shared/library.ts';
import {
  useCollection,
  useCollectionItem,
  useCollections,
  useCreateCollection,
  useUpdateCollection,
  type Collection,
} from '../../api/library.ts';
import { LanguageTag } from './LanguageTag.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';

/** Collections: mine and those shared with me; create, change who sees one, remove items. */
export default function CollectionsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ title: string; description?: string; language: ContentLanguage; publishLevel: PublishLevel }>();
  const collections = useCollections(scope);
  const create = useCreateCollection();
  const items = collections.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('library.collections.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={collections.isError}>
            {t('library.collections.create')}
          </Button>
        }
      >
        {t('library.collections.intro')}
      </PageHeader>
      {collections.isError ? (
        <Alert type="info" showIcon title={t('library.collections.unavailable')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={10}>
            <Segmented
              style={{ marginBottom: 12 }}
              value={scope}
              onChange={(v) => setScope(v as 'mine' | 'all')}
              options={[
                { value: 'mine', label: t('library.collections.mine') },
                { value: 'all', label: t('library.collections.all') },
              ]}
            />
            <List
              bordered
              loading={collections.isPending}
              dataSource={items}
              locale={{ emptyText: t('library.collections.empty') }}
              renderItem={(c) => (
                <List.Item
                  onClick={() => setSelected(c.id)}
                  style={{ cursor: 'pointer', background: selected === c.id ? '#e6f4ff' : undefined }}
                >
                  <List.Item.Meta title={c.title} description={t(`library.publishLevels.${c.publishLevel}`)} />
                </List.Item>
              )}
            />
          </Col>
          <Col xs={24} md={14}>
            {selected && <CollectionDetail id={selected} editable={scope === 'mine'} />}
          </Col>
        </Row>
      )}
      <Modal
        open={creating}
        title={t('library.collections.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setCreating(false)}
        okButtonProps={{ loading: create.isPending }}
        onOk={() =>
          void form.validateFields().then((values) =>
            create.mutate(values, {
              onSuccess: (c) => {
                void message.success(t('library.collections.created'));
                setCreating(false);
                form.resetFields();
                setSelected(c.id);
              },
            }),
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ language: 'zh-Hans', publishLevel: 'private' }}>
          <Form.Item
            name="title"
            label={t('library.collections.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('library.collections.description')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="language" label={t('library.collections.language')}>
            <Select options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) }))} />
          </Form.Item>
          <Form.Item name="publishLevel" label={t('library.collections.level')}>
            <Select options={PUBLISH_LEVELS.map((l) => ({ value: l, label: t(`library.publishLevels.${l}`) }))} />
          </Form.Item>
        </Form>
        <ErrorAlert error={create.error} />
      </Modal>
    </>
  );
}

function CollectionDetail({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const collection = useCollection(id);
  const update = useUpdateCollection(id);
  const item = useCollectionItem();
  const c: Collection | undefined = collection.data;
  if (collection.error) return <ErrorAlert error={collection.error} />;
  if (!c) return null;
  return (
    <Card
      size="small"
      title={c.title}
      extra={
        editable && (
          <Select
            size="small"
            style={{ width: 180 }}
            value={c.publishLevel}
            options={PUBLISH_LEVELS.map((l) => ({ value: l, label: t(`library.publishLevels.${l}`) }))}
            onChange={(publishLevel) =>
              update.mutate(
                { version: c.version, patch: { publishLevel } },
                { onSuccess: () => void message.success(t('library.collections.saved')), onError: (e) => void message.error(errorText(e)) },
              )
            }
          />
        )
      }
    >
      {c.description && <Typography.Paragraph type="secondary">{c.description}</Typography.Paragraph>}
      {c.items?.length ? (
        <List
          size="small"
          dataSource={c.items}
          renderItem={(it) => (
            <List.Item
              key={it.resource.id}
              actions={
                editable
                  ? [
                      <Button
                        key="remove"
                        size="small"
                        onClick={() =>
                          item.mutate(
                            { collectionId: c.id, resourceId: it.resource.id, add: false },
                            {
                              onSuccess: () => void message.success(t('library.collections.removed')),
                              onError: (e) => void message.error(errorText(e)),
                            },
                          )
                        }
                      >
                        {t('library.collections.remove')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Link to={`/library/resources/${it.resource.id}`}>{it.resource.title}</Link> <LanguageTag language={it.resource.language} />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.collections.noItems')} />
      )}
    </Card>
  );
}
