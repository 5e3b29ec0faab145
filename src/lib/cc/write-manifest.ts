import { XMLBuilder } from 'fast-xml-parser';

export type WriteVersion = '1.1' | '1.3';

export interface ManifestResourceOut {
  identifier: string;
  type: string;
  href?: string;
  files: string[];
  dependencies: string[];
}

export interface ManifestOut {
  identifier: string;
  title: string;
  description?: string;
  language?: string;
  units: { identifier: string; title: string; items: { identifier: string; title: string; ref: string }[] }[];
  resources: ManifestResourceOut[];
}

/** Namespaces and schema locations of each version's manifest (CC 1.1 and 1.3 profiles of IMS CP 1.2). */
const PROFILE = {
  '1.1': { p: 'imsccv1p1', ccp: 'ccv1p1', schemaversion: '1.1.0' },
  '1.3': { p: 'imsccv1p3', ccp: 'ccv1p3', schemaversion: '1.3.0' },
} as const;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** `imsmanifest.xml` for one organisation (units → items), with LOM title, description and language. */
export function buildManifest(m: ManifestOut, version: WriteVersion): string {
  const { p, ccp, schemaversion } = PROFILE[version];
  const lang = m.language ? { '@_language': m.language } : {};
  const langString = (s: string) => ({ 'lomimscc:string': { ...lang, '#text': s } });
  const general: Record<string, unknown> = { 'lomimscc:title': langString(m.title) };
  if (m.language) general['lomimscc:language'] = m.language;
  if (m.description) general['lomimscc:description'] = langString(m.description);

  const manifest = {
    '@_identifier': m.identifier,
    '@_xmlns': `http://www.imsglobal.org/xsd/${p}/imscp_v1p1`,
    '@_xmlns:lomimscc': `http://ltsc.ieee.org/xsd/${p}/LOM/manifest`,
    '@_xmlns:lom': `http://ltsc.ieee.org/xsd/${p}/LOM/resource`,
    '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    '@_xsi:schemaLocation': [
      `http://www.imsglobal.org/xsd/${p}/imscp_v1p1 http://www.imsglobal.org/profile/cc/${ccp}/${ccp}_imscp_v1p2_v1p0.xsd`,
      `http://ltsc.ieee.org/xsd/${p}/LOM/manifest http://www.imsglobal.org/profile/cc/${ccp}/LOM/${ccp}_lommanifest_v1p0.xsd`,
      `http://ltsc.ieee.org/xsd/${p}/LOM/resource http://www.imsglobal.org/profile/cc/${ccp}/LOM/${ccp}_lomresource_v1p0.xsd`,
    ].join(' '),
    metadata: { schema: 'IMS Common Cartridge', schemaversion, 'lomimscc:lom': { 'lomimscc:general': general } },
    organizations: {
      organization: {
        '@_identifier': 'ORG',
        '@_structure': 'rooted-hierarchy',
        item: {
          '@_identifier': 'ROOT',
          item: m.units.map((u) => ({
            '@_identifier': u.identifier,
            title: u.title,
            item: u.items.map((i) => ({ '@_identifier': i.identifier, '@_identifierref': i.ref, title: i.title })),
          })),
        },
      },
    },
    resources: {
      resource: m.resources.map((r) => ({
        '@_identifier': r.identifier,
        '@_type': r.type,
        ...(r.href ? { '@_href': r.href } : {}),
        file: r.files.map((f) => ({ '@_href': f })),
        dependency: r.dependencies.map((d) => ({ '@_identifierref': d })),
      })),
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ manifest }) as string}`;
}

const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' });

export function buildWebLink(title: string, url: string, version: WriteVersion): string {
  const ns = `http://www.imsglobal.org/xsd/${PROFILE[version].p}/imswl_v1p${version === '1.1' ? 1 : 3}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build({ webLink: { '@_xmlns': ns, title, url: { '@_href': url } } }) as string}`;
}

export function buildDiscussion(title: string, html: string, version: WriteVersion): string {
  const ns = `http://www.imsglobal.org/xsd/${PROFILE[version].p}/imsdt_v1p${version === '1.1' ? 1 : 3}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build({ topic: { '@_xmlns': ns, title, text: { '@_texttype': 'text/html', '#text': html } } }) as string}`;
}

export function buildBasicLti(title: string, url: string): string {
  const link = {
    '@_xmlns': 'http://www.imsglobal.org/xsd/imslticc_v1p0',
    '@_xmlns:blti': 'http://www.imsglobal.org/xsd/imsbasiclti_v1p0',
    '@_xmlns:lticm': 'http://www.imsglobal.org/xsd/imslticm_v1p0',
    '@_xmlns:lticp': 'http://www.imsglobal.org/xsd/imslticp_v1p0',
    'blti:title': title,
    'blti:launch_url': url,
    ...(url.startsWith('https:') ? { 'blti:secure_launch_url': url } : {}),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build({ cartridge_basiclti_link: link }) as string}`;
}

/** A complete HTML document for a page body, so LMSs that open the file directly show it properly. */
export function buildPageDocument(title: string, body: string, language?: string): string {
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lang = language ? ` lang="${language.replace(/[^A-Za-z0-9-]/g, '')}"` : '';
  return `<!DOCTYPE html>\n<html${lang}>\n<head>\n<meta charset="utf-8">\n<title>${esc}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
