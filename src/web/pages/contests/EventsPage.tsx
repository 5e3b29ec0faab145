import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelSignUp, useEvents, useSignUp } from '../../api/contests.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { CreateEventModal } from './CreateEventModal.tsx';
import { useCanOrganise } from './OrganiserSelect.tsx';

/** The events calendar: lectures, science days, visits — seats left, sign up, or join the waitlist. */
export default function EventsPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data, isLoading, error } = useEvents();
  const signUp = useSignUp();
  const cancel = useCancelSignUp();
  const [now] = useState(() => Date.now());
  const canOrganise = useCanOrganise();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('contests.events.title')}
        extra={
          canOrganise && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-event">
              {t('contests.createEvent.action')}
            </Button>
          )
        }
      >
        {t('contests.events.intro')}
      </PageHeader>
      <CreateEventModal open={creating} onClose={() => setCreating(false)} />
      <ErrorAlert error={error ?? signUp.error ?? cancel.error} style={{ marginBottom: 12 }} />
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('contests.events.empty')} /> }}
        renderItem={(ev) => {
          const full = ev.seatsTaken >= ev.capacity;
          const started = Date.parse(ev.startsAt) < now;
          return (
            <Card
              size="small"
              style={{ marginBottom: 12 }}
              data-testid={`event-${ev.id}`}
              title={
                <Space>
                  <Tag color="cyan">{t(`contests.eventKinds.${ev.kind}`)}</Tag>
                  {ev.title}
                </Space>
              }
              extra={
                ev.mySignup &&
                ev.mySignup.status !== 'cancelled' && (
                  <Tag color={ev.mySignup.status === 'confirmed' ? 'green' : 'orange'}>
                    {t(`contests.signupStatuses.${ev.mySignup.status}`)}
                  </Tag>
                )
              }
            >
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {formatDateTime(ev.startsAt, language)} · {ev.location} · {ev.organiserName}
              </Typography.Paragraph>
              {ev.description && <Typography.Paragraph type="secondary">{ev.description}</Typography.Paragraph>}
              <Typography.Paragraph>
                {t('contests.events.seats', { taken: ev.seatsTaken, capacity: ev.capacity, waiting: ev.waitlisted })}
              </Typography.Paragraph>
              {!started &&
                (ev.mySignup && ev.mySignup.status !== 'cancelled' ? (
                  <Button onClick={() => cancel.mutate(ev.id)} loading={cancel.isPending}>
                    {t('contests.events.cancel')}
                  </Button>
                ) : (
                  <Button type="primary" onClick={() => signUp.mutate(ev.id)} loading={signUp.isPending}>
                    {full ? t('contests.events.joinWaitlist') : t('contests.events.signUp')}
                  </Button>
                ))}
            </Card>
          );
        }}
      />
    </>
  );
}
