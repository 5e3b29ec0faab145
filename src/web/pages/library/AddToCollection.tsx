import { FolderAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCollectionItem, useCollections } from '../../api/library.ts';
import { useErrorText } from '../../components/useErrorText.ts';

/** "Add to collection": a menu of my collections (hidden while the server has no collections). */
export function AddToCollection({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const collections = useCollections('mine');
  const item = useCollectionItem();
  const mine = collections.data?.items ?? [];
  if (collections.isError || !mine.length) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: mine.map((c) => ({ key: c.id, label: c.title })),
        onClick: ({ key }) =>
          item.mutate(
            { collectionId: key, resourceId, add: true },
            { onSuccess: () => void message.success(t('library.collections.added')), onError: (e) => void message.error(errorText(e)) },
          ),
      }}
    >
      <Button icon={<FolderAddOutlined />}>{t('library.resource.addToCollection')}</Button>
    </Dropdown>
  );
}
