/**
 * A small hand-written held-out set, written after the detector was tuned on the generated corpus and
 * never used for tuning: other phrasings, other templates, other names. Markup `[[TYPE:value]]` marks gold
 * spans; `parseMarkup` turns it into text + offsets. All people, numbers and addresses are invented.
 */
import type { CorpusDoc } from './generate-corpus.ts';
import { HOLDOUT_2_STYLES } from './holdout-docs-2.ts';

const DOCS = [
  '期中家长会签到：[[PERSON:侯思齐]]（[[PERSON:侯明远]]的父亲），手机[[PHONE:15920381746]]。',
  '今天[[PERSON:龚一鸣]]在课上分享了他做的垃圾分类识别模型，准确率 87%，第 3 组其余同学也很投入。',
  '[[PERSON:陳]]老師：[[PERSON:梁嘉俊]]今日發燒，請假一天。家長[[PERSON:梁志強]]，[[PHONE:6123 8890]]。',
  '本單元共 6 課時，參考《人工智能與生活》第二版（ISBN 978-962-07-5571-3），練習第 45 至 52 頁。',
  'Hi Ms [[PERSON:Tsang]], this is [[PERSON:Winnie Lau]] (mum of [[PERSON:Lau Chun-hei]], 3B). He has a dental appointment on 14 March, so he will miss the robotics session.',
  'Registration — Name: [[PERSON:Ng Ka Lok]]; HKID: [[HK_ID:Y654321(0)]]; D.O.B.: [[DATE_OF_BIRTH:02/11/2012]]; Email: [[EMAIL:kalok.ng@kids.example.hk]]',
  '報名表｜姓名：[[PERSON:黃卓琳]]｜出生日期：[[DATE_OF_BIRTH:2011年7月3日]]｜回鄉證：[[HMT_PERMIT:H70213345]]｜電話：[[PHONE:+852 6890 1123]]',
  '同學們注意：週五下午 3:45 在禮堂集合，帶備文具及學生手冊。',
  '尊敬的家长：您的孩子[[PERSON:田雨桐]]（学籍号 [[STUDENT_ID:G440305201104120026]]）已被选入校队，请于 9 月 20 日前回执。',
  'Caro encarregado de educação, o aluno [[PERSON:Tomás Ferreira Leong]] mora na [[ADDRESS:Rua da Praia Grande, n.º 45, 3.º andar C, Macau]]. Contacto: [[PHONE:+853 6234 5678]].',
  '澳門學生資料：[[PERSON:鄭家俊]]，澳門居民身份證 [[MO_ID:5215671(3)]]，住址[[ADDRESS:澳門罅些喇提督大馬路88號海灣花園12樓B座]]。',
  '教研记录：本节课的难点是“周期”与“频率”的区别，学生陈述时常混淆，高明的做法是先画图。',
  'Accommodation for the Wuhan visit: teacher [[PERSON:Alan Cheung]] will share a room with [[PERSON:Ho Wing-sze]]. Hotel booking ref 88231907, room 1203.',
  '奖学金发放名单：[[PERSON:蒋欣妍]] [[BANK_CARD:6217 0000 1234 5678]] 不通过校验，请重新核对；[[PERSON:尹浩然]] 卡号 [[BANK_CARD:6222 6200 3214 5897]]。',
  'Server alert: repeated failed logins to the LMS from [[IP_ADDRESS:119.29.44.201]] between 02:10 and 02:40.',
  '深圳市南山区某校与香港某校合作开展 AI 课程，共 120 名学生参与，平均成绩提高 12.5 分。',
  '地址更正：[[ADDRESS:湖北省武汉市洪山区珞喻路1037号]]，收件人[[PERSON:孔令辉]]，电话[[PHONE:027-87541234]]。',
  '[[PERSON:CHEUNG, Hoi Yan]] — Form 4 — Student No. [[STUDENT_ID:20190877]] — Passport [[PASSPORT:K03124567]]',
  'Mark scheme: Q1 (4 marks), Q2 (6 marks), total 50 marks; pass mark 25. Submit by 30/06/2025.',
  '家長[[PERSON:歐陽靜儀]]女士：貴子弟將於 2025 年 7 月 8 日參加大灣區交流團，集合地點為九龍塘地鐵站 B 出口。',
  '今天数学课学了勾股定理，[[PERSON:王]]老师布置了第 35 页的 1-6 题。',
  'Contact Dr [[PERSON:Maria Lopes]] at [[EMAIL:m.lopes@uni.example.mo]] or [[PHONE:(853) 2883 1234]] before Friday.',
  '学生[[PERSON:司马宇航]]身份证号[[CN_RESIDENT_ID:440106201003150014]]，出生于[[DATE_OF_BIRTH:2010年3月15日]]。',
  '下周一起，高一年级的体育课改在北区运动场进行，时间不变。',
  'Please send the certificate to [[ADDRESS:Room 1608, 16/F, Tower 2, 33 Canton Road, Tsim Sha Tsui, Kowloon]] attention Mr [[PERSON:Yip]].',
];

/** @example parseMarkup('家長[[PERSON:陳大文]]') // { text: '家長陳大文', entities: [{ type: 'PERSON', start: 2, end: 5 }] } */
export function parseMarkup(markup: string): Omit<CorpusDoc, 'id'> {
  let text = '';
  const entities: CorpusDoc['entities'] = [];
  const re = /\[\[([A-Z_]+):(.*?)\]\]/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(markup)) !== null) {
    text += markup.slice(last, m.index);
    entities.push({ type: m[1], start: text.length, end: text.length + m[2].length });
    text += m[2];
    last = m.index + m[0].length;
  }
  text += markup.slice(last);
  return { text, entities };
}

/** The first hold-out (25 documents). Its misses were read while writing README figures, so it is no longer blind. */
export function holdoutDocs(): CorpusDoc[] {
  return DOCS.map((d, i) => ({ id: `holdout-${i}`, ...parseMarkup(d) }));
}

/** The second hold-out (133 documents in six styles, `holdout-docs-2.ts`), labelled by LABELLING.md. */
export function holdout2Docs(style?: string): CorpusDoc[] {
  return HOLDOUT_2_STYLES.filter((s) => style === undefined || s.style === style).flatMap((s) =>
    s.docs.map((d, i) => ({ id: `${s.style}-${i}`, ...parseMarkup(d) })),
  );
}

/** Both hold-outs together: 158 hand-written documents. */
export function allHoldoutDocs(): CorpusDoc[] {
  return [...holdoutDocs(), ...holdout2Docs()];
}
