import { GlobalOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Marks an item that came from another node, naming that node (its provenance). */
export function ProvenanceBadge({ origin }: { origin: { name: string; url?: string } }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={origin.url ? t('federation.provenance.tooltip', { url: origin.url }) : undefined}>
      <Tag icon={<GlobalOutlined />} color="purple" data-testid="provenance-badge">
        {t('federation.provenance.from', { node: origin.name })}
      </Tag>
    </Tooltip>
  );
}

/** Marker the server puts in a federated search document's `externalId` (federation.pull.ts). */
const FEDERATED_PREFIX = 'federated:';

/**
 * For a search hit received from another node: link to its federated item page and show where it came
 * from. Nothing for the node's own resources.
 */
export function federatedCardProps(hit: { id: string; externalId: string | null }): { to?: string; extra?: ReactNode } {
  if (!hit.externalId?.startsWith(FEDERATED_PREFIX)) return {};
  return { to: `/federation/items/${hit.id}`, extra: <ProvenanceBadge origin={{ name: hit.externalId.slice(FEDERATED_PREFIX.length) }} /> };
}
