import { useResourceJsonLd } from '../../api/library.ts';

/**
 * The schema.org description of a public resource as a JSON-LD data block. `type="application/ld+json"`
 * is data, not script: the browser never runs it, so CSP `script-src 'self'` is not involved. `<` is
 * escaped so no string inside can close the element.
 */
export function JsonLd({ resourceId, enabled }: { resourceId: string; enabled: boolean }) {
  const { data } = useResourceJsonLd(resourceId, enabled);
  if (!data) return null;
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return (
    <script type="application/ld+json" data-testid="resource-jsonld">
      {json}
    </script>
  );
}
