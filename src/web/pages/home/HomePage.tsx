import { Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROLES } from '../../../shared/roles.ts';
import { useMe } from '../../api/me.ts';
import { NAV, rolesOf, visibleNav } from '../../app/navigation.tsx';
import { MembershipLine } from '../../components/MembershipPlace.tsx';

/** A welcome that tells each user where they stand and what they can do today. */
export default function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  if (!me) return null;
  const held = rolesOf(me);
  const roles = ROLES.filter((r) => held.has(r));
  const actions = visibleNav(me).filter((e) => e.key !== 'home');
  const upcoming = NAV.filter((e) => !e.ready && (e.roles === 'everyone' || e.roles.some((r) => held.has(r))));

  return (
    <Flex vertical gap="large" style={{ maxWidth: 1100 }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }} data-testid="welcome">
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
      </div>

      <Card title={t('home.yourPlaces')} size="small">
        {me.memberships.length === 0 ? (
          <Typography.Text type="secondary">{t('home.noMemberships')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={me.memberships}
            renderItem={(m) => (
              <List.Item>
                <MembershipLine membership={m} />
              </List.Item>
            )}
          />
        )}
        {roles.map((role) => (
          <Typography.Paragraph key={role} style={{ marginTop: 12, marginBottom: 0 }}>
            {t(`home.roleIntro.${role}`)}
          </Typography.Paragraph>
        ))}
      </Card>

      <div>
        <Typography.Title level={4}>{t('home.whatYouCanDo')}</Typography.Title>
        <Row gutter={[16, 16]}>
          {actions.map((entry) => (
            <Col key={entry.key} xs={24} sm={12} lg={8}>
              <Card hoverable size="small" onClick={() => void navigate(entry.path)} style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 22, color: '#0b6e99' }}>{entry.icon}</span>}
                  title={t(entry.labelKey)}
                  description={t(`navHints.${entry.key}`)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </div>

      {upcoming.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('home.comingSoon')} </Typography.Text>
          {upcoming.map((e) => (
            <Tag key={e.key} icon={e.icon} style={{ marginBlock: 4 }}>
              {t(e.labelKey)}
            </Tag>
          ))}
        </div>
      )}
    </Flex>
  );
}
