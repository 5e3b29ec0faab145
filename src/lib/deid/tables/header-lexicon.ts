/**
 * Column-header vocabulary for guessing what a column holds, in simplified and traditional Chinese,
 * English and (for Macao) Portuguese. Order matters: the first matching rule wins, so specific headers
 * ("家长电话", "出生日期") come before general ones ("电话", "日期").
 */
export type ColumnRole = 'direct_identifier' | 'quasi_identifier' | 'sensitive' | 'other';

export interface HeaderRule {
  role: ColumnRole;
  /** Entity type in the vocabulary of ../detect.ts (or a column kind for quasi-identifiers). */
  entity: string;
  pattern: RegExp;
}

// Headers are normalised (NFKC, lower case, spaces/underscores/hyphens removed) before matching.
export const HEADER_RULES: readonly HeaderRule[] = [
  // Direct identifiers
  {
    role: 'direct_identifier',
    entity: 'CN_RESIDENT_ID',
    pattern: /身份证|身份證|公民身份|idcard|identitycard|residentid|^id(no|number)$|cartaodeidentidade|^bir$|^birno|^bir(number|nº)/,
  },
  { role: 'direct_identifier', entity: 'HK_ID', pattern: /hkid|香港身份/ },
  { role: 'direct_identifier', entity: 'HMT_PERMIT', pattern: /回乡证|回鄉證|通行证|通行證|台胞证|台胞證/ },
  { role: 'direct_identifier', entity: 'PASSPORT', pattern: /护照|護照|passport|passaporte/ },
  {
    role: 'direct_identifier',
    entity: 'STUDENT_ID',
    pattern:
      /学号|學號|学籍号|學籍號|学生编号|學生編號|studentid|studentno|studentnumber|^sid$|númerodealuno|numerodealuno|准考证|准考證|strn/,
  },
  {
    role: 'direct_identifier',
    entity: 'PHONE',
    pattern: /电话|電話|手机|手機|联系方式|聯絡方式|phone|mobile|^tel|telefone|telemóvel|telemovel/,
  },
  { role: 'direct_identifier', entity: 'EMAIL', pattern: /邮箱|郵箱|电子邮件|電子郵件|電郵|email|e?mail|correio/ },
  { role: 'direct_identifier', entity: 'ADDRESS', pattern: /住址|地址|address|morada|endereço|endereco/ },
  { role: 'direct_identifier', entity: 'BANK_CARD', pattern: /银行卡|銀行卡|银行账号|銀行賬號|bankaccount|cardnumber/ },
  {
    role: 'direct_identifier',
    entity: 'PERSON',
    pattern: /姓名|名字|家长|家長|监护人|監護人|^name$|fullname|studentname|firstname|lastname|surname|guardian|parent|^nome/,
  },
  { role: 'direct_identifier', entity: 'ACCOUNT', pattern: /微信|wechat|^qq|用户名|用戶名|username|账号|賬號|帳號/ },
  // Quasi-identifiers
  { role: 'quasi_identifier', entity: 'DATE_OF_BIRTH', pattern: /出生|生日|birth|dob|datadenascimento|nascimento/ },
  { role: 'quasi_identifier', entity: 'GENDER', pattern: /性别|性別|gender|^sex$|sexo/ },
  { role: 'quasi_identifier', entity: 'AGE', pattern: /年龄|年齡|^age$|^ageyears$|idade/ },
  {
    role: 'quasi_identifier',
    entity: 'GEOGRAPHY',
    pattern:
      /地区|地區|区域|區域|行政区|行政區|^区$|^區$|district|region|城市|^city$|省份|province|籍贯|籍貫|户籍|戶籍|邮编|郵編|postcode|zipcode|freguesia|堂區|堂区/,
  },
  { role: 'quasi_identifier', entity: 'SCHOOL', pattern: /学校|學校|school|escola|校名/ },
  {
    role: 'quasi_identifier',
    entity: 'GRADE_LEVEL',
    pattern: /年级|年級|^grade$|gradelevel|yeargroup|^form$|班级|班級|^class$|ano(escolar|lectivo)?$/,
  },
  { role: 'quasi_identifier', entity: 'ETHNICITY', pattern: /民族|ethnic|国籍|國籍|nationality|nacionalidade/ },
  { role: 'quasi_identifier', entity: 'ENROLMENT_YEAR', pattern: /入学|入學|enrol|enroll|admission/ },
  // Sensitive attributes
  {
    role: 'sensitive',
    entity: 'HEALTH',
    pattern: /健康|病|医疗|醫療|体检|體檢|过敏|過敏|health|medical|illness|disease|allerg|saúde|saude/,
  },
  { role: 'sensitive', entity: 'SPECIAL_NEEDS', pattern: /残疾|殘疾|特殊教育|特教|sen$|specialneeds|disabilit|融合教育/ },
  { role: 'sensitive', entity: 'MENTAL_HEALTH', pattern: /心理|mental|counsel|辅导记录|輔導記錄/ },
  { role: 'sensitive', entity: 'RELIGION', pattern: /宗教|信仰|religio|religião/ },
  { role: 'sensitive', entity: 'POLITICAL', pattern: /政治面貌|党派|黨派|political/ },
  {
    role: 'sensitive',
    entity: 'FINANCIAL',
    pattern: /收入|低保|综援|綜援|资助|資助|贫困|貧困|income|subsid|allowance|financialaid|bursary/,
  },
  { role: 'sensitive', entity: 'DISCIPLINE', pattern: /处分|處分|违纪|違紀|disciplin|sanction/ },
  {
    role: 'sensitive',
    entity: 'ACADEMIC_RESULT',
    pattern: /成绩|成績|分数|分數|得分|score|^marks?$|exammark|result|exam|考试|考試|nota|classificação|gpa/,
  },
];

/**
 * Normalises a column header for matching: NFKC (full-width → ASCII), lower case, separators removed.
 * @example normaliseHeader('Student_ID ') // → 'studentid'
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./:：()（）[\]【】#*]+/g, '');
}

/**
 * The first vocabulary rule whose pattern matches the header, if any.
 * @example matchHeader('身份證號碼')?.role // → 'direct_identifier'
 */
export function matchHeader(header: string): HeaderRule | undefined {
  const h = normaliseHeader(header);
  if (h === '') return undefined;
  return HEADER_RULES.find((r) => r.pattern.test(h));
}
