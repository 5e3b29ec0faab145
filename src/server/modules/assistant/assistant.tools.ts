import type { AssistantCitation, AssistantTool, TToolBody, TToolOutput } from '../../../shared/api/assistant.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { detectScript } from '../../../lib/text/detect-script.ts';
import { convertForDisplay } from '../../../lib/text/convert-for-display.ts';
import { translate } from '../../http/i18n.ts';

/**
 * The teacher tools: what each asks the model (system + user prompt), what it searches the library for,
 * and the template draft used when no provider is configured. Templates come from the UI catalogues
 * (`assistant.templates.*`), so an offline draft reads in the teacher's language and is plainly a template.
 */

const GRADE_WORDS: Record<string, string> = {
  primary: 'primary school (ages 6-12)',
  junior: 'junior secondary (ages 12-15)',
  senior: 'senior secondary (ages 15-18)',
};

const SYSTEM: Record<AssistantTool, string> = {
  'lesson-plan':
    'You help teachers in Guangdong, Hong Kong and Macao plan AI-education lessons. Ground the plan in the numbered sources; cite them as [n]. Align objectives to the listed AI competencies (human-centred mindset, ethics of AI, AI techniques and applications, AI system design). Placeholders such as <PERSON_1> stand for real people: keep them exactly as they are.',
  quiz: 'You write fair multiple-choice questions with one correct answer, an answer key (answerIndex, 0-based) and a short explanation each. Ground them in the numbered sources. Keep placeholders such as <PERSON_1> exactly as they are.',
  rubric:
    'You write clear analytic rubrics: criteria with level descriptors from highest to lowest. Keep placeholders such as <PERSON_1> exactly as they are.',
  feedback:
    'You give a teacher kind, specific feedback on a piece of student work: strengths, next steps and a short comment addressed to the student. Keep placeholders such as <PERSON_1> exactly as they are.',
  adapt:
    'You adapt teaching texts to another Chinese script and regional vocabulary (Mainland, Hong Kong, Macao) or to a reading level, keeping meaning. Keep placeholders such as <PERSON_1> exactly as they are.',
  'parent-notice':
    'You write short, warm, clear notices from a school to parents. Keep placeholders such as <PERSON_1> exactly as they are.',
};

export function systemPromptFor(tool: AssistantTool): string {
  return SYSTEM[tool];
}

/** What the library is searched for, to ground the tool. */
export function retrievalQueryFor(body: TToolBody): string | null {
  switch (body.tool) {
    case 'lesson-plan':
    case 'quiz':
      return body.input.topic;
    case 'rubric':
    case 'feedback':
      return body.input.task;
    default:
      return null;
  }
}

/** The user prompt, with the numbered sources. Every free-text field here is de-identified by the caller. */
export function promptFor(body: TToolBody, sources: string): string {
  const withSources = (text: string) => (sources ? `${text}\n\nSources:\n${sources}` : text);
  switch (body.tool) {
    case 'lesson-plan':
      return withSources(
        `Draft a ${body.input.minutes}-minute lesson plan on "${body.input.topic}" for ${GRADE_WORDS[body.input.gradeBand]}, subject ${body.input.subject}. Competencies: ${body.input.competencies.join(', ') || 'choose suitable ones'}.`,
      );
    case 'quiz':
      return withSources(
        `Write ${body.input.count} questions on "${body.input.topic}" for ${GRADE_WORDS[body.input.gradeBand]}, subject ${body.input.subject}.`,
      );
    case 'rubric':
      return withSources(
        `Write a rubric with ${body.input.levels} levels for this task (${GRADE_WORDS[body.input.gradeBand]}):\n${body.input.task}`,
      );
    case 'feedback':
      return withSources(`Task (${GRADE_WORDS[body.input.gradeBand]}):\n${body.input.task}\n\nStudent work:\n${body.input.work}`);
    case 'adapt':
      return `Adapt this text to ${body.input.target}${body.input.readingLevel ? ` at a ${GRADE_WORDS[body.input.readingLevel]} reading level` : ''}:\n${body.input.text}`;
    case 'parent-notice':
      return `Write a parent notice in ${body.input.language}. Purpose: ${body.input.purpose}\nDetails: ${body.input.details}`;
  }
}

/** The free-text fields of a tool input, in order: what the privacy guard must see before anything leaves. */
export function freeTextOf(body: TToolBody): string[] {
  switch (body.tool) {
    case 'lesson-plan':
    case 'quiz':
      return [body.input.topic];
    case 'rubric':
      return [body.input.task];
    case 'feedback':
      return [body.input.task, body.input.work];
    case 'adapt':
      return [body.input.text];
    case 'parent-notice':
      return [body.input.purpose, body.input.details];
  }
}

/** Replaces the free-text fields with their de-identified forms (same order as `freeTextOf`). */
export function withFreeText(body: TToolBody, texts: string[]): TToolBody {
  switch (body.tool) {
    case 'lesson-plan':
    case 'quiz':
      return { ...body, input: { ...body.input, topic: texts[0] } } as TToolBody;
    case 'rubric':
      return { ...body, input: { ...body.input, task: texts[0] } };
    case 'feedback':
      return { ...body, input: { ...body.input, task: texts[0], work: texts[1] } };
    case 'adapt':
      return { ...body, input: { ...body.input, text: texts[0] } };
    case 'parent-notice':
      return { ...body, input: { ...body.input, purpose: texts[0], details: texts[1] } };
  }
}

function t(lang: UiLanguage, key: string, vars: Record<string, string | number> = {}): string {
  const text = translate(lang, `assistant.templates.${key}`) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/**
 * A template draft, clearly a template: structure and the library's sources, no invented content. It is
 * what a teacher gets when the jurisdiction has no provider — never a pretend model.
 */
export function offlineDraft(body: TToolBody, citations: AssistantCitation[], lang: UiLanguage): TToolOutput<AssistantTool> {
  const sourceList = citations.map((c, i) => `[${i + 1}] ${c.title}`);
  switch (body.tool) {
    case 'lesson-plan': {
      const { topic, minutes, competencies } = body.input;
      const intro = Math.max(5, Math.round(minutes * 0.15));
      const practice = Math.max(5, Math.round(minutes * 0.45));
      const explore = Math.max(5, minutes - intro * 2 - practice);
      return {
        title: t(lang, 'lessonTitle', { topic }),
        objectives: [
          t(lang, 'objectiveUnderstand', { topic }),
          t(lang, 'objectiveApply', { topic }),
          t(lang, 'objectiveReflect', { topic }),
        ],
        competencies,
        activities: [
          { minutes: intro, activity: t(lang, 'activityHook', { topic }) },
          { minutes: explore, activity: t(lang, 'activityExplore', { sources: sourceList.join('；') || '—' }) },
          { minutes: practice, activity: t(lang, 'activityPractice', { topic }) },
          { minutes: intro, activity: t(lang, 'activityReflect') },
        ],
        assessment: t(lang, 'assessment', { topic }),
        materials: sourceList,
      };
    }
    case 'quiz':
      return {
        title: t(lang, 'quizTitle', { topic: body.input.topic }),
        questions: Array.from({ length: body.input.count }, (_, i) => ({
          prompt: t(lang, 'quizPrompt', { n: i + 1, topic: body.input.topic }),
          choices: ['A', 'B', 'C', 'D'],
          answerIndex: 0,
          explanation: citations[i % Math.max(1, citations.length)]
            ? t(lang, 'quizSource', { source: sourceList[i % citations.length] })
            : t(lang, 'quizExplain'),
        })),
      };
    case 'rubric':
      return {
        title: t(lang, 'rubricTitle'),
        criteria: ['criterionKnowledge', 'criterionProcess', 'criterionCommunication'].map((key) => ({
          criterion: t(lang, key),
          levels: Array.from({ length: body.input.levels }, (_, i) => t(lang, 'rubricLevel', { n: body.input.levels - i })),
        })),
      };
    case 'feedback':
      return { strengths: [t(lang, 'feedbackStrength')], nextSteps: [t(lang, 'feedbackNext')], comment: t(lang, 'feedbackComment') };
    case 'adapt': {
      const { text, target } = body.input;
      if (target === 'en' || target === 'pt') return { text, notes: [t(lang, 'adaptNeedsModel')] };
      // Script and regional vocabulary are rule-based (lib/text), so this part is real even offline.
      const converted = convertForDisplay(text, detectScript(text), target).text;
      return { text: converted, notes: [t(lang, 'adaptConverted'), ...(body.input.readingLevel ? [t(lang, 'adaptNeedsModel')] : [])] };
    }
    case 'parent-notice':
      return {
        subject: t(lang, 'noticeSubject', { purpose: body.input.purpose }),
        body: t(lang, 'noticeBody', { purpose: body.input.purpose, details: body.input.details }),
      };
  }
}

/** A tool output as the HTML body of a library draft. */
export function outputAsHtml(tool: AssistantTool, output: unknown, citations: AssistantCitation[], lang: UiLanguage): string {
  const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const list = (items: unknown[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  const h = (key: string) => `<h2>${esc(t(lang, `headings.${key}`))}</h2>`;
  const o = output as Record<string, never>;
  let html = '';
  switch (tool) {
    case 'lesson-plan': {
      const p = o as unknown as TToolOutput<'lesson-plan'>;
      html = `${h('objectives')}${list(p.objectives)}${h('activities')}<ol>${p.activities.map((a) => `<li>${esc(a.minutes)}′ — ${esc(a.activity)}</li>`).join('')}</ol>${h('assessment')}<p>${esc(p.assessment)}</p>${p.materials.length ? h('materials') + list(p.materials) : ''}`;
      break;
    }
    case 'quiz': {
      const q = o as unknown as TToolOutput<'quiz'>;
      html = `<ol>${q.questions.map((x) => `<li><p>${esc(x.prompt)}</p>${list(x.choices)}<p>${esc(t(lang, 'headings.answer'))}: ${esc(x.choices[x.answerIndex] ?? '')} — ${esc(x.explanation)}</p></li>`).join('')}</ol>`;
      break;
    }
    case 'rubric': {
      const r = o as unknown as TToolOutput<'rubric'>;
      html = `<table>${r.criteria.map((c) => `<tr><th>${esc(c.criterion)}</th>${c.levels.map((l) => `<td>${esc(l)}</td>`).join('')}</tr>`).join('')}</table>`;
      break;
    }
    case 'feedback': {
      const f = o as unknown as TToolOutput<'feedback'>;
      html = `${h('strengths')}${list(f.strengths)}${h('nextSteps')}${list(f.nextSteps)}<p>${esc(f.comment)}</p>`;
      break;
    }
    case 'adapt':
      html = `<p>${esc((o as unknown as TToolOutput<'adapt'>).text).replace(/\n/g, '<br>')}</p>`;
      break;
    case 'parent-notice':
      html = `<p>${esc((o as unknown as TToolOutput<'parent-notice'>).body).replace(/\n/g, '<br>')}</p>`;
      break;
  }
  const sources = citations.length
    ? `${h('sources')}<ol>${citations.map((c) => `<li><a href="${esc(c.link)}">${esc(c.title)}</a></li>`).join('')}</ol>`
    : '';
  return html + sources;
}

/** A readable title for the conversation list and the library draft. */
export function titleOf(body: TToolBody, output: unknown): string {
  const o = output as { title?: string; subject?: string };
  return (o.title ?? o.subject ?? freeTextOf(body)[0] ?? body.tool).slice(0, 200);
}
