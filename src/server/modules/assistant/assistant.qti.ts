import { XMLBuilder } from 'fast-xml-parser';
import type { TToolOutput } from '../../../shared/api/assistant.ts';

/**
 * A quiz question as a QTI 3.0 assessment item (1EdTech QTI 3.0 ASI: a single-choice interaction, the
 * correct answer in the response declaration, the standard match_correct response processing, and the
 * explanation as modal feedback), so it imports into any QTI 3 item bank.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

const CHOICE_IDS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function qtiItemXml(
  question: TToolOutput<'quiz'>['questions'][number],
  opts: { identifier: string; title: string; language: string },
): string {
  const choices = question.choices.slice(0, CHOICE_IDS.length);
  const item = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'qti-assessment-item': {
      '@_xmlns': 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd',
      '@_identifier': opts.identifier,
      '@_title': opts.title,
      '@_adaptive': 'false',
      '@_time-dependent': 'false',
      '@_xml:lang': opts.language,
      'qti-response-declaration': {
        '@_identifier': 'RESPONSE',
        '@_cardinality': 'single',
        '@_base-type': 'identifier',
        'qti-correct-response': { 'qti-value': CHOICE_IDS[question.answerIndex] ?? 'A' },
      },
      'qti-outcome-declaration': [
        { '@_identifier': 'SCORE', '@_cardinality': 'single', '@_base-type': 'float' },
        { '@_identifier': 'FEEDBACK', '@_cardinality': 'single', '@_base-type': 'identifier' },
      ],
      'qti-item-body': {
        'qti-choice-interaction': {
          '@_response-identifier': 'RESPONSE',
          '@_max-choices': '1',
          'qti-prompt': question.prompt,
          'qti-simple-choice': choices.map((text, i) => ({ '@_identifier': CHOICE_IDS[i], '#text': text })),
        },
      },
      'qti-response-processing': { '@_template': 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml' },
      'qti-modal-feedback': {
        '@_outcome-identifier': 'FEEDBACK',
        '@_identifier': 'EXPLANATION',
        '@_show-hide': 'hide',
        '#text': question.explanation,
      },
    },
  };
  return builder.build(item) as string;
}
