import { Badge, Button, Col, Empty, Flex, List, Row, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UiLanguage } from '../../../shared/languages.ts';
import { useMarkNotificationsRead, useNotificationList, useNotificationPreferences } from '../../api/notifications.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { NotificationPreferencesCard } from './NotificationPreferencesCard.tsx';
import { notificationTarget, useNotificationText } from './useNotificationText.ts';

/** /notifications: everything I have been told, newest first; mark read; how I want to hear. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(unreadOnly);
  const mark = useMarkNotificationsRead();
  const preferences = useNotificationPreferences();
  const text = useNotificationText();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.pageTitle')}
        extra={
          <Button
            onClick={() => mark.mutate('all')}
            disabled={unreadCount === 0}
            loading={mark.isPending && mark.variables === 'all'}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: `${t('notifications.unread')} (${unreadCount})` },
            ]}
            style={{ marginBottom: 12 }}
          />
          <ErrorAlert error={list.error ?? mark.error} style={{ marginBottom: 12 }} />
          {list.isPending ? (
            <Spin />
          ) : items.length === 0 ? (
            <Empty description={t('notifications.empty')} />
          ) : (
            <List
              bordered
              dataSource={items}
              data-testid="notifications-list"
              renderItem={(n) => {
                const target = notificationTarget(n);
                return (
                  <List.Item
                    style={{ background: n.read ? undefined : '#e6f4ff' }}
                    actions={
                      n.read
                        ? []
                        : [
                            <Button key="read" type="link" size="small" onClick={() => mark.mutate(n.id)}>
                              {t('notifications.markRead')}
                            </Button>,
                          ]
                    }
                  >
                    <Flex vertical gap={2}>
                      <Flex gap="small" align="center">
                        {!n.read && <Badge status="processing" text={null} aria-label={t('notifications.unreadBadge')} />}
                        {target ? (
                          <Typography.Link
                            onClick={() => {
                              if (!n.read) mark.mutate(n.id);
                              void navigate(target);
                            }}
                          >
                            {text(n)}
                          </Typography.Link>
                        ) : (
                          <Typography.Text>{text(n)}</Typography.Text>
                        )}
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt, i18n.language as UiLanguage)}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                );
              }}
            />
          )}
          {list.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('notifications.loadMore')}
              </Button>
            </Flex>
          )}
        </Col>
        <Col xs={24} lg={9}>
          {preferences.data ? <NotificationPreferencesCard preferences={preferences.data} /> : <ErrorAlert error={preferences.error} />}
        </Col>
      </Row>
    </>
  );
}
