import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UiLanguage } from '../../../shared/languages.ts';
import { useMarkNotificationsRead, useNotifications, type Notification } from '../../api/library.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { notificationKey } from './labels.ts';

/** A notification in words, with its data (title, level) as the values. */
function useNotificationText() {
  const { t } = useTranslation();
  return (n: Notification) => {
    const level = typeof n.data.level === 'string' ? t(`library.publishLevels.${n.data.level}`) : '';
    return t(notificationKey(n.kind), { title: String(n.data.title ?? ''), level });
  };
}

/** The header bell: unread count, the newest notifications, a click opens the resource and marks it read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const notifications = useNotifications(true);
  const mark = useMarkNotificationsRead();
  const text = useNotificationText();
  if (notifications.isError) return null;
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unreadCount ?? 0;

  const content = (
    <div style={{ width: 340 }}>
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', background: n.read ? undefined : '#e6f4ff', paddingInline: 8 }}
              onClick={() => {
                if (!n.read) mark.mutate(n.id);
                if (n.resourceId) void navigate(`/library/resources/${n.resourceId}`);
              }}
            >
              <Flex vertical>
                <Typography.Text>{text(n)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt, i18n.language as UiLanguage)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          <span>{t('library.notifications.title')}</span>
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => mark.mutate('all')}>
              {t('library.notifications.markAllRead')}
            </Button>
          )}
        </Flex>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          aria-label={t('library.notifications.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
