import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UiLanguage } from '../../../shared/languages.ts';
import { useBellNotifications, useMarkNotificationsRead } from '../../api/notifications.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { notificationTarget, useNotificationText } from './useNotificationText.ts';

/** The header bell: unread count, the newest notifications; a click opens the notification's link and marks it read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useBellNotifications();
  const mark = useMarkNotificationsRead();
  const text = useNotificationText();
  if (notifications.isError) return null;
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unreadCount ?? 0;
  const go = (path: string) => {
    setOpen(false);
    void navigate(path);
  };

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
                const target = notificationTarget(n);
                if (target) go(target);
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
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Button type="link" size="small" onClick={() => go('/notifications')} data-testid="notifications-all">
          {t('notifications.viewAll')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title')}</span>
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => mark.mutate('all')}>
              {t('notifications.markAllRead')}
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
          aria-label={t('notifications.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
