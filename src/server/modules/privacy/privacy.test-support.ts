import type { FastifyInstance } from 'fastify';
import type { Session } from '../../test/test-app.ts';

/** Invented pupils (no real person): name, student number, age, gender, district, score, phone. */
const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '何', '吴'];
const GIVEN = ['子轩', '嘉怡', '俊熙', '欣妍', '浩然', '思彤', '梓航', '晓晴'];
const DISTRICTS = ['南沙区', '天河区', '番禺区', '越秀区'];

/**
 * A CSV of `n` invented pupils. `ids` lets two files share student numbers (pseudonym linkage tests);
 * `phones` adds a phone column (outbound-check tests).
 */
export function pupilsCsv(n: number, opts: { from?: number; phones?: boolean; seed?: number; minAge?: number } = {}): string {
  const header = ['学号', '姓名', '年龄', '性别', '地区', '成绩', ...(opts.phones ? ['电话'] : [])];
  const lines = [header.join(',')];
  const seed = opts.seed ?? 1;
  for (let i = 0; i < n; i++) {
    const k = i + seed;
    const id = `S${String(20_260_000 + (opts.from ?? 0) + i)}`;
    const name = SURNAMES[k % SURNAMES.length] + GIVEN[(k * 3) % GIVEN.length];
    const age = (opts.minAge ?? 15) + (k % 3);
    const gender = k % 2 ? '男' : '女';
    const district = DISTRICTS[k % DISTRICTS.length];
    const score = 50 + ((k * 7) % 50);
    const phone = `1380013${String(1000 + i).padStart(4, '0')}`;
    lines.push([id, name, age, gender, district, score, ...(opts.phones ? [phone] : [])].join(','));
  }
  return lines.join('\n') + '\n';
}

/** A multipart/form-data body with one file and some fields, for `app.inject`. */
export function multipart(file: { name: string; content: string | Buffer }, fields: Record<string, string>) {
  const boundary = '----edubridge-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
  );
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(app: FastifyInstance, session: Session, csv: string, fields: Record<string, string> = {}) {
  const body = multipart({ name: 'pupils.csv', content: csv }, { name: 'Invented pupils', category: 'assessment_results', ...fields });
  return app.inject({
    method: 'POST',
    url: '/api/v1/privacy/datasets',
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
}

/** The policy a steward would pick for {@link pupilsCsv}: pseudonymised ids, generalised quasi-identifiers. */
export function pupilPolicy(k: number, extra: Record<string, unknown> = {}) {
  return {
    k,
    columns: {
      学号: { role: 'direct_identifier', operator: 'pseudonym', entity: 'STUDENT_ID' },
      姓名: { role: 'direct_identifier', operator: 'drop' },
      年龄: { role: 'quasi_identifier', operator: 'generalise', kind: 'number', band: 5 },
      性别: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: 'flat' },
      地区: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: 'gba-geography' },
      成绩: { role: 'sensitive', operator: 'keep' },
      ...extra,
    },
  };
}
